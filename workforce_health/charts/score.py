"""Scores on a fixed scale (0 to 100) as horizontal bars over shaded bands (low, moderate,
high), each bar labelled with its score and band in words; an earlier score as a marker."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from ._svg import TEXT_COLOUR, chart_id, close_svg, empty_chart, esc, open_svg, tick_label

WIDTH = 560
PLOT = 440  # the scale's width; the rest holds each bar's score and band
LINE, BAR, GAP = 18, 22, 12
WRAP = 68


@dataclass(frozen=True)
class Band:
    """A band of the scale: scores from ``low`` to ``high`` inclusive (whole numbers)."""

    name: str
    low: int
    high: int


@dataclass(frozen=True)
class Score:
    label: str
    value: float | None  # None: not shown (``missing`` says why)
    band: str = ""  # the band's name, as the source states it
    previous: float | None = None
    missing: str = "not shown"


# Band shading: GOV.UK's red, yellow, green and blue tints (app.scss's heatmap uses the same);
# the bars have 3:1 contrast or more against every one.
BAND_FILLS = ("#f4d7d7", "#ffee80", "#cfe4dc", "#d2e2f1")
BAR_COLOUR = "#1d70b8"


def band_fill(index: int) -> str:
    return BAND_FILLS[index % len(BAND_FILLS)]


def _scale(value: float, top: int) -> float:
    return max(0.0, min(value, top)) / top * PLOT


def _band_strip(bands: Sequence[Band], top: int, y0: int, y1: int) -> list[str]:
    """The bands as shaded columns behind every bar, named above the plot."""
    out = []
    for i, band in enumerate(bands):
        start = 0.0 if i == 0 else _scale(band.low - 0.5, top)
        end = PLOT if i == len(bands) - 1 else _scale(band.high + 0.5, top)
        fill = band_fill(i)
        out.append(
            f'<rect x="{start:.1f}" y="{y0}" width="{end - start:.1f}" height="{y1 - y0}" '
            f'fill="{fill}" class="app-chart__band app-chart__band--{i}"/>'
        )
        out.append(
            f'<text x="{(start + end) / 2:.1f}" y="{y0 - 22}" text-anchor="middle" '
            f'font-weight="bold">{esc(band.name)}</text>'
        )
        out.append(
            f'<text x="{(start + end) / 2:.1f}" y="{y0 - 6}" text-anchor="middle">'
            f"{band.low} to {band.high}</text>"
        )
    return out


def _describe(title: str, scores: Sequence[Score]) -> str:
    shown = [s for s in scores if s.value is not None]
    parts = [
        f"{s.label}: {tick_label(s.value or 0)}" + (f" ({s.band})" if s.band else "") for s in shown
    ]
    text = f"{title}. " + "; ".join(parts) + "."
    hidden = [s.label for s in scores if s.value is None]
    if hidden:
        text += " Not shown: " + "; ".join(hidden) + "."
    if any(s.previous is not None for s in shown):
        text += " The marker on each bar is the previous survey's score."
    return text


def score_chart(
    scores: Sequence[Score],
    *,
    title: str,
    bands: Sequence[Band],
    top: int = 100,
    ident: str | None = None,
) -> str:
    """An SVG of ``scores`` from 0 to ``top`` over ``bands``, one bar per score."""
    ident = chart_id(title, ident)
    if not any(s.value is not None for s in scores):
        return empty_chart(ident, title, WIDTH)
    rows: list[str] = []
    y = 4
    for line in textwrap.wrap(title, WRAP - 8):
        y += LINE + 2
        rows.append(f'<text x="0" y="{y - 4}" font-weight="bold">{esc(line)}</text>')
    with_previous = any(s.previous is not None for s in scores)
    if with_previous:  # the marker's key
        y += LINE + 4
        rows.append(
            f'<rect x="0" y="{y - 15}" width="4" height="18" fill="{TEXT_COLOUR}" '
            f'class="app-chart__marker"/>'
        )
        rows.append(f'<text x="12" y="{y - 2}">Previous survey</text>')
    y += 44  # room for the band names
    plot_top = y
    bars: list[str] = []
    for score in scores:
        for line in textwrap.wrap(score.label, WRAP) or [""]:
            y += LINE
            bars.append(f'<text x="4" y="{y - 4}">{esc(line)}</text>')
        if score.value is None:
            bars.append(f'<text x="6" y="{y + 16}" font-style="italic">{esc(score.missing)}</text>')
        else:
            length = _scale(score.value, top)
            bars.append(
                f'<rect x="0" y="{y}" width="{length:.1f}" height="{BAR}" fill="{BAR_COLOUR}" '
                f'class="app-chart__bar app-chart__bar--score"/>'
            )
            words = tick_label(score.value) + (f" {score.band}" if score.band else "")
            bars.append(f'<text x="{PLOT + 8}" y="{y + 16}" font-weight="bold">{esc(words)}</text>')
            if score.previous is not None:
                at = _scale(score.previous, top)
                bars.append(
                    f'<rect x="{at - 2:.1f}" y="{y - 4}" width="4" height="{BAR + 8}" '
                    f'fill="{TEXT_COLOUR}" stroke="#ffffff" stroke-width="1" '
                    f'class="app-chart__marker"/>'
                )
        y += BAR + GAP
    plot_bottom = y - GAP + 6
    rows += _band_strip(bands, top, plot_top, plot_bottom)
    rows += bars
    height = plot_bottom + 4
    out = open_svg(ident, title, _describe(title, scores), WIDTH, height)
    return "\n".join(out + rows + close_svg())

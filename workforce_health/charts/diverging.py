"""Diverging stacked bars of agreement: for each question, disagree to the left of a centre
line, neither across it, agree to the right, so the balance of opinion reads at a glance."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from ._svg import (
    TEXT_COLOUR,
    Formatter,
    chart_id,
    close_svg,
    default_format,
    empty_chart,
    esc,
    open_svg,
)

WIDTH = 560
CENTRE = WIDTH / 2
HALF = 270  # 100% on one side of the centre line
LINE, BAR, GAP = 18, 24, 14
WRAP = 68
MIN_LABEL = 36  # a segment narrower than this has no label inside (the table gives it)


@dataclass(frozen=True)
class Agreement:
    """One question's answers in % of those answering (don't know excluded); ``None``: hidden."""

    label: str
    disagree: float | None
    neutral: float | None
    agree: float | None
    missing: str = "not shown"

    @property
    def known(self) -> bool:
        return None not in (self.disagree, self.neutral, self.agree)


@dataclass(frozen=True)
class _Part:
    name: str
    colour: str
    text: str  # the colour of a label inside the segment (4.5:1 against it)
    css: str


DISAGREE = _Part("Disagree", "#b3311c", "#ffffff", "app-chart__segment--disagree")
NEUTRAL = _Part("Neither", "#cecece", TEXT_COLOUR, "app-chart__segment--neutral")
AGREE = _Part("Agree", "#1d70b8", "#ffffff", "app-chart__segment--agree")


def _segment(part: _Part, x: float, width: float, y: float, label: str) -> list[str]:
    if width <= 0:
        return []
    out = [
        f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR}" fill="{part.colour}" '
        f'stroke="#ffffff" stroke-width="1" class="app-chart__segment {part.css}"/>'
    ]
    if width >= MIN_LABEL:
        out.append(
            f'<text x="{x + width / 2:.1f}" y="{y + 17}" text-anchor="middle" '
            f'fill="{part.text}" class="app-chart__segment-label">{esc(label)}</text>'
        )
    return out


def _legend() -> list[str]:
    out = []
    for i, part in enumerate((DISAGREE, NEUTRAL, AGREE)):
        x = i * 130
        out.append(
            f'<rect x="{x}" y="0" width="16" height="16" fill="{part.colour}" '
            f'stroke="{TEXT_COLOUR}" stroke-width="0.5" class="app-chart__segment {part.css}"/>'
        )
        out.append(f'<text x="{x + 22}" y="13">{part.name}</text>')
    return out


def _describe(title: str, rows: Sequence[Agreement], format_value: Formatter) -> str:
    parts = []
    for row in rows:
        if row.known:
            parts.append(
                f"{row.label}: {format_value(row.disagree or 0)}% disagree, "
                f"{format_value(row.neutral or 0)}% neither, {format_value(row.agree or 0)}% agree"
            )
        else:
            parts.append(f"{row.label}: {row.missing}")
    return f"{title}. " + "; ".join(parts) + "."


def diverging_chart(
    rows: Sequence[Agreement],
    *,
    title: str,
    format_value: Formatter = default_format,
    ident: str | None = None,
) -> str:
    """An SVG of each row's disagree, neither and agree shares around a centre line; the
    labels inside the bars are whole percentages (the table gives the exact figures)."""
    ident = chart_id(title, ident)
    if not any(row.known for row in rows):
        return empty_chart(ident, title, WIDTH)
    head: list[str] = []
    y = 4
    for line in textwrap.wrap(title, WRAP - 8):
        y += LINE + 2
        head.append(f'<text x="0" y="{y - 4}" font-weight="bold">{esc(line)}</text>')
    y += 10
    head.append(f'<g transform="translate(0 {y})">')
    head += _legend()
    head.append("</g>")
    y += 24
    head.append(f'<text x="{CENTRE - 8}" y="{y + 14}" text-anchor="end">← Disagree</text>')
    head.append(f'<text x="{CENTRE + 8}" y="{y + 14}">Agree →</text>')
    head.append(  # the centre, which every bar's neither straddles
        f'<line x1="{CENTRE}" x2="{CENTRE}" y1="{y}" y2="{y + 20}" stroke="{TEXT_COLOUR}" '
        f'stroke-width="2" class="app-chart__axis"/>'
    )
    y += 22
    body: list[str] = []
    scale = HALF / 100
    for row in rows:
        for line in textwrap.wrap(row.label, WRAP) or [""]:
            y += LINE
            body.append(f'<text x="0" y="{y - 4}">{esc(line)}</text>')
        if not row.known:
            body.append(
                f'<text x="{CENTRE}" y="{y + 17}" text-anchor="middle" '
                f'font-style="italic">{esc(row.missing)}</text>'
            )
        else:
            disagree, neutral, agree = (
                (row.disagree or 0) * scale,
                (row.neutral or 0) * scale,
                (row.agree or 0) * scale,
            )
            start = CENTRE - neutral / 2
            for part, x, width, value in (
                (DISAGREE, start - disagree, disagree, row.disagree),
                (NEUTRAL, start, neutral, row.neutral),
                (AGREE, start + neutral, agree, row.agree),
            ):
                body += _segment(part, x, width, y, f"{math.floor((value or 0) + 0.5)}%")
        y += BAR + GAP
    height = y - GAP + 8
    out = open_svg(ident, title, _describe(title, rows, format_value), WIDTH, height)
    return "\n".join(out + head + body + close_svg())

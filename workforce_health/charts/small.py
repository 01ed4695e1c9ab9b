"""Small multiples: a compact line chart, one of a grid showing several measures side by side.

The page names each chart in a heading above it and shows one legend for the whole grid
(`legend_key`), so the chart itself holds only the plot; its ``<title>`` and ``<desc>`` still
name it and give every series' first and last value."""

from __future__ import annotations

from collections.abc import Sequence

from ._svg import (
    GRID_COLOUR,
    TEXT_COLOUR,
    Formatter,
    chart_id,
    close_svg,
    default_format,
    empty_chart,
    esc,
    nice_ticks,
    open_svg,
    tick_label,
)
from .line import LOOKS, Series, _describe, _marker, _segments, _stroke
from .score import Band, band_fill

WIDTH, HEIGHT = 320, 180
LEFT, RIGHT, TOP, BOTTOM = 44, 14, 12, 28


def small_line_chart(
    series: Sequence[Series],
    *,
    categories: Sequence[str],
    title: str,
    unit: str = "",
    format_value: Formatter = default_format,
    top: float | None = None,
    bands: Sequence[Band] = (),
    ident: str | None = None,
) -> str:
    """A small SVG line chart: a fixed scale up to ``top`` if given (with ``bands`` shaded
    behind the lines), else from 0 to a round number above the largest value."""
    ident = chart_id(title, ident)
    for s in series:
        if len(s.values) != len(categories):
            raise ValueError(f"series {s.name!r} has {len(s.values)} values for {len(categories)}")
    known = [v for s in series for v in s.values if v is not None]
    if not categories or not known:
        return empty_chart(ident, title, WIDTH, HEIGHT)
    ticks = [0.0, top / 2, top] if top else nice_ticks(max(known), 3)
    y_max = ticks[-1]
    x0, x1, y0, y1 = LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM

    def x_at(i: int) -> float:
        n = len(categories)
        return (x0 + x1) / 2 if n == 1 else x0 + 10 + i * (x1 - x0 - 20) / (n - 1)

    def y_at(v: float) -> float:
        return y1 - max(0.0, min(v, y_max)) / y_max * (y1 - y0)

    out = open_svg(
        ident, title, _describe(title, categories, series, unit, format_value), WIDTH, HEIGHT
    )
    for i, band in enumerate(bands):
        upper = y_at(band.high + 0.5 if i < len(bands) - 1 else y_max)
        lower = y_at(band.low - 0.5 if i else 0)
        out.append(
            f'<rect x="{x0}" y="{upper:.1f}" width="{x1 - x0}" height="{lower - upper:.1f}" '
            f'fill="{band_fill(i)}" class="app-chart__band app-chart__band--{i}"/>'
        )
    for tick in ticks:
        y = y_at(tick)
        label = tick_label(tick) + ("%" if unit == "%" else "")
        out.append(
            f'<line x1="{x0}" x2="{x1}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID_COLOUR}" '
            f'class="app-chart__gridline"/>'
        )
        out.append(f'<text x="{x0 - 6}" y="{y + 5:.1f}" text-anchor="end">{esc(label)}</text>')
    out.append(
        f'<line x1="{x0}" x2="{x1}" y1="{y1}" y2="{y1}" stroke="{TEXT_COLOUR}" '
        f'class="app-chart__axis"/>'
    )
    last = len(categories) - 1
    labelled = range(last + 1) if last < 5 else sorted({0, last})  # every one, if they fit
    for i in labelled:
        anchor = "middle" if 0 < i < last or not last else ("start" if i == 0 else "end")
        out.append(
            f'<text x="{x_at(i):.1f}" y="{y1 + 20}" text-anchor="{anchor}">'
            f"{esc(categories[i])}</text>"
        )
    for s in reversed(series):  # the first series is drawn last, on top
        look = LOOKS[s.style]
        points = [None if v is None else (x_at(i), y_at(v)) for i, v in enumerate(s.values)]
        out.append(f'<g class="app-chart__series" data-series="{esc(s.name)}">')
        for run in _segments(points):
            if len(run) > 1:
                d = "M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in run)
                out.append(f'<path d="{d}" {_stroke(look)}/>')
        for point in points:
            if point is not None:
                out.append(_marker(look.marker, point[0], point[1], look))
        out.append("</g>")
    return "\n".join(out + close_svg())


STYLE_WORDS = {
    "primary": "solid line with circles",
    "secondary": "dotted line with squares",
    "reference": "dashed line with diamonds",
    "comparison": "dash-dot line with triangles",
}


def legend_key(
    series: Sequence[Series], *, bands: Sequence[Band] = (), ident: str = "chart-key"
) -> str:
    """The one key of a grid of small charts: each series' line, marker and name, and the
    shading of each band."""
    row = 24
    height = row * (len(series) + len(bands)) + 4
    desc = [f"{s.name}: {STYLE_WORDS[s.style]}" for s in series]
    desc += [f"{b.name} ({b.low} to {b.high}): shading {i + 1}" for i, b in enumerate(bands)]
    out = open_svg(ident, "Key to the charts", "; ".join(desc) + ".", 320, height)
    for i, s in enumerate(series):
        look = LOOKS[s.style]
        y = 12 + i * row
        out.append(f'<path d="M2 {y} H34" {_stroke(look)}/>')
        out.append(_marker(look.marker, 18, y, look))
        out.append(f'<text x="42" y="{y + 5}">{esc(s.name)}</text>')
    for i, band in enumerate(bands):
        y = 12 + (len(series) + i) * row
        out.append(
            f'<rect x="2" y="{y - 9}" width="32" height="18" fill="{band_fill(i)}" '
            f'stroke="{GRID_COLOUR}" class="app-chart__band app-chart__band--{i}"/>'
        )
        out.append(f'<text x="42" y="{y + 5}">{esc(band.name)} ({band.low} to {band.high})</text>')
    return "\n".join(out + close_svg())

"""Line charts over ordered categories (e.g. census years), one line per series."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ._svg import (
    GRID_COLOUR,
    TEXT_COLOUR,
    Formatter,
    chart_id,
    close_svg,
    default_format,
    empty_chart,
    esc,
    fmt,
    nice_ticks,
    open_svg,
    tick_label,
)

Style = Literal["primary", "secondary", "reference", "comparison"]

WIDTH = 560
PLOT_HEIGHT = 220
LEFT, RIGHT, BOTTOM = 56, 20, 36
LEGEND_ROW = 22


@dataclass(frozen=True)
class Series:
    """One line: ``values`` line up with the chart's categories; ``None`` is a gap."""

    name: str
    values: Sequence[float | None]
    style: Style = "primary"


@dataclass(frozen=True)
class _Look:
    colour: str
    width: float
    dash: str
    marker: str
    line_class: str
    point_class: str


# Solid line and circles; dotted line and squares; dashed line and diamonds; dash-dot line
# and triangles.
LOOKS: dict[Style, _Look] = {
    "primary": _Look("#1d70b8", 3, "", "circle", "app-chart__line", "app-chart__point"),
    "secondary": _Look("#6f3c97", 2.5, "2 5", "square", "", ""),
    "reference": _Look(
        TEXT_COLOUR, 2, "8 4", "diamond", "app-chart__line app-chart__line--target", ""
    ),
    "comparison": _Look("#00703c", 2, "10 3 2 3", "triangle", "", ""),
}


def _marker(kind: str, x: float, y: float, look: _Look) -> str:
    cls = f' class="{look.point_class}"' if look.point_class else ""
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{look.colour}"{cls}/>'
    if kind == "square":
        return (
            f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" '
            f'fill="{look.colour}"{cls}/>'
        )
    if kind == "triangle":
        points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}"
    else:  # diamond
        points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
    return f'<polygon points="{points}" fill="{look.colour}"{cls}/>'


def _stroke(look: _Look) -> str:
    cls = look.line_class
    dash = f' stroke-dasharray="{look.dash}"' if look.dash else ""
    return (
        f'fill="none" stroke="{look.colour}" stroke-width="{look.width}"{dash} '
        f'stroke-linecap="round" stroke-linejoin="round"' + (f' class="{cls}"' if cls else "")
    )


def _segments(points: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Runs of consecutive known points: a missing value breaks the line."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def _describe(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    unit: str,
    format_value: Formatter,
) -> str:
    parts = []
    for s in series:
        known = [(c, v) for c, v in zip(categories, s.values, strict=True) if v is not None]
        if not known:
            parts.append(f"{s.name}: no data")
            continue
        (first_c, first_v), (last_c, last_v) = known[0], known[-1]
        text = f"{s.name}: {fmt(last_v, unit, format_value)} in {last_c}"
        if first_c != last_c:
            text += f", from {fmt(first_v, unit, format_value)} in {first_c}"
        if len(known) < len(categories):
            text += " (some values missing)"
        parts.append(text)
    return f"{title}, {categories[0]} to {categories[-1]}. " + "; ".join(parts) + "."


def line_chart(
    series: Sequence[Series],
    *,
    categories: Sequence[str],
    title: str,
    y_label: str,
    unit: str = "",
    format_value: Formatter = default_format,
    ident: str | None = None,
) -> str:
    """An SVG line chart of ``series`` over ``categories``, with a legend above the plot."""
    ident = chart_id(title, ident)
    for s in series:
        if len(s.values) != len(categories):
            raise ValueError(f"series {s.name!r} has {len(s.values)} values for {len(categories)}")
    known = [v for s in series for v in s.values if v is not None]
    if not categories or not known:
        return empty_chart(ident, title, WIDTH)

    legend_height = LEGEND_ROW * len(series) + 8
    top = legend_height + 28  # room for the y-axis label
    height = top + PLOT_HEIGHT + BOTTOM
    x0, x1, y1 = LEFT, WIDTH - RIGHT, top + PLOT_HEIGHT
    ticks = nice_ticks(max(known))
    y_max = ticks[-1]

    def x_at(i: int) -> float:
        n = len(categories)
        return (x0 + x1) / 2 if n == 1 else x0 + 16 + i * (x1 - x0 - 32) / (n - 1)

    def y_at(v: float) -> float:
        return y1 - max(v, 0) / y_max * PLOT_HEIGHT

    desc = _describe(title, categories, series, unit, format_value)
    out = open_svg(ident, title, desc, WIDTH, height)

    for row, s in enumerate(series):  # legend: line sample, marker, name
        look = LOOKS[s.style]
        ly = 12 + row * LEGEND_ROW
        out.append(f'<path d="M2 {ly} H34" {_stroke(look)}/>')
        out.append(_marker(look.marker, 18, ly, look))
        out.append(f'<text x="42" y="{ly + 5}">{esc(s.name)}</text>')

    out.append(f'<text x="0" y="{top - 12}" font-weight="bold">{esc(y_label)}</text>')
    for tick in ticks:
        y = y_at(tick)
        label = tick_label(tick) + ("%" if unit == "%" else "")
        out.append(
            f'<line x1="{x0}" x2="{x1}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID_COLOUR}" '
            f'class="app-chart__gridline"/>'
        )
        out.append(f'<text x="{x0 - 8}" y="{y + 5:.1f}" text-anchor="end">{esc(label)}</text>')
    out.append(
        f'<line x1="{x0}" x2="{x1}" y1="{y1}" y2="{y1}" stroke="{TEXT_COLOUR}" '
        f'class="app-chart__axis"/>'
    )
    step = max(1, -(-len(categories) // 10))  # at most about 10 labels
    for i, category in enumerate(categories):
        if i % step == 0 or i == len(categories) - 1:
            out.append(
                f'<text x="{x_at(i):.1f}" y="{y1 + 22}" text-anchor="middle">{esc(category)}</text>'
            )

    for s in series:
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

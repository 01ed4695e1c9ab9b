"""Horizontal bar charts: each category's label sits above its bar, its value at the end."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from ._svg import (
    Formatter,
    chart_id,
    close_svg,
    default_format,
    empty_chart,
    esc,
    fmt,
    open_svg,
)

WIDTH = 560
VALUE_ROOM = 110  # space right of the longest bar for its value label
LINE, BAR, GAP = 18, 22, 14
WRAP = 68  # characters per label line at 14px Arial in 560 units


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None


def _describe(title: str, bars: Sequence[Bar], unit: str, format_value: Formatter) -> str:
    known = [b for b in bars if b.value is not None]
    if len(known) == 1:
        only = known[0]
        return f"{title}: {only.label} {fmt(only.value or 0, unit, format_value)}."
    high = max(known, key=lambda b: b.value or 0)
    low = min(known, key=lambda b: b.value or 0)
    text = (
        f"{title}, {len(bars)} categories. Highest: {high.label}, "
        f"{fmt(high.value or 0, unit, format_value)}. Lowest: {low.label}, "
        f"{fmt(low.value or 0, unit, format_value)}."
    )
    missing = len(bars) - len(known)
    return text + (f" {missing} with no value." if missing else "")


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    unit: str = "",
    format_value: Formatter = default_format,
    ident: str | None = None,
) -> str:
    """An SVG horizontal bar chart; a missing value is written as "no value" with no bar."""
    ident = chart_id(title, ident)
    if not any(b.value is not None for b in bars):
        return empty_chart(ident, title, WIDTH)
    longest = max(b.value or 0 for b in bars) or 1.0
    scale = (WIDTH - VALUE_ROOM) / longest
    rows: list[str] = []
    y = 4
    for line in textwrap.wrap(title, WRAP - 8):  # a visible title, as the bars are unlabelled
        y += LINE + 2
        rows.append(f'<text x="0" y="{y - 4}" font-weight="bold">{esc(line)}</text>')
    y += 8
    for bar in bars:
        lines = textwrap.wrap(bar.label, WRAP) or [""]
        for line in lines:
            y += LINE
            rows.append(f'<text x="0" y="{y - 4}">{esc(line)}</text>')
        if bar.value is None:
            rows.append(f'<text x="6" y="{y + 16}" font-style="italic">no value</text>')
        else:
            length = max(bar.value, 0) * scale
            rows.append(
                f'<rect x="0" y="{y}" width="{length:.1f}" height="{BAR}" fill="#1d70b8" '
                f'class="app-chart__bar"/>'
            )
            label = esc(fmt(bar.value, unit, format_value))
            rows.append(
                f'<text x="{length + 6:.1f}" y="{y + 16}" font-weight="bold">{label}</text>'
            )
        y += BAR + GAP
    height = y
    out = open_svg(ident, title, _describe(title, bars, unit, format_value), WIDTH, height)
    return "\n".join(out + rows + close_svg())

"""Shared SVG helpers: escaping, number formatting, axis ticks, the frame and "No data"."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from html import escape

FONT = 'font-family="Arial, sans-serif" font-size="14" fill="#0b0c0c"'
TEXT_COLOUR = "#0b0c0c"
GRID_COLOUR = "#cecece"
NO_DATA = "No data to show for this period"

Formatter = Callable[[float], str]


def esc(text: object) -> str:
    """Escape text for an SVG element or attribute."""
    return escape(str(text), quote=True)


def default_format(value: float) -> str:
    return f"{value:,.1f}"


def fmt(value: float, unit: str, format_value: Formatter) -> str:
    """A value with its unit: "%" is attached, other units follow a space."""
    text = format_value(value)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def chart_id(title: str, given: str | None) -> str:
    """The chart's element id: the one given (escaped, as callers build it from codes and
    slugs), or one made from the title."""
    if given:
        return esc(given)
    return "chart-" + hashlib.blake2s(title.encode(), digest_size=4).hexdigest()


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Tick values from 0 up to at least ``maximum``, in steps of 1, 2, 2.5 or 5 (x 10^n)."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    steps = math.ceil(maximum / step - 1e-9)
    return [round(i * step, 10) for i in range(steps + 1)]


def tick_label(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}".rstrip("0").rstrip(".")


def open_svg(ident: str, title: str, desc: str, width: int, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" focusable="false">',
        f'<title id="{ident}-title">{esc(title)}</title>',
        f'<desc id="{ident}-desc">{esc(desc)}</desc>',
        f"<g {FONT}>",
    ]


def close_svg() -> list[str]:
    return ["</g>", "</svg>"]


def empty_chart(ident: str, title: str, width: int, height: int = 120) -> str:
    """A chart with no values: the title and a clear message, nothing that looks like data."""
    parts = open_svg(ident, title, f"{title}: {NO_DATA.lower()}.", width, height)
    parts.append(
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="none" '
        f'stroke="{GRID_COLOUR}" class="app-chart__gridline"/>'
    )
    parts.append(
        f'<text x="{width / 2:g}" y="{height / 2:g}" text-anchor="middle" '
        f'dominant-baseline="middle" class="app-chart__message">{esc(NO_DATA)}</text>'
    )
    return "\n".join(parts + close_svg())

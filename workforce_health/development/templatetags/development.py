"""Template filters for the development pages: figures written as the tables write them."""

from django import template

from workforce_health.development.models.asye import Judgement
from workforce_health.rounding import format_count, format_rate

register = template.Library()


@register.filter
def percent(value: float | None, none: str = "none due") -> str:
    """12.34 as "12.3%"; None (nothing to divide by) as ``none``."""
    return none if value is None else f"{format_rate(value)}%"


@register.filter
def one_dp(value: float | None, none: str = "not rated") -> str:
    return none if value is None else format_rate(value)


@register.filter
def judgement(code: str) -> str:
    """A review's progress judgement in words."""
    return str(Judgement(code).label) if code in Judgement.values else ""


@register.filter
def number(value: float | None) -> str:
    """A count with thousands separators."""
    return "0" if value is None else format_count(value)

"""Filters for the careers pages: pounds, salary ranges, dates and paragraphs of text."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import template

from workforce_health.careers.pages import paragraphs as split_paragraphs

register = template.Library()


@register.filter
def pounds(value: int | Decimal | None) -> str:
    """£32,000 (whole pounds); empty for no value."""
    return "" if value is None else f"£{int(value):,}"


@register.filter
def salary(low: int | Decimal, high: int | Decimal) -> str:
    return pounds(low) if int(low) == int(high) else f"{pounds(low)} to {pounds(high)}"


@register.filter
def day_text(value: datetime.date | str | None) -> str:
    """27 March 2026 (GOV.UK date style)."""
    if not value:
        return ""
    day = datetime.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {day:%B %Y}"


@register.filter
def paragraphs(value: str) -> list[str]:
    """Text split at blank lines; each paragraph is escaped where the template shows it."""
    return split_paragraphs(value or "")


@register.filter
def hours(value: Decimal) -> str:
    """37 or 22.5: no trailing zeros."""
    return format(Decimal(value).normalize(), "f")

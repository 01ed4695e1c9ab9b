"""Template helpers for GOV.UK components: `{% load govuk %}`."""

from typing import Any

from django import template
from django.core.paginator import Page

register = template.Library()


@register.simple_tag
def govuk_page_range(page_obj: Page, on_each_side: int = 1, on_ends: int = 1) -> list[Any]:
    """Page numbers for the pagination component, with None for each gap."""
    paginator = page_obj.paginator
    return [
        None if n == paginator.ELLIPSIS else n
        for n in paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]

"""Keep every part of a page inside a landmark (axe's "region" rule)."""

from django import template
from django.template.base import NodeList, Parser, Token
from django.template.context import Context
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


class BackNavigationNode(template.Node):
    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist  # found by {% extends %}: the blocks inside still override

    def render(self, context: Context) -> SafeString:
        rendered = self.nodelist.render(context)
        if not rendered.strip() or rendered.lstrip().startswith("<nav"):
            return rendered  # nothing to show, or breadcrumbs: a landmark already
        return format_html('<nav aria-label="Back">{}</nav>', rendered)


@register.tag
def back_navigation(parser: Parser, token: Token) -> BackNavigationNode:
    """{% back_navigation %}...{% endback_navigation %}: a back link before <main>, as GOV.UK
    places it, inside a navigation landmark; left alone when empty or already a <nav>."""
    nodelist = parser.parse(("endback_navigation",))
    parser.delete_first_token()
    return BackNavigationNode(nodelist)

"""Every axe-core rule, best practices included, at every impact (the issue 12 quality bar).

`assert_accessible` (conftest.py) runs this on every page the browser tests visit.
"""

from typing import Any

# What Chromium says when a link's navigation replaces the document while axe reads it.
_NAVIGATION_RACE = ("documentElement", "Execution context was destroyed", "navigat")


def axe_violations(page: Any) -> list[str]:
    """Each violation as "rule: help at [targets]"; empty when axe finds none.

    A click on a link returns before the next page has loaded, so axe waits for the load and a
    whole document, and starts again (at most three times) if it is replaced under it."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error

    for attempt in range(3):
        _wait_for_a_whole_document(page)
        try:
            result = Axe().run(page)  # axe-core's default rules: WCAG and best practices
            break
        except Error as error:
            if attempt == 2 or not any(s in str(error) for s in _NAVIGATION_RACE):
                raise
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in result.response["violations"]
    ]


def settled_html(page: Any) -> str:
    """The HTML of the page once a whole document is there, to check in a second page.

    A click returns before its page has loaded, and a document being replaced reads as an
    empty one (no title, no lang): wait for the load, then for the head and the lang."""
    _wait_for_a_whole_document(page)
    return page.content()


def _wait_for_a_whole_document(page: Any) -> None:
    from playwright.sync_api import expect

    page.wait_for_load_state("load")
    expect(page.locator("html[lang] > head > title")).to_have_count(1)
    page.wait_for_load_state("load")

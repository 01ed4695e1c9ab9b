"""Browser tests: Debian's Chromium driven by Playwright, every page checked with axe-core.

Playwright cannot download its own browser here, so it launches /usr/bin/chromium (or
$CHROMIUM_PATH). Without it the tests are skipped with a clear message, unless
REQUIRE_BROWSER_TESTS is set (CI), when a missing browser is a failure.
"""

import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SKIP_REASON = f"browser tests skipped: no Chromium at {CHROMIUM} (apt-get install chromium)"


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if "browser" in item.keywords]
    if not browser_items or CHROMIUM.exists():
        return
    if os.environ.get("REQUIRE_BROWSER_TESTS"):
        raise pytest.UsageError(f"REQUIRE_BROWSER_TESTS is set but {SKIP_REASON}")
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=SKIP_REASON))
    config._browser_tests_skipped = len(browser_items)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture
def assert_accessible(page):
    """Run axe-core on the current page: every rule, best practices included, at every impact
    (issue 12's bar: no violations at all)."""
    from tests.browser.strict_axe import axe_violations

    def check() -> None:
        bad = axe_violations(page)
        assert not bad, f"{page.url}:\n" + "\n".join(bad)

    return check


@pytest.fixture
def sign_in(page, live_server):
    def go(username: str, password: str) -> None:
        page.goto(f"{live_server.url}/sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()

    return go

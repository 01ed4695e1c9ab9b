"""In Chromium, the Content-Security-Policy lets GOV.UK Frontend's scripts run (from static
files) and blocks any inline script, such as one smuggled into a page."""

import pytest

from tests import factories
from tests.surveys import helpers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INJECTED = "<script>window.injectedRan = true</script>"


def _violations(page) -> list[str]:
    seen: list[str] = []
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return seen


def test_the_respondent_page_runs_govuk_frontend_and_blocks_inline_script(page, live_server):
    wave = helpers.open_wave(factories.council())
    token = helpers.shared_token(wave, service="Children's Services")
    url = f"{live_server.url}/s/{token}/section/1/"
    violations = _violations(page)
    page.goto(url)
    classes = page.evaluate("document.body.className")
    assert "js-enabled" in classes and "govuk-frontend-supported" in classes
    assert violations == []

    def inject(route) -> None:  # the page as a stored-script attack would serve it
        response = route.fetch()
        body = response.text().replace("</main>", f"{INJECTED}</main>")
        route.fulfill(response=response, body=body)

    page.route(url, inject)
    page.goto(url)
    assert page.evaluate("window.injectedRan === undefined")
    assert any("script-src 'self'" in text for text in violations), violations


def test_staff_pages_raise_no_policy_violation(page, sign_in, live_server):
    factories.council()
    violations = _violations(page)
    sign_in("workforce_lead-991", factories.PASSWORD)
    for path in ("/", "/surveys/", "/workforce/", "/workforce/breakdowns/", "/people/"):
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.ok, path
        assert "js-enabled" in page.evaluate("document.body.className")
    assert violations == []

"""Walk every URL pattern and prove who may see it: anonymous visitors and each role."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.route_expectations import (
    ARGUMENTS,
    EXPECTED,
    NOT_FOUND,
    POST_ONLY,
    PUBLIC,
    RECENT_SIGN_IN,
    SIGN_IN_STEP,
    Role,
)

ALL_ROLES = frozenset(Role.values)


def _named_patterns(patterns, prefix="") -> dict[str, URLPattern]:
    found: dict[str, URLPattern] = {}
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found |= _named_patterns(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            found[pattern.name] = pattern
    return found


ROUTES = _named_patterns(get_resolver().url_patterns)


def _url(name: str, council) -> str:
    wanted = ROUTES[name].pattern.regex.groupindex
    return reverse(name, kwargs={key: ARGUMENTS[key](council) for key in wanted})


def test_every_route_has_an_expectation():
    assert set(ROUTES) == set(EXPECTED)


def test_anonymous_visitor(council, client):
    wrong = []
    for name, expected in EXPECTED.items():
        url = _url(name, council)
        response = client.get(url)
        if expected == PUBLIC:
            ok = response.status_code == 200
        elif expected == POST_ONLY:
            ok = response.status_code == 405
        elif expected == SIGN_IN_STEP:
            ok = response.status_code == 302 and response["Location"] == reverse("sign-in")
        else:
            ok = response.status_code == 302 and response["Location"].startswith(
                reverse("sign-in") + "?next="
            )
        if not ok:
            wrong.append(f"GET {url}: {response.status_code}")
    assert not wrong


def _wanted(name: str, role: str) -> int:
    expected = EXPECTED[name]
    if expected == PUBLIC:
        # signed-in users go home from sign-in
        return 302 if name in ("sign-in", "account_login") else 200
    if expected == POST_ONLY:
        return 405
    if expected in (SIGN_IN_STEP, RECENT_SIGN_IN):
        return 302
    if role in expected:
        return 200
    return 404 if role in NOT_FOUND.get(name, set()) else 403


@pytest.mark.parametrize("role", sorted(ALL_ROLES))
def test_each_role(role, council, client):
    client.force_login(council.users[role])
    wrong = []
    for name in EXPECTED:
        url = _url(name, council)
        status = client.get(url).status_code
        if status != _wanted(name, role):
            wrong.append(f"{role} GET {url}: {status}, expected {_wanted(name, role)}")
    assert not wrong


def test_sign_out_is_a_post_that_ends_the_session(council, client):
    client.force_login(council.users[Role.PRACTITIONER])
    response = client.post(reverse("sign-out"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_refusal_and_not_found_pages_use_the_service_design(council, client):
    client.force_login(council.users[Role.PRACTITIONER])
    refused = client.get(reverse("structure"))
    missing = client.get("/no-such-page/")
    assert refused.status_code == 403 and "govuk-template" in refused.content.decode()
    assert missing.status_code == 404 and "Page not found" in missing.content.decode()

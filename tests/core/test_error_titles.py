"""A page with form errors is titled "Error: <title>" once: base.html adds the prefix."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from workforce_health.core.models import Membership

Role = Membership.Role
pytestmark = pytest.mark.django_db


def _title(response) -> str:
    found = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)
    assert found, "no <title>"
    return found.group(1).strip()


def test_sign_in_with_a_wrong_password(client, council):
    response = client.post(reverse("sign-in"), {"username": "nobody", "password": "wrong"})
    assert _title(response) == "Error: Sign in – Workforce Health"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("team-create", "Error: Add a team – Workforce Health"),
        ("person-create", "Error: Add a person – Workforce Health"),
        ("census-export", "Error: Export the census return – Workforce Health"),
        ("survey-wave-create", "Error: Create a survey – Workforce Health"),
        ("survey-results-import", "Error: Import an earlier year's survey – Workforce Health"),
    ],
)
def test_an_empty_form_is_titled_error_once(client, council, name, title):
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    # Any field makes the POST non-empty, so the form is bound and every required field fails.
    assert _title(client.post(reverse(name), {"sent": "1"})) == title


@pytest.mark.parametrize("host", ["bad host!", "evil.example"])
def test_a_request_refused_before_the_middleware_is_a_bad_request_page(host):
    """A Host header the service does not accept: 400 with the service's page, not a 500 from
    laying out a page for a request that has no user yet."""
    client = Client(raise_request_exception=True)
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 400
    assert _title(response) == "Sorry, there is a problem with your request – Workforce Health"

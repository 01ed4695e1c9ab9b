"""The respondent pages, and only they, are under the anonymous path prefixes."""

import pytest
from django.urls import reverse

from workforce_health.core.anonymous_paths import is_anonymous_path

TOKEN = "A" * 43


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("survey-start", {"token": TOKEN}),
        ("survey-section", {"token": TOKEN, "number": 2}),
        ("survey-check", {"token": TOKEN}),
        ("survey-shared", {"la_code": "991", "slug": "health-check-2026"}),
    ],
)
def test_every_respondent_page_is_an_anonymous_path(name: str, kwargs: dict[str, object]) -> None:
    assert is_anonymous_path(reverse(name, kwargs=kwargs))


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("survey-wave-detail", {"wave_id": 1}),  # "/surveys/...", a lead's page
        ("home", {}),
        ("person-list", {}),
    ],
)
def test_staff_pages_are_not(name: str, kwargs: dict[str, object]) -> None:
    assert not is_anonymous_path(reverse(name, kwargs=kwargs))

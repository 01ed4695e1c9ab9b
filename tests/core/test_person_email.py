"""A person's email address: optional, validated on the model, entered and shown on their pages."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import factories
from workforce_health.core import services
from workforce_health.core.forms import PersonForm
from workforce_health.core.models import EMAIL_INVALID, Membership, Person

Role = Membership.Role


def _person_post(**overrides: str) -> dict[str, str]:
    return {
        "given_name": "Jo",
        "family_name": "Bloggs",
        "employee_number": "E1234",
        "email": "jo.bloggs@example.org",
        "is_registered_social_worker": "",
    } | overrides


def test_email_is_optional_trimmed_and_need_not_be_unique(council):
    first = factories.person(council.organisation, "E1", "Jo Bloggs", email=" jo@example.org ")
    second = factories.person(council.organisation, "E2", "Jo Bloggs", email="jo@example.org")
    without = factories.person(council.organisation, "E3", "Sam Taylor")
    assert (first.email, second.email, without.email) == ("jo@example.org", "jo@example.org", "")


def test_a_malformed_email_is_refused_with_the_models_wording(council):
    with pytest.raises(ValidationError) as refused:
        factories.person(council.organisation, "E1", email="jo.bloggs.example.org")
    assert refused.value.message_dict == {"email": [EMAIL_INVALID]}
    assert not Person.objects.filter(employee_number="E1").exists()


def test_person_update_changes_the_email(council):
    services.person_update(person=council.social_worker, email="alex.morgan@example.org")
    council.social_worker.refresh_from_db()
    assert council.social_worker.email == "alex.morgan@example.org"


def test_the_email_input_follows_the_govuk_pattern(council):
    page = str(PersonForm(organisation=council.organisation))
    found = re.search(r'<input type="email"[^>]*name="email"[^>]*>', page)
    assert found, page
    for attribute in ('class="govuk-input"', 'autocomplete="email"', 'spellcheck="false"'):
        assert attribute in found[0]
    assert "Email address (optional)" in page


def test_lead_adds_and_changes_a_persons_email(council, client_for):
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    created = client.post(reverse("person-create"), _person_post())
    person = Person.objects.get(employee_number="E1234")
    assert created.status_code == 302 and person.email == "jo.bloggs@example.org"
    changed = client.post(
        reverse("person-edit", args=[person.pk]), _person_post(email="jo@example.org")
    )
    person.refresh_from_db()
    assert changed.status_code == 302 and person.email == "jo@example.org"


def test_a_bad_email_on_the_form_is_summarised_and_nothing_is_saved(council, client_for):
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    response = client.post(reverse("person-create"), _person_post(email="jo at example"))
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error:" in page
    assert 'href="#id_email">Enter an email address in the correct format' in page
    assert not Person.objects.filter(employee_number="E1234").exists()


def test_the_email_shows_to_hr_roles_and_the_person_but_not_to_managers(council, client_for):
    services.person_update(person=council.social_worker, email="alex.morgan@example.org")
    detail = reverse("person-detail", args=[council.social_worker.pk])
    lead = client_for(council.users[Role.WORKFORCE_LEAD]).get(detail).content.decode()
    assert "Email address" in lead and "alex.morgan@example.org" in lead
    own = client_for(council.users[Role.PRACTITIONER]).get(reverse("my-record"))
    assert "alex.morgan@example.org" in own.content.decode()
    manager = client_for(council.users[Role.TEAM_MANAGER]).get(detail)
    assert manager.status_code == 200 and "alex.morgan@example.org" not in manager.content.decode()

"""Loading the demo council into the database, its sign-ins and the management commands.

The demo is loaded once for the module (about 1 s with the test password hasher); each test runs
in its own transaction, so tests that reset or reload it leave the module's copy in place.
"""

import datetime
import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from workforce_health.core import services
from workforce_health.core.models import Employment, Membership, Organisation, Person
from workforce_health.demo.council import LA_CODE
from workforce_health.demo.errors import DemoError
from workforce_health.demo.generator import generate
from workforce_health.demo.loader import (
    DEMO_PASSWORD,
    DEMO_USERNAMES,
    DemoResult,
    demo_is_loaded,
    demo_load,
    demo_reset,
    demo_sign_ins,
)

TODAY = datetime.date(2025, 11, 14)
Role = Membership.Role
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        result = demo_load(today=TODAY, report_files=False)
        yield result
        demo_reset()


def current(on: datetime.date = TODAY):
    return Employment.objects.filter(start_date__lte=on).exclude(end_date__lt=on)


def test_everything_generated_is_loaded(loaded: DemoResult):
    organisation = loaded.organisation
    assert organisation.la_code == LA_CODE and demo_is_loaded()
    assert Person.objects.filter(organisation=organisation).count() == loaded.people
    assert Employment.objects.filter(organisation=organisation).count() == loaded.employments
    assert organisation.services.count() == 2 and 32 <= organisation.teams.count() <= 36


@pytest.mark.parametrize(("kind", "low", "high"), [("children", 225, 275), ("adults", 180, 220)])
def test_headcount_today(kind, low, high):
    in_post = current().filter(team__service__kind=kind).values("person").distinct().count()
    assert low <= in_post <= high


def test_a_sample_of_rows_passes_full_model_validation():
    """Every 15th person and employment, with the model's own queries (overlap, uniqueness)."""
    for person in Person.objects.order_by("pk")[::15]:
        person.full_clean()
    for employment in Employment.objects.select_related("person", "team").order_by("pk")[::15]:
        employment.full_clean()


def test_a_sign_in_for_every_role_that_can_authenticate():
    memberships = Membership.objects.filter(organisation__la_code=LA_CODE)
    assert {m.role for m in memberships} == set(Role.values)
    for username in DEMO_USERNAMES:
        assert authenticate(username=username, password=DEMO_PASSWORD) is not None, username
    assert [s.username for s in demo_sign_ins()] == list(DEMO_USERNAMES)


def test_sign_ins_are_linked_to_the_right_people():
    membership = {
        m.user.username: m
        for m in Membership.objects.select_related("user", "person", "team", "service")
    }
    lead, manager = membership["lead"], membership["team-manager"]
    assert current().filter(person=lead.person, job_role="principal_social_worker").exists()
    assert current().filter(person=manager.person, team=manager.team, job_role="team_manager")
    practitioner = membership["practitioner"].person
    assert practitioner and practitioner.is_registered_social_worker
    assert current().filter(person=practitioner, team=manager.team).exists()
    children, adults = membership["children-manager"].service, membership["adults-manager"].service
    assert children and children.kind == "children"
    assert adults and adults.kind == "adults"


def test_every_demo_person_has_an_email_address():
    people = Person.objects.filter(organisation__la_code=LA_CODE)
    emails = list(people.values_list("email", flat=True))
    assert emails and all(e.endswith("@northmoor.example") for e in emails)
    assert len(set(emails)) == len(emails)


def test_opening_a_new_wave_on_the_demo_emails_every_invitee(capsys):
    call_command(
        "survey",
        "create-wave",
        "--organisation",
        LA_CODE,
        "--questionnaire",
        "social-work-health-check",
        "--name",
        "Children's Health Check 2026",
        "--slug",
        "childrens-2026",
        "--service",
        "Children's Services",
    )
    call_command("survey", "open", "--wave", "childrens-2026", "--organisation", LA_CODE)
    found = re.search(r"(\d+) invited, (\d+) emailed, 0 without", capsys.readouterr().out)
    assert found and int(found[1]) == int(found[2]) == len(mail.outbox) > 150
    assert all(m.to[0].endswith("@northmoor.example") for m in mail.outbox)
    assert re.search(r"http://127\.0\.0\.1:8000/s/[\w-]{43}/", str(mail.outbox[0].body))


def test_loading_twice_refuses_and_adds_nothing():
    with pytest.raises(DemoError, match="already loaded"):
        demo_load(today=TODAY)
    assert Organisation.objects.filter(la_code=LA_CODE).count() == 1
    assert get_user_model().objects.filter(username__in=DEMO_USERNAMES).count() == 7


def test_the_demo_command_refuses_when_loaded():
    with pytest.raises(CommandError, match="--reset"):
        call_command("demo")


def test_reset_reloads_the_demo_and_nothing_else(council, capsys):
    call_command("demo", "--reset", "--seed", "3")
    output = capsys.readouterr().out
    assert all(username in output for username in DEMO_USERNAMES)
    assert DEMO_PASSWORD in output and "http://127.0.0.1:8000/" in output
    assert Organisation.objects.filter(la_code=council.organisation.la_code).exists()
    assert Organisation.objects.filter(la_code="990").count() == 1
    demo_people = Person.objects.filter(organisation__la_code="990").count()
    assert demo_people == len(generate(today=timezone.localdate(), seed=3).people)


def test_usernames_already_taken_are_reported():
    demo_reset()
    organisation = services.organisation_create(name="Elsewhere", la_code="993")
    services.user_with_membership_create(
        username="admin",
        password="x-long-password-1",
        organisation=organisation,
        role=Role.ADMINISTRATOR,
    )
    with pytest.raises(DemoError, match="admin"):
        demo_load(today=TODAY)
    assert not demo_is_loaded()


def test_demo_if_empty_prints_the_sign_ins_when_already_loaded(capsys):
    people = Person.objects.count()
    call_command("demo_if_empty")
    assert "practitioner" in capsys.readouterr().out
    assert Person.objects.count() == people


def test_demo_if_empty_loads_into_an_empty_database(capsys):
    demo_reset()
    assert not Organisation.objects.exists()
    call_command("demo_if_empty")
    assert "Loaded the demo council" in capsys.readouterr().out
    assert demo_is_loaded()


def test_demo_if_empty_leaves_a_database_with_other_councils_alone(council, capsys):
    demo_reset()
    call_command("demo_if_empty")
    assert "not loaded" in capsys.readouterr().out
    assert not demo_is_loaded()

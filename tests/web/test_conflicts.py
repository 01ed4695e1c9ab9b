"""Two people editing the same shared record: the second save no longer silently wipes the
first's (issue 11, finding 9). Every form that edits a shared record is opened by two sessions;
one saves, then the other's save is refused (409) with what is saved now, and nothing is
overwritten; saving again from that page deliberately keeps the second person's values."""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import pytest
from django.test import Client
from django.urls import reverse

from tests.benchmarks.conftest import indicators
from tests.surveys import helpers
from tests.web.form_data import form_data
from workforce_health.benchmarks import selectors as benchmark_selectors
from workforce_health.benchmarks import services as benchmark_services
from workforce_health.core.models import Employment, Membership, Person, Team
from workforce_health.reports import services as report_services
from workforce_health.reports.models import Report
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.surveys.services import questionnaires

pytestmark = pytest.mark.django_db
Role = Membership.Role


@dataclass
class Case:
    url: str
    field: str
    first: str  # what the first session saves
    second: str  # what the second session, working from the page as it opened it, enters
    saved: Callable[[], str]  # the field's value as saved


def _team(council) -> Case:
    team = council.assessment
    return Case(
        reverse("team-edit", args=[team.pk]),
        "name",
        "Assessment North East",
        "Assessment and Intervention",
        lambda: Team.objects.get(pk=team.pk).name,
    )


def _person(council) -> Case:
    person = council.social_worker
    return Case(
        reverse("person-edit", args=[person.pk]),
        "given_name",
        "Alexandra",
        "Alexa",
        lambda: Person.objects.get(pk=person.pk).given_name,
    )


def _employment(council) -> Case:
    spell = council.social_worker.employments.get()
    return Case(
        reverse("employment-edit", args=[spell.pk]),
        "fte",
        "0.6",
        "0.8",
        lambda: f"{Employment.objects.get(pk=spell.pk).fte.normalize():f}",
    )


def _report(council) -> Case:
    """The finding: one session's commentary wiped by another's save of the whole form."""
    report = report_services.report_create(
        organisation=council.organisation,
        meeting_date=datetime.date(2026, 1, 20),
        services=[council.children],
    )
    return Case(
        reverse("report-edit", args=[report.pk]),
        "commentary_summary",
        "Turnover fell after the retention payments.",
        "Caseloads are still too high.",
        lambda: Report.objects.get(pk=report.pk).commentary.get("summary", ""),
    )


def _wave_details(council) -> Case:
    wave = helpers.wave(council)
    return Case(
        reverse("survey-wave-edit", kwargs={"wave_id": wave.pk}),
        "title",
        "Health Check spring 2025",
        "Health Check 2025 (children's)",
        lambda: Wave.objects.get(pk=wave.pk).title,
    )


def _wave_settings(council) -> Case:
    wave = helpers.wave(council)
    return Case(
        reverse("survey-wave-settings", kwargs={"wave_id": wave.pk}),
        "min_group_size",
        "7",
        "8",
        lambda: str(Wave.objects.get(pk=wave.pk).min_group_size),
    )


def _copy(council) -> Questionnaire:
    return questionnaires.questionnaire_copy(
        organisation=council.organisation, questionnaire=helpers.builtin(), title="Our check"
    )


def _reword(council) -> Case:
    copy = _copy(council)
    return Case(
        reverse("survey-questionnaire-edit", kwargs={"questionnaire_id": copy.pk}),
        "title",
        "Our check 2025",
        "Our Health Check",
        lambda: Questionnaire.objects.get(pk=copy.pk).title,
    )


def _options(council) -> Case:
    """A question only this copy asks, so that changing its options keeps its code."""
    copy = questionnaires.questionnaire_item_add(
        questionnaire=_copy(council),
        item=qn.Item(
            code="our_mode",
            type=qn.CHOICE,
            text="How do you usually travel to visits?",
            options=(qn.Option("car", "Car"), qn.Option("bus", "Bus")),
        ),
        section="workload",
    )
    code = "our_mode"
    return Case(
        reverse(
            "survey-questionnaire-options", kwargs={"questionnaire_id": copy.pk, "item_code": code}
        ),
        "options",
        "Weekly\nMonthly\nRarely",
        "Every week\nEvery month\nLess often",
        lambda: "\n".join(
            o.label for o in Questionnaire.objects.get(pk=copy.pk).parsed().item(code).options
        ),
    )


def _comparators(council) -> Case:
    benchmark_services.published_release_import(source=indicators(), filename="i.csv")
    return Case(
        reverse("benchmark-comparators"),
        "in_region",
        "330",
        "331",
        lambda: ",".join(benchmark_selectors.comparator_codes(organisation=council.organisation)),
    )


CASES = {
    "team": _team,
    "person": _person,
    "employment": _employment,
    "report draft": _report,
    "draft wave's details": _wave_details,
    "draft wave's settings": _wave_settings,
    "questionnaire wording": _reword,
    "questionnaire options": _options,
    "comparator councils": _comparators,
}


def _errors(page: str) -> list[str]:
    return re.findall(r"<li><a href=[^>]*>(.*?)</a>", page, re.S)


def _session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("what", CASES)
def test_the_second_save_shows_the_conflict_instead_of_overwriting(council, what):
    case = CASES[what](council)
    first, second = (_session(council.users[r]) for r in (Role.WORKFORCE_LEAD, Role.ADMINISTRATOR))
    first_form = form_data(first.get(case.url).content.decode())
    second_form = form_data(second.get(case.url).content.decode())
    assert first_form["lock_version"] == second_form["lock_version"]

    saved = first.post(case.url, first_form | {case.field: [case.first]})
    assert saved.status_code == 302, saved.content.decode()[-3000:]
    assert case.saved() == case.first

    refused = second.post(case.url, second_form | {case.field: [case.second]})
    page = refused.content.decode()
    assert refused.status_code == 409
    assert "Someone else saved changes to this" in page and "<title>Error: " in page
    assert "Changes saved by someone else" in page
    shown = escape(case.first.splitlines()[0])
    assert shown in page, "the conflict page shows what the first session saved"
    assert case.saved() == case.first  # nothing overwritten

    again = second.post(case.url, form_data(page))  # saved deliberately from the conflict page
    assert again.status_code == 302, _errors(again.content.decode())
    assert case.saved() == case.second


def test_a_form_without_a_version_is_saved_as_before(council):
    """A page opened before this change (no lock_version posted) still saves."""
    case = _team(council)
    lead = _session(council.users[Role.WORKFORCE_LEAD])
    posted = form_data(lead.get(case.url).content.decode())
    posted.pop("lock_version")
    assert lead.post(case.url, posted | {"name": ["Assessment Central"]}).status_code == 302
    assert case.saved() == "Assessment Central"


def test_the_conflict_page_shows_hostile_text_as_text(council):
    case = _team(council)
    first, second = (_session(council.users[r]) for r in (Role.WORKFORCE_LEAD, Role.ADMINISTRATOR))
    second_form = form_data(second.get(case.url).content.decode())
    first_form = form_data(first.get(case.url).content.decode())
    hostile = '<script>alert("team")</script>'
    assert first.post(case.url, first_form | {"name": [hostile]}).status_code == 302
    page = second.post(case.url, second_form | {"name": ["North"]}).content.decode()
    assert hostile not in page and escape(hostile) in page

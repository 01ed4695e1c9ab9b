"""A workforce lead adapts a copy of a questionnaire, changes a draft survey before it opens,
and gives how many were invited to an earlier year's survey, in the browser (axe-checked)."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.surveys import helpers
from workforce_health.results import imports
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.surveys.services import past_waves, waves

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _error_summary(page, text: str) -> None:
    expect(page.locator(".govuk-error-summary")).to_contain_text(text)
    expect(page).to_have_title(re.compile(r"^Error: "))


def test_lead_adapts_a_copy_of_a_questionnaire(page, live_server, sign_in, assert_accessible):
    council = factories.council()
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/surveys/")
    page.get_by_role("link", name="Social Work Health Check (version 1)").click()
    expect(page.get_by_role("link", name="Add a question")).to_have_count(0)  # packaged
    page.get_by_role("link", name="Make a copy to adapt").click()
    page.get_by_label("Title of your copy").fill("Testshire Health Check")
    page.get_by_role("button", name="Make a copy").click()
    copy = Questionnaire.objects.get(organisation=council.organisation)
    page.goto(f"{live_server.url}/surveys/questionnaires/{copy.pk}/")
    assert_accessible()

    page.get_by_role("link", name="Add a question").click()
    page.get_by_role("button", name="Continue").click()
    _error_summary(page, "Choose the kind of question")
    assert_accessible()
    page.get_by_label("A statement to agree or disagree with").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "A statement to agree or disagree with"
    )
    assert_accessible()
    page.get_by_label("Code").fill("team")
    page.get_by_label("Question", exact=True).fill("I can work from home when I need to")
    page.get_by_label("Your workload").check()
    page.get_by_label("Theme: Experience of the workplace").check()
    page.get_by_label("It is negatively worded").check()
    page.get_by_role("button", name="Add the question").click()
    _error_summary(page, "Code team is kept for a group or the wave")
    assert_accessible()
    page.get_by_label("Code").fill("our_hybrid")
    page.get_by_role("button", name="Add the question").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Question our_hybrid added")
    expect(page.get_by_role("row", name="our_hybrid")).to_contain_text("(reverse-scored)")

    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("A question answered in their own words").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Code").fill("our_travel")
    page.get_by_label("Question", exact=True).fill("What would make travelling easier?")
    page.get_by_label("A new section at the end").check()
    page.get_by_label("Title of the new section").fill("Travel")
    page.get_by_role("button", name="Add the question").click()
    expect(page.get_by_role("region", name="Travel")).to_contain_text("our_travel")

    page.get_by_role("link", name="Change options of supervision_frequency").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the options")
    assert_accessible()
    page.get_by_label("Options").fill("Weekly")
    page.get_by_role("button", name="Save options").click()
    _error_summary(page, "Enter at least 2 options, one on each line")
    page.get_by_label("Options").fill("Weekly\nEvery two weeks\nMonthly\nLess often")
    page.get_by_role("button", name="Save options").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "New code supervision_frequency_v2"
    )

    page.get_by_role("link", name="Remove sw_stress").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove this question?")
    assert_accessible()
    page.get_by_role("button", name="Remove the question").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Question sw_stress removed")
    parsed = Questionnaire.objects.get(pk=copy.pk).parsed()
    codes = {item.code for item in parsed.items()}
    assert {"our_hybrid", "our_travel", "supervision_frequency_v2"} <= codes
    assert not {"sw_stress", "supervision_frequency", "team"} & codes

    helpers.open_wave(council, questionnaire=copy)
    page.goto(f"{live_server.url}/surveys/questionnaires/{copy.pk}/")
    expect(page.locator("main")).to_contain_text("A survey using this copy has opened")
    expect(page.get_by_role("link", name="Add a question")).to_have_count(0)
    page.goto(f"{live_server.url}/surveys/questionnaires/{copy.pk}/questions/add/agree/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This copy can no longer change")
    assert_accessible()


def _date(page, legend: str, day: datetime.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_lead_changes_a_draft_survey_until_it_opens(page, live_server, sign_in, assert_accessible):
    council = factories.council()
    draft = helpers.wave(council)
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/surveys/waves/{draft.pk}/")
    page.get_by_role("link", name="Change dates").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the survey")
    assert_accessible()
    page.get_by_label("Title").fill("")
    page.get_by_label("Children's Services").uncheck()
    _date(page, "Closing date", draft.opens_on)
    page.get_by_role("button", name="Save changes").click()
    _error_summary(page, "Enter the title")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose at least one service")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The closing date must be after the opening date"
    )
    assert_accessible()
    page.get_by_label("Title").fill("Testshire Social Work Health Check 2026")
    page.get_by_label("Children's Services").check()
    page.get_by_label("Adult Social Care").check()
    page.get_by_label("Senior or advanced practitioner").uncheck()
    _date(page, "Closing date", draft.opens_on + datetime.timedelta(days=14))
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Testshire Social Work Health Check 2026 saved"
    )
    expect(page.locator("main")).to_contain_text("Adult Social Care, Children's Services")
    draft.refresh_from_db()
    assert draft.staff_groups == ["social_worker", "manager"]
    assert draft.closes_on == draft.opens_on + datetime.timedelta(days=14)

    waves.wave_open(wave=draft)
    page.goto(f"{live_server.url}/surveys/waves/{draft.pk}/")
    expect(page.get_by_role("link", name="Change dates")).to_have_count(0)
    page.goto(f"{live_server.url}/surveys/waves/{draft.pk}/change/")
    expect(page.locator("main")).to_contain_text("has opened, so its questionnaire, title")
    assert_accessible()
    assert Wave.objects.get(pk=draft.pk).title == "Testshire Social Work Health Check 2026"


def test_lead_gives_how_many_were_invited_to_an_earlier_survey(
    page, live_server, sign_in, assert_accessible, tmp_path
):
    council = factories.council()
    responses = tmp_path / "responses-2022.csv"
    responses.write_text("team,sw_pride\n" + "Team A,Agree\n" * 6 + "Team B,Disagree\n" * 5)
    invited = tmp_path / "invited-2022.csv"
    invited.write_text("team,invited\nTeam A,nine\nTeam B,8\n")
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/surveys/results/import/")
    expect(page.get_by_role("link", name="CSV template for invited counts")).to_be_visible()
    page.get_by_label("Name of the survey").fill("Children's Health Check 2022")
    page.get_by_label("Short name").fill("hc-2022")
    page.get_by_label("Year the survey ran").fill("2022")
    page.get_by_label("Questionnaire its questions match").select_option(
        label="Social Work Health Check (version 1)"
    )
    page.get_by_label("Children's Services").check()
    page.get_by_label("Responses file (CSV or XLSX)").set_input_files(responses)
    page.get_by_label("Invited counts file (CSV or XLSX)").set_input_files(invited)
    page.get_by_role("button", name="Import responses").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "In invited-2022.csv: Row 2, column invited: 'nine' is not a whole number"
    )
    assert_accessible()
    assert not Wave.objects.filter(slug="hc-2022").exists()

    invited.write_text("team,invited\nTeam A,9\nTeam B,8\n")
    page.get_by_label("Responses file (CSV or XLSX)").set_input_files(responses)
    page.get_by_label("Invited counts file (CSV or XLSX)").set_input_files(invited)
    page.get_by_role("button", name="Import responses").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Imported 11 responses into Children's Health Check 2022, with 17 invited in 2 groups"
    )
    expect(page.locator("main")).to_contain_text("11 of 17 invited")

    # An earlier import without counts: they are given afterwards on the wave's page.
    earlier = past_waves.past_wave_create(
        organisation=council.organisation,
        questionnaire=helpers.builtin(),
        title="Children's Health Check 2021",
        slug="hc-2021",
        services=[council.children],
        opens_on=datetime.date(2021, 2, 1),
        closes_on=datetime.date(2021, 3, 1),
    )
    imports.responses_import(wave=earlier, source=responses.read_bytes(), filename="r.csv")
    page.goto(f"{live_server.url}/surveys/waves/{earlier.pk}/")
    page.get_by_role("link", name="Record how many were invited").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How many were invited")
    assert_accessible()
    invited.write_text("invited\n5\n")
    page.get_by_label("Invited counts file (CSV or XLSX)").set_input_files(invited)
    page.get_by_role("button", name="Record invited counts").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "the counts add up to 5 invited, fewer than the 11 responses"
    )
    assert_accessible()
    invited.write_text("team,invited\nTeam A,10\nTeam B,12\n")
    page.get_by_label("Invited counts file (CSV or XLSX)").set_input_files(invited)
    page.get_by_role("button", name="Record invited counts").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Recorded 22 invited in 2 groups for Children's Health Check 2021"
    )
    expect(page.locator("main")).to_contain_text("11 of 22 invited")

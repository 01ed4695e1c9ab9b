"""Pulse surveys: a series locked to the Health Check it follows, opened on schedule with the
Health Check's invitations and form, its trend beside the Health Check; check-backs and session
feedback; and none of them on the Health Check's own results pages or report section."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import Role
from tests.listening import helpers
from tests.surveys import helpers as survey_helpers
from workforce_health.listening import selectors, services, survey_adapter
from workforce_health.listening.models import Action, LeaderSession, Pulse, PulseSeries
from workforce_health.surveys.models import Questionnaire, Wave

ITEM = "sw_recommend_employer"


@pytest.fixture
def reference(council):
    helpers.more_staff(council, 12)
    return helpers.past_health_check(
        council,
        slug="hc-2025",
        year=2025,
        agree_share=0.5,
        item=ITEM,
        teams={"Assessment North": 12, "Safeguarding East": 10},
    )


@pytest.mark.django_db
def test_a_series_takes_the_health_checks_groups_and_settings_and_5_to_12_questions(
    council, reference
):
    series = helpers.series(council, reference)
    assert series.slug == "childrens-pulse"
    too_short = survey_adapter.packaged(survey_adapter.CHECK_BACK)  # three questions
    with pytest.raises(ValidationError, match="5 to 12 questions"):
        helpers.series(council, reference, questionnaire=too_short)
    draft = survey_helpers.wave(council, slug="not-open")
    with pytest.raises(ValidationError):
        helpers.series(council, draft)
    chosen = services.pulse_questionnaire_from_items(
        organisation=council.organisation,
        source=reference.questionnaire,
        item_codes=["sw_workload_manageable", "sw_fair_allocation", ITEM, "sw_pride", "sw_valued"],
        title="Workload pulse",
    )
    assert [i.code for i in chosen.parsed().items()] == [
        "sw_workload_manageable",
        "sw_fair_allocation",
        "sw_pride",
        ITEM,
        "sw_valued",
    ]  # the Health Check's codes, in its order: their trends join
    assert chosen.parsed().item("sw_workload_manageable").standard == "S3"
    with pytest.raises(ValidationError):
        services.pulse_questionnaire_from_items(
            organisation=council.organisation,
            source=reference.questionnaire,
            item_codes=[ITEM],
            title="Too few",
        )


@pytest.mark.django_db
def test_the_schedule_opens_invites_and_closes_pulses_and_skips_while_a_health_check_runs(
    council, reference
):
    survey_helpers.give_emails(council)
    start = timezone.localdate()
    series = helpers.series(council, reference, starts_on=start, open_days=10)
    done = services.pulses_run(today=start, base_url="http://testserver")
    assert not done.skipped, done.skipped
    [pulse] = done.opened
    wave = pulse.wave
    assert wave.purpose == Wave.Purpose.LISTENING and wave.status == Wave.Status.OPEN
    assert wave.min_group_size == reference.min_group_size == 5  # the Health Check's
    assert wave.staff_groups == reference.staff_groups
    assert {s.pk for s in wave.services.all()} == {council.children.pk}
    assert wave.invitations.filter(sent_on__isnull=False).count() >= 12
    assert services.pulses_run(today=start).opened == []  # running again changes nothing
    assert services.pulses_run(today=start + datetime.timedelta(days=10)).closed == [pulse]
    # The next quarter's pulse does not run while a Health Check of the same services is open
    # (or planned to be).
    next_quarter = series.period_starts(start + datetime.timedelta(days=100))[1]
    survey_helpers.wave(
        council,
        slug="hc-next",
        opens_on=next_quarter - datetime.timedelta(days=3),
        closes_on=next_quarter + datetime.timedelta(days=25),
    )
    skipped = services.pulses_run(today=next_quarter)
    assert skipped.opened == [] and skipped.skipped[0][0] == series
    assert Pulse.objects.count() == 1


@pytest.mark.django_db
def test_a_pulse_is_answered_on_the_survey_form_and_trends_beside_the_health_check(
    council, client, reference
):
    survey_helpers.give_emails(council)
    series = helpers.series(council, reference)
    pulse = services.pulse_open(
        series=series, period_start=series.starts_on, today=timezone.localdate(), base_url=None
    )
    tokens = survey_helpers.invitation_tokens(pulse.wave)
    for token in tokens[:8]:
        client.post(reverse("survey-section", kwargs={"token": token, "number": 1}), {ITEM: "4"})
        client.post(reverse("survey-check", kwargs={"token": token}))
    services.pulse_close(pulse=pulse)
    [result] = selectors.series_results(series)
    whole = result.measures[ITEM][(None, None)]
    assert whole.value == 100.0 and whole.n == 8
    trend = selectors.series_trend(series, key=(None, None), results=[result])
    assert [c.label for c in trend.columns] == [
        "Health Check 2025",
        f"{timezone.localdate().year} Q{(timezone.localdate().month - 1) // 3 + 1} pulse",
    ]
    recommend = next(row for row in trend.rows if row[0] == ITEM)
    assert [v for v, _ in recommend[2]] == [50.0, 100.0]
    looking = next(row for row in trend.rows if row[0] == "eng_look_forward")
    assert looking[2][0] == (None, "Not asked")  # the Health Check did not ask it
    client.force_login(council.users[Role.SERVICE_MANAGER])
    page = client.get(reverse("listening-pulse-series", args=[series.pk]))
    assert page.status_code == 200
    assert "chart-pulse-trend-title" in page.content.decode()
    download = client.get(
        reverse("listening-pulse-download", args=[series.pk, "pulse-trend", "xlsx"])
    )
    assert download.status_code == 200


@pytest.mark.django_db
def test_listening_surveys_stay_off_the_health_checks_results_and_survey_results(
    council, client, reference
):
    series = helpers.series(council, reference)
    pulse = services.pulse_open(
        series=series, period_start=series.starts_on, today=timezone.localdate(), base_url=None
    )
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    index = client.get(reverse("survey-results-index")).content.decode()
    assert "Social Work Health Check 2025" in index and "pulse" not in index
    assert client.get(reverse("survey-results", args=[pulse.wave.pk])).status_code == 404
    with pytest.raises(CommandError, match="listening survey"):
        call_command("survey", "results", "--wave", pulse.wave.slug, "--format", "json")


@pytest.mark.django_db
def test_a_check_back_goes_to_the_group_six_weeks_on_and_shows_whole_survey_results(
    council, client, reference
):
    survey_helpers.give_emails(council)
    action = helpers.action(council, services=[council.children])
    with pytest.raises(ValidationError):
        services.check_back_create(action=action)  # not complete yet
    services.action_progress(
        action=action,
        status=Action.Status.COMPLETE,
        note="Done",
        author=None,
        completed_on=timezone.localdate() - datetime.timedelta(weeks=6),
        evidence="Audit",
    )
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    assert client.post(reverse("listening-action-check-back", args=[action.pk])).status_code == 302
    action.refresh_from_db()
    wave = action.check_back_wave
    assert wave is not None
    assert wave.purpose == Wave.Purpose.LISTENING and wave.status == Wave.Status.OPEN
    assert wave.questionnaire.code == survey_adapter.CHECK_BACK
    opened = selectors.check_back_result(action=action)
    assert opened is not None and opened.respondents is None  # open: nothing yet
    tokens = survey_helpers.invitation_tokens(wave)
    for token in tokens[:4]:
        client.post(
            reverse("survey-section", kwargs={"token": token, "number": 1}), {"chk_difference": "5"}
        )
        client.post(reverse("survey-check", kwargs={"token": token}))
    survey_adapter.wave_close(wave=wave)
    action.refresh_from_db()
    result = selectors.check_back_result(action=action)
    assert result is not None
    assert result.respondents is None and "fewer than 10" in result.note  # 4 answered
    with pytest.raises(ValidationError):
        services.check_back_create(action=action)  # only one


@pytest.mark.django_db
def test_session_feedback_is_answered_through_its_shared_link(council, client):
    session = helpers.session(council, starts_at=timezone.now() - datetime.timedelta(hours=2))
    with pytest.raises(ValidationError):
        services.session_feedback_create(session=session)  # not held yet
    services.session_attendance_record(session=session, total=12)
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    assert client.get(reverse("listening-session-feedback", args=[session.pk])).status_code == 405
    client.post(reverse("listening-session-feedback", args=[session.pk]))
    session = LeaderSession.objects.get()
    wave = session.feedback_wave
    assert wave is not None
    assert wave.questionnaire.code == survey_adapter.SESSION_FEEDBACK
    page = client.get(reverse("listening-session", args=[session.pk])).content.decode()
    assert f"/survey/{council.organisation.la_code}/{wave.slug}/" in page
    assert wave.access_code in page


@pytest.mark.django_db
def test_the_command_line_creates_runs_and_lists_pulses(council, reference, capsys):
    call_command(
        "pulse",
        "create",
        "--organisation",
        council.organisation.la_code,
        "--questionnaire",
        "engagement-pulse",
        "--every",
        "month",
        "--follows",
        reference.slug,
        "--starts",
        "2026-01-05",
    )
    series = PulseSeries.objects.get()
    assert series.every == "month" and series.reference_wave == reference
    call_command("pulse", "run", "--today", "2026-01-05")
    assert "Opened" in capsys.readouterr().out
    call_command(
        "pulse", "list", "--organisation", council.organisation.la_code, "--format", "json"
    )
    assert '"status": "open"' in capsys.readouterr().out
    with pytest.raises(CommandError, match="--follows"):
        call_command(
            "pulse",
            "create",
            "--organisation",
            council.organisation.la_code,
            "--every",
            "month",
            "--follows",
            "no-such-wave",
        )
    assert Questionnaire.objects.filter(code="engagement-pulse").count() == 1

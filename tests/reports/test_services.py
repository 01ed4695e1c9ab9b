"""Drafts are validated; a published version is frozen, and a correction is a new version."""

import dataclasses
import datetime

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from tests.reports.helpers import COMMENT, MEETING, REDACTED_NAME, YEAR
from workforce_health.core.models import Membership
from workforce_health.reports import services
from workforce_health.reports.document import from_json
from workforce_health.reports.models import ReportVersion
from workforce_health.reports.selectors import report_quotation_choices

Role = Membership.Role


@pytest.fixture
def report(reported):
    return services.report_create(
        organisation=reported.organisation, meeting_date=MEETING, services=[reported.children]
    )


def test_create_gives_a_default_title(report):
    assert (
        report.title
        == f"Workforce health and retention: report to the scrutiny panel, {MEETING:%-d %B %Y}"
    )
    assert list(report.services.all()) == [report.organisation.services.get(kind="children")]


def test_services_of_another_organisation_are_refused(reported, other_council, report):
    with pytest.raises(ValidationError) as error:
        services.report_create(
            organisation=reported.organisation,
            meeting_date=MEETING,
            services=[other_council.children],
        )
    assert error.value.message_dict == {"services": ["Choose services of this organisation"]}
    with pytest.raises(ValidationError, match="Choose services of this organisation"):
        services.report_update(report=report, services=[other_council.adults])
    assert list(report.services.all()) == [reported.children]


def test_unknown_sections_are_refused(report):
    with pytest.raises(ValidationError) as error:
        services.report_update(report=report, included_sections=["health-check-teams", "gossip"])
    assert error.value.message_dict == {
        "excluded_sections": ["There is no optional section called gossip"]
    }
    with pytest.raises(ValidationError, match="There is no report section called gossip"):
        services.report_update(report=report, commentary={"gossip": "Hello"})
    # A section that is always shown cannot be chosen either.
    with pytest.raises(ValidationError, match="There is no optional section called workforce"):
        services.report_update(report=report, included_sections=["workforce"])


def test_commentary_is_limited_to_5000_characters(report):
    services.report_update(report=report, commentary={"workforce": "x" * 5000, "summary": "  "})
    report.refresh_from_db()
    assert report.commentary == {"workforce": "x" * 5000}  # blank commentary is dropped
    with pytest.raises(ValidationError, match="Commentary on summary must be 5000 characters"):
        services.report_update(report=report, commentary={"summary": "x" * 5001})


def test_sections_left_out_do_not_appear(report):
    services.report_update(report=report, included_sections=["comment-themes"])
    report.refresh_from_db()
    assert report.excluded_sections == [
        "health-check-teams",
        "listening",
        "self-assessment",
        "starters-leavers",
        "supervision-development",
    ]
    keys = [s.key for s in services.report_draft_document(report=report).sections]
    assert keys == ["summary", "health-check", "comment-themes", "workforce", "appendix"]


def _membership(council, role):
    return council.users[role].memberships.get()


def test_quotations_only_from_the_redacted_comments(reported, report):
    choices = report_quotation_choices(
        viewer=_membership(reported, Role.WORKFORCE_LEAD), report=report
    )
    assert len(choices) == 1
    assert REDACTED_NAME not in choices[0] and "my workload is manageable now" in choices[0]
    with pytest.raises(ValidationError, match="Choose quotations from the redacted comments"):
        services.report_update(report=report, quotations=[COMMENT])  # as written: names in it
    with pytest.raises(ValidationError, match="Choose quotations from the redacted comments"):
        services.report_update(report=report, quotations=["Anything I like"])
    services.report_update(report=report, quotations=choices)
    document = services.report_draft_document(report=report)
    quotes = [b.text for s in document.sections for b in s.blocks if b.kind == "quote"]
    assert quotes == choices


def test_only_the_workforce_lead_reads_and_chooses_quotations(reported, report):
    lead = _membership(reported, Role.WORKFORCE_LEAD)
    choices = report_quotation_choices(viewer=lead, report=report)
    assert choices
    for role in (Role.ADMINISTRATOR, Role.SERVICE_MANAGER, Role.SCRUTINY_MEMBER):
        assert report_quotation_choices(viewer=_membership(reported, role), report=report) == []
    admin = _membership(reported, Role.ADMINISTRATOR)
    for quotations in (choices, []):
        with pytest.raises(ValidationError, match="Only the workforce lead can choose quotations"):
            services.report_update(report=report, quotations=quotations, editor=admin)
    services.report_update(report=report, quotations=choices, editor=lead)
    # The administrator can still change everything else, and the lead's choice stays.
    services.report_update(report=report, commentary={"summary": "From the admin."}, editor=admin)
    report.refresh_from_db()
    assert report.quotations == choices and report.commentary == {"summary": "From the admin."}


def _turnover(document) -> str:
    headline = next(t for t in document.tables() if t.slug == "childrens-services-headline")
    return next(row for row in headline.rows if row[0] == "Turnover rate")[2]


def _section(document, key):
    return next(s for s in document.sections if s.key == key)


def test_a_published_version_never_changes(reported, report):
    services.report_update(report=report, commentary={"workforce": "Turnover is too high."})
    lead = reported.users[Role.WORKFORCE_LEAD]
    first = services.report_publish(report=report, published_by=lead)
    assert (first.number, first.published_by) == (1, lead)
    frozen = from_json(first.document)
    assert frozen.version == 1
    assert frozen == dataclasses.replace(services.report_draft_document(report=report), version=1)
    assert _turnover(frozen) == pytest.approx(100 / 3)

    # The data are corrected: another leaver in the year; the commentary is rewritten.
    leaver = factories.person(
        reported.organisation, "991-7", "Ray Price", is_registered_social_worker=True
    )
    factories.employment(
        leaver,
        reported.assessment,
        start_date=datetime.date(2015, 1, 5),
        end_date=datetime.date(YEAR, 6, 30),
        reason_for_leaving="1",
    )
    services.report_update(report=report, commentary={"workforce": "Corrected."})

    first.refresh_from_db()
    assert first.document == ReportVersion.objects.get(pk=first.pk).document
    assert from_json(first.document) == frozen  # figures and text as published
    assert _section(from_json(first.document), "workforce").commentary == "Turnover is too high."

    second = services.report_publish(report=report, published_by=None)
    assert second.number == 2 and second.published_by is None
    corrected = from_json(second.document)
    assert corrected.version == 2
    assert _turnover(corrected) == pytest.approx(200 / 3)  # 2 leavers, 3 in post on 30 September
    assert _section(corrected, "workforce").commentary == "Corrected."
    assert [v.number for v in report.versions.order_by("number")] == [1, 2]


def test_a_version_cannot_be_saved_again(reported, report):
    version = services.report_publish(report=report, published_by=None)
    version.document = {"title": "Rewritten"}
    with pytest.raises(ValidationError, match="A published report cannot be changed"):
        version.save()
    assert ReportVersion.objects.get(pk=version.pk).document["title"] == report.title
    pdf = version.files.get(file_format="pdf")
    pdf.content = b"%PDF- rewritten"
    with pytest.raises(ValidationError, match="A published report's file cannot be changed"):
        pdf.save()


def test_publishing_without_data_is_refused(council):
    report = services.report_create(organisation=council.organisation, meeting_date=MEETING)
    with pytest.raises(ValidationError, match="No Health Check wave for Testshire Council"):
        services.report_publish(report=report, published_by=None)
    assert not ReportVersion.objects.exists()


def test_a_version_confirmed_twice_is_published_once(reported, report):
    """Two confirmations of version 1 (a double click, two tabs): the second publishes nothing."""
    services.report_publish(report=report, published_by=None, expected_number=1, store_files=False)
    with pytest.raises(ValidationError, match="Version 1 has already been published"):
        services.report_publish(
            report=report, published_by=None, expected_number=1, store_files=False
        )
    assert [v.number for v in report.versions.all()] == [1]

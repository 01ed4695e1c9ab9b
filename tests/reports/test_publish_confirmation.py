"""Publishing a report asks first, saying what becomes readable and unchangeable, and a meeting
date that has passed is pointed out (issue 12)."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.reports.helpers import MEETING
from workforce_health.core.models import Membership
from workforce_health.reports import services
from workforce_health.reports.models import Report, ReportVersion

Role = Membership.Role


@pytest.fixture
def report(reported) -> Report:
    return services.report_create(
        organisation=reported.organisation,
        meeting_date=MEETING,
        services=[reported.children],
        title="Workforce health: January panel",
    )


def _summary(page: str) -> dict[str, str]:
    """A page's summary list: key -> value, as text."""
    rows = re.findall(
        r'<dt class="govuk-summary-list__key">(.*?)</dt>\s*'
        r'<dd class="govuk-summary-list__value">(.*?)</dd>',
        page,
        re.S,
    )
    text = {key.strip(): html.unescape(re.sub(r"<[^>]+>", " ", value)) for key, value in rows}
    return {key: " ".join(value.split()) for key, value in text.items()}


def test_publishing_asks_first_and_says_what_becomes_readable(reported, report, client_for):
    services.report_update(
        report=report,
        included_sections=["health-check-teams"],
        commentary={"summary": "Our words.", "workforce": "More words."},
    )
    client = client_for(reported.users[Role.WORKFORCE_LEAD])
    url = reverse("report-publish", args=[report.pk])
    preview = client.get(reverse("report-preview", args=[report.pk])).content.decode()
    assert f'action="{url}"' not in preview  # no one-click publishing from the preview
    assert f'href="{url}">Publish version 1<' in preview  # a link to the page that asks
    page = client.get(url).content.decode()
    summary = _summary(page)
    assert summary["Covers"] == "Children's Services"
    assert "Health Check results by team" in summary["Sections"]
    assert "Starters and leavers" not in summary["Sections"]  # left out
    assert summary["Your commentary"] == "In 2 sections: Summary, Recruitment and retention"
    assert summary["Quoted staff comments"] == "None"
    readers = reported.organisation.memberships.filter(
        role__in=[Role.ADMINISTRATOR, Role.WORKFORCE_LEAD, Role.SCRUTINY_MEMBER]
    )
    assert summary["Who can read it"].startswith(f"{readers.count()} sign-ins at ")
    assert "1 scrutiny member," in summary["Who can read it"]
    assert "it can never be changed or withdrawn" in page
    assert client.post(url).status_code == 200  # without the page's confirmation: asks again
    assert not ReportVersion.objects.exists()
    assert client.post(url, {"version": "1"}).status_code == 302
    stale = client.post(url, {"version": "1"})  # a second tab, or a second click
    assert stale.status_code == 409 and "Nothing was published" in stale.content.decode()
    assert ReportVersion.objects.count() == 1


def test_a_meeting_date_that_has_passed_is_pointed_out(reported, report, client_for):
    client = client_for(reported.users[Role.WORKFORCE_LEAD])
    pages = ("report-edit", "report-preview", "report-publish")
    warning = "has passed. If this report is for a later meeting"
    for name in pages:
        assert warning not in client.get(reverse(name, args=[report.pk])).content.decode()
    past = timezone.localdate() - datetime.timedelta(days=1)
    services.report_update(report=report, meeting_date=past)
    for name in pages:
        page = client.get(reverse(name, args=[report.pk])).content.decode()
        assert f"The meeting date, {past:%-d %B %Y}, {warning}" in page, name

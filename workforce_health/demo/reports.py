"""Demo scrutiny reports: a published report for each service and a draft in progress.

Written through reports.services after the demo's surveys and census data are loaded (inside the
demo's transaction). The meeting dates are fixed, after the 2025 Health Check waves (opened in
February 2025) and the census year ending 30 September 2025, so the reports read the same data
whenever the demo is loaded. The commentary is the workforce lead's, in plain English, on the
demo's story: workload, wellbeing and supervision improved in 2025 and turnover is below England.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from workforce_health.core.models import Organisation, Service
from workforce_health.demo.comments import DUTY_ROTA_QUOTE
from workforce_health.demo.errors import DemoError
from workforce_health.reports import services
from workforce_health.reports.models import Report

PUBLISHED_MEETING = datetime.date(2026, 1, 21)  # the panel's January meeting
PUBLISHED_ON = datetime.date(2026, 1, 9)  # with the papers, before the meeting
DRAFT_MEETING = datetime.date(2026, 3, 18)  # its next meeting, on the whole council


@dataclass(frozen=True)
class DemoReport:
    services: tuple[str, ...]  # service names; empty: the whole organisation
    meeting_date: datetime.date
    commentary: dict[str, str]
    publish: bool
    quote: str = ""  # a demo staff comment (demo/comments.py) to quote; it has nothing to redact


REPORTS = (
    DemoReport(
        ("Children's Services",),
        PUBLISHED_MEETING,
        {
            "summary": (
                "For the first time since the Health Check began, social workers told us their "
                "workload and wellbeing improved. Staff comments credit the new duty rota and more "
                "regular supervision.\n\n"
                "Turnover and agency use are below the England average, but we still rely on "
                "agency social workers to cover vacancies in the safeguarding teams. The "
                "recruitment and retention plan returns to the panel in July."
            ),
            "workforce": (
                "More social workers joined us than left this year, many of them newly "
                "qualified through our Assessed and Supported Year in Employment programme. "
                "Exit interviews suggest experienced staff leave for promotion elsewhere, so we "
                "are widening the senior practitioner route."
            ),
        },
        publish=True,
        quote=DUTY_ROTA_QUOTE,
    ),
    DemoReport(
        ("Adult Social Care",),
        PUBLISHED_MEETING,
        {
            "summary": (
                "Staff in Adult Social Care feel more able to raise concerns about their "
                "workload than a year ago, and fewer say they are often stressed by their work. "
                "Supervision is now recorded for every social worker each month.\n\n"
                "Turnover remains higher than in Children's Services. We are not yet able to "
                "report vacancy, caseload or sickness absence figures for adult social care; "
                "we expect to from the next census year."
            ),
            "health-check": (
                "Response rates were close to 60% in both surveys, similar to last year, so the "
                "results give a fair picture of the service. Results for teams with fewer than "
                "five responses are not shown, to protect staff's anonymity."
            ),
        },
        publish=True,
    ),
    DemoReport(
        (),
        DRAFT_MEETING,
        {
            "summary": (
                "Draft for the March panel: this is the first report covering the whole "
                "council's social care workforce. To add: the outcome of the pay and grading "
                "review, once it is agreed."
            ),
        },
        publish=False,
    ),
)


def demo_reports_load(*, organisation: Organisation, store_files: bool = True) -> list[Report]:
    """Create the demo's reports, publishing version 1 of those marked to publish (with its
    stored files unless ``store_files`` is false: see ``report_publish``)."""
    by_name = {s.name: s for s in Service.objects.filter(organisation=organisation)}
    lead = (
        get_user_model()
        .objects.filter(username="lead", memberships__organisation=organisation)
        .first()
    )
    reports = []
    for spec in REPORTS:
        report = services.report_create(
            organisation=organisation,
            meeting_date=spec.meeting_date,
            services=[by_name[name] for name in spec.services],
        )
        services.report_update(
            report=report,
            commentary=spec.commentary,
            quotations=[spec.quote] if spec.quote else [],  # checked against the choices
        )
        if spec.publish:
            try:
                services.report_publish(
                    report=report,
                    published_by=lead,
                    published_on=PUBLISHED_ON,
                    store_files=store_files,
                )
            except ValidationError as error:
                raise DemoError(
                    f"The demo report on {report.services.first() or organisation} cannot be "
                    f"published: {' '.join(error.messages)}"
                ) from error
        reports.append(report)
    return reports

"""Reads for reports: drafts for those who prepare them, published versions for readers."""

from django.db.models import Count, QuerySet

from workforce_health.core.models import Membership
from workforce_health.core.permissions import CAPABILITIES, Capability, membership_can
from workforce_health.reports.document import Document, from_json
from workforce_health.reports.inputs import ReportInputs
from workforce_health.reports.models import Report, ReportVersion, ReportVersionFile
from workforce_health.results.selectors import results_comment_sections
from workforce_health.surveys.comments.selectors import redaction_names, theme_dictionary


def report_list(*, viewer: Membership) -> QuerySet[Report]:
    """Reports in preparation: only for those who may edit reports."""
    if not membership_can(viewer, Capability.EDIT_REPORTS):
        return Report.objects.none()
    return Report.objects.filter(organisation=viewer.organisation).prefetch_related(
        "services", "versions"
    )


def report_get(*, viewer: Membership, report_id: int) -> Report | None:
    return report_list(viewer=viewer).filter(pk=report_id).first()


def report_version_list(*, viewer: Membership) -> QuerySet[ReportVersion]:
    """Published versions of the viewer's organisation's reports, newest first."""
    if not membership_can(viewer, Capability.VIEW_PUBLISHED_REPORTS):
        return ReportVersion.objects.none()
    return ReportVersion.objects.filter(report__organisation=viewer.organisation).select_related(
        "report"
    )


def report_version_get(*, viewer: Membership, version_id: int) -> ReportVersion | None:
    return report_version_list(viewer=viewer).filter(pk=version_id).first()


def report_version_document(*, version: ReportVersion) -> Document:
    return from_json(version.document)


def report_version_file(*, version: ReportVersion, file_format: str) -> bytes | None:
    """The version's file as stored when it was published; None for a version published
    before its files were stored (rendered from its document instead)."""
    content = (
        ReportVersionFile.objects.filter(version=version, file_format=file_format)
        .values_list("content", flat=True)
        .first()
    )
    return None if content is None else bytes(content)


def report_inputs(*, report: Report) -> ReportInputs:
    return ReportInputs(
        organisation=report.organisation,
        services=tuple(report.services.order_by("name")),
        meeting_date=report.meeting_date,
        quotations=tuple(report.quotations),
    )


def report_comment_texts(*, report: Report) -> list[str]:
    """Every redacted comment a report may quote: from the report's waves and services, only
    from groups meeting the comment threshold (the comments page's own rules). Not scoped to
    a viewer: for checking a choice (`services.report_update`); pages call
    `report_quotation_choices`."""
    inputs = report_inputs(report=report)
    services = {s.name for s in inputs.services}
    dictionary = theme_dictionary()  # fails early if the dictionary cannot be read
    names = redaction_names(organisation=report.organisation)
    choices: list[str] = []
    for results in inputs.waves:
        sections = results_comment_sections(
            frames=results.frames, dictionary=dictionary, names=names
        )
        for section in sections:
            for comment in section.comments:
                if (not services or comment.group in services) and comment.text not in choices:
                    choices.append(comment.text)
    return choices


def report_quotation_choices(*, viewer: Membership, report: Report) -> list[str]:
    """The redacted comments the viewer may choose quotations from: only for those who may
    read comment text (the workforce lead); nothing for anyone else."""
    if (
        not membership_can(viewer, Capability.VIEW_SURVEY_COMMENTS)
        or report.organisation_id != viewer.organisation_id
    ):
        return []
    return report_comment_texts(report=report)


def report_readers_count(*, report: Report) -> dict[str, int]:
    """Who can read the report's published versions: sign-ins of its organisation by role
    (label -> count), for the roles that may read published reports; roles without any left
    out."""
    readers = [
        role for role, can in CAPABILITIES.items() if Capability.VIEW_PUBLISHED_REPORTS in can
    ]
    counts = dict(
        Membership.objects.filter(organisation=report.organisation_id, role__in=readers)
        .values_list("role")
        .annotate(n=Count("pk"))
    )
    return {str(Membership.Role(role).label): counts[role] for role in readers if counts.get(role)}

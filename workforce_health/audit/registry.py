"""Which records' changes are audited: one central list, registered with django-auditlog.

Models are named by label, so the apps that own them need no change. Survey responses, drafts,
invitations, spent tokens and anonymous conversations are never registered: nothing may tie an
answer or an anonymous message to a person.
"""

from typing import Any

from auditlog.registry import auditlog
from django.apps import apps

# label -> django-auditlog options (fields left out of the diff, fields masked in it)
TRACKED: dict[str, dict[str, Any]] = {
    "core.Organisation": {},
    "core.Service": {},
    "core.Team": {},
    "core.Person": {},
    "core.Employment": {},
    "core.Membership": {},
    # Census returns and HR extracts are written in bulk (no per-record signal): each import's
    # own row (who, which file, how many people added and changed) is its audit entry.
    "census.CensusImport": {},
    "auth.User": {"exclude_fields": ["last_login"], "mask_fields": ["password"]},
    "reports.Report": {},
    "reports.ReportVersion": {"exclude_fields": ["document"]},
    "surveys.Questionnaire": {},
    "surveys.Wave": {"mask_fields": ["access_code"]},
    "signin.OrganisationSignIn": {},
    "signin.GroupMapping": {},
    "mfa.Authenticator": {"exclude_fields": ["data", "last_used_at"]},
    # Practice development records (docs/development-records.md).
    "development.SupervisionAgreement": {},
    "development.SupervisionSession": {},
    "development.LeavePeriod": {},
    "development.CadencePolicy": {},
    "development.CpdEntry": {},
    "development.Enrolment": {},
    "development.Pause": {},
    "development.Review": {},
    "development.EvidenceItem": {},
    "development.Secondment": {},
    # Careers and agency records (docs/careers.md).
    "careers.Publication": {},
    "careers.Vacancy": {},
    "careers.AgencyRateCap": {},
    "careers.AgencyAssignment": {},
    # The listening loop's named records (docs/listening.md); never its conversations.
    "listening.Action": {},
    "listening.ActionUpdate": {},
    "listening.LeaderSession": {},
    "listening.RegisterEntry": {},
    # The employer standards self-assessment (docs/self-assessment.md): the council's claims.
    "assessments.RatingScale": {},
    "assessments.Assessment": {},
    "assessments.StandardRating": {},
    "assessments.AssessmentVersion": {"exclude_fields": ["document"]},
    "assessments.GapAction": {},
}
# Never audited, whatever is added above (docs/surveys-anonymity.md).
NEVER = frozenset(
    {
        "surveys.Invitation",
        "surveys.InvitedGroup",
        "surveys.Draft",
        "surveys.SpentToken",
        "surveys.Response",
        "surveys.StoredAnswers",
        "listening.Conversation",
        "listening.Message",
    }
)


def register_tracked_models() -> None:
    assert not NEVER & set(TRACKED), "a respondent model must never be audited"
    for label, options in TRACKED.items():
        model = apps.get_model(label)
        if auditlog.contains(model):
            continue
        # The model's own columns only: on a create or delete, django-auditlog would otherwise
        # read reverse one-to-one relations, and the instance would then remember "none" for
        # a related row created afterwards (organisation.comparator_set).
        left_out = set(options.get("exclude_fields", []))
        columns = [field.name for field in model._meta.fields if field.name not in left_out]
        auditlog.register(model, include_fields=columns, mask_fields=options.get("mask_fields", []))

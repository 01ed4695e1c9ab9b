"""What each role may do. Views declare a capability; which rows it may see is `scope.Scope`."""

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from workforce_health.core.models import Membership

Role = Membership.Role


class Capability(StrEnum):
    VIEW_STRUCTURE = "view_structure"  # services, teams and people within the role's scope
    EDIT_STRUCTURE = "edit_structure"  # create and edit teams, people and employments
    VIEW_OWN_RECORD = "view_own_record"  # a member of staff's own record
    VIEW_PUBLISHED_REPORTS = "view_published_reports"
    EDIT_REPORTS = "edit_reports"  # prepare, preview and publish scrutiny reports
    MANAGE_BENCHMARKS = "manage_benchmarks"  # import DfE files, choose comparator councils
    VIEW_WORKFORCE_MEASURES = "view_workforce_measures"  # dashboard, within the role's scope
    MANAGE_SURVEYS = "manage_surveys"  # questionnaires and survey waves (never responses)
    VIEW_SURVEY_RESULTS = "view_survey_results"  # suppressed results, within the role's scope
    # The redacted text of survey comments (results comments page, the scrutiny report's
    # quotation chooser): "Free text is shown only to the workforce lead" (issue 4, item 7).
    VIEW_SURVEY_COMMENTS = "view_survey_comments"
    MANAGE_SIGN_IN = "manage_sign_in"  # Microsoft sign-in settings, unlocking sign-ins
    VIEW_AUDIT = "view_audit"  # the audit trail of changes and of views of personal records
    MANAGE_CAREERS = "manage_careers"  # the careers offer, vacancies, publishing the page
    MANAGE_AGENCY_COMPLIANCE = "manage_agency_compliance"  # agency records, caps, DfE data
    # The listening loop (docs/listening.md): staff pages (You said, we did; speaking to leaders
    # anonymously), leaders' views within their scope, managing sessions, actions and pulses,
    # answering anonymous conversations, their counts, and the lead's flag word lists.
    LISTENING_STAFF = "listening_staff"
    VIEW_LISTENING = "view_listening"
    MANAGE_LISTENING = "manage_listening"
    REPLY_TO_CONVERSATIONS = "reply_to_conversations"
    VIEW_CONVERSATION_SUMMARY = "view_conversation_summary"
    MANAGE_CONVERSATION_FLAGS = "manage_conversation_flags"
    # Supervision, CPD, ASYE and secondment records, scoped like the people records (issue 14).
    VIEW_DEVELOPMENT = "view_development"
    RECORD_DEVELOPMENT = "record_development"
    MANAGE_DEVELOPMENT = "manage_development"  # cadence policies, programmes, offer, imports


CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.ADMINISTRATOR: frozenset(
        {
            Capability.VIEW_STRUCTURE,
            Capability.EDIT_STRUCTURE,
            Capability.VIEW_OWN_RECORD,
            Capability.VIEW_PUBLISHED_REPORTS,
            Capability.EDIT_REPORTS,
            Capability.MANAGE_BENCHMARKS,
            Capability.VIEW_WORKFORCE_MEASURES,
            Capability.MANAGE_SURVEYS,
            Capability.VIEW_SURVEY_RESULTS,
            Capability.MANAGE_SIGN_IN,
            Capability.VIEW_AUDIT,
            Capability.MANAGE_CAREERS,
            Capability.MANAGE_AGENCY_COMPLIANCE,
            Capability.LISTENING_STAFF,
            Capability.VIEW_LISTENING,
            Capability.MANAGE_LISTENING,
            Capability.VIEW_CONVERSATION_SUMMARY,
            Capability.VIEW_DEVELOPMENT,
            Capability.RECORD_DEVELOPMENT,
            Capability.MANAGE_DEVELOPMENT,
        }
    ),
    Role.WORKFORCE_LEAD: frozenset(
        {
            Capability.VIEW_STRUCTURE,
            Capability.EDIT_STRUCTURE,
            Capability.VIEW_OWN_RECORD,
            Capability.VIEW_PUBLISHED_REPORTS,
            Capability.EDIT_REPORTS,
            Capability.MANAGE_BENCHMARKS,
            Capability.VIEW_WORKFORCE_MEASURES,
            Capability.MANAGE_SURVEYS,
            Capability.VIEW_SURVEY_RESULTS,
            Capability.VIEW_SURVEY_COMMENTS,
            Capability.MANAGE_CAREERS,
            Capability.MANAGE_AGENCY_COMPLIANCE,
            Capability.LISTENING_STAFF,
            Capability.VIEW_LISTENING,
            Capability.MANAGE_LISTENING,
            Capability.REPLY_TO_CONVERSATIONS,
            Capability.VIEW_CONVERSATION_SUMMARY,
            Capability.MANAGE_CONVERSATION_FLAGS,
            Capability.VIEW_DEVELOPMENT,
            Capability.RECORD_DEVELOPMENT,
            Capability.MANAGE_DEVELOPMENT,
        }
    ),
    Role.SERVICE_MANAGER: frozenset(
        {
            Capability.VIEW_STRUCTURE,
            Capability.VIEW_OWN_RECORD,
            Capability.VIEW_WORKFORCE_MEASURES,
            Capability.VIEW_SURVEY_RESULTS,
            Capability.LISTENING_STAFF,
            Capability.VIEW_LISTENING,
            Capability.REPLY_TO_CONVERSATIONS,
            Capability.VIEW_CONVERSATION_SUMMARY,
            Capability.VIEW_DEVELOPMENT,
            Capability.RECORD_DEVELOPMENT,
        }
    ),
    Role.TEAM_MANAGER: frozenset(
        {
            Capability.VIEW_STRUCTURE,
            Capability.VIEW_OWN_RECORD,
            Capability.VIEW_WORKFORCE_MEASURES,
            Capability.VIEW_SURVEY_RESULTS,
            Capability.LISTENING_STAFF,
            Capability.VIEW_LISTENING,
            Capability.VIEW_DEVELOPMENT,
            Capability.RECORD_DEVELOPMENT,
        }
    ),
    Role.PRACTITIONER: frozenset({Capability.VIEW_OWN_RECORD, Capability.LISTENING_STAFF}),
    Role.SCRUTINY_MEMBER: frozenset({Capability.VIEW_PUBLISHED_REPORTS}),
}


def membership_can(membership: Membership | None, capability: Capability) -> bool:
    return membership is not None and capability in CAPABILITIES[membership.role]


ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponse])


def requires(capability: Capability) -> Callable[[ViewFunc], ViewFunc]:
    """Decorate a view: anonymous visitors go to sign in; members without the capability get 403."""

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not membership_can(request.membership, capability):  # type: ignore[attr-defined]
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def requires_membership(view: ViewFunc) -> ViewFunc:
    """Decorate a view open to any signed-in member of an organisation."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request.membership is None:  # type: ignore[attr-defined]
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped  # type: ignore[return-value]

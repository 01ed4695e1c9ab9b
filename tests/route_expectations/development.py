"""Routes of the development records (issue 14): who may see each page.

Records are personal data scoped like the people records; practitioners see their own record
(and rate their sessions, keep their CPD); assessors also open the NQSWs they assess (the test
council's assessor is the team manager's person, who sees those pages anyway).
"""

from tests.development.helpers import records
from tests.route_expectations import EDITORS, STRUCTURE_VIEWERS, Role

VIEWERS = STRUCTURE_VIEWERS  # administrator, workforce lead, service and team managers
MANAGERS = EDITORS  # administrator and workforce lead
OWN = frozenset({Role.TEAM_MANAGER, Role.PRACTITIONER})  # sign-ins linked to a staff record
NO_STAFF_RECORD = {Role.ADMINISTRATOR, Role.WORKFORCE_LEAD, Role.SERVICE_MANAGER}

EXPECTED = {
    "development-index": VIEWERS,
    "development-person": VIEWERS,
    "development-mine": OWN,
    "development-mine-rate": frozenset({Role.PRACTITIONER}),
    "development-mine-cpd-add": OWN,
    "development-mine-cpd-edit": frozenset({Role.PRACTITIONER}),
    "development-import": MANAGERS,
    "development-import-template": MANAGERS,
    "development-export": VIEWERS,
    "development-supervision": VIEWERS,
    "development-supervision-download": VIEWERS,
    "development-overdue": VIEWERS,
    "development-session-record": VIEWERS,
    "development-session-edit": VIEWERS,
    "development-session-delete": VIEWERS,
    "development-agreement-add": VIEWERS,
    "development-agreement-edit": VIEWERS,
    "development-leave-add": VIEWERS,
    "development-leave-delete": VIEWERS,
    "development-policies": MANAGERS,
    "development-policy-add": MANAGERS,
    "development-policy-edit": MANAGERS,
    "development-cpd": VIEWERS,
    "development-cpd-download": VIEWERS,
    "development-cpd-add": VIEWERS,
    "development-cpd-edit": VIEWERS,
    "development-learning": VIEWERS,
    "development-training-needs": VIEWERS,
    "development-priority-add": MANAGERS,
    "development-priority-edit": MANAGERS,
    "development-event-add": MANAGERS,
    "development-event": VIEWERS,
    "development-event-edit": MANAGERS,
    "development-asye": VIEWERS,
    "development-asye-download": VIEWERS,
    "development-enrolment-add": VIEWERS,
    "development-enrolment": VIEWERS,
    "development-enrolment-edit": VIEWERS,
    "development-enrolment-outcome": VIEWERS,
    "development-pause-add": VIEWERS,
    "development-pause-edit": VIEWERS,
    "development-review": VIEWERS,
    "development-evidence-add": VIEWERS,
    "development-evidence-edit": VIEWERS,
    "development-programmes": MANAGERS,
    "development-programme-add": MANAGERS,
    "development-programme-edit": MANAGERS,
    "development-secondments": VIEWERS,
    "development-secondment-add": VIEWERS,
    "development-secondment-edit": VIEWERS,
}
# Sign-ins that may see their own record but have no linked staff record, or whose record the
# page is not about: "not found", not "refused".
NOT_FOUND = {
    "development-mine": NO_STAFF_RECORD,
    "development-mine-cpd-add": NO_STAFF_RECORD,
    "development-mine-rate": NO_STAFF_RECORD | {Role.TEAM_MANAGER},
    "development-mine-cpd-edit": NO_STAFF_RECORD | {Role.TEAM_MANAGER},
}
ARGUMENTS = {
    "fmt": lambda council: "csv",
    "kind": lambda council: "supervision",
    "supervision_session_id": lambda council: records(council).session.pk,
    "agreement_id": lambda council: records(council).agreement.pk,
    "leave_id": lambda council: records(council).leave.pk,
    "policy_id": lambda council: records(council).policy.pk,
    "entry_id": lambda council: records(council).entry.pk,
    "priority_id": lambda council: records(council).priority.pk,
    "event_id": lambda council: records(council).event.pk,
    "enrolment_id": lambda council: records(council).enrolment.pk,
    "pause_id": lambda council: records(council).pause.pk,
    "evidence_id": lambda council: records(council).evidence.pk,
    "programme_id": lambda council: records(council).programme.pk,
    "secondment_id": lambda council: records(council).secondment.pk,
}

"""Practice development records. Personal data about staff, scoped like the people records."""

from workforce_health.development.models.asye import (
    Enrolment,
    EvidenceItem,
    Pause,
    Programme,
    Review,
)
from workforce_health.development.models.cpd import (
    Attendance,
    CpdEntry,
    LearningEvent,
    PriorityArea,
)
from workforce_health.development.models.secondments import Secondment
from workforce_health.development.models.supervision import (
    CadencePolicy,
    LeavePeriod,
    SupervisionAgreement,
    SupervisionSession,
)

__all__ = [
    "Attendance",
    "CadencePolicy",
    "CpdEntry",
    "Enrolment",
    "EvidenceItem",
    "LearningEvent",
    "LeavePeriod",
    "Pause",
    "PriorityArea",
    "Programme",
    "Review",
    "Secondment",
    "SupervisionAgreement",
    "SupervisionSession",
]

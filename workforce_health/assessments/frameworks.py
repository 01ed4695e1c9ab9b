"""The Standards for employers of social workers in England, as data (no Django).

Two framework versions: the LGA's 2020 refresh and its 2025 revision (health-check.md §1). The
summaries are in our words; the 2025 revision renames Standard 1 "Strategic and professional
leadership", adds a transparent record of additional hours to Standard 3, and gives more weight
to digital skills and hybrid working.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Standard:
    code: str  # "S1" to "S8": the Health Check questionnaire's standard codes
    number: int
    title: str
    expects: str  # what the standard asks of employers, in plain English

    @property
    def heading(self) -> str:
        return f"Standard {self.number}: {self.title}"


@dataclass(frozen=True)
class Framework:
    version: str  # "2020" or "2025"
    title: str
    standards: tuple[Standard, ...]

    def standard(self, code: str) -> Standard | None:
        return next((s for s in self.standards if s.code == code), None)


_2020 = (
    Standard(
        "S1",
        1,
        "Strong and clear social work framework",
        "A published purpose and vision for social work, a clear model of practice, and leaders "
        "held to account for the conditions for good practice. Complete, review and publish an "
        "annual health check.",
    ),
    Standard(
        "S2",
        2,
        "Effective workforce planning systems",
        "Know current and future workforce needs so there are enough social workers with the "
        "right skills at every level.",
    ),
    Standard(
        "S3",
        3,
        "Safe workloads and case allocation",
        "A transparent allocation system agreed with practitioners; workloads assessed with each "
        "social worker; average caseloads published with the health check.",
    ),
    Standard(
        "S4",
        4,
        "Wellbeing",
        "A positive culture for wellbeing, practical tools and resources, and risks to staff "
        "assessed and reduced.",
    ),
    Standard(
        "S5",
        5,
        "Supervision",
        "Regular, consistent supervision of at least 1.5 hours without interruption, set "
        "frequencies for newly qualified staff, and actual frequency and quality monitored.",
    ),
    Standard(
        "S6",
        6,
        "Continuing professional development",
        "The assessed and supported year in employment (ASYE) for newly qualified social "
        "workers, appraisal, and dedicated time for CPD.",
    ),
    Standard(
        "S7",
        7,
        "Professional registration",
        "Help social workers keep their Social Work England registration: raising concerns, "
        "meeting professional standards, recording CPD and renewing.",
    ),
    Standard(
        "S8",
        8,
        "Partnerships",
        "Partnerships with universities and others to support education, student placements "
        "and CPD.",
    ),
)

_2025_CHANGES = {
    "S1": (
        "Strategic and professional leadership",
        "Leaders set and publish the purpose and vision for social work and a clear model of "
        "practice, and are held to account for the conditions for good practice. Complete, "
        "review and publish an annual health check.",
    ),
    "S3": (
        "Safe workloads and case allocation",
        "A transparent allocation system agreed with practitioners; workloads assessed with each "
        "social worker; average caseloads published with the health check; a transparent record "
        "of all additional hours worked.",
    ),
    "S6": (
        "Continuing professional development",
        "The ASYE for newly qualified social workers, appraisal, and dedicated time for CPD, "
        "including digital skills.",
    ),
    "S4": (
        "Wellbeing",
        "A positive culture for wellbeing, practical tools and resources, and risks to staff "
        "assessed and reduced, including in hybrid working.",
    ),
}

FRAMEWORKS: dict[str, Framework] = {
    "2020": Framework("2020", "Standards for employers of social workers (2020)", _2020),
    "2025": Framework(
        "2025",
        "Standards for employers of social workers (2025 revision)",
        tuple(
            Standard(s.code, s.number, *_2025_CHANGES[s.code]) if s.code in _2025_CHANGES else s
            for s in _2020
        ),
    ),
}
FRAMEWORK_CHOICES = [(v, f.title) for v, f in FRAMEWORKS.items()]
STANDARD_CODES = tuple(s.code for s in _2020)

"""Early-career programme progress (development.md §2): the ASYE, or any programme whose length,
review points, evidence and protected caseload are data (a two-year induction fits).

Pauses stop the programme's clock: every review, evidence point and the end move later by the
days paused before them. Evidence minimums are due at points through the programme (by default
spread evenly: 3 direct observations at months 4, 8 and 12; critical reflections at 6 and 12).
No Django: plain records in, plain records and a polars frame out.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from .schedule import add_months

PASS, FAIL, EXTENSION = "pass", "fail", "extension"
NOT_ON_TRACK = "not_on_track"
STATUSES = ("in_progress", "paused", "extended", "passed", "failed", "withdrawn")
ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Requirement:
    code: str
    label: str
    minimum: int
    due_months: tuple[int, ...]  # one month for each of the minimum, in order


def spread(minimum: int, length_months: int) -> tuple[int, ...]:
    """Due months spread evenly through the programme: 3 in 12 months are due at 4, 8, 12."""
    return tuple(-(-length_months * (i + 1) // minimum) for i in range(minimum))


DEFAULT_REQUIREMENTS = (
    Requirement("direct_observation", "Direct observations of practice", 3, (4, 8, 12)),
    Requirement("feedback_people", "Feedback from people who use services", 3, (4, 8, 12)),
    Requirement("feedback_professionals", "Feedback from other professionals", 3, (4, 8, 12)),
    Requirement("written_work", "Assessed examples of written work (reports)", 3, (4, 8, 12)),
    Requirement("critical_reflection", "Critical reflection", 2, (6, 12)),
)
DEFAULT_REVIEW_MONTHS = (3, 6, 9, 12)


@dataclass(frozen=True)
class WorkloadStep:
    """From month ``start`` (0 = the first month) to ``end`` (exclusive; None: the end), the
    caseload may be at most ``percent`` of the team's average."""

    start: int
    end: int | None
    percent: float


@dataclass(frozen=True)
class Programme:
    length_months: int = 12
    review_months: tuple[int, ...] = DEFAULT_REVIEW_MONTHS
    requirements: tuple[Requirement, ...] = DEFAULT_REQUIREMENTS
    workload: tuple[WorkloadStep, ...] = (WorkloadStep(0, None, 90.0),)

    def percent_at(self, month: int) -> float | None:
        for step in self.workload:
            if step.start <= month and (step.end is None or month < step.end):
                return step.percent
        return None


@dataclass(frozen=True)
class Enrolment:
    key: int
    programme: Programme
    starts_on: datetime.date
    planned_end: datetime.date
    pauses: tuple[tuple[datetime.date, datetime.date | None], ...] = ()
    reviews: dict[int, tuple[datetime.date, str]] = field(default_factory=dict)  # point: held
    evidence: dict[str, int] = field(default_factory=dict)  # code: items done or assessed
    decision: str = ""
    extended_to: datetime.date | None = None
    withdrawn_on: datetime.date | None = None
    fte: float = 1.0
    cases: int | None = None  # latest caseload
    team_caseload: float | None = None  # the team's average caseload per FTE on that date


@dataclass(frozen=True)
class Review:
    point: int
    due_on: datetime.date
    held_on: datetime.date | None
    judgement: str
    late: bool


@dataclass(frozen=True)
class EvidenceProgress:
    code: str
    label: str
    minimum: int
    done: int
    due_now: int
    next_due_on: datetime.date | None
    late: bool


@dataclass(frozen=True)
class Progress:
    key: int
    status: str
    month: int  # whole programme months completed (pauses not counted)
    paused_days: int
    expected_end: datetime.date
    reviews: tuple[Review, ...]
    evidence: tuple[EvidenceProgress, ...]
    caseload_target: float | None
    caseload_breach: bool
    awaiting_decision: bool
    latest_judgement: str

    @property
    def active(self) -> bool:
        return self.status in ("in_progress", "paused", "extended")

    @property
    def late_reviews(self) -> tuple[Review, ...]:
        return tuple(r for r in self.reviews if r.late)

    @property
    def late_evidence(self) -> tuple[EvidenceProgress, ...]:
        return tuple(e for e in self.evidence if e.late)

    @property
    def on_track(self) -> bool:
        return self.active and not (
            self.late_reviews
            or self.late_evidence
            or self.caseload_breach
            or self.awaiting_decision
            or self.latest_judgement == NOT_ON_TRACK
        )


def _pauses(
    enrolment: Enrolment, as_of: datetime.date
) -> list[tuple[datetime.date, datetime.date]]:
    """Pauses begun by ``as_of``, an open one running to ``as_of``, sorted."""
    return sorted(
        (first, as_of if last is None else last)
        for first, last in enrolment.pauses
        if first <= as_of
    )


def shifted(
    day: datetime.date, pauses: Sequence[tuple[datetime.date, datetime.date]]
) -> datetime.date:
    """A date on the programme's clock moved later by every pause that began before it."""
    for first, last in pauses:
        if first < day:
            day += (last - first) + ONE_DAY
    return day


def due_on(enrolment: Enrolment, month: int, as_of: datetime.date) -> datetime.date:
    return shifted(add_months(enrolment.starts_on, month), _pauses(enrolment, as_of))


def _status(enrolment: Enrolment, as_of: datetime.date) -> str:
    if enrolment.withdrawn_on is not None and enrolment.withdrawn_on <= as_of:
        return "withdrawn"
    if enrolment.decision in (PASS, FAIL):
        return "passed" if enrolment.decision == PASS else "failed"
    for first, last in enrolment.pauses:
        if first <= as_of and (last is None or last >= as_of):
            return "paused"
    return "extended" if enrolment.extended_to is not None else "in_progress"


def progress(enrolment: Enrolment, *, as_of: datetime.date) -> Progress:
    """Where one enrolment stands on ``as_of``."""
    programme = enrolment.programme
    pauses = _pauses(enrolment, as_of)
    paused_days = sum((last - first).days + 1 for first, last in pauses)
    status = _status(enrolment, as_of)
    active = status in ("in_progress", "paused", "extended")
    month = 0
    while due_on(enrolment, month + 1, as_of) <= as_of and month < 10 * programme.length_months:
        month += 1
    reviews = []
    for point in programme.review_months:
        due = due_on(enrolment, point, as_of)
        held_on, judgement = enrolment.reviews.get(point, (None, ""))
        reviews.append(
            Review(point, due, held_on, judgement, active and not held_on and due < as_of)
        )
    evidence = []
    for requirement in programme.requirements:
        dues = [due_on(enrolment, m, as_of) for m in requirement.due_months]
        due_now = sum(1 for d in dues if d < as_of)
        done = enrolment.evidence.get(requirement.code, 0)
        upcoming = [d for d in dues[done:] if d >= as_of]
        evidence.append(
            EvidenceProgress(
                requirement.code,
                requirement.label,
                requirement.minimum,
                done,
                due_now,
                upcoming[0] if upcoming else None,
                active and done < due_now,
            )
        )
    expected_end = enrolment.extended_to or shifted(enrolment.planned_end, pauses)
    percent = programme.percent_at(month)
    target = (
        percent / 100 * enrolment.team_caseload * enrolment.fte
        if percent is not None and enrolment.team_caseload is not None
        else None
    )
    breach = (
        active and target is not None and enrolment.cases is not None and enrolment.cases > target
    )
    held = sorted((held_on, j) for held_on, j in enrolment.reviews.values())
    return Progress(
        key=enrolment.key,
        status=status,
        month=month,
        paused_days=paused_days,
        expected_end=expected_end,
        reviews=tuple(reviews),
        evidence=tuple(evidence),
        caseload_target=target,
        caseload_breach=breach,
        awaiting_decision=active and status != "paused" and expected_end < as_of,
        latest_judgement=held[-1][1] if held else "",
    )


SUMMARY_COLUMNS = (
    "nqsws",
    "in_progress",
    "paused",
    "extended",
    "on_track",
    "late_review",
    "late_evidence",
    "caseload_breach",
    "passed",
    "failed",
    "withdrawn",
)


def summary(
    rows: Sequence[tuple[dict[str, Any], Progress]], by: Sequence[str] = ()
) -> pl.DataFrame:
    """Counts by group: each row is (group values, progress). Columns: the ``by`` columns then
    ``SUMMARY_COLUMNS``; with no ``by``, one total row."""
    records = [
        {
            **{name: groups.get(name) for name in by},
            "nqsws": 1,
            "in_progress": int(p.status == "in_progress"),
            "paused": int(p.status == "paused"),
            "extended": int(p.status == "extended"),
            "on_track": int(p.on_track),
            "late_review": int(bool(p.late_reviews) or p.awaiting_decision),
            "late_evidence": int(bool(p.late_evidence)),
            "caseload_breach": int(p.caseload_breach),
            "passed": int(p.status == "passed"),
            "failed": int(p.status == "failed"),
            "withdrawn": int(p.status == "withdrawn"),
        }
        for groups, p in rows
    ]
    schema: dict[str, Any] = {
        **dict.fromkeys(by, pl.String),
        **dict.fromkeys(SUMMARY_COLUMNS, pl.Int64),
    }
    frame = pl.DataFrame(records, schema=schema)
    if not by:
        return (
            frame.select(pl.col(SUMMARY_COLUMNS).sum())
            if frame.height
            else pl.DataFrame([dict.fromkeys(SUMMARY_COLUMNS, 0)], schema=schema)
        )
    return (
        frame.group_by(list(by)).agg(pl.col(SUMMARY_COLUMNS).sum()).sort(list(by), nulls_last=True)
    )


def requirement_code(label: str) -> str:
    """A stable key for a kind of evidence: the ASYE's own, else made from its label."""
    for known in DEFAULT_REQUIREMENTS:
        if known.label.casefold() == label.strip().casefold():
            return known.code
    return "-".join("".join(c if c.isalnum() else " " for c in label.lower()).split())[:40]


def parse_months(text: str, *, length: int) -> tuple[int, ...]:
    """ "3, 6, 9, 12" as rising months from 1 to ``length``."""
    try:
        months = tuple(int(part) for part in text.replace(";", ",").split(",") if part.strip())
    except ValueError:
        raise ValueError(
            "Give months as whole numbers separated by commas, like 3, 6, 9, 12"
        ) from None
    if not months:
        raise ValueError("Give at least one month, like 3, 6, 9, 12")
    if list(months) != sorted(set(months)) or months[0] < 1 or months[-1] > length:
        raise ValueError(f"Give rising months from 1 to {length} (the programme's length)")
    return months


def parse_requirements(text: str, *, length: int) -> tuple[Requirement, ...]:
    """One kind of evidence a line: "Direct observations of practice: 3 by months 4, 8, 12"
    (without "by months ...", spread evenly through the programme)."""
    found = []
    for number, line in enumerate((ln.strip() for ln in text.splitlines() if ln.strip()), 1):
        label, colon, rest = line.rpartition(":")
        words = rest.strip().split(maxsplit=3)
        if not colon or not label.strip() or not words or not words[0].isdigit():
            raise ValueError(
                f"Line {number}: write the kind of evidence, a colon and how many, like "
                "\u201cCritical reflection: 2 by months 6, 12\u201d"
            )
        minimum = int(words[0])
        if minimum < 1:
            raise ValueError(f"Line {number}: the minimum must be 1 or more")
        if len(words) > 1:
            if words[1:3] != ["by", "months"] or len(words) < 4:
                raise ValueError(f"Line {number}: after the number, write \u201cby months\u201d")
            due = parse_months(words[3], length=length)
            if len(due) != minimum:
                raise ValueError(f"Line {number}: give one month for each of the {minimum}")
        else:
            due = spread(minimum, length)
        found.append(Requirement(requirement_code(label), label.strip(), minimum, due))
    if not found:
        raise ValueError("Give at least one kind of evidence")
    if len({r.code for r in found}) != len(found):
        raise ValueError("List each kind of evidence once")
    return tuple(found)


def requirements_text(requirements: Sequence[Requirement]) -> str:
    return "\n".join(
        f"{r.label}: {r.minimum} by months {', '.join(map(str, r.due_months))}"
        for r in requirements
    )


def parse_workload(text: str) -> tuple[WorkloadStep, ...]:
    """ "90" for the whole programme, or steps by the month each starts: "0:25, 3:50, 9:90"."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    example = "like 90, or 0:25, 3:50, 6:70, 9:90"
    try:
        if len(parts) == 1 and ":" not in parts[0]:
            steps = [(0, float(parts[0]))]
        else:
            steps = [(int(m), float(p)) for m, p in (part.split(":") for part in parts)]
    except ValueError:
        raise ValueError(f"Give percentages of the team's average caseload, {example}") from None
    if not steps or steps[0][0] != 0 or [m for m, _ in steps] != sorted({m for m, _ in steps}):
        raise ValueError(f"Start at month 0 and give rising months, {example}")
    if any(not 0 < p <= 100 for _, p in steps):
        raise ValueError("Percentages must be more than 0 and at most 100")
    ends = [m for m, _ in steps[1:]] + [None]
    return tuple(WorkloadStep(m, end, p) for (m, p), end in zip(steps, ends, strict=True))


def workload_text(steps: Sequence[WorkloadStep]) -> str:
    if len(steps) == 1:
        return f"{steps[0].percent:g}"
    return ", ".join(f"{s.start}:{s.percent:g}" for s in steps)

"""§9.3 product checks on single worker records (ours; errors or warnings as the page says)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from workforce_health.census import semantics as sem
from workforce_health.census.records import WorkerRecord
from workforce_health.census.rules.base import Context, Issue, Severity, worker_rule

ERROR, WARNING = Severity.ERROR, Severity.WARNING
WORKING_YEAR_DAYS = Decimal(253)  # §9.3: the assumed working year
MIN_AGE, MAX_AGE = 18, 80


@worker_rule("P03", ERROR, "9.3", "RoleEndDate within the census year")
def end_date_in_year(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    end = worker.values.role_end_date
    if end is not None and not sem.in_census_year(end, ctx.year):
        yield Issue(
            f"RoleEndDate {end} is outside the census year ({ctx.year_start} to "
            f"{ctx.reference_date}).",
            "RoleEndDate",
            worker.line_of("RoleEndDate"),
        )


@worker_rule("P04", ERROR, "9.3", "RoleEndDate on or after RoleStartDate")
def end_after_start(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    start, end = worker.values.role_start_date, worker.values.role_end_date
    if start is not None and end is not None and end < start:
        yield Issue(
            f"RoleEndDate {end} is before RoleStartDate {start}.",
            "RoleEndDate",
            worker.line_of("RoleEndDate"),
        )


@worker_rule("P05", ERROR, "9.3", "RoleStartDate not after the reference date")
def start_not_after_reference(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    start = worker.values.role_start_date
    if start is not None and start > ctx.reference_date:
        yield Issue(
            f"RoleStartDate {start} is after the census reference date {ctx.reference_date}.",
            "RoleStartDate",
            worker.line_of("RoleStartDate"),
        )


@worker_rule("P06", ERROR, "9.3", "In-post council workers have in-post FTE above 0")
def in_post_fte_positive(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    w = worker.values
    if w.agency_worker != "0" or w.role_end_date is not None:
        return
    fte = sem.in_post_fte(w, ctx.fte)
    if fte is None or fte <= 0:
        element = next(f.name for f in ctx.schema.worker_fields() if f.attr == ctx.fte.in_post)
        yield Issue(
            f"{element} must be above 0 for a council worker in post on 30 September.",
            element,
            worker.line_of(element),
        )


def _negative(worker: WorkerRecord, names: dict[str, str]) -> Iterator[Issue]:
    for element, attr in names.items():
        value = getattr(worker.values, attr)
        for item in value if isinstance(value, tuple) else (value,):
            if item is not None and item < 0:
                yield Issue(
                    f"{element} is {item}; it cannot be negative.", element, worker.line_of(element)
                )


@worker_rule("P07", ERROR, "9.3", "Cases, days lost and contract weeks not negative")
def worker_counts_not_negative(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    return _negative(
        worker,
        {
            "Cases30": "cases30",
            "WorkingDaysLost": "working_days_lost",
            "ContractWeeks": "contract_weeks",
        },
    )


@worker_rule("P09", ERROR, "9.3", "Pay items not negative (2025 onwards)")
def pay_not_negative(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    return _negative(
        worker,
        {
            "BaseSalary": "base_salary",
            "RRPayments": "rr_payments",
            "OtherPayments": "other_payments",
        },
    )


@worker_rule("P10", WARNING, "9.3", "WorkingDaysLost not above 253 x FTE")
def days_lost_plausible(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    lost, fte = worker.values.working_days_lost, sem.contracted_fte(worker.values, ctx.fte)
    if lost is not None and fte is not None and lost > WORKING_YEAR_DAYS * fte:
        yield Issue(
            f"WorkingDaysLost {lost} is more than 253 working days x FTE {fte}.",
            "WorkingDaysLost",
            worker.line_of("WorkingDaysLost"),
        )


@worker_rule("P11", WARNING, "9.3", "Age on the reference date between 18 and 80")
def plausible_age(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    birth = worker.values.person_birth_date
    if birth is None:
        return
    age = sem.age_on(birth, ctx.reference_date)
    if not MIN_AGE <= age <= MAX_AGE:
        yield Issue(
            f"PersonBirthDate gives an age of {age} on {ctx.reference_date}; expected "
            f"{MIN_AGE} to {MAX_AGE}.",
            "PersonBirthDate",
            worker.line_of("PersonBirthDate"),
        )


@worker_rule("P12", WARNING, "9.3", "OrgRole 6 (qualified without cases) holds no cases")
def no_cases_role(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    w = worker.values
    if w.org_role == "6" and w.cases30 is not None and w.cases30 > 0:
        yield Issue(
            f"OrgRole is 6 (qualified without cases) but Cases30 is {w.cases30}.",
            "Cases30",
            worker.line_of("Cases30"),
        )


@worker_rule("P13", WARNING, "9.3", "ReasonAbsence only when Absat30Sept is 1")
def absence_reason_needs_absence(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    w = worker.values
    if w.reason_absence and "1" not in w.absat30_sept:
        yield Issue(
            "ReasonAbsence is given but Absat30Sept is not 1 (absent).",
            "ReasonAbsence",
            worker.line_of("ReasonAbsence"),
        )


@worker_rule("P17", WARNING, "9.3", "SWENo starts with SW")
def swe_prefix(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    swe = worker.values.swe_no
    if len(swe) >= 2 and swe[:2].isalpha() and swe[:2] != "SW":
        yield Issue(
            f"SWENo starts with {swe[:2]}; Social Work England numbers start with SW.",
            "SWENo",
            worker.line_of("SWENo"),
        )


@worker_rule("P18", WARNING, "9.3", "StartOrigin or LeaverDestination not 'Not yet collected'")
def not_yet_collected(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    w = worker.values
    if w.start_origin == "10":
        yield Issue(
            "StartOrigin is 10 (not yet collected).", "StartOrigin", worker.line_of("StartOrigin")
        )
    if w.leaver_destination == "9":
        yield Issue(
            "LeaverDestination is 9 (not yet collected).",
            "LeaverDestination",
            worker.line_of("LeaverDestination"),
        )


RULES = (
    end_date_in_year,
    end_after_start,
    start_not_after_reference,
    in_post_fte_positive,
    worker_counts_not_negative,
    days_lost_plausible,
    plausible_age,
    no_cases_role,
    absence_reason_needs_absence,
    swe_prefix,
    not_yet_collected,
)
"""Worker checks for every year; ``pay_not_negative`` is added from 2025 (see ``y2025``)."""

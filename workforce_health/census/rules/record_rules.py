"""§9.2 record-level rules (the liia-tools ``SWFtools`` checks, reimplemented).

Leaver-ness here follows §9.2: a record with ``RoleEndDate`` present is a leaver record.
"""

from __future__ import annotations

from collections.abc import Iterator

from workforce_health.census.records import WorkerRecord
from workforce_health.census.rules.base import Context, Issue, Severity, worker_rule

ERROR = Severity.ERROR


def _has(worker: WorkerRecord, name: str) -> bool:
    return worker.raw.find(name) is not None


@worker_rule("R01", ERROR, "9.2", "Mandatory items present for council-employed workers")
def non_agency_mandatory(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    if worker.values.agency_worker != "0":
        return
    for spec in ctx.schema.worker_fields():
        if spec.required_non_agency and not _has(worker, spec.name):
            yield Issue(
                f"{spec.name} is missing; it is required for council-employed "
                "(non-agency) workers.",
                spec.name,
                worker.line,
            )


@worker_rule("R02", ERROR, "9.2", "StartOrigin present if and only if RoleStartDate is")
def start_origin_with_start_date(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    start, origin = _has(worker, "RoleStartDate"), _has(worker, "StartOrigin")
    if start and not origin:
        yield Issue(
            "StartOrigin is missing; it is required when RoleStartDate is given.",
            "StartOrigin",
            worker.line_of("RoleStartDate"),
        )
    if origin and not start:
        yield Issue(
            "StartOrigin is given without a RoleStartDate.",
            "StartOrigin",
            worker.line_of("StartOrigin"),
        )


@worker_rule("R03", ERROR, "9.2", "FTE is 0 on leaver records")
def leaver_fte_zero(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    fte = worker.values.fte
    if _has(worker, "RoleEndDate") and fte is not None and fte != 0:
        yield Issue(
            f"FTE must be 0 for leavers (this record has a RoleEndDate); it is {fte}.",
            "FTE",
            worker.line_of("FTE"),
        )


def _leaver_item(worker: WorkerRecord, name: str) -> Iterator[Issue]:
    leaver, present = _has(worker, "RoleEndDate"), _has(worker, name)
    if leaver and not present:
        yield Issue(
            f"{name} is missing; it is required for leavers (RoleEndDate is given).",
            name,
            worker.line_of("RoleEndDate"),
        )
    if present and not leaver:
        yield Issue(
            f"{name} is given but the record has no RoleEndDate; it is only for leavers.",
            name,
            worker.line_of(name),
        )


@worker_rule("R04", ERROR, "9.2", "ReasonLeave present if and only if RoleEndDate is")
def reason_leave_for_leavers(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    return _leaver_item(worker, "ReasonLeave")


@worker_rule("R05", ERROR, "9.2", "LeaverDestination present if and only if RoleEndDate is")
def destination_for_leavers(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
    return _leaver_item(worker, "LeaverDestination")


RULES = (
    non_agency_mandatory,
    start_origin_with_start_date,
    leaver_fte_zero,
    reason_leave_for_leavers,
    destination_for_leavers,
)

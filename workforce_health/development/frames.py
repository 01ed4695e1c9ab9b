"""Reads for the measures: a scope's records as the calculations' input frames, and the
measures computed on them (the one path for pages, downloads, the command and the report)."""

import dataclasses
import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from workforce_health.core.models import Employment, Person, Service
from workforce_health.core.scope import Scope
from workforce_health.development import selectors
from workforce_health.development.measures import asye, cpd, secondments, supervision
from workforce_health.development.models import (
    CadencePolicy,
    CpdEntry,
    Enrolment,
    LeavePeriod,
    SupervisionAgreement,
    SupervisionSession,
)
from workforce_health.staffing import selectors as staffing_selectors
from workforce_health.staffing.models import CaseloadSnapshot

Schema = Mapping[str, Any]


def _frame(queryset: QuerySet[Any], schema: Schema) -> pl.DataFrame:
    """The query's rows as a frame: ``schema`` maps each ORM lookup to (column, dtype)."""
    rows = list(queryset.values_list(*schema))
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pl.DataFrame(
        [
            pl.Series(
                name,
                [float(v) if dtype == pl.Float64 and v is not None else v for v in values],
                dtype=dtype,
            )
            for (name, dtype), values in zip(schema.values(), columns, strict=True)
        ]
    )


def _fte_on_start() -> Subquery:
    """The FTE of the person's post on the agreement's start date (1 when none)."""
    post = Employment.objects.filter(
        person=OuterRef("person"), start_date__lte=OuterRef("starts_on")
    ).filter(Q(end_date__isnull=True) | Q(end_date__gte=OuterRef("starts_on")))
    return Subquery(post.order_by("-start_date").values("fte")[:1])


SPELLS: Schema = {
    "person_id": ("person_id", pl.Int64),
    "start_date": ("start_date", pl.Date),
    "end_date": ("end_date", pl.Date),
    "team__name": ("team", pl.String),
    "team__service__name": ("service", pl.String),
}


@dataclass(frozen=True)
class SupervisionInputs:
    agreements: pl.DataFrame
    leave: pl.DataFrame
    sessions: pl.DataFrame
    spells: pl.DataFrame
    policies: dict[str, supervision.Policy]
    minimum_minutes: int  # the default policy's, for "sessions of at least N minutes"


def policy_measures(policy: CadencePolicy) -> supervision.Policy:
    return supervision.Policy(
        newly_qualified=policy.rule(newly_qualified=True),
        experienced=policy.rule(newly_qualified=False),
        minimum_minutes=policy.minimum_minutes,
        must_be_uninterrupted=policy.must_be_uninterrupted,
        counted_kinds=frozenset(policy.counted_kinds),
    )


def supervision_inputs_get(*, scope: Scope, person: Person | None = None) -> SupervisionInputs:
    """The scope's supervision records; only ``person``'s when given (the caller has scoped
    the person: one in the scope, or the reader's own record)."""
    people = (
        selectors.people_in_scope(scope=scope)
        if person is None
        else Person.objects.filter(pk=person.pk)
    )
    agreements = SupervisionAgreement.objects.filter(person__in=people).annotate(
        post_fte=_fte_on_start(), policy_key=F("policy_id")
    )
    policies = list(selectors.cadence_policy_list(organisation=scope.organisation))
    default = next((p for p in policies if p.is_default), None)
    return SupervisionInputs(
        agreements=_frame(
            agreements,
            {
                "pk": ("agreement_id", pl.Int64),
                "person_id": ("person_id", pl.Int64),
                "starts_on": ("starts_on", pl.Date),
                "ends_on": ("ends_on", pl.Date),
                "policy_key": ("policy", pl.Int64),
                "newly_qualified": ("newly_qualified", pl.Boolean),
                "post_fte": ("fte", pl.Float64),
            },
        ).with_columns(pl.col("policy").cast(pl.String)),
        leave=_frame(
            LeavePeriod.objects.filter(person__in=people),
            {
                "person_id": ("person_id", pl.Int64),
                "starts_on": ("starts_on", pl.Date),
                "ends_on": ("ends_on", pl.Date),
            },
        ),
        sessions=_frame(
            SupervisionSession.objects.filter(person__in=people),
            {
                "person_id": ("person_id", pl.Int64),
                "held_on": ("held_on", pl.Date),
                "minutes": ("minutes", pl.Int64),
                "kind": ("kind", pl.String),
                "uninterrupted": ("uninterrupted", pl.Boolean),
                "quality": ("quality", pl.Int64),
            },
        ),
        spells=_frame(Employment.objects.filter(person__in=people), SPELLS),
        policies={str(p.pk): policy_measures(p) for p in policies},
        minimum_minutes=default.minimum_minutes if default else 90,
    )


@dataclass(frozen=True)
class Period:
    """A reporting period, and the day the measure is taken (windows open then do not count)."""

    start: datetime.date
    end: datetime.date
    as_of: datetime.date

    @classmethod
    def year_to(cls, as_of: datetime.date) -> "Period":
        start = as_of.replace(year=as_of.year - 1) + datetime.timedelta(days=1)
        return cls(start, as_of, as_of)


def supervision_windows(inputs: SupervisionInputs, *, until: datetime.date) -> pl.DataFrame:
    """Every required window to ``until`` with ``met``, ``team`` and ``service``."""
    schedule = supervision.schedule_frame(
        inputs.agreements, inputs.policies, until=until, leave=inputs.leave
    )
    met = supervision.windows_met(schedule, inputs.sessions, inputs.policies)
    return supervision.with_groups(met, "window_end", inputs.spells)


@dataclass(frozen=True)
class SupervisionMeasures:
    """The windows met and the sessions, each with its team and service, worked out once for
    any number of tables over periods ending by the date they were worked out to."""

    met: pl.DataFrame
    sessions: pl.DataFrame
    minimum_minutes: int

    def compliance(self, period: Period, by: Sequence[str] = ()) -> pl.DataFrame:
        """The compliance measures for the period by ``by`` (team, service or person_id)."""
        return supervision.compliance(
            self.met,
            self.sessions,
            start=period.start,
            end=period.end,
            as_of=period.as_of,
            by=by,
            minimum_minutes=self.minimum_minutes,
        )


def supervision_measures(inputs: SupervisionInputs, *, until: datetime.date) -> SupervisionMeasures:
    return SupervisionMeasures(
        supervision_windows(inputs, until=until),
        supervision.with_groups(inputs.sessions, "held_on", inputs.spells),
        inputs.minimum_minutes,
    )


def supervision_compliance(
    inputs: SupervisionInputs, *, period: Period, by: Sequence[str] = ()
) -> pl.DataFrame:
    """The compliance measures for one period by ``by`` (team, service or person_id)."""
    until = min(period.end, period.as_of)
    return supervision_measures(inputs, until=until).compliance(period, by)


def supervision_overdue(
    inputs: SupervisionInputs, *, as_of: datetime.date, measures: SupervisionMeasures | None = None
) -> pl.DataFrame:
    """Each agreement in force on ``as_of`` with whether it is overdue, and the person's team
    (``measures``: the windows already worked out to ``as_of``, if at hand)."""
    met = measures.met if measures is not None else supervision_windows(inputs, until=as_of)
    table = supervision.overdue(met, inputs.agreements, as_of=as_of)
    return supervision.with_groups(
        table.with_columns(pl.lit(as_of).alias("today")), "today", inputs.spells
    ).drop("today")


# --- CPD ----------------------------------------------------------------------------------


def _current_posts(people: QuerySet[Person], on: datetime.date) -> pl.DataFrame:
    posts = Employment.objects.filter(person__in=people, start_date__lte=on).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=on)
    )
    frame = _frame(posts.order_by("person_id", "-start_date"), SPELLS)
    return frame.unique("person_id", keep="first", maintain_order=True).select(
        "person_id", "team", "service"
    )


def _latest_posts(people: QuerySet[Person], on: datetime.date) -> pl.DataFrame:
    """Each person's latest post started by ``on``, in post or not (a leaver's last team)."""
    posts = Employment.objects.filter(person__in=people, start_date__lte=on)
    frame = _frame(posts.order_by("person_id", "-start_date"), SPELLS)
    return frame.unique("person_id", keep="first", maintain_order=True).select(
        "person_id", "team", "service"
    )


@dataclass(frozen=True)
class CpdInputs:
    people: pl.DataFrame  # registered social workers in post: person_id, team, service
    entries: pl.DataFrame


def cpd_inputs_get(*, scope: Scope, on: datetime.date) -> CpdInputs:
    people = selectors.people_in_scope(scope=scope).filter(is_registered_social_worker=True)
    return CpdInputs(
        people=_current_posts(people, on),
        entries=_frame(
            CpdEntry.objects.filter(person__in=people),
            {
                "person_id": ("person_id", pl.Int64),
                "done_on": ("done_on", pl.Date),
                "hours": ("hours", pl.Float64),
                "peer_reflection": ("peer_reflection", pl.Boolean),
                "recorded_with_swe": ("recorded_with_swe", pl.Boolean),
            },
        ),
    )


def cpd_readiness(inputs: CpdInputs, *, year: int, by: Sequence[str] = ()) -> pl.DataFrame:
    return cpd.readiness(inputs.people, inputs.entries, year=year, by=by)


def cpd_people_not_ready(inputs: CpdInputs, *, year: int) -> pl.DataFrame:
    table = cpd.person_readiness(inputs.people, inputs.entries, year=year)
    return table.filter(~pl.col("ready")).sort("team", "person_id", nulls_last=True)


# --- Early-career programmes --------------------------------------------------------------


STATUS_LABELS = {
    "in_progress": "In progress",
    "paused": "Paused",
    "extended": "Extended",
    "passed": "Passed",
    "failed": "Failed",
    "withdrawn": "Left the programme",
}


@dataclass(frozen=True)
class NqswProgress:
    enrolment: Enrolment
    progress: asye.Progress
    team: str | None
    service: str | None
    cases: int | None
    cases_on: datetime.date | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.progress.status]

    @property
    def status_text(self) -> str:
        label = STATUS_LABELS[self.progress.status]
        if self.progress.active:
            label += ", on track" if self.progress.on_track else ", needs attention"
        return label


def _latest_caseloads(people: list[int], on: datetime.date) -> dict[int, dict[str, Any]]:
    """Each person's latest caseload snapshot on or before ``on``, with its post's team."""
    rows = (
        CaseloadSnapshot.objects.filter(employment__person_id__in=people, date__lte=on)
        .order_by("employment__person_id", "-date")
        .values(
            "employment__person_id",
            "date",
            "cases",
            "employment__fte",
            "employment__team__name",
            "employment__team__service__kind",
        )
    )
    latest: dict[int, dict[str, Any]] = {}
    for row in rows:
        latest.setdefault(row["employment__person_id"], dict(row))
    return latest


def team_caseloads(
    *, scope: Scope, dates: set[tuple[str, datetime.date]]
) -> dict[tuple[str, datetime.date, str], float | None]:
    """The average caseload per FTE of each team on each date, by the DfE caseload measure
    (``staffing.measures``): (service kind, date, team) -> cases per FTE."""
    organisation_wide = Scope.whole(scope.organisation)
    found: dict[tuple[str, datetime.date, str], float | None] = {}
    for kind in {k for k, _ in dates}:
        inputs = staffing_selectors.measure_inputs_get(scope=organisation_wide, service_kind=kind)
        for _, day in sorted(d for d in dates if d[0] == kind):
            table = staffing_selectors.workforce_measures(
                inputs=inputs, reference_date=day, by=["team"]
            )
            for team, caseload in table.select("team", "caseload_fte").iter_rows():
                found[(kind, day, team)] = caseload
    return found


def _shape(enrolment: Enrolment, as_of: datetime.date, **extra: Any) -> asye.Enrolment:
    evidence: dict[str, int] = {}
    for item in enrolment.evidence.all():
        if item.status != item.Status.PLANNED and item.done_on and item.done_on <= as_of:
            evidence[item.requirement] = evidence.get(item.requirement, 0) + 1
    return asye.Enrolment(
        key=enrolment.pk,
        programme=enrolment.programme.shape(),
        starts_on=enrolment.starts_on,
        planned_end=enrolment.planned_end,
        pauses=tuple((p.starts_on, p.ends_on) for p in enrolment.pauses.all()),
        reviews={r.point: (r.held_on, r.judgement) for r in enrolment.reviews.all()},
        evidence=evidence,
        decision=enrolment.decision if enrolment.panel_on and enrolment.panel_on <= as_of else "",
        extended_to=enrolment.extended_to,
        withdrawn_on=enrolment.withdrawn_on,
        **extra,
    )


def nqsw_progress_list(
    *, enrolments: Sequence[Enrolment], scope: Scope, as_of: datetime.date
) -> list[NqswProgress]:
    """Each enrolment's progress on ``as_of``, with the NQSW's latest caseload against the
    protected caseload (the team's average caseload by the DfE measure)."""
    enrolments = [e for e in enrolments if e.starts_on <= as_of]
    caseloads = _latest_caseloads([e.person_id for e in enrolments], as_of)
    posts = _latest_posts(
        Person.objects.filter(pk__in=[e.person_id for e in enrolments]), as_of
    ).rows_by_key("person_id", named=True, unique=True)
    wanted = {(row["employment__team__service__kind"], row["date"]) for row in caseloads.values()}
    averages = team_caseloads(scope=scope, dates=wanted) if wanted else {}
    found = []
    for enrolment in enrolments:
        row = caseloads.get(enrolment.person_id)
        extra: dict[str, Any] = {}
        if row is not None:
            key = (
                row["employment__team__service__kind"],
                row["date"],
                row["employment__team__name"],
            )
            extra = {
                "cases": row["cases"],
                "team_caseload": averages.get(key),
                "fte": float(row["employment__fte"]),
            }
        progress = asye.progress(_shape(enrolment, as_of, **extra), as_of=as_of)
        post = posts.get(enrolment.person_id) or {}
        found.append(
            NqswProgress(
                enrolment,
                progress,
                post.get("team"),
                post.get("service"),
                row["cases"] if row else None,
                row["date"] if row else None,
            )
        )
    return found


def nqsw_summary(progress: Sequence[NqswProgress], *, by: Sequence[str] = ()) -> pl.DataFrame:
    return asye.summary(
        [({"team": p.team, "service": p.service}, p.progress) for p in progress], by=by
    )


# --- Secondments --------------------------------------------------------------------------


@dataclass(frozen=True)
class SecondmentEffect:
    year: int
    recorded: dict[str, Any]  # the DfE measures as recorded
    treated: dict[str, Any]  # with each secondment's census treatment applied
    vacancy_known: bool
    secondments: int  # secondments counted (home post in children's services, in scope)


def _vacancy_level(scope: Scope) -> dict[str, str | None]:
    if scope.team is not None:
        return {"team": scope.team.name}
    if scope.service is not None:
        return {"service": scope.service.name, "team": None}
    return {"service": None, "team": None}


def secondment_effect(*, scope: Scope, year: int) -> SecondmentEffect:
    """The DfE measures for census ``year`` as recorded and with the census treatment chosen on
    each secondment applied: the figures are ``staffing.measures``' own, on changed inputs."""
    inputs = staffing_selectors.measure_inputs_get(scope=scope, service_kind=Service.Kind.CHILDREN)
    records = selectors.secondment_list(scope=scope).filter(
        home_employment__in=staffing_selectors.employment_spells(
            scope=scope, service_kind=Service.Kind.CHILDREN
        )
    )
    frame = pl.DataFrame(
        [
            {
                "home_spell_id": str(s.home_employment_id),
                "starts_on": s.starts_on,
                "ends_on": s.ends_on,
                "fte": float(s.fte),
                "treatment": s.census_treatment,
                "backfill": s.backfill,
            }
            for s in records
        ],
        schema={
            "home_spell_id": pl.String,
            "starts_on": pl.Date,
            "ends_on": pl.Date,
            "fte": pl.Float64,
            "treatment": pl.String,
            "backfill": pl.String,
        },
    )
    reference = datetime.date(year, 9, 30)
    vacancies = secondments.treated_vacancies(
        inputs.vacancies, frame, reference_date=reference, level=_vacancy_level(scope)
    )
    treated = dataclasses.replace(
        inputs,
        spells=secondments.treated_spells(inputs.spells, frame),
        vacancies=inputs.vacancies if vacancies is None else vacancies,
    )
    before = staffing_selectors.workforce_measures(inputs=inputs, year=year).to_dicts()
    after = staffing_selectors.workforce_measures(inputs=treated, year=year).to_dicts()
    return SecondmentEffect(
        year,
        before[0] if before else {},
        after[0] if after else {},
        vacancies is not None,
        frame.height,
    )

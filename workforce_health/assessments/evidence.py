"""The evidence tiles of a self-assessment: for each standard, the product's own figures and
what staff said in that year's Health Check.

Every figure comes from the builder or measure its source page uses (one definition each): the
workforce dashboard's headlines (`staffing.dashboard.overview`), the supervision, CPD and ASYE
measures (`development.frames`), the survey results overview's standards table
(`results.pages.overview`) and the listening loop's actions and sessions. The service's parts of
them are chosen as the scrutiny report does (`reports.inputs.ReportInputs`). Records about
named staff are summarised only over at least ``MIN_PEOPLE`` people; survey figures keep the
results engine's suppression.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.urls import reverse
from django.utils import timezone

from workforce_health.assessments.frameworks import FRAMEWORKS, Standard
from workforce_health.assessments.models import Assessment
from workforce_health.core.scope import Scope
from workforce_health.development import frames
from workforce_health.development import selectors as development
from workforce_health.development.measures import cpd
from workforce_health.listening.models import Action, LeaderSession
from workforce_health.listening.selectors import actions as listening_actions
from workforce_health.listening.selectors import sessions as listening_sessions
from workforce_health.reports.inputs import ReportInputs, Unit, WaveResults
from workforce_health.results.pages.overview import Overview, StandardRow
from workforce_health.results.pages.overview import overview_get as results_overview_get
from workforce_health.rounding import format_rate
from workforce_health.staffing.dashboard.overview import Headline
from workforce_health.staffing.dashboard.overview import overview_get as workforce_overview_get
from workforce_health.staffing.dashboard.specs import (
    ABSENCE,
    AGENCY,
    CASELOAD,
    TURNOVER,
    VACANCY,
    Spec,
)
from workforce_health.staffing.selectors import Context, reference_date_text

MIN_PEOPLE = 5  # records about named staff: no figure over fewer people (as the report's teams)
SUPERVISION_EXPECTED = 80.0  # (ours) share of windows met below which the evidence is a concern
CPD_EXPECTED = 80.0  # (ours) share ready to renew, at the end of the registration year
WORKFORCE_TILES: dict[str, tuple[Spec, ...]] = {
    "S2": (VACANCY, TURNOVER, AGENCY),
    "S3": (CASELOAD,),
    "S4": (ABSENCE,),
}


@dataclass(frozen=True)
class Tile:
    label: str
    value: str | None  # as its source page writes it; None: not available or hidden
    detail: str  # what it counts and when
    source: str  # the page it comes from
    url: str = ""  # that page, for people who may open it
    comparison: str = ""  # "England 14.1%, North West 12.3% (year ending 30 September 2024)"
    concern: str = ""  # why the figure questions a high rating, in plain English ("" if none)


@dataclass(frozen=True)
class StaffView:
    """The standard's Health Check score and band for the service, and the change."""

    survey: str
    score: int | None
    band: str
    previous: int | None
    hidden: str  # why the score is not shown ("" when it is)
    respondents: int | None

    @property
    def change(self) -> int | None:
        if self.score is None or self.previous is None:
            return None
        return self.score - self.previous

    @property
    def change_text(self) -> str:
        if self.change is None:
            return "no earlier score to compare"
        if self.change == 0:
            return f"no change since the previous survey ({self.previous})"
        direction = "up" if self.change > 0 else "down"
        return f"{direction} {abs(self.change)} since the previous survey ({self.previous})"


@dataclass(frozen=True)
class StandardEvidence:
    standard: Standard
    tiles: tuple[Tile, ...]
    staff: StaffView | None  # None: no Health Check wave for the service that year
    no_records: str = ""  # said when the product holds no records for the standard


def as_of_date(year: int, today: datetime.date | None = None) -> datetime.date:
    """The evidence date: the end of the assessment year, or today while it is running."""
    return min(today or timezone.localdate(), datetime.date(year, 12, 31))


def cpd_year(year: int, as_of: datetime.date) -> int:
    """The Social Work England registration year (to 30 November) the assessment reports."""
    return min(cpd.registration_year(as_of), year)


def _pct(value: float | None) -> str | None:
    return None if value is None else f"{format_rate(value)}%"


class Evidence:
    """Every standard's evidence for one assessment (read once, cached)."""

    def __init__(self, assessment: Assessment, *, today: datetime.date | None = None) -> None:
        self.assessment = assessment
        self.as_of = as_of_date(assessment.year, today)
        self.inputs = ReportInputs(
            organisation=assessment.organisation,
            services=(assessment.service,),
            meeting_date=self.as_of,
        )

    @property
    def unit(self) -> Unit:
        return self.inputs.units[0]

    @property
    def service_names(self) -> list[str]:
        return [self.assessment.service.name]

    # --- Workforce measures (Standards 2, 3 and 4) ---------------------------------------

    @cached_property
    def workforce(self) -> Context | None:
        return self.inputs.census.get(self.unit.label)

    @cached_property
    def headlines(self) -> dict[str, Headline]:
        if self.workforce is None:
            return {}
        page = workforce_overview_get(self.workforce)
        self._region = page.comparisons.region_name
        return {h.label: h for h in page.headlines}

    def _workforce_tile(self, spec: Spec) -> Tile:
        h = self.headlines.get(spec.label)
        ctx = self.workforce
        if h is None or ctx is None:
            return Tile(spec.label, None, "No census year with records by this date", "Workforce")
        compared = [
            f"{name} {value}"
            for name, value in (("England", h.england), (self._region or "Region", h.region))
            if value is not None
        ]
        comparison = ""
        concern = ""
        if compared and h.comparison_year:
            comparison = (
                f"{', '.join(compared)} (year ending {reference_date_text(h.comparison_year)})"
            )
        if h.value is not None and h.england is not None:
            ours, england = (float(v.split()[0].rstrip("%")) for v in (h.value, h.england))
            if ours > england:
                concern = f"The {spec.label.lower()} ({h.value}) is above England's ({h.england})"
        url = reverse("workforce-overview") + f"?service={ctx.kind.slug}&year={ctx.year}"
        return Tile(h.label, h.value, h.hint, "Workforce", url, comparison, concern)

    # --- Development records (Standards 5, 6 and 7) --------------------------------------

    def supervision(self) -> Tile:
        period = frames.Period.year_to(self.as_of)
        measures = frames.supervision_measures(
            frames.supervision_inputs_get(scope=self.unit.workforce), until=self.as_of
        )
        mine = frames.SupervisionMeasures(
            measures.met.filter(measures.met["service"].is_in(self.service_names)),
            measures.sessions.filter(measures.sessions["service"].is_in(self.service_names)),
            measures.minimum_minutes,
        )
        total = mine.compliance(period).to_dicts()[0]
        label = "Supervision windows met"
        source = "Supervision"
        url = reverse("development-supervision") + (
            f"?start-day={period.start.day}&start-month={period.start.month}"
            f"&start-year={period.start.year}&end-day={period.end.day}"
            f"&end-month={period.end.month}&end-year={period.end.year}&by=service"
        )
        when = f"12 months to {self.as_of:%-d %B %Y}"
        if not total["windows_required"]:
            return Tile(label, None, f"No supervision windows were due in the {when}", source)
        if (total["people"] or 0) < MIN_PEOPLE:
            return Tile(label, None, f"Fewer than {MIN_PEOPLE} people ({when})", source)
        value = _pct(total["share_met"])
        concern = ""
        if total["share_met"] is not None and total["share_met"] < SUPERVISION_EXPECTED:
            concern = (
                f"Only {value} of supervision windows were met, below the "
                f"{SUPERVISION_EXPECTED:g}% "
                "this assessment expects"
            )
        return Tile(
            label,
            value,
            f"{total['windows_met']:,} of {total['windows_required']:,} windows due under the "
            f"council's supervision policy, {when}; {_pct(total['share_long'])} of "
            f"{total['sessions']:,} sessions lasted at least {measures.minimum_minutes} minutes",
            source,
            url,
            concern=concern,
        )

    def cpd_readiness(self) -> Tile:
        year = cpd_year(self.assessment.year, self.as_of)
        inputs = frames.cpd_inputs_get(
            scope=self.unit.workforce, on=min(self.as_of, datetime.date(year, 11, 30))
        )
        people = inputs.people.filter(inputs.people["service"].is_in(self.service_names))
        total = cpd.readiness(people, inputs.entries, year=year).to_dicts()[0]
        label = "Ready to renew registration"
        source = "CPD"
        url = reverse("development-cpd") + f"?year={year}"
        when = f"registration year to 30 November {year}"
        if not total["people"]:
            return Tile(label, None, f"No registered social workers recorded ({when})", source)
        if total["people"] < MIN_PEOPLE:
            return Tile(label, None, f"Fewer than {MIN_PEOPLE} people ({when})", source)
        value = _pct(total["share_ready"])
        concern = ""
        complete = self.as_of >= datetime.date(year, 11, 30)
        if complete and total["share_ready"] is not None and total["share_ready"] < CPD_EXPECTED:
            concern = (
                f"Only {value} of registered social workers had recorded the CPD Social Work "
                "England asks for before renewal"
            )
        return Tile(
            label,
            value,
            f"{total['ready']} of {total['people']} registered social workers recorded at least "
            f"two pieces of CPD, one with a peer reflection, {when}",
            source,
            url,
            concern=concern,
        )

    def nqsws(self) -> Tile:
        period = frames.Period.year_to(self.as_of)
        scope = self.unit.workforce
        progress = frames.nqsw_progress_list(
            enrolments=list(
                development.enrolment_in_period_list(
                    scope=scope, start=period.start, end=self.as_of
                )
            ),
            scope=scope,
            as_of=self.as_of,
        )
        progress = [p for p in progress if p.service in self.service_names]
        label = "Newly qualified social workers on track"
        source = "ASYE"
        when = f"12 months to {self.as_of:%-d %B %Y}"
        if not progress:
            return Tile(label, None, f"No one was in their ASYE in the {when}", source)
        if len(progress) < MIN_PEOPLE:
            return Tile(label, None, f"Fewer than {MIN_PEOPLE} people ({when})", source)
        total = frames.nqsw_summary(progress).to_dicts()[0]
        active = total["in_progress"] + total["paused"] + total["extended"]
        return Tile(
            label,
            f"{total['on_track']} of {active}" if active else f"{total['passed']} passed",
            f"{total['nqsws']} in their assessed and supported year at some time in the {when}; "
            f"{total['passed']} passed, {total['late_review']} with a review late",
            source,
            reverse("development-asye"),
        )

    # --- Health Check, actions and sessions (Standard 1) ---------------------------------

    @cached_property
    def wave(self) -> WaveResults | None:
        """The service's Health Check of the assessment year (the latest, if several)."""
        for results in sorted(self.inputs.waves, key=lambda r: r.wave.opens_on, reverse=True):
            covers = results.wave.services.filter(pk=self.assessment.service.pk).exists()
            if covers and results.wave.opens_on.year == self.assessment.year:
                return results
        return None

    @cached_property
    def survey(self) -> Overview | None:
        if self.wave is None:
            return None
        previous = self.wave.previous
        return results_overview_get(
            self.wave.frames,
            self.unit.scope,
            self.wave.previous_frames,
            previous.title if previous is not None else "",
        )

    def health_check(self) -> Tile:
        label = "Health Check responses"
        if self.wave is None or self.survey is None:
            return Tile(
                label,
                None,
                f"No Health Check for this service in {self.assessment.year}",
                "Survey results",
            )
        survey = self.survey
        wave = self.wave.wave
        url = reverse("survey-results", args=[wave.pk])
        if survey.responses_hidden or survey.respondents is None:
            return Tile(label, None, survey.responses_hidden or "Not shown", "Survey results", url)
        rate = f", a response rate of {_pct(survey.response_rate)}" if survey.response_rate else ""
        return Tile(
            label,
            f"{survey.respondents:,}",
            f"{wave.title}, opened {wave.opens_on:%-d %B %Y}{rate}",
            "Survey results",
            url,
        )

    def actions(self) -> Tile:
        scope = Scope.of_service(self.assessment.service)
        year = self.assessment.year
        raised = listening_actions.action_list(scope=scope).filter(raised_on__year=year)
        done = raised.filter(status=Action.Status.COMPLETE).count()
        total = raised.exclude(status=Action.Status.CANCELLED).count()
        return Tile(
            "Actions completed",
            f"{done} of {total}",
            f"Actions raised in {year} for this service or the whole council (not cancelled)",
            "Listening",
            reverse("listening-actions"),
        )

    def sessions(self) -> Tile:
        scope = Scope.of_service(self.assessment.service)
        held = (
            listening_sessions.session_list(scope=scope)
            .filter(status=LeaderSession.Status.HELD, starts_at__year=self.assessment.year)
            .count()
        )
        return Tile(
            "Leader sessions held",
            f"{held}",
            f"Sessions with leaders held in {self.assessment.year} open to this service's staff",
            "Listening",
            reverse("listening-sessions"),
        )

    # --- Everything ----------------------------------------------------------------------

    def staff_view(self, code: str) -> StaffView | None:
        if self.survey is None or self.wave is None:
            return None
        row: StandardRow | None = next((r for r in self.survey.standards if r.code == code), None)
        title = self.wave.wave.title
        if row is None:
            why = self.survey.hidden or "This survey did not ask about this standard"
            return StaffView(title, None, "", None, why, None)
        return StaffView(
            title,
            None if row.hidden else row.score,
            "" if row.hidden else (row.band or ""),
            row.previous,
            row.hidden,
            None if row.hidden else row.n,
        )

    @cached_property
    def standards(self) -> list[StandardEvidence]:
        framework = FRAMEWORKS[self.assessment.framework]
        tiles: dict[str, list[Tile]] = {
            "S1": [self.health_check(), self.actions(), self.sessions()],
            "S5": [self.supervision()],
            "S6": [self.nqsws(), self.cpd_readiness()],
            "S7": [self.cpd_readiness()],
        }
        for code, specs in WORKFORCE_TILES.items():
            tiles[code] = [self._workforce_tile(s) for s in specs]
        none = (
            "The product holds no records for this standard: describe partnerships with "
            "universities, teaching partnerships and student placements in the commentary."
        )
        return [
            StandardEvidence(
                s,
                tuple(tiles.get(s.code, [])),
                self.staff_view(s.code),
                "" if s.code in tiles else none,
            )
            for s in framework.standards
        ]

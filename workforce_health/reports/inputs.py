"""What a report draws on: the services it covers, their latest census year and survey waves.

Each *unit* is one service (or, for a report on the whole organisation, one kind of service):
its workforce figures and survey results are read through the selectors the pages use, with
the scope of that service's manager (`core.scope.Scope`), so the report shows exactly what the
pages show.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from functools import cached_property

from workforce_health.core.models import Organisation, Service
from workforce_health.core.scope import Scope
from workforce_health.results import selectors as results_selectors
from workforce_health.results.selectors import Frames
from workforce_health.staffing.selectors import (
    SERVICE_KINDS,
    Context,
    latest_complete_year,
    workforce_context_get,
)
from workforce_health.surveys.models import Wave


class ReportDataMissing(Exception):
    """The report cannot be written: a readable reason (no survey wave, no census year)."""


@dataclass(frozen=True)
class WaveResults:
    wave: Wave
    frames: Frames
    previous: Wave | None
    previous_frames: Frames | None
    # The earlier surveys followed through (label, frames), oldest first, and this one's label.
    history: tuple[tuple[str, Frames], ...] = ()
    label: str = "This survey"


@dataclass(frozen=True)
class Unit:
    label: str  # "Children's Services"
    kind: str  # Service.Kind
    workforce: Scope  # whose workforce figures: this service's manager's (or the whole kind's)
    scope: Scope  # the survey results scope: this service, or the whole organisation


@dataclass
class ReportInputs:
    organisation: Organisation
    services: tuple[Service, ...]  # empty: every service of the organisation
    meeting_date: datetime.date
    quotations: tuple[str, ...] = ()
    # Quotations the viewer of a draft may not read (only the workforce lead reads comment
    # text before it is published): counted, not shown.
    withheld_quotations: int = 0

    @property
    def scope_label(self) -> str:
        if not self.services:
            return self.organisation.name
        return " and ".join(s.name for s in self.services)

    @cached_property
    def units(self) -> list[Unit]:
        if self.services:
            return [
                Unit(s.name, s.kind, self._workforce(s), Scope.of_service(s)) for s in self.services
            ]
        kinds = sorted(
            set(self.organisation.services.values_list("kind", flat=True)),
            key=list(SERVICE_KINDS).index,
        )
        whole = Scope.whole(self.organisation)
        return [Unit(SERVICE_KINDS[k].label, k, whole, whole) for k in kinds]

    def _workforce(self, service: Service) -> Scope:
        """The service's manager's scope; the whole organisation's view of that kind of service
        when it is the only one (vacancies are often recorded for the organisation, not a
        service)."""
        if self.organisation.services.filter(kind=service.kind).count() == 1:
            return Scope.whole(self.organisation)
        return Scope.of_service(service)

    @cached_property
    def census(self) -> dict[str, Context]:
        """Each unit's dashboard context at the latest census year with data by the meeting."""
        contexts = {}
        last = latest_complete_year(self.meeting_date)
        for unit in self.units:
            ctx = workforce_context_get(scope=unit.workforce, service_kind=unit.kind)
            years = [y for y in ctx.years if y <= last and ctx.has_data(y)]
            if years:  # no year after the report's in the trends
                totals = {y: row for y, row in ctx.totals.items() if y <= years[-1]}
                contexts[unit.label] = dataclasses.replace(ctx, year=years[-1], totals=totals)
        return contexts

    @cached_property
    def waves(self) -> list[WaveResults]:
        """The latest opened or closed wave of each questionnaire for each set of services
        (within the report's) opening by the meeting date, with the wave before it."""
        waves = (
            Wave.objects.filter(organisation=self.organisation, opens_on__lte=self.meeting_date)
            .filter(purpose=Wave.Purpose.HEALTH_CHECK)
            .exclude(status=Wave.Status.DRAFT)
            .select_related("questionnaire")
            .order_by("-opens_on", "-pk")
        )
        if self.services:
            waves = waves.filter(services__in=self.services).distinct()
        latest: dict[tuple[str, frozenset[int]], Wave] = {}
        for wave in waves.prefetch_related("services"):
            services = frozenset(s.pk for s in wave.services.all())
            latest.setdefault((wave.questionnaire.code, services), wave)
        results = []
        for wave in sorted(latest.values(), key=lambda w: (w.title, w.pk)):
            history = results_selectors.results_history(wave=wave)
            results.append(
                WaveResults(
                    wave,
                    results_selectors.results_frames(wave=wave),
                    history.previous,
                    history.previous_frames,
                    tuple(history.surveys),
                    history.label,
                )
            )
        return results

    def check(self) -> None:
        """Raise ReportDataMissing unless there is a survey wave and a census year to report."""
        if not self.units:
            raise ReportDataMissing(f"{self.organisation.name} has no services to report on")
        if not self.waves:
            raise ReportDataMissing(
                f"No Health Check wave for {self.scope_label} has opened by "
                f"{self.meeting_date:%d %B %Y}: open or import one first"
            )
        if not self.census:
            raise ReportDataMissing(
                f"No census year with workforce records for {self.scope_label} has ended by "
                f"{self.meeting_date:%d %B %Y}: import a census return or HR extract first"
            )

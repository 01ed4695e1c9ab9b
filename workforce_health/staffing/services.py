"""Writes for vacancies, caseloads and sickness absence: validate fully, then save atomically."""

import datetime
from decimal import Decimal

from django.db import transaction

from workforce_health.core.models import Employment, Organisation, Service, Team
from workforce_health.staffing.models import CaseloadSnapshot, SicknessAbsence, VacancySnapshot


@transaction.atomic
def vacancy_snapshot_record(
    *,
    organisation: Organisation,
    date: datetime.date,
    vacancy_fte: Decimal,
    agency_cover_fte: Decimal | None = None,
    agency_cover_headcount: int | None = None,
    service: Service | None = None,
    team: Team | None = None,
) -> VacancySnapshot:
    """Create or replace the vacancy figure for a scope (organisation, service or team) and date."""
    snapshot = VacancySnapshot.objects.filter(
        organisation=organisation, service=service, team=team, date=date
    ).first() or VacancySnapshot(organisation=organisation, service=service, team=team, date=date)
    snapshot.vacancy_fte = vacancy_fte
    snapshot.agency_cover_fte = agency_cover_fte
    snapshot.agency_cover_headcount = agency_cover_headcount
    snapshot.full_clean()
    snapshot.save()
    return snapshot


@transaction.atomic
def caseload_record(*, employment: Employment, date: datetime.date, cases: int) -> CaseloadSnapshot:
    """Create or replace the number of cases a worker held on a date."""
    snapshot = CaseloadSnapshot.objects.filter(employment=employment, date=date).first()
    snapshot = snapshot or CaseloadSnapshot(employment=employment, date=date)
    snapshot.cases = cases
    snapshot.full_clean()
    snapshot.save()
    return snapshot


@transaction.atomic
def sickness_absence_record(
    *, employment: Employment, period_end: datetime.date, working_days_lost: Decimal
) -> SicknessAbsence:
    """Create or replace the working days lost in the period ending on ``period_end``."""
    record = SicknessAbsence.objects.filter(employment=employment, period_end=period_end).first()
    record = record or SicknessAbsence(employment=employment, period_end=period_end)
    record.working_days_lost = working_days_lost
    record.full_clean()
    record.save()
    return record

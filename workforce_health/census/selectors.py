"""Reads for the census app: the records behind an export, and the import and export logs.

Who is in the return (csww-census.md §1): registered children and family social workers in
children's services employed by the council at any point in the census year, and agency social
workers working for the council on 30 September. A person's council spells that follow each other
(a move between teams or roles, no more than a day apart) are one record, as in the measures
(docs/measures.md "internal moves"); spells held at the same time stay separate records (§2).
``runs`` defines which spells make one record, for the export here and for the import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from django.db.models import Q, QuerySet

from workforce_health.census.mapping import gender_current, yes_no
from workforce_health.census.models import (
    INCENTIVE_FIELDS,
    CensusExport,
    CensusImport,
    CouncilIncentives,
)
from workforce_health.census.records import CensusWorker, CouncilLevel, Header
from workforce_health.census.runs import runs
from workforce_health.census.semantics import reference_date, year_start
from workforce_health.core.models import CENSUS_ROLE_OF, Employment, Organisation, Person, Service
from workforce_health.staffing.models import CaseloadSnapshot, SicknessAbsence, VacancySnapshot

SOFTWARE_CODE = "Workforce Health"


@dataclass(frozen=True)
class ReturnRecords:
    """What ``export_return`` needs; ``people[i]`` is the person behind ``workers[i]``."""

    header: Header
    council: CouncilLevel
    workers: list[CensusWorker]
    people: list[Person]


def _spells(organisation: Organisation, year: int) -> list[Employment]:
    """Spells of people with a qualifying spell in the year, from their earliest (for chains)."""
    ref, start = reference_date(year), year_start(year)
    council = Q(start_date__lte=ref) & (Q(end_date__isnull=True) | Q(end_date__gte=start))
    agency = Q(start_date__lte=ref) & (Q(end_date__isnull=True) | Q(end_date__gte=ref))
    qualifying = Employment.objects.filter(
        organisation=organisation,
        person__is_registered_social_worker=True,
        team__service__kind=Service.Kind.CHILDREN,
    )
    in_year = qualifying.filter(
        (~Q(contract_type=Employment.ContractType.AGENCY) & council)
        | (Q(contract_type=Employment.ContractType.AGENCY) & agency)
    )
    return list(
        qualifying.filter(person__in=in_year.values("person_id"), start_date__lte=ref)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "person_id", "start_date", "pk")
    )


def _counts_in(chain: list[Employment], year: int) -> bool:
    """The run is in the return: council staff in the year, agency staff on 30 September."""
    last, ref = chain[-1], reference_date(year)
    if last.is_agency:
        return last.end_date is None or last.end_date >= ref
    return last.end_date is None or last.end_date >= year_start(year)


class _Facts:
    """Caseloads and days lost for the spells of the year, fetched in two queries."""

    def __init__(self, spells: list[Employment], year: int) -> None:
        ref, start = reference_date(year), year_start(year)
        ids = [s.pk for s in spells]
        self.cases: dict[int, int] = {}
        for row in CaseloadSnapshot.objects.filter(
            employment_id__in=ids, date__range=(start, ref)
        ).order_by("date"):
            self.cases[row.employment_id] = row.cases  # the latest on or before 30 September
        self.days: dict[int, Decimal] = {
            row.employment_id: row.working_days_lost
            for row in SicknessAbsence.objects.filter(employment_id__in=ids, period_end=ref)
        }

    def days_lost(self, chain: list[Employment]) -> Decimal | None:
        found = [self.days[s.pk] for s in chain if s.pk in self.days]
        return sum(found, Decimal(0)) if found else None


def _worker(chain: list[Employment], year: int, facts: _Facts) -> CensusWorker:
    """One ``CSWWWorker`` (§6) from a run of spells: started by the first, last one's role."""
    first, last, person = chain[0], chain[-1], chain[0].person
    ref = reference_date(year)
    agency = last.is_agency
    leaver = not agency and last.end_date is not None and last.end_date <= ref
    sex = person.sex or ""
    worker = CensusWorker(
        agency_worker="1" if agency else "0",
        swe_no=person.swe_number,
        fte=Decimal(0) if leaver else last.fte,
        fte30=None if agency else last.fte,
        person_birth_date=person.date_of_birth,
        gender_current=gender_current(sex) if year <= 2023 else None,
        sex=(sex or None) if year >= 2024 else None,
        ethnicity=person.ethnicity or None,
        qual_inst=(person.qualification_institution,)
        if year <= 2024 and person.qualification_institution
        else (),
        qual_level=person.qualification_level or None,
        step_up_grad=yes_no(person.step_up_graduate),
        frontline_grad=yes_no(person.frontline_graduate),
        org_role=last.census_role or CENSUS_ROLE_OF.get(last.job_role) or None,
        role_start_date=None if agency else first.start_date,
        start_origin=None if agency else (first.start_origin or None),
        role_end_date=last.end_date if leaver else None,
        leaver_destination=(last.leaver_destination or None) if leaver else None,
        reason_leave=(last.reason_for_leaving or None) if leaver else None,
        cases30=None if leaver else facts.cases.get(last.pk),
        working_days_lost=facts.days_lost(chain),
    )
    return worker


def _council(organisation: Organisation, year: int) -> CouncilLevel:
    """§5 from the latest organisation-level vacancy figure on or before 30 September."""
    snapshot = (
        VacancySnapshot.objects.filter(
            organisation=organisation,
            service__isnull=True,
            team__isnull=True,
            date__lte=reference_date(year),
        )
        .order_by("-date")
        .first()
    )
    council = CouncilLevel(
        number_of_vacancies=snapshot.vacancy_fte if snapshot else None,
        no_agency_fte=snapshot.agency_cover_fte if snapshot else None,
        no_agency_headcount=snapshot.agency_cover_headcount if snapshot else None,
    )
    incentives = CouncilIncentives.objects.filter(organisation=organisation, year=year).first()
    if year < 2025 or incentives is None:
        return council
    items = {name: getattr(incentives, name) or None for name in INCENTIVE_FIELDS}
    return CouncilLevel(
        number_of_vacancies=council.number_of_vacancies,
        no_agency_fte=council.no_agency_fte,
        no_agency_headcount=council.no_agency_headcount,
        other_allowances=incentives.other_allowances,
        **items,
    )


def census_return_records(*, organisation: Organisation, year: int) -> ReturnRecords:
    """The organisation's records for census ``year`` as census records, in name order."""
    spells = _spells(organisation, year)
    facts = _Facts(spells, year)
    by_person: dict[int, list[Employment]] = {}
    for spell in spells:
        by_person.setdefault(spell.person_id, []).append(spell)
    workers, people = [], []
    for person_spells in by_person.values():
        for chain in filter(lambda c: _counts_in(c, year), runs(person_spells)):
            workers.append(_worker(chain, year, facts))
            people.append(chain[0].person)
    header = Header(
        lea=organisation.la_code, software_code=SOFTWARE_CODE, date_time=datetime.now(UTC)
    )
    return ReturnRecords(header, _council(organisation, year), workers, people)


def census_import_list(*, organisation: Organisation) -> QuerySet[CensusImport]:
    return CensusImport.objects.filter(organisation=organisation).select_related("imported_by")


def census_export_list(*, organisation: Organisation) -> QuerySet[CensusExport]:
    return CensusExport.objects.filter(organisation=organisation).select_related("exported_by")


def council_incentives_latest(*, organisation: Organisation) -> CouncilIncentives | None:
    """The latest census year's council-level incentive items (2025 on), if any were recorded."""
    return CouncilIncentives.objects.filter(organisation=organisation).order_by("-year").first()

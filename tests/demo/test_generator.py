"""The demo generator alone: pure Python, no database."""

import datetime
import re
import subprocess
import sys
from collections import Counter, defaultdict
from decimal import Decimal

import pytest

from workforce_health.core import codes
from workforce_health.core.models import CENSUS_ROLE_OF, JobRole, Team
from workforce_health.demo import council
from workforce_health.demo.checks import demo_problems
from workforce_health.demo.generator import census_year, generate
from workforce_health.demo.names import email_address
from workforce_health.demo.records import DemoCouncil, EmploymentRecord

TODAY = datetime.date(2025, 11, 14)
_SAME_NAMES = [("Sam", "O'Brien"), ("Sam", "OBrien"), ("Zoë", "Le Fèvre"), ("sam", "o'brien")]


@pytest.fixture(scope="module")
def demo() -> DemoCouncil:
    return generate(today=TODAY)


def service_of(demo: DemoCouncil) -> dict[str, str]:
    return {team.key: team.service_key for team in demo.teams}


def children_social_work(demo: DemoCouncil) -> list[EmploymentRecord]:
    services = service_of(demo)
    return [e for e in demo.employments if services[e.team_key] == "children" and e.census_role]


def test_same_seed_and_date_give_identical_output(demo):
    assert generate(today=TODAY) == demo
    assert generate(today=TODAY, seed=7) != demo


def test_the_council_is_fictional():
    assert council.LA_CODE == "990"
    assert dict(codes.REGIONS)[council.REGION] == "West Midlands"


def test_job_roles_and_census_roles_match_the_model(demo):
    assert council.CENSUS_ROLE_OF == {str(role): code for role, code in CENSUS_ROLE_OF.items()}
    generated_roles = {e.job_role for e in demo.employments}
    assert generated_roles <= set(JobRole.values)


def test_team_counts_and_types(demo):
    services = [team.service_key for team in demo.teams]
    assert 18 <= services.count("children") <= 22
    assert 12 <= services.count("adults") <= 14
    assert {team.team_type for team in demo.teams} <= set(Team.TeamType.values)


@pytest.mark.parametrize(("service", "low", "high"), [("children", 225, 275), ("adults", 180, 220)])
def test_headcount_today(demo, service, low, high):
    services = service_of(demo)
    in_post = {
        e.person_key
        for e in demo.employments
        if services[e.team_key] == service and e.is_current(TODAY)
    }
    assert low <= len(in_post) <= high


def test_records_are_consistent(demo):
    assert demo_problems(demo) == []


def test_people(demo):
    assert all(
        p.swe_number.startswith("SW") and len(p.swe_number) == 8
        for p in demo.people
        if p.swe_number
    )
    assert {p.ethnicity for p in demo.people} >= {"WBRI", "AIND", "APKN", "BAFR", "BCRB", "WOTH"}
    current = {e.person_key for e in demo.employments if e.is_current(TODAY)}
    ages = [(TODAY - p.date_of_birth).days // 365.25 for p in demo.people if p.key in current]
    assert 22 <= min(ages) and max(ages) <= 66


def test_only_social_work_roles_are_registered_with_a_census_role(demo):
    people = {p.key: p for p in demo.people}
    for e in demo.employments:
        person = people[e.person_key]
        if e.job_role in council.CENSUS_ROLE_OF:
            assert e.census_role and person.is_registered_social_worker and person.swe_number
        else:
            assert e.census_role == "" and not person.is_registered_social_worker
            assert person.swe_number == "" and person.qualification_level == ""


def test_codes_are_census_codes(demo):
    assert {e.start_origin for e in demo.employments} <= {"", *dict(codes.START_ORIGIN)}
    assert {e.reason_for_leaving for e in demo.employments} <= {"", *dict(codes.REASON_LEAVE)}
    assert {e.leaver_destination for e in demo.employments} <= {
        "",
        *dict(codes.LEAVER_DESTINATION),
    }
    assert {e.fte for e in demo.employments} <= {
        Decimal(f) for f in ("1", "0.5", "0.6", "0.8", "0.9")
    }


def test_starters_leavers_and_agency_in_every_year(demo):
    for year in range(2017, TODAY.year + 1):
        spells = [e for e in demo.employments if e.contract_type != "agency"]
        assert any(e.start_date.year == year and e.start_origin for e in spells), year
        assert any(e.end_date and e.end_date.year == year and e.reason_for_leaving for e in spells)
        assert any(
            e.start_date.year == year and e.contract_type == "agency" for e in demo.employments
        ), year
    assert any(e.contract_type == "agency" and e.is_current(TODAY) for e in demo.employments)
    assert any(e.contract_type == "temporary" for e in demo.employments)


def test_newly_qualified_share_of_starters_grows(demo):
    def newly_qualified_share(years: range) -> float:
        starters = [
            e
            for e in children_social_work(demo)
            if census_year(e.start_date) in years and e.start_origin
        ]
        return sum(e.start_origin == "1" for e in starters) / len(starters)

    assert newly_qualified_share(range(2023, 2026)) > newly_qualified_share(range(2017, 2020))


def test_internal_moves_and_promotions_follow_on_the_next_day(demo):
    by_person: defaultdict[int, list[EmploymentRecord]] = defaultdict(list)
    for e in demo.employments:
        by_person[e.person_key].append(e)
    follow_ons = [
        (earlier, later)
        for spells in by_person.values()
        for earlier in spells
        for later in spells
        if earlier.end_date and later.start_date == earlier.end_date + datetime.timedelta(days=1)
    ]
    kinds = {
        "promotion": any(
            a.job_role != b.job_role and b.job_role != "social_worker" for a, b in follow_ons
        ),
        "team move": any(
            a.team_key != b.team_key and a.job_role == b.job_role for a, b in follow_ons
        ),
        "asye year done": any(a.job_role == "asye_social_worker" for a, _ in follow_ons),
        "agency to permanent": any(
            a.contract_type == "agency" and b.start_origin == "4" for a, b in follow_ons
        ),
        "to adults (code 7)": any(a.reason_for_leaving == "7" for a, _ in follow_ons),
    }
    assert all(kinds.values()), kinds


def rates_at_30_september(demo: DemoCouncil, year: int) -> tuple[float, float]:
    """Children's social worker turnover and agency rates (FTE), the DfE way (approximately)."""
    spells = children_social_work(demo)
    first, reference = datetime.date(year - 1, 10, 1), datetime.date(year, 9, 30)
    employed = [e for e in spells if e.contract_type != "agency"]
    in_post = sum(e.fte for e in employed if e.is_current(reference))
    leavers = sum(
        e.fte
        for e in employed
        if e.end_date and first <= e.end_date <= reference and e.reason_for_leaving
    )
    agency = sum(e.fte for e in spells if e.contract_type == "agency" and e.is_current(reference))
    return float(leavers / in_post), float(agency / (agency + in_post))


def test_turnover_and_agency_reliance_fall_from_2017_to_2025(demo):
    early = [rates_at_30_september(demo, year) for year in (2017, 2018, 2019)]
    late = [rates_at_30_september(demo, year) for year in (2023, 2024, 2025)]
    assert sum(t for t, _ in late) < sum(t for t, _ in early) * 0.75
    assert sum(a for _, a in late) < sum(a for _, a in early) * 0.5


def test_generator_imports_no_django():
    code = (
        "import sys, datetime\n"
        "from workforce_health.demo.generator import generate\n"
        "generate(today=datetime.date(2017, 11, 1))\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("service", ["children", "adults"])
def test_staffing_records_on_every_30_september_and_month_end(demo, service):
    """The children's vacancies are the organisation's (the census figure), the adults' their
    service's; both services have caseloads and absence every year."""
    services = service_of(demo)
    september_30s = {datetime.date(year, 9, 30) for year in range(2017, 2026)}
    level = "" if service == "children" else service
    vacancies = [v for v in demo.vacancies if v.service_key == level]
    month_ends = {v.date for v in vacancies}
    assert september_30s <= month_ends and len(month_ends) == len(vacancies) == 109
    assert all((on + datetime.timedelta(days=1)).day == 1 for on in month_ends)
    caseloads = [
        r for r in demo.caseloads if services[demo.employments[r.employment].team_key] == service
    ]
    absences = [
        r for r in demo.absences if services[demo.employments[r.employment].team_key] == service
    ]
    assert {r.date for r in caseloads} == month_ends
    assert {r.period_end for r in absences} == september_30s
    assert len(demo.vacancies) == 2 * 109


@pytest.mark.parametrize("service", ["children", "adults"])
def test_vacancies_are_posts_not_held_by_council_employees(demo, service):
    """Vacant FTE + council FTE in post = the service's social work establishment."""
    services = service_of(demo)
    spells = [e for e in demo.employments if services[e.team_key] == service and e.census_role]
    level = "" if service == "children" else service
    for vacancy in [v for v in demo.vacancies if v.service_key == level][::10]:
        on = vacancy.date

        def current(e: EmploymentRecord, on: datetime.date = on) -> bool:
            return e.start_date <= on and (e.end_date is None or e.end_date > on)

        established = sum(
            p.fte
            for p in demo.posts
            if services[p.team_key] == service
            and p.job_role in council.CENSUS_ROLE_OF
            and p.opened_on <= on
        )
        held = sum(e.fte for e in spells if e.contract_type != "agency" and current(e))
        agency = [e for e in spells if e.contract_type == "agency" and current(e)]
        assert vacancy.vacancy_fte == established - held
        assert vacancy.agency_cover_fte == sum(e.fte for e in agency) <= vacancy.vacancy_fte
        assert vacancy.agency_cover_headcount == len(agency)


def test_caseloads_belong_to_case_holders_in_post(demo):
    services = service_of(demo)
    holders = [demo.employments[r.employment] for r in demo.caseloads]
    assert {e.census_role for e in holders} == {"4", "5"}
    assert {services[e.team_key] for e in holders} == {"children", "adults"}
    assert {e.contract_type for e in holders} >= {"agency", "permanent"}
    assert all(r.cases >= 1 for r in demo.caseloads)


def test_sickness_absence_only_for_council_employed_social_workers(demo):
    services = service_of(demo)
    spells = [demo.employments[r.employment] for r in demo.absences]
    assert all(e.contract_type != "agency" and e.census_role for e in spells)
    assert {services[e.team_key] for e in spells} == {"children", "adults"}
    # Everyone gets a figure, as the census needs: 0.00 for those who were never off sick.
    assert all(r.working_days_lost >= 0 for r in demo.absences)
    none = sum(r.working_days_lost == 0 for r in demo.absences) / len(demo.absences)
    assert 0.2 < none < 0.6


def test_census_extras_only_for_registered_social_workers(demo):
    registered = [p for p in demo.people if p.is_registered_social_worker]
    others = [p for p in demo.people if not p.is_registered_social_worker]
    universities = {name for name, _ in council.UNIVERSITIES}
    assert {p.qualification_institution for p in registered} == universities
    assert all(p.step_up_graduate is not None for p in registered)
    assert not any(p.step_up_graduate and p.frontline_graduate for p in registered)
    step_up = sum(bool(p.step_up_graduate) for p in registered) / len(registered)
    frontline = sum(bool(p.frontline_graduate) for p in registered) / len(registered)
    assert 0 < step_up < 0.1 and 0 < frontline < 0.1
    assert all(
        (p.qualification_institution, p.step_up_graduate, p.frontline_graduate) == ("", None, None)
        for p in others
    )


def test_a_later_today_keeps_the_earlier_history(demo):
    """The loaded demo (today = the load date) tells the same story as the tests' TODAY."""
    later = generate(today=datetime.date(2026, 11, 23))
    cut = datetime.date(2025, 10, 31)
    assert [v for v in later.vacancies if v.date <= cut] == list(demo.vacancies)
    assert [r for r in later.caseloads if r.date <= cut] == list(demo.caseloads)
    assert [r for r in later.absences if r.period_end <= cut] == list(demo.absences)


def test_every_person_has_a_distinct_email_at_the_reserved_domain(demo):
    emails = [p.email for p in demo.people]
    assert len(set(emails)) == len(emails)
    assert all(re.fullmatch(r"[a-z0-9]+\.[a-z0-9]+\d*@northmoor\.example", e) for e in emails)
    first = demo.people[0]
    assert first.email.startswith(f"{first.given_name.lower()}.")


def test_email_addresses_are_numbered_in_order_when_names_repeat():
    taken: set[str] = set()
    made = [email_address(*name, domain="x.example", taken=taken) for name in _SAME_NAMES]
    assert made == [
        "sam.obrien@x.example",
        "sam.obrien2@x.example",
        "zoe.lefevre@x.example",
        "sam.obrien3@x.example",
    ]


def test_no_two_people_share_a_name(demo):
    names = Counter((p.given_name, p.family_name) for p in demo.people)
    assert [name for name, count in names.items() if count > 1] == []

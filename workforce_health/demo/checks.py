"""In-memory checks of the generated records that mirror the model rules needing a query per row.

The loader runs these instead of full_clean()'s per-row queries (unique, check constraint, foreign
key and overlap queries made a full validation of ~3,600 rows take about 30 s on SQLite). The
database constraints still apply on insert, and clean_fields() still runs on every row.
"""

import itertools
from collections import Counter, defaultdict

from workforce_health.core.spells import spells_overlap
from workforce_health.demo.records import DemoCouncil, EmploymentRecord


def demo_problems(demo: DemoCouncil) -> list[str]:
    """Every broken rule in ``demo``; an empty list means the records are consistent."""
    problems = _duplicates("employee number", [p.employee_number for p in demo.people])
    problems += _duplicates("SWE number", [p.swe_number for p in demo.people if p.swe_number])
    problems += _duplicates("email", [p.email for p in demo.people])
    people = {person.key for person in demo.people}
    teams = {team.key for team in demo.teams}
    spells: defaultdict[tuple[int, str, str], list[EmploymentRecord]] = defaultdict(list)
    for e in demo.employments:
        if e.person_key not in people or e.team_key not in teams:
            problems.append(f"{e}: unknown person or team")
        if e.end_date and e.end_date < e.start_date:
            problems.append(f"{e}: ends before it starts")
        if not e.end_date and (e.reason_for_leaving or e.leaver_destination):
            problems.append(f"{e}: leaving codes without an end date")
        if e.end_date and e.end_date > demo.today:
            problems.append(f"{e}: ends after today")
        spells[(e.person_key, e.team_key, e.job_role)].append(e)
    for same_post in spells.values():
        same_post.sort(key=lambda e: e.start_date)
        for earlier, later in itertools.pairwise(same_post):
            if spells_overlap(
                earlier.start_date, earlier.end_date, later.start_date, later.end_date
            ):
                problems.append(f"{later}: overlaps {earlier} in the same team and job role")
    return problems + _staffing_problems(demo)


def _staffing_problems(demo: DemoCouncil) -> list[str]:
    """Snapshots refer to a spell current on their date, one per spell and date (the unique
    constraints); one organisation-level vacancy figure per date."""
    problems = _duplicates("vacancy date", [str(v.date) for v in demo.vacancies])
    for kind, rows in (
        ("caseload", [(r.employment, r.date) for r in demo.caseloads]),
        ("absence", [(r.employment, r.period_end) for r in demo.absences]),
    ):
        problems += _duplicates(f"{kind} for spell and date", [f"{i} {d}" for i, d in rows])
        for index, on in rows:
            if not 0 <= index < len(demo.employments):
                problems.append(f"{kind} on {on}: unknown spell {index}")
            elif kind == "caseload" and not demo.employments[index].is_current(on):
                problems.append(f"{kind} on {on}: spell {index} is not current")
    return problems


def _duplicates(what: str, values: list[str]) -> list[str]:
    return [f"Duplicate {what} {value}" for value, n in Counter(values).items() if n > 1]

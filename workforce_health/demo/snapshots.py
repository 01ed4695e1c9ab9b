"""Vacancy, caseload and sickness absence records derived from the simulated posts and spells.

Pure Python, no Django. No rate is set here: vacancies are a service's social work posts not
held by a council employee on each date, caseloads share a simulated number of open cases among
the case holders in post, and days lost follow each spell's time in post (workforce-measures.md
§4: someone whose last day is the snapshot date is no longer in post). Each service has its own
parameters (``council.OPEN_CASES``, ``council.SICKNESS_DAYS``) and random streams.
"""

import datetime
import itertools
import math
import random
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from workforce_health.demo import council as c
from workforce_health.demo.records import (
    AbsenceRecord,
    CaseloadRecord,
    EmploymentRecord,
    PostRecord,
    VacancyRecord,
)

ONE_DAY = datetime.timedelta(days=1)
CENT = Decimal("0.01")


def month_ends(until: datetime.date) -> list[datetime.date]:
    """The last day of every month from the simulation's first month to ``until`` (inclusive),
    so every 30 September is among them."""
    ends: list[datetime.date] = []
    first = c.SIMULATION_START
    while True:
        following = datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        if following - ONE_DAY > until:
            return ends
        ends.append(following - ONE_DAY)
        first = following


def in_post(spell: EmploymentRecord, on: datetime.date) -> bool:
    return spell.start_date <= on and (spell.end_date is None or spell.end_date > on)


def vacancies(
    posts: Sequence[PostRecord],
    spells: Sequence[EmploymentRecord],
    dates: Sequence[datetime.date],
    service_key: str = "",
) -> tuple[VacancyRecord, ...]:
    """Vacant FTE = established posts minus council-held posts (each spell holds one post at its
    FTE); every agency worker fills a vacant post, so all agency FTE is cover. Recorded for
    ``service_key``, or for the organisation when it is empty."""
    records = []
    for on in dates:
        established = sum((p.fte for p in posts if p.opened_on <= on), Decimal(0))
        current = [s for s in spells if in_post(s, on)]
        held = sum((s.fte for s in current if s.contract_type != "agency"), Decimal(0))
        agency = [s for s in current if s.contract_type == "agency"]
        cover = sum((s.fte for s in agency), Decimal(0))
        records.append(VacancyRecord(on, established - held, cover, len(agency), service_key))
    return tuple(records)


def open_cases(
    rng: random.Random, dates: Sequence[datetime.date], by_year: Mapping[int, int]
) -> Iterator[float]:
    """A service's open cases on each date: the yearly level at 30 September (``by_year``),
    interpolated between years, with an autocorrelated monthly shock (drawn lazily)."""
    years = sorted(by_year)
    anchors = [(datetime.date(y, 9, 30), float(by_year[y])) for y in years]
    shock = 0.0
    for on in dates:
        shock = 0.7 * shock + rng.gauss(0, c.OPEN_CASES_NOISE)
        yield _interpolate(anchors, on) * (1 + shock)


def _interpolate(anchors: list[tuple[datetime.date, float]], on: datetime.date) -> float:
    if on <= anchors[0][0]:
        return anchors[0][1]
    for (d0, v0), (d1, v1) in itertools.pairwise(anchors):
        if on <= d1:
            return v0 + (v1 - v0) * (on - d0).days / (d1 - d0).days
    return anchors[-1][1]


def caseloads(
    rng: random.Random,
    spells: Sequence[EmploymentRecord],
    holders: Sequence[int],
    dates: Sequence[datetime.date],
    cases_by_year: Mapping[int, int],
) -> tuple[CaseloadRecord, ...]:
    """Share each date's open cases among the case holders in post (indices into ``spells``),
    in proportion to FTE, role (protected ASYE caseloads) and a lasting personal factor.

    Random draws follow the dates, so a later ``today`` leaves earlier snapshots unchanged.
    """
    personal: dict[int, float] = {}
    records = []
    for on, cases in zip(dates, open_cases(rng, dates, cases_by_year), strict=True):
        weights = {}
        for i in holders:
            if in_post(spells[i], on):
                if i not in personal:
                    personal[i] = rng.lognormvariate(0, c.CASELOAD_SPREAD)
                jitter = rng.lognormvariate(0, c.CASELOAD_JITTER)
                weights[i] = (
                    float(spells[i].fte) * c.CASE_WEIGHT[spells[i].job_role] * personal[i] * jitter
                )
        total = sum(weights.values())
        records += [
            CaseloadRecord(i, on, max(1, round(cases * w / total))) for i, w in weights.items()
        ]
    return tuple(records)


def absences(
    rng: random.Random,
    spells: Sequence[EmploymentRecord],
    council: Sequence[int],
    today: datetime.date,
    days_by_year: Mapping[int, float],
) -> tuple[AbsenceRecord, ...]:
    """Working days lost (FTE-adjusted) by each council spell in each census year to 30 September
    up to ``today`` (later years at the last year's level): none for some, a short spell for most,
    long-term sickness for a few."""
    long_term_share = c.SICKNESS_LONG_TERM * c.SICKNESS_LONG_TERM_FACTOR
    short_mean = (1 - long_term_share) / (1 - c.SICKNESS_NONE - c.SICKNESS_LONG_TERM)
    records = []
    year, final = min(days_by_year), max(days_by_year)
    while (last := datetime.date(year, 9, 30)) <= today:
        first, mean_days = datetime.date(year - 1, 10, 1), days_by_year[min(year, final)]
        year += 1
        for i in council:
            spell = spells[i]
            start, end = max(spell.start_date, first), min(spell.end_date or last, last)
            if end < start:
                continue
            fte_years = float(spell.fte) * ((end - start).days + 1) / 365
            draw = rng.random()
            if draw < c.SICKNESS_NONE:  # no sickness: the census still wants 0.00 days
                records.append(AbsenceRecord(i, last, Decimal("0.00")))
                continue
            long_term = draw >= 1 - c.SICKNESS_LONG_TERM
            factor = c.SICKNESS_LONG_TERM_FACTOR if long_term else short_mean
            days = mean_days * fte_years * factor * rng.gammavariate(2, 0.5)  # gamma: mean 1
            days = min(days, 253 * fte_years)  # at most every working day
            lost = Decimal(math.ceil(days * 2) / 2).quantize(CENT)
            records.append(AbsenceRecord(i, last, lost))
    return tuple(records)

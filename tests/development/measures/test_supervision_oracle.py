"""The supervision measures match an independent, straightforward recomputation: a loop over
each person's windows and sessions, with its own window arithmetic, on generated data."""

import calendar
import datetime as dt
import random

import polars as pl
import pytest

from workforce_health.development.measures import schedule, supervision

D = dt.date
DAY = dt.timedelta(days=1)
TEAMS = ("North", "South", "East", "West", "Central")
START, END, AS_OF = D(2024, 4, 1), D(2025, 3, 31), D(2025, 2, 14)

LGA = supervision.Policy(
    newly_qualified=schedule.Rule(schedule.LGA_NEWLY_QUALIFIED),
    experienced=schedule.Rule(schedule.LGA_EXPERIENCED),
)
LENIENT = supervision.Policy(  # an hour, interrupted or not, group supervision counts too
    newly_qualified=schedule.Rule(schedule.LGA_NEWLY_QUALIFIED),
    experienced=schedule.Rule(
        (schedule.Phase(14, "days", 3, "months"), schedule.Phase(2, "months"))
    ),
    minimum_minutes=60,
    must_be_uninterrupted=False,
    counted_kinds=frozenset({"one_to_one", "group"}),
)
POLICIES = {"lga": LGA, "lenient": LENIENT}


def month_later(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return D(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def oracle_windows(start: dt.date, newly: bool, policy: str, last: dt.date):
    """Each window by its own arithmetic: the LGA phases, or the lenient experienced ones."""
    found = []
    if newly:
        six = month_later(start, 6)
        found += [(start + 7 * k * DAY, start + (7 * k + 6) * DAY) for k in range(6)]
        day = start + 42 * DAY
        while day < six:
            found.append((day, min(day + 13 * DAY, six - DAY)))
            day += 14 * DAY
        anchor, step = six, 1
    elif policy == "lenient":
        three = month_later(start, 3)
        day = start
        while day < three:
            found.append((day, min(day + 13 * DAY, three - DAY)))
            day += 14 * DAY
        anchor, step = three, 2
    else:
        anchor, step = start, 1
    k = 0
    while month_later(anchor, k * step) <= last:
        found.append((month_later(anchor, k * step), month_later(anchor, (k + 1) * step) - DAY))
        k += 1
    return [w for w in found if w[0] <= last]


def qualifies(session, policy: supervision.Policy) -> bool:
    return (
        session["minutes"] >= policy.minimum_minutes
        and session["kind"] in policy.counted_kinds
        and (session["uninterrupted"] or not policy.must_be_uninterrupted)
    )


def team_on(spells, person, day):
    started = [s for s in spells if s["person_id"] == person and s["start_date"] <= day]
    if not started:
        return None
    latest = max(started, key=lambda s: s["start_date"])
    ended = latest["end_date"] is not None and latest["end_date"] < day
    return None if ended else latest["team"]


@pytest.fixture(scope="module")
def generated():
    rng = random.Random(14)
    agreements, sessions, spells = [], [], []
    for person in range(1, 61):
        first = D(2022, 1, 1) + rng.randint(0, 1000) * DAY
        left = first + rng.randint(200, 1400) * DAY if rng.random() < 0.3 else None
        team = rng.choice(TEAMS)
        moved = first + rng.randint(30, 600) * DAY if rng.random() < 0.3 else None
        if moved and (left is None or moved < left):
            spells.append(
                {"person_id": person, "start_date": first, "end_date": moved - DAY, "team": team}
            )
            spells.append(
                {
                    "person_id": person,
                    "start_date": moved,
                    "end_date": left,
                    "team": rng.choice(TEAMS),
                }
            )
        else:
            spells.append(
                {"person_id": person, "start_date": first, "end_date": left, "team": team}
            )
        agreements.append(
            {
                "agreement_id": person,
                "person_id": person,
                "starts_on": first,
                "ends_on": left,
                "policy": rng.choice(list(POLICIES)),
                "newly_qualified": rng.random() < 0.4,
                "fte": 1.0,
            }
        )
        day = first
        while day <= min(left or AS_OF, AS_OF):
            sessions.append(
                {
                    "person_id": person,
                    "held_on": day,
                    "minutes": rng.choice((45, 60, 75, 90, 90, 120)),
                    "kind": rng.choice(("one_to_one", "one_to_one", "group", "reflective")),
                    "uninterrupted": rng.random() < 0.8,
                    "quality": rng.choice((None, 2, 3, 4, 5)),
                }
            )
            day += rng.randint(3, 40) * DAY
    return agreements, sessions, spells


def frames(generated):
    agreements, sessions, spells = generated
    return (
        pl.DataFrame(
            agreements,
            schema={
                "agreement_id": pl.Int64,
                "person_id": pl.Int64,
                "starts_on": pl.Date,
                "ends_on": pl.Date,
                "policy": pl.String,
                "newly_qualified": pl.Boolean,
                "fte": pl.Float64,
            },
        ),
        pl.DataFrame(
            sessions,
            schema={
                "person_id": pl.Int64,
                "held_on": pl.Date,
                "minutes": pl.Int64,
                "kind": pl.String,
                "uninterrupted": pl.Boolean,
                "quality": pl.Int64,
            },
        ),
        pl.DataFrame(
            spells,
            schema={
                "person_id": pl.Int64,
                "start_date": pl.Date,
                "end_date": pl.Date,
                "team": pl.String,
            },
        ).with_columns(service=pl.lit("Children's")),
    )


def engine(generated, by):
    agreements, sessions, spells = frames(generated)
    windows = supervision.schedule_frame(agreements, POLICIES, until=min(END, AS_OF))
    met = supervision.with_groups(
        supervision.windows_met(windows, sessions, POLICIES), "window_end", spells
    )
    held = supervision.with_groups(sessions, "held_on", spells)
    return supervision.compliance(met, held, start=START, end=END, as_of=AS_OF, by=by)


def oracle(generated, key):
    agreements, sessions, spells = generated
    counts: dict = {}
    last = min(END, AS_OF)
    for agreement in agreements:
        person, policy = agreement["person_id"], POLICIES[agreement["policy"]]
        own = [s for s in sessions if s["person_id"] == person and qualifies(s, policy)]
        until = min(last, agreement["ends_on"] or last)
        for first, final in oracle_windows(
            agreement["starts_on"], agreement["newly_qualified"], agreement["policy"], until
        ):
            if agreement["ends_on"] is not None and final > agreement["ends_on"]:
                break
            if not START <= final <= last:
                continue
            group = person if key == "person_id" else team_on(spells, person, final)
            row = counts.setdefault(
                group, {"people": set(), "windows_required": 0, "windows_met": 0, "sessions": 0}
            )
            row["people"].add(person)
            row["windows_required"] += 1
            row["windows_met"] += any(first <= s["held_on"] <= final for s in own)
    for session in sessions:
        if START <= session["held_on"] <= last:
            group = (
                session["person_id"]
                if key == "person_id"
                else team_on(spells, session["person_id"], session["held_on"])
            )
            row = counts.setdefault(
                group, {"people": set(), "windows_required": 0, "windows_met": 0, "sessions": 0}
            )
            row["sessions"] += 1
    return {
        group: (len(r["people"]), r["windows_required"], r["windows_met"], r["sessions"])
        for group, r in counts.items()
    }


@pytest.mark.parametrize("key", ["team", "person_id"])
def test_windows_met_and_sessions_match_a_loop_over_each_person(generated, key):
    table = engine(generated, [key])
    found = {
        row[key]: (row["people"], row["windows_required"], row["windows_met"], row["sessions"])
        for row in table.to_dicts()
    }
    expected = oracle(generated, key)
    assert found == expected
    assert sum(v[1] for v in expected.values()) > 300  # the data exercise the measure


def test_the_share_met_and_the_total(generated):
    total = engine(generated, []).to_dicts()[0]
    by_team = oracle(generated, "team")
    required = sum(v[1] for v in by_team.values())
    met = sum(v[2] for v in by_team.values())
    assert (total["windows_required"], total["windows_met"]) == (required, met)
    assert total["share_met"] == pytest.approx(100 * met / required)

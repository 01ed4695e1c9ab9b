"""The differencing audit: nothing published across a Health Check and its pulse series gives
away a hidden group (docs/listening.md, "Disclosure across the series").

The attacker's model is the worst case: a group holds the same people in every wave, so the same
group's cells in the Health Check and in every pulse are the same unknowns; the audit asks, by
exact rank, whether any group hidden everywhere is a linear combination of every shown cell of
every table. Pulses are published through `pulse_disclosure.segment_patterns` (what the pages
do); the control publishes each pulse on its own engine pattern, and is caught.
"""

import datetime
import itertools
import random

import polars as pl
import pytest

from workforce_health.listening import (
    disclosure_audit,
    pulse_disclosure,
    selectors,
    services,
    survey_adapter,
)
from workforce_health.listening.models import PulseSeries
from workforce_health.surveys import analysis
from workforce_health.surveys.models import Questionnaire
from workforce_health.surveys.services import past_waves

SETTINGS = analysis.DisclosureSettings(min_group_size=10)
ITEMS = pl.DataFrame({"item_code": ["q1", "q2"], "type": ["agree", "agree"], "theme": ["t", "t"]})
TEAMS = {"S1": ["A", "B", "C", "D"], "S2": ["E", "F", "G"]}
ROLES = ["R1", "R2", "R3"]
MICRO = [
    {"service": s, "team": t, "role_group": r}
    for s, teams in TEAMS.items()
    for t in teams
    for r in ROLES
]
ANNUAL_SETS = [
    (),
    ("service",),
    ("team",),
    ("role_group",),
    ("service", "role_group"),
    ("team", "role_group"),
]


def _answers(sizes: dict[tuple[str, str, str], int], rng: random.Random) -> analysis.Answers:
    rows = []
    for (service, team, role), n in sizes.items():
        for _ in range(n):
            rows.append(
                {"service": service, "team": team, "role_group": role}
                | {code: str(rng.randint(1, 5)) for code in ("q1", "q2")}
            )
    frame = pl.DataFrame(
        rows,
        schema={
            "service": pl.String,
            "team": pl.String,
            "role_group": pl.String,
            "q1": pl.String,
            "q2": pl.String,
        },
    )
    return analysis.prepare_wide(frame, ITEMS)


def _sizes(rng: random.Random, *, small_share: float) -> dict[tuple[str, str, str], int]:
    return {
        (m["service"], m["team"], m["role_group"]): (
            rng.randint(0, 4) if rng.random() < small_share else rng.randint(5, 14)
        )
        for m in MICRO
    }


def _labels(row: dict, dims) -> dict:
    return {d: row.get(d) for d in ("service", "team", "role_group") if d in dims}


def _annual_tables(answers: analysis.Answers) -> list[disclosure_audit.Published]:
    tables = []
    for by in ANNUAL_SETS:
        table = analysis.breakdown(answers, ITEMS, by=by, measure="items", settings=SETTINGS)
        dims = analysis.breakdowns.layout(by)[0]
        for code in ("q1", "q2"):
            rows = table.filter(pl.col("item_code") == code).to_dicts()
            cells = tuple((_labels(r, dims), not r["suppressed"]) for r in rows)
            tables.append(disclosure_audit.Published("annual", code, cells))
    return tables


def _team_cells(answers: analysis.Answers) -> dict[str, list[pulse_disclosure.Cell]]:
    table = analysis.breakdown(answers, ITEMS, by=("team",), measure="items", settings=SETTINGS)
    found: dict[str, list[pulse_disclosure.Cell]] = {}
    for row in table.to_dicts():
        found.setdefault(row["item_code"], []).append(
            pulse_disclosure.Cell(
                (row["service"], row["team"]),
                None if row["suppressed"] else row["n"],
                row["suppressed_reason"],
            )
        )
    return found


def _anchors(answers: analysis.Answers) -> dict[str, pulse_disclosure.Anchor]:
    anchors = {
        measure: pulse_disclosure.Anchor(
            frozenset(c.key for c in cells if c.n is None), frozenset(c.key for c in cells)
        )
        for measure, cells in _team_cells(answers).items()
    }
    counts = analysis.respondent_counts(answers, ITEMS, by=("team",), settings=SETTINGS)
    anchors[pulse_disclosure.RESPONDENTS] = pulse_disclosure.Anchor(
        frozenset((r["service"], r["team"]) for r in counts.to_dicts() if r["suppressed"]),
        frozenset((r["service"], r["team"]) for r in counts.to_dicts()),
    )
    return anchors


def _label(value: object) -> str | None:
    return None if value is None else str(value)


def _pulse_tables(name: str, cells: dict[str, list[pulse_disclosure.Cell]], hidden: dict[str, set]):
    return [
        disclosure_audit.Published(
            name,
            measure,
            tuple(
                (
                    {"service": _label(c.key[0]), "team": _label(c.key[1])},
                    c.key not in hidden[measure],
                )
                for c in measure_cells
            ),
        )
        for measure, measure_cells in cells.items()
    ]


def _series(seed: int, *, drift: bool, pulses: int = 6):
    """A Health Check and its pulses: the same group sizes in every wave (the attacker's own
    assumption), or sizes that drift from wave to wave as staff join, leave and skip a pulse."""
    rng = random.Random(seed)
    sizes = _sizes(rng, small_share=0.35)
    annual = _answers(sizes, rng)
    waves = []
    for _ in range(pulses):
        pulse_sizes = (
            {k: max(0, n + rng.randint(-4, 4)) for k, n in sizes.items()} if drift else sizes
        )
        waves.append(_team_cells(_answers(pulse_sizes, rng)))
    return annual, waves


def test_the_audit_finds_a_group_given_away_by_subtraction():
    tables = [
        disclosure_audit.Published(
            "w1",
            "q",
            (
                ({}, True),
                ({"service": "S1", "team": "A"}, False),
                ({"service": "S1", "team": "B"}, True),
            ),
        )
    ]
    micro = [{"service": "S1", "team": "A"}, {"service": "S1", "team": "B"}]
    found = disclosure_audit.recoverable(tables, microcells=micro)
    assert found == [disclosure_audit.Recovered("q", (("service", "S1"), ("team", "A")))]


def test_an_explicit_drift_leaks_unless_pulses_follow_the_health_check():
    """Team A is small in both waves; the annual wave hides B to protect it, a pulse (B now
    larger) hides C instead: together they show B, C, D and the total, so A = total - B - C - D.
    Following the Health Check, the pulse hides B as well and shows nothing new."""
    keys = [("S1", t) for t in "ABCD"]
    annual_sizes = dict(zip(keys, (4, 12, 30, 30), strict=True))
    pulse_sizes = dict(zip(keys, (4, 30, 11, 30), strict=True))

    def cells(sizes):
        table = dict(sizes)
        table[("S1", None)] = table[(None, None)] = sum(sizes.values())
        hidden = analysis.suppression_pattern(table, threshold=10, one_way=pulse_disclosure.ONE_WAY)
        return [
            pulse_disclosure.Cell(k, None if k in hidden else n, hidden.get(k))
            for k, n in table.items()
        ], hidden

    annual, annual_hidden = cells(annual_sizes)
    pulse, own_hidden = cells(pulse_sizes)
    assert set(annual_hidden) == {("S1", "A"), ("S1", "B")}
    assert set(own_hidden) == {("S1", "A"), ("S1", "C")}
    micro = [{"service": "S1", "team": t} for t in "ABCD"]

    def published(name, hidden):
        return disclosure_audit.Published(
            name,
            "q",
            tuple(
                ({"service": k[0], "team": k[1]}, k not in hidden)
                for k in [*keys, ("S1", None), (None, None)]
            ),
        )

    alone = [published("annual", annual_hidden), published("pulse", own_hidden)]
    assert disclosure_audit.recoverable(alone, microcells=micro) == [
        disclosure_audit.Recovered("q", (("service", "S1"), ("team", "A")))
    ]
    anchor = pulse_disclosure.Anchor(frozenset(annual_hidden), frozenset(c.key for c in annual))
    [patterns] = pulse_disclosure.segment_patterns(
        {"q": anchor, pulse_disclosure.RESPONDENTS: anchor}, [{"q": pulse}], threshold=10
    )
    assert set(patterns["q"]) >= {("S1", "A"), ("S1", "B")}
    following = [published("annual", annual_hidden), published("pulse", patterns["q"])]
    assert disclosure_audit.recoverable(following, microcells=micro) == []


@pytest.mark.parametrize("drift", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_a_health_check_and_its_pulses_together_give_away_no_hidden_group(seed, drift):
    annual, pulses = _series(seed, drift=drift)
    anchors = _anchors(annual)
    patterns = pulse_disclosure.segment_patterns(anchors, pulses, threshold=SETTINGS.min_group_size)
    tables = _annual_tables(annual)
    for index, (cells, hidden) in enumerate(zip(pulses, patterns, strict=True)):
        tables += _pulse_tables(f"pulse {index}", cells, {m: set(h) for m, h in hidden.items()})
        for measure, measure_cells in cells.items():  # no small group is ever shown
            assert all(c.key in hidden[measure] for c in measure_cells if c.n is None)
    assert disclosure_audit.recoverable(tables, microcells=MICRO) == []


def test_the_control_pulses_published_on_their_own_patterns_leak():
    """Without following the Health Check, drifting pulses give away hidden groups in some of
    these series: the audit is not vacuous."""
    leaks = 0
    for seed in range(6):
        annual, pulses = _series(seed, drift=True)
        tables = _annual_tables(annual)
        for index, cells in enumerate(pulses):
            own = {m: {c.key for c in cs if c.n is None} for m, cs in cells.items()}
            tables += _pulse_tables(f"pulse {index}", cells, own)
        leaks += bool(disclosure_audit.recoverable(tables, microcells=MICRO))
    assert leaks


@pytest.mark.django_db
def test_the_pages_own_pulse_results_pass_the_audit_with_the_health_check(council):
    """End to end: a Health Check and four pulses stored as survey waves, the pulses' results
    as the pulse pages read them (`selectors.series_results`)."""
    rng = random.Random(7)
    sizes = _sizes(rng, small_share=0.35)
    sw = Questionnaire.objects.filter(
        code="social-work-health-check", organisation__isnull=True
    ).latest("version")
    codes = ["sw_workload_manageable", "sw_recommend_employer"]  # the Health Check's
    pulse_codes = ["sw_recommend_employer", "eng_look_forward"]  # one shared, one the pulse's

    def rows(wave_sizes, asked=codes):
        found = []
        for (service, team, role), n in wave_sizes.items():
            for _ in range(n):
                labels = {
                    "service": service,
                    "team": team,
                    "role_group": role,
                    "tenure_band": "Not known",
                    "employment_type": "Not known",
                }
                found.append((labels, {c: str(rng.randint(1, 5)) for c in asked}))
        return found

    annual = past_waves.past_wave_create(
        organisation=council.organisation,
        questionnaire=sw,
        title="Health Check 2024",
        slug="hc-2024",
        services=[council.children],
        opens_on=datetime.date(2024, 2, 1),
        closes_on=datetime.date(2024, 3, 1),
        min_group_size=10,
    )
    past_waves.responses_bulk_create(wave=annual, rows=rows(sizes), generalise=False)
    pulse_questionnaire = survey_adapter.packaged(survey_adapter.ENGAGEMENT_PULSE)
    series = services.pulse_series_create(
        organisation=council.organisation,
        title="Pulse",
        questionnaire=pulse_questionnaire,
        reference_wave=annual,
        every=PulseSeries.Every.QUARTER,
        starts_on=datetime.date(2024, 4, 1),
    )
    starts = [datetime.date(2024, 4, 1), datetime.date(2024, 7, 1), datetime.date(2024, 10, 1)]
    for quarter, start in enumerate([*starts, datetime.date(2025, 1, 1)]):
        wave = survey_adapter.past_listening_wave_create(
            organisation=council.organisation,
            questionnaire=pulse_questionnaire,
            title=f"Pulse {quarter}",
            slug=f"pulse-{quarter}",
            services=[council.children],
            staff_groups=list(annual.staff_groups),
            opens_on=start,
            closes_on=start + datetime.timedelta(days=14),
            settings=annual.disclosure_settings(),
        )
        drifted = {k: max(0, n + rng.randint(-4, 4)) for k, n in sizes.items()}
        survey_adapter.past_responses_add(wave=wave, invitees=[], rows=rows(drifted, pulse_codes))
        services.pulse_record(series=series, wave=wave, period_start=start)

    frames = survey_adapter.wave_frames(annual)
    tables = []
    for by in ANNUAL_SETS:
        table = analysis.breakdown(
            frames.answers, frames.items, by=by, measure="items", settings=frames.settings
        )
        dims = analysis.breakdowns.layout(by)[0]
        for code in codes:
            rows_of = table.filter(pl.col("item_code") == code).to_dicts()
            cells = tuple((_labels(r, dims), not r["suppressed"]) for r in rows_of)
            tables.append(disclosure_audit.Published("annual", code, cells))
    results = selectors.series_results(series)
    assert len(results) == 4
    for result in results:
        for code in pulse_codes:
            cells = tuple(
                ({"service": key[0], "team": key[1]}, figure.value is not None)
                for key, figure in result.measures[code].items()
            )
            tables.append(disclosure_audit.Published(result.pulse.wave.slug, code, cells))
    assert disclosure_audit.recoverable(tables, microcells=MICRO) == []
    for code in pulse_codes:  # something is shown: the audit is not passed by hiding all
        assert any(f.value is not None for r in results for f in r.measures[code].values())


def test_microcells_cover_every_listed_group():
    listed = {(m["service"], m["team"]) for m in MICRO}
    assert listed == {(s, t) for s, teams in TEAMS.items() for t in teams}
    assert len(list(itertools.product(ROLES, listed))) == len(MICRO)

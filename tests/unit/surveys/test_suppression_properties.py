"""Property-based tests (hypothesis): the disclosure-control guarantee on random organisations.

docs/survey-analysis.md §5: "no suppressed group can be recovered by subtracting published
figures from each other (siblings within a breakdown, team within service within organisation,
totals, and the two-way breakdowns)". Each example builds an organisation (services -> teams ->
role groups, group sizes including small and empty ones) and a response set, runs the engine's
published outputs for a wave (`breakdown` as a total, by service, team, role group and one
two-way table; `response_rates` likewise) and attacks every published table of the wave at once
with an exact attacker independent of the engine: Gaussian elimination over Fractions on the
counts. A hidden cell is recovered when its vector of finest groups lies in the span of the
shown cells' vectors, i.e. some combination of published counts, in any number of steps, gives
it exactly.

Runs are derandomised (the same examples on every run) so CI is deterministic.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from workforce_health.surveys.analysis import DisclosureSettings, breakdown, response_rates

Key = tuple[Hashable, ...]  # (service, team, role_group), None meaning "all"
Micro = tuple[str, str, str]
DIMS = ("service", "team", "role_group")
ROLES = ("Practitioner", "Manager", "Not known")
SIZES = (0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 20, 30)
ITEMS = pl.DataFrame({"item_code": ["q1", "q2"], "type": ["agree", "agree"]})
FIGURES = ("n", "n_dont_know", "n_agree", "n_neutral", "n_disagree", "pct_agree", "score")
PROPERTY = settings(
    derandomize=True,
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

ONE_WAY: tuple[tuple[str, ...], ...] = ((), ("service",), ("team",), ("role_group",))
TWO_WAY: tuple[tuple[str, ...], ...] = (("service", "role_group"), ("team", "role_group"))


# --- the attacker -------------------------------------------------------------------------


def _rank(rows: Iterable[Mapping[Micro, int]]) -> int:
    """Rank over the rationals (exact) of sparse 0/1 rows."""
    work = [{c: Fraction(v) for c, v in r.items() if v} for r in rows]
    work = [r for r in work if r]
    rank = 0
    for column in sorted({c for r in work for c in r}):
        pivot = next((r for r in work[rank:] if r.get(column)), None)
        if pivot is None:
            continue
        work.remove(pivot)
        work.insert(rank, pivot)
        for other in work[rank + 1 :]:
            factor = other.get(column, Fraction(0)) / pivot[column]
            if factor:
                for c, v in pivot.items():
                    value = other.get(c, Fraction(0)) - factor * v
                    if value:
                        other[c] = value
                    else:
                        other.pop(c, None)
        rank += 1
    return rank


def _covers(key: Key, micro: Micro) -> bool:
    return all(v is None or v == micro[i] for i, v in enumerate(key))


def recoverable(shown: Iterable[Key], hidden: Iterable[Key], micro: Sequence[Micro]) -> list[Key]:
    """Hidden keys whose count is an exact linear combination of the shown counts.

    `micro` are the unknowns: every finest group that may be non-empty. Any finest group not
    listed is a known zero to the attacker (the strongest assumption for the attacker).
    """

    def vector(key: Key) -> dict[Micro, int]:
        return {m: 1 for m in micro if _covers(key, m)}

    shown_rows = [vector(k) for k in set(shown)]
    base = _rank(shown_rows)
    return sorted(
        (k for k in set(hidden) if vector(k) and _rank([*shown_rows, vector(k)]) == base),
        key=repr,
    )


# --- random organisations and response sets -----------------------------------------------


@dataclass(frozen=True)
class Wave:
    """Finest group -> (respondents, answered q1, answered q2); the rest said don't know
    or skipped. The organisation's structure is known to everyone."""

    groups: dict[Micro, tuple[int, int, int]]
    invited: dict[Micro, int]
    min_group_size: int

    def responses(self) -> pl.DataFrame:
        rows: list[dict[str, Any]] = []
        rid = 0
        for (service, team, role), (people, q1, q2) in self.groups.items():
            for i in range(people):
                rid += 1
                base = {
                    "response_id": rid,
                    "service": service,
                    "team": team,
                    "role_group": None if role == "Not known" else role,
                }
                for code, answered in (("q1", q1), ("q2", q2)):
                    value = str(1 + i % 5) if i < answered else ("dont_know" if i % 2 else None)
                    rows.append({**base, "item_code": code, "value": value})
        schema = {
            "response_id": pl.Int64,
            "service": pl.String,
            "team": pl.String,
            "role_group": pl.String,
            "item_code": pl.String,
            "value": pl.String,
        }
        return pl.DataFrame(rows, schema=schema)

    def invited_frame(self) -> pl.DataFrame:
        keys = list(self.invited)
        return pl.DataFrame(
            {
                "service": [k[0] for k in keys],
                "team": [k[1] for k in keys],
                "role_group": [k[2] for k in keys],
                "invited": [self.invited[k] for k in keys],
            }
        )


@st.composite
def waves(draw: st.DrawFn) -> Wave:
    groups: dict[Micro, tuple[int, int, int]] = {}
    invited: dict[Micro, int] = {}
    roles = draw(st.lists(st.sampled_from(ROLES), min_size=1, max_size=3, unique=True))
    for s in range(draw(st.integers(1, 3))):
        for t in range(draw(st.integers(1, 3))):
            for role in roles:
                key = (f"S{s}", f"S{s}.T{t}", role)
                people = draw(st.sampled_from(SIZES))
                q1 = draw(st.integers(max(0, people - 2), people))  # a few skip or don't know
                q2 = draw(st.integers(0, people))
                groups[key] = (people, q1, q2)
                invited[key] = people + draw(st.sampled_from((0, 0, 1, 2, 5, 12)))
    if not any(people for people, _, _ in groups.values()):
        first = next(iter(groups))
        groups[first] = (1, 1, 1)
        invited[first] = max(invited[first], 1)
    return Wave(groups, invited, draw(st.integers(5, 12)))


# --- publishing a wave ---------------------------------------------------------------------


def _key(row: Mapping[str, Any]) -> Key:
    return tuple(row.get(d) for d in DIMS)


def published_items(wave: Wave, tables: Sequence[tuple[str, ...]]) -> pl.DataFrame:
    """Every published item breakdown of the wave, stacked, keyed by (service, team, role)."""
    disclosure = DisclosureSettings(min_group_size=wave.min_group_size)
    responses = wave.responses()
    parts = [
        breakdown(responses, ITEMS, by=by, settings=disclosure).with_columns(
            pl.lit(None, dtype=pl.String).alias(d) for d in DIMS if d not in layout_dims(by)
        )
        for by in tables
    ]
    return pl.concat([p.select(*DIMS, pl.exclude(*DIMS)) for p in parts], how="diagonal_relaxed")


def layout_dims(by: Sequence[str]) -> tuple[str, ...]:
    return ("service", *by) if "team" in by and "service" not in by else tuple(by)


def unknowns(wave: Wave) -> list[Micro]:
    """The attacker's unknowns: finest groups whose team and role group both have respondents.

    Any other finest group is absent from every published table, so the attacker knows it is
    empty (a known zero); the engine lists every other combination, empty ones as n = 0.
    """
    teams = {(s, t) for (s, t, _), sizes in wave.groups.items() if sizes[0]}
    roles = {r for (_, _, r), sizes in wave.groups.items() if sizes[0]}
    return [k for k in wave.groups if k[:2] in teams and k[2] in roles]


def assert_not_recoverable(
    table: pl.DataFrame, micro: Sequence[Micro], what: str, true_n: Mapping[Key, int]
) -> None:
    rows = table.to_dicts()
    shown = [_key(r) for r in rows if not r["suppressed"]]
    hidden = [_key(r) for r in rows if r["suppressed"]]
    leaks = recoverable(shown, hidden, micro)
    assert not leaks, f"{what}: hidden cells recoverable from published counts: " + ", ".join(
        f"{k} (n={true_n.get(k)})" for k in leaks
    )


def true_counts(wave: Wave, column: int, keys: Iterable[Key]) -> dict[Key, int]:
    return {
        k: sum(sizes[column] for m, sizes in wave.groups.items() if _covers(k, m)) for k in keys
    }


def check_items(wave: Wave, tables: Sequence[tuple[str, ...]]) -> None:
    published = published_items(wave, tables)
    threshold = wave.min_group_size
    for row in published.to_dicts():
        if row["suppressed"]:
            # suppressed figures are null (never 0) and marked with a reason
            assert row["suppressed_reason"] in (
                f"fewer than {threshold} responses",
                "to protect another group",
            ), row
            assert all(row[f] is None for f in FIGURES), row
        else:
            assert row["suppressed_reason"] is None, row
            assert row["n"] is not None and row["n"] >= threshold, row  # no small group shown
    for column, code in ((1, "q1"), (2, "q2")):
        table = published.filter(pl.col("item_code") == code)
        keys = {_key(r) for r in table.to_dicts()}
        truth = true_counts(wave, column, keys)
        # the published counts are the true ones (so the attack below is on real figures)
        for r in table.filter(~pl.col("suppressed")).to_dicts():
            assert r["n"] == truth[_key(r)], r
        # the same group is never shown in one table and hidden in another
        status = table.group_by(DIMS).agg(pl.col("suppressed").n_unique().alias("k"))
        assert status["k"].max() == 1, status.filter(pl.col("k") > 1)
        assert_not_recoverable(table, unknowns(wave), f"item {code}", truth)


# --- properties ----------------------------------------------------------------------------


@settings(PROPERTY, max_examples=100)
@given(wave=waves(), two_way=st.sampled_from(TWO_WAY))
def test_no_suppressed_item_cell_is_recoverable_across_a_waves_tables(
    wave: Wave, two_way: tuple[str, ...]
) -> None:
    """Total, service, team within service, role group and one two-way table, all together."""
    check_items(wave, [*ONE_WAY, two_way])


# The example hypothesis found (shrunk) when a wave publishes both two-way tables: with one
# team per service, (S0, S0.T0, Not known) is hidden in team x role to protect another group,
# but the same five people are shown as (S0, Not known) in service x role.
TWO_TABLES_LEAK = Wave(
    groups={
        ("S0", "S0.T0", "Practitioner"): (0, 0, 0),
        ("S0", "S0.T0", "Manager"): (5, 5, 0),
        ("S0", "S0.T0", "Not known"): (5, 5, 0),
        ("S1", "S1.T0", "Practitioner"): (5, 5, 0),
        ("S1", "S1.T0", "Manager"): (5, 5, 0),
        ("S1", "S1.T0", "Not known"): (5, 5, 0),
    },
    invited={},
    min_group_size=5,
)


@pytest.mark.xfail(
    strict=True,
    reason=(
        "documented limit (docs/survey-analysis.md §5 Limits): two different two-way tables "
        "of the same item are each consistent with the one-way tables but not with each other"
    ),
)
@settings(PROPERTY, phases=[Phase.explicit])
@example(wave=TWO_TABLES_LEAK)
@given(wave=waves())
def test_two_different_two_way_tables_of_one_wave(wave: Wave) -> None:
    check_items(wave, [*ONE_WAY, *TWO_WAY])


@PROPERTY
@given(wave=waves(), two_way=st.sampled_from(TWO_WAY))
def test_no_suppressed_response_rate_is_recoverable(wave: Wave, two_way: tuple[str, ...]) -> None:
    disclosure = DisclosureSettings(min_invited_for_response_rate=wave.min_group_size)
    responses = wave.responses()
    parts = []
    for by in [*ONE_WAY, two_way]:
        part = response_rates(responses, wave.invited_frame(), by=by, settings=disclosure)
        parts.append(
            part.with_columns(
                pl.lit(None, dtype=pl.String).alias(d) for d in DIMS if d not in layout_dims(by)
            ).select(*DIMS, pl.exclude(*DIMS))
        )
    published = pl.concat(parts)
    threshold = wave.min_group_size
    for row in published.to_dicts():
        if row["suppressed"]:
            assert row["suppressed_reason"] in (
                f"fewer than {threshold} invited",
                "to protect another group",
            ), row
            assert row["invited"] is None and row["responded"] is None, row
            assert row["response_rate"] is None, row
        else:
            assert row["invited"] >= threshold, row
    keys = {_key(r) for r in published.to_dicts()}
    truth = {k: sum(n for m, n in wave.invited.items() if _covers(k, m)) for k in keys}
    assert_not_recoverable(published, list(wave.invited), "response rates", truth)


@settings(derandomize=True, max_examples=200, database=None)
@given(minimum=st.integers(-5, 30), comments=st.integers(-5, 40), invited=st.integers(-5, 30))
def test_settings_never_allow_small_groups(minimum: int, comments: int, invited: int) -> None:
    valid = minimum >= 5 and comments >= max(minimum, 10) and invited >= 5
    if valid:
        chosen = DisclosureSettings(minimum, comments, invited)
        assert chosen.min_group_size >= 5
        assert chosen.min_group_size_comments >= max(chosen.min_group_size, 10)
        assert chosen.min_invited_for_response_rate >= 5
    else:
        with pytest.raises(ValueError):
            DisclosureSettings(minimum, comments, invited)

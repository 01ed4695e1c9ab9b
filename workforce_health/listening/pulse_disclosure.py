"""Disclosure control across a pulse series and the Health Check it follows (no Django).

A pulse publishes one table per measure (each question, the response rate): the whole pulse,
each service and each team within its service, suppressed by the survey engine. Alone that is
safe; beside the Health Check and the other pulses it might not be, because the same groups
appear in every wave and an attacker may assume they hold the same people (docs/listening.md,
"Disclosure across the series"). So each pulse also hides every group that is hidden in the
Health Check the series follows (for the same question, or the Health Check's count of
respondents for a question it did not ask), every group that Health Check does not list, and
every group hidden in an earlier pulse that follows the same Health Check; the engine's
complementary rules are then applied again to what is left (`suppression_pattern`).

Then no pulse shows a group that the Health Check hides, and each pulse shows no more than the
one before it. So everything published across the Health Check and its pulses shows only groups
the Health Check itself shows, and no hidden group can be worked out from all of them together
that the Health Check alone would not give (the engine's guarantee);
`disclosure_audit.recoverable` checks it (tests/listening/test_disclosure_audit.py).
"""

from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from workforce_health.surveys.analysis import suppression_pattern

Key = tuple[Hashable, ...]  # (service, team): None means "all"
# The one-way patterns of the service-and-team hierarchy: the total, services, teams in them.
ONE_WAY: Final = ((), (0,), (0, 1))
SERIES_REASON: Final = "to protect another group"


@dataclass(frozen=True)
class Cell:
    key: Key
    n: int | None  # None when the engine hid it
    reason: str | None  # the engine's reason, when hidden


def series_pattern(
    cells: Sequence[Cell],
    *,
    forced: Collection[Key],
    listed: Collection[Key] | None,
    threshold: int,
    unit: str = "responses",
) -> dict[Key, str]:
    """{key: reason} for every cell of one pulse table to hide.

    `forced`: keys hidden in the Health Check or an earlier pulse of the segment; `listed`: the
    keys the Health Check's table lists (None: do not restrict to them). Cells the engine hid
    keep its reason; the rest hidden here are "to protect another group".
    """
    sizes: dict[Key, int] = {}
    for cell in cells:
        hidden = (
            cell.n is None or cell.key in forced or (listed is not None and cell.key not in listed)
        )
        sizes[cell.key] = 0 if hidden else int(cell.n or 0)
    pattern = suppression_pattern(sizes, threshold=threshold, unit=unit, one_way=ONE_WAY)
    engine = {c.key: c.reason for c in cells if c.n is None and c.reason}
    return {key: engine.get(key) or SERIES_REASON for key in pattern}


def hidden_keys(pattern: Mapping[Key, str]) -> frozenset[Key]:
    return frozenset(pattern)


@dataclass(frozen=True)
class Anchor:
    """What the Health Check a pulse follows publishes for one measure: its hidden keys, and
    every key its table lists."""

    hidden: frozenset[Key]
    listed: frozenset[Key]


RESPONDENTS: Final = "respondents"  # the anchor of a question the Health Check did not ask


def segment_patterns(
    anchors: Mapping[str, Anchor],
    pulses: Sequence[Mapping[str, Sequence[Cell]]],
    *,
    threshold: int,
    units: Mapping[str, str] | None = None,
) -> list[dict[str, dict[Key, str]]]:
    """The hidden cells of each pulse (oldest first) that follow one Health Check: for each
    measure, what that Health Check hides or does not list, what any earlier pulse here hid,
    and the complements the engine's rules then need. `anchors` must hold RESPONDENTS."""
    hidden_before: dict[str, set[Key]] = {}
    found: list[dict[str, dict[Key, str]]] = []
    for tables in pulses:
        patterns: dict[str, dict[Key, str]] = {}
        for measure, cells in tables.items():
            anchor = anchors.get(measure) or anchors[RESPONDENTS]
            pattern = series_pattern(
                cells,
                forced=anchor.hidden | hidden_before.get(measure, set()),
                listed=anchor.listed,
                threshold=threshold,
                unit=(units or {}).get(measure, "responses"),
            )
            hidden_before.setdefault(measure, set()).update(pattern)
            patterns[measure] = pattern
        found.append(patterns)
    return found

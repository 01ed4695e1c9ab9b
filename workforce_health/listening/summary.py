"""Counts of anonymous conversations by month, with small counts about content hidden (no Django).

Counts of what leaders did (started, awaiting a reply, acknowledged, replied, closed) and of
whom messages were sent to are shown as they are: they say nothing about who wrote. Counts of
what messages say (themes and flags) are hidden below `min_count` (5) in each month, with the
survey engine's complementary suppression along each theme's or flag's months and its total,
so that a hidden month cannot be worked out from the total (docs/listening.md, "Summary").
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Final

from workforce_health.surveys.analysis import suppression_pattern

MIN_COUNT: Final = 5
STATUSES: Final = ("awaiting", "acknowledged", "replied", "closed")


@dataclass(frozen=True)
class Conversation:
    """One conversation as the summary counts it."""

    month: str  # "2025-03", the month it was started
    status: str  # one of STATUSES
    recipient: str
    themes: tuple[str, ...]
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Count:
    value: int | None  # None when hidden
    hidden: str = ""  # why: "fewer than 5", or "to protect another group"


@dataclass(frozen=True)
class Summary:
    months: tuple[str, ...]
    by_status: dict[str, dict[str, int]]  # month -> status -> count (and "started")
    by_recipient: dict[str, dict[str, int]]  # recipient -> month -> count
    themes: dict[str, dict[str | None, Count]]  # theme -> month (None: all months) -> count
    flags: dict[str, dict[str | None, Count]]


def _protected_line(counts: dict[str, int], min_count: int) -> dict[str | None, Count]:
    """Months and their total as one line of the engine's disclosure control."""
    cells: dict[tuple[Hashable, ...], int] = {(month,): n for month, n in counts.items()}
    cells[(None,)] = sum(counts.values())
    hidden = suppression_pattern(cells, threshold=min_count, unit="conversations")
    return {
        None if key[0] is None else str(key[0]): (
            Count(None, hidden[key]) if key in hidden else Count(n)
        )
        for key, n in cells.items()
    }


def summarise(
    conversations: Sequence[Conversation],
    *,
    months: Sequence[str],
    themes: Sequence[str],
    flags: Sequence[str],
    min_count: int = MIN_COUNT,
) -> Summary:
    """Counts for each of `months` (oldest first); conversations of other months are left out.

    Every theme and flag listed is counted, including those with no conversation, so a reader
    cannot tell an empty month from a small one."""
    wanted = [c for c in conversations if c.month in months]
    by_status = {month: {"started": 0, **dict.fromkeys(STATUSES, 0)} for month in months}
    recipients: dict[str, dict[str, int]] = {}
    theme_counts = {name: dict.fromkeys(months, 0) for name in themes}
    flag_counts = {name: dict.fromkeys(months, 0) for name in flags}
    for conversation in wanted:
        by_status[conversation.month]["started"] += 1
        by_status[conversation.month][conversation.status] += 1
        row = recipients.setdefault(conversation.recipient, dict.fromkeys(months, 0))
        row[conversation.month] += 1
        for name in conversation.themes:
            if name in theme_counts:
                theme_counts[name][conversation.month] += 1
        for name in conversation.flags:
            if name in flag_counts:
                flag_counts[name][conversation.month] += 1
    return Summary(
        months=tuple(months),
        by_status=by_status,
        by_recipient=dict(sorted(recipients.items())),
        themes={name: _protected_line(c, min_count) for name, c in theme_counts.items()},
        flags={name: _protected_line(c, min_count) for name, c in flag_counts.items()},
    )


def last_months(year: int, month: int, count: int = 12) -> list[str]:
    """`count` months ending with (year, month), oldest first, as "YYYY-MM"."""
    found = []
    for _ in range(count):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return found[::-1]

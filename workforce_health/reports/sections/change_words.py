"""The key finding about questions whose agreement changed significantly since the previous
survey, in words that say whether each change is for the better or the worse. For most
questions more agreement is better; for a reverse-scored one ("I often feel stressed because of
my work") less is, and the finding says so. Pure: no Django."""

from collections.abc import Sequence
from dataclasses import dataclass

from workforce_health.rounding import format_rate


@dataclass(frozen=True)
class Change:
    question: str
    previous: float  # % agree
    current: float
    reverse: bool  # less agreement is better

    @property
    def better(self) -> bool:
        return (self.current > self.previous) != self.reverse


def _questions(count: int) -> str:
    return f"{count} question{'' if count == 1 else 's'}"


def _some(count: int) -> str:
    return "none" if count == 0 else str(count)


def largest_change_words(change: Change) -> str:
    """“question”, from a% to b% agreeing: better or worse (and why, for a reverse-scored
    question)."""
    way = "better" if change.better else "worse"
    why = ", as on this question less agreement is better" if change.reverse else ""
    return (
        f"“{change.question}”, from {format_rate(change.previous)}% to "
        f"{format_rate(change.current)}% agreeing: {way}{why}"
    )


def changes_finding(title: str, previous_title: str, changes: Sequence[Change]) -> str:
    """One finding: how many changed for the better and the worse, then the largest change
    (`changes` in order of size, largest first)."""
    if not changes:
        return f"{title}: no question's agreement changed significantly since {previous_title}."
    better = sum(1 for c in changes if c.better)
    worse = len(changes) - better
    return (
        f"{title}: agreement changed significantly on {_questions(len(changes))} since "
        f"{previous_title}: {_some(better)} for the better and {_some(worse)} for the worse. "
        f"The largest change: {largest_change_words(changes[0])}."
    )

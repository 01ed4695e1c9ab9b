"""Sessions held and their reach, by quarter, service and team (no Django).

Reach is attended / invited for the sessions held in a period: invited is the audience in post
in each team when invitations went out (or on the day), attended the count from each team.
A session counted only as a total (not by team) adds to the organisation's figures, not to any
team's or service's.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def quarter_of(day: datetime.date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def quarters(start: datetime.date, end: datetime.date) -> list[str]:
    """Every quarter from `start`'s to `end`'s, oldest first."""
    found: list[str] = []
    year, quarter = start.year, (start.month - 1) // 3 + 1
    last = (end.year, (end.month - 1) // 3 + 1)
    while (year, quarter) <= last:
        found.append(f"{year} Q{quarter}")
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return found


@dataclass(frozen=True)
class HeldSession:
    held_on: datetime.date
    kind: str  # the kind's label
    invited: dict[tuple[str, str], int]  # (service, team) -> invited
    attended: dict[tuple[str, str], int]  # (service, team) -> attended
    by_team: bool = True  # attendance counted by team (else one total)
    # The one total when not counted by team, or None when the viewer may not see it (a
    # manager sees only their own teams' figures).
    attended_untallied: int | None = None


@dataclass
class Figures:
    sessions: int = 0
    invited: int = 0
    attended: int = 0

    @property
    def reach(self) -> float | None:
        return 100 * self.attended / self.invited if self.invited else None


@dataclass(frozen=True)
class Reach:
    quarters: tuple[str, ...]
    kinds: dict[str, dict[str, int]]  # quarter -> kind -> sessions held
    organisation: dict[str, Figures]  # quarter -> figures
    services: dict[str, dict[str, Figures]] = field(default_factory=dict)  # service -> quarter
    teams: dict[tuple[str, str], dict[str, Figures]] = field(default_factory=dict)


def reach(held: Iterable[HeldSession], *, periods: Sequence[str], kinds: Sequence[str]) -> Reach:
    wanted = set(periods)
    by_kind = {q: dict.fromkeys(kinds, 0) for q in periods}
    organisation = {q: Figures() for q in periods}
    services: dict[str, dict[str, Figures]] = {}
    teams: dict[tuple[str, str], dict[str, Figures]] = {}
    for session in held:
        quarter = quarter_of(session.held_on)
        if quarter not in wanted:
            continue
        by_kind[quarter][session.kind] = by_kind[quarter].get(session.kind, 0) + 1
        whole = organisation[quarter]
        whole.sessions += 1
        if not session.by_team:
            # Counted as one total: the organisation's reach only, no team's or service's.
            if session.attended_untallied is not None:
                whole.invited += sum(session.invited.values())
                whole.attended += session.attended_untallied
            continue
        whole.invited += sum(session.invited.values())
        whole.attended += sum(session.attended.values())
        for name in {s for s, _ in session.invited}:
            row = services.setdefault(name, {q: Figures() for q in periods})[quarter]
            row.sessions += 1
            row.invited += sum(n for (s, _), n in session.invited.items() if s == name)
            row.attended += sum(n for (s, _), n in session.attended.items() if s == name)
        for key, invited in session.invited.items():
            row = teams.setdefault(key, {q: Figures() for q in periods})[quarter]
            row.sessions += 1
            row.invited += invited
            row.attended += session.attended.get(key, 0)
    return Reach(
        quarters=tuple(periods),
        kinds=by_kind,
        organisation=organisation,
        services=dict(sorted(services.items())),
        teams=dict(sorted(teams.items())),
    )

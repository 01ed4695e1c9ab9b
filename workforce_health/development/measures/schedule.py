"""The supervision schedule rule as data (development.md §1.2): phases of windows from a start.

A schedule starts on a date ``S`` and runs through phases. Each phase has a window length
(``every`` days, or calendar months anchored on the phase's first day) and lasts until an offset
from ``S`` (the last phase lasts for ever). Each window needs at least one qualifying session.
The LGA default for newly qualified social workers is weekly for six weeks, fortnightly to six
months (the last fortnight cut short at the six-month date), then monthly; monthly for everyone
else. Part-time and leave handling are settings of the rule, not code. No Django here.
"""

from __future__ import annotations

import calendar
import datetime
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

Unit = Literal["days", "months"]
OffsetUnit = Literal["days", "weeks", "months"]
UNITS: tuple[Unit, ...] = ("days", "months")
OFFSET_UNITS: tuple[OffsetUnit, ...] = ("days", "weeks", "months")
ONE_DAY = datetime.timedelta(days=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day when it has no such day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def add_offset(day: datetime.date, amount: int, unit: OffsetUnit) -> datetime.date:
    if unit == "months":
        return add_months(day, amount)
    return day + datetime.timedelta(days=amount * (7 if unit == "weeks" else 1))


class PartTime(StrEnum):
    """How a part-time worker's schedule differs (development.md §1.2, an open question)."""

    SAME = "same"  # the same cadence as full-time staff
    EXTEND = "extend"  # the timed phases last longer pro rata to FTE (as the ASYE does, §2.1)


class Leave(StrEnum):
    """How recorded leave of at least the minimum length changes the schedule."""

    PAUSE = "pause"  # the clock stops: the window is restarted in full after the leave
    EXCUSE = "excuse"  # a window at least half on leave is not required; nothing moves
    IGNORE = "ignore"  # leave changes nothing


@dataclass(frozen=True)
class Phase:
    """Windows of ``every`` days (or calendar months) until ``until`` after the start."""

    every: int
    unit: Unit
    until: int | None = None  # None: from then on (the last phase only)
    until_unit: OffsetUnit = "months"

    def describe(self) -> str:
        if self.unit == "days":
            named = {1: "every day", 7: "every week", 14: "every 2 weeks"}
            cadence = named.get(self.every, f"every {self.every} days")
        else:
            cadence = "every month" if self.every == 1 else f"every {self.every} months"
        if self.until is None:
            return f"{cadence} from then on"
        unit = self.until_unit[:-1] if self.until == 1 else self.until_unit
        return f"{cadence} until {self.until} {unit} after the start"


LGA_NEWLY_QUALIFIED = (
    Phase(7, "days", 6, "weeks"),
    Phase(14, "days", 6, "months"),
    Phase(1, "months"),
)
LGA_EXPERIENCED = (Phase(1, "months"),)


@dataclass(frozen=True)
class Window:
    start: datetime.date
    end: datetime.date  # inclusive
    phase: int  # 0-based index of the phase


@dataclass(frozen=True)
class Rule:
    """One track of a cadence policy: its phases and how part-time work and leave change it."""

    phases: tuple[Phase, ...]
    part_time: PartTime = PartTime.SAME
    leave: Leave = Leave.PAUSE
    minimum_leave_days: int = 14


def parse_phases(data: Any) -> tuple[Phase, ...]:
    """Phases from their stored form (a list of objects); ValueError says what is wrong."""
    if not isinstance(data, list) or not data:
        raise ValueError("Give at least one phase")
    phases = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"Phase {number} must be an object")
        every, unit = item.get("every"), item.get("unit")
        until, until_unit = item.get("until"), item.get("until_unit", "months")
        if not isinstance(every, int) or isinstance(every, bool) or every < 1:
            raise ValueError(f"Phase {number}: how often must be a whole number, 1 or more")
        if unit not in UNITS:
            raise ValueError(f"Phase {number}: windows must be in days or months")
        if (unit == "days" and every > 366) or (unit == "months" and every > 12):
            raise ValueError(f"Phase {number}: a window must be at most a year long")
        if until is not None and (
            not isinstance(until, int) or isinstance(until, bool) or until < 1
        ):
            raise ValueError(f"Phase {number}: how long it lasts must be a whole number, 1 or more")
        if until_unit not in OFFSET_UNITS:
            raise ValueError(f"Phase {number}: how long it lasts must be in days, weeks or months")
        phases.append(Phase(every, unit, until, until_unit))
    check_phases(tuple(phases))
    return tuple(phases)


def check_phases(phases: tuple[Phase, ...]) -> None:
    reference = datetime.date(2001, 1, 1)  # any start: offsets compare the same way
    previous = reference
    for number, phase in enumerate(phases, start=1):
        last = number == len(phases)
        if phase.until is None and not last:
            raise ValueError(f"Phase {number}: only the last phase can go on from then on")
        if phase.until is not None and last:
            raise ValueError("The last phase must go on from then on (leave its end blank)")
        if phase.until is not None:
            end = add_offset(reference, phase.until, phase.until_unit)
            if end <= previous:
                raise ValueError(f"Phase {number} must end after the phase before it")
            previous = end


def phases_data(phases: Sequence[Phase]) -> list[dict[str, Any]]:
    return [
        {"every": p.every, "unit": p.unit, "until": p.until, "until_unit": p.until_unit}
        for p in phases
    ]


def _phase_ends(start: datetime.date, phases: Sequence[Phase], fte: float, rule: Rule) -> list[int]:
    """Each timed phase's end as days after the start (exclusive), stretched for part-time."""
    stretch = 1 / fte if rule.part_time == PartTime.EXTEND and 0 < fte < 1 else 1.0
    return [
        math.ceil((add_offset(start, p.until, p.until_unit) - start).days * stretch)
        for p in phases
        if p.until is not None
    ]


def clock_windows(start: datetime.date, rule: Rule, fte: float = 1.0) -> Iterator[Window]:
    """The windows with no leave: consecutive, from ``start``, for ever."""
    ends = _phase_ends(start, rule.phases, fte, rule)
    phase_start = start
    for index, phase in enumerate(rule.phases):
        phase_end = start + datetime.timedelta(days=ends[index]) if index < len(ends) else None
        step = 0
        while True:
            if phase.unit == "days":
                first = phase_start + datetime.timedelta(days=step * phase.every)
                after = first + datetime.timedelta(days=phase.every)
            else:
                first = add_months(phase_start, step * phase.every)
                after = add_months(phase_start, (step + 1) * phase.every)
            if phase_end is not None:
                if first >= phase_end:
                    break
                after = min(after, phase_end)
            yield Window(first, after - ONE_DAY, index)
            step += 1
        assert phase_end is not None  # only the last phase is open, and it never breaks
        phase_start = phase_end


Period = tuple[datetime.date, datetime.date]


def _qualifying_leave(rule: Rule, leave: Sequence[Period]) -> list[Period]:
    """Leave periods of at least the minimum length, sorted and merged where they touch."""
    periods = sorted((a, b) for a, b in leave if (b - a).days + 1 >= rule.minimum_leave_days)
    merged: list[Period] = []
    for a, b in periods:
        if merged and a <= merged[-1][1] + ONE_DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def windows(
    start: datetime.date,
    rule: Rule,
    *,
    until: datetime.date,
    fte: float = 1.0,
    leave: Sequence[Period] = (),
) -> list[Window]:
    """The required windows that start on or before ``until``, with ``leave`` (first and last
    days of each period away) applied as the rule says."""
    on_leave = _qualifying_leave(rule, leave) if rule.leave != Leave.IGNORE else []
    shift = datetime.timedelta(0)
    found: list[Window] = []
    for clock in clock_windows(start, rule, fte):
        first, last = clock.start + shift, clock.end + shift
        if rule.leave == Leave.PAUSE:
            for leave_start, leave_end in on_leave:  # sorted: a restart can only meet later leave
                if leave_start <= last and leave_end >= first:
                    shift += leave_end + ONE_DAY - first
                    first, last = clock.start + shift, clock.end + shift
        if first > until:
            break
        if rule.leave == Leave.EXCUSE and _mostly_on_leave(first, last, on_leave):
            continue
        found.append(Window(first, last, clock.phase))
    return found


def _mostly_on_leave(first: datetime.date, last: datetime.date, leave: list[Period]) -> bool:
    days = (last - first).days + 1
    on_leave = sum(
        max(0, (min(last, b) - max(first, a)).days + 1)
        for a, b in leave
        if a <= last and b >= first
    )
    return on_leave * 2 >= days


_STEP_WORDS = {
    "day": (1, "days"),
    "days": (1, "days"),
    "week": (7, "days"),
    "weeks": (7, "days"),
    "fortnight": (14, "days"),
    "fortnights": (14, "days"),
    "month": (1, "months"),
    "months": (1, "months"),
}
_OFFSET_WORDS = {
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "month": "months",
    "months": "months",
}


def parse_text(text: str) -> tuple[Phase, ...]:
    """Phases written in words, one a line or separated by semicolons: "every week until 6
    weeks; every 2 weeks until 6 months; every month". ValueError says what is wrong."""
    phases = []
    parts = [p.strip() for p in text.replace("\n", ";").split(";") if p.strip()]
    if not parts:
        raise ValueError("Give at least one phase, like: every month")
    for number, part in enumerate(parts, start=1):
        words = part.lower().replace(",", " ").split()
        example = "like: every 2 weeks until 6 months"
        if not words or words[0] != "every":
            raise ValueError(f"Phase {number} must start with \u201cevery\u201d, {example}")
        words = words[1:]
        count = 1
        if words and words[0].isdigit():
            count, words = int(words[0]), words[1:]
        if not words or words[0] not in _STEP_WORDS:
            raise ValueError(f"Phase {number}: say days, weeks or months, {example}")
        size, unit = _STEP_WORDS[words[0]]
        words = words[1:]
        until, until_unit = None, "months"
        if words:
            if len(words) != 3 or words[0] != "until" or not words[1].isdigit():
                raise ValueError(f"Phase {number}: end it with \u201cuntil\u201d, {example}")
            if words[2] not in _OFFSET_WORDS:
                raise ValueError(f"Phase {number}: say until how many days, weeks or months")
            until, until_unit = int(words[1]), _OFFSET_WORDS[words[2]]
        phases.append(
            {"every": count * size, "unit": unit, "until": until, "until_unit": until_unit}
        )
    return parse_phases(phases)


def to_text(phases: Sequence[Phase]) -> str:
    """Phases in the words ``parse_text`` reads."""
    lines = []
    for phase in phases:
        if phase.unit == "months":
            step = "month" if phase.every == 1 else f"{phase.every} months"
        elif phase.every % 7 == 0:
            weeks = phase.every // 7
            step = "week" if weeks == 1 else f"{weeks} weeks"
        else:
            step = "day" if phase.every == 1 else f"{phase.every} days"
        line = f"every {step}"
        if phase.until is not None:
            line += f" until {phase.until} {phase.until_unit}"
        lines.append(line)
    return "; ".join(lines)

"""When two employment spells overlap: the one rule, used by the model's check
(`Employment.clean`), the census import (which checks spells in memory) and the demo's
consistency checks. Pure: no Django.

A spell runs from its start date to its end date, both days included; no end date means still
in post. Two spells overlap when they share at least one day.
"""

import datetime


def spells_overlap(
    start: datetime.date,
    end: datetime.date | None,
    other_start: datetime.date,
    other_end: datetime.date | None,
) -> bool:
    """Whether the spell ``start``-``end`` and the spell ``other_start``-``other_end`` share a
    day (an end of None: still in post)."""
    return (end is None or other_start <= end) and (other_end is None or other_end >= start)

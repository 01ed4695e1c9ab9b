"""Settings for the choices the DfE leaves open, with documented defaults (docs/measures.md)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AbsenceDenominator(StrEnum):
    """What the working days lost are divided by (workforce-measures.md §5.6)."""

    #: In-post FTE on the reference date x working days per FTE-year. Reproduces 1,395 of
    #: 1,444 published rates exactly (inferred, not DfE text). The default.
    INPOST_FTE = "inpost_fte"
    #: FTE-years actually employed in the period (each council spell's FTE x the share of
    #: the period it covered) x working days per FTE-year. A local alternative that is
    #: fairer to teams with heavy churn; never label it as a DfE figure.
    FTE_EXPOSURE = "fte_exposure"


@dataclass(frozen=True, slots=True)
class MeasureSettings:
    """Every configurable rule. The defaults follow workforce-measures.md §§3-5.

    The edge rules of census guide §§1.9.4-1.9.8 are known by heading only, so each is
    a flag whose default is the reference page's stated default (§4, "to confirm").
    """

    #: Working days per FTE-year in the absence denominator (§5.6, an assumption: 253).
    working_days_per_fte_year: float = 253.0
    #: Absence denominator (§5.6).
    absence_denominator: AbsenceDenominator = AbsenceDenominator.INPOST_FTE
    #: A starter who leaves in the same period counts as a starter and as a leaver (§4).
    #: False: the spell (island of continuous service) counts as neither.
    count_starter_who_leaves: bool = True
    #: A leaver who returns in the same period counts as a leaver and a starter (§4).
    #: False: the leaving and the return cancel out.
    count_leaver_who_returns: bool = True
    #: A last working day on the reference date counts as a leaver and **not** in post (§4).
    #: True: such a worker is also in post on the reference date.
    reference_day_leaver_in_post: bool = False
    #: Casual and zero-hours spells (input column ``casual``) are left out of every
    #: council-employed count (§4 says "excluded from in post"; we exclude them from
    #: the flows too so the turnover numerator and denominator match).
    exclude_casual: bool = True
    #: False (DfE, §5.1 "does not see moves between posts inside the same council"): a move
    #: between spells without a break in service is neither a leaver nor a starter, at any
    #: grouping. True: every spell start and end in the period is a flow (team-level churn,
    #: a local measure; group totals then exceed the council's).
    count_internal_moves: bool = False
    #: Days allowed between one spell's end and the next spell's start for service to count
    #: as continuous (1 = the next spell starts the day after). Used for internal moves.
    continuity_gap_days: int = 1
    #: Case and vacancy snapshots: use the latest snapshot on or before the reference date
    #: and at most this many days before it (0 = only a snapshot on the reference date).
    snapshot_lookback_days: int = 0

    def __post_init__(self) -> None:
        if self.working_days_per_fte_year <= 0:
            raise ValueError("working_days_per_fte_year must be positive")
        if self.continuity_gap_days < 0 or self.snapshot_lookback_days < 0:
            raise ValueError("day counts must not be negative")

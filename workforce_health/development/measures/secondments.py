"""Secondments in the census (development.md §4): the treatment chosen on each record, applied
to the DfE measures' input frames so the effect on vacancy and turnover can be shown.

A secondee who stays in children and family social work changes nothing. One treated as a
leaver (census reason 7, "moved to a non-children and family social work role within the
council") leaves the home post the day before the secondment starts and, after returning,
starts again (origin 6, another social care role); while away, the home post is a vacancy
unless council staff fill it (covered by agency workers when agency staff backfill it).
The figures themselves are always the DfE measures of ``staffing.measures``: this module only
changes their inputs. No Django.

``secondments``: home_spell_id String, starts_on Date, ends_on Date (actual, else planned;
null: open), fte Float64, treatment String (``in_post`` or ``leaver``), backfill String
(``none``, ``agency`` or ``council``).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import polars as pl

LEAVER, IN_POST = "leaver", "in_post"
MOVED_WITHIN_COUNCIL = "7"  # census ReasonLeave
FROM_OTHER_SOCIAL_CARE_ROLE = "6"  # census StartOrigin
ONE_DAY = datetime.timedelta(days=1)


def treated_spells(spells: pl.DataFrame, secondments: pl.DataFrame) -> pl.DataFrame:
    """The spells with each leaver-treated secondment cut out of its home spell."""
    leavers = secondments.filter(pl.col("treatment") == LEAVER).sort("starts_on")
    cuts: dict[str, list[tuple[datetime.date, datetime.date | None]]] = {}
    for spell_id, first, last in leavers.select("home_spell_id", "starts_on", "ends_on").rows():
        cuts.setdefault(spell_id, []).append((first, last))
    if not cuts:
        return spells
    kept = spells.filter(~pl.col("spell_id").is_in(list(cuts)))
    pieces = [kept]
    for row in spells.filter(pl.col("spell_id").is_in(list(cuts))).to_dicts():
        pieces.append(pl.DataFrame(_split(row, cuts[row["spell_id"]]), schema=spells.schema))
    return pl.concat(pieces)


def _split(
    row: dict[str, object], away: list[tuple[datetime.date, datetime.date | None]]
) -> list[dict[str, object]]:
    parts: list[dict[str, object]] = []
    current: dict[str, object] | None = dict(row)
    for number, (first, last) in enumerate(away):
        if current is None:
            break
        start, end = current["start_date"], current["end_date"]
        assert isinstance(start, datetime.date)
        if first > start:
            parts.append(
                current
                | {
                    "spell_id": f"{row['spell_id']}-{number}",
                    "end_date": first - ONE_DAY,
                    "reason_leave": MOVED_WITHIN_COUNCIL,
                    "leaver_destination": None,
                }
            )
        returns = last + ONE_DAY if last is not None else None
        if returns is None or (isinstance(end, datetime.date) and returns > end):
            current = None
        else:
            current = dict(row) | {
                "spell_id": f"{row['spell_id']}-back-{number}",
                "start_date": returns,
                "start_origin": FROM_OTHER_SOCIAL_CARE_ROLE,
            }
    if current is not None:
        parts.append(current)
    return parts


def treated_vacancies(
    vacancies: pl.DataFrame,
    secondments: pl.DataFrame,
    *,
    reference_date: datetime.date,
    level: Mapping[str, str | None],
) -> pl.DataFrame | None:
    """The vacancy snapshots with the home posts of leaver-treated secondees away on the
    reference date (and not filled by council staff) added to the figure recorded on that date
    at ``level`` (the grouping columns' values, e.g. no service and no team for the whole
    council). None when no figure is recorded there on that date: the vacancy rate is then
    not known either way."""
    at_level = pl.lit(True)
    for column, value in level.items():
        at_level &= pl.col(column).is_null() if value is None else pl.col(column) == value
    recorded = vacancies.filter(at_level & (pl.col("date") == reference_date))
    if recorded.is_empty():
        return None
    away = secondments.filter(
        (pl.col("treatment") == LEAVER)
        & (pl.col("backfill") != "council")
        & (pl.col("starts_on") <= reference_date)
        & (pl.col("ends_on").is_null() | (pl.col("ends_on") >= reference_date))
    )
    if away.is_empty():
        return vacancies
    vacant = float(away["fte"].sum())
    covered = float(away.filter(pl.col("backfill") == "agency")["fte"].sum())
    extra = recorded.head(1).with_columns(
        pl.lit(vacant).alias("vacancy_fte"), pl.lit(covered).alias("agency_cover_fte")
    )
    return pl.concat([vacancies, extra.select(vacancies.columns)], how="vertical_relaxed")

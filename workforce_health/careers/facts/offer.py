"""Facts from the measures of the offer working (``careers/measures.py``): the share of
starters who were newly qualified, and of leavers who left within their first year. Each is
built only from at least ``MIN_GROUP`` starters (or leavers) in the latest census year."""

from __future__ import annotations

from workforce_health.careers import measures
from workforce_health.careers.facts.base import MIN_GROUP, Fact, FactInputs, Unavailable, percent


def _row(inputs: FactInputs) -> tuple[int, dict[str, object]] | None:
    ctx = inputs.workforce
    if ctx is None:
        return None
    table = measures.offer_measures(ctx.inputs.spells, years=[ctx.year])
    return ctx.year, table.row(0, named=True)


def _source(inputs: FactInputs) -> str:
    return (
        f"{inputs.organisation.name}'s own workforce records: starters and leavers as the "
        "Department for Education counts them for the children's social work workforce census."
    )


def newly_qualified_starters(inputs: FactInputs) -> Fact | Unavailable:
    kind, heading = "nqsw_starters", "Newly qualified social workers among those who joined"
    found = _row(inputs)
    if found is None or int(found[1]["starters_headcount"]) < MIN_GROUP:  # type: ignore[call-overload]
        return Unavailable(kind, heading, f"fewer than {MIN_GROUP} starters in the latest year")
    year, row = found
    figure = percent(row["nqsw_share"])  # type: ignore[arg-type]
    return Fact(
        kind=kind,
        heading=heading,
        figure=figure,
        statement=(
            f"Of the social workers who joined {inputs.service.name} in the year to 30 September "
            f"{year}, {figure} were newly qualified."
        ),
        as_of=f"{year}-09-30",
        source=_source(inputs),
        period=f"Year to 30 September {year}",
    )


def first_year_leavers(inputs: FactInputs) -> Fact | Unavailable:
    kind, heading = "first_year_leavers", "Leavers who left within their first year"
    found = _row(inputs)
    if found is None or int(found[1]["leavers_headcount"]) < MIN_GROUP:  # type: ignore[call-overload]
        return Unavailable(kind, heading, f"fewer than {MIN_GROUP} leavers in the latest year")
    year, row = found
    figure = percent(row["first_year_leaver_share"])  # type: ignore[arg-type]
    return Fact(
        kind=kind,
        heading=heading,
        figure=figure,
        statement=(
            f"Of the social workers who left {inputs.service.name} in the year to 30 September "
            f"{year}, {figure} had been with the council for less than a year."
        ),
        as_of=f"{year}-09-30",
        source=_source(inputs),
        period=f"Year to 30 September {year}",
    )

"""The four published DfE file layouts and how their columns map onto the DfE measure names.

Layouts and exact headers: workforce-measures.md §8.1 (indicators), §8.2 (headline) and §8.3 (SFR).
A layout is recognised from the header row alone, by the columns it must contain, so a later
release that adds columns is still read.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Final

from .errors import PublishedFileError
from .measures import EES_SYMBOLS, MEASURES, SFR_SYMBOLS


class Layout(StrEnum):
    INDICATORS_2017_2025 = "indicators_2017_2025"
    HEADLINE_2017_2022 = "headline_2017_2022"
    SFR07_2015 = "sfr07_2015"
    SFR08_2016 = "sfr08_2016"


@dataclass(frozen=True)
class LayoutSpec:
    layout: Layout
    description: str
    #: Columns whose presence identifies the layout.
    signature: tuple[str, ...]
    #: Source column -> DfE measure name.
    measure_columns: dict[str, str]
    #: Symbols allowed in measure cells.
    symbols: dict[str, str]
    #: Reporting year for files without a ``time_period`` column (SFR).
    fixed_year: int | None = None
    #: Release label; ``None`` means "<latest time_period> release" (EES files).
    release: str | None = None

    @property
    def is_ees(self) -> bool:
        return self.fixed_year is None


EES_ID_COLUMNS: Final = (
    "time_period",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
)
# The first seven columns of both SFR files (§8.3).
SFR_ID_COLUMNS: Final = (
    "Country_code",
    "Country_name",
    "Region_code",
    "Region_name",
    "LA_code (9 digit)",
    "LA_name",
    "LA_code (3 digit)",
)

# §8.2: headline (2022 release) names -> indicators names; unlisted measures keep their names.
_HEADLINE_RENAMES: Final = {
    "social_worker_fte": "inpost_fte",
    "leaver_fte": "leavers_fte",
    "turnover_rate_fte_%": "turnover_rate_fte",
    "absence_rate_fte_%": "absence_rate_fte",
    "agency_worker_rate_fte_%": "agency_rate_fte",
    "agency_cover_rate_fte_%": "agency_cover_rate_fte",
    "vacancy_rate_fte_%": "vacancy_rate_fte",
    "vacancy_agency_cover_rate_fte_%": "vacancy_agency_cover_rate_fte",
    "social_worker_headcount": "inpost_headcount",
    "leaver_headcount": "leavers_headcount",
    "turnover_rate_headcount_%": "turnover_rate_headcount",
    "agency_worker_rate_headcount_%": "agency_rate_headcount",
}
_HEADLINE_SAME: Final = (
    "working_days_lost_fte",
    "agency_fte",
    "agency_cover_fte",
    "vacancy_fte",
    "case_holders_fte",
    "cases",
    "caseload_fte",
    "agency_headcount",
)


def _sfr_columns(year: int) -> dict[str, str]:
    """§8.3 key measure columns. D1a is agency covering vacancies; its headcount has no DfE name."""
    y = year
    return {
        f"A1_FTE_ChildrensSocialWorkers_{y}": "inpost_fte",
        f"A1_Headcount_ChildrensSocialWorkers_{y}": "inpost_headcount",
        f"B1_FTE_Starters_{y}": "starters_fte",
        f"B1_Headcount_Starters_{y}": "starters_headcount",
        f"B2_FTE_Leavers_{y}": "leavers_fte",
        f"B2_Headcount_Leavers_{y}": "leavers_headcount",
        f"B3_FTE_TurnoverRate_{y}": "turnover_rate_fte",
        f"B3_Headcount_TurnoverRate_{y}": "turnover_rate_headcount",
        f"D1_FTE_AgencyWorkers_{y}": "agency_fte",
        f"D1_Headcount_AgencyWorkers_{y}": "agency_headcount",
        f"D1a_FTE_AgencyWorkers_{y}": "agency_cover_fte",
        f"D2_FTE_AgencyWorkerRate_{y}": "agency_rate_fte",
        f"D2_Headcount_AgencyWorkerRate_{y}": "agency_rate_headcount",
        f"A2_FTE_Vacancies_{y}": "vacancy_fte",
        f"A3_FTE_VacancyRate_{y}": "vacancy_rate_fte",
        f"C1_FTE_Absence_{y}": "working_days_lost_fte",
        f"C2_FTE_AbsenceRate_{y}": "absence_rate_fte",
    }


SPECS: Final[dict[Layout, LayoutSpec]] = {
    Layout.INDICATORS_2017_2025: LayoutSpec(
        layout=Layout.INDICATORS_2017_2025,
        description="EES indicators file (2025 release, csww_indicators_2017_to_2025.csv)",
        signature=(*EES_ID_COLUMNS, "inpost_fte", "starters_fte"),
        measure_columns={m: m for m in MEASURES},
        symbols=EES_SYMBOLS,
    ),
    Layout.HEADLINE_2017_2022: LayoutSpec(
        layout=Layout.HEADLINE_2017_2022,
        description="EES headline measures file (2022 release, "
        "csww_headline_measures_2017_to_2022.csv)",
        signature=(*EES_ID_COLUMNS, "social_worker_fte", "turnover_rate_fte_%"),
        measure_columns={**_HEADLINE_RENAMES, **{m: m for m in _HEADLINE_SAME}},
        symbols=EES_SYMBOLS,
    ),
    Layout.SFR07_2015: LayoutSpec(
        layout=Layout.SFR07_2015,
        description="SFR 07/2016 underlying data (SFR07_2016_UD.csv, year to 30 Sep 2015)",
        signature=(*SFR_ID_COLUMNS, "A1_FTE_ChildrensSocialWorkers_2015"),
        measure_columns=_sfr_columns(2015),
        symbols=SFR_SYMBOLS,
        fixed_year=2015,
        release="SFR 07/2016",
    ),
    Layout.SFR08_2016: LayoutSpec(
        layout=Layout.SFR08_2016,
        description="SFR 08/2017 underlying data (SFR08_2017_UD.csv, year to 30 Sep 2016)",
        signature=(*SFR_ID_COLUMNS, "A1_FTE_ChildrensSocialWorkers_2016"),
        # §5.5: the 2016 Average_caseload used an earlier method; never trend it with 2017+.
        measure_columns={
            **_sfr_columns(2016),
            "Number_of_cases": "cases",
            "Average_caseload": "caseload_fte",
        },
        symbols=SFR_SYMBOLS,
        fixed_year=2016,
        release="SFR 08/2017",
    ),
}


def read_header(source: str | Path | bytes, *, filename: str | None = None) -> list[str]:
    """The header row's cell names (BOM removed, surrounding spaces stripped)."""
    if isinstance(source, bytes):
        first = source.split(b"\n", 1)[0]
        name = filename or "<bytes>"
    else:
        with open(source, "rb") as fh:
            first = fh.readline()
        name = filename or Path(source).name
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PublishedFileError(name, f"header row is not UTF-8 text ({exc})") from exc
    row = next(csv.reader(io.StringIO(text)), [])
    return [cell.strip() for cell in row]


def detect_layout(source: str | Path | bytes, *, filename: str | None = None) -> Layout:
    """Recognise a published file from its header row; ``PublishedFileError`` if unknown."""
    header = read_header(source, filename=filename)
    name = filename or ("<bytes>" if isinstance(source, bytes) else Path(source).name)
    present = set(header)
    for spec in SPECS.values():
        if set(spec.signature) <= present:
            missing = [c for c in spec.measure_columns if c not in present]
            if missing:
                raise PublishedFileError(
                    name, f"looks like the {spec.description} but lacks columns {missing}"
                )
            return spec.layout
    expected = "; ".join(
        f"{s.description}: header containing {', '.join(s.signature[-2:])}" for s in SPECS.values()
    )
    shown = ",".join(header[:8]) + (",..." if len(header) > 8 else "")
    raise PublishedFileError(
        name, f"unrecognised header row '{shown}'. Expected one of: {expected}"
    )

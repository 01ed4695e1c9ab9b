"""Read a published DfE children's social work workforce file into a tidy polars frame.

Follows the parser checklist in workforce-measures.md §8.5: every cell is read as text, codes stay
strings (``"940 / 941"`` is one code), symbols become ``value = null`` plus ``symbol``, thousands
separators are stripped, blank rows and unnamed columns are ignored, and any cell that is neither a
number nor a known symbol fails the whole file (nothing partial is returned).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

import polars as pl

from .errors import CellProblem, PublishedFileError
from .layouts import (
    EES_ID_COLUMNS,
    SFR_ID_COLUMNS,
    SPECS,
    Layout,
    LayoutSpec,
    detect_layout,
    read_header,
)
from .measures import GEOGRAPHIC_LEVELS, LOCAL_AUTHORITY, NATIONAL, OGL_ATTRIBUTION, REGIONAL

Source = str | Path | bytes | IO[bytes]

#: Column order of the tidy frame.
TIDY_COLUMNS: Final = (
    "time_period",
    "geographic_level",
    "area_code",
    "old_la_code",
    "area_name",
    "region_code",
    "region_name",
    "measure",
    "value",
    "symbol",
    "release",
    "source_file",
    "source_sha256",
    "source_row",
)

TIDY_SCHEMA: Final[dict[str, pl.DataType]] = {
    "time_period": pl.Int64(),
    "geographic_level": pl.String(),
    "area_code": pl.String(),
    "old_la_code": pl.String(),
    "area_name": pl.String(),
    "region_code": pl.String(),
    "region_name": pl.String(),
    "measure": pl.String(),
    "value": pl.Float64(),
    "symbol": pl.String(),
    "release": pl.String(),
    "source_file": pl.String(),
    "source_sha256": pl.String(),
    "source_row": pl.Int64(),
}

# Plain decimals ("17", "17.25", "-0.5") or correctly grouped thousands ("27,700", "2,551.0").
_NUMBER: Final = r"^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$"


@dataclass(frozen=True)
class PublishedRelease:
    """One imported file: the tidy frame plus where it came from."""

    frame: pl.DataFrame
    layout: Layout
    source_file: str
    release: str
    sha256: str
    #: Non-blank data rows in the file (before reshaping to one row per measure).
    rows: int
    attribution: str = OGL_ATTRIBUTION

    @property
    def years(self) -> list[int]:
        return sorted(self.frame["time_period"].unique().to_list())


def la_code_matches(joint: str | None, code: str) -> bool:
    """True if ``code`` is ``joint`` or one of its parts: ``la_code_matches("940 / 941", "941")``.

    Works for old 3-digit and new 9-character codes; ``code`` may itself be joint (any overlap).
    """
    if not joint:
        return False
    parts = {p.strip().upper() for p in joint.split("/")} - {""}
    wanted = {p.strip().upper() for p in code.split("/")} - {""}
    return bool(parts & wanted)


def read_published(
    source: Source, *, filename: str, release: str | None = None
) -> PublishedRelease:
    """Parse one published file (any of the four layouts) into a :class:`PublishedRelease`.

    ``filename`` is recorded with every value (use the name the user uploaded). ``release``
    overrides the label derived from the file ("2025 release", "SFR 08/2017", ...).
    Raises :class:`PublishedFileError` for an unknown layout or any unreadable cell.
    """
    data: str | Path | bytes
    if isinstance(source, str | Path):
        data = Path(source)
        with open(data, "rb") as fh:
            sha256 = hashlib.file_digest(fh, "sha256").hexdigest()
    else:
        data = source if isinstance(source, bytes) else source.read()
        sha256 = hashlib.sha256(data).hexdigest()

    spec = SPECS[detect_layout(data, filename=filename)]
    header = read_header(data, filename=filename)
    try:
        raw = _reshape(data, header, spec).collect()
    except pl.exceptions.PolarsError as exc:
        raise PublishedFileError(filename, f"not a readable CSV file ({exc})") from exc

    if raw.is_empty():
        raise PublishedFileError(filename, "the file has a header row but no data rows")
    problems = _problems(raw)
    if problems:
        raise PublishedFileError(filename, f"{len(problems)} cell(s) could not be read", problems)
    duplicates = raw.filter(pl.struct("time_period", "area_code", "measure").is_duplicated())
    if duplicates.height:
        first = duplicates.row(0, named=True)
        raise PublishedFileError(
            filename,
            f"area {first['area_code']} appears twice for {first['time_period']} "
            f"(rows {sorted(set(duplicates['source_row'].to_list()))[:10]})",
        )

    latest = max(raw["time_period"].cast(pl.Int64).to_list())
    label = release or spec.release or f"{latest} release"
    frame = raw.select(
        pl.col("time_period").cast(pl.Int64),
        "geographic_level",
        "area_code",
        "old_la_code",
        "area_name",
        "region_code",
        "region_name",
        "measure",
        pl.when(pl.col("symbol").is_null())
        .then(pl.col("raw").str.replace_all(",", "", literal=True).cast(pl.Float64))
        .alias("value"),
        "symbol",
        pl.lit(label).alias("release"),
        pl.lit(filename).alias("source_file"),
        pl.lit(sha256).alias("source_sha256"),
        pl.col("source_row").cast(pl.Int64),
    )
    return PublishedRelease(
        frame=frame,
        layout=spec.layout,
        source_file=filename,
        release=label,
        sha256=sha256,
        rows=raw["source_row"].n_unique(),
    )


def _reshape(data: Path | bytes | str, header: list[str], spec: LayoutSpec) -> pl.LazyFrame:
    """Text cells -> one row per (data row, measure), ids resolved; ``raw`` holds the cell text."""
    names = [f"c{i}" for i in range(len(header))]
    index: dict[str, str] = {}
    for name, col in zip(header, names, strict=True):
        if name and name not in index:  # unnamed columns (SFR08's last two) are ignored
            index[name] = col

    def cell(name: str) -> pl.Expr:
        return pl.col(index[name])

    # Read eagerly: a lazy scan that projects away some columns does not notice rows with extra
    # cells, which is how an unquoted comma in a council name shows up.
    lf = pl.read_csv(
        data,
        infer_schema=False,
        new_columns=names,
        row_index_name="source_row",
        row_index_offset=2,  # spreadsheet row: the header is row 1
    ).lazy()
    ids_in_file = EES_ID_COLUMNS if spec.is_ees else SFR_ID_COLUMNS
    used = [index[n] for n in (*ids_in_file, *spec.measure_columns)]
    lf = lf.select("source_row", *(pl.col(c).str.strip_chars() for c in used))
    lf = lf.with_columns(pl.col(used).replace("", None))
    lf = lf.filter(~pl.all_horizontal(pl.col(used).is_null()))  # §8.5 step 5: blank rows

    if spec.is_ees:
        level = cell("geographic_level")
        ids = [
            cell("time_period").alias("time_period"),
            level.alias("geographic_level"),
            pl.when(level == NATIONAL)
            .then(cell("country_code"))
            .when(level == REGIONAL)
            .then(cell("region_code"))
            .otherwise(cell("new_la_code"))
            .alias("area_code"),
            pl.when(level == NATIONAL)
            .then(cell("country_name"))
            .when(level == REGIONAL)
            .then(cell("region_name"))
            .otherwise(cell("la_name"))
            .alias("area_name"),
            cell("old_la_code").alias("old_la_code"),
        ]
    else:
        la3, region = cell("LA_code (3 digit)"), cell("Region_code")
        ids = [
            pl.lit(str(spec.fixed_year)).alias("time_period"),
            pl.when(la3.is_not_null())
            .then(pl.lit(LOCAL_AUTHORITY))
            .when(region.is_not_null())
            .then(pl.lit(REGIONAL))
            .otherwise(pl.lit(NATIONAL))
            .alias("geographic_level"),
            pl.coalesce(cell("LA_code (9 digit)"), region, cell("Country_code")).alias("area_code"),
            pl.coalesce(cell("LA_name"), cell("Region_name"), cell("Country_name")).alias(
                "area_name"
            ),
            la3.alias("old_la_code"),
        ]
    region_code = "region_code" if spec.is_ees else "Region_code"
    region_name = "region_name" if spec.is_ees else "Region_name"
    lf = lf.select(
        "source_row",
        *ids,
        cell(region_code).alias("region_code"),
        cell(region_name).alias("region_name"),
        *(cell(src).alias(measure) for src, measure in spec.measure_columns.items()),
    )
    measures = list(spec.measure_columns.values())
    lf = lf.unpivot(
        on=measures,
        index=[*TIDY_COLUMNS[:7], "source_row"],
        variable_name="measure",
        value_name="raw",
    )
    source_col = {m: s for s, m in spec.measure_columns.items()}
    return lf.with_columns(
        pl.when(pl.col("raw").is_in(list(spec.symbols))).then(pl.col("raw")).alias("symbol"),
        pl.col("measure").replace_strict(source_col).alias("source_column"),
    )


def _problems(raw: pl.DataFrame) -> list[CellProblem]:
    """Every unreadable measure cell, plus bad ids (year, level, area code), in file order."""
    problems: list[CellProblem] = []
    bad = raw.filter(
        pl.col("symbol").is_null()
        & (pl.col("raw").is_null() | ~pl.col("raw").str.contains(_NUMBER))
    ).sort("source_row")
    for row, column, text in bad.select("source_row", "source_column", "raw").iter_rows():
        reason = "empty cell" if text is None else "neither a number nor a known symbol"
        problems.append(CellProblem(row, column, text or "", reason))

    rows = raw.unique("source_row", keep="first").sort("source_row")
    for row, year, level, area in rows.select(
        "source_row", "time_period", "geographic_level", "area_code"
    ).iter_rows():
        if year is None or not (year.isdigit() and len(year) == 4):
            problems.append(CellProblem(row, "time_period", year or "", "not a reporting year"))
        if level not in GEOGRAPHIC_LEVELS:
            problems.append(
                CellProblem(row, "geographic_level", level or "", "unknown geographic level")
            )
        if area is None:
            problems.append(CellProblem(row, "area code", "", "no area code for this level"))
    return sorted(problems, key=lambda p: p.row)

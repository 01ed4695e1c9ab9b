"""Benchmark: census XML at national scale, imported and measured (results: docs/performance.md).

Run with `make bench` (a reproducible sample of councils) or
`.venv/bin/python bench/bench_census_national.py --full` (all 152 councils). Prints:

1. import throughput, records per second: our ``census_return_import`` into a throwaway
   database, our parse + validate alone (``check_return``), and Social Finance's liiatools CSWW
   cleaning of the same files (in its own virtual environment, ``LIIATOOLS_PYTHON``; skipped with
   a message when that is not set), and the ratio;
2. every DfE measure for every council and census year 2017-2025 at full national scale.

The generator is pure Python with a fixed seed: 152 councils, about 60,000 worker records a
year. The census package reads and writes the 2021-2025 layouts only, so XML files are written
for 2021-2025 (5 x 152 = 760 files, about 300,000 records); the workforce is simulated from 2017
so that the measures cover nine census years, computed from the generator's spells directly.
Figures for the whole national set are extrapolated from the sample and labelled so.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl

from workforce_health.census import CensusWorker, CouncilLevel, Header, check_return, write_return
from workforce_health.census.la_codes import LOCAL_AUTHORITIES
from workforce_health.census.semantics import reference_date
from workforce_health.staffing.measures import compute_measures

SEED = 20261123
COUNCILS = 152
RECORDS_PER_YEAR = 60_000
SIM_YEARS = range(2017, 2026)  # census years simulated and measured
FILE_YEARS = range(2021, 2026)  # census years written as XML (the layouts the product reads)
SAMPLE_COUNCILS = 1  # liiatools cleans about 10 records/s here: keeps `make bench` short
REPEATS = 3
TARGET_RATIO = 5.0
TARGET_MEASURES_SECONDS = 2.0
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DRIVER = HERE / "liiatools_csww_clean.py"
GENERATED_AT = datetime(2025, 10, 15, 9, 30, tzinfo=UTC)  # fixed, so files are reproducible


# --- 1. The generator (pure: no Django) --------------------------------------------------------


@dataclass(slots=True)
class Spell:
    """One person in one post: what every census record of that person is derived from."""

    swe: str
    agency: bool
    fte: Decimal
    birth: date
    sex: str
    ethnicity: str
    qual_level: str
    org_role: str
    start: date | None
    origin: str
    end: date | None = None
    reason: str | None = None
    destination: str | None = None
    cases: dict[int, int] = field(default_factory=dict)
    days_lost: dict[int, Decimal] = field(default_factory=dict)


@dataclass
class Council:
    lea: str
    size: int  # worker records a year, about
    spells: list[Spell] = field(default_factory=list)
    returns: dict[int, list[Spell]] = field(default_factory=dict)  # year -> spells in its return
    vacancies: dict[int, Decimal] = field(default_factory=dict)
    people: int = 0


ETHNICITIES = ("WBRI", "WBRI", "WBRI", "WOTH", "BAFR", "BCRB", "AIND", "APKN", "MWBC", "NOBT")
FTES = (Decimal("1"), Decimal("1"), Decimal("1"), Decimal("0.8"), Decimal("0.6"), Decimal("0.5"))
ROLES = ("5", "5", "5", "5", "4", "4", "3", "6", "2", "1")


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


class Generator:
    """The national workforce, one council at a time, reproducible from ``SEED``."""

    def __init__(self, seed: int = SEED) -> None:
        rng = random.Random(seed)
        codes = sorted(LOCAL_AUTHORITIES)[:COUNCILS]
        weights = [rng.lognormvariate(0, 0.5) for _ in codes]
        scale = RECORDS_PER_YEAR / sum(weights)
        self.councils = [
            Council(code, max(60, round(w * scale))) for code, w in zip(codes, weights, strict=True)
        ]
        for index, council in enumerate(self.councils):
            self._simulate(council, random.Random(seed * 1000 + index))

    def _person(self, rng: random.Random, council: Council, agency: bool) -> Spell:
        council.people += 1
        swe = f"SW{council.people + 100_000:06d}"
        return Spell(
            swe=swe,
            agency=agency,
            fte=rng.choice(FTES) if not agency else Decimal("1"),
            birth=_day(rng, date(1960, 1, 1), date(1999, 12, 31)),
            sex=rng.choice("FFFFM"),
            ethnicity=rng.choice(ETHNICITIES),
            qual_level=rng.choice("1122"),
            org_role=rng.choice(ROLES),
            start=None,
            origin=rng.choice(("1", "2", "2", "4", "5", "9")),
        )

    def _simulate(self, council: Council, rng: random.Random) -> None:
        permanent = round(council.size * 0.74)
        in_post: list[Spell] = []
        for _ in range(permanent):
            spell = self._person(rng, council, agency=False)
            spell.start = _day(rng, date(2000, 1, 1), reference_date(2016))
            council.spells.append(spell)
            in_post.append(spell)
        for year in SIM_YEARS:
            first, last = reference_date(year - 1) + timedelta(days=1), reference_date(year)
            leavers = [s for s in in_post if rng.random() < 0.15]
            for spell in leavers:
                spell.end = _day(rng, first, last)
                spell.reason = rng.choice(("1", "1", "1", "5", "8", "9"))
                spell.destination = rng.choice(("1", "3", "6", "8"))
            in_post = [s for s in in_post if s.end is None]
            for _ in range(round(len(leavers) * rng.uniform(0.9, 1.12))):
                spell = self._person(rng, council, agency=False)
                spell.start = _day(rng, first, last)
                council.spells.append(spell)
                in_post.append(spell)
            agency = [self._person(rng, council, agency=True) for _ in range(council.size // 8)]
            council.spells.extend(agency)
            for spell in in_post + agency:
                if spell.org_role in "45":
                    spell.cases[year] = rng.randrange(5, 25)
            for spell in in_post + leavers:
                spell.days_lost[year] = Decimal(rng.randrange(0, 40)) / 2
            council.returns[year] = in_post + leavers + agency
            council.vacancies[year] = Decimal(rng.randrange(0, council.size // 5 * 100)) / 100

    def records(self, council: Council, year: int) -> Iterator[CensusWorker]:
        """The census records of ``council``'s return for ``year``, in that year's layout."""
        for spell in council.returns[year]:
            yield _record(spell, year)

    def xml(self, council: Council, year: int) -> bytes:
        header = Header(lea=council.lea, software_code="bench", date_time=GENERATED_AT)
        vacancies = council.vacancies[year]
        block = CouncilLevel(
            number_of_vacancies=vacancies,
            no_agency_fte=min(vacancies, Decimal(council.size // 8)),
            no_agency_headcount=min(int(vacancies), council.size // 8),
        )
        if year >= 2025:
            block = CouncilLevel(
                number_of_vacancies=block.number_of_vacancies,
                no_agency_fte=block.no_agency_fte,
                no_agency_headcount=block.no_agency_headcount,
                **dict.fromkeys(
                    (
                        "recruitment_bonus",
                        "retention_bonus",
                        "performance_award",
                        "car_allowance",
                        "relocation_package",
                        "regional_weighting",
                        "cost_swe",
                        "cost_dbs",
                    ),
                    "0",
                ),
            )
        return write_return(year, header, block, self.records(council, year))


def _record(spell: Spell, year: int) -> CensusWorker:
    if spell.agency:
        return CensusWorker(
            agency_worker="1",
            swe_no=spell.swe,
            fte=spell.fte,
            cases30=spell.cases.get(year),
            qual_inst=("University of Example",) if year <= 2024 else (),
        )
    leaver = spell.end is not None and spell.end <= reference_date(year)
    in_post = not leaver
    worker = CensusWorker(
        agency_worker="0",
        swe_no=spell.swe,
        fte=Decimal("0") if leaver else spell.fte,
        person_birth_date=spell.birth,
        ethnicity=spell.ethnicity,
        qual_level=spell.qual_level,
        step_up_grad="0",
        org_role=spell.org_role,
        role_start_date=spell.start,
        start_origin=spell.origin,
        role_end_date=spell.end if leaver else None,
        leaver_destination=spell.destination if leaver else None,
        reason_leave=spell.reason if leaver else None,
        fte30=spell.fte,
        cases30=spell.cases.get(year) if in_post else None,
        working_days_lost=spell.days_lost.get(year),
        contract_weeks=(Decimal("52.1"),) if in_post else (),
        frontline_grad="0",
    )
    if year <= 2023:
        worker.gender_current = "2" if spell.sex == "F" else "1"
    else:
        worker.sex = spell.sex
    if year <= 2024:
        worker.qual_inst = ("University of Example",)
    else:
        worker.base_salary = Decimal("36124.00") if in_post else None
        worker.rr_payments = Decimal("0.00") if in_post else None
    return worker


# --- 2. Our import -----------------------------------------------------------------------------


def write_files(generator: Generator, councils: list[Council], folder: Path) -> list[Path]:
    """One XML return per council and file year, named ``YEAR_csww_LEA.xml``; in import order."""
    paths = []
    for council in councils:
        for year in FILE_YEARS:
            path = folder / f"{year}_csww_{council.lea}.xml"
            path.write_bytes(generator.xml(council, year))
            paths.append(path)
    return paths


def setup_django(var_dir: Path) -> str:
    """A throwaway database: SQLite in ``var_dir``, or ``BENCH_DATABASE_URL`` if set."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["WORKFORCE_HEALTH_VAR_DIR"] = str(var_dir)
    os.environ.pop("DATABASE_URL", None)  # never the developer's own database
    if os.environ.get("BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)
    return connection.vendor


def create_organisations(councils: list[Council]) -> None:
    from workforce_health.core import services as core_services

    for council in councils:
        known = LOCAL_AUTHORITIES[council.lea]
        # Names are unique here but not in the DfE list (Dorset is both 835 and 838).
        core_services.organisation_create(
            name=f"{known.name} ({council.lea})",
            la_code=council.lea,
            region=known.region,
            ons_code=known.ons_code,
        )


def import_file(path: Path) -> int:
    from workforce_health.census.services import census_return_import

    result = census_return_import(source=path, user=None, file_name=path.name)
    if not result.ok:
        raise SystemExit(f"{path.name} was not imported: {result.errors[:3]}")
    return result.worker_count


def check_files(paths: list[Path]) -> tuple[int, float]:
    """Parse + validate only (``check_return``): records and seconds."""
    records, began = 0, time.perf_counter()
    for path in paths:
        result = check_return(path)
        if not result.ok:
            errors = [f for f in result.findings if f.is_error][:3]
            raise SystemExit(f"{path.name} is not a valid return: {errors}")
        records += result.worker_count
    return records, time.perf_counter() - began


@contextmanager
def journal_off() -> Iterator[None]:
    """The import's undo journal (census/import_cache.py) keeping nothing: what a valid file
    costs without it (a refused record could then not be undone)."""
    from workforce_health.census.import_cache import Journal

    shipped = Journal.touch, Journal.on_undo
    Journal.touch = lambda self, instance: None  # type: ignore[method-assign]
    Journal.on_undo = lambda self, step: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        Journal.touch, Journal.on_undo = shipped  # type: ignore[method-assign]


def journal_cost(paths: list[Path], repeats: int) -> dict[str, float]:
    """Importing ``paths`` (one council's years, in order) with the journal as shipped and off,
    in turns, each import rolled back: median seconds of each."""
    from django.db import transaction

    seconds: dict[str, list[float]] = {"as shipped": [], "journal off": []}
    for _ in range(repeats):
        for name, patch in (("as shipped", contextlib.nullcontext), ("journal off", journal_off)):
            with patch(), transaction.atomic():
                began = time.perf_counter()
                for path in paths:
                    import_file(path)
                seconds[name].append(time.perf_counter() - began)
                transaction.set_rollback(True)
    return {name: statistics.median(times) for name, times in seconds.items()}


def profile_import(paths: list[Path], top: int = 15) -> str:
    """cProfile of importing one council's second file (creates and updates), by own time."""
    import_file(paths[0])
    profiler = cProfile.Profile()
    profiler.enable()
    import_file(paths[1])
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# --- 3. liiatools ------------------------------------------------------------------------------


def run_liiatools(python: str, paths: list[Path], output: Path) -> dict[str, Any]:
    done = subprocess.run(  # noqa: S603 - the developer's own LIIATOOLS_PYTHON, our script
        [python, str(DRIVER), str(output), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- 4. Every measure for every council and year -----------------------------------------------


def measure_inputs(councils: list[Council]) -> dict[str, pl.DataFrame]:
    """The engine's input frames, built from the generator's spells (no XML, no database)."""
    spells: dict[str, list[Any]] = {
        k: []
        for k in (
            "spell_id",
            "organisation",
            "worker_key",
            "agency",
            "fte",
            "start_date",
            "end_date",
            "date_of_birth",
            "sex",
            "ethnicity",
            "census_role",
            "start_origin",
            "reason_leave",
            "leaver_destination",
        )
    }
    cases: dict[str, list[Any]] = {"spell_id": [], "date": [], "cases": []}
    absence: dict[str, list[Any]] = {"spell_id": [], "date": [], "working_days_lost": []}
    vacancies: dict[str, list[Any]] = {
        "organisation": [],
        "date": [],
        "vacancy_fte": [],
        "agency_cover_fte": [],
    }
    for council in councils:
        agency_year = {id(s): y for y, rs in council.returns.items() for s in rs if s.agency}
        for spell in council.spells:
            spell_id = f"{council.lea}-{spell.swe}"
            on = reference_date(agency_year[id(spell)]) if spell.agency else None
            row = (
                spell_id,
                council.lea,
                spell.swe,
                spell.agency,
                float(spell.fte),
                on or spell.start,
                on or spell.end,
                None if spell.agency else spell.birth,
                None if spell.agency else spell.sex,
                None if spell.agency else spell.ethnicity,
                None if spell.agency else spell.org_role,
                None if spell.agency else spell.origin,
                spell.reason,
                spell.destination,
            )
            for column, value in zip(spells, row, strict=True):
                spells[column].append(value)
            for year, count in spell.cases.items():
                cases["spell_id"].append(spell_id)
                cases["date"].append(reference_date(year))
                cases["cases"].append(count)
            for year, days in spell.days_lost.items():
                absence["spell_id"].append(spell_id)
                absence["date"].append(reference_date(year))
                absence["working_days_lost"].append(float(days))
        for year, fte in council.vacancies.items():
            vacancies["organisation"].append(council.lea)
            vacancies["date"].append(reference_date(year))
            vacancies["vacancy_fte"].append(float(fte))
            vacancies["agency_cover_fte"].append(None)
    return {
        "spells": pl.DataFrame(spells),
        "cases": pl.DataFrame(cases),
        "absence": pl.DataFrame(absence),
        "vacancies": pl.DataFrame(vacancies, schema_overrides={"agency_cover_fte": pl.Float64}),
    }


def all_measures(inputs: dict[str, pl.DataFrame], *, spells_only: bool = False) -> pl.DataFrame:
    """Every measure, every census year, grouped by council (``spells_only``: no vacancy,
    caseload or absence frames, so those measures are null)."""
    return pl.concat(
        [
            compute_measures(
                inputs["spells"],
                period=year,
                by=["organisation"],
                vacancies=None if spells_only else inputs["vacancies"],
                cases=None if spells_only else inputs["cases"],
                absence=None if spells_only else inputs["absence"],
            ).with_columns(census_year=pl.lit(year))
            for year in SIM_YEARS
        ]
    )


# --- Running it --------------------------------------------------------------------------------


def _rate(records: int, seconds: float) -> float:
    return records / seconds if seconds else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="all 152 councils (slow: hours)")
    parser.add_argument("--councils", type=int, default=SAMPLE_COUNCILS, help="sample size")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile section")
    parser.add_argument(
        "--journal",
        type=int,
        default=0,
        metavar="N",
        help="also import a council's files N times with the undo journal as shipped and off",
    )
    args = parser.parse_args()

    began = time.perf_counter()
    generator = Generator()
    national = sum(len(rs) for c in generator.councils for rs in c.returns.values())
    national_files = sum(len(c.returns[y]) for c in generator.councils for y in FILE_YEARS)
    print(
        f"Generated {len(generator.councils)} councils x {len(SIM_YEARS)} years: "
        f"{national:,} worker records ({national_files:,} in the 2021-2025 files) "
        f"in {time.perf_counter() - began:.1f} s (seed {SEED})"
    )
    rng = random.Random(SEED)
    if args.full:
        sample = generator.councils
    else:
        sample = sorted(rng.sample(generator.councils, args.councils), key=lambda c: c.lea)
    spare = next(c for c in generator.councils if c not in sample) if not args.full else None

    with tempfile.TemporaryDirectory(prefix="bench-census-") as tmp:
        folder = Path(tmp)
        (folder / "xml").mkdir()
        began = time.perf_counter()
        paths = write_files(generator, sample, folder / "xml")
        records = sum(len(c.returns[y]) for c in sample for y in FILE_YEARS)
        size = sum(p.stat().st_size for p in paths)
        print(
            f"Sample: {len(sample)} councils x {len(FILE_YEARS)} years = {len(paths)} files, "
            f"{records:,} records, {size / 1e6:.1f} MB, written in "
            f"{time.perf_counter() - began:.1f} s"
        )

        # Parse + validate only, then the database import, then liiatools: same files.
        checks = [check_files(paths) for _ in range(REPEATS)]
        check_rate = statistics.median(_rate(n, s) for n, s in checks)

        vendor = setup_django(folder / "var")
        create_organisations(sample + ([spare] if spare else []))
        per_year: dict[int, list[float]] = {y: [] for y in FILE_YEARS}
        imported = 0
        began = time.perf_counter()
        for path in paths:  # council by council, years in order, as a council would
            start = time.perf_counter()
            imported += import_file(path)
            per_year[int(path.name[:4])].append(time.perf_counter() - start)
        import_seconds = time.perf_counter() - began
        import_rate = _rate(imported, import_seconds)

        liia_python = os.environ.get("LIIATOOLS_PYTHON")
        liia: dict[str, Any] | None = None
        liia_note = ""
        if not liia_python:
            liia_note = "skipped: set LIIATOOLS_PYTHON (see docs/performance.md)"
        else:
            try:
                liia = run_liiatools(liia_python, paths, folder / "liiatools")
            except (OSError, RuntimeError, ValueError) as error:
                liia_note = f"failed: {error}"

        profile = ""
        journal: dict[str, float] = {}
        if spare is not None and (args.journal or not args.no_profile):
            spare_paths = write_files(generator, [spare], folder / "xml")
            if args.journal:
                journal = journal_cost(spare_paths, args.journal)
            if not args.no_profile:
                profile = profile_import(spare_paths)

    print()
    print(f"Load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"Import throughput ({len(paths)} files, {records:,} records; database: {vendor})")
    print(f"{'what':<42} {'records':>9} {'seconds':>9} {'records/s':>10}")
    check_s = statistics.median(s for _, s in checks)
    print(f"{'ours: parse + validate (check_return)':<42} {records:>9,} {check_s:>9.1f} "
          f"{check_rate:>10,.0f}")  # fmt: skip
    print(f"{'ours: import into the database':<42} {imported:>9,} {import_seconds:>9.1f} "
          f"{import_rate:>10,.0f}")  # fmt: skip
    liia_rate = None
    if liia is not None:
        liia_seconds = sum(liia["seconds"])
        liia_rate = _rate(liia["rows"], liia_seconds)
        print(f"{'liiatools: CSWW clean (cleanfile steps)':<42} {liia['rows']:>9,} "
              f"{liia_seconds:>9.1f} {liia_rate:>10,.0f}")  # fmt: skip
    else:
        print(f"liiatools: {liia_note}")
    for year, seconds in per_year.items():
        n = sum(len(c.returns[year]) for c in sample)
        median_ms = statistics.median(seconds) * 1000
        print(f"  import {year}: {_rate(n, sum(seconds)):,.0f} records/s, "
              f"median {median_ms:,.0f} ms a file")  # fmt: skip
    if liia_rate:
        for name, rate in (("import", import_rate), ("parse + validate", check_rate)):
            ratio = rate / liia_rate
            verdict = "meets" if ratio >= TARGET_RATIO else "misses"
            print(f"ratio ours ({name}) / liiatools: {ratio:.2f} ({verdict} the 5x target)")
    print(
        f"Extrapolated, national 2021-2025 files ({national_files:,} records): import "
        f"{national_files / import_rate / 60:,.0f} min; parse + validate "
        f"{national_files / check_rate:,.0f} s"
        + (f"; liiatools {national_files / liia_rate / 60:,.0f} min" if liia_rate else "")
    )
    print(
        f"Extrapolated, all {national:,} records (9 years): import "
        f"{national / import_rate / 60:,.0f} min"
        + (f"; liiatools {national / liia_rate / 60:,.0f} min" if liia_rate else "")
    )

    # Every measure for every council and year, at full national scale.
    began = time.perf_counter()
    inputs = measure_inputs(generator.councils)
    build = time.perf_counter() - began
    print()
    print(
        f"All measures, {len(generator.councils)} councils x {len(SIM_YEARS)} years "
        f"(national, from the generator's spells): {inputs['spells'].height:,} spells, "
        f"{inputs['cases'].height:,} caseload and {inputs['absence'].height:,} absence rows; "
        f"frames built in {build:.2f} s (not counted)"
    )
    print(f"{'inputs':<38} {'median s':>9} {'min s':>7} {'max s':>7} {'rows':>6}")
    for label, spells_only in (("spells, vacancies, caseloads, absence", False),
                               ("spells only", True)):  # fmt: skip
        times, result = [], None
        for _ in range(REPEATS):
            began = time.perf_counter()
            result = all_measures(inputs, spells_only=spells_only)
            times.append(time.perf_counter() - began)
        assert result is not None
        median = statistics.median(times)
        verdict = "meets" if median < TARGET_MEASURES_SECONDS else "misses"
        print(f"{label:<38} {median:>9.2f} {min(times):>7.2f} {max(times):>7.2f} "
              f"{result.height:>6}  {verdict} the 2 s target")  # fmt: skip
    if journal:
        print()
        base = journal["as shipped"]
        print(f"Undo journal: one council's {len(FILE_YEARS)} files imported in turns, rolled back")
        for name, took in journal.items():
            print(f"  {name:<12} {took:>7.2f} s  ratio {took / base:.2f}")
    if profile:
        print()
        print("Profile: importing one file (a council's 2022 return, after its 2021 return)")
        print(profile)
    sys.stdout.flush()


if __name__ == "__main__":
    main()

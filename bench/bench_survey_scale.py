"""Benchmark: the Health Check analysis at NHS Staff Survey scale (results: docs/performance.md).

Run with `make bench` (a sample: 4% of the organisations, 10 of 250, about 31,000 responses,
so that `make bench` stays short; loading is most of its time) or `make bench-nhs`
(`--scale 1`) for the whole NHS-sized data set (about 8 minutes, 7 of them loading; `--keep
DIR` keeps the database to analyse again without loading). Whole-set figures from a sample
are extrapolated and labelled so.

What the issue asked: an NHS-Staff-Survey-sized data set, 250 organisations and 775,000
responses to about 90 items, analysed from the database to results (every item, standard and
eNPS, one-dimension breakdowns with disclosure control for each of the five group columns, and
the change since last year for every item) in under 10 seconds end to end and under 2 seconds
for the analysis itself, on 2 cores.

1. **Generate** (seeded, deterministic): a 90-item questionnaire built from the packaged Social
   Work Health Check (its 44 items, with the same types, standards, themes and reverse items,
   plus 46 more agree items spread over its standards and themes); 250 organisations with
   services, teams (some very small), role groups, tenure bands and employment types; the
   invitees of each organisation (generalised as at opening, `groups.generalise`), and the
   answers of a random subset of them. **775,000 responses in the current wave (2025) in all
   organisations together**, and about 93% as many in the previous wave (2024), so that the
   database holds about 1.5 million responses.
2. **Load** through the product's services (`past_wave_create`, `invited_counts_record`,
   `responses_bulk_create`, which also writes each closed wave's stored answers: the path of
   an import) into a throwaway database: SQLite in a temporary directory, or, when
   `DATABASE_URL` is set (`eval "$(scripts/throwaway-postgres start)"`), a new test database
   on that server, dropped at the end. Reported, not in the target.
3. **Read** with the product's selectors: each organisation's previous wave
   (`results_previous_waves`), then the stored answers of all current and all previous waves
   (`results_answers_many`, one query each), each organisation's rows labelled with its code.
4. **Analyse** all organisations at once (each is its own wave: its own tables and its own
   disclosure control): `breakdown_many` of items and of standards by each of the five group
   columns, `item_results`, `standard_results`, `enps`, the previous waves' `item_results` and
   `wave_change` for every item of every organisation.
5. **Check** that, for the first organisations, every table equals exactly what that
   organisation's own results pages compute (`results_frames`, one breakdown at a time).

Timed: read and analysis for all organisations, median of 3 runs, at 10%, 50% and 100% of the
organisations in the same run (the ratio table), the analysis's CPU seconds beside its wall
clock, and the split of the analysis by step.

`--machinery` also times, in the same run on the same data and in turns, the analysis as shipped
against the analysis without each piece of machinery that is there for speed (every table through
the general disclosure solver instead of the closed forms of `_fast.py`; one core instead of the
threads of `breakdowns.breakdown_many`), with the ratios, and checks that every table is the
same (docs/performance.md, "What the machinery pays for").
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import cProfile
import datetime
import functools
import io
import os
import platform
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from workforce_health.surveys import analysis  # noqa: E402
from workforce_health.surveys import questionnaire as qn  # noqa: E402
from workforce_health.surveys.analysis.scoring import Measure  # noqa: E402

SEED = 20261124
ORGANISATIONS = 250
RESPONSES = 775_000  # the current wave, all organisations together
PREVIOUS_SHARE = (0.86, 1.0)  # each organisation's previous wave: this share of its current one
ITEMS = 90
SOURCE_QUESTIONNAIRE = "social-work-health-check.toml"
CODE = "nhs-scale-health-check"
YEARS = (2024, 2025)  # previous, current
DEFAULT_SCALE = 0.04  # `make bench`: 10 organisations
FRACTIONS = (0.1, 0.5, 1.0)
REPEATS = 3
TARGET_END_TO_END = 10.0
TARGET_ANALYSIS = 2.0
CHECKED = 3  # organisations whose batch results are compared with their own pages' results
DIMENSIONS = analysis.GROUP_COLUMNS  # service, team, role_group, tenure_band, employment_type

SERVICE_NAMES = (
    "Acute medicine",
    "Surgery",
    "Community services",
    "Mental health",
    "Women and children",
    "Diagnostics",
    "Estates and facilities",
    "Corporate services",
)
ROLE_GROUPS = (  # groups.RoleGroup labels, with NHS-like weights
    ("Social worker", 0.46),
    ("Senior or advanced practitioner", 0.18),
    ("Manager", 0.11),
    ("Other practitioner or support role", 0.25),
)
TENURE_BANDS = (  # groups.TenureBand labels
    ("Less than 1 year", 0.11),
    ("1 year to less than 2 years", 0.12),
    ("2 years to less than 5 years", 0.24),
    ("5 years or more", 0.53),
)
EMPLOYMENT_TYPES = (("Permanent", 0.86), ("Temporary (fixed term)", 0.09), ("Agency", 0.05))
COMMENTS = (
    "More time for direct work with patients would help.",
    "Supervision has been much more regular this year.",
    "Staffing on nights is still too thin in our team.",
    "The new rota has made a real difference.",
    "I would like more protected time for training.",
)
# Mean agree answer (1-5) by standard or theme, and the change from the previous year.
LEVELS = {"S1": 3.5, "S2": 3.0, "S3": 2.8, "S4": 3.1, "S5": 3.4, "S6": 3.3, "S7": 3.8}
LEVELS |= {"S8": 3.3, "workplace": 3.3, "engagement": 3.6, "equality": 3.7}
RISE = {"S3": 0.25, "S4": 0.2, "S5": 0.3, "S6": 0.3}


# --- 1. The generator (pure: no Django) --------------------------------------------------------


def questionnaire_definition(items: int = ITEMS) -> dict[str, Any]:
    """The packaged Social Work Health Check with extra agree items up to ``items`` in all.

    The extra items copy existing agree items round-robin (same section, so the same standard
    or theme, and the same reverse flag), with their own codes and wording.
    """
    definition = copy.deepcopy(qn.read_file(qn.BUILTIN_DIR / SOURCE_QUESTIONNAIRE))
    definition["questionnaire"].update(
        code=CODE, version=1, title="Health Check at NHS Staff Survey scale (synthetic)"
    )
    sources = [
        (section, item)
        for section in definition["sections"]
        for item in section["items"]
        if item["type"] == "agree"
    ]
    count = sum(len(section["items"]) for section in definition["sections"])
    round_ = 0
    while count < items:
        round_ += 1
        for section, item in sources:
            if count >= items:
                break
            extra = {k: v for k, v in item.items() if k not in ("headline", "hint")}
            extra["code"] = f"{item['code']}_x{round_}"
            extra["text"] = f"{item['text']} (variant {round_})"
            section["items"].append(extra)
            count += 1
    return definition


def _weighted(rng: random.Random, options: tuple[tuple[str, float], ...], k: int) -> list[str]:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options], k=k)


@dataclass
class OrganisationPlan:
    """One organisation: its structure, invitees and which of them answered in each wave."""

    index: int
    code: str  # 3-digit code (the Organisation model's la_code)
    name: str
    services: list[str]
    invitees: list[dict[str, str]] = field(default_factory=list)
    respondents: dict[int, list[int]] = field(default_factory=dict)  # year -> invitee indexes
    effect: float = 0.0  # the organisation's shift on every agree answer

    def responses(self, year: int = YEARS[1]) -> int:
        return len(self.respondents[year])


def plan(
    organisations: int = ORGANISATIONS, responses: int = RESPONSES, seed: int = SEED
) -> list[OrganisationPlan]:
    """Organisations with sizes drawn log-normally to total ``responses`` in the current wave.

    Each has 3-8 services and 2-25 teams a service, team sizes log-normal (so some teams have a
    handful of staff), and invitees at a response rate of 40-70%.
    """
    rng = random.Random(seed)
    weights = [rng.lognormvariate(0, 0.6) for _ in range(organisations)]
    sizes = [max(20, round(w * responses / sum(weights))) for w in weights]
    sizes[sizes.index(max(sizes))] += responses - sum(sizes)  # exactly `responses`
    plans = []
    for index, size in enumerate(sizes):
        org_rng = random.Random(seed * 1000 + index)
        invited = round(size / org_rng.uniform(0.4, 0.7))
        n_services = min(len(SERVICE_NAMES), 3 + size // 1500 + org_rng.randrange(2))
        services = org_rng.sample(SERVICE_NAMES, n_services)
        service_weights = [org_rng.lognormvariate(0, 0.5) for _ in services]
        teams: dict[str, tuple[list[str], list[float]]] = {}
        for service, weight in zip(services, service_weights, strict=True):
            staff = invited * weight / sum(service_weights)
            n_teams = max(2, min(25, round(staff / org_rng.uniform(40, 120))))
            teams[service] = (
                [f"{service} team {t + 1}" for t in range(n_teams)],
                [org_rng.lognormvariate(0, 1.0) for _ in range(n_teams)],
            )
        chosen_services = org_rng.choices(services, weights=service_weights, k=invited)
        roles = _weighted(org_rng, ROLE_GROUPS, invited)
        tenures = _weighted(org_rng, TENURE_BANDS, invited)
        employments = _weighted(org_rng, EMPLOYMENT_TYPES, invited)
        invitees = []
        for i, service in enumerate(chosen_services):
            names, team_weights = teams[service]
            invitees.append(
                {
                    "service": service,
                    "team": org_rng.choices(names, weights=team_weights)[0],
                    "role_group": roles[i],
                    "tenure_band": tenures[i],
                    "employment_type": employments[i],
                }
            )
        previous = min(invited, round(size * org_rng.uniform(*PREVIOUS_SHARE)))
        plans.append(
            OrganisationPlan(
                index=index,
                code=f"{100 + index:03d}",
                name=f"Synthetic NHS organisation {index + 1:03d}",
                services=services,
                invitees=invitees,
                respondents={
                    YEARS[0]: sorted(org_rng.sample(range(invited), previous)),
                    YEARS[1]: sorted(org_rng.sample(range(invited), size)),
                },
                effect=org_rng.uniform(-0.3, 0.3),
            )
        )
    return plans


def _uniform(row: pl.Expr, seed: int) -> pl.Expr:
    """A deterministic pseudo-random number in [0, 1) per row."""
    return (row.hash(seed) % 1_000_003).cast(pl.Float64) / 1_000_003


def _normal(row: pl.Expr, seed: int) -> pl.Expr:
    """About standard normal: the sum of three uniforms, centred and scaled."""
    return (_uniform(row, seed) + _uniform(row, seed + 1) + _uniform(row, seed + 2) - 1.5) * 2.0


def answers_frame(
    org: OrganisationPlan, year: int, snapshots: list[dict[str, str]], parsed: qn.Questionnaire
) -> pl.DataFrame:
    """Each respondent's answers in the stored form, one row each: a column per item code,
    holding the text (null when skipped).

    Agree answers centre on the item's standard or theme, plus the organisation's, the team's
    and the person's effects; about 2% of items are skipped and 4% answered "don't know".
    """
    base = SEED + org.index * 7919 + year * 104729
    row = pl.int_range(0, pl.len(), dtype=pl.UInt64)
    team = pl.col("team").hash(SEED) % 1000 / 1000 * 0.8 - 0.4  # kept from year to year
    person = _normal(row, base) * 0.6 + team + org.effect
    current = year == YEARS[1]
    contracted = pl.when(_uniform(row, base + 5) < 0.85).then(37.0).otherwise(22.5)
    exprs: list[pl.Expr] = []
    for j, item in enumerate(parsed.items()):
        seed = base + 11 * (j + 1)
        u = _uniform(row, seed)
        key = item.standard or item.theme or ""
        if item.type == qn.AGREE:
            level = LEVELS.get(key, 3.4) + (RISE.get(key, 0.0) if current else 0.0)
            shift = -person if item.reverse else person
            value = (
                (level + shift + _normal(row, seed + 3) * 0.9)
                .round()
                .clip(1, 5)
                .cast(pl.Int64)
                .cast(pl.String)
            )
            expr = pl.when(u < 0.02).then(None).when(u < 0.06).then(pl.lit("dont_know"))
            exprs.append(expr.otherwise(value).alias(item.code))
        elif item.type == qn.SCALE_0_10:
            value = (7.2 + 2 * person + _normal(row, seed + 3) * 1.5).round().clip(0, 10)
            exprs.append(
                pl.when(u < 0.02).then(None).otherwise(value.cast(pl.Int64).cast(pl.String))
            )
        elif item.type == qn.NUMBER:
            noise = _normal(row, seed + 3)
            number = {
                "contracted_hours": contracted,
                "actual_hours": contracted + ((5.0 + noise * 3.0) * 2).round() / 2,
                "current_caseload": (18 + noise * 4).round().clip(0, None),
                "new_cases_next_month": (4 + noise * 2).round().clip(0, None),
            }[item.code]
            exprs.append(pl.when(u < 0.02).then(None).otherwise(number.cast(pl.String)))
        elif item.type == qn.CHOICE:
            options = [o.value for o in item.options]
            pick = (u * len(options)).floor().cast(pl.Int64)
            value = pl.lit(pl.Series(options)).gather(pick)
            exprs.append(pl.when(u < 0.02).then(None).otherwise(value))
        else:  # text: about one in five comment
            pick = (_uniform(row, seed + 3) * len(COMMENTS)).floor().cast(pl.Int64)
            value = pl.lit(pl.Series(COMMENTS)).gather(pick)
            exprs.append(pl.when(u < 0.2).then(value))
        exprs[-1] = exprs[-1].alias(item.code)
    return pl.DataFrame(snapshots).select(exprs)


def answers(
    org: OrganisationPlan, year: int, snapshots: list[dict[str, str]], parsed: qn.Questionnaire
) -> list[dict[str, str]]:
    """Each respondent's answers in the stored form (item code -> text; skipped items absent)."""
    frame = answers_frame(org, year, snapshots, parsed)
    return [{k: v for k, v in row.items() if v is not None} for row in frame.iter_rows(named=True)]


# --- 2. Loading through the product's services -------------------------------------------------


def setup_django(var_dir: Path) -> tuple[str, str | None]:
    """A throwaway database: SQLite in ``var_dir``, or a new test database on ``DATABASE_URL``'s
    server (created here, migrated, and dropped by ``teardown_django``)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["WORKFORCE_HEALTH_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    if connection.vendor == "sqlite":
        call_command("migrate", verbosity=0)
        return connection.vendor, None
    # Never the developer's own database: a test_<name> database, dropped at the end.
    old_name = str(connection.settings_dict["NAME"])
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    return connection.vendor, old_name


def load(plans: list[OrganisationPlan], definition: dict[str, Any]) -> tuple[float, float]:
    """Every organisation, its services and two closed waves with invited counts and responses,
    through the results services. Returns (seconds generating answers, seconds writing)."""
    from django.db import transaction

    from workforce_health.core import services as core_services
    from workforce_health.core.models import Service
    from workforce_health.surveys import groups
    from workforce_health.surveys.models import Questionnaire
    from workforce_health.surveys.services import past_waves

    parsed = qn.parse(definition, source="benchmark")
    # As questionnaire_builtins_sync adds a packaged file (organisation None, usable by all).
    questionnaire = Questionnaire(
        code=parsed.code, version=parsed.version, title=parsed.title, definition=definition
    )
    questionnaire.full_clean()
    questionnaire.save()
    generating = writing = 0.0
    for org in plans:
        began = time.perf_counter()
        invitees = groups.generalise(org.invitees)  # as the collection side does at opening
        rows = {
            year: [invitees[i] for i in org.respondents[year]] for year in YEARS
        }  # fmt: skip
        stored = {year: answers(org, year, rows[year], parsed) for year in YEARS}
        middle = time.perf_counter()
        generating += middle - began
        with transaction.atomic():
            organisation = core_services.organisation_create(name=org.name, la_code=org.code)
            kinds = [Service.Kind.OTHER] * len(org.services)
            org_services = [
                core_services.service_create(organisation=organisation, name=name, kind=kind)
                for name, kind in zip(org.services, kinds, strict=True)
            ]
            counts = past_waves.invited_counts_from(invitees)
            for year in YEARS:
                opens_on = datetime.date(year, 9, 15)
                wave = past_waves.past_wave_create(
                    organisation=organisation,
                    questionnaire=questionnaire,
                    title=f"Staff Health Check {year}",
                    slug=f"health-check-{year}",
                    services=org_services,
                    staff_groups=list(groups.RoleGroup.values),
                    opens_on=opens_on,
                    closes_on=opens_on + datetime.timedelta(days=60),
                )
                past_waves.invited_counts_record(wave=wave, counts=counts)
                past_waves.responses_bulk_create(
                    wave=wave,
                    rows=list(zip(rows[year], stored[year], strict=True)),
                    generalise=False,
                )
        writing += time.perf_counter() - middle
    return generating, writing


def loaded(plans: list[OrganisationPlan]) -> bool:
    """Whether the database already holds exactly these organisations' waves and responses."""
    from workforce_health.surveys.models import Response

    expected = sum(len(r) for p in plans for r in p.respondents.values())
    return Response.objects.count() == expected and len(current_waves()) == len(plans)


# --- 3. Reading and analysing ------------------------------------------------------------------


Step = Callable[[], object]


@dataclass
class Timings:
    read: float = 0.0
    analysis: float = 0.0
    analysis_cpu: float = 0.0  # CPU seconds of this process (all its threads) in the analysis
    steps: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return self.read + self.analysis


def current_waves(organisations: int | None = None) -> list[Any]:
    """The current (2025) wave of the first ``organisations`` organisations, by code."""
    from workforce_health.surveys.models import Wave

    waves = list(
        Wave.objects.filter(opens_on__year=YEARS[1])
        .select_related("questionnaire", "organisation")
        .order_by("organisation__la_code")
    )
    return waves if organisations is None else waves[:organisations]


@dataclass(frozen=True)
class Read:
    """Every organisation's current and previous wave, each in one `Answers` with the
    organisation's code as its `wave` label (so the change compares an organisation with
    itself), and the waves' items and disclosure settings."""

    current: Any
    previous: Any
    items: pl.DataFrame
    settings: analysis.DisclosureSettings


def read(waves: list[Any]) -> Read:
    """The product's selectors: each wave's previous wave, then the stored answers of all of
    them (`results_answers_many`: one query for the stored forms)."""
    from workforce_health.results import selectors as frames

    previous = [w for w in frames.results_previous_waves(waves=waves) if w is not None]
    if len(previous) != len(waves):
        raise SystemExit("Every organisation's current wave needs a previous wave")
    labels = [wave.organisation.la_code for wave in waves]
    settings = {w.disclosure_settings() for w in waves}
    if len(settings) != 1:
        raise SystemExit("The benchmark's waves share one set of disclosure settings")
    current = frames.results_answers_many(waves=waves, labels=labels)
    return Read(
        current,
        frames.results_answers_many(waves=previous, labels=labels),
        current.items,
        settings.pop(),
    )


def analyse(data: Read, steps: dict[str, float] | None = None) -> dict[str, Any]:
    """Every published figure of every organisation's wave, and its change since the previous:
    all items, standards and eNPS, the breakdowns of items and of standards by each group
    column (disclosure control included), and the change of every item."""
    items, settings = data.items, data.settings
    out: dict[str, Any] = {}

    def timed(name: str, step: Step) -> Any:
        began = time.perf_counter()
        result = step()
        if steps is not None:
            steps[name] = steps.get(name, 0.0) + time.perf_counter() - began
        return result

    by = [(dim,) for dim in DIMENSIONS]
    measures: tuple[Measure, ...] = ("items", "standards")
    tables = iter(
        timed(
            "breakdowns of items and standards",
            lambda: analysis.breakdown_many(
                data.current, items, by=by, measure=measures, settings=settings
            ),
        )
    )
    out |= {f"{measure} by {dim}": next(tables) for measure in measures for (dim,) in by}
    out["items"] = timed("item_results", lambda: analysis.item_results(data.current, items))
    out["standards"] = timed(
        "standard_results", lambda: analysis.standard_results(data.current, items)
    )
    out["enps"] = timed("enps", lambda: analysis.enps(data.current, items))
    before = timed(
        "item_results (previous wave)", lambda: analysis.item_results(data.previous, items)
    )
    out["change"] = timed(
        "wave_change",
        lambda: analysis.wave_change(
            out["items"],
            before,
            on=(analysis.WAVE, "item_code"),
            min_group_size=settings.min_group_size,
        ),
    )
    return out


def run(waves: list[Any], steps: dict[str, float] | None = None) -> tuple[Timings, dict[str, Any]]:
    """Read and analyse the waves once."""
    timings = Timings(steps=steps if steps is not None else {})
    began = time.perf_counter()
    data = read(waves)
    middle, cpu = time.perf_counter(), time.process_time()
    out = analyse(data, timings.steps)
    timings.read, timings.analysis = middle - began, time.perf_counter() - middle
    timings.analysis_cpu = time.process_time() - cpu
    return timings, out


def one_wave(wave: Any) -> dict[str, Any]:
    """The same figures for one organisation, as its results pages compute them: its own
    frames (`results_frames`), one breakdown at a time."""
    from workforce_health.results import selectors as frames

    current = frames.results_frames(wave=wave)
    before_wave = frames.results_previous_wave_get(wave=wave)
    assert before_wave is not None
    previous = frames.results_frames(wave=before_wave)
    items, settings = current.items, current.settings
    out: dict[str, Any] = {}
    for measure in ("items", "standards"):
        for dim in DIMENSIONS:
            out[f"{measure} by {dim}"] = analysis.breakdown(
                current.answers, items, by=(dim,), measure=measure, settings=settings
            )
    out["items"] = analysis.item_results(current.answers, items)
    out["standards"] = analysis.standard_results(current.answers, items)
    out["enps"] = analysis.enps(current.answers, items)
    before = analysis.item_results(previous.answers, items)
    out["change"] = analysis.wave_change(
        out["items"], before, min_group_size=settings.min_group_size
    )
    return out


def check_against_pages(waves: list[Any], together: dict[str, Any]) -> int:
    """Compare, for ``waves``, what the batch computed with what each wave's own pages compute.
    Returns how many tables were compared; raises if any differs (exactly)."""
    compared = 0
    for wave in waves:
        alone = one_wave(wave)
        label = wave.organisation.la_code
        for name, table in alone.items():
            mine = together[name].filter(pl.col(analysis.WAVE) == label).drop(analysis.WAVE)
            if not mine.equals(table):
                raise SystemExit(f"{name} of {wave.organisation} differs from its own pages")
            compared += 1
    return compared


@contextmanager
def solver_only() -> Iterator[None]:
    """Every table's disclosure decided by the general solver (no closed forms, `_fast.py`)."""
    from workforce_health.surveys.analysis import breakdowns, suppression

    shipped = breakdowns.decide
    breakdowns.decide = functools.partial(suppression.decide, closed_form=False)
    try:
        yield
    finally:
        breakdowns.decide = shipped


@contextmanager
def one_core() -> Iterator[None]:
    """The engine's own threads off: `breakdown_many` sees a single core (polars and numpy keep
    theirs)."""
    shipped = pl.thread_pool_size
    pl.thread_pool_size = lambda: 1
    try:
        yield
    finally:
        pl.thread_pool_size = shipped


VARIANTS: dict[str, tuple[Callable[[], contextlib.AbstractContextManager[None]], ...]] = {
    "as shipped": (),
    "no closed forms (solver only)": (solver_only,),
    "no engine threads (one core)": (one_core,),
}


def machinery(
    waves: list[Any], repeats: int, shipped: dict[str, Any], skip: tuple[str, ...] = ()
) -> None:
    """The analysis as shipped and without each piece of machinery, in turns (so that a change
    in the machine's load touches all alike), median of `repeats`, and the ratio to shipped.
    `skip`: variants left out (the solver alone takes minutes at full scale). Each run reads
    the waves afresh (not timed), as the answers keep the counts of an analysis for the next."""
    variants = {name: patches for name, patches in VARIANTS.items() if name not in skip}
    seconds: dict[str, list[float]] = {name: [] for name in variants}
    cpu: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(repeats):
        for name, patches in variants.items():
            data = read(waves)
            with ExitStack() as stack:
                for patch in patches:
                    stack.enter_context(patch())
                began, used = time.perf_counter(), time.process_time()
                out = analyse(data)
                seconds[name].append(time.perf_counter() - began)
                cpu[name].append(time.process_time() - used)
            for table, frame in out.items():
                if not frame.equals(shipped[table]):
                    raise SystemExit(f"{name}: {table} differs from the shipped engine's")
    base = statistics.median(seconds["as shipped"])
    print(f"Machinery: the analysis of {len(waves)} organisations, median of {repeats}, in turns")
    print(f"  {'variant':<32} {'analysis s':>11} {'CPU s':>7} {'ratio':>6}")
    for name in variants:
        median = statistics.median(seconds[name])
        print(
            f"  {name:<32} {median:>11.2f} {statistics.median(cpu[name]):>7.2f} "
            f"{median / base:>6.2f}"
        )
    print("  Every table of every variant equals the shipped engine's.")


def profile(waves: list[Any], top: int = 25) -> str:
    """cProfile of reading and analysing ``waves``, by own time and by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    run(waves)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# --- Running it --------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f"{mem_kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        memory = "unknown memory"
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{cpu}, {os.cpu_count()} cores ({affinity} usable by this process, polars "
        f"{pl.thread_pool_size()} threads), {memory}, Python {platform.python_version()}, "
        f"polars {pl.__version__}"
    )


@contextmanager
def database(var_dir: Path) -> Iterator[str]:
    """The throwaway database for the block (``setup_django``), dropped after it if not SQLite."""
    vendor, old_name = setup_django(var_dir)
    try:
        yield vendor
    finally:
        if old_name is not None:
            from django.db import connection

            connection.creation.destroy_test_db(old_name, verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale",
        type=float,
        default=DEFAULT_SCALE,
        help="share of the 250 organisations and 775,000 responses (1: all; 0.01: 2)",
    )
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep the SQLite database in DIR and, when DIR already holds this scale's data, "
        "read and analyse it without loading again",
    )
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also cProfile reading and analysing N organisations")  # fmt: skip
    parser.add_argument(
        "--machinery",
        type=float,
        nargs="?",
        const=1.0,
        default=None,
        metavar="SHARE",
        help="also time the analysis without the closed forms and without the engine's threads "
        "(of this share of the organisations; default all)",
    )
    parser.add_argument(
        "--machinery-only", action="store_true", help="only the --machinery comparison"
    )
    parser.add_argument(
        "--no-solver", action="store_true", help="--machinery without the solver-only variant"
    )
    args = parser.parse_args()

    organisations = max(1, round(ORGANISATIONS * args.scale))
    responses = round(RESPONSES * args.scale)
    print(f"Machine: {machine()}; load average {os.getloadavg()[0]:.1f}")
    began = time.perf_counter()
    definition = questionnaire_definition()
    plans = plan(organisations, responses)
    parsed = qn.parse(definition, source="benchmark")
    kinds: dict[str, int] = {}
    for item in parsed.items():
        kinds[item.type] = kinds.get(item.type, 0) + 1
    total = {year: sum(len(p.respondents[year]) for p in plans) for year in YEARS}
    invited = sum(len(p.invitees) for p in plans)
    print(
        f"Planned {len(plans)} organisations, {invited:,} invited; responses {YEARS[1]} "
        f"(current wave) {total[YEARS[1]]:,}, {YEARS[0]} (previous wave) {total[YEARS[0]]:,}; "
        f"{len(list(parsed.items()))} items ({', '.join(f'{n} {k}' for k, n in kinds.items())}) "
        f"in {time.perf_counter() - began:.1f} s (seed {SEED})"
    )
    with contextlib.ExitStack() as stack:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            os.environ.pop("DATABASE_URL", None)  # a kept database is SQLite, in DIR
        where = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        vendor = stack.enter_context(database(where))
        if args.keep and loaded(plans):
            print(f"Reusing the data loaded in {args.keep}")
        elif args.keep and current_waves():
            raise SystemExit(f"{args.keep} holds another scale's data: give an empty directory")
        else:
            began = time.perf_counter()
            generating, writing = load(plans, definition)
            print(
                f"Loaded into {vendor} in {time.perf_counter() - began:.1f} s: generating "
                f"answers {generating:.1f} s, writing through the services {writing:.1f} s "
                f"({(total[YEARS[0]] + total[YEARS[1]]) / writing:,.0f} responses/s)"
            )
        waves = current_waves()
        run(waves[:1])  # warm up imports and caches, not counted
        if args.machinery_only:
            chosen = waves[: max(1, round(len(waves) * (args.machinery or 1.0)))]
            skip = ("no closed forms (solver only)",) if args.no_solver else ()
            machinery(chosen, args.repeats, run(chosen)[1], skip)
            return
        _, together = run(waves)
        checked = waves[:CHECKED]
        compared = check_against_pages(checked, together)
        print(
            f"Checked: the {compared} tables of {len(checked)} organisations equal, exactly, "
            "what each organisation's own results pages compute (one wave, one breakdown at a "
            "time)"
        )
        print()
        print(f"Read and analysis, median of {args.repeats} runs (database: {vendor})")
        header = (
            f"{'orgs':>5} {'responses':>10} {'read s':>8} {'analysis s':>11} {'total s':>8} "
            f"{'s/100k read':>12} {'s/100k analysis':>16} {'s/100k total':>13} {'ratio':>6}"
        )
        print(header)
        base = None
        full: list[Timings] = []
        for fraction in FRACTIONS:
            subset = waves[: max(1, round(len(waves) * fraction))]
            n = sum(len(p.respondents[YEARS[1]]) for p in plans[: len(subset)])
            runs = [run(subset)[0] for _ in range(args.repeats)]
            read_s = statistics.median(r.read for r in runs)
            analysis_s = statistics.median(r.analysis for r in runs)
            total_s = statistics.median(r.total for r in runs)
            per = 100_000 / n
            base = base or total_s * per
            print(
                f"{len(subset):>5} {n:>10,} {read_s:>8.2f} {analysis_s:>11.2f} {total_s:>8.2f} "
                f"{read_s * per:>12.3f} {analysis_s * per:>16.3f} {total_s * per:>13.3f} "
                f"{total_s * per / base:>6.2f}"
            )
            if fraction == FRACTIONS[-1]:
                full = runs
        totals = sorted(r.total for r in full)
        middle = full[[r.total for r in full].index(statistics.median(totals))]
        analysis_s = statistics.median(r.analysis for r in full)
        end_to_end = statistics.median(r.total for r in full)
        print()
        print(
            f"All {len(waves)} organisations, {total[YEARS[1]]:,} responses: read "
            f"{statistics.median(r.read for r in full):.2f} s, analysis {analysis_s:.2f} s "
            f"(CPU {statistics.median(r.analysis_cpu for r in full):.2f} s) "
            f"({'meets' if analysis_s < TARGET_ANALYSIS else 'misses'} the 2 s target), "
            f"end to end {end_to_end:.2f} s "
            f"({'meets' if end_to_end < TARGET_END_TO_END else 'misses'} the 10 s target)"
        )
        if total[YEARS[1]] < RESPONSES:
            per = RESPONSES / total[YEARS[1]]
            print(
                f"Extrapolated to {ORGANISATIONS} organisations and {RESPONSES:,} responses "
                f"(linear in responses): read {statistics.median(r.read for r in full) * per:.0f} "
                f"s, analysis {analysis_s * per:.0f} s, end to end {end_to_end * per:.0f} s"
            )
        print("Analysis by step (the median run):")
        for name, seconds in sorted(middle.steps.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<40} {seconds:>7.2f} s")
        if args.machinery is not None:
            print()
            chosen = waves[: max(1, round(len(waves) * args.machinery))]
            skip = ("no closed forms (solver only)",) if args.no_solver else ()
            machinery(chosen, args.repeats, run(chosen)[1], skip)
        if args.profile:
            print()
            print(f"Profile: reading and analysing {args.profile} organisations")
            print(profile(waves[: args.profile]))
    print(f"Load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""The NHS-scale survey benchmark's code works, at a tiny scale (no timings are asserted)."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import polars as pl
import pytest

from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.models import Response, StoredAnswers, Wave

pytestmark = pytest.mark.django_db
SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "bench_survey_scale.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_survey_scale", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_questionnaire_has_90_items_of_the_packaged_mix(bench):
    parsed = qn.parse(bench.questionnaire_definition(), source="test")
    kinds = [item.type for item in parsed.items()]
    assert len(kinds) == 90
    assert {"agree", "number", "choice", "scale_0_10", "text"} == set(kinds)
    assert any(item.reverse for item in parsed.items())


def test_plan_is_deterministic_and_totals_the_responses(bench):
    one, two = bench.plan(3, 900), bench.plan(3, 900)
    assert [p.respondents for p in one] == [p.respondents for p in two]
    assert sum(p.responses() for p in one) == 900


def test_load_read_and_analyse_a_tiny_data_set(bench):
    plans = bench.plan(2, 240)
    bench.load(plans, bench.questionnaire_definition())
    assert Wave.objects.count() == 4
    assert Response.objects.count() == sum(len(r) for p in plans for r in p.respondents.values())
    assert StoredAnswers.objects.count() == 4  # every imported wave's answers are stored

    waves = bench.current_waves()
    assert len(waves) == 2
    data = bench.read(waves)
    assert data.current.height == sum(p.responses() for p in plans)
    steps: dict[str, float] = {}
    out = bench.analyse(data, steps)
    agree = data.items.filter(pl.col("type") == "agree").height
    assert out["items"].height == 2 * agree  # every item of each organisation
    assert out["change"].height == 2 * agree
    assert out["items by team"]["suppressed"].any()  # small teams give suppression work
    assert {"wave_change", "breakdowns of items and standards"} <= set(steps)
    assert bench.check_against_pages(waves, out) == len(waves) * len(bench.one_wave(waves[0]))

    timings, _ = bench.run(waves[1:])
    assert timings.total == timings.read + timings.analysis
    assert timings.steps["wave_change"] >= 0


def test_the_check_finds_a_table_that_differs(bench):
    plans = bench.plan(2, 240)
    bench.load(plans, bench.questionnaire_definition())
    waves = bench.current_waves()
    _, out = bench.run(waves)
    out["items"] = out["items"].with_columns(pl.col("n") + 1)
    with pytest.raises(SystemExit, match="differs from its own pages"):
        bench.check_against_pages(waves[:1], out)


def test_the_machinery_variants_give_the_shipped_tables(bench, capsys):
    """Without the closed forms or the engine's threads, every table is the same (the benchmark
    stops otherwise); each variant is restored afterwards."""
    from workforce_health.surveys.analysis import breakdowns, suppression

    plans = bench.plan(2, 240)
    bench.load(plans, bench.questionnaire_definition())
    waves = bench.current_waves()
    _, shipped = bench.run(waves)
    bench.machinery(waves, 1, shipped)
    out = capsys.readouterr().out
    assert all(name in out for name in bench.VARIANTS)
    assert "equals the shipped engine's" in out
    assert breakdowns.decide is suppression.decide  # restored
    assert pl.thread_pool_size() > 0
    shipped["items"] = shipped["items"].with_columns(pl.col("n") + 1)
    with pytest.raises(SystemExit, match="differs from the shipped engine's"):
        bench.machinery(waves, 1, shipped)

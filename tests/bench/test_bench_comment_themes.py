"""The comment themes benchmark's code works, on a few comments (no timings are asserted)."""

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "bench_comment_themes.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_comment_themes", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_comments_are_distinct_and_the_same_each_run(bench):
    comments = bench.corpus(40)
    assert len(set(comments)) == 40 and comments == bench.corpus(40)


def test_tagging_is_timed_with_the_current_tagger(bench):
    load, wall, cpu = bench.timed(bench.current, None, bench.corpus(20))
    assert load > 0 and wall > 0 and cpu >= 0


def test_a_git_revisions_tagger_can_be_loaded(bench, tmp_path):
    root = SCRIPT.parents[1]
    inside = shutil.which("git") and subprocess.run(
        ["git", "rev-parse", "HEAD"],  # noqa: S607
        cwd=root,
        capture_output=True,
        check=False,
    )
    if not inside or inside.returncode:
        pytest.skip("not a git checkout")
    module, dictionary = bench.tagger_at("HEAD", tmp_path)
    assert module.themes("Caseloads are too high", module.load_dictionary(dictionary))
    sys.modules.pop("themes_at", None)

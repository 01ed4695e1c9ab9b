"""Benchmark: tagging a wave's comments with themes (comments per second).

Run with `make bench` (or `python bench/bench_comment_themes.py [--comments N] [--baseline REV]`).
The comments are distinct texts made from the labelled test comments
(tests/surveys/comments/labelled_comments.csv): each joins two of them, drawn with a fixed seed,
so no two are the same and no cache of whole comments helps. Each run loads the packaged
dictionary afresh (so the tagger's per-word caches start empty) and tags every comment; the
median of 3 runs. `--baseline REV` also times the tagger and dictionary of git revision REV in
the same run, for a ratio that the machine's load does not skew.
"""

import argparse
import csv
import importlib
import importlib.util
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

current = importlib.import_module("workforce_health.surveys.comments.themes")
LABELLED = ROOT / "tests" / "surveys" / "comments" / "labelled_comments.csv"
THEMES = "workforce_health/surveys/comments/themes.py"
PACKAGED = "workforce_health/surveys/comments/comment_themes.toml"
REPEATS = 3
SEED = 20261214


def corpus(size: int) -> list[str]:
    with LABELLED.open(encoding="utf-8", newline="") as file:
        labelled = [row["comment"] for row in csv.DictReader(file)]
    rng = random.Random(SEED)
    made: set[str] = set()
    while len(made) < size:
        made.add(f"{rng.choice(labelled)} {rng.choice(labelled)}")
    return sorted(made)


def tagger_at(revision: str, folder: Path) -> tuple[ModuleType, Path]:
    """The themes module and packaged dictionary of a git revision, loaded from files."""
    for name, path in (("themes_at.py", THEMES), ("themes_at.toml", PACKAGED)):
        text = subprocess.run(  # noqa: S603 - a revision the developer names
            ["git", "show", f"{revision}:{path}"],  # noqa: S607 - a developer's git
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (folder / name).write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("themes_at", folder / "themes_at.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["themes_at"] = module
    spec.loader.exec_module(module)
    return module, folder / "themes_at.toml"


def timed(module: Any, dictionary_path: Path | None, comments: list[str]) -> list[float]:
    """Median seconds to load the dictionary, and to tag every comment with it (wall clock and
    this process's CPU: the shared machine's load inflates the wall clock)."""
    runs = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        dictionary = module.load_dictionary(dictionary_path)
        loaded, cpu = time.perf_counter(), time.process_time()
        tag: Callable[[str, Any], list[str]] = module.themes
        for comment in comments:
            tag(comment, dictionary)
        runs.append((loaded - start, time.perf_counter() - loaded, time.process_time() - cpu))
    return [statistics.median(column) for column in zip(*runs, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--comments", type=int, default=2_000)
    parser.add_argument("--baseline", help="a git revision to compare with, e.g. f8c0e48")
    args = parser.parse_args()
    comments = corpus(args.comments)
    words = sum(len(c.split()) for c in comments)
    print(f"{len(comments):,} distinct comments, {words / len(comments):.1f} words each")
    taggers: list[tuple[str, Any, Path | None]] = [("this tree", current, None)]
    with tempfile.TemporaryDirectory() as folder:
        if args.baseline:
            taggers.insert(0, (args.baseline, *tagger_at(args.baseline, Path(folder))))
        print("| Tagger | Load dictionary ms | Tag s | Tag CPU s | Comments per CPU second |")
        print("|---|---:|---:|---:|---:|")
        for name, module, dictionary_path in taggers:
            load, wall, cpu = timed(module, dictionary_path, comments)
            print(
                f"| {name} | {load * 1000:.1f} | {wall:.3f} | {cpu:.3f} "
                f"| {len(comments) / cpu:,.0f} |"
            )


if __name__ == "__main__":
    main()

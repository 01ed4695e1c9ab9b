"""Write requirements/base.txt and dev.txt from what is installed in the virtual environment.

Runtime pins are the closure of pyproject.toml's dependencies; everything else installed is dev,
except what requirements/bench.txt pins for the load test (kept there by hand).
Run through `make lock` after installing a new or upgraded package into .venv.
"""

import importlib.metadata as metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
HEADER = (
    "# Pinned, reproducible dependencies. "
    "Regenerate with `make lock` after changing pyproject.toml.\n"
)


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(roots: list[Requirement]) -> set[str]:
    seen: set[str] = set()
    stack = [(root.name, set(root.extras)) for root in roots]
    while stack:
        name, extras = stack.pop()
        seen.add(normalise(name))
        try:
            requires = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            continue
        for text in requires:
            requirement = Requirement(text)
            markers = [{"extra": extra} for extra in extras] or [{"extra": ""}]
            if requirement.marker and not any(requirement.marker.evaluate(m) for m in markers):
                continue
            if normalise(requirement.name) not in seen:
                stack.append((requirement.name, set(requirement.extras)))
    return seen


def bench_only(runtime: set[str]) -> set[str]:
    """Packages pinned in requirements/bench.txt (the load test's tools, `make bench-load`):
    kept out of dev.txt so that `make test` does not install them."""
    path = ROOT / "requirements/bench.txt"
    if not path.exists():
        return set()
    names = {
        normalise(line.split("==")[0])
        for line in path.read_text().splitlines()
        if "==" in line and not line.startswith("#")
    }
    return names - runtime


def main() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = runtime_closure([Requirement(r) for r in project["dependencies"]])
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    pins = {normalise(line.split("==")[0]): line for line in frozen if "==" in line}
    bench = bench_only(runtime)
    base = [pins[name] for name in sorted(pins) if name in runtime]
    dev = [pins[name] for name in sorted(pins) if name not in runtime and name not in bench]
    (ROOT / "requirements/base.txt").write_text(HEADER + "".join(f"{p}\n" for p in base))
    (ROOT / "requirements/dev.txt").write_text(
        HEADER + "-r base.txt\n" + "".join(f"{p}\n" for p in dev)
    )


if __name__ == "__main__":
    main()

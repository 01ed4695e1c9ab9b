"""The structure holds: the import contracts in .importlinter (layers, no loops, pure modules
without Django, views reached only through URL configurations) are kept, and they fail when a
loop, an upward import or Django in a pure module appears. Also: no app imports another app's
private (underscored) module or name."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import workforce_health

REPO = Path(__file__).resolve().parents[1]
PACKAGE = Path(workforce_health.__file__).parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Check the contracts against the package found under ``root``."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(REPO / ".importlinter"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": str(LINT_IMPORTS.parent)},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package's Python files, to break on purpose."""
    root = tmp_path_factory.mktemp("tree")
    shutil.copytree(
        PACKAGE,
        root / "workforce_health",
        ignore=lambda _, names: [n for n in names if not (n.endswith(".py") or "." not in n)],
    )
    return root


def test_the_contracts_are_kept():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # A loop between two modules of one package (as surveys/results once had).
        (
            "surveys/answers.py",
            "from workforce_health.surveys.services import stored_answers  # noqa",
            "No import loops",
        ),
        # An import running back up: core (the foundation) importing a page app.
        ("core/selectors.py", "import workforce_health.results.selectors  # noqa", "Apps only"),
        # web (page furniture) importing a domain app.
        ("web/tables.py", "import workforce_health.staffing.measures  # noqa", "Apps only"),
        # A pure module importing Django.
        ("surveys/analysis/counts.py", "import django.db  # noqa", "Pure modules"),
        # A report module importing another app's page view.
        ("reports/builder.py", "import workforce_health.staffing.views  # noqa", "Views are"),
    ],
)
def test_a_new_loop_or_upward_import_breaks_a_contract(copy, module, line, broken):
    path = copy / "workforce_health" / module
    original = path.read_text()
    path.write_text(original + f"\n{line}\n")
    try:
        result = lint_imports(copy)
    finally:
        path.write_text(original)
    assert result.returncode != 0, result.stdout
    report = result.stdout.split("Broken contracts")[-1]
    assert broken in " ".join(report.split()), result.stdout


def _app(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else module


def _private_imports() -> list[str]:
    """Imports of another app's private module or name (a part starting with "_")."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                inside = name.split(".")
                private = any(p.startswith("_") and not p.startswith("__") for p in inside)
                if name.startswith("workforce_health.") and private and _app(name) != _app(module):
                    found.append(f"{module} imports {name}")
    return found


def test_no_app_imports_another_apps_private_names():
    assert _private_imports() == []

"""The benchmark calculation modules stay pure: only the Django app's own files import Django."""

import ast
import subprocess
import sys
from pathlib import Path

import workforce_health.benchmarks as package

PURE = ("__init__", "compare", "errors", "layouts", "measures", "packaged", "published")


def test_pure_modules_do_not_import_django():
    for name in PURE:
        path = Path(package.__file__).with_name(f"{name}.py")
        tree = ast.parse(path.read_text())
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not any(n.split(".")[0] == "django" for n in names), path.name


def test_importing_the_package_does_not_load_django():
    code = (
        "import sys, workforce_health.benchmarks; "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0

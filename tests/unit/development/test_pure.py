"""The development calculations import no Django."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "workforce_health.development.measures.schedule",
        "workforce_health.development.measures.supervision",
        "workforce_health.development.measures.cpd",
        "workforce_health.development.measures.asye",
        "workforce_health.development.measures.secondments",
    ],
)
def test_module_imports_without_django(module):
    code = f"import sys, {module}; sys.exit('django' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports Django: {result.stderr}"

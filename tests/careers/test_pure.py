"""The careers app's calculation modules import no Django."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module", ["workforce_health.careers.compliance", "workforce_health.careers.measures"]
)
def test_module_imports_without_django(module):
    code = f"import sys, {module}; sys.exit('django' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports Django: {result.stderr}"

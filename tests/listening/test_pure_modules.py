"""The listening app's calculation modules import no Django (CONTRIBUTING.md, layering rules)."""

import subprocess
import sys

import pytest

PURE_MODULES = [
    "workforce_health.listening.codes",
    "workforce_health.listening.flags",
    "workforce_health.listening.summary",
    "workforce_health.listening.reach",
    "workforce_health.listening.ics",
    "workforce_health.listening.pulse_disclosure",
    "workforce_health.listening.disclosure_audit",
]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_module_imports_without_django(module):
    code = f"import sys, {module}; sys.exit('django' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports Django: {result.stderr}"

"""The calculation modules import no Django: they stay testable and fast on data frames alone."""

import subprocess
import sys

import pytest

PURE_MODULES = [
    "workforce_health.staffing.measures",
    "workforce_health.charts",
    "workforce_health.surveys.analysis",
    "workforce_health.demo.generator",
    "workforce_health.benchmarks.published",
    "workforce_health.benchmarks.compare",
    "workforce_health.census.parse",
    "workforce_health.census.rules",
    "workforce_health.census.export",
    "workforce_health.core.codes",
    "workforce_health.surveys.questionnaire",
    "workforce_health.surveys.comments.redaction",
    "workforce_health.surveys.comments.themes",
    "workforce_health.reports.document",
    "workforce_health.spreadsheets",
    "workforce_health.spreadsheets.formulas",
    "workforce_health.spreadsheets.reading",
    "workforce_health.surveys.log_redaction",
]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_module_imports_without_django(module):
    code = f"import sys, {module}; sys.exit('django' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports Django: {result.stderr}"

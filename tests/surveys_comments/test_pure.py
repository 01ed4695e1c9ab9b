"""The redaction and theme rules import no Django."""

import subprocess
import sys


def test_the_comments_package_imports_without_django():
    code = (
        "import sys, workforce_health.surveys.comments.redaction, "
        "workforce_health.surveys.comments.themes; sys.exit('django' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

"""Every axe-core rule, best practices included, at every impact (the issue 12 quality bar).

`assert_accessible` (conftest.py) runs this on every page the browser tests visit.
"""

from typing import Any


def axe_violations(page: Any) -> list[str]:
    """Each violation as "rule: help at [targets]"; empty when axe finds none."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)  # axe-core's default rules: WCAG and best practices
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in result.response["violations"]
    ]

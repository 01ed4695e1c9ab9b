"""Routes of the benchmarks app: administrators and workforce leads only."""

from tests.route_expectations import EDITORS

EXPECTED = {
    "benchmark-data": EDITORS,
    "benchmark-comparators": EDITORS,
}

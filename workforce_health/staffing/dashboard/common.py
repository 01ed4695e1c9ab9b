"""What every dashboard page builder shares: a chart with the table of the same data."""

from __future__ import annotations

from dataclasses import dataclass

from workforce_health.web.tables import Table


@dataclass(frozen=True)
class Section:
    """A chart (SVG markup) and the table of the same data."""

    heading: str
    chart: str
    table: Table
    intro: str = ""

"""Shared by the sections: the pages' tables as report tables, numbers as the pages write them."""

from workforce_health.reports.document import CellValue, TableColumn, TableData
from workforce_health.staffing.measures import format_count, format_rate
from workforce_health.web.tables import Number, Table, Value


def _cell(value: Value) -> CellValue:
    if isinstance(value, Number):  # a count in a column of rates: keep the page's text
        number = value.value
        if number is None:
            return None
        return format_count(number) if value.kind == "count" else format_rate(number)
    if value is None or isinstance(value, str | int | float):
        return value
    return float(value)  # Decimal


def table_data(table: Table, *, caption: str | None = None, slug: str | None = None) -> TableData:
    """A page's table, cell for cell, so the report shows exactly what the page shows."""
    return TableData(
        slug=slug or table.slug,
        caption=caption or table.caption,
        columns=tuple(TableColumn(c.header, c.kind) for c in table.columns),
        rows=tuple(tuple(_cell(v) for v in row) for row in table.rows),
        source=table.source,
        notes=table.notes,
    )


def percent(value: float | None) -> str:
    return f"{format_rate(value)}%"


def count(value: float | None) -> str:
    return format_count(value)

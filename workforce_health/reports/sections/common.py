"""Shared by the sections: the pages' tables as report tables, numbers as the pages write them."""

from workforce_health.reports.document import CellValue, TableColumn, TableData
from workforce_health.rounding import format_count, format_rate
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


def in_context(context: str, caption: str) -> str:
    """ "Vacancy rate by year (%)" as "Children's Services: vacancy rate by year (%)"."""
    return f"{context}: {caption[:1].lower()}{caption[1:]}"


def table_data(table: Table, *, context: str, slug: str | None = None) -> TableData:
    """A page's table, cell for cell, so the report shows exactly what the page shows; its
    caption says which survey or service it is about."""
    return TableData(
        slug=slug or table.slug,
        caption=in_context(context, table.caption),
        columns=tuple(TableColumn(c.header, c.kind) for c in table.columns),
        rows=tuple(tuple(_cell(v) for v in row) for row in table.rows),
        source=table.source,
        notes=table.notes,
    )


def percent(value: float | None) -> str:
    return f"{format_rate(value)}%"


def count(value: float | None) -> str:
    return format_count(value)

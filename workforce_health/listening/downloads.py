"""CSV and XLSX downloads of this app's tables.

Titles, topics and themes are typed by people, so a cell like `=HYPERLINK(...)` must never reach
a spreadsheet as a formula: `web.tables` writes every cell through `spreadsheets.formulas`, the
project's one rule for that (OWASP "CSV injection").
"""

from django.http import HttpResponse

from workforce_health.web.tables import Table, csv_response, xlsx_response


def table_download(tables: dict[str, Table], slug: str, fmt: str, filename: str) -> HttpResponse:
    """One of `tables` as CSV or XLSX; a KeyError for an unknown slug (the view answers 404)."""
    table = tables[slug]
    respond = csv_response if fmt == "csv" else xlsx_response
    return respond(table, f"{filename}-{slug}")

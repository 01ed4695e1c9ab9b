"""The administrator's audit page, with filters, and its CSV download."""

import csv
import io

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from workforce_health.audit import selectors
from workforce_health.audit.forms import AuditFilterForm
from workforce_health.audit.models import AuditEntry
from workforce_health.audit.presentation import HEADERS, audit_row
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.view_helpers import viewer
from workforce_health.spreadsheets.formulas import csv_row

ENTRIES_PER_PAGE = 50
CSV_ROW_LIMIT = 100_000


def _entries(request: HttpRequest) -> tuple[AuditFilterForm, QuerySet[AuditEntry]]:
    form = AuditFilterForm(request.GET or None)
    entries = selectors.audit_entry_list(viewer=viewer(request), filters=form.filters())
    if form.is_bound and not form.is_valid():
        entries = entries.none()
    return form, entries


@requires(Capability.VIEW_AUDIT)
def audit_list(request: HttpRequest) -> HttpResponse:
    form, entries = _entries(request)
    page_obj = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/audit_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "rows": [audit_row(entry) for entry in page_obj],
            "headers": HEADERS,
            "query_string": query.urlencode() + "&" if query else "",
            "csv_query": query.urlencode(),
            "retention": _retention(settings.AUDIT_RETENTION_DAYS),
        },
    )


def _retention(days: int) -> str:
    years = round(days / 365.25)
    return f"{years} years" if years >= 2 and abs(years * 365.25 - days) < 7 else f"{days} days"


@requires(Capability.VIEW_AUDIT)
def audit_csv(request: HttpRequest) -> HttpResponse:
    _, entries = _entries(request)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for entry in entries[:CSV_ROW_LIMIT]:
        writer.writerow(csv_row(audit_row(entry).cells()))
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="audit-trail-{stamp}.csv"'
    return response

"""A self-assessment's downloads: the scrutiny report's renderers (HTML, tagged PDF, XLSX)."""

from __future__ import annotations

import re

from django.http import HttpResponse

from workforce_health.reports import render
from workforce_health.reports.document import Document
from workforce_health.web.tables import XLSX_TYPE

CONTENT_TYPES = {"pdf": "application/pdf", "html": "text/html; charset=utf-8", "xlsx": XLSX_TYPE}


def file_stem(document: Document, kind: str = "self-assessment") -> str:
    name = re.sub(r"[^a-z0-9]+", "-", f"{document.organisation} {document.scope}".lower())
    version = f"-v{document.version}" if document.version else "-draft"
    return f"{kind}-{name.strip('-')}-{document.meeting_date.year}{version}"


def document_bytes(document: Document, file_format: str) -> bytes:
    if file_format == "pdf":
        return render.document_pdf(document)
    if file_format == "xlsx":
        return render.document_xlsx(document)
    return render.document_html(document).encode()


def download(document: Document, file_format: str, kind: str = "self-assessment") -> HttpResponse:
    response = HttpResponse(
        document_bytes(document, file_format), content_type=CONTENT_TYPES[file_format]
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{file_stem(document, kind)}.{file_format}"'
    )
    return response

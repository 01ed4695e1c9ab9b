"""The pages and downloads whose viewing is audited: personal records of staff.

Route name -> (what was seen, the URL argument naming the person, or None for a list or an
export of the viewer's organisation). A GET answered 200 is recorded, and a POST answered 200
with a file (an export). Add each new page or export that shows a named person's record here.
"""

from typing import NamedTuple


class AuditedView(NamedTuple):
    what: str
    person_argument: str | None = None


AUDITED_VIEWS: dict[str, AuditedView] = {
    "person-detail": AuditedView("Person's record", "person_id"),
    "person-edit": AuditedView("Person's record (change page)", "person_id"),
    "employment-create": AuditedView("Person's record (add employment page)", "person_id"),
    "person-list": AuditedView("People list"),
    "team-detail": AuditedView("Team members"),
    "census-export": AuditedView("DfE census return export"),
}

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
    # Practice development records (docs/development-records.md); a person's own are not audited.
    "development-person": AuditedView("Development record", "person_id"),
    "development-export": AuditedView("Development records export"),
    "development-supervision": AuditedView("Supervision by person"),
    "development-supervision-download": AuditedView("Supervision by person (download)"),
    "development-overdue": AuditedView("Supervision overdue list"),
    "development-cpd": AuditedView("CPD renewal readiness"),
    "development-cpd-download": AuditedView("CPD renewal readiness (download)"),
    "development-training-needs": AuditedView("Training needs by person"),
    "development-asye": AuditedView("ASYE progress"),
    "development-asye-download": AuditedView("ASYE progress (download)"),
    "development-enrolment": AuditedView("ASYE enrolment"),
    "development-review": AuditedView("ASYE review"),
    "development-secondments": AuditedView("Secondments"),
    # Agency workers' assignments (docs/careers.md).
    "agency-compliance": AuditedView("Agency assignments"),
    "agency-assignment-edit": AuditedView("Agency assignment"),
    "agency-quarterly-csv": AuditedView("Agency assignments (quarterly download)"),
}

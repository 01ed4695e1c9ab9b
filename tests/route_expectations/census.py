"""Routes of the census app: organisation-wide roles only (the files hold personal data)."""

from tests.route_expectations import EDITORS

EXPECTED = {
    "census-index": EDITORS,
    "census-import": EDITORS,
    "census-export": EDITORS,
    "hr-import": EDITORS,
    "hr-template-csv": EDITORS,
    "hr-template-xlsx": EDITORS,
}

"""The report's download file names: the council once, then the service, the date and version."""

import dataclasses

from tests.reports.test_document import document
from workforce_health.reports.render import file_stem


def test_a_whole_council_report_names_the_council_once():
    whole = document(organisation="Northmoor Borough Council", scope="Northmoor Borough Council")
    assert file_stem(dataclasses.replace(whole, version=1)) == (
        "scrutiny-report-northmoor-borough-council-2026-01-20-v1"
    )


def test_a_service_report_names_the_council_and_the_service():
    assert file_stem(document()) == (
        "scrutiny-report-testshire-council-children-s-services-2026-01-20-draft"
    )

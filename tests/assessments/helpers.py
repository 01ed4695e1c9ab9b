"""A self-assessment of the test council's children's service, on the scrutiny report's data
(two Health Check waves, a census year of staff) and the development records."""

from tests.development.helpers import records
from tests.reports import helpers as report_helpers
from workforce_health.assessments import services
from workforce_health.assessments.models import Assessment

YEAR = report_helpers.YEAR


def assessed(council) -> Assessment:
    report_helpers.reported(council)
    records(council)
    return services.assessment_create(
        organisation=council.organisation, service=council.children, year=YEAR
    )

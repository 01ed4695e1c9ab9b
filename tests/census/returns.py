"""Census return files for the app's tests, built with the census package's own writer."""

from dataclasses import replace

from tests.census import builders
from workforce_health.census import CensusWorker, write_return
from workforce_health.census.models import CensusImport
from workforce_health.core.models import Employment, Person
from workforce_health.staffing.models import CaseloadSnapshot, SicknessAbsence, VacancySnapshot


def workers(year: int) -> list[CensusWorker]:
    """The builders' starter, leaver and agency worker, without items the product does not keep."""
    kept = [
        replace(
            worker,
            contract_weeks=(),
            absat30_sept=(),
            reason_absence=(),
            cfkss_status=(),
            base_salary=None,
            rr_payments=None,
        )
        for worker in builders.workers(year)
    ]
    kept[2] = replace(kept[2], org_role="5")  # the exporter writes the usual role of the job
    return kept


def census_file(year: int, lea: str = "991", people: list[CensusWorker] | None = None) -> bytes:
    header = replace(builders.HEADER, lea=lea)
    return write_return(
        year, header, builders.council(year), workers(year) if people is None else people
    )


def stored_counts() -> dict[str, int]:
    """Row counts of everything an import may write."""
    return {
        model.__name__: model.objects.count()
        for model in (
            Person,
            Employment,
            CaseloadSnapshot,
            SicknessAbsence,
            VacancySnapshot,
            CensusImport,
        )
    }

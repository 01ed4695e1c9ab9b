"""Importing published DfE files: real files, idempotence, all or nothing, the shipped file."""

import pytest

from tests.benchmarks.conftest import headline, indicators
from tests.benchmarks.synthetic import ees_row, indicators_csv
from workforce_health.benchmarks import services
from workforce_health.benchmarks.errors import PublishedFileError
from workforce_health.benchmarks.models import PublishedRelease, PublishedValue
from workforce_health.benchmarks.packaged import PACKAGED_FILE, PACKAGED_SHA256
from workforce_health.core import services as core_services

pytestmark = pytest.mark.django_db

REAL_FILES = [
    ("csww_indicators_2017_to_2025.csv", "indicators_2017_2025", "2025 release", 2017, 2025, 1463),
    (
        "csww_headline_measures_2017_to_2022.csv",
        "headline_2017_2022",
        "2022 release",
        2017,
        2022,
        978,
    ),
    ("SFR07_2016_UD.csv", "sfr07_2015", "SFR 07/2016", 2015, 2015, 164),
    ("SFR08_2017_UD.csv", "sfr08_2016", "SFR 08/2017", 2016, 2016, 164),
]


@pytest.mark.parametrize(("name", "layout", "label", "first", "last", "rows"), REAL_FILES)
def test_imports_each_real_file(dfe_file, name, layout, label, first, last, rows):
    release = services.published_release_import(source=dfe_file(name), filename=name)
    assert not release.already_imported
    assert (release.layout, release.release, release.first_year, release.last_year) == (
        layout,
        label,
        first,
        last,
    )
    assert release.row_count == rows and release.source_file == name
    assert release.values.filter(symbol="", value__isnull=True).count() == 0


def test_real_indicators_england_2025_turnover(dfe_file):
    name = "csww_indicators_2017_to_2025.csv"
    release = services.published_release_import(source=dfe_file(name), filename=name)
    england = release.values.get(
        time_period=2025, geographic_level="National", measure="turnover_rate_fte"
    )
    assert england.value == 11.8 and england.source_row == 2  # workforce-measures.md §7.2


def test_reimport_changes_nothing_and_says_so():
    first = services.published_release_import(source=indicators(), filename="a.csv")
    count = PublishedValue.objects.count()
    again = services.published_release_import(source=indicators(), filename="renamed.csv")
    assert again.already_imported and again.pk == first.pk
    assert PublishedValue.objects.count() == count and PublishedRelease.objects.count() == 1


def test_bad_file_saves_nothing_and_names_row_and_column():
    data = indicators_csv(ees_row(2025, "National"), ees_row(2025, turnover_rate_fte="abc"))
    with pytest.raises(PublishedFileError) as caught:
        services.published_release_import(source=data, filename="bad.csv")
    assert "row 3, column 'turnover_rate_fte': 'abc'" in str(caught.value)
    assert PublishedRelease.objects.count() == 0 and PublishedValue.objects.count() == 0


def test_the_shipped_release_loads_once():
    release = services.packaged_release_load()
    assert (release.release, release.source_file, release.sha256, release.years) == (
        "2025 release",
        PACKAGED_FILE,
        PACKAGED_SHA256,
        "2017 to 2025",
    )
    assert release.row_count == 1463 and not release.is_fixture
    councils = release.values.filter(geographic_level="Local authority", time_period=2025)
    assert councils.filter(measure="vacancy_rate_fte").count() >= 150
    assert services.packaged_release_load().already_imported
    assert PublishedRelease.objects.count() == 1


def test_the_downloaded_copy_of_the_shipped_file_changes_nothing(dfe_file):
    shipped = services.packaged_release_load()
    release = services.published_release_import(source=dfe_file(PACKAGED_FILE), filename="x.csv")
    assert release.already_imported and PublishedRelease.objects.get() == shipped


def test_the_england_fixture_of_earlier_versions_is_replaced_by_the_shipped_file():
    """Databases loaded before the file was shipped hold an England-only copy of it (same
    SHA-256) marked as a fixture; loading the file replaces it rather than failing."""
    earlier = services.packaged_release_load()
    PublishedRelease.objects.filter(pk=earlier.pk).update(is_fixture=True)  # as it was stored
    release = services.packaged_release_load()
    assert not release.already_imported and PublishedRelease.objects.get() == release


def test_demo_load_without_files_uses_the_shipped_file(tmp_path):
    demo = core_services.organisation_create(name="Northmoor", la_code="990", region="E12000005")
    releases = services.benchmarks_demo_load(data_dir=tmp_path / "absent")
    assert [r.source_file for r in releases] == [PACKAGED_FILE]
    assert demo.comparator_set.codes == list(services.DEMO_COMPARATORS)


def test_demo_load_with_files_sets_demo_comparators(dfe_file):
    from tests import factories

    for name in services.DEMO_FILES:  # skips without the DfE's downloads beside the repository
        dfe_file(name)
    demo = factories.council(la_code="990", name="Northmoor Metropolitan Borough Council")
    releases = services.benchmarks_demo_load()
    assert len(releases) == 4
    assert demo.organisation.comparator_set.codes == list(services.DEMO_COMPARATORS)


def test_headline_layout_imports():
    release = services.published_release_import(source=headline(), filename="h.csv")
    assert (release.release, release.first_year, release.last_year) == ("2022 release", 2017, 2022)

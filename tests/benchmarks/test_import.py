"""Importing published DfE files: real files, idempotence, all or nothing, the fixture."""

import pytest

from tests.benchmarks.conftest import headline, indicators
from tests.benchmarks.synthetic import ees_row, indicators_csv
from workforce_health.benchmarks import national_fixture, services
from workforce_health.benchmarks.errors import PublishedFileError
from workforce_health.benchmarks.models import PublishedRelease, PublishedValue

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


def test_fixture_loads_once_without_files():
    release = services.national_fixture_load()
    assert release.is_fixture and release.release == "2025 release"
    assert release.values.count() == 9 * len(national_fixture.FIXTURE_MEASURES)
    assert services.national_fixture_load().already_imported
    assert PublishedRelease.objects.count() == 1


def test_real_file_replaces_the_fixture_taken_from_it(dfe_file):
    services.national_fixture_load()
    name = "csww_indicators_2017_to_2025.csv"
    release = services.published_release_import(source=dfe_file(name), filename=name)
    assert not release.is_fixture and PublishedRelease.objects.get() == release


def test_demo_load_without_files_uses_the_fixture(tmp_path):
    releases = services.benchmarks_demo_load(data_dir=tmp_path)
    assert [r.is_fixture for r in releases] == [True]


def test_demo_load_with_files_sets_demo_comparators(dfe_file):
    from tests import factories

    dfe_file("csww_indicators_2017_to_2025.csv")
    demo = factories.council(la_code="990", name="Northmoor Metropolitan Borough Council")
    releases = services.benchmarks_demo_load()
    assert len(releases) == 4
    assert demo.organisation.comparator_set.codes == list(services.DEMO_COMPARATORS)


def test_headline_layout_imports():
    release = services.published_release_import(source=headline(), filename="h.csv")
    assert (release.release, release.first_year, release.last_year) == ("2022 release", 2017, 2022)

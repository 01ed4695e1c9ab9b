"""Import of earlier years: labels and codes, all or nothing, errors naming row and column."""

import io

import pytest
from openpyxl import Workbook

from tests.results.helpers import past_wave
from tests.surveys.helpers import builtin
from workforce_health.results import imports
from workforce_health.surveys.models import Response

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave(council):
    return past_wave(council, slug="import-2023", year=2023, teams={})


def test_labels_codes_and_dont_know_are_imported(wave):
    text = (
        "service,team,sw_workload_manageable,sw_stress,contracted_hours\n"
        "Children's Services,Old Team A,Strongly agree,don't know,37\n"
        "Children's Services,Old Team A,2,,22.5\n"
    )
    result = imports.responses_import(wave=wave, source=text.encode(), filename="old.csv")
    assert result.errors == [] and result.created == 2
    answers = sorted(
        r.answers["sw_workload_manageable"] for r in Response.objects.filter(wave=wave)
    )
    assert answers == ["2", "5"]


def test_xlsx_codes_as_numbers(wave):
    book = Workbook()
    book.active.append(["team", "sw_workload_manageable"])
    book.active.append(["Team", 4])
    out = io.BytesIO()
    book.save(out)
    result = imports.responses_import(wave=wave, source=out.getvalue(), filename="old.xlsx")
    assert result.created == 1
    assert Response.objects.get(wave=wave).answers == {"sw_workload_manageable": "4"}


def test_all_or_nothing_with_row_and_column_errors(wave):
    text = "sw_workload_manageable,shoe_size\nAgree,9\n"
    result = imports.responses_import(wave=wave, source=text.encode(), filename="old.csv")
    assert result.errors == [
        "Row 1, column shoe_size: is not a group column or an item code of Social Work Health Check"
    ]
    rows = "sw_workload_manageable\nAgree\n" + "\n" * 9 + "Sometimes\n"
    result = imports.responses_import(wave=wave, source=rows.encode(), filename="old.csv")
    assert result.created == 0 and not Response.objects.filter(wave=wave).exists()
    assert result.errors[0].startswith(
        "Row 12, column sw_workload_manageable: 'Sometimes' is not an agree-scale answer"
    )


def test_template_lists_groups_and_item_codes():
    header = imports.template_csv(builtin()).decode("utf-8-sig").strip().split(",")
    assert header[:5] == ["service", "team", "role_group", "tenure_band", "employment_type"]
    assert "sw_workload_manageable" in header


def test_an_empty_file_is_called_empty(wave):
    result = imports.responses_import(wave=wave, source=b"", filename="old.csv")
    assert result.errors == [
        "The file is empty: it needs a header row of column names, then a row per respondent"
    ]
    result = imports.responses_import(wave=wave, source=b"sw_pride\n", filename="old.csv")
    assert result.errors == ["The file has a header row but no responses"]


def test_a_group_label_too_long_to_store_is_named(wave):
    text = f"team,sw_pride\n{'T' * 201},Agree\n"
    result = imports.responses_import(wave=wave, source=text.encode(), filename="old.csv")
    assert result.errors == ["Row 2, column team: is longer than 200 characters"]
    assert not Response.objects.filter(wave=wave).exists()

"""The HR extract's optional email column: stored, changed on re-import, refused when malformed."""

import csv
import io

import pytest

from tests.census.returns import stored_counts
from tests.census.test_hr_extract import as_csv, as_xlsx, row
from workforce_health.census import hr_extract
from workforce_health.census.services import hr_extract_import
from workforce_health.core.models import EMAIL_INVALID, Person

pytestmark = pytest.mark.django_db


def test_the_email_column_is_optional_and_in_both_templates():
    assert "email" in hr_extract.OPTIONAL
    header = next(csv.reader(io.StringIO(hr_extract.template_csv().decode("utf-8-sig"))))
    assert "email" in header
    assert hr_extract.EXAMPLE["email"].endswith("@example.org")


def test_an_email_is_stored_and_changed_by_a_later_extract(council):
    first = as_csv([row(email=" alex.morgan@example.org ")])
    assert hr_extract_import(organisation=council.organisation, name="hr.csv", source=first).ok
    assert Person.objects.get(employee_number="E10234").email == "alex.morgan@example.org"
    later = as_csv([row(email="a.morgan@example.org")])
    result = hr_extract_import(organisation=council.organisation, name="hr.csv", source=later)
    assert result.ok and result.counts["people_updated"] == 1
    assert Person.objects.get(employee_number="E10234").email == "a.morgan@example.org"


def test_a_blank_email_leaves_the_recorded_one(council):
    hr_extract_import(organisation=council.organisation, name="hr.csv", source=as_csv([row()]))
    result = hr_extract_import(
        organisation=council.organisation, name="hr.csv", source=as_csv([row(email="")])
    )
    assert result.ok and result.counts["people_updated"] == 0
    assert Person.objects.get(employee_number="E10234").email == hr_extract.EXAMPLE["email"]


def test_extracts_without_the_email_column_still_import(council):
    header = [c for c in hr_extract.COLUMNS if c != "email"]
    values: list[object] = [row()[c] for c in header]
    data = as_xlsx([values], header=header)
    result = hr_extract_import(organisation=council.organisation, name="hr.xlsx", source=data)
    assert result.ok, result.errors
    assert Person.objects.get(employee_number="E10234").email == ""


@pytest.mark.parametrize("bad", ["alex.morgan", "alex morgan@example.org", "alex@", "@example.org"])
def test_a_malformed_email_names_its_row_and_column_and_nothing_is_stored(council, bad):
    before = stored_counts()
    data = as_csv([row(), row(employee_number="E2", swe_number="SW2", email=bad)])
    result = hr_extract_import(organisation=council.organisation, name="hr.csv", source=data)
    assert result.errors == [f"Row 3, column email: {EMAIL_INVALID}"]
    assert stored_counts() == before

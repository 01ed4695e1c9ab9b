"""Comparator councils are validated against the imported DfE data."""

import re

import pytest
from django.core.exceptions import ValidationError

from tests.benchmarks.conftest import indicators
from workforce_health.benchmarks import selectors, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(db):
    services.published_release_import(source=indicators(), filename="i.csv")


def test_sets_and_replaces_codes(council, imported):
    services.comparators_set(organisation=council.organisation, la_codes="330, 331\n330")
    assert selectors.comparator_codes(organisation=council.organisation) == ["330", "331"]
    services.comparators_set(organisation=council.organisation, la_codes=[])
    assert selectors.comparator_codes(organisation=council.organisation) == []


def test_joint_partner_code_is_accepted(council, imported):
    services.comparators_set(organisation=council.organisation, la_codes=["940"])
    assert selectors.comparator_codes(organisation=council.organisation) == ["940"]


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        ("330,999,998", "No council with code 999, 998 in the imported DfE files"),
        ("33O", "not 3-digit DfE local authority codes: 33O"),
        ("991", "Testshire Council (991) cannot be its own comparator"),
    ],
)
def test_bad_codes_are_named(council, imported, codes, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        services.comparators_set(organisation=council.organisation, la_codes=codes)
    assert selectors.comparator_codes(organisation=council.organisation) == []


def test_nothing_imported_means_no_code_is_known(council):
    with pytest.raises(ValidationError, match="Import the DfE indicators file first"):
        services.comparators_set(organisation=council.organisation, la_codes="330")


def test_council_list_puts_the_region_first(council, imported):
    councils = selectors.council_list(organisation=council.organisation)
    assert [c["code"] for c in councils] == ["330", "331", "940 / 941"]
    assert [c["in_region"] for c in councils] == [True, True, False]

"""Service-layer writes validate fully and keep organisations apart."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from workforce_health.core import services


def test_employment_in_another_organisations_team_is_refused(council, other_council):
    with pytest.raises(ValidationError) as error:
        factories.employment(
            council.social_worker, other_council.assessment, job_role="team_manager"
        )
    assert "team" in error.value.message_dict


def test_census_role_defaults_from_job_role(council):
    spell = factories.employment(
        council.adult_worker,
        council.assessment,
        job_role="senior_practitioner",
        start_date=datetime.date(2024, 1, 1),
    )
    assert spell.census_role == "4"


def test_employment_update_rejects_unknown_fields(council):
    spell = council.social_worker.employments.get()
    with pytest.raises(TypeError):
        services.employment_update(employment=spell, person=council.manager)


def test_adjacent_spells_in_same_post_are_allowed(council):
    first = council.social_worker.employments.get()
    services.employment_update(
        employment=first,
        end_date=datetime.date(2021, 3, 31),
        reason_for_leaving="8",
        leaver_destination="7",
    )
    again = factories.employment(
        council.social_worker,
        council.assessment,
        start_date=datetime.date(2021, 4, 1),
        fte=Decimal("0.5"),
    )
    assert again.pk


def test_unknown_region_is_refused(db):
    with pytest.raises(ValueError, match="Unknown region"):
        services.organisation_create(name="X", la_code="123", region="Atlantis")


def test_manager_memberships_need_their_scope(council):
    with pytest.raises(ValidationError, match="needs the service"):
        services.user_with_membership_create(
            username="sm2",
            password=factories.PASSWORD,
            organisation=council.organisation,
            role="service_manager",
        )
    from django.contrib.auth.models import User

    assert not User.objects.filter(username="sm2").exists()

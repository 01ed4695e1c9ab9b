"""The regional view: the region's councils' published self-assessments side by side, published
versions only; other regions' councils never."""

import pytest
from django.urls import reverse

from tests import factories
from tests.assessments.helpers import YEAR, assessed
from workforce_health.assessments import services
from workforce_health.assessments.selectors import rating_get
from workforce_health.core.models import Membership

Role = Membership.Role
pytestmark = pytest.mark.django_db


def _set_region(organisation, region):
    organisation.region = region
    organisation.save()


def test_the_region_side_by_side_published_only(council, other_council, client_for):
    far = factories.council(la_code="993", name="Farshire Council")
    for made in (council, other_council):
        _set_region(made.organisation, "E12000004")
    _set_region(far.organisation, "E12000007")
    mine = assessed(council)
    rating = rating_get(assessment=mine, standard="S5")
    assert rating is not None
    services.rating_update(rating=rating, level=4, commentary="")
    services.assessment_publish(assessment=mine, published_by=None)
    services.rating_update(rating=rating, level=1, commentary="a later draft")
    theirs = services.assessment_create(
        organisation=other_council.organisation, service=other_council.children, year=YEAR
    )
    services.assessment_publish(assessment=theirs, published_by=None)
    services.assessment_create(  # a draft only: never shown
        organisation=other_council.organisation, service=other_council.adults, year=YEAR
    )
    elsewhere = services.assessment_create(
        organisation=far.organisation, service=far.children, year=YEAR
    )
    services.assessment_publish(assessment=elsewhere, published_by=None)
    page = client_for(council.users[Role.WORKFORCE_LEAD]).get(reverse("self-assessment-region"))
    table = page.context["table"]
    assert [(r[0], r[1]) for r in table.rows] == [
        ("Otherton Council", "Children's Services"),
        ("Testshire Council", "Children's Services"),
    ]
    testshire = table.rows[1]
    assert testshire[7].startswith("Fully met (staff ")  # Standard 5 as published
    assert "Farshire" not in page.content.decode()
    assert (
        client_for(council.users[Role.SERVICE_MANAGER])
        .get(reverse("self-assessment-region"))
        .status_code
        == 403
    )

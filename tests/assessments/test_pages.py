"""The lead's journey: open the year's self-assessment, rate, rename the scale, see a gap and
raise a listening action from it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.assessments.helpers import YEAR, assessed
from workforce_health.assessments import services
from workforce_health.assessments.selectors import rating_get
from workforce_health.core.models import Membership
from workforce_health.listening.models import Action, ActionLink

Role = Membership.Role
pytestmark = pytest.mark.django_db


def test_start_rate_and_rename_the_scale(council, client_for):
    assessed(council)  # the data; the lead starts the adults' one
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    response = client.post(
        reverse("self-assessment-create"),
        {"service": council.adults.pk, "year": YEAR, "framework": "2020"},
    )
    assert response.status_code == 302
    page = client.get(response.url)
    body = page.content.decode()
    assert body.count('class="govuk-heading-m" id="s') == 8
    assert "Strong and clear social work framework" in body
    assessment = page.context["page"].assessment
    rating = rating_get(assessment=assessment, standard="S5")
    assert rating is not None
    url = reverse("self-assessment-rate", args=[assessment.pk, "s5"])
    form = client.get(url).context["form"]
    saved = client.post(
        url,
        {"level": "3", "commentary": "Monthly supervision", "lock_version": rating.lock_version}
        | {k: v for k, v in form.initial.items() if k == "lock_version"},
    )
    assert saved.status_code == 302, saved.context["form"].errors
    rating.refresh_from_db()
    assert (rating.level, rating.commentary) == (3, "Monthly supervision")
    client.post(
        reverse("self-assessment-scale"),
        {"level_1": "Red", "level_2": "Amber", "level_3": "Green", "level_4": "Blue"},
    )
    assert "Green" in client.get(reverse("self-assessment", args=[assessment.pk])).content.decode()


def test_the_scale_needs_four_different_names(council, client_for):
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    page = client.post(
        reverse("self-assessment-scale"),
        {"level_1": "Red", "level_2": "red", "level_3": "Green", "level_4": "Blue"},
    )
    assert "Give each point of the scale a different name" in page.content.decode()


def test_raise_an_action_from_a_gap(council, client_for):
    assessed(council)
    # Last year's: staff scored supervision 32 (low), and the council claims it fully met.
    assessment = services.assessment_create(
        organisation=council.organisation, service=council.children, year=YEAR - 1
    )
    claimed = rating_get(assessment=assessment, standard="S5")
    assert claimed is not None
    services.rating_update(rating=claimed, level=4, commentary="")
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    page = client.get(reverse("self-assessment", args=[assessment.pk]))
    view = next(s for s in page.context["page"].standards if s.code == "S5")
    assert [g.kind for g in view.gaps] == ["staff"]
    assert "staff scored it 32 out of 100" in view.gaps[0].text
    assert "Raise an action from this gap" in page.content.decode()
    due = timezone.localdate() + datetime.timedelta(days=90)
    url = reverse("self-assessment-action", args=[assessment.pk, "s5"])
    assert view.gaps[0].text in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "title": "Agree what the supervision rating rests on",
            "description": "",
            "owner": council.manager.pk,
            "due_on-day": due.day,
            "due_on-month": due.month,
            "due_on-year": due.year,
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert list(action.services.all()) == [council.children]
    assert [(link.kind, link.standard) for link in action.links.all()] == [
        (ActionLink.Kind.STANDARD, "S5")
    ]
    page = client.get(reverse("self-assessment", args=[assessment.pk]))
    view = next(s for s in page.context["page"].standards if s.code == "S5")
    assert view.actions == (action,)


def test_a_manager_may_not_raise_actions_from_gaps(council, client_for):
    assessment = assessed(council)
    client = client_for(council.users[Role.SERVICE_MANAGER])
    assert (
        client.get(reverse("self-assessment-action", args=[assessment.pk, "s5"])).status_code == 403
    )

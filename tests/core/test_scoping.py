"""No organisation's records leak into another's views, and managers see only their scope."""

import pytest
from django.urls import reverse

from workforce_health.core import selectors
from workforce_health.core.models import Membership

Role = Membership.Role


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.WORKFORCE_LEAD])
def test_other_organisations_records_are_not_found(role, council, other_council, client):
    client.force_login(council.users[role])
    theirs = other_council
    employment = theirs.social_worker.employments.get()
    for url in [
        reverse("team-detail", args=[theirs.assessment.pk]),
        reverse("team-edit", args=[theirs.assessment.pk]),
        reverse("person-detail", args=[theirs.social_worker.pk]),
        reverse("person-edit", args=[theirs.social_worker.pk]),
        reverse("employment-create", args=[theirs.social_worker.pk]),
        reverse("employment-edit", args=[employment.pk]),
    ]:
        assert client.get(url).status_code == 404, url


def test_people_search_never_lists_another_organisation(council, other_council, client):
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    page = client.get(reverse("person-list"), {"q": "Alex"}).content.decode()
    assert page.count("Morgan, Alex") == 1
    assert f"/people/{other_council.social_worker.pk}/" not in page


def test_service_manager_sees_only_their_service(council):
    viewer = council.users[Role.SERVICE_MANAGER].memberships.get()
    teams = set(selectors.team_list(viewer=viewer))
    people = set(selectors.person_list(viewer=viewer))
    assert teams == {council.assessment, council.safeguarding}
    assert people == {council.social_worker, council.manager}
    assert selectors.person_get(viewer=viewer, person_id=council.adult_worker.pk) is None


def test_team_manager_sees_only_their_team(council):
    viewer = council.users[Role.TEAM_MANAGER].memberships.get()
    assert list(selectors.team_list(viewer=viewer)) == [council.assessment]
    assert selectors.team_get(viewer=viewer, team_id=council.safeguarding.pk) is None


def test_managers_do_not_see_protected_characteristics(council, client):
    client.force_login(council.users[Role.TEAM_MANAGER])
    page = client.get(reverse("person-detail", args=[council.social_worker.pk])).content.decode()
    assert "Ethnicity" not in page and "Date of birth" not in page
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    page = client.get(reverse("person-detail", args=[council.social_worker.pk])).content.decode()
    assert "White British" in page and "1 May 1990" in page


def test_practitioner_sees_their_own_record_only(council, client):
    client.force_login(council.users[Role.PRACTITIONER])
    page = client.get(reverse("my-record")).content.decode()
    assert "Alex Morgan" in page and "White British" in page
    assert client.get(reverse("person-detail", args=[council.manager.pk])).status_code == 403


def test_user_in_two_organisations_switches_between_them(council, other_council, client):
    from workforce_health.core import services

    user = council.users[Role.WORKFORCE_LEAD]
    services.membership_create(
        user=user, organisation=other_council.organisation, role=Role.WORKFORCE_LEAD
    )
    client.force_login(user)
    for active, inactive in [(other_council, council), (council, other_council)]:
        response = client.post(
            reverse("organisation-switch"), {"organisation": active.organisation.pk}
        )
        assert response.status_code == 302
        assert active.organisation.name in client.get(reverse("home")).content.decode()
        mine = reverse("person-detail", args=[active.social_worker.pk])
        theirs = reverse("person-detail", args=[inactive.social_worker.pk])
        assert client.get(mine).status_code == 200
        assert client.get(theirs).status_code == 404
    bad = client.post(reverse("organisation-switch"), {"organisation": 999999})
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()

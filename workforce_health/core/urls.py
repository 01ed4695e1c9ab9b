from django.urls import path

from workforce_health.core.navigation import SECTIONS
from workforce_health.core.views import accounts, home, people, sections, structure

urlpatterns = [
    path("", home.home, name="home"),
    path("sign-out/", accounts.SignOutView.as_view(), name="sign-out"),
    path("organisation/switch/", accounts.organisation_switch, name="organisation-switch"),
    path("organisation/", structure.structure, name="structure"),
    path("organisation/teams/new/", structure.team_create, name="team-create"),
    path("organisation/teams/<int:team_id>/", structure.team_detail, name="team-detail"),
    path("organisation/teams/<int:team_id>/edit/", structure.team_edit, name="team-edit"),
    path("people/", people.person_list, name="person-list"),
    path("people/new/", people.person_create, name="person-create"),
    path("people/<int:person_id>/", people.person_detail, name="person-detail"),
    path("people/<int:person_id>/edit/", people.person_edit, name="person-edit"),
    path(
        "people/<int:person_id>/employments/new/",
        people.employment_create,
        name="employment-create",
    ),
    path("employments/<int:employment_id>/edit/", people.employment_edit, name="employment-edit"),
    path("my-record/", people.my_record, name="my-record"),
]
urlpatterns += [
    path(f"menu/{section.key}/", sections.section_page(section), name=section.url_name)
    for section in SECTIONS
]

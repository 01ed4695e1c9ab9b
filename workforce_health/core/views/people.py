"""People: list with search and pagination, detail with employment history, create and edit."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import urlencode

from workforce_health.core import selectors, services
from workforce_health.core.forms import EmploymentForm, PersonForm
from workforce_health.core.models import Employment, JobRole, Membership, Person
from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import (
    found,
    save_or_add_errors,
    save_or_conflict,
    viewer,
)
from workforce_health.web import conflicts

PEOPLE_PER_PAGE = 25


@requires(Capability.VIEW_STRUCTURE)
def person_list(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    search = request.GET.get("q", "").strip()[:100]
    include_leavers = request.GET.get("include") == "leavers"
    people = selectors.person_list(
        viewer=membership, search=search, in_post_only=not include_leavers
    )
    page = Paginator(people, PEOPLE_PER_PAGE)
    page_obj = page.get_page(request.GET.get("page"))
    for person in page_obj:
        role = person.current_job_role  # type: ignore[attr-defined]
        person.current_job_role_label = JobRole(role).label if role else ""  # type: ignore[attr-defined]
    return render(
        request,
        "core/person_list.html",
        {
            "page_obj": page_obj,
            "search": search,
            "include_leavers": include_leavers,
            "query_string": _query_string(search=search, include_leavers=include_leavers),
            "can_edit": membership_can(membership, Capability.EDIT_STRUCTURE),
        },
    )


def _query_string(*, search: str, include_leavers: bool) -> str:
    """The list's filters as a query string prefix for the pagination links."""
    filters = {"q": search} if search else {}
    if include_leavers:
        filters["include"] = "leavers"
    return urlencode(filters) + "&" if filters else ""


def _person_page(request: HttpRequest, person: Person, membership: Membership) -> HttpResponse:
    is_self = membership.person_id == person.pk
    return render(
        request,
        "core/person_detail.html",
        {
            "person": person,
            "employments": selectors.employment_list(person=person),
            "is_self": is_self,
            # Date of birth, sex and ethnicity: HR roles and the person themselves only.
            "show_protected": is_self or Scope.of(membership).whole_organisation,
            "can_edit": membership_can(membership, Capability.EDIT_STRUCTURE),
        },
    )


@requires(Capability.VIEW_STRUCTURE)
def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    membership = viewer(request)
    person = found(selectors.person_get(viewer=membership, person_id=person_id))
    return _person_page(request, person, membership)


@requires(Capability.VIEW_OWN_RECORD)
def my_record(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    person = found(membership.person)
    return _person_page(request, person, membership)


def _person_form(request: HttpRequest, person: Person | None) -> HttpResponse:
    membership = viewer(request)
    form = PersonForm(request.POST or None, instance=person, organisation=membership.organisation)
    if person is not None:
        conflicts.add_version(form, person.lock_version)
    if request.method == "POST" and form.is_valid():
        version = conflicts.submitted_version(form)
        data = form.cleaned_data
        if person is None:
            saved = save_or_add_errors(
                form, lambda: services.person_create(organisation=membership.organisation, **data)
            )
        else:
            saved = save_or_conflict(
                form,
                lambda: services.person_update(person=person, version=version, **data),
                what="person's record",
            )
        if saved is not None:
            messages.success(request, f"{saved.full_name} saved")
            return redirect("person-detail", person_id=saved.pk)
    context = {"form": form, "person": person}
    return render(request, "core/person_form.html", context, status=conflicts.status(form))


@requires(Capability.EDIT_STRUCTURE)
def person_create(request: HttpRequest) -> HttpResponse:
    return _person_form(request, None)


@requires(Capability.EDIT_STRUCTURE)
def person_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    person = found(selectors.person_get(viewer=viewer(request), person_id=person_id))
    return _person_form(request, person)


def _employment_form(
    request: HttpRequest, person: Person, employment: Employment | None
) -> HttpResponse:
    form = EmploymentForm(request.POST or None, instance=employment, person=person)
    if employment is not None:
        conflicts.add_version(form, employment.lock_version)
    if request.method == "POST" and form.is_valid():
        version = conflicts.submitted_version(form)
        data = form.cleaned_data
        if employment is None:
            saved = save_or_add_errors(
                form, lambda: services.employment_create(person=person, **data)
            )
        else:
            saved = save_or_conflict(
                form,
                lambda: services.employment_update(employment=employment, version=version, **data),
                what="employment",
            )
        if saved is not None:
            messages.success(request, f"Employment in {saved.team.name} saved")
            return redirect("person-detail", person_id=person.pk)
    return render(
        request,
        "core/employment_form.html",
        {"form": form, "person": person, "employment": employment},
        status=conflicts.status(form),
    )


@requires(Capability.EDIT_STRUCTURE)
def employment_create(request: HttpRequest, person_id: int) -> HttpResponse:
    person = found(selectors.person_get(viewer=viewer(request), person_id=person_id))
    return _employment_form(request, person, None)


@requires(Capability.EDIT_STRUCTURE)
def employment_edit(request: HttpRequest, employment_id: int) -> HttpResponse:
    employment = found(
        selectors.employment_get(viewer=viewer(request), employment_id=employment_id)
    )
    return _employment_form(request, employment.person, employment)

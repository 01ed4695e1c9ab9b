"""Self-assessment pages: the list, start one, the assessment with its evidence, rate a
standard, raise an action from a gap, rename the scale, publish, and the published versions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from workforce_health.assessments import selectors, services
from workforce_health.assessments.document import page_document
from workforce_health.assessments.forms import (
    AssessmentForm,
    GapActionForm,
    OfstedForm,
    RatingForm,
    ScaleForm,
)
from workforce_health.assessments.frameworks import FRAMEWORKS, STANDARD_CODES
from workforce_health.assessments.models import Assessment
from workforce_health.assessments.ofsted import ofsted_document
from workforce_health.assessments.outputs import download
from workforce_health.assessments.page import assessment_page
from workforce_health.assessments.regional import region_organisations, regional_table
from workforce_health.assessments.selectors import published_years
from workforce_health.core.models import Service
from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, save_or_add_errors, save_or_conflict, viewer
from workforce_health.listening.selectors.actions import owner_choices
from workforce_health.reports import render as output
from workforce_health.reports.document import Document
from workforce_health.web import conflicts


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _assessment(request: HttpRequest, assessment_id: int) -> Assessment:
    scope = Scope.of(viewer(request))
    return found(selectors.assessment_get(scope=scope, assessment_id=assessment_id))


@requires(Capability.EDIT_REPORTS)
def assessment_list(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    return render(
        request,
        "assessments/list.html",
        {
            "assessments": selectors.assessment_list(scope=Scope.of(membership)),
            "versions": selectors.version_list(organisation=membership.organisation)[:20],
            "scale": selectors.rating_scale_get(organisation=membership.organisation).labels,
        },
    )


@requires(Capability.EDIT_REPORTS)
def assessment_create(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    services_in_scope = Scope.of(membership).services().order_by("name")
    form = AssessmentForm(
        request.POST or None,
        services=services_in_scope,
        initial={"year": timezone.localdate().year},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = save_or_add_errors(
            form,
            lambda: services.assessment_create(
                organisation=membership.organisation,
                service=data["service"],
                year=data["year"],
                framework=data["framework"],
            ),
        )
        if created is not None:
            return redirect("self-assessment", assessment_id=created.pk)
    return render(request, "assessments/create.html", {"form": form})


@requires(Capability.EDIT_REPORTS)
def assessment_detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    membership = viewer(request)
    assessment = _assessment(request, assessment_id)
    return render(
        request,
        "assessments/detail.html",
        {
            "page": assessment_page(assessment),
            "versions": assessment.versions.all(),
            "can_raise": membership_can(membership, Capability.MANAGE_LISTENING),
        },
    )


def _standard(assessment: Assessment, code: str) -> Any:
    standard = FRAMEWORKS[assessment.framework].standard(code)
    if standard is None or code not in STANDARD_CODES:
        raise Http404("There is no such standard")
    return standard


@requires(Capability.EDIT_REPORTS)
def rating_edit(request: HttpRequest, assessment_id: int, standard_code: str) -> HttpResponse:
    code = standard_code.upper()
    assessment = _assessment(request, assessment_id)
    standard = _standard(assessment, code)
    rating = found(selectors.rating_get(assessment=assessment, standard=code))
    scale = selectors.rating_scale_get(organisation=assessment.organisation)
    initial = {
        "level": "" if rating.level is None else str(rating.level),
        "commentary": rating.commentary,
    }
    form = RatingForm(request.POST or None, labels=scale.labels, initial=initial)
    conflicts.add_version(form, rating.lock_version)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_or_conflict(
            form,
            lambda: services.rating_update(
                rating=rating,
                level=data["level"],
                commentary=data["commentary"],
                expected_version=conflicts.submitted_version(form),
            ),
            what="rating",
            saved=lambda r: {
                "level": "" if r.level is None else str(r.level),
                "commentary": r.commentary,
            },
        )
        if saved is not None:
            messages.success(request, f"{standard.heading}: saved")
            return redirect(reverse("self-assessment", args=[assessment.pk]) + f"#{code.lower()}")
    return render(
        request,
        "assessments/rate.html",
        {"assessment": assessment, "standard": standard, "form": form},
        status=conflicts.status(form),
    )


@requires(Capability.MANAGE_LISTENING)
def gap_action(request: HttpRequest, assessment_id: int, standard_code: str) -> HttpResponse:
    code = standard_code.upper()
    membership = viewer(request)
    if not membership_can(membership, Capability.EDIT_REPORTS):
        raise Http404
    assessment = _assessment(request, assessment_id)
    standard = _standard(assessment, code)
    page = assessment_page(assessment)
    view = next(v for v in page.standards if v.code == code)
    gap_text = " ".join(g.text for g in view.gaps)
    form = GapActionForm(
        request.POST or None,
        owners=owner_choices(organisation=assessment.organisation),
        organisation=assessment.organisation,
        initial={
            "title": (
                f"{standard.title}: close the gap found in the {assessment.year} self-assessment"
            ),
            "description": gap_text,
            "owner": membership.person_id,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = save_or_add_errors(
            form,
            lambda: services.gap_action_raise(
                assessment=assessment,
                standard=code,
                title=data["title"],
                description=data["description"],
                owner=data["owner"],
                due_on=data["due_on"],
                author=_user(request),
            ),
        )
        if action is not None:
            messages.success(request, f"Action raised: {action.title}")
            return redirect(reverse("self-assessment", args=[assessment.pk]) + f"#{code.lower()}")
    return render(
        request,
        "assessments/action.html",
        {"assessment": assessment, "standard": standard, "view": view, "form": form},
    )


@requires(Capability.EDIT_REPORTS)
def scale_edit(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    scale = selectors.rating_scale_get(organisation=organisation)
    names = ("level_1", "level_2", "level_3", "level_4")
    form = ScaleForm(request.POST or None, initial=dict(zip(names, scale.labels, strict=True)))
    conflicts.add_version(form, scale.lock_version if scale.pk else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_or_conflict(
            form,
            lambda: services.rating_scale_update(
                organisation=organisation,
                labels=(data["level_1"], data["level_2"], data["level_3"], data["level_4"]),
                expected_version=conflicts.submitted_version(form),
            ),
            what="rating scale",
        )
        if saved is not None:
            messages.success(request, "Rating scale saved")
            return redirect("self-assessment-list")
    return render(request, "assessments/scale.html", {"form": form}, status=conflicts.status(form))


@requires(Capability.EDIT_REPORTS)
def assessment_publish(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = _assessment(request, assessment_id)
    number = assessment.versions.count() + 1
    # Only the confirmation page's button publishes, and only the version it named.
    confirmed = request.POST.get("version") if request.method == "POST" else None
    if confirmed != str(number):
        return render(
            request,
            "assessments/publish.html",
            {"assessment": assessment, "number": number, "published_meanwhile": confirmed},
            status=409 if confirmed is not None else 200,
        )
    try:
        version = services.assessment_publish(
            assessment=assessment, published_by=_user(request), expected_number=number
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("self-assessment", assessment_id=assessment.pk)
    messages.success(request, f"Version {version.number} published. It will not change.")
    return redirect("self-assessment-version", assessment_version_id=version.pk)


@requires(Capability.EDIT_REPORTS)
def assessment_draft_download(
    request: HttpRequest, assessment_id: int, file_format: str
) -> HttpResponse:
    assessment = _assessment(request, assessment_id)
    document = page_document(assessment_page(assessment), prepared_on=timezone.localdate())
    return download(document, file_format)


@requires(Capability.VIEW_PUBLISHED_REPORTS)
def version_detail(request: HttpRequest, assessment_version_id: int) -> HttpResponse:
    organisation = viewer(request).organisation
    version = found(
        selectors.version_get(organisation=organisation, version_id=assessment_version_id)
    )
    document = selectors.version_document(version=version)
    return render(
        request,
        "assessments/version.html",
        {
            "version": version,
            "document": document,
            "body": output.document_html(document, standalone=False),
        },
    )


@requires(Capability.VIEW_PUBLISHED_REPORTS)
def version_download(
    request: HttpRequest, assessment_version_id: int, file_format: str
) -> HttpResponse:
    organisation = viewer(request).organisation
    version = found(
        selectors.version_get(organisation=organisation, version_id=assessment_version_id)
    )
    return download(selectors.version_document(version=version), file_format)


def _ofsted(request: HttpRequest) -> tuple[OfstedForm, Document | None]:
    """The service and year asked for (by default the first children's service, last year)."""
    membership = viewer(request)
    in_scope = Scope.of(membership).services().order_by("name")
    service: Service | None = (
        in_scope.filter(kind=Service.Kind.CHILDREN).first() or in_scope.first()
    )
    year = timezone.localdate().year - 1
    form = OfstedForm(
        request.GET if "year" in request.GET else None,
        services=in_scope,
        initial={"service": service.pk if service else None, "year": year},
    )
    if form.is_bound:
        if not form.is_valid():
            return form, None
        service, year = form.cleaned_data["service"], form.cleaned_data["year"]
    if service is None:
        return form, None
    document = ofsted_document(organisation=membership.organisation, service=service, year=year)
    return form, document


@requires(Capability.EDIT_REPORTS)
def ofsted_summary(request: HttpRequest) -> HttpResponse:
    form, document = _ofsted(request)
    return render(
        request,
        "assessments/ofsted.html",
        {
            "form": form,
            "document": document,
            "query": request.GET.urlencode(),
            "body": output.document_html(document, standalone=False) if document else "",
        },
    )


@requires(Capability.EDIT_REPORTS)
def ofsted_download(request: HttpRequest, file_format: str) -> HttpResponse:
    _form, document = _ofsted(request)
    if document is None:
        raise Http404("Choose a service and year")
    return download(document, file_format, kind="workforce-summary")


@requires(Capability.EDIT_REPORTS)
def regional(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    councils = region_organisations(organisation)
    years = published_years(organisations=councils)
    asked = request.GET.get("year", "")
    if asked and not (asked.isdigit() and int(asked) in years):
        raise Http404("No published self-assessment for that year")
    year = int(asked) if asked else (years[0] if years else timezone.localdate().year - 1)
    return render(
        request,
        "assessments/regional.html",
        {
            "table": regional_table(organisation=organisation, year=year),
            "year": year,
            "years": years,
            "councils": councils,
        },
    )

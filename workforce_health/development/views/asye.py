"""NQSW pages: the dashboard for the lead and assessors, enrolments with their reviews,
evidence, pauses and moderation outcome, and the programmes (ASYE or any early-career one)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from workforce_health.core.models import Membership
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.scope import Scope
from workforce_health.development import exports, frames, selectors, services
from workforce_health.development.forms.asye import (
    EnrolmentForm,
    EvidenceForm,
    OutcomeForm,
    PauseForm,
    ProgrammeForm,
    ReviewForm,
)
from workforce_health.development.models import Enrolment
from workforce_health.development.tables import nqsw_list_rows, nqsw_summary_table
from workforce_health.development.views._common import (
    can,
    file_format,
    found,
    may_record_on,
    requires_nqsw_pages,
    save_or_add_errors,
    today,
    viewer,
)
from workforce_health.web.tables import Table


def _progress(membership: Membership, show: str) -> list[frames.NqswProgress]:
    progress = frames.nqsw_progress_list(
        enrolments=list(selectors.enrolment_list(scope=Scope.of(membership))),
        scope=Scope.of(membership),
        as_of=today(),
    )
    if show != "all":
        progress = [p for p in progress if p.progress.active]
    return sorted(progress, key=lambda p: (p.team or "", p.enrolment.person.family_name))


def _summary(progress: list[frames.NqswProgress]) -> Table:
    return nqsw_summary_table(frames.nqsw_summary(progress, by=["team"]), by="team", as_of=today())


@requires_nqsw_pages
def dashboard(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    show = "all" if request.GET.get("show") == "all" else "active"
    progress = _progress(membership, show)
    return render(
        request,
        "development/asye.html",
        {
            "rows": nqsw_list_rows(progress),
            "table": _summary(progress),
            "show": show,
            "total": frames.nqsw_summary(progress).to_dicts()[0],
            "can_record": can(membership, Capability.RECORD_DEVELOPMENT),
            "can_manage": can(membership, Capability.MANAGE_DEVELOPMENT),
        },
    )


@requires_nqsw_pages
def dashboard_download(request: HttpRequest, fmt: str) -> HttpResponse:
    show = "all" if request.GET.get("show") == "all" else "active"
    table = _summary(_progress(viewer(request), show))
    return exports.download(table, f"nqsws-by-team-{today():%Y-%m-%d}", file_format(fmt))


def _enrolment(request: HttpRequest, enrolment_id: int, *, record: bool = False) -> Enrolment:
    membership = viewer(request)
    scope = Scope.of(membership)
    enrolment = found(selectors.enrolment_get(scope=scope, enrolment_id=enrolment_id))
    if record and not may_record_on(membership, enrolment):
        raise PermissionDenied
    return enrolment


@requires_nqsw_pages
def enrolment(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    item = _enrolment(request, enrolment_id)
    progress = frames.nqsw_progress_list(enrolments=[item], scope=scope, as_of=today())
    labels = item.programme.requirement_labels()
    return render(
        request,
        "development/enrolment.html",
        {
            "enrolment": item,
            "p": progress[0] if progress else None,
            "evidence": [
                (e, labels.get(e.requirement, e.requirement)) for e in item.evidence.all()
            ],
            "can_record": may_record_on(membership, item),
            "can_edit": can(membership, Capability.RECORD_DEVELOPMENT),
        },
    )


def _enrolment_form(request: HttpRequest, membership: Membership, **kwargs: Any) -> EnrolmentForm:
    return EnrolmentForm(
        request.POST or None,
        staff=selectors.current_staff_list(organisation=membership.organisation),
        programmes=selectors.programme_list(organisation=membership.organisation),
        **kwargs,
    )


@requires(Capability.RECORD_DEVELOPMENT)
def enrolment_add(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    people = selectors.person_choice_list(scope=scope)
    programme = services.programme_default(organisation=membership.organisation)
    form = _enrolment_form(request, membership, people=people, initial={"programme": programme})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = save_or_add_errors(form, lambda: services.enrolment_create(**data))
        if created is not None:
            messages.success(request, f"{created.person.full_name} enrolled on {created.programme}")
            return redirect("development-enrolment", enrolment_id=created.pk)
    return render(request, "development/enrolment_form.html", {"form": form})


@requires(Capability.RECORD_DEVELOPMENT)
def enrolment_edit(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    membership = viewer(request)
    item = _enrolment(request, enrolment_id)
    initial = {
        name: getattr(item, name)
        for name in (
            "programme",
            "assessor",
            "supervisor",
            "starts_on",
            "planned_end",
            "protected_hours_per_week",
        )
    }
    form = _enrolment_form(request, membership, people=None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v is not None}
        saved = save_or_add_errors(form, lambda: services.enrolment_update(enrolment=item, **data))
        if saved is not None:
            messages.success(request, "Enrolment saved")
            return redirect("development-enrolment", enrolment_id=item.pk)
    return render(request, "development/enrolment_form.html", {"form": form, "enrolment": item})


@requires(Capability.RECORD_DEVELOPMENT)
def enrolment_outcome(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    item = _enrolment(request, enrolment_id)
    names = (
        "recommendation",
        "panel_on",
        "decision",
        "extended_to",
        "record_updated_on",
        "withdrawn_on",
    )
    form = OutcomeForm(request.POST or None, initial={n: getattr(item, n) for n in names})
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.enrolment_update(enrolment=item, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, "Moderation and outcome saved")
            return redirect("development-enrolment", enrolment_id=item.pk)
    return render(request, "development/outcome_form.html", {"form": form, "enrolment": item})


@requires(Capability.RECORD_DEVELOPMENT)
def pause_add(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    item = _enrolment(request, enrolment_id)
    form = PauseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.pause_record(enrolment=item, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, "Pause recorded: reviews and evidence move later with it")
            return redirect("development-enrolment", enrolment_id=item.pk)
    return render(request, "development/pause_form.html", {"form": form, "enrolment": item})


@requires(Capability.RECORD_DEVELOPMENT)
def pause_edit(request: HttpRequest, enrolment_id: int, pause_id: int) -> HttpResponse:
    item = _enrolment(request, enrolment_id)
    pause = found(selectors.pause_get(enrolment=item, pause_id=pause_id))
    initial = {"starts_on": pause.starts_on, "ends_on": pause.ends_on, "reason": pause.reason}
    form = PauseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.pause_update(pause=pause, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, "Pause saved")
            return redirect("development-enrolment", enrolment_id=item.pk)
    return render(
        request, "development/pause_form.html", {"form": form, "enrolment": item, "pause": pause}
    )


@requires_nqsw_pages
def review(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    item = _enrolment(request, enrolment_id, record=True)
    points = list(item.programme.shape().review_months)
    asked = request.GET.get("point", "")
    point = int(asked) if asked.isdigit() and int(asked) in points else points[0]
    existing = selectors.review_get(enrolment=item, point=point)
    initial: dict[str, Any] = {"point": point}
    if existing is not None:
        initial |= {
            "held_on": existing.held_on,
            "present": existing.present,
            "judgement": existing.judgement,
            "notes": existing.notes,
        }
    form = ReviewForm(request.POST or None, points=points, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.review_record(enrolment=item, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, f"{saved.point}-month review saved")
            return redirect("development-enrolment", enrolment_id=item.pk)
    return render(request, "development/review_form.html", {"form": form, "enrolment": item})


def _evidence_form(request: HttpRequest, item: Enrolment, **kwargs: Any) -> EvidenceForm:
    return EvidenceForm(
        request.POST or None,
        requirements=item.programme.requirement_labels(),
        staff=selectors.current_staff_list(organisation=item.organisation),
        **kwargs,
    )


@requires_nqsw_pages
def evidence_add(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    item = _enrolment(request, enrolment_id, record=True)
    form = _evidence_form(request, item, initial={"assessor": item.assessor})
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.evidence_record(enrolment=item, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, "Evidence saved")
            return redirect("development-enrolment", enrolment_id=item.pk)
    return render(request, "development/evidence_form.html", {"form": form, "enrolment": item})


@requires_nqsw_pages
def evidence_edit(request: HttpRequest, enrolment_id: int, evidence_id: int) -> HttpResponse:
    item = _enrolment(request, enrolment_id, record=True)
    evidence = found(selectors.evidence_get(enrolment=item, item_id=evidence_id))
    initial = {name: getattr(evidence, name) for name in services.EVIDENCE_FIELDS}
    form = _evidence_form(request, item, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.evidence_update(item=evidence, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, "Evidence saved")
            return redirect("development-enrolment", enrolment_id=item.pk)
    return render(
        request,
        "development/evidence_form.html",
        {"form": form, "enrolment": item, "evidence": evidence},
    )


@requires(Capability.MANAGE_DEVELOPMENT)
def programmes(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    services.programme_default(organisation=organisation)
    return render(
        request,
        "development/programmes.html",
        {
            "programmes": [
                (p, p.shape()) for p in selectors.programme_list(organisation=organisation)
            ]
        },
    )


def _programme_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": data["name"],
        "is_default": data["is_default"],
        "length_months": data["length_months"],
        "review_months": data["review_months"],
        "requirements": services.requirements_data(data["requirements"]),
        "workload": services.workload_data(data["workload"]),
        "protected_hours_per_week": data["protected_hours_per_week"],
    }


@requires(Capability.MANAGE_DEVELOPMENT)
def programme_add(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    form = ProgrammeForm(request.POST or None, initial=ProgrammeForm.initial_for(None))
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form,
            lambda: services.programme_create(
                organisation=organisation, **_programme_fields(form.cleaned_data)
            ),
        )
        if saved is not None:
            messages.success(request, f"Programme \u201c{saved.name}\u201d saved")
            return redirect("development-programmes")
    return render(request, "development/programme_form.html", {"form": form})


@requires(Capability.MANAGE_DEVELOPMENT)
def programme_edit(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = found(
        selectors.programme_get(scope=Scope.of(viewer(request)), programme_id=programme_id)
    )
    form = ProgrammeForm(request.POST or None, initial=ProgrammeForm.initial_for(programme))
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form,
            lambda: services.programme_update(
                programme=programme, **_programme_fields(form.cleaned_data)
            ),
        )
        if saved is not None:
            messages.success(request, f"Programme \u201c{saved.name}\u201d saved")
            return redirect("development-programmes")
    return render(
        request, "development/programme_form.html", {"form": form, "programme": programme}
    )

"""The development landing page, one person's record, the member of staff's own record, and
bulk import and export."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from workforce_health.core.models import Membership, Person
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.scope import Scope
from workforce_health.development import exports, frames, imports, limits, selectors, services
from workforce_health.development.forms.common import yes_no_initial
from workforce_health.development.forms.cpd import CpdForm
from workforce_health.development.forms.records import ImportForm
from workforce_health.development.forms.supervision import RatingForm
from workforce_health.development.measures import cpd
from workforce_health.development.views._common import (
    can,
    file_format,
    found,
    save_or_add_errors,
    today,
    viewer,
)

FORM_ALLOWANCE = 64 * 1024  # the other fields and multipart boundaries of an upload


@requires(Capability.VIEW_DEVELOPMENT)
def index(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    on = today()
    period = frames.Period.year_to(on)
    inputs = frames.supervision_inputs_get(scope=scope)
    measures = frames.supervision_measures(inputs, until=on)
    total = measures.compliance(period).to_dicts()[0]
    overdue = frames.supervision_overdue(inputs, as_of=on, measures=measures)["overdue"].sum()
    year = cpd.registration_year(on)
    readiness = frames.cpd_readiness(frames.cpd_inputs_get(scope=scope, on=on), year=year)
    progress = frames.nqsw_progress_list(
        enrolments=list(selectors.enrolment_list(scope=scope)), scope=scope, as_of=on
    )
    search = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "development/index.html",
        {
            "period": period,
            "total": total,
            "overdue": overdue,
            "year": year,
            "readiness": readiness.to_dicts()[0],
            "active_nqsws": sum(1 for p in progress if p.progress.active),
            "on_track": sum(1 for p in progress if p.progress.on_track),
            "secondments": selectors.secondment_list(scope=scope)
            .filter(actual_end__isnull=True, starts_on__lte=on)
            .count(),
            "search": search,
            "people": selectors.person_choice_list(scope=scope, search=search)[:50]
            if search
            else None,
            "can_record": can(membership, Capability.RECORD_DEVELOPMENT),
            "can_manage": can(membership, Capability.MANAGE_DEVELOPMENT),
            "has_own": membership.person_id is not None,
            "export_kinds": [(key, kind.label) for key, kind in imports.KINDS.items()],
        },
    )


def _record_context(membership: Membership, person: Person, enrolments: Any) -> dict[str, Any]:
    """One person's supervision measures and programme progress (the caller has scoped the
    person: one in the viewer's scope, or the viewer's own record)."""
    on = today()
    period = frames.Period.year_to(on)
    inputs = frames.supervision_inputs_get(scope=Scope.of(membership), person=person)
    measures = frames.supervision_measures(inputs, until=on)
    overdue = frames.supervision_overdue(inputs, as_of=on, measures=measures).to_dicts()
    return {
        "person": person,
        "period": period,
        "total": measures.compliance(period).to_dicts()[0],
        "minimum_minutes": inputs.minimum_minutes,
        "now": overdue[0] if overdue else None,
        "progress": frames.nqsw_progress_list(
            enrolments=list(enrolments), scope=Scope.of(membership), as_of=on
        ),
        "year": cpd.registration_year(on),
    }


@requires(Capability.VIEW_DEVELOPMENT)
def person_record(request: HttpRequest, person_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    person = found(selectors.development_person_get(scope=scope, person_id=person_id))
    year = cpd.registration_year(today())
    first, last = cpd.registration_year_bounds(year)
    entries = selectors.cpd_list(scope=scope, person=person)
    return render(
        request,
        "development/person.html",
        {
            **_record_context(
                membership,
                person,
                selectors.enrolment_list(scope=scope).filter(person=person),
            ),
            "agreements": selectors.agreement_list(scope=scope, person=person),
            "sessions": selectors.session_list(scope=scope, person=person)[:24],
            "leave": selectors.leave_list(person=person),
            "entries": entries,
            "pieces_this_year": entries.filter(done_on__range=(first, last)),
            "secondments": selectors.secondment_list(scope=scope, person=person),
            "can_record": can(membership, Capability.RECORD_DEVELOPMENT),
        },
    )


@requires(Capability.VIEW_OWN_RECORD)
def mine(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    person = found(selectors.own_person(scope=scope))
    year = cpd.registration_year(today())
    first, last = cpd.registration_year_bounds(year)
    entries = selectors.own_cpd_list(scope=scope)
    return render(
        request,
        "development/mine.html",
        {
            **_record_context(membership, person, selectors.own_enrolment_list(scope=scope)),
            "agreements": selectors.own_agreement_list(scope=scope),
            "sessions": selectors.own_session_list(scope=scope)[:24],
            "entries": entries,
            "pieces_this_year": entries.filter(done_on__range=(first, last)),
            "secondments": selectors.own_secondment_list(scope=scope),
            "assesses": selectors.reader_assesses(scope=scope),
        },
    )


@requires(Capability.VIEW_OWN_RECORD)
def mine_rate(request: HttpRequest, supervision_session_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    session = found(selectors.own_session_get(scope=scope, session_id=supervision_session_id))
    form = RatingForm(request.POST or None, initial={"quality": session.quality})
    if request.method == "POST" and form.is_valid():
        services.session_rate(session=session, quality=form.cleaned_data["quality"])
        messages.success(request, f"Thank you: your rating of {session.held_on:%-d %B %Y} saved")
        return redirect("development-mine")
    return render(request, "development/rate_form.html", {"form": form, "session": session})


def _cpd_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in services.CPD_FIELDS}


@requires(Capability.VIEW_OWN_RECORD)
def mine_cpd_add(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    person = found(selectors.own_person(scope=scope))
    events = selectors.learning_event_list(organisation=membership.organisation)
    form = CpdForm(request.POST or None, people=None, events=events)
    if request.method == "POST" and form.is_valid():
        entry = save_or_add_errors(
            form,
            lambda: services.cpd_entry_create(
                person=person,
                recorded_by=request.user,  # type: ignore[arg-type]
                **_cpd_fields(form.cleaned_data),
            ),
        )
        if entry is not None:
            messages.success(request, f"CPD \u201c{entry.title}\u201d saved")
            return redirect("development-mine")
    return render(request, "development/cpd_form.html", {"form": form, "own": True})


def cpd_initial(entry: Any) -> dict[str, Any]:
    return {
        "done_on": entry.done_on,
        "activity_type": entry.activity_type,
        "title": entry.title,
        "hours": entry.hours,
        "learnt": entry.learnt,
        "impact": entry.impact,
        "peer_reflection": yes_no_initial(entry.peer_reflection),
        "recorded_with_swe": yes_no_initial(entry.recorded_with_swe),
        "event": entry.event,
    }


@requires(Capability.VIEW_OWN_RECORD)
def mine_cpd_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    entry = found(selectors.own_cpd_get(scope=scope, entry_id=entry_id))
    events = selectors.learning_event_list(organisation=membership.organisation)
    form = CpdForm(request.POST or None, people=None, events=events, initial=cpd_initial(entry))
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.cpd_entry_update(entry=entry, **_cpd_fields(form.cleaned_data))
        )
        if saved is not None:
            messages.success(request, f"CPD \u201c{entry.title}\u201d saved")
            return redirect("development-mine")
    return render(request, "development/cpd_form.html", {"form": form, "own": True, "entry": entry})


def _too_large(request: HttpRequest) -> bool:
    length = str(request.META.get("CONTENT_LENGTH") or "0")
    declared = int(length) if length.isdigit() else 0
    return declared > limits.max_file_bytes() + FORM_ALLOWANCE


@csrf_exempt  # checked below, after the declared size, so a huge upload is never read
@requires(Capability.MANAGE_DEVELOPMENT)
def records_import(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and _too_large(request):
        form = ImportForm()
        return render(
            request,
            "development/import.html",
            {
                "form": form,
                "refused": limits.too_large_message(),
                "kinds": imports.KINDS,
            },
            status=413,
        )
    return csrf_protect(_records_import)(request)


def _records_import(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    posted = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = ImportForm(*posted)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        problem = limits.size_problem(upload.size or 0)
        if problem:
            form.add_error("file", problem)
        else:
            result = services.records_import(
                organisation=membership.organisation,
                kind=form.cleaned_data["kind"],
                name=upload.name,
                data=upload.read(),
                user=request.user,  # type: ignore[arg-type]
            )
    return render(
        request,
        "development/import.html",
        {"form": form, "result": result, "kinds": imports.KINDS},
        status=422 if result is not None and not result.ok else 200,
    )


@requires(Capability.MANAGE_DEVELOPMENT)
def import_template(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    spec = found(imports.KINDS.get(kind))
    fmt = file_format(fmt)
    data = imports.template_csv(spec) if fmt == "csv" else imports.template_xlsx(spec)
    content_type = (
        "text/csv; charset=utf-8"
        if fmt == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{kind}-template.{fmt}"'
    return response


@requires(Capability.VIEW_DEVELOPMENT)
def records_export(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    found(imports.KINDS.get(kind))
    table = exports.records_table(scope=Scope.of(viewer(request)), kind=kind)
    return exports.download(table, f"{kind}-{today():%Y-%m-%d}", file_format(fmt))

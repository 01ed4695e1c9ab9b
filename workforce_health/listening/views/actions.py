"""Actions ("you said, we did"): list, raise, change, record progress, link."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, save_or_add_errors, viewer
from workforce_health.listening import downloads, selectors, services, tables
from workforce_health.listening.forms.actions import ActionForm, ProgressForm, PromptForm
from workforce_health.listening.models import Action

FILTERS = (("", "All"), ("open", "Not done yet"), *Action.Status.choices)


def _prompt_form(request: HttpRequest) -> PromptForm:
    choices = selectors.prompt_choices(organisation=viewer(request).organisation)
    return PromptForm(
        request.POST or None,
        items=choices.items,
        standards=choices.standards,
        pulses=choices.pulses,
        themes=choices.themes,
        sessions=choices.sessions,
        prefix="prompt",
    )


@requires(Capability.VIEW_LISTENING)
def action_list(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    status = request.GET.get("status", "")
    status = status if status in dict(FILTERS) else ""
    actions = list(selectors.action_list(scope=Scope.of(membership), status=status or None))
    return render(
        request,
        "listening/actions/list.html",
        {
            "actions": actions,
            "filters": FILTERS,
            "status": status,
            "table": tables.actions_table(actions),
            "can_manage": membership_can(membership, Capability.MANAGE_LISTENING),
        },
    )


@requires(Capability.VIEW_LISTENING)
def action_list_download(request: HttpRequest, listening_format: str) -> HttpResponse:
    if listening_format not in ("csv", "xlsx"):
        raise Http404
    table = tables.actions_table(list(selectors.action_list(scope=Scope.of(viewer(request)))))
    return downloads.table_download({table.slug: table}, table.slug, listening_format, "listening")


@requires(Capability.MANAGE_LISTENING)
def action_create(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    organisation = membership.organisation
    form = ActionForm(
        request.POST or None,
        organisation=organisation,
        owners=selectors.owner_choices(organisation=organisation),
    )
    prompt = _prompt_form(request)
    if request.method == "POST" and form.is_valid() and prompt.is_valid():
        action = save_or_add_errors(
            form,
            lambda: services.action_create(
                organisation=organisation,
                prompts=[prompt.prompt(organisation)],
                author=request.user,  # type: ignore[arg-type]
                **form.cleaned_data,
            ),
        )
        if action is not None:
            messages.success(request, f"{action.title} raised")
            return redirect("listening-action", action_id=action.pk)
    return render(
        request,
        "listening/actions/form.html",
        {"form": form, "prompt": prompt, "action": None, "errors": form.errors or prompt.errors},
    )


@requires(Capability.MANAGE_LISTENING)
def action_edit(request: HttpRequest, action_id: int) -> HttpResponse:
    membership = viewer(request)
    action = found(selectors.action_get(scope=Scope.of(membership), action_id=action_id))
    form = ActionForm(
        request.POST or None,
        organisation=membership.organisation,
        owners=selectors.owner_choices(
            organisation=membership.organisation, including=action.owner
        ),
        initial={
            "title": action.title,
            "description": action.description,
            "owner": action.owner,
            "services": list(action.services.all()),
            "due_on": action.due_on,
            "visibility": action.visibility,
        },
    )
    if request.method == "POST" and form.is_valid():
        changed = save_or_add_errors(
            form, lambda: services.action_update(action=action, **form.cleaned_data)
        )
        if changed is not None:
            messages.success(request, "Action changed")
            return redirect("listening-action", action_id=action.pk)
    return render(
        request,
        "listening/actions/form.html",
        {"form": form, "prompt": None, "action": action, "errors": form.errors},
    )


@requires(Capability.VIEW_LISTENING)
def action_detail(request: HttpRequest, action_id: int) -> HttpResponse:
    membership = viewer(request)
    action = found(selectors.action_get(scope=Scope.of(membership), action_id=action_id))
    return render(
        request,
        "listening/actions/detail.html",
        {
            "action": action,
            "said": selectors.action_said(action),
            "updates": action.updates.select_related("author"),
            "check_back": selectors.check_back_result(action=action),
            "can_manage": membership_can(membership, Capability.MANAGE_LISTENING),
        },
    )


@requires(Capability.MANAGE_LISTENING)
def action_progress(request: HttpRequest, action_id: int) -> HttpResponse:
    action = found(selectors.action_get(scope=Scope.of(viewer(request)), action_id=action_id))
    form = ProgressForm(
        request.POST or None,
        initial={
            "status": action.status,
            "percent_complete": action.percent_complete,
            "completed_on": action.completed_on,
            "evidence": action.evidence,
        },
    )
    if request.method == "POST" and form.is_valid():
        update = save_or_add_errors(
            form,
            lambda: services.action_progress(
                action=action,
                author=request.user,  # type: ignore[arg-type]
                **form.cleaned_data,
            ),
        )
        if update is not None:
            messages.success(request, "Progress recorded")
            return redirect("listening-action", action_id=action.pk)
    return render(request, "listening/actions/progress.html", {"form": form, "action": action})


@requires(Capability.MANAGE_LISTENING)
def action_link(request: HttpRequest, action_id: int) -> HttpResponse:
    membership = viewer(request)
    action = found(selectors.action_get(scope=Scope.of(membership), action_id=action_id))
    prompt = _prompt_form(request)
    if request.method == "POST" and prompt.is_valid():
        link = save_or_add_errors(
            prompt,
            lambda: services.action_link_add(
                action=action, prompt=prompt.prompt(membership.organisation)
            ),
        )
        if link is not None:
            messages.success(request, "Link added")
            return redirect("listening-action", action_id=action.pk)
    return render(
        request, "listening/actions/link.html", {"form": prompt, "prompt": prompt, "action": action}
    )

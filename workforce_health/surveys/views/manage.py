"""Pages for workforce leads and administrators: questionnaires and waves (never responses)."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse

from workforce_health.core.permissions import Capability, requires
from workforce_health.core.view_helpers import (
    found,
    save_or_add_errors,
    save_or_conflict,
    viewer,
)
from workforce_health.surveys import groups, selectors
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.forms import (
    ADDABLE_TYPES,
    CopyForm,
    DisclosureForm,
    ItemAddForm,
    ItemTypeForm,
    OptionsForm,
    RewordForm,
    WaveDetailsForm,
    WaveForm,
)
from workforce_health.surveys.models import DEFAULTS, DISCLOSURE_FIELDS, Questionnaire, Wave
from workforce_health.surveys.services import invitations, questionnaires, waves
from workforce_health.web import conflicts


@requires(Capability.MANAGE_SURVEYS)
def wave_list(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    return render(
        request,
        "surveys/manage/wave_list.html",
        {
            "waves": selectors.wave_list(viewer=membership),
            "questionnaires": selectors.questionnaire_list(organisation=membership.organisation),
        },
    )


@requires(Capability.MANAGE_SURVEYS)
def wave_create(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    initial = {
        "min_group_size": DEFAULTS.min_group_size,
        "min_group_size_comments": DEFAULTS.min_group_size_comments,
        "min_invited_for_response_rate": DEFAULTS.min_invited_for_response_rate,
        "staff_groups": groups.SOCIAL_WORK_GROUPS,
    }
    form = WaveForm(request.POST or None, organisation=organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        wave = save_or_add_errors(
            form, lambda: waves.wave_create(organisation=organisation, **form.cleaned_data)
        )
        if wave is not None:
            messages.success(request, f"{wave.title} created. It is not open yet")
            return redirect("survey-wave-detail", wave_id=wave.pk)
    return render(request, "surveys/manage/wave_form.html", {"form": form})


def _shared_link(request: HttpRequest, wave: Wave) -> str:
    path = reverse(
        "survey-shared", kwargs={"la_code": wave.organisation.la_code, "slug": wave.slug}
    )
    return request.build_absolute_uri(path)


@requires(Capability.MANAGE_SURVEYS)
def wave_detail(request: HttpRequest, wave_id: int) -> HttpResponse:
    wave = found(selectors.wave_get(viewer=viewer(request), wave_id=wave_id))
    counts = selectors.wave_counts(wave=wave)
    # A past wave: an earlier survey imported, closed from the start, with no invitations.
    past = wave.status == Wave.Status.CLOSED and not (counts.invited or counts.shared_link_starts)
    return render(
        request,
        "surveys/manage/wave_detail.html",
        {
            "wave": wave,
            "counts": counts,
            "past": past,
            "invited_total": selectors.wave_invited_total(wave=wave) if past else None,
            "shared_link": _shared_link(request, wave),
            "services": ", ".join(service.name for service in wave.services.all()),
            "staff_groups": [groups.RoleGroup(value).label for value in wave.staff_groups],
            "dates": f"{wave.opens_on:%-d %B %Y} to {wave.closes_on:%-d %B %Y}",
            "smallest": f"{wave.min_group_size} for results, {wave.min_group_size_comments} "
            f"for comments, {wave.min_invited_for_response_rate} invited for a response rate",
        },
    )


def _draft_wave_form(
    request: HttpRequest,
    wave: Wave,
    form_for: Callable[[QueryDict | None, dict[str, Any]], forms.Form],
    values: Callable[[Wave], dict[str, Any]],
    save: Callable[[dict[str, Any], int | None], Wave],
    saved_message: Callable[[Wave], str],
    template: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """A page that changes a draft wave: the form opens with `values(wave)`; a valid POST saves
    through `save(cleaned data, version opened at)` and goes back to the wave, or shows what
    someone else saved meanwhile; once the wave has opened the form is not taken, and a POST is
    refused (400)."""
    draft = wave.status == Wave.Status.DRAFT
    posted = request.method == "POST"
    form = form_for(request.POST if draft and posted else None, values(wave))
    conflicts.add_version(form, wave.lock_version)
    if draft and posted and form.is_valid():
        version = conflicts.submitted_version(form)
        saved = save_or_conflict(
            form, lambda: save(form.cleaned_data, version), what="survey", saved=values
        )
        if saved is not None:
            messages.success(request, saved_message(saved))
            return redirect("survey-wave-detail", wave_id=wave.pk)
    refused = posted and not draft
    return render(
        request,
        template,
        {"wave": wave, "form": form, "draft": draft, "refused": refused, **(context or {})},
        status=400 if refused else conflicts.status(form),
    )


@requires(Capability.MANAGE_SURVEYS)
def wave_settings(request: HttpRequest, wave_id: int) -> HttpResponse:
    """Change the smallest groups shown, until the wave opens (then they are fixed)."""
    wave = found(selectors.wave_get(viewer=viewer(request), wave_id=wave_id))
    return _draft_wave_form(
        request,
        wave,
        lambda data, initial: DisclosureForm(data, initial=initial),
        lambda saved: {name: getattr(saved, name) for name in DISCLOSURE_FIELDS},
        lambda cleaned, version: waves.wave_disclosure_update(
            wave=wave, version=version, **cleaned
        ),
        lambda saved: f"Smallest groups shown for {saved.title} saved",
        "surveys/manage/wave_settings.html",
    )


@requires(Capability.MANAGE_SURVEYS)
def wave_edit(request: HttpRequest, wave_id: int) -> HttpResponse:
    """Change a draft wave's questionnaire, title, services, staff groups and dates."""
    membership = viewer(request)
    wave = found(selectors.wave_get(viewer=membership, wave_id=wave_id))
    return _draft_wave_form(
        request,
        wave,
        lambda data, initial: WaveDetailsForm(
            data, organisation=membership.organisation, initial=initial
        ),
        _details,
        lambda cleaned, version: waves.wave_update(wave=wave, version=version, **cleaned),
        lambda saved: f"{saved.title} saved. It is not open yet",
        "surveys/manage/wave_edit.html",
        {"staff_groups": [groups.RoleGroup(value).label for value in wave.staff_groups]},
    )


def _details(wave: Wave) -> dict[str, Any]:
    """The details form's values for a wave as saved."""
    return {
        "questionnaire": wave.questionnaire_id,
        "title": wave.title,
        "services": list(wave.services.all()),
        "staff_groups": list(wave.staff_groups),
        "opens_on": wave.opens_on,
        "closes_on": wave.closes_on,
    }


def _wave_action(request: HttpRequest, wave_id: int, action: str) -> HttpResponse:
    """Confirm on GET, act on POST: open (snapshot and email invitations) or close."""
    wave = found(selectors.wave_get(viewer=viewer(request), wave_id=wave_id))
    error = ""
    if request.method == "POST":
        try:
            if action == "open":
                invited = waves.wave_open(wave=wave)
                sent, without = invitations.invitations_send(
                    wave=Wave.objects.get(pk=wave.pk), base_url=request.build_absolute_uri("/")
                )
                messages.success(
                    request,
                    f"{wave.title} is open: {invited} invited, {sent} emailed, "
                    f"{without} without an email address (give them the shared link)",
                )
            else:
                waves.wave_close(wave=wave)
                messages.success(request, f"{wave.title} is closed")
            return redirect("survey-wave-detail", wave_id=wave.pk)
        except ValidationError as problem:
            error = " ".join(problem.messages)
    opening = selectors.wave_opening_get(wave=wave) if action == "open" else None
    return render(
        request,
        "surveys/manage/wave_action.html",
        {
            "wave": wave,
            "action": action,
            "error": error,
            "opening": opening,
            "services": ", ".join(service.name for service in wave.services.all()),
            "staff_groups": [groups.RoleGroup(value).label for value in wave.staff_groups],
        },
        status=400 if error else 200,
    )


@requires(Capability.MANAGE_SURVEYS)
def wave_open(request: HttpRequest, wave_id: int) -> HttpResponse:
    return _wave_action(request, wave_id, "open")


@requires(Capability.MANAGE_SURVEYS)
def wave_close(request: HttpRequest, wave_id: int) -> HttpResponse:
    return _wave_action(request, wave_id, "close")


@requires(Capability.MANAGE_SURVEYS)
def questionnaire_detail(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    membership = viewer(request)
    questionnaire = found(
        selectors.questionnaire_get(viewer=membership, questionnaire_id=questionnaire_id)
    )
    in_use = not questionnaire.is_builtin and selectors.questionnaire_in_use(
        questionnaire=questionnaire
    )
    return render(
        request,
        "surveys/manage/questionnaire_detail.html",
        {
            "questionnaire": questionnaire,
            "parsed": questionnaire.parsed(),
            "can_edit": not questionnaire.is_builtin and not in_use,
            "in_use": in_use,
        },
    )


@requires(Capability.MANAGE_SURVEYS)
def questionnaire_copy(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    membership = viewer(request)
    original = found(
        selectors.questionnaire_get(viewer=membership, questionnaire_id=questionnaire_id)
    )
    form = CopyForm(request.POST or None, initial={"title": f"{original.title} (our copy)"})
    if request.method == "POST" and form.is_valid():
        copy = save_or_add_errors(
            form,
            lambda: questionnaires.questionnaire_copy(
                organisation=membership.organisation,
                questionnaire=original,
                title=form.cleaned_data["title"],
            ),
        )
        if copy is not None:
            messages.success(request, f"Copied as version {copy.version}")
            return redirect("survey-questionnaire-edit", questionnaire_id=copy.pk)
    return render(
        request, "surveys/manage/questionnaire_copy.html", {"form": form, "original": original}
    )


@requires(Capability.MANAGE_SURVEYS)
def questionnaire_edit(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    questionnaire = found(
        selectors.questionnaire_copy_get(viewer=viewer(request), questionnaire_id=questionnaire_id)
    )
    before = _codes(questionnaire)
    form = RewordForm(
        request.POST or None,
        questionnaire=questionnaire.parsed(),
        initial={"title": questionnaire.title},
    )
    conflicts.add_version(form, questionnaire.lock_version)
    if request.method == "POST" and form.is_valid():
        version = conflicts.submitted_version(form)
        saved = save_or_conflict(
            form,
            lambda: questionnaires.questionnaire_reword(
                questionnaire=questionnaire,
                title=form.cleaned_data["title"],
                texts=form.texts(),
                version=version,
            ),
            what="questionnaire",
            saved=_wording,
        )
        if saved is not None:
            messages.success(request, f"{saved} saved{_new_codes(before, saved)}")
            return redirect("survey-questionnaire-detail", questionnaire_id=saved.pk)
    return render(
        request,
        "surveys/manage/questionnaire_edit.html",
        {"form": form, "questionnaire": questionnaire},
        status=conflicts.status(form),
    )


def _wording(questionnaire: Questionnaire) -> dict[str, Any]:
    """The reword form's values for a copy as saved."""
    items = {f"text__{item.code}": item.text for item in questionnaire.parsed().items()}
    return {"title": questionnaire.title, **items}


def _posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST (even one with no fields filled), else None."""
    return request.POST if request.method == "POST" else None


def _own_copy(request: HttpRequest, questionnaire_id: int) -> Questionnaire:
    """The organisation's own copy (packaged questionnaires and others' copies: 404)."""
    return found(
        selectors.questionnaire_copy_get(viewer=viewer(request), questionnaire_id=questionnaire_id)
    )


def _change_page(
    request: HttpRequest,
    template: str,
    questionnaire: Questionnaire,
    in_use: bool,
    context: dict[str, object],
) -> HttpResponse:
    """A page changing a copy; once a wave using it has opened it says so and refuses a POST."""
    refused = in_use and request.method == "POST"
    form = context.get("form")
    status = conflicts.status(form) if isinstance(form, forms.BaseForm) else 200
    return render(
        request,
        template,
        {"questionnaire": questionnaire, "in_use": in_use, "refused": refused, **context},
        status=400 if refused else status,
    )


@requires(Capability.MANAGE_SURVEYS)
def questionnaire_item_type(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    """Adding a question, first step: what kind of question."""
    questionnaire = _own_copy(request, questionnaire_id)
    in_use = selectors.questionnaire_in_use(questionnaire=questionnaire)
    form = ItemTypeForm(None if in_use else _posted(request))
    if request.method == "POST" and not in_use and form.is_valid():
        return redirect(
            "survey-questionnaire-item-add",
            questionnaire_id=questionnaire.pk,
            item_type=form.cleaned_data["type"],
        )
    return _change_page(
        request,
        "surveys/manage/questionnaire_item_type.html",
        questionnaire,
        in_use,
        {"form": form},
    )


@requires(Capability.MANAGE_SURVEYS)
def questionnaire_item_add(
    request: HttpRequest, questionnaire_id: int, item_type: str
) -> HttpResponse:
    """Adding a question, second step: its code, wording, section and what its type needs."""
    questionnaire = _own_copy(request, questionnaire_id)
    if item_type not in ADDABLE_TYPES:
        raise Http404
    in_use = selectors.questionnaire_in_use(questionnaire=questionnaire)
    form = ItemAddForm(
        None if in_use else _posted(request),
        questionnaire=questionnaire.parsed(),
        item_type=item_type,
    )
    if request.method == "POST" and not in_use and form.is_valid():
        saved = save_or_add_errors(
            form,
            lambda: questionnaires.questionnaire_item_add(
                questionnaire=questionnaire,
                item=form.item(),
                section=form.section_code(),
                new_section_title=form.cleaned_data["new_section_title"],
            ),
        )
        if saved is not None:
            messages.success(request, f"Question {form.cleaned_data['code']} added")
            return redirect("survey-questionnaire-detail", questionnaire_id=saved.pk)
    return _change_page(
        request,
        "surveys/manage/questionnaire_item_add.html",
        questionnaire,
        in_use,
        {"form": form, "type_label": ADDABLE_TYPES[item_type]},
    )


def _codes(questionnaire: Questionnaire) -> list[str]:
    return [item.code for item in questionnaire.parsed().items()]


def _new_codes(before: list[str], saved: Questionnaire) -> str:
    """What to tell the lead about questions that were given new codes by a change."""
    new = [code for code in _codes(saved) if code not in before]
    if not new:
        return ""
    return (
        f". New code{'s' if len(new) > 1 else ''} {', '.join(new)}: "
        "results for the changed wording or options start afresh"
    )


def _options(item: qn.Item) -> dict[str, Any]:
    """The options form's values for a choice question as saved."""
    return {"options": "\n".join(option.label for option in item.options)}


def _item_of(questionnaire: Questionnaire, code: str) -> tuple[qn.Section, qn.Item]:
    for section in questionnaire.parsed().sections:
        for item in section.items:
            if item.code == code:
                return section, item
    raise Http404


@requires(Capability.MANAGE_SURVEYS)
def questionnaire_item_remove(
    request: HttpRequest, questionnaire_id: int, item_code: str
) -> HttpResponse:
    """Confirm on GET, remove the question on POST."""
    questionnaire = _own_copy(request, questionnaire_id)
    section, item = _item_of(questionnaire, item_code)
    in_use = selectors.questionnaire_in_use(questionnaire=questionnaire)
    error = ""
    if request.method == "POST" and not in_use:
        try:
            questionnaires.questionnaire_item_remove(questionnaire=questionnaire, code=item.code)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, f"Question {item.code} removed")
            return redirect("survey-questionnaire-detail", questionnaire_id=questionnaire.pk)
    response = _change_page(
        request,
        "surveys/manage/questionnaire_item_remove.html",
        questionnaire,
        in_use,
        {"item": item, "section": section, "error": error},
    )
    if error:
        response.status_code = 400
    return response


@requires(Capability.MANAGE_SURVEYS)
def questionnaire_options(
    request: HttpRequest, questionnaire_id: int, item_code: str
) -> HttpResponse:
    """Change the options of a choice question."""
    questionnaire = _own_copy(request, questionnaire_id)
    _, item = _item_of(questionnaire, item_code)
    before = _codes(questionnaire)
    if item.type != qn.CHOICE:
        raise Http404
    in_use = selectors.questionnaire_in_use(questionnaire=questionnaire)
    form = OptionsForm(None if in_use else _posted(request), initial=_options(item))
    conflicts.add_version(form, questionnaire.lock_version)
    if request.method == "POST" and not in_use and form.is_valid():
        version = conflicts.submitted_version(form)
        saved = save_or_conflict(
            form,
            lambda: questionnaires.questionnaire_options_change(
                questionnaire=questionnaire,
                code=item.code,
                labels=form.cleaned_data["options"],
                version=version,
            ),
            what="questionnaire",
            saved=lambda current: _options(_item_of(current, item.code)[1]),
        )
        if saved is not None:
            messages.success(request, f"Options of {item.code} saved{_new_codes(before, saved)}")
            return redirect("survey-questionnaire-detail", questionnaire_id=saved.pk)
    return _change_page(
        request,
        "surveys/manage/questionnaire_options.html",
        questionnaire,
        in_use,
        {"form": form, "item": item},
    )

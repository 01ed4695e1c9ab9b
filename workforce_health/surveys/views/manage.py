"""Pages for workforce leads and administrators: questionnaires and waves (never responses)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from workforce_health.core.permissions import Capability, requires
from workforce_health.core.views._helpers import found, save_or_add_errors, viewer
from workforce_health.surveys import groups, selectors, services
from workforce_health.surveys.forms import CopyForm, DisclosureForm, RewordForm, WaveForm
from workforce_health.surveys.models import DEFAULTS, DISCLOSURE_FIELDS, Wave


@requires(Capability.MANAGE_SURVEYS)
def wave_list(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    return render(
        request,
        "surveys/manage/wave_list.html",
        {
            "waves": selectors.wave_list(viewer=membership),
            "questionnaires": selectors.questionnaire_list(viewer=membership),
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
            form, lambda: services.wave_create(organisation=organisation, **form.cleaned_data)
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
    return render(
        request,
        "surveys/manage/wave_detail.html",
        {
            "wave": wave,
            "counts": selectors.wave_counts(wave=wave),
            "shared_link": _shared_link(request, wave),
            "staff_groups": [groups.RoleGroup(value).label for value in wave.staff_groups],
        },
    )


@requires(Capability.MANAGE_SURVEYS)
def wave_settings(request: HttpRequest, wave_id: int) -> HttpResponse:
    """Change the smallest groups shown, until the wave opens (then they are fixed)."""
    wave = found(selectors.wave_get(viewer=viewer(request), wave_id=wave_id))
    draft = wave.status == Wave.Status.DRAFT
    refused = request.method == "POST" and not draft
    initial = {name: getattr(wave, name) for name in DISCLOSURE_FIELDS}
    form = DisclosureForm(request.POST or None, initial=initial)
    if draft and request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.wave_disclosure_update(wave=wave, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, f"Smallest groups shown for {wave.title} saved")
            return redirect("survey-wave-detail", wave_id=wave.pk)
    return render(
        request,
        "surveys/manage/wave_settings.html",
        {"wave": wave, "form": form, "draft": draft, "refused": refused},
        status=400 if refused else 200,
    )


def _wave_action(request: HttpRequest, wave_id: int, action: str) -> HttpResponse:
    """Confirm on GET, act on POST: open (snapshot and email invitations) or close."""
    wave = found(selectors.wave_get(viewer=viewer(request), wave_id=wave_id))
    error = ""
    if request.method == "POST":
        try:
            if action == "open":
                invited = services.wave_open(wave=wave)
                sent, without = services.invitations_send(
                    wave=Wave.objects.get(pk=wave.pk), base_url=request.build_absolute_uri("/")
                )
                messages.success(
                    request,
                    f"{wave.title} is open: {invited} invited, {sent} emailed, "
                    f"{without} without an email address (give them the shared link)",
                )
            else:
                services.wave_close(wave=wave)
                messages.success(request, f"{wave.title} is closed")
            return redirect("survey-wave-detail", wave_id=wave.pk)
        except ValidationError as problem:
            error = " ".join(problem.messages)
    return render(
        request,
        "surveys/manage/wave_action.html",
        {"wave": wave, "action": action, "error": error},
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
    return render(
        request,
        "surveys/manage/questionnaire_detail.html",
        {
            "questionnaire": questionnaire,
            "parsed": questionnaire.parsed(),
            "can_edit": not questionnaire.is_builtin
            and not services.questionnaire_in_use(questionnaire),
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
            lambda: services.questionnaire_copy(
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
    form = RewordForm(
        request.POST or None,
        questionnaire=questionnaire.parsed(),
        initial={"title": questionnaire.title},
    )
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form,
            lambda: services.questionnaire_reword(
                questionnaire=questionnaire,
                title=form.cleaned_data["title"],
                texts=form.texts(),
            ),
        )
        if saved is not None:
            messages.success(request, f"{saved} saved")
            return redirect("survey-questionnaire-detail", questionnaire_id=saved.pk)
    return render(
        request,
        "surveys/manage/questionnaire_edit.html",
        {"form": form, "questionnaire": questionnaire},
    )

"""The administrator's pages: Microsoft sign-in settings, group mappings, locked sign-ins."""

from django.conf import settings as django_settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from workforce_health.core.permissions import Capability, requires
from workforce_health.core.view_helpers import found, save_or_add_errors, viewer
from workforce_health.signin import forms, selectors, services


@requires(Capability.MANAGE_SIGN_IN)
def sign_in_settings(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    current = selectors.sign_in_settings_get(organisation=organisation)
    form = forms.SignInSettingsForm(
        request.POST or None, instance=current, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form,
            lambda: services.sign_in_settings_update(
                organisation=organisation, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, "Sign-in settings saved")
            return redirect("sign-in-settings")
    return render(
        request,
        "signin/settings.html",
        {
            "form": form,
            "current": current,
            "mappings": selectors.group_mapping_list(organisation=organisation),
            "callback_url": request.build_absolute_uri(
                reverse(
                    "openid_connect_callback",
                    kwargs={"provider_id": f"entra-{organisation.la_code}"},
                )
            ),
            "secret_is_set": bool(current and current.secret()),
        },
    )


@requires(Capability.MANAGE_SIGN_IN)
def group_mapping_create(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    form = forms.GroupMappingForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form,
            lambda: services.group_mapping_create(organisation=organisation, **form.cleaned_data),
        )
        if saved is not None:
            messages.success(request, f"{saved.claim_value} now gives {saved.get_role_display()}")
            return redirect("sign-in-settings")
    return render(request, "signin/group_form.html", {"form": form})


@requires(Capability.MANAGE_SIGN_IN)
def group_mapping_remove(request: HttpRequest, mapping_id: int) -> HttpResponse:
    organisation = viewer(request).organisation
    mapping = found(selectors.group_mapping_get(organisation=organisation, mapping_id=mapping_id))
    if request.method == "POST":
        services.group_mapping_delete(mapping=mapping)
        messages.success(request, f"{mapping.claim_value} no longer gives a role")
        return redirect("sign-in-settings")
    return render(request, "signin/group_remove.html", {"mapping": mapping})


@requires(Capability.MANAGE_SIGN_IN)
def locked_sign_ins(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    locks = selectors.locked_sign_in_list(organisation=organisation)
    if request.method == "POST":
        wanted = (request.POST.get("kind", ""), request.POST.get("value", ""))
        lock = next((lock for lock in locks if (lock.kind, lock.value) == wanted), None)
        if lock is not None:
            services.sign_in_unlock(
                kind=lock.kind, value=lock.value, by=request.user.get_username()
            )
            messages.success(request, f"Unlocked {lock.value}")
        return redirect("sign-in-locks")
    return render(
        request,
        "signin/locks.html",
        {"locks": locks, "failure_limit": django_settings.AXES_FAILURE_LIMIT},
    )

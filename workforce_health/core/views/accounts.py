"""Sign out and choosing the active organisation (signing in: workforce_health/signin)."""

from django import forms
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from workforce_health.core import selectors
from workforce_health.core.middleware import ACTIVE_ORGANISATION_SESSION_KEY
from workforce_health.core.permissions import requires_membership


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


class OrganisationChoiceForm(forms.Form):
    organisation = forms.TypedChoiceField(
        label="Which organisation do you want to work in?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose an organisation"},
    )


@requires_membership
def organisation_switch(request: HttpRequest) -> HttpResponse:
    memberships = selectors.membership_list(user=request.user)  # type: ignore[arg-type]
    choices = [
        (m.organisation_id, f"{m.organisation.name} ({m.get_role_display()})") for m in memberships
    ]
    form = OrganisationChoiceForm(request.POST or None)
    form.fields["organisation"].choices = choices  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        request.session[ACTIVE_ORGANISATION_SESSION_KEY] = form.cleaned_data["organisation"]
        return redirect("home")
    return render(request, "core/organisation_switch.html", {"form": form})

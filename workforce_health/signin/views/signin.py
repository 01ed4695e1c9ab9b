"""The sign-in page (django-allauth's flow, so MFA and throttling apply) and refusals."""

from typing import Any

from allauth.account.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from workforce_health.signin import selectors
from workforce_health.signin.form_action import allow_identity_provider


class SignInView(LoginView):
    template_name = "signin/sign_in.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["microsoft_sign_ins"] = selectors.entra_settings_list()
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        if context["microsoft_sign_ins"]:  # its buttons' forms go on to the identity provider
            allow_identity_provider(response)
        return response


def social_refused(request: HttpRequest) -> HttpResponse:
    """allauth's routes for a cancelled or failed Microsoft sign-in, and a closed sign-up."""
    return render(request, "signin/refused.html", {"reason": "failed"})

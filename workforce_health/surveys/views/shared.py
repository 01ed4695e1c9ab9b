"""The shared link for staff without an invitation: the groups are chosen by the respondent.

Public and undecorated like the other respondent pages. One response per browser: the token is
kept in a cookie on the respondent's device (never in the session table) and reused.

A wrong organisation code, or a cookie holding a token that was not issued, counts as a wrong
guess for the client (`ratelimit`); after too many, the code check and the cookie lookup answer
429 for a while. Fields other than the form's are ignored, and a group that is not one of the
choices is refused with a message; neither stores anything.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from workforce_health.core.view_helpers import save_or_add_errors
from workforce_health.surveys import ratelimit, selectors
from workforce_health.surveys.forms import SharedLinkForm
from workforce_health.surveys.services import invitations

COOKIE_PREFIX = "survey-"
NOT_A_CHOICE = "Select one of the answers shown"


@never_cache
def shared_start(request: HttpRequest, la_code: str, slug: str) -> HttpResponse:
    wave = selectors.wave_shared_get(la_code=la_code, slug=slug)
    if wave is None:
        raise Http404
    cookie = f"{COOKIE_PREFIX}{wave.pk}"
    earlier = request.COOKIES.get(cookie, "")
    if earlier or request.method == "POST":
        if ratelimit.is_blocked(request):
            return ratelimit.too_many(request)
    if earlier:
        if selectors.respondent_get(token=earlier) is not None:
            return redirect("survey-start", token=earlier)
        ratelimit.record_miss(request)
    form = SharedLinkForm(request.POST or None, wave=wave)
    for field in form.fields.values():
        field.error_messages["invalid_choice"] = NOT_A_CHOICE
    if wave.is_accepting and request.method == "POST" and form.is_valid():
        group = {k: v for k, v in form.cleaned_data.items() if k != "access_code"}
        code = form.cleaned_data["access_code"]
        token = save_or_add_errors(
            form, lambda: invitations.shared_link_start(wave=wave, access_code=code, group=group)
        )
        if token is None and form.has_error("access_code"):
            ratelimit.record_miss(request)
        if token is not None:
            response = redirect("survey-start", token=token)
            response.set_cookie(
                cookie,
                token,
                max_age=60 * 60 * 24 * 120,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
            return response
    return render(
        request,
        "surveys/respond/shared_start.html",
        {"wave": wave, "form": form, "page_title": wave.title},
    )

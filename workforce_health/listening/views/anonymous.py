"""The sender's pages, all under /anonymous/ (docs/listening.md, "Anonymity").

These views store nothing about who asked: no session data, no messages framework, no log
lines. The private code never appears in an address: it is shown once on the page after
sending, then typed into a form (POST) and carried in hidden fields. Pages are never cached.
Sending needs a signed-in member of staff (so only staff can write, and the organisation is
known); reading needs only the code. Wrong codes count against the client's address as survey
tokens do (`surveys.ratelimit`: a hash of the address, in the cache, for ten minutes).
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from workforce_health.core.permissions import Capability, requires
from workforce_health.core.view_helpers import viewer
from workforce_health.listening import selectors, services
from workforce_health.listening.forms.conversations import (
    CodeForm,
    ConversationForm,
    FollowUpForm,
)
from workforce_health.listening.models import Conversation
from workforce_health.surveys import ratelimit

WRONG_CODE = "No conversation has this code. Check it and try again"


def _sender_name(request: HttpRequest) -> str:
    membership = viewer(request)
    if membership.person is not None:
        return membership.person.full_name
    return membership.user.get_full_name() or membership.user.get_username()


@never_cache
@requires(Capability.LISTENING_STAFF)
def conversation_new(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    services_of = list(selectors.recipient_services(organisation=membership.organisation))
    name = _sender_name(request)
    form = ConversationForm(request.POST or None, services=services_of, sender_name=name)
    if request.method == "POST" and form.is_valid():
        started = services.conversation_start(
            organisation=membership.organisation,
            service=form.service,
            body=form.cleaned_data["message"],
            revealed_name=name if form.cleaned_data["share_name"] else "",
        )
        return render(
            request,
            "listening/anonymous/sent.html",
            {"code": started.code, "recipient": started.conversation.recipient},
        )
    return render(request, "listening/anonymous/new.html", {"form": form})


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(request, "listening/anonymous/too_many.html", status=429)
    response["Retry-After"] = str(ratelimit.window_seconds())
    return response


def _conversation_page(
    request: HttpRequest,
    conversation: Conversation,
    code: str,
    *,
    form: FollowUpForm | None = None,
    sent: bool = False,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "listening/anonymous/conversation.html",
        {
            "conversation": conversation,
            "rows": [
                (m, m.text) for m in selectors.conversation_messages(conversation=conversation)
            ],
            "form": form or FollowUpForm(initial={"code": code}),
            "sent": sent,
            "closed": conversation.status == Conversation.Status.CLOSED,
        },
        status=status,
    )


@never_cache
def conversation_read(request: HttpRequest) -> HttpResponse:
    """Enter the private code (POST) to read the conversation and write again."""
    if ratelimit.is_blocked(request):
        return _too_many(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        found = selectors.conversation_by_code(code=code, keys=services.code_keys())
        if found is not None:
            return _conversation_page(request, found, code)
        ratelimit.record_miss(request)
        form.add_error("code", WRONG_CODE)
    status = 400 if form.errors else 200
    return render(request, "listening/anonymous/read.html", {"form": form}, status=status)


@never_cache
@require_POST
def conversation_follow_up(request: HttpRequest) -> HttpResponse:
    if ratelimit.is_blocked(request):
        return _too_many(request)
    form = FollowUpForm(request.POST)
    code = str(request.POST.get("code", ""))
    found = selectors.conversation_by_code(code=code, keys=services.code_keys())
    if found is None:
        ratelimit.record_miss(request)
        read = CodeForm({"code": code})
        read.is_valid()
        read.add_error("code", WRONG_CODE)
        return render(request, "listening/anonymous/read.html", {"form": read}, status=400)
    if form.is_valid():
        try:
            services.conversation_follow_up(
                conversation=found,
                body=form.cleaned_data["message"],
                once=form.cleaned_data["once"],
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            found.refresh_from_db()
            return _conversation_page(request, found, code, sent=True)
    return _conversation_page(request, found, code, form=form, status=400)

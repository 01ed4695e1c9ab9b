"""The leaders' side of anonymous conversations: inbox, reply, summary, flag word lists."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, viewer
from workforce_health.listening import downloads, selectors, services, tables
from workforce_health.listening.forms.conversations import (
    AcknowledgeForm,
    FlagCategoryForm,
    ReplyForm,
)
from workforce_health.listening.models import Conversation, Message

FILTERS = (
    ("", "All"),
    ("awaiting", "Awaiting a reply"),
    ("answered", "Replied or acknowledged"),
    ("closed", "Closed"),
)


@requires(Capability.REPLY_TO_CONVERSATIONS)
def inbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in dict(FILTERS) else ""
    names = selectors.theme_names()
    theme = request.GET.get("theme", "")
    theme = theme if theme in names else ""
    flagged = request.GET.get("flagged") == "1"
    rows = selectors.inbox_rows(
        viewer=viewer(request), status=status or None, theme=theme or None, flagged=flagged
    )
    return render(
        request,
        "listening/conversations/inbox.html",
        {
            "rows": rows,
            "filters": FILTERS,
            "status": status,
            "themes": names,
            "theme": theme,
            "flagged": flagged,
            "can_edit_flags": membership_can(viewer(request), Capability.MANAGE_CONVERSATION_FLAGS),
        },
    )


def _detail(
    request: HttpRequest,
    conversation: Conversation,
    *,
    reply: ReplyForm | None = None,
    acknowledge: AcknowledgeForm | None = None,
    full_text: bool = False,
    status: int = 200,
) -> HttpResponse:
    membership = viewer(request)
    redactor = selectors.Redactor(membership.organisation)
    listed = list(selectors.conversation_messages(conversation=conversation))
    rows = [
        (m, m.text if (full_text or m.author == Message.Author.LEADER) else redactor(m.body))
        for m in listed
    ]
    sender_text = redactor("\n".join(m.body for m in listed if m.author == Message.Author.SENDER))
    categories = {c.key: c for c in selectors.flag_categories(organisation=membership.organisation)}
    return render(
        request,
        "listening/conversations/detail.html",
        {
            "conversation": conversation,
            "rows": rows,
            "themes": redactor.themes(sender_text),
            "flags": [categories[f] for f in conversation.flags if f in categories],
            "reply_form": reply or ReplyForm(),
            "acknowledge_form": acknowledge or AcknowledgeForm(),
            "form": reply if reply is not None and reply.errors else acknowledge,
            "full_text": full_text,
            "can_open_full_text": membership_can(membership, Capability.MANAGE_CONVERSATION_FLAGS)
            and bool(conversation.flags),
            "closed": conversation.status == Conversation.Status.CLOSED,
        },
        status=status,
    )


@requires(Capability.REPLY_TO_CONVERSATIONS)
def conversation_detail(request: HttpRequest, conversation_id: str) -> HttpResponse:
    membership = viewer(request)
    conversation = found(
        selectors.inbox_conversation_get(viewer=membership, conversation_id=conversation_id)
    )
    if request.method != "POST":
        return _detail(request, conversation)
    action = request.POST.get("action")
    try:
        if action == "reply":
            reply = ReplyForm(request.POST)
            if not reply.is_valid():
                return _detail(request, conversation, reply=reply, status=400)
            services.conversation_reply(
                conversation=conversation, leader=membership, body=reply.cleaned_data["reply"]
            )
            messages.success(request, "Reply sent. The sender reads it with their private code")
        elif action == "acknowledge":
            acknowledge = AcknowledgeForm(request.POST)
            if not acknowledge.is_valid():
                return _detail(request, conversation, acknowledge=acknowledge, status=400)
            services.conversation_reply(
                conversation=conversation,
                leader=membership,
                acknowledgement=acknowledge.cleaned_data["acknowledgement"],
            )
            messages.success(request, "Response sent")
        elif action == "close":
            services.conversation_close(conversation=conversation)
            messages.success(request, "Conversation closed")
        elif action == "full_text":
            if not membership_can(membership, Capability.MANAGE_CONVERSATION_FLAGS):
                raise Http404
            services.full_text_view_record(conversation=conversation, viewer=membership)
            conversation.refresh_from_db()
            return _detail(request, conversation, full_text=True)
        else:
            raise Http404
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    return redirect("listening-conversation", conversation_id=conversation.pk)


def _summary_tables(request: HttpRequest) -> dict[str, tables.Table]:
    found_summary = selectors.conversation_summary(
        scope=Scope.of(viewer(request)), until=timezone.localdate()
    )
    return tables.summary_tables(found_summary)


@requires(Capability.VIEW_CONVERSATION_SUMMARY)
def summary(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "listening/conversations/summary.html",
        {"tables": _summary_tables(request).values()},
    )


@requires(Capability.VIEW_CONVERSATION_SUMMARY)
def summary_download(
    request: HttpRequest, summary_table: str, listening_format: str
) -> HttpResponse:
    if listening_format not in ("csv", "xlsx"):
        raise Http404
    try:
        return downloads.table_download(
            _summary_tables(request), summary_table, listening_format, "conversations"
        )
    except KeyError as missing:
        raise Http404 from missing


@requires(Capability.MANAGE_CONVERSATION_FLAGS)
def flag_list(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    return render(
        request,
        "listening/conversations/flags.html",
        {"categories": selectors.flag_categories(organisation=organisation)},
    )


@requires(Capability.MANAGE_CONVERSATION_FLAGS)
def flag_edit(request: HttpRequest, flag_key: str) -> HttpResponse:
    organisation = viewer(request).organisation
    categories = {c.key: c for c in selectors.flag_categories(organisation=organisation)}
    category = found(categories.get(flag_key))
    initial = {
        "name": category.name,
        "keywords": "\n".join(category.keywords),
        "guidance": category.guidance,
    }
    form = FlagCategoryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.flag_category_update(
                organisation=organisation, key=flag_key, **form.cleaned_data
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, f"{form.cleaned_data['name']} words saved")
            return redirect("listening-flags")
    return render(
        request, "listening/conversations/flag_form.html", {"form": form, "category": category}
    )

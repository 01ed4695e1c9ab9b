"""The staff page: You said, we did."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.view_helpers import viewer
from workforce_health.listening import selectors


@requires(Capability.LISTENING_STAFF)
def you_said_we_did(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    return render(
        request,
        "listening/staff/you_said_we_did.html",
        {
            "page": selectors.staff_page(viewer=membership),
            "can_view": membership_can(membership, Capability.VIEW_LISTENING),
            "can_reply": membership_can(membership, Capability.REPLY_TO_CONVERSATIONS),
            "can_summarise": membership_can(membership, Capability.VIEW_CONVERSATION_SUMMARY),
            "can_manage": membership_can(membership, Capability.MANAGE_LISTENING),
        },
    )

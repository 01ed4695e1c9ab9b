"""Routes of the listening app. Everything a sender does is under /anonymous/ (see
docs/listening.md: logs and audit must leave that prefix out); the rest under /listening/."""

from django.urls import path

from workforce_health.listening.views import (
    actions,
    anonymous,
    conversations,
    pulses,
    sessions,
    staff,
)

ANONYMOUS_PREFIX = "anonymous/"

urlpatterns = [
    # The sender: no record of who asked, nothing about them in the address.
    path(
        f"{ANONYMOUS_PREFIX}conversations/new/",
        anonymous.conversation_new,
        name="listening-anonymous-new",
    ),
    path(
        f"{ANONYMOUS_PREFIX}conversations/",
        anonymous.conversation_read,
        name="listening-anonymous-read",
    ),
    path(
        f"{ANONYMOUS_PREFIX}conversations/write-again/",
        anonymous.conversation_follow_up,
        name="listening-anonymous-follow-up",
    ),
    # Staff: You said, we did.
    path("listening/", staff.you_said_we_did, name="listening-home"),
    # Leaders: anonymous conversations.
    path("listening/conversations/", conversations.inbox, name="listening-inbox"),
    path(
        "listening/conversations/summary/",
        conversations.summary,
        name="listening-conversation-summary",
    ),
    path(
        "listening/conversations/summary/<slug:summary_table>.<str:listening_format>",
        conversations.summary_download,
        name="listening-conversation-summary-download",
    ),
    path("listening/conversations/flags/", conversations.flag_list, name="listening-flags"),
    path(
        "listening/conversations/flags/<slug:flag_key>/",
        conversations.flag_edit,
        name="listening-flag-edit",
    ),
    path(
        "listening/conversations/<uuid:conversation_id>/",
        conversations.conversation_detail,
        name="listening-conversation",
    ),
    # Leader sessions.
    path("listening/sessions/", sessions.session_list, name="listening-sessions"),
    path("listening/sessions/new/", sessions.session_create, name="listening-session-create"),
    path(
        "listening/sessions/reach/<slug:reach_table>.<str:listening_format>",
        sessions.reach_download,
        name="listening-session-reach-download",
    ),
    path("listening/sessions/<int:session_id>/", sessions.session_detail, name="listening-session"),
    path(
        "listening/sessions/<int:session_id>/change/",
        sessions.session_edit,
        name="listening-session-edit",
    ),
    path(
        "listening/sessions/<int:session_id>/attendance/",
        sessions.session_attendance,
        name="listening-session-attendance",
    ),
    path(
        "listening/sessions/<int:session_id>/attendance.<str:listening_format>",
        sessions.attendance_download,
        name="listening-session-attendance-download",
    ),
    path(
        "listening/sessions/<int:session_id>/session.ics",
        sessions.session_calendar,
        name="listening-session-calendar",
    ),
    # Actions: you said, we did.
    path("listening/actions/", actions.action_list, name="listening-actions"),
    path(
        "listening/actions/all.<str:listening_format>",
        actions.action_list_download,
        name="listening-actions-download",
    ),
    path("listening/actions/new/", actions.action_create, name="listening-action-create"),
    path("listening/actions/<int:action_id>/", actions.action_detail, name="listening-action"),
    path(
        "listening/actions/<int:action_id>/change/",
        actions.action_edit,
        name="listening-action-edit",
    ),
    path(
        "listening/actions/<int:action_id>/progress/",
        actions.action_progress,
        name="listening-action-progress",
    ),
    path(
        "listening/actions/<int:action_id>/link/",
        actions.action_link,
        name="listening-action-link",
    ),
    path(
        "listening/actions/<int:action_id>/check-back/",
        pulses.check_back,
        name="listening-action-check-back",
    ),
    path(
        "listening/sessions/<int:session_id>/feedback/",
        pulses.session_feedback,
        name="listening-session-feedback",
    ),
    # Pulse surveys.
    path("listening/pulses/", pulses.series_list, name="listening-pulses"),
    path("listening/pulses/new/", pulses.series_create, name="listening-pulse-create"),
    path(
        "listening/pulses/questions/",
        pulses.questionnaire_create,
        name="listening-pulse-questionnaire",
    ),
    path(
        "listening/pulses/<int:series_id>/",
        pulses.series_detail,
        name="listening-pulse-series",
    ),
    path(
        "listening/pulses/<int:series_id>/<slug:pulse_table>.<str:listening_format>",
        pulses.series_download,
        name="listening-pulse-download",
    ),
]

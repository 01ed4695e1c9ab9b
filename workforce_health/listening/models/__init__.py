"""The listening app's tables, one module per part (docs/listening.md, "What is stored")."""

from workforce_health.listening.models.actions import Action, ActionLink, ActionUpdate
from workforce_health.listening.models.conversations import (
    Conversation,
    FlagCategory,
    FullTextView,
    Message,
)
from workforce_health.listening.models.pulses import Pulse, PulseSeries
from workforce_health.listening.models.sessions import (
    AttendanceCount,
    InvitedCount,
    LeaderSession,
    RegisterEntry,
)

__all__ = [
    "Action",
    "ActionLink",
    "ActionUpdate",
    "AttendanceCount",
    "Conversation",
    "FlagCategory",
    "FullTextView",
    "InvitedCount",
    "LeaderSession",
    "Message",
    "Pulse",
    "PulseSeries",
    "RegisterEntry",
]

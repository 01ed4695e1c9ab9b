"""Calendar files for leader sessions (RFC 5545, through `icalendar`: docs/adr/0012).

One event per session with a stable UID, so a calendar replaces an earlier copy when the
session changes (a higher SEQUENCE) and removes it when it is cancelled (METHOD:CANCEL, STATUS
CANCELLED). Times are written in UTC (the "Z" form), which every calendar converts to the
reader's time zone, so no VTIMEZONE table is needed. METHOD:PUBLISH: the file adds the session
to a calendar; the service collects no replies (attendance is counted at the session).
"""

import datetime
from dataclasses import dataclass
from typing import Final

from icalendar import Calendar, Event, vCalAddress

PRODID: Final = "-//Workforce Health//Leader sessions//EN"
CONTENT_TYPE: Final = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class SessionEvent:
    uid: str  # globally unique: "<uuid>@<host>"
    title: str
    starts_at: datetime.datetime  # aware
    ends_at: datetime.datetime
    location: str
    description: str
    sequence: int
    organiser_email: str
    organiser_name: str
    cancelled: bool = False


def _utc(moment: datetime.datetime) -> datetime.datetime:
    if moment.tzinfo is None:
        raise ValueError("session times must be timezone-aware")
    return moment.astimezone(datetime.UTC)


def calendar_bytes(event: SessionEvent, *, stamped_at: datetime.datetime) -> bytes:
    """The .ics file for one session (CRLF lines, folded at 75 octets, text escaped)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if event.cancelled else "PUBLISH")
    entry = Event()
    entry.add("uid", event.uid)
    entry.add("dtstamp", _utc(stamped_at))
    entry.add("dtstart", _utc(event.starts_at))
    entry.add("dtend", _utc(event.ends_at))
    entry.add("summary", event.title)
    if event.location:
        entry.add("location", event.location)
    if event.description:
        entry.add("description", event.description)
    entry.add("sequence", event.sequence)
    entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    entry.add("transp", "OPAQUE")
    organiser = vCalAddress(f"mailto:{event.organiser_email}")
    organiser.params["cn"] = event.organiser_name
    entry.add("organizer", organiser)
    calendar.add_component(entry)
    return calendar.to_ical()

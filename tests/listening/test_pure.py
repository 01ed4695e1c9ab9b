"""The listening app's pure modules: private codes, calendar files, monthly counts, reach."""

import datetime
from typing import Any

import pytest
from icalendar import Calendar

from workforce_health.listening import codes, ics, reach, summary


def test_codes_are_random_grouped_typed_loosely_and_hashed_with_a_key():
    code = codes.new_code()
    assert len(code) == 24 and code.count("-") == 4
    assert codes.new_code() != code
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert codes.normalised(typed) == code.replace("-", "")
    key = codes.derive_key("a secret")
    assert codes.code_hash(typed, key=key) == codes.code_hash(code, key=key)
    assert codes.code_hash(code, key=codes.derive_key("another")) != codes.code_hash(code, key=key)
    assert codes.normalised("not a code") is None
    with pytest.raises(ValueError):
        codes.code_hash("short", key=key)


def _event(**changes: Any) -> ics.SessionEvent:
    values: dict[str, Any] = {
        "uid": "abc@workforce.example",
        "title": "Coffee, and catch up; with the director " + "x" * 80,
        "starts_at": datetime.datetime(2025, 6, 3, 10, 30, tzinfo=datetime.UTC),
        "ends_at": datetime.datetime(2025, 6, 3, 11, 15, tzinfo=datetime.UTC),
        "location": "Civic Centre, room 2",
        "description": "Line one\nLine two",
        "sequence": 2,
        "organiser_email": "workforce-health@example.gov.uk",
        "organiser_name": "Northmoor Council",
    } | changes
    return ics.SessionEvent(**values)


def test_a_calendar_file_is_rfc_5545_with_text_escaped_lines_folded_and_utc_times():
    data = ics.calendar_bytes(
        _event(), stamped_at=datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC)
    )
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded at 75 octets
    assert b"SUMMARY:Coffee\\, and catch up\\; with the director" in data
    assert b"DTSTART:20250603T103000Z" in data
    parsed = Calendar.from_ical(data)
    assert parsed.method == "PUBLISH"
    [event] = parsed.events
    assert event.uid == "abc@workforce.example"
    assert event.sequence == 2
    assert event.status == "CONFIRMED"
    assert event.end - event.start == datetime.timedelta(minutes=45)


def test_a_cancelled_session_gives_a_cancelling_calendar_file():
    data = ics.calendar_bytes(
        _event(cancelled=True, sequence=3),
        stamped_at=datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC),
    )
    parsed = Calendar.from_ical(data)
    assert parsed.method == "CANCEL"
    assert parsed.events[0].status == "CANCELLED"


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        ics.calendar_bytes(
            _event(starts_at=datetime.datetime(2025, 6, 3, 10, 30)),  # noqa: DTZ001 - on purpose
            stamped_at=datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC),
        )


def _conversation(month, status="replied", themes=("Workload",), flags=()):
    return summary.Conversation(month, status, "The leadership team", themes, flags)


def test_monthly_counts_show_what_leaders_did_and_hide_small_counts_of_content():
    months = ["2025-01", "2025-02", "2025-03"]
    found = [
        *[_conversation("2025-01") for _ in range(7)],
        *[_conversation("2025-02", "awaiting", flags=("Self-harm",)) for _ in range(2)],
        *[_conversation("2025-03", themes=("Pay",)) for _ in range(6)],
        _conversation("2024-12"),  # outside the months: not counted
    ]
    counted = summary.summarise(
        found, months=months, themes=["Workload", "Pay"], flags=["Self-harm"]
    )
    assert counted.by_status["2025-01"] == {
        "started": 7,
        "awaiting": 0,
        "acknowledged": 0,
        "replied": 7,
        "closed": 0,
    }
    assert counted.by_status["2025-02"]["awaiting"] == 2
    workload = counted.themes["Workload"]
    assert workload["2025-02"].value is None and workload["2025-03"].value is None  # 2 and 0
    # The hidden months hold fewer than 5 between them, so a third is hidden to protect them
    # (the engine's rule 2): January, leaving only the total of all three.
    assert workload["2025-01"] == summary.Count(None, "to protect another group")
    assert workload[None].value == 9
    self_harm = counted.flags["Self-harm"]
    assert all(self_harm[m].value is None for m in months)  # 0, 2, 0: all small
    assert self_harm["2025-02"].hidden.startswith("fewer than 5")
    assert counted.themes["Pay"][None].value == 6  # the months: 0, 0 and 6, all hidden


def test_last_months_cross_the_year():
    assert summary.last_months(2025, 2, 4) == ["2024-11", "2024-12", "2025-01", "2025-02"]


def test_reach_by_quarter_service_and_team():
    held = [
        reach.HeldSession(
            datetime.date(2025, 1, 10),
            "Coffee and catch up",
            invited={("Children", "A"): 10, ("Children", "B"): 10},
            attended={("Children", "A"): 5, ("Children", "B"): 1},
        ),
        reach.HeldSession(
            datetime.date(2025, 2, 10),
            "Formal briefing",
            invited={("Children", "A"): 10, ("Adults", "C"): 20},
            attended={},
            by_team=False,
            attended_untallied=12,
        ),
    ]
    found = reach.reach(
        held,
        periods=reach.quarters(datetime.date(2024, 12, 1), datetime.date(2025, 3, 1)),
        kinds=["Coffee and catch up", "Formal briefing"],
    )
    assert found.quarters == ("2024 Q4", "2025 Q1")
    whole = found.organisation["2025 Q1"]
    assert (whole.sessions, whole.invited, whole.attended) == (2, 50, 18)
    assert found.services["Children"]["2025 Q1"].reach == 30.0  # the total-only one left out
    assert "Adults" not in found.services
    assert found.teams[("Children", "B")]["2025 Q1"].reach == 10.0
    assert found.kinds["2025 Q1"] == {"Coffee and catch up": 1, "Formal briefing": 1}

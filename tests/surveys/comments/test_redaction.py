"""Redaction of staff names, email addresses and UK phone numbers (pure)."""

import pytest

from workforce_health.surveys.comments import redact

NAMES = ["Jones", "Smith-Jones", "O'Brien", "Sarah Jones", "Hope", "Shah"]
GIVEN = ["Sarah", "Will", "Grace", "Anne-Marie", "Priya", "Mary Anne"]


def _redact(text: str) -> str:
    return redact(text, names=NAMES, given_names=GIVEN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sarah Jones helped me.", "[name] helped me."),
        ("Sarah's supervision is good", "[name]'s supervision is good"),
        ("Sarah’s team", "[name]’s team"),
        ("Jones' team is great", "[name]' team is great"),
        (
            "Jones is at the start. jones too, JONES too.",
            "[name] is at the start. [name] too, [name] too.",
        ),
        ("Ask Smith-Jones or Smith", "Ask [name] or [name]"),
        ("Ask Taylor-Jones", "Ask Taylor-[name]"),
        ("Anne-Marie and Anne said", "[name] and [name] said"),
        ("O'Brien and O’Brien's desk", "[name] and [name]'s desk"),
        ("Mary  Anne was here", "[name] was here"),
        ("Priya Shah, my manager.", "[name] [name], my manager."),
    ],
)
def test_names_are_redacted(text, expected):
    assert _redact(text) == expected


def test_given_names_that_are_ordinary_words_are_kept_in_lowercase():
    sentence = "I will say that grace under pressure is rare, and staff are willing to cope."
    assert _redact(sentence) == sentence


def test_a_given_name_at_the_start_of_a_sentence_is_redacted():
    assert _redact("Will is my manager. Grace too.") == "[name] is my manager. [name] too."


def test_family_names_are_redacted_in_any_case_but_only_as_whole_words():
    assert _redact("I hope so. Hopeful, hopes, Jonesy, Shahs.") == (
        "I [name] so. Hopeful, hopes, Jonesy, Shahs."
    )


def test_words_containing_a_name_are_kept():
    sentence = "Caseloads are manageable, sarahs and the Jonestown office are fine."
    assert _redact(sentence) == sentence


def test_names_shorter_than_two_letters_are_ignored():
    assert redact("I am A. N. Other", names=["I", "A"]) == "I am A. N. Other"


@pytest.mark.parametrize(
    "email",
    ["sarah.jones@council.gov.uk", "s_jones+survey@example.org", "o'brien@testshire.gov.uk"],
)
def test_emails_are_redacted(email):
    assert _redact(f"Write to {email}.") == "Write to [email]."


@pytest.mark.parametrize(
    "phone",
    [
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)121 496 0000",
        "0044 121 496 0000",
        "0121 496 0000",
        "(0121) 496 0000",
        "020 7946 0000",
        "07700 900123",
        "07700-900-123",
        "07700900123",
        "01632 960 000",
        "0113 496 0000",
    ],
)
def test_uk_phone_numbers_are_redacted(phone):
    assert _redact(f"Call {phone}, please") == "Call [phone], please"


@pytest.mark.parametrize(
    "text",
    [
        "I have 30 cases and 12 visits",
        "On 01/02/2024 at 09:30",
        "0.5 FTE for 2 years",
        "Reference 12345678901234",
        "Between 2019 and 2024 we had 1000 referrals",
    ],
)
def test_other_numbers_are_kept(text):
    assert _redact(text) == text


def test_an_email_containing_a_name_is_one_placeholder():
    assert _redact("sarah.jones@council.gov.uk or Sarah") == "[email] or [name]"


def test_a_placeholder_word_is_not_taken_for_a_name():
    assert redact("Email me at a@b.co.uk", names=["Email"]) == "[name] me at [email]"

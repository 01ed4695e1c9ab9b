"""Comment themes from the keyword dictionary (pure)."""

import pytest

from workforce_health.surveys.comments import (
    DictionaryError,
    load_dictionary,
    matched_keywords,
    parse_dictionary,
    themes,
)

REQUIRED = [
    "Workload",
    "Caseload",
    "Supervision",
    "Management and leadership",
    "Training and development",
    "Pay and reward",
    "Wellbeing",
    "IT and systems",
    "Office and hybrid working",
]


def test_the_packaged_dictionary_has_the_issue_themes():
    names = load_dictionary().names
    assert set(REQUIRED) <= set(names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My supervisor cancels supervision.", ["Supervision"]),
        ("My case-load is too high", ["Caseload"]),
        ("Too much work and no pay rise", ["Workload", "Pay and reward"]),
        ("The IT is slow and my laptop crashes", ["IT and systems"]),
        ("It is fine and I like it", []),
        ("Hot-desking in the office, and WFH twice a week", ["Office and hybrid working"]),
        ("I can't switch off and feel burnt out", ["Wellbeing"]),
        (
            "Senior managers never listen; the training offer is poor",
            [
                "Management and leadership",
                "Training and development",
            ],
        ),
    ],
)
def test_comments_are_tagged(text, expected):
    assert themes(text, load_dictionary()) == expected


def test_matched_keywords_say_why():
    found = matched_keywords("Supervision with my manager", load_dictionary())
    assert found == {
        "Supervision": ["supervis*"],
        "Management and leadership": ["manag*", "my manager"],
    }


def test_placeholders_are_not_words():
    assert themes("Call [phone] or write to [email], ask [name]", load_dictionary()) == []


def test_a_stem_matches_word_starts_and_a_word_only_whole_words():
    dictionary = parse_dictionary(
        '[[theme]]\nname = "Pay"\nkeywords = ["pay"]\n'
        '[[theme]]\nname = "Biscuits"\nkeywords = ["biscuit*", "tea break"]\n'
    )
    assert themes("Payment, paying", dictionary) == []
    assert themes("Pay! Biscuits at the tea-break", dictionary) == ["Pay", "Biscuits"]
    assert themes("tea and a break", dictionary) == []


@pytest.mark.parametrize(
    "toml",
    [
        "",
        "[[theme]]\nkeywords = ['x']\n",
        "[[theme]]\nname = 'A'\nkeywords = []\n",
        "[[theme]]\nname = 'A'\nkeywords = ['*pay']\n",
        "[[theme]]\nname = 'A'\nkeywords = ['x']\n[[theme]]\nname = 'A'\nkeywords = ['y']\n",
        "[[theme]\n",
    ],
)
def test_a_malformed_dictionary_is_refused(toml):
    with pytest.raises(DictionaryError):
        parse_dictionary(toml)

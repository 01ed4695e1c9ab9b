"""Comment themes from the keyword dictionary (pure)."""

import pytest

from workforce_health.surveys.comments import (
    Dictionary,
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
        ("My case-load is too high", ["Workload", "Caseload"]),
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
    assert found == {"Supervision": ["supervis*"], "Management and leadership": ["manager*"]}


def test_a_caseload_comment_is_about_workload_and_not_the_team():
    """Issue 12 item 7: this was tagged "Team and colleagues", and Workload counted 0."""
    found = matched_keywords("Caseloads are still too high in our team.", load_dictionary())
    assert found == {"Workload": ["caseload*"], "Caseload": ["caseload*"]}


def test_placeholders_are_not_words():
    assert themes("Call [phone] or write to [email], ask [name]", load_dictionary()) == []


def test_a_stem_matches_word_starts_and_a_word_only_whole_words():
    dictionary = parse_dictionary(
        '[[theme]]\nname = "Pay"\nkeywords = ["pay"]\n'
        '[[theme]]\nname = "Biscuits"\nkeywords = ["biscuit*", "tea break"]\n'
    )
    assert themes("Payment, payroll", dictionary) == []
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


def _one(keywords: str, **extra: str) -> Dictionary:
    more = "".join(f"{key} = {value}\n" for key, value in extra.items())
    return parse_dictionary(f'[[theme]]\nname = "T"\nkeywords = {keywords}\n{more}')


@pytest.mark.parametrize(
    ("keyword", "written"),
    [
        ("caseload", "Caseloads"),
        ("supervise", "supervised"),
        ("supervise", "supervising"),
        ("prioritise", "prioritizing"),
        ("agency", "agencies"),
        ("manager", "manager's"),
        ("plan", "planned"),
        ("pay", "paying"),
    ],
)
def test_a_word_matches_its_inflected_forms(keyword, written):
    assert themes(f"About {written} here", _one(f'["{keyword}"]')) == ["T"]


@pytest.mark.parametrize(("keyword", "written"), [("manager", "management"), ("pay", "payment")])
def test_a_word_does_not_match_another_word_made_from_it(keyword, written):
    assert themes(written, _one(f'["{keyword}"]')) == []


@pytest.mark.parametrize(
    ("keyword", "written"),
    [
        ("workload", "worklaod"),  # two letters swapped
        ("supervision", "supervison"),  # a letter dropped
        ("training", "trainning"),  # a letter added
        ("salary", "sallary"),
        ("mosaic", "Mosiac"),
        ("office", "ofice"),
        ("colleague*", "collegues"),  # a long stem with a slip
    ],
)
def test_a_misspelling_with_one_slip_matches(keyword, written):
    assert themes(f"the {written} is", _one(f'["{keyword}"]')) == ["T"]


@pytest.mark.parametrize(
    ("keywords", "written"),
    [
        ('["manager"]', "I managed"),  # another ending, not a slip
        ('["thank"]', "I think"),  # too short to guess
        ('["treated"]', "It was great"),  # not the first letter
        ('["manager*"]', "I manage"),  # shorter than the stem
    ],
)
def test_words_that_are_not_slips_do_not_match(keywords, written):
    assert themes(written, _one(keywords)) == []


def test_a_word_of_the_dictionary_is_never_read_as_a_misspelling_of_another():
    dictionary = parse_dictionary(
        '[[theme]]\nname = "IT"\nkeywords = ["computer"]\n'
        '[[theme]]\nname = "Travel"\nkeywords = ["commuter"]\n'
    )
    assert themes("A commuter", dictionary) == ["Travel"]


def test_words_written_together_or_apart_are_the_same():
    assert themes("my case load", _one('["caseload"]')) == ["T"]
    assert themes("my caseload", _one('["case load"]')) == ["T"]
    assert themes("well-being", _one('["wellbeing"]')) == ["T"]


def test_dots_mean_later_in_the_same_sentence():
    dictionary = _one('["team ... support*"]')
    assert themes("The team are always so supportive", dictionary) == ["T"]
    assert themes("My team. Support is poor", dictionary) == []
    assert themes("Support from the team", dictionary) == []


def test_a_gap_looks_past_a_first_near_miss():
    dictionary = _one('["team ... really supportive"]')
    assert themes("My team is really busy but really supportive", dictionary) == ["T"]
    assert themes("Really supportive, my team", dictionary) == []


def test_a_keyword_inside_an_ignored_phrase_does_not_count():
    dictionary = _one('["management"]', ignore='["case management system"]')
    assert themes("The case management system is slow", dictionary) == []
    assert themes("Management and the case management system", dictionary) == ["T"]


def test_a_theme_includes_the_comments_of_another():
    dictionary = parse_dictionary(
        '[[theme]]\nname = "Workload"\nkeywords = ["busy"]\nincludes = ["Caseload"]\n'
        '[[theme]]\nname = "Caseload"\nkeywords = ["caseload"]\n'
    )
    assert matched_keywords("High caseloads", dictionary) == {
        "Workload": ["caseload"],
        "Caseload": ["caseload"],
    }
    assert themes("So busy", dictionary) == ["Workload"]


@pytest.mark.parametrize(
    "text",
    [
        "Supervision is not regular.",
        "No complaints about my manager.",
        "I don't have any issues with IT.",
        "Pay isn't an issue for me.",
    ],
)
def test_a_negated_mention_is_still_about_its_theme(text):
    assert themes(text, load_dictionary())


@pytest.mark.parametrize(
    "extra",
    [
        {"ignore": '"not a list"'},
        {"includes": '["Nowhere"]'},
        {"includes": '["T"]'},
    ],
)
def test_ignore_and_includes_are_checked(extra):
    with pytest.raises(DictionaryError):
        _one('["x"]', **extra)


@pytest.mark.parametrize("keyword", ["... team", "team ...", "team ... ... support"])
def test_dots_must_stand_between_words(keyword):
    with pytest.raises(DictionaryError):
        _one(f'["{keyword}"]')

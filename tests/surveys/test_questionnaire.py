"""The packaged questionnaire files load and validate; broken definitions are named clearly."""

import copy

import polars as pl
import pytest

from tests.surveys import helpers
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.analysis.inputs import normalise_items

BUILTINS = qn.builtin_definitions()


def test_both_defaults_are_packaged():
    codes = {qn.parse(d, source=n).code for n, d in BUILTINS}
    assert codes == {"social-work-health-check", "wider-workforce-health-check"}


@pytest.mark.parametrize(("name", "definition"), BUILTINS, ids=[n for n, _ in BUILTINS])
def test_file_is_valid(name, definition):
    parsed = qn.parse(definition, source=name)
    codes = [item.code for item in parsed.items()]
    assert len(codes) == len(set(codes))
    for item in parsed.items():
        assert item.type in qn.ITEM_TYPES
        if item.type == qn.AGREE:
            assert item.standard or item.theme, item.code
    normalise_items(pl.DataFrame(parsed.analysis_items()))  # the analysis engine accepts it


def test_social_work_health_check_covers_the_standards_and_numbers():
    parsed = qn.parse(dict(BUILTINS)["social-work-health-check.toml"], source="swhc")
    assert len(parsed.sections) == 9
    assert {item.standard for item in parsed.items()} >= {f"S{n}" for n in range(1, 9)}
    codes = {item.code for item in parsed.items()}
    assert {
        "contracted_hours",
        "actual_hours",
        "current_caseload",
        "new_cases_next_month",
        "supervision_frequency",
        "supervision_length",
    } <= codes
    headlines = {item.code for item in parsed.items() if item.headline}
    assert {"sw_pride", "sw_recommend_employer", "sw_plan_to_stay", "sw_stress"} <= headlines
    assert parsed.item("sw_stress").reverse


def _broken(change):
    definition = copy.deepcopy(dict(BUILTINS)["social-work-health-check.toml"])
    change(definition)
    return definition


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["sections"][0]["items"][1].update(code="sw_clear_vision"),
            "sections[1].items[2]: code 'sw_clear_vision' repeats",
        ),
        (lambda d: d["sections"][0]["items"][0].update(type="slider"), "type 'slider' is not"),
        (
            lambda d: d["sections"][8]["items"][3].pop("theme"),
            "sections[9].items[4] (item 'sw_valued'): an agree item needs a standard or a theme",
        ),
        (lambda d: d["questionnaire"].update(version=0), "version must be a whole number"),
        (lambda d: d["sections"][2]["items"][5].pop("max"), "a number item needs min and max"),
    ],
)
def test_errors_name_the_source_and_place(change, message):
    with pytest.raises(qn.QuestionnaireError, match=r"^broken\.toml") as error:
        qn.parse(_broken(change), source="broken.toml")
    assert message in str(error.value)


def test_packaged_versions_are_in_the_database(db):
    assert helpers.builtin().version == 1
    assert helpers.builtin("wider-workforce-health-check").parsed().population == "wider_workforce"


@pytest.mark.parametrize("code", sorted(qn.RESERVED_CODES))
def test_reserved_codes_are_refused(code):
    broken = _broken(lambda d: d["sections"][0]["items"][0].update(code=code))
    with pytest.raises(qn.QuestionnaireError, match=rf"code '{code}' is reserved"):
        qn.parse(broken, source="broken.toml")


def test_reserved_codes_are_the_analysis_engines_reserved_columns():
    from workforce_health.surveys.analysis.inputs import RESERVED_COLUMNS

    assert qn.RESERVED_CODES == RESERVED_COLUMNS


@pytest.mark.parametrize("code", ["Sw_pride", "2nd", "sw-pride", "sw pride", "café", "x" * 61])
def test_codes_are_lower_case_ascii_starting_with_a_letter(code):
    broken = _broken(lambda d: d["sections"][0]["items"][0].update(code=code))
    with pytest.raises(qn.QuestionnaireError, match="code must start with a lower-case letter"):
        qn.parse(broken, source="broken.toml")


def test_item_table_gives_back_the_item():
    parsed = qn.parse(dict(BUILTINS)["social-work-health-check.toml"], source="swhc")
    for item in parsed.items():
        definition = {
            "questionnaire": {**dict(BUILTINS)["social-work-health-check.toml"]["questionnaire"]},
            "standards": parsed.standards,
            "themes": parsed.themes,
            # in a section of another standard: the item keeps its own (or none)
            "sections": [
                {"code": "s", "title": "S", "standard": "S8", "items": [qn.item_table(item)]}
            ],
        }
        assert qn.parse(definition, source="one").sections[0].items == (item,)


def test_standards_and_themes_follow_the_items_whatever_the_stored_key_order():
    # PostgreSQL's jsonb keeps a table's keys sorted, not in the file's order
    definition = qn.read_file(qn.BUILTIN_DIR / "wider-workforce-health-check.toml")
    in_file = list(qn.parse(definition, source="test").themes)
    shuffled = {**definition, "themes": dict(sorted(definition["themes"].items(), reverse=True))}
    assert list(qn.parse(shuffled, source="test").themes) == in_file
    first_use = list(
        dict.fromkeys(i.theme for i in qn.parse(definition, source="t").items() if i.theme)
    )
    assert in_file[: len(first_use)] == first_use

"""Questionnaires: parse and validate a definition (a TOML file's table, or its JSON copy).

Pure Python, no Django. A definition has `[questionnaire]` (code, version, title, population,
description), `[standards]` and `[themes]` (code -> title), and `[[sections]]`, each with
`[[sections.items]]`. See workforce_health/surveys/questionnaires/*.toml.
"""

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Final

AGREE: Final = "agree"
SCALE_0_10: Final = "scale_0_10"
NUMBER: Final = "number"
CHOICE: Final = "choice"
TEXT: Final = "text"
ITEM_TYPES: Final = (AGREE, SCALE_0_10, NUMBER, CHOICE, TEXT)
POPULATIONS: Final = ("social_work", "wider_workforce")
BUILTIN_DIR: Final = Path(__file__).parent / "questionnaires"
# Column names the answers and imports already use (the group columns, the wave, the response):
# an item with one of these codes would be mistaken for them (analysis.inputs.RESERVED_COLUMNS).
RESERVED_CODES: Final = frozenset(
    {"service", "team", "role_group", "tenure_band", "employment_type", "wave", "response_id"}
)
CODE_PATTERN: Final = re.compile(r"[a-z][a-z0-9_]*")
CODE_MAX_LENGTH: Final = 60


class QuestionnaireError(ValueError):
    """A definition that cannot be used; the message names the source and the place."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Item:
    code: str
    type: str
    text: str
    hint: str = ""
    standard: str | None = None
    theme: str | None = None
    headline: bool = False
    reverse: bool = False
    dont_know: bool = True  # agree items: offer "Don't know or not applicable"
    min: float | None = None  # number items: what the form accepts
    max: float | None = None
    plausible_min: float | None = None  # number items: the analysis treats others as missing
    plausible_max: float | None = None
    decimals: int = 0
    unit: str = ""
    options: tuple[Option, ...] = ()
    max_length: int = 2000


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    intro: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Questionnaire:
    code: str
    version: int
    title: str
    population: str
    description: str
    standards: dict[str, str] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()

    def items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items

    def item(self, code: str) -> Item:
        return next(item for item in self.items() if item.code == code)

    def analysis_items(self) -> list[dict[str, Any]]:
        """Rows for the analysis engine's items frame (docs/survey-analysis.md §1)."""
        return [
            {
                "item_code": item.code,
                "type": item.type,
                "standard": item.standard,
                "theme": item.theme,
                "reverse": item.reverse,
                "headline": item.headline,
                "min_value": item.plausible_min,
                "max_value": item.plausible_max,
            }
            for item in self.items()
        ]


_ITEM_KEYS = frozenset(Item.__dataclass_fields__)


def _text(table: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise QuestionnaireError(
            f"{where}: {key!r} must be {'a non-empty ' if required else ''}text"
        )
    return value.strip()


def _number(value: Any, key: str, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise QuestionnaireError(f"{where}: {key!r} must be a number")
    return float(value)


def _item(raw: Any, where: str, section_standard: str | None, known: dict[str, Any]) -> Item:
    if not isinstance(raw, dict):
        raise QuestionnaireError(f"{where}: an item must be a table")
    unknown = set(raw) - _ITEM_KEYS
    if unknown:
        raise QuestionnaireError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    code = _text(raw, "code", where)
    where = f"{where} (item {code!r})"
    if not CODE_PATTERN.fullmatch(code) or len(code) > CODE_MAX_LENGTH:
        raise QuestionnaireError(
            f"{where}: code must start with a lower-case letter and use only a-z, 0-9 and _ "
            f"({CODE_MAX_LENGTH} characters at most)"
        )
    if code in RESERVED_CODES:
        raise QuestionnaireError(
            f"{where}: code {code!r} is reserved (it names a group or the wave in answers and "
            "imports)"
        )
    kind = raw.get("type")
    if kind not in ITEM_TYPES:
        raise QuestionnaireError(f"{where}: type {kind!r} is not one of {', '.join(ITEM_TYPES)}")
    standard = raw.get("standard", section_standard)
    theme = raw.get("theme")
    if standard is not None and standard not in known["standards"]:
        raise QuestionnaireError(f"{where}: standard {standard!r} is not in [standards]")
    if theme is not None and theme not in known["themes"]:
        raise QuestionnaireError(f"{where}: theme {theme!r} is not in [themes]")
    if kind == AGREE and standard is None and theme is None:
        raise QuestionnaireError(f"{where}: an agree item needs a standard or a theme")
    options = tuple(
        Option(value=_text(o, "value", where), label=_text(o, "label", where))
        for o in raw.get("options", [])
    )
    if kind == CHOICE and len(options) < 2:
        raise QuestionnaireError(f"{where}: a choice item needs at least 2 options")
    if len({o.value for o in options}) != len(options):
        raise QuestionnaireError(f"{where}: option values must be unique")
    bounds = {
        k: _number(raw.get(k), k, where) for k in ("min", "max", "plausible_min", "plausible_max")
    }
    if kind == NUMBER and (bounds["min"] is None or bounds["max"] is None):
        raise QuestionnaireError(f"{where}: a number item needs min and max")
    if bounds["min"] is not None and bounds["max"] is not None and bounds["min"] > bounds["max"]:
        raise QuestionnaireError(f"{where}: min must not be more than max")
    return Item(
        code=code,
        type=kind,
        text=_text(raw, "text", where),
        hint=_text(raw, "hint", where, required=False),
        standard=standard,
        theme=theme,
        headline=bool(raw.get("headline", False)),
        reverse=bool(raw.get("reverse", False)),
        dont_know=bool(raw.get("dont_know", True)),
        decimals=int(raw.get("decimals", 0)),
        unit=_text(raw, "unit", where, required=False),
        options=options,
        max_length=int(raw.get("max_length", 2000)),
        **bounds,
    )


def parse(data: dict[str, Any], *, source: str) -> Questionnaire:
    """Validate a definition; raise QuestionnaireError naming `source` and the place."""
    head = data.get("questionnaire")
    if not isinstance(head, dict):
        raise QuestionnaireError(f"{source}: a [questionnaire] table is needed")
    where = f"{source} [questionnaire]"
    version = head.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise QuestionnaireError(f"{where}: version must be a whole number, 1 or more")
    population = head.get("population")
    if population not in POPULATIONS:
        raise QuestionnaireError(f"{where}: population must be one of {', '.join(POPULATIONS)}")
    known = {"standards": data.get("standards", {}), "themes": data.get("themes", {})}
    sections: list[Section] = []
    codes: set[str] = set()
    for s_index, raw in enumerate(data.get("sections", []), start=1):
        s_where = f"{source} sections[{s_index}]"
        standard = raw.get("standard")
        if standard is not None and standard not in known["standards"]:
            raise QuestionnaireError(f"{s_where}: standard {standard!r} is not in [standards]")
        items = []
        for i_index, raw_item in enumerate(raw.get("items", []), start=1):
            item = _item(raw_item, f"{s_where}.items[{i_index}]", standard, known)
            if item.code in codes:
                raise QuestionnaireError(f"{s_where}.items[{i_index}]: code {item.code!r} repeats")
            codes.add(item.code)
            items.append(item)
        if not items:
            raise QuestionnaireError(f"{s_where}: a section needs at least one item")
        sections.append(
            Section(
                code=_text(raw, "code", s_where),
                title=_text(raw, "title", s_where),
                intro=_text(raw, "intro", s_where, required=False),
                items=tuple(items),
            )
        )
    if not sections:
        raise QuestionnaireError(f"{source}: a questionnaire needs at least one section")
    items = [item for section in sections for item in section.items]
    return Questionnaire(
        code=_text(head, "code", where),
        version=version,
        title=_text(head, "title", where),
        population=population,
        description=_text(head, "description", where, required=False),
        standards=_in_use_order(known["standards"], [i.standard for i in items]),
        themes=_in_use_order(known["themes"], [i.theme for i in items]),
        sections=tuple(sections),
    )


def _in_use_order(titles: dict[str, str], used: list[str | None]) -> dict[str, str]:
    """Standards or themes in the order the questionnaire's items first use them, then any
    unused, by code: never the order of the stored table's keys, which PostgreSQL's jsonb
    does not keep (it sorts them), so that pages list them alike on every database."""
    order = list(dict.fromkeys(code for code in used if code is not None))
    order += sorted(code for code in titles if code not in order)
    return {code: titles[code] for code in order if code in titles}


def option_value(label: str, taken: set[str]) -> str:
    """A stored value for a new option: its label in lower case with _ for anything else, made
    different from the values in `taken` ("Every two weeks" -> "every_two_weeks")."""
    base = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "option"
    value, n = base, 2
    while value in taken:
        value, n = f"{base}_{n}", n + 1
    return value


def item_table(item: Item) -> dict[str, Any]:
    """An item as a definition's table (the inverse of parsing it): its code, type and text,
    every other field that differs from the default, and always its standard, so that the item
    never takes the standard of the section it is put in (None: no standard)."""
    table: dict[str, Any] = {"code": item.code, "type": item.type, "text": item.text}
    for spec in fields(Item):
        value = getattr(item, spec.name)
        if spec.name in table or value == spec.default:
            continue
        if spec.name == "options":
            value = [{"value": o.value, "label": o.label} for o in value]
        table[spec.name] = value
    table["standard"] = item.standard
    return table


def read_file(path: Path) -> dict[str, Any]:
    """A TOML file as a dict (the form stored in the database for copies)."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise QuestionnaireError(f"{path.name}: not valid TOML: {error}") from error


def builtin_definitions() -> list[tuple[str, dict[str, Any]]]:
    """(file name, definition) for every questionnaire file shipped in the package."""
    return [(path.name, read_file(path)) for path in sorted(BUILTIN_DIR.glob("*.toml"))]

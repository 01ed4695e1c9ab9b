"""Writes for questionnaires: the packaged ones' rows, and councils' own copies (copied,
reworded, questions added or removed, options changed), while no wave using them has opened."""

import copy
import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q

from workforce_health.core.models import Organisation
from workforce_health.core.versioning import version_check
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.surveys.services.common import save


@transaction.atomic
def questionnaire_builtins_sync() -> int:
    """Add a row for each packaged questionnaire file not yet in the database; return how many."""
    return questionnaire_definitions_sync(definitions=qn.builtin_definitions())


@transaction.atomic
def questionnaire_definitions_sync(*, definitions: Iterable[tuple[str, dict[str, Any]]]) -> int:
    """Add a row for each (file name, definition) of a packaged questionnaire not yet in the
    database (this app's files, or another app's such as the listening app's pulses)."""
    added = 0
    for name, definition in definitions:
        parsed = qn.parse(definition, source=name)
        if not Questionnaire.objects.filter(code=parsed.code, version=parsed.version).exists():
            save(
                Questionnaire(
                    code=parsed.code,
                    version=parsed.version,
                    title=parsed.title,
                    definition=definition,
                )
            )
            added += 1
    return added


def _next_version(code: str) -> int:
    latest = Questionnaire.objects.filter(code=code).aggregate(latest=Max("version"))["latest"]
    return (latest or 0) + 1


@transaction.atomic
def questionnaire_copy(
    *, organisation: Organisation, questionnaire: Questionnaire, title: str
) -> Questionnaire:
    """A council's own copy, as the next version of the same code, which it may then reword."""
    version = _next_version(questionnaire.code)
    definition = copy.deepcopy(questionnaire.definition)
    definition["questionnaire"].update(version=version, title=title.strip())
    return save(
        Questionnaire(
            organisation=organisation,
            code=questionnaire.code,
            version=version,
            title=title.strip(),
            definition=definition,
            based_on=questionnaire,
        )
    )


@transaction.atomic
def questionnaire_create(
    *,
    organisation: Organisation,
    code: str,
    version: int,
    title: str,
    definition: dict[str, Any],
    based_on: Questionnaire,
) -> Questionnaire:
    """A council's own questionnaire from a whole definition built from another (the listening
    app's pulse of chosen Health Check items)."""
    return save(
        Questionnaire(
            organisation=organisation,
            code=code,
            version=version,
            title=title.strip(),
            definition=definition,
            based_on=based_on,
        )
    )


def _questionnaire_editable(questionnaire: Questionnaire) -> Questionnaire:
    """The council copy, re-read and locked, or a ValidationError saying why it cannot change.

    The copy's waves are locked too: a wave opening at the same moment (wave_open locks its
    row) either opens first, and the change is refused, or waits for the change to be saved.
    """
    if questionnaire.is_builtin:
        raise ValidationError("Packaged questionnaires cannot be changed: make a copy first")
    locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    statuses = set(
        Wave.objects.select_for_update()
        .filter(questionnaire=locked)
        .values_list("status", flat=True)
    )
    if statuses - {Wave.Status.DRAFT}:
        raise ValidationError(
            f"{locked} is used by a wave that has opened: make a new copy to change it"
        )
    return locked


def _definitionsave(
    questionnaire: Questionnaire, locked: Questionnaire, definition: dict[str, Any]
) -> Questionnaire:
    """Save a changed definition (checked by questionnaire.parse through full_clean)."""
    locked.definition = definition
    locked.title = definition["questionnaire"]["title"]
    try:
        save(locked)
    except ValidationError as error:
        # The definition is not a form field: say what is wrong as a message of its own.
        raise ValidationError(
            [f"The change would leave the questionnaire unusable: {m}" for m in error.messages]
        ) from error
    questionnaire.definition, questionnaire.title = locked.definition, locked.title
    return locked


def _codes_of_other_versions(questionnaire: Questionnaire) -> set[str]:
    """Item codes of every other version of this questionnaire the council can use: packaged
    versions and its own copies. Waves of any of them are compared year on year by item code."""
    others = (
        Questionnaire.objects.filter(code=questionnaire.code)
        .filter(Q(organisation__isnull=True) | Q(organisation_id=questionnaire.organisation_id))
        .exclude(pk=questionnaire.pk)
    )
    codes: set[str] = set()
    for other in others:
        codes.update(item.code for item in other.parsed_cached().items())
    return codes


def _reworded_code(code: str, version: int) -> str:
    """A new lineage code for an item whose wording changed (its results start afresh)."""
    return f"{re.sub(r'_v[0-9]+$', '', code)}_v{version}"


def _lineage_break(item: dict[str, Any], version: int, elsewhere: set[str]) -> None:
    """Give a changed item a new code if its code is asked elsewhere (another version), so its
    results are never compared with answers to the old wording. An item found only in this
    copy has no answers anywhere yet and keeps its code."""
    if item["code"] in elsewhere:
        item["code"] = _reworded_code(item["code"], version)


def _item_codes(definition: dict[str, Any]) -> list[str]:
    return [item["code"] for section in definition["sections"] for item in section["items"]]


def _refuse_repeated_codes(definition: dict[str, Any]) -> None:
    codes = _item_codes(definition)
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise ValidationError(
            f"Two questions would have the code {', '.join(repeated)}: remove or change one of "
            "them first"
        )


@transaction.atomic
def questionnaire_reword(
    *,
    questionnaire: Questionnaire,
    title: str,
    texts: dict[str, str],
    version: int | None = None,
) -> Questionnaire:
    """Change a council copy's title and item wording; a reworded item asked in another
    version gets a new code. `version`: the copy's lock_version when the form was opened."""
    locked = version_check(_questionnaire_editable(questionnaire), version)
    elsewhere = _codes_of_other_versions(locked)
    definition = copy.deepcopy(locked.definition)
    definition["questionnaire"]["title"] = title.strip()
    for section in definition["sections"]:
        for item in section["items"]:
            new_text = texts.get(item["code"], item["text"]).strip()
            if new_text != item["text"].strip():
                item["text"] = new_text
                _lineage_break(item, locked.version, elsewhere)
    _refuse_repeated_codes(definition)
    return _definitionsave(questionnaire, locked, definition)


def _new_code_problem(code: str, definition: dict[str, Any], elsewhere: set[str]) -> str:
    """Why `code` cannot be a new item's code ("" if it can)."""
    if not qn.CODE_PATTERN.fullmatch(code) or len(code) > qn.CODE_MAX_LENGTH:
        return (
            "Code must start with a lower-case letter and use only a-z, 0-9 and _ "
            f"({qn.CODE_MAX_LENGTH} characters at most), like our_hybrid_working"
        )
    if code in qn.RESERVED_CODES:
        return f"Code {code} is kept for a group or the wave in answers and imports: choose another"
    if re.search(r"_v[0-9]+$", code):
        return "Codes ending in _v and a number are kept for reworded questions: choose another"
    if code in _item_codes(definition):
        return f"This questionnaire already has a question with the code {code}"
    if code in elsewhere:
        return (
            f"Code {code} is used by another version of this questionnaire: choose a new code, "
            "so that results are never compared with a different question"
        )
    return ""


def _section_code(title: str, definition: dict[str, Any]) -> str:
    taken = {section["code"] for section in definition["sections"]}
    base = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_") or "section"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


@transaction.atomic
def questionnaire_item_add(
    *,
    questionnaire: Questionnaire,
    item: qn.Item,
    section: str | None,
    new_section_title: str = "",
) -> Questionnaire:
    """Add a question to a council copy, at the end of the section with code `section`, or
    (`section` None) of a new last section titled `new_section_title`.

    The code must be new: not in this copy, not in another version (packaged or the council's
    copies, which are compared year on year by code), not reserved and not ending _v<n>."""
    locked = _questionnaire_editable(questionnaire)
    definition = copy.deepcopy(locked.definition)
    problem = _new_code_problem(item.code, definition, _codes_of_other_versions(locked))
    if problem:
        raise ValidationError({"code": problem})
    table = qn.item_table(item)
    if section is None:
        if not new_section_title.strip():
            raise ValidationError({"new_section_title": "Enter the title of the new section"})
        definition["sections"].append(
            {
                "code": _section_code(new_section_title, definition),
                "title": new_section_title.strip(),
                "items": [table],
            }
        )
    else:
        chosen = next((s for s in definition["sections"] if s["code"] == section), None)
        if chosen is None:
            raise ValidationError({"section": "Choose a section of this questionnaire"})
        chosen["items"].append(table)
    return _definitionsave(questionnaire, locked, definition)


@transaction.atomic
def questionnaire_item_remove(*, questionnaire: Questionnaire, code: str) -> Questionnaire:
    """Remove a question from a council copy; a section left without questions goes too."""
    locked = _questionnaire_editable(questionnaire)
    definition = copy.deepcopy(locked.definition)
    if code not in _item_codes(definition):
        raise ValidationError(f"{locked} has no question with the code {code}")
    if len(_item_codes(definition)) == 1:
        raise ValidationError("A questionnaire needs at least one question: add another first")
    for section in definition["sections"]:
        section["items"] = [item for item in section["items"] if item["code"] != code]
    definition["sections"] = [section for section in definition["sections"] if section["items"]]
    return _definitionsave(questionnaire, locked, definition)


@transaction.atomic
def questionnaire_options_change(
    *, questionnaire: Questionnaire, code: str, labels: list[str], version: int | None = None
) -> Questionnaire:
    """Replace the options of a council copy's choice question by `labels`, in order.

    An option whose label is unchanged keeps its stored value; a new one gets a value made from
    its label. If the options change at all, a question asked in another version gets a new
    code, as a reworded one does: its answers mean something different."""
    labels = [label.strip() for label in labels if label.strip()]
    if len(labels) < 2:
        raise ValidationError({"options": "Enter at least 2 options, one on each line"})
    lowered = [label.lower() for label in labels]
    repeated = sorted({label for label in labels if lowered.count(label.lower()) > 1})
    if repeated:
        raise ValidationError({"options": f"Each option must be different: {repeated[0]} repeats"})
    locked = version_check(_questionnaire_editable(questionnaire), version)
    definition = copy.deepcopy(locked.definition)
    item = next((i for s in definition["sections"] for i in s["items"] if i["code"] == code), None)
    if item is None or item.get("type") != qn.CHOICE:
        raise ValidationError(f"{locked} has no choice question with the code {code}")
    old = {option["label"]: option["value"] for option in item.get("options", [])}
    taken = {value for label, value in old.items() if label in labels}
    options = []
    for label in labels:
        value = old.get(label) or qn.option_value(label, taken)
        taken.add(value)
        options.append({"value": value, "label": label})
    if options != item.get("options", []):
        item["options"] = options
        _lineage_break(item, locked.version, _codes_of_other_versions(locked))
        _refuse_repeated_codes(definition)
    return _definitionsave(questionnaire, locked, definition)

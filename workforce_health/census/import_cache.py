"""One organisation's people, spells, caseloads and absence held in memory while a return is stored.

``import_writer.WorkerWriter`` loads these once per file (four queries), looks records up here
instead of querying per record, stages new and changed rows here, and writes them in bulk when
the file is done. Each record's changes are journalled so that a record the models refuse
leaves the cache as it was, as its savepoint used to leave the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from datetime import date
from functools import partial
from typing import Any

from django.db import models
from django.db.models import UniqueConstraint

from workforce_health.core.models import Employment, Organisation, Person
from workforce_health.core.spells import spells_overlap
from workforce_health.core.versioning import versions_moved_on
from workforce_health.staffing.models import CaseloadSnapshot, SicknessAbsence

# Person's uniqueness constraints (besides the organisation) -> the field they make unique.
_UNIQUE_FIELD = {
    "person_employee_number_unique": "employee_number",
    "person_swe_number_unique": "swe_number",  # only when not blank (the constraint's condition)
}


def spell_order(spell: Employment) -> tuple[date, bool, int]:
    """``order_by("start_date", "pk")``: spells not saved yet come last, in the order added."""
    return (spell.start_date, spell.pk is None, spell.pk or 0)


class Journal:
    """Undo steps for the record being stored."""

    def __init__(self) -> None:
        self._steps: list[Callable[[], object]] = []

    def on_undo(self, step: Callable[[], object]) -> None:
        self._steps.append(step)

    def touch(self, instance: models.Model) -> None:
        """Remember ``instance``'s values as they are now (before this record changes them)."""
        saved = instance.__dict__.copy()

        def restore() -> None:
            instance.__dict__.clear()
            instance.__dict__.update(saved)

        self._steps.append(restore)

    def undo(self) -> None:
        for step in reversed(self._steps):
            step()
        self._steps.clear()

    def forget(self) -> None:
        self._steps.clear()


class OrganisationRows:
    """The rows one census file can read or change, and what it has staged to write."""

    def __init__(self, organisation: Organisation, day: date) -> None:
        self.journal = Journal()
        self.by_swe: dict[str, Person] = {}
        self.by_employee_number: dict[str, Person] = {}
        self._spells: dict[int, list[Employment]] = defaultdict(list)  # by id(person)
        # The caseload and absence rows dated ``day``, by id(employment).
        self.caseloads: dict[int, CaseloadSnapshot] = {}
        self.absences: dict[int, SicknessAbsence] = {}
        self._new: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self._changed: dict[int, models.Model] = {}  # saved rows to update, by id()
        self._changed_fields: dict[type[models.Model], set[str]] = defaultdict(set)
        self._load(organisation, day)

    def _load(self, organisation: Organisation, day: date) -> None:
        people: dict[int, Person] = {}
        for person in Person.objects.filter(organisation=organisation):  # Meta ordering: as first()
            people[person.pk] = person
            self.by_swe.setdefault(person.swe_number, person)
            self.by_employee_number.setdefault(person.employee_number, person)
        spells: dict[int, Employment] = {}
        for spell in Employment.objects.filter(person__organisation=organisation).select_related(
            "team"
        ):
            spell.person = people[spell.person_id]
            spells[spell.pk] = spell
            self._spells[id(spell.person)].append(spell)
        in_org = {"employment__person__organisation": organisation}
        for caseload in CaseloadSnapshot.objects.filter(date=day, **in_org):
            self.caseloads[id(spells[caseload.employment_id])] = caseload
        for absence in SicknessAbsence.objects.filter(period_end=day, **in_org):
            self.absences[id(spells[absence.employment_id])] = absence

    # --- reading -------------------------------------------------------------------------------

    def spells_of(self, person: Person) -> list[Employment]:
        return self._spells[id(person)]

    def unique_conflicts(self, person: Person, skip: Collection[str]) -> Iterator[UniqueConstraint]:
        """Person's uniqueness constraints another person of the organisation already holds
        (in Meta order, skipping those on fields in ``skip``, as ``full_clean`` does)."""
        indexes = {"employee_number": self.by_employee_number, "swe_number": self.by_swe}
        for constraint in Person._meta.constraints:
            name = _UNIQUE_FIELD[constraint.name]
            value = getattr(person, name)
            if name in skip or (name == "swe_number" and value == ""):
                continue
            other = indexes[name].get(value)
            if other is not None and other is not person:
                assert isinstance(constraint, UniqueConstraint)
                yield constraint

    def overlapping(self, spell: Employment) -> list[Employment]:
        """``Employment.overlapping_spells_in_same_post``, from the spells in memory (which hold
        this file's changes not yet written)."""
        if not (spell.team_id and spell.start_date and spell.job_role):
            return []
        others = [
            other
            for other in self.spells_of(spell.person)
            if other is not spell
            and other.team_id == spell.team_id
            and other.job_role == spell.job_role
            and spells_overlap(spell.start_date, spell.end_date, other.start_date, other.end_date)
        ]
        return sorted(others, key=lambda other: other.start_date)[:1]

    # --- staging (journalled) ------------------------------------------------------------------

    def change(self, instance: models.Model, values: dict[str, Any]) -> None:
        """Set ``values`` on a row (saved or staged); a saved row is updated when written."""
        self.journal.touch(instance)
        for name, value in values.items():
            setattr(instance, name, value)
        if instance.pk is not None and id(instance) not in self._changed:
            self._changed[id(instance)] = instance
            self.journal.on_undo(lambda: self._changed.pop(id(instance)))
        self._changed_fields[type(instance)].update(values)

    def reindex(self, person: Person, swe_number: str, employee_number: str) -> None:
        """Follow a person whose numbers ``clean_fields`` normalised (were the given ones)."""
        for index, old, new in (
            (self.by_swe, swe_number, person.swe_number),
            (self.by_employee_number, employee_number, person.employee_number),
        ):
            if old != new and index.get(old) is person:
                del index[old]
                index[new] = person
                self.journal.on_undo(partial(_move, index, new, old))
        self._changed_fields[Person].update(("swe_number", "employee_number"))

    def add_person(self, person: Person) -> None:
        for index, key in (
            (self.by_swe, person.swe_number),
            (self.by_employee_number, person.employee_number),
        ):
            if key not in index:
                index[key] = person
                self.journal.on_undo(partial(index.pop, key))
        self._add(person)

    def add_spell(self, spell: Employment) -> None:
        spells = self.spells_of(spell.person)
        spells.append(spell)
        self.journal.on_undo(spells.pop)
        self._add(spell)

    def add_caseload(self, spell: Employment, caseload: CaseloadSnapshot) -> None:
        self.caseloads[id(spell)] = caseload
        self.journal.on_undo(lambda: self.caseloads.pop(id(spell)))
        self._add(caseload)

    def add_absence(self, spell: Employment, absence: SicknessAbsence) -> None:
        self.absences[id(spell)] = absence
        self.journal.on_undo(lambda: self.absences.pop(id(spell)))
        self._add(absence)

    def _add(self, instance: models.Model) -> None:
        staged = self._new[type(instance)]
        staged.append(instance)
        self.journal.on_undo(staged.pop)

    # --- writing -------------------------------------------------------------------------------

    def write(self) -> None:
        """Insert the staged rows (parents first, so children take their keys) and update the
        changed ones. The models were validated when staged; the database constraints still
        guard the writes."""
        for model in (Person, Employment, CaseloadSnapshot, SicknessAbsence):
            if new := self._new.pop(model, []):
                _manager(model).bulk_create(new)  # sets the keys (SQLite 3.35+, PostgreSQL)
        by_model: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        for instance in self._changed.values():
            by_model[type(instance)].append(instance)
        for kind, changed in by_model.items():
            fields = sorted(self._changed_fields[kind]) + versions_moved_on(changed)
            _manager(kind).bulk_update(changed, fields, batch_size=500)
        self._changed.clear()
        self._changed_fields.clear()
        self.journal.forget()


def _manager(model: type[models.Model]) -> Any:
    return model._default_manager


def _move(index: dict[str, Person], old: str, new: str) -> None:
    index[new] = index.pop(old)

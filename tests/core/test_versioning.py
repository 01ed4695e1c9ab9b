"""Optimistic locking (core.versioning): every save moves a record's version on; a service
given the version a form was opened at refuses to write over a later save."""

import pytest

from workforce_health.core import services
from workforce_health.core.models import Person
from workforce_health.core.versioning import EditConflict, versions_moved_on

pytestmark = pytest.mark.django_db


def test_every_save_moves_the_version_on(council):
    person = council.social_worker
    assert person.lock_version == 1
    services.person_update(person=person, given_name="Alexandra")  # no form: no check
    services.person_update(person=Person.objects.get(pk=person.pk), given_name="Alex")
    assert Person.objects.get(pk=person.pk).lock_version == 3


def test_a_stale_version_is_refused_and_nothing_is_written(council):
    opened = Person.objects.get(pk=council.social_worker.pk)
    services.person_update(person=Person.objects.get(pk=opened.pk), version=1, given_name="Al")
    with pytest.raises(EditConflict) as conflict:
        services.person_update(person=opened, version=1, given_name="Lexi")
    current = conflict.value.current
    assert isinstance(current, Person) and current.given_name == "Al"
    assert current.lock_version == 2
    assert Person.objects.get(pk=opened.pk).given_name == "Al"
    services.person_update(person=opened, version=2, given_name="Lexi")  # saving over, knowingly
    assert Person.objects.get(pk=opened.pk).given_name == "Lexi"


def test_bulk_updates_move_versions_on(council):
    people = list(Person.objects.filter(organisation=council.organisation))
    fields = versions_moved_on(people)
    Person.objects.bulk_update(people, ["given_name", *fields])
    assert fields == ["lock_version"]
    assert set(Person.objects.values_list("lock_version", flat=True)) == {2}
    assert versions_moved_on([object()]) == []

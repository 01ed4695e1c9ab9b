"""Wave lifecycle: create, open (snapshot), lock the settings, close."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.surveys import helpers
from workforce_health.surveys import groups
from workforce_health.surveys.models import Invitation, InvitedGroup, Wave
from workforce_health.surveys.services import past_waves, waves


def test_opening_invites_the_services_staff_groups_once(council):
    wave = helpers.wave(council)
    assert wave.status == Wave.Status.DRAFT and not wave.invitations.exists()
    assert waves.wave_open(wave=wave) == 2  # social worker and manager; not the adults' OT
    wave.refresh_from_db()
    assert wave.status == Wave.Status.OPEN and wave.opened_on == timezone.localdate()
    invited = set(wave.invitations.values_list("person_id", flat=True))
    assert invited == {council.social_worker.pk, council.manager.pk}
    assert sum(InvitedGroup.objects.filter(wave=wave).values_list("invited", flat=True)) == 2
    with pytest.raises(ValidationError, match="already open"):
        waves.wave_open(wave=wave)


def test_disclosure_settings_change_before_opening_but_lock_after(council):
    wave = helpers.wave(council)
    waves.wave_disclosure_update(wave=wave, min_group_size=6)
    waves.wave_open(wave=wave)
    wave.refresh_from_db()
    with pytest.raises(ValidationError, match="can no longer change: min group size"):
        waves.wave_disclosure_update(wave=wave, min_group_size=5)
    wave.refresh_from_db()
    assert wave.min_group_size == 6
    wave.staff_groups = [groups.RoleGroup.MANAGER]
    with pytest.raises(ValidationError, match="staff groups"):
        wave.full_clean()


def test_disclosure_settings_follow_the_analysis_rules(council):
    with pytest.raises(ValidationError) as error:
        helpers.wave(council, min_group_size=4, min_group_size_comments=8)
    assert set(error.value.message_dict) == {"min_group_size", "min_group_size_comments"}
    wave = helpers.wave(council)
    assert wave.disclosure_settings().min_group_size == 10


def test_cannot_open_before_the_opening_date(council):
    wave = helpers.wave(council, opens_on=timezone.localdate() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="can be opened from"):
        waves.wave_open(wave=wave)


def test_close(council):
    wave = helpers.open_wave(council)
    waves.wave_close(wave=wave)
    wave.refresh_from_db()
    assert wave.status == Wave.Status.CLOSED and not wave.is_accepting
    with pytest.raises(ValidationError, match="not open"):
        waves.wave_close(wave=wave)


def test_tenure_bands():
    start = datetime.date(2020, 3, 1)
    assert groups.tenure_band(start, datetime.date(2021, 2, 28)) == "Less than 1 year"
    assert groups.tenure_band(start, datetime.date(2021, 3, 1)) == "1 year to less than 2 years"
    assert groups.tenure_band(start, datetime.date(2025, 3, 1)) == "5 years or more"


def test_rare_combinations_are_generalised_until_five_share_them():
    common = {
        "service": "C",
        "team": "A",
        "role_group": "SW",
        "tenure_band": "5+",
        "employment_type": "Permanent",
    }
    rare = common | {"employment_type": "Agency"}
    result = groups.generalise([common] * 5 + [rare] + [common | {"tenure_band": "<1"}] * 4)
    assert result[:5] == [common] * 5
    # The agency worker and the four newer staff share a combination once tenure and contract
    # type are withheld.
    hidden = common | {"tenure_band": "Not known", "employment_type": "Not known"}
    assert result[5:] == [hidden] * 5
    keys = [tuple(r.values()) for r in result]
    assert all(keys.count(k) >= 5 for k in keys)


def test_snapshot_of_a_small_council_reveals_no_rare_group(council):
    wave = helpers.open_wave(council)
    rows = Invitation.objects.filter(wave=wave).values(*groups.GROUP_FIELDS)
    assert all(set(row.values()) == {"Not known"} for row in rows)  # only 2 invited


def test_a_wave_is_a_health_check_unless_made_for_listening(council):
    assert helpers.wave(council).purpose == Wave.Purpose.HEALTH_CHECK
    pulse = helpers.wave(council, slug="pulse-1", purpose=Wave.Purpose.LISTENING)
    assert Wave.objects.get(pk=pulse.pk).purpose == Wave.Purpose.LISTENING
    today = timezone.localdate()
    earlier = past_waves.past_wave_create(
        organisation=council.organisation,
        questionnaire=helpers.builtin(),
        title="Pulse, last spring",
        slug="pulse-0",
        services=[council.children],
        opens_on=today - datetime.timedelta(days=300),
        closes_on=today - datetime.timedelta(days=286),
        purpose=Wave.Purpose.LISTENING,
    )
    assert Wave.objects.get(pk=earlier.pk).purpose == Wave.Purpose.LISTENING
    with pytest.raises(ValidationError, match="purpose"):
        helpers.wave(council, slug="pulse-2", purpose="gossip")

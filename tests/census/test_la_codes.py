"""The DfE local authority codes: one name for each code, so a council can be added by it."""

from collections import Counter

from workforce_health.census.la_codes import LOCAL_AUTHORITIES


def test_every_local_authority_has_its_own_name():
    names = Counter(authority.name for authority in LOCAL_AUTHORITIES.values())
    assert [name for name, count in names.items() if count > 1] == []

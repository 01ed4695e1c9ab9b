"""A refused request is logged in one line, without a traceback (the `make run` terminal)."""

import logging

from django.urls import reverse

from workforce_health.core.models import Membership

Role = Membership.Role


def test_a_403_is_logged_without_its_traceback(council, client_for, caplog):
    practitioner = client_for(council.users[Role.PRACTITIONER])
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert practitioner.get(reverse("audit-list")).status_code == 403
    refusals = [r for r in caplog.records if r.getMessage().startswith("Forbidden")]
    assert [r.getMessage() for r in refusals] == ["Forbidden (Permission denied): /audit/"]
    assert refusals[0].exc_info is None and "Traceback" not in caplog.text

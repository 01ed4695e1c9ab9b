"""The thank-you page's promise of results points to a page that exists and that a member of
staff can reach: "choose Listening, then You said, we did" (issue 12: it promised results that
practitioners could not see anywhere)."""

import re

from django.urls import reverse

from tests.surveys import helpers
from workforce_health.core.models import Membership


def test_the_thank_you_page_says_where_results_are_shared_and_that_place_exists(
    client, client_for, council
):
    helpers.give_emails(council)
    token = helpers.invitation_tokens(helpers.open_wave(council))[0]
    client.post(
        reverse("survey-section", kwargs={"token": token, "number": 1}), {"sw_clear_vision": "4"}
    )
    client.post(reverse("survey-check", kwargs={"token": token}))
    done = client.get(reverse("survey-start", kwargs={"token": token})).content.decode()
    assert "Response sent" in done
    promise = re.search(r"Results will be shared[^<]*", done)
    assert promise, done
    assert "choose Listening, then You said, we did" in promise[0]
    # A practitioner's menu has Listening, and it leads to "You said, we did".
    staff = client_for(council.users[Membership.Role.PRACTITIONER])
    home = staff.get("/").content.decode()
    listening = re.search(r'<a[^>]*href="([^"]+)"[^>]*>\s*Listening\s*</a>', home)
    assert listening, "no Listening item in a practitioner's menu"
    page = staff.get(listening[1]).content.decode()
    assert re.search(r"<h1[^>]*>\s*You said, we did\s*</h1>", page)

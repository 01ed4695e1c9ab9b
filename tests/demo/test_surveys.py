"""The demo's Health Check waves load, with a plausible response rate and an improvement."""

import datetime

import polars as pl
import pytest

from workforce_health.demo.loader import demo_load
from workforce_health.results import selectors as frames
from workforce_health.surveys import analysis
from workforce_health.surveys.models import Wave

pytestmark = pytest.mark.django_db


def test_demo_waves_load_with_an_improvement_in_workload():
    demo_load(today=datetime.date(2025, 11, 14))
    waves = {w.slug: w for w in Wave.objects.filter(organisation__la_code="990")}
    assert set(waves) == {
        f"{service}-{kind}health-check-{year}"
        for service in ("childrens", "adults")
        for kind in ("", "wider-")
        for year in (2023, 2024, 2025)
    }
    now = frames.results_frames(wave=waves["childrens-health-check-2025"])
    before = frames.results_frames(wave=waves["childrens-health-check-2024"])
    rate = analysis.response_rates(now.answers, now.invited)["response_rate"][0]
    assert 55 <= rate <= 65
    change = analysis.wave_change(
        analysis.item_results(now.answers, now.items),
        analysis.item_results(before.answers, before.items),
    ).filter(pl.col("item_code") == "sw_workload_manageable")
    assert change["label"][0] == "statistically significant increase"


def test_demo_comments_show_names_emails_and_phone_numbers_redacted(client):
    from django.urls import reverse

    from workforce_health.core.models import Membership, Person

    demo_load(today=datetime.date(2025, 11, 14))
    wave = Wave.objects.get(organisation__la_code="990", slug="childrens-health-check-2025")
    texts = [v for r in wave.responses.all() for v in r.answers.values() if isinstance(v, str)]
    people = Person.objects.filter(organisation=wave.organisation)
    named = [p for p in people if any(p.full_name in t or p.email in t for t in texts if p.email)]
    assert named and any("07700 900123" in t for t in texts)  # the raw answers hold them
    lead = Membership.objects.get(organisation=wave.organisation, role="workforce_lead")
    client.force_login(lead.user)
    page = client.get(reverse("survey-results-comments", args=[wave.pk])).content.decode()
    assert "[name] has been a brilliant manager" in page and "Email me at [email]" in page
    assert "call me on [phone]" in page.lower()
    for person in named:
        assert person.full_name not in page and person.email not in page
    assert "07700 900123" not in page

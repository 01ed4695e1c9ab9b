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
    demo_load(today=datetime.date(2025, 11, 14), report_files=False)
    health_checks = Wave.objects.filter(organisation__la_code="990", purpose="health_check")
    waves = {w.slug: w for w in health_checks}
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

    demo_load(today=datetime.date(2025, 11, 14), report_files=False)
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
    comments = page.split('id="main-content"', 1)[1]  # the header names the signed-in lead
    for person in named:
        assert person.full_name not in comments and person.email not in comments
    assert "07700 900123" not in page
    # Varied comments (demo/comments.py), whose themes the lead's page counts sensibly.
    comments = [
        r.answers["sw_comments"] for r in wave.responses.all() if "sw_comments" in r.answers
    ]
    assert len(comments) >= 30 and len(set(comments)) >= 0.7 * len(comments)
    kwargs = {"results_wave_id": wave.pk, "results_page": "comments", "results_table": "comments"}
    csv = client.get(reverse("survey-results-csv", kwargs=kwargs)).content.decode()
    counts = dict(line.rsplit(",", 1) for line in csv.splitlines()[1:] if line.count(",") == 1)
    themes = {k: int(v) for k, v in counts.items() if k not in ("No theme found", "All comments")}
    assert max(themes, key=themes.__getitem__) == "Workload" and themes["Supervision"] > 0

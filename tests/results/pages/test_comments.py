"""The comments page: theme counts, and redacted text only for the lead and large groups."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.results.helpers import answers
from tests.surveys.helpers import builtin
from workforce_health.core.models import Membership
from workforce_health.surveys.services import past_waves

Role = Membership.Role
pytestmark = pytest.mark.django_db

CHILDREN = "Children's Services"
EARLY_HELP = "Early Help"
ADULTS = "Adult Social Care"
# The council's people include Alex Morgan, Priya Shah and Owen Jones (tests/factories.py).
NAMED = (
    "Priya Shah's supervision is great but my caseload is 30. "
    "Email priya.shah@testshire.gov.uk or call 07700-900-123 or +44 7700 900123."
)
RAW = ("Priya", "Shah", "priya.shah@", "07700-900-123", "7700 900123", "Owen", "Jones")
SMALL = "SMALLGROUP the IT system crashes daily"
PROTECTED = "PROTECTEDGROUP my pay is too low"


def _wave(council, *, slug: str, sizes: dict[str, int], **settings):
    opens_on = datetime.date(2025, 2, 1)
    wave = past_waves.past_wave_create(
        organisation=council.organisation,
        questionnaire=builtin(),
        title="Health Check 2025",
        slug=slug,
        services=[council.children, council.adults],
        opens_on=opens_on,
        closes_on=opens_on + datetime.timedelta(days=30),
        **settings,
    )
    text = {CHILDREN: NAMED, EARLY_HELP: PROTECTED, ADULTS: SMALL}
    rows = [
        (
            {"service": service, "team": f"{service} team", "role_group": "Social worker"},
            answers(4, sw_comments=text[service] if i == 0 else "Owen Jones runs a good team."),
        )
        for service, size in sizes.items()
        for i in range(size)
    ]
    past_waves.responses_bulk_create(wave=wave, rows=rows, generalise=False)
    return wave


@pytest.fixture
def wave(council):
    # Adults (5) is below the comment threshold of 20; Early Help (22) is then hidden to
    # protect it, since the total minus Children would reveal Adults' comments.
    return _wave(council, slug="comments", sizes={CHILDREN: 25, EARLY_HELP: 22, ADULTS: 5})


def _url(name, wave, **kwargs):
    return reverse(name, kwargs={"results_wave_id": wave.pk, **kwargs})


def _page(client, council, role, wave):
    client.force_login(council.users[role])
    return client.get(_url("survey-results-comments", wave))


def _downloads(client, wave):
    texts = []
    for slug in ("comments", "comments-by-service"):
        kwargs = {"results_page": "comments", "results_table": slug}
        csv = client.get(_url("survey-results-csv", wave, **kwargs))
        xlsx = client.get(_url("survey-results-xlsx", wave, **kwargs))
        assert csv.status_code == 200 and xlsx.status_code == 200
        sheet = load_workbook(io.BytesIO(xlsx.content)).active
        cells = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)
        texts += [csv.content.decode(), cells]
    return "\n".join(texts)


def test_the_lead_sees_redacted_text_from_large_groups_only(client, council, wave):
    html = _page(client, council, Role.WORKFORCE_LEAD, wave).content.decode()
    assert "What people said" in html
    assert "[name]&#x27;s supervision is great but my caseload is 30." in html
    assert "Email [email] or call [phone] or [phone]." in html
    assert "[name] runs a good team." in html  # the full name is one placeholder
    for raw in (*RAW, "SMALLGROUP", "PROTECTEDGROUP"):
        assert raw not in html, raw


def test_theme_counts_are_shown_and_downloads_hold_no_text(client, council, wave):
    html = _page(client, council, Role.WORKFORCE_LEAD, wave).content.decode()
    assert "Comments by theme and service" in html and "Supervision" in html
    downloads = _downloads(client, wave)
    assert "Supervision" in downloads and "Not shown" in downloads
    for raw in (*RAW, "SMALLGROUP", "PROTECTEDGROUP", "[name]", "runs a good team"):
        assert raw not in downloads, raw


def test_by_service_counts_hide_small_and_protecting_groups(client, council, wave):
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    kwargs = {"results_page": "comments", "results_table": "comments-by-service"}
    csv = client.get(_url("survey-results-csv", wave, **kwargs)).content.decode()
    lines = csv.splitlines()
    assert all("Not shown" in line for line in lines if line.startswith((ADULTS, EARLY_HELP)))
    hidden = [line for line in lines if line.startswith(ADULTS)]
    assert hidden == [f"{ADULTS},All themes,Not shown"]  # one row, not one a theme
    assert "Children's Services,Supervision,1" in csv
    assert "Children's Services,All comments,25" in csv


def _no_text(html: str) -> None:
    assert "What people said" not in html
    for raw in (*RAW, "[name]", "[email]", "runs a good team", "supervision is great"):
        assert raw not in html, raw


def test_an_administrator_sees_the_counts_but_never_the_text(client, council, wave):
    lead = _page(client, council, Role.WORKFORCE_LEAD, wave).content.decode()
    lead_downloads = _downloads(client, wave)
    page = _page(client, council, Role.ADMINISTRATOR, wave)
    html = page.content.decode()
    assert page.status_code == 200
    _no_text(html)
    assert "Only the workforce lead can read the comments themselves" in html
    # The same theme counts as the lead's, on the page and in the downloads.
    for slug in ("comments", "comments-by-service", "comments-by-team"):
        start = f'<table class="govuk-table" id="table-{slug}">'
        assert start in html
        table = html[html.index(start) : html.index("</table>", html.index(start))]
        assert table in lead
    assert _downloads(client, wave) == lead_downloads
    # No URL gives the administrator the text: not the page with any query, not a download.
    for query in ({"text": "1"}, {"show_text": "true"}, {"scope": "lead"}):
        url = _url("survey-results-comments", wave)
        _no_text(client.get(url, query).content.decode())
    kwargs = {"results_page": "comments", "results_table": "comment-text"}
    assert client.get(_url("survey-results-csv", wave, **kwargs)).status_code == 404


@pytest.mark.parametrize("role", [Role.SERVICE_MANAGER, Role.TEAM_MANAGER])
def test_managers_see_their_counts_but_never_the_text(client, council, wave, role):
    page = _page(client, council, role, wave)
    html = page.content.decode()
    assert page.status_code == 200
    _no_text(html)
    assert "Comments by theme and team" in html
    kwargs = {"results_page": "comments", "results_table": "comments"}
    assert client.get(_url("survey-results-csv", wave, **kwargs)).status_code == 404


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.SCRUTINY_MEMBER])
def test_others_never_see_comments(client, council, wave, role):
    page = _page(client, council, role, wave)
    assert page.status_code == 403
    assert "Shah" not in page.content.decode() and "[name]" not in page.content.decode()
    kwargs = {"results_page": "comments", "results_table": "comments"}
    assert client.get(_url("survey-results-csv", wave, **kwargs)).status_code == 403


def test_no_text_when_no_group_meets_the_threshold(client, council):
    small = _wave(council, slug="small", sizes={CHILDREN: 19})
    html = _page(client, council, Role.WORKFORCE_LEAD, small).content.decode()
    assert "No comment text can be shown" in html
    assert "runs a good team" not in html and "supervision is great" not in html


def test_the_threshold_is_the_waves_setting(client, council):
    strict = _wave(council, slug="strict", sizes={CHILDREN: 25}, min_group_size_comments=30)
    html = _page(client, council, Role.WORKFORCE_LEAD, strict).content.decode()
    assert "at least 30 responses" in html and "runs a good team" not in html
    loose = _wave(council, slug="loose", sizes={CHILDREN: 12}, min_group_size_comments=10)
    assert "runs a good team" in _page(client, council, Role.WORKFORCE_LEAD, loose).content.decode()


def test_a_council_can_use_its_own_theme_dictionary(client, council, wave, settings, tmp_path):
    path = tmp_path / "themes.toml"
    path.write_text('[[theme]]\nname = "Good teams"\nkeywords = ["good team"]\n', encoding="utf-8")
    settings.SURVEY_COMMENT_THEMES = str(path)
    html = _page(client, council, Role.WORKFORCE_LEAD, wave).content.decode()
    assert "Good teams" in html and "Supervision" not in html

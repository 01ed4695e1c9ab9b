"""Atom feeds of live vacancies: one per council and one of every council, and the same
document for the command line (Django's feed writer, which escapes every text it writes)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from workforce_health.careers import selectors
from workforce_health.careers.models import Vacancy
from workforce_health.careers.public_cache import cached_public_page


def salary_text(vacancy: Vacancy) -> str:
    low, high = int(vacancy.salary_min), int(vacancy.salary_max)
    return f"£{low:,} a year" if low == high else f"£{low:,} to £{high:,} a year"


def vacancy_summary(vacancy: Vacancy) -> str:
    """A vacancy in one paragraph of plain text."""
    where = vacancy.team.name + ", " if vacancy.team else ""
    return (
        f"{where}{vacancy.service.name}. {salary_text(vacancy)}, {vacancy.hours_per_week:g} "
        f"hours a week, {vacancy.get_contract_display().lower()}. Closes "
        f"{vacancy.closing_date.day} {vacancy.closing_date:%B %Y}. {vacancy.description}"
    )


def vacancy_path(vacancy: Vacancy) -> str:
    return reverse(
        "careers-vacancy",
        kwargs={"org_code": vacancy.organisation.la_code, "vacancy_id": vacancy.pk},
    )


def atom_text(
    *,
    title: str,
    home_url: str,
    feed_url: str,
    author: str,
    vacancies: Iterable[Vacancy],
    url_of: Callable[[Vacancy], str],
) -> str:
    """The Atom document of ``vacancies`` (Django's feed writer escapes the XML)."""
    feed = Atom1Feed(
        title=title,
        link=home_url,
        description="Live vacancies; apply on the council's own recruitment site.",
        feed_url=feed_url,
        feed_guid=feed_url,
        author_name=author,
        language="en-gb",
    )
    for vacancy in vacancies:
        link = url_of(vacancy)
        posted = vacancy.first_published_on or vacancy.opened_on
        feed.add_item(
            title=vacancy.title,  # Atom text: written escaped
            link=link,
            unique_id=link,
            # Atom summaries are type="html": escape the plain text so readers show it as text.
            description=escape(vacancy_summary(vacancy)),
            pubdate=timezone.make_aware(datetime.datetime.combine(posted, datetime.time())),
            # Whole seconds: a feed reader needs no finer time (and microseconds read as numbers).
            updateddate=vacancy.updated_at.replace(microsecond=0),
            author_name=vacancy.organisation.name,
            categories=[vacancy.service.name, vacancy.get_role_display()],
        )
    return feed.writeString("utf-8")


def _response(text: str) -> HttpResponse:
    return HttpResponse(text, content_type="application/atom+xml; charset=utf-8")


@cached_public_page
def organisation_feed(request: HttpRequest, org_code: str) -> HttpResponse:
    site = selectors.public_site_get(la_code=org_code)
    if site is None:
        raise Http404("This council has no careers page")
    name = site.organisation.name
    return _response(
        atom_text(
            title=f"Social work vacancies at {name}",
            home_url=request.build_absolute_uri(
                reverse("careers-organisation", kwargs={"org_code": org_code})
            ),
            feed_url=request.build_absolute_uri(request.path),
            author=name,
            vacancies=selectors.public_vacancy_list(today=timezone.localdate(), site=site),
            url_of=lambda v: request.build_absolute_uri(vacancy_path(v)),
        )
    )


@cached_public_page
def index_feed(request: HttpRequest) -> HttpResponse:
    return _response(
        atom_text(
            title="Social work vacancies",
            home_url=request.build_absolute_uri(reverse("careers-index")),
            feed_url=request.build_absolute_uri(request.path),
            author="Workforce Health",
            vacancies=selectors.public_vacancy_list(today=timezone.localdate()),
            url_of=lambda v: request.build_absolute_uri(vacancy_path(v)),
        )
    )

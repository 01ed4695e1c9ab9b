"""Atom feeds of live vacancies: one per council and one of every council (Django's
syndication framework, which escapes every text it writes)."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from workforce_health.careers import selectors
from workforce_health.careers.models import CareersSite, Vacancy
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


class VacancyFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, org_code: str | None = None) -> CareersSite | None:
        if org_code is None:
            return None
        site = selectors.public_site_get(la_code=org_code)
        if site is None:
            raise Http404("This council has no careers page")
        return site

    def title(self, obj: CareersSite | None) -> str:
        if obj is None:
            return "Social work vacancies"
        return f"Social work vacancies at {obj.organisation.name}"

    def subtitle(self, obj: CareersSite | None) -> str:
        return "Live vacancies; apply on the council's own recruitment site."

    def link(self, obj: CareersSite | None) -> str:
        if obj is None:
            return reverse("careers-index")
        return reverse("careers-organisation", kwargs={"org_code": obj.organisation.la_code})

    def author_name(self, obj: CareersSite | None) -> str:
        return obj.organisation.name if obj else "Workforce Health"

    def items(self, obj: CareersSite | None) -> list[Vacancy]:
        return list(selectors.public_vacancy_list(today=timezone.localdate(), site=obj))

    def item_title(self, item: Vacancy) -> str:
        return item.title  # Atom text: the feed writer escapes it

    def item_description(self, item: Vacancy) -> str:
        # Atom summaries are type="html": escape the plain text so a reader shows it as text.
        return escape(vacancy_summary(item))

    def item_link(self, item: Vacancy) -> str:
        return vacancy_path(item)

    def item_author_name(self, item: Vacancy) -> str:
        return item.organisation.name

    def item_pubdate(self, item: Vacancy) -> datetime.datetime:
        day = item.first_published_on or item.opened_on
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))

    def item_updateddate(self, item: Vacancy) -> datetime.datetime:
        return item.updated_at

    def item_categories(self, item: Vacancy) -> list[str]:
        return [item.service.name, item.get_role_display()]


vacancy_feed = cached_public_page(VacancyFeed())

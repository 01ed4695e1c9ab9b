"""Respondent pages. Public: the token in the path is the only key (docs/surveys-anonymity.md).

No sign-in, no capability: these views are deliberately undecorated. They never record who
asked, and answer 404 for a token that was not issued.
"""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from workforce_health.surveys import selectors, services
from workforce_health.surveys.forms import AGREE_CHOICES, DONT_KNOW, SectionForm
from workforce_health.surveys.questionnaire import Item
from workforce_health.surveys.selectors import Respondent


def _respondent(token: str) -> Respondent:
    respondent = selectors.respondent_get(token=token)
    if respondent is None:
        raise Http404
    return respondent


@never_cache
def start(request: HttpRequest, token: str) -> HttpResponse:
    respondent = _respondent(token)
    total = len(respondent.questionnaire.sections)
    return render(
        request,
        "surveys/respond/start.html",
        {
            "r": respondent,
            "saved": request.GET.get("saved") == "1",
            "next_section": min(respondent.sections_seen + 1, total),
            "total": total,
            "page_title": respondent.wave.title,
        },
    )


def _answer_label(item: Item, value: str | None) -> str:
    if value in (None, ""):
        return "Not answered"
    labels = dict(AGREE_CHOICES + [DONT_KNOW] + [(o.value, o.label) for o in item.options])
    if item.type in ("agree", "choice"):
        return labels.get(value, value)
    return f"{value} {item.unit}".strip() if item.type == "number" else value


@never_cache
def section(request: HttpRequest, token: str, number: int) -> HttpResponse:
    respondent = _respondent(token)
    sections = respondent.questionnaire.sections
    if not 1 <= number <= len(sections):
        raise Http404
    if respondent.has_responded or not respondent.wave.is_accepting:
        return redirect("survey-start", token=token)
    current = sections[number - 1]
    returning = request.GET.get("return") == "check"
    form = SectionForm(request.POST or None, section=current, initial=respondent.answers)
    if request.method == "POST" and form.is_valid():
        services.draft_save(
            wave=respondent.wave, token=token, answers=form.cleaned_data, sections_seen=number
        )
        if "save" in request.POST:
            return redirect(reverse("survey-start", kwargs={"token": token}) + "?saved=1")
        if returning or number == len(sections):
            return redirect("survey-check", token=token)
        return redirect("survey-section", token=token, number=number + 1)
    back = (
        reverse("survey-check", kwargs={"token": token})
        if returning
        else reverse("survey-section", kwargs={"token": token, "number": number - 1})
        if number > 1
        else reverse("survey-start", kwargs={"token": token})
    )
    return render(
        request,
        "surveys/respond/section.html",
        {
            "r": respondent,
            "section": current,
            "number": number,
            "total": len(sections),
            "form": form,
            "back": back,
            "returning": returning,
        },
    )


@never_cache
def check(request: HttpRequest, token: str) -> HttpResponse:
    respondent = _respondent(token)
    if respondent.has_responded or not respondent.wave.is_accepting:
        return redirect("survey-start", token=token)
    error = ""
    if request.method == "POST":
        try:
            services.response_submit(
                wave=respondent.wave, invitation=respondent.invitation, token=token
            )
            return redirect("survey-start", token=token)
        except ValidationError as problem:
            error = " ".join(problem.messages)
    summary = [
        {
            "number": index,
            "section": part,
            "rows": [
                (item, _answer_label(item, respondent.answers.get(item.code)))
                for item in part.items
            ],
        }
        for index, part in enumerate(respondent.questionnaire.sections, start=1)
    ]
    return render(
        request,
        "surveys/respond/check.html",
        {"r": respondent, "summary": summary, "error": error},
        status=400 if error else 200,
    )

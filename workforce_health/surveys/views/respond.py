"""Respondent pages. Public: the token in the path is the only key (docs/surveys-anonymity.md).

No sign-in, no capability: these views are deliberately undecorated. They never record who
asked, and answer 404 for a token that was not issued. Wrong tokens count against the client's
address (`ratelimit`): after too many, every token page answers 429 for a while.

Abuse: a used token or a closed wave sends every page back to the start page, which says so;
extra form fields are ignored, and answers outside a question's choices or range, or comments
over `COMMENT_MAX_LENGTH`, are refused with a message. None of these stores anything.
"""

from collections.abc import Callable
from functools import wraps

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from workforce_health.surveys import ratelimit, selectors
from workforce_health.surveys.forms import AGREE_CHOICES, DONT_KNOW, SectionForm
from workforce_health.surveys.questionnaire import Item, Section
from workforce_health.surveys.selectors import Respondent
from workforce_health.surveys.services import responding

COMMENT_MAX_LENGTH = 5000  # a hard cap on any free-text answer, whatever the questionnaire says
NOT_A_CHOICE = "Select one of the answers shown"


def _respondent(request: HttpRequest, token: str) -> Respondent:
    """The token's respondent, or 404 (counted as a wrong guess for this client)."""
    respondent = selectors.respondent_get(token=token)
    if respondent is None:
        ratelimit.record_miss(request)
        raise Http404
    return respondent


def _rate_limited(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Answer 429 before looking the token up when this client has guessed too often."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if ratelimit.is_blocked(request):
            return ratelimit.too_many(request)
        return view(request, *args, **kwargs)

    return guarded


def _section_form(data: object, *, section: Section, initial: dict[str, str]) -> SectionForm:
    """The section's form, with plain messages for forged choices and a cap on comments."""
    form = SectionForm(data, section=section, initial=initial)
    for field in form.fields.values():
        if isinstance(field, forms.ChoiceField):
            field.error_messages["invalid_choice"] = NOT_A_CHOICE
        elif isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
            if field.max_length is None or field.max_length > COMMENT_MAX_LENGTH:
                field.max_length = COMMENT_MAX_LENGTH
                field.widget.attrs["maxlength"] = str(COMMENT_MAX_LENGTH)
                field.validators = [
                    *(v for v in field.validators if not isinstance(v, MaxLengthValidator)),
                    MaxLengthValidator(COMMENT_MAX_LENGTH),
                ]
                field.error_messages["max_length"] = (
                    f"Your answer must be {COMMENT_MAX_LENGTH:,} characters or fewer"
                )
    return form


@never_cache
@_rate_limited
def start(request: HttpRequest, token: str) -> HttpResponse:
    respondent = _respondent(request, token)
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
@_rate_limited
def section(request: HttpRequest, token: str, number: int) -> HttpResponse:
    respondent = _respondent(request, token)
    sections = respondent.questionnaire.sections
    if not 1 <= number <= len(sections):
        raise Http404
    if respondent.has_responded or not respondent.wave.is_accepting:
        return redirect("survey-start", token=token)
    current = sections[number - 1]
    returning = request.GET.get("return") == "check"
    form = _section_form(request.POST or None, section=current, initial=respondent.answers)
    if request.method == "POST" and form.is_valid():
        responding.draft_save(
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
@_rate_limited
def check(request: HttpRequest, token: str) -> HttpResponse:
    respondent = _respondent(request, token)
    if respondent.has_responded or not respondent.wave.is_accepting:
        return redirect("survey-start", token=token)
    error = ""
    if request.method == "POST":
        try:
            responding.response_submit(
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

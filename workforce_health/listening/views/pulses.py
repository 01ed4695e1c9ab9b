"""Pulse surveys: the series, their trend beside the Health Check, and check-backs and session
feedback (the short surveys of actions and sessions)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from workforce_health.charts import Series, line_chart
from workforce_health.core.models import Membership
from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, save_or_add_errors, viewer
from workforce_health.listening import downloads, selectors, services, survey_adapter, tables
from workforce_health.listening.forms.pulses import ChosenItemsForm, SeriesForm
from workforce_health.listening.models import PulseSeries
from workforce_health.listening.pulse_disclosure import Key
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.web.tables import Table


@requires(Capability.VIEW_LISTENING)
def series_list(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    return render(
        request,
        "listening/pulses/list.html",
        {
            "series": selectors.series_list(scope=Scope.of(membership)),
            "can_manage": membership_can(membership, Capability.MANAGE_LISTENING),
        },
    )


def _questionnaires(membership: Membership) -> list[Questionnaire]:
    """Packaged pulses and the council's own pulse questionnaires (5 to 12 questions)."""
    engagement = survey_adapter.packaged(survey_adapter.ENGAGEMENT_PULSE)
    own = Questionnaire.objects.filter(
        organisation=membership.organisation,
        definition__questionnaire__purpose=Wave.Purpose.LISTENING,
    )
    return [engagement, *own]


@requires(Capability.MANAGE_LISTENING)
def series_create(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    organisation = membership.organisation
    form = SeriesForm(
        request.POST or None,
        references=survey_adapter.reference_candidates(organisation=organisation),
        questionnaires=_questionnaires(membership),
        initial={"starts_on": timezone.localdate(), "open_days": 14},
    )
    if request.method == "POST" and form.is_valid():
        series = save_or_add_errors(
            form,
            lambda: services.pulse_series_create(organisation=organisation, **form.cleaned_data),
        )
        if series is not None:
            messages.success(
                request,
                f"{series.title} created. Its pulses open on schedule; open this period's now "
                "if it is due",
            )
            return redirect("listening-pulse-series", series_id=series.pk)
    return render(request, "listening/pulses/form.html", {"form": form})


@requires(Capability.MANAGE_LISTENING)
def questionnaire_create(request: HttpRequest) -> HttpResponse:
    """A pulse questionnaire of 5 to 12 questions chosen from the latest Health Check."""
    membership = viewer(request)
    candidates = survey_adapter.reference_candidates(organisation=membership.organisation)
    if not candidates:
        raise Http404
    source_id = request.GET.get("from") or request.POST.get("source")
    source = next((w for w in candidates if str(w.pk) == source_id), candidates[0])
    items = [
        (i.code, i.text)
        for i in survey_adapter.definition_items(source.questionnaire)
        if i.type == "agree"
    ]
    form = ChosenItemsForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        made = save_or_add_errors(
            form,
            lambda: services.pulse_questionnaire_from_items(
                organisation=membership.organisation,
                source=source.questionnaire,
                item_codes=form.cleaned_data["items"],
                title=form.cleaned_data["title"],
            ),
        )
        if made is not None:
            messages.success(request, f"{made.title} saved: choose it for a pulse series")
            return redirect("listening-pulse-create")
    return render(
        request,
        "listening/pulses/questionnaire_form.html",
        {"form": form, "source": source, "candidates": candidates},
    )


def _series_tables(
    request: HttpRequest, series: PulseSeries
) -> tuple[
    list[tuple[str, Key, str]], tuple[str, Key, str], dict[str, Table], selectors.Trend, list
]:
    membership = viewer(request)
    groups = selectors.series_groups(scope=Scope.of(membership), series=series)
    if not groups:
        raise Http404
    chosen = next((g for g in groups if g[0] == request.GET.get("group")), groups[0])
    results = selectors.series_results(series)
    trend = selectors.series_trend(series, key=chosen[1], results=results)
    made = {
        "pulse-trend": tables.pulse_trend_table(trend, group=chosen[2]),
        "pulse-responses": tables.pulse_response_table(results, key=chosen[1], group=chosen[2]),
    }
    return groups, chosen, made, trend, results


def _chart(trend: selectors.Trend, code: str, group: str) -> str:
    row = next((r for r in trend.rows if r[0] == code), None)
    if row is None:
        return ""
    _, text, values = row
    pulses = [v if c.is_pulse else None for (v, _), c in zip(values, trend.columns, strict=True)]
    annual = [
        v if not c.is_pulse else None for (v, _), c in zip(values, trend.columns, strict=True)
    ]
    return line_chart(
        [
            Series("Pulse surveys", pulses, "primary"),
            Series("Health Check", annual, "reference"),
        ],
        categories=[c.short for c in trend.columns],
        title=f"{text}: % agree, {group}",
        y_label="Agree (%)",
        unit="%",
        ident="chart-pulse-trend",
    )


@requires(Capability.VIEW_LISTENING)
def series_detail(request: HttpRequest, series_id: int) -> HttpResponse:
    membership = viewer(request)
    series = found(selectors.series_get(scope=Scope.of(membership), series_id=series_id))
    if request.method == "POST":
        return _series_action(request, series)
    groups, chosen, made, trend, results = _series_tables(request, series)
    codes = [r[0] for r in trend.rows]
    item = request.GET.get("item")
    item = (
        item
        if item in codes
        else (
            "sw_recommend_employer"
            if "sw_recommend_employer" in codes
            else (codes[0] if codes else "")
        )
    )
    return render(
        request,
        "listening/pulses/detail.html",
        {
            "series": series,
            "pulses": selectors.series_pulses(series),
            "groups": groups,
            "group": chosen,
            "items": [(r[0], r[1]) for r in trend.rows],
            "item": item,
            "chart": _chart(trend, item, chosen[2]) if results else "",
            "tables": made.values(),
            "published": len(results),
            "settings": series.reference_wave.disclosure_settings(),
            "can_manage": membership_can(membership, Capability.MANAGE_LISTENING),
        },
    )


def _series_action(request: HttpRequest, series: PulseSeries) -> HttpResponse:
    if not membership_can(viewer(request), Capability.MANAGE_LISTENING):
        raise Http404
    today = timezone.localdate()
    try:
        if request.POST.get("action") == "open":
            starts = series.period_starts(today)
            if not starts:
                raise ValidationError(f"The first pulse is on {series.starts_on:%-d %B %Y}")
            pulse = services.pulse_open(
                series=series,
                period_start=starts[-1],
                today=today,
                base_url=request.build_absolute_uri("/"),
            )
            messages.success(request, f"{pulse.wave.title} is open and its invitations are sent")
        elif request.POST.get("action") == "close":
            pulse = found(
                series.pulses.filter(pk=_number(request.POST.get("pulse")))
                .select_related("wave")
                .first()
            )
            services.pulse_close(pulse=pulse)
            messages.success(request, f"{pulse.wave.title} closed: its results are below")
        else:
            raise Http404
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    return redirect("listening-pulse-series", series_id=series.pk)


def _number(value: object) -> int:
    text = str(value or "")
    return int(text) if text.isdigit() else 0


@requires(Capability.VIEW_LISTENING)
def series_download(
    request: HttpRequest, series_id: int, pulse_table: str, listening_format: str
) -> HttpResponse:
    series = found(selectors.series_get(scope=Scope.of(viewer(request)), series_id=series_id))
    if listening_format not in ("csv", "xlsx"):
        raise Http404
    _, _, made, _, _ = _series_tables(request, series)
    try:
        return downloads.table_download(made, pulse_table, listening_format, series.slug)
    except KeyError as missing:
        raise Http404 from missing


@requires(Capability.MANAGE_LISTENING)
def check_back(request: HttpRequest, action_id: int) -> HttpResponse:
    action = found(selectors.action_get(scope=Scope.of(viewer(request)), action_id=action_id))
    error = ""
    if request.method == "POST":
        try:
            services.check_back_create(action=action, base_url=request.build_absolute_uri("/"))
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, "Check-back survey open and its invitations sent")
            return redirect("listening-action", action_id=action.pk)
    return render(
        request,
        "listening/actions/check_back.html",
        {"action": action, "error": error, "today": timezone.localdate()},
        status=400 if error else 200,
    )


@require_POST
@requires(Capability.MANAGE_LISTENING)
def session_feedback(request: HttpRequest, session_id: int) -> HttpResponse:
    session = found(selectors.session_get(scope=Scope.of(viewer(request)), session_id=session_id))
    try:
        services.session_feedback_create(session=session)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, "Feedback survey open: give out its link at the session")
    return redirect("listening-session", session_id=session.pk)

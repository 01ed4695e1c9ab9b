"""Reads for pulse surveys, check-backs and session feedback: every figure from the survey
engine's suppressed tables, and for a pulse series also suppressed across the series and the
Health Check it follows (`pulse_disclosure`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, Final

import polars as pl
from django.db.models import QuerySet

from workforce_health.core.models import Organisation, Team
from workforce_health.core.scope import Level, Scope
from workforce_health.listening import pulse_disclosure, survey_adapter
from workforce_health.listening.models import Action, LeaderSession, Pulse, PulseSeries
from workforce_health.listening.pulse_disclosure import Cell, Key
from workforce_health.listening.survey_adapter import Frames, hidden_text
from workforce_health.surveys import analysis
from workforce_health.surveys.models import Wave

RESPONSES: Final = "responses"  # the response-rate table's measure name
BY_TEAM: Final = ("team",)  # the one breakdown a pulse publishes: total, services, teams
WHOLE: Final[Key] = (None, None)


# --- Which series a viewer may see ----------------------------------------------------------


def series_list(*, scope: Scope) -> QuerySet[PulseSeries]:
    """Series following a Health Check that covers the scope's service (all for the lead; a
    team's scope: its service)."""
    found = PulseSeries.objects.filter(
        scope.filter(service="reference_wave__services")
    ).select_related("questionnaire", "reference_wave")
    return found.distinct().order_by("title")


def series_get(*, scope: Scope, series_id: int) -> PulseSeries | None:
    return series_list(scope=scope).filter(pk=series_id).first()


def series_groups(*, scope: Scope, series: PulseSeries) -> list[tuple[str, Key, str]]:
    """(choice value, key, label) of the groups of a series the scope may look at: all invited,
    each service and team for the whole organisation; a manager's own service (if the series
    covers it) and its teams; a team manager's own team."""
    services = list(series.reference_wave.services.all())
    teams = (
        Team.objects.filter(service__in=services)
        .filter(scope.team_filter())
        .select_related("service")
    )
    by_team: list[tuple[str, Key, str]] = [
        (f"t{t.pk}", (t.service.name, t.name), f"{t.service.name} / {t.name}") for t in teams
    ]
    if scope.whole_organisation:
        by_service: list[tuple[str, Key, str]] = [
            (f"s{s.pk}", (s.name, None), s.name) for s in services
        ]
        return [("all", WHOLE, "All invited"), *by_service, *by_team]
    if scope.service is None or scope.service not in services:
        return []
    if scope.level == Level.SERVICE:
        own = scope.service
        return [(f"s{own.pk}", (own.name, None), own.name), *by_team]
    return by_team  # a team manager's own team


def series_pulses(series: PulseSeries) -> list[Pulse]:
    return list(series.pulses.select_related("wave").order_by("period_start"))


def pulse_wave_choices(*, organisation: Organisation) -> list[tuple[str, str]]:
    """(wave id, title) of the organisation's closed pulses, for linking actions."""
    pulses = Pulse.objects.filter(
        series__organisation=organisation, wave__status=Wave.Status.CLOSED
    ).select_related("wave")
    return [(str(p.wave_id), p.wave.title) for p in pulses.order_by("-period_start")]


# --- A pulse's published tables -------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    value: float | None  # % agree, or the response rate; None when hidden
    n: int | None  # answers (responded for the response rate); None when hidden
    hidden: str  # the page's words for why ("" when shown)


@dataclass(frozen=True)
class PulseResults:
    pulse: Pulse
    reference: Wave
    # measure (an item code, or RESPONSES) -> (service, team) -> figure
    measures: dict[str, dict[Key, Figure]] = field(default_factory=dict)
    hidden: dict[str, frozenset[Key]] = field(default_factory=dict)


def _key(row: dict[str, Any]) -> Key:
    return (row.get("service"), row.get("team"))


def _cells(rows: list[dict[str, Any]], n_column: str) -> list[Cell]:
    return [
        Cell(_key(r), None if r["suppressed"] else int(r[n_column]), r.get("suppressed_reason"))
        for r in rows
    ]


def _engine_tables(frames: Frames) -> dict[str, list[dict[str, Any]]]:
    """Each measure's team table as the engine publishes it for the wave alone."""
    items = analysis.breakdown(
        frames.answers, frames.items, by=BY_TEAM, measure="items", settings=frames.settings
    )
    found: dict[str, list[dict[str, Any]]] = {}
    for row in items.to_dicts():
        found.setdefault(row["item_code"], []).append(row)
    found[RESPONSES] = analysis.response_rates(
        frames.answers, frames.invited, by=BY_TEAM, settings=frames.settings
    ).to_dicts()
    return found


def _anchor(reference: Frames) -> dict[str, pulse_disclosure.Anchor]:
    """What the Health Check publishes for each of its measures, and its respondent counts
    (the anchor of questions it did not ask)."""
    tables = _engine_tables(reference)
    tables[pulse_disclosure.RESPONDENTS] = analysis.respondent_counts(
        reference.answers, reference.items, by=BY_TEAM, settings=reference.settings
    ).to_dicts()
    return {
        measure: pulse_disclosure.Anchor(
            frozenset(_key(r) for r in rows if r["suppressed"]), frozenset(_key(r) for r in rows)
        )
        for measure, rows in tables.items()
    }


def reference_for(series: PulseSeries, wave: Wave) -> Wave:
    """The Health Check a pulse follows: the latest closed one with the series' services and
    staff groups that opened before the pulse (the series' own reference at first)."""
    services = {s.pk for s in series.reference_wave.services.all()}
    candidates = (
        Wave.objects.filter(
            organisation=series.organisation,
            purpose=Wave.Purpose.HEALTH_CHECK,
            status=Wave.Status.CLOSED,
            opens_on__lt=wave.opens_on,
            opens_on__gte=series.reference_wave.opens_on,
        )
        .prefetch_related("services")
        .order_by("-opens_on", "-pk")
    )
    for candidate in candidates:
        same_groups = sorted(candidate.staff_groups) == sorted(series.reference_wave.staff_groups)
        if same_groups and {s.pk for s in candidate.services.all()} == services:
            return candidate
    return series.reference_wave


def series_results(series: PulseSeries) -> list[PulseResults]:
    """Every closed pulse's tables, oldest first, each suppressed across the Health Check it
    follows and the earlier pulses that follow the same Health Check
    (`pulse_disclosure.segment_patterns`)."""
    closed = [p for p in series_pulses(series) if p.wave.status == Wave.Status.CLOSED]
    segments: dict[int, list[tuple[Pulse, dict[str, list[dict[str, Any]]], int]]] = {}
    references: dict[int, Wave] = {}
    for pulse in closed:
        reference = reference_for(series, pulse.wave)
        references[reference.pk] = reference
        frames = survey_adapter.wave_frames(pulse.wave)
        segment = segments.setdefault(reference.pk, [])
        segment.append((pulse, _engine_tables(frames), frames.settings.min_group_size))
    found: list[PulseResults] = []
    for reference_id, segment in segments.items():
        anchors = _anchor(survey_adapter.wave_frames(references[reference_id]))
        patterns = pulse_disclosure.segment_patterns(
            anchors,
            [
                {
                    m: _cells(rows, "responded" if m == RESPONSES else "n")
                    for m, rows in tables.items()
                }
                for _, tables, _ in segment
            ],
            threshold=segment[0][2],
            units={RESPONSES: "invited"},
        )
        for (pulse, tables, _), pattern in zip(segment, patterns, strict=True):
            result = PulseResults(pulse, references[reference_id])
            for measure, rows in tables.items():
                result.hidden[measure] = frozenset(pattern[measure])
                result.measures[measure] = {
                    _key(r): _figure(r, pattern[measure], measure) for r in rows
                }
            found.append(result)
    return sorted(found, key=lambda r: r.pulse.period_start)


def _figure(row: dict[str, Any], pattern: dict[Key, str], measure: str) -> Figure:
    reason = pattern.get(_key(row))
    if reason is not None:
        unit = "invited" if measure == RESPONSES else "responses"
        return Figure(None, None, hidden_text({"suppressed_reason": reason}, unit))
    if measure == RESPONSES:
        return Figure(row["response_rate"], row["responded"], "")
    return Figure(row["pct_agree"], row["n"], "")


# --- The trend: pulses beside the Health Check ----------------------------------------------


@dataclass(frozen=True)
class TrendColumn:
    label: str  # "2025 Q1 pulse" or "Health Check 2024"
    short: str  # for a chart's axis: "Q1 25", "HC 24"
    wave: Wave
    is_pulse: bool


def _period(series: PulseSeries, start: datetime.date) -> tuple[str, str]:
    if series.every == PulseSeries.Every.MONTH:
        return f"{start:%b %Y} pulse", f"{start:%b %y}"
    quarter = (start.month - 1) // 3 + 1
    return f"{start.year} Q{quarter} pulse", f"Q{quarter} {start:%y}"


@dataclass(frozen=True)
class Trend:
    columns: tuple[TrendColumn, ...]
    # item code -> text, and one value per column (None: hidden or not asked) with its note
    rows: tuple[tuple[str, str, tuple[tuple[float | None, str], ...]], ...]


def _item_text(series: PulseSeries) -> dict[str, str]:
    return {
        i.code: i.text for i in series.questionnaire.parsed_cached().items() if i.type == "agree"
    }


def health_checks_followed(series: PulseSeries) -> list[Wave]:
    """Closed Health Checks with the series' services and staff groups (its reference's), from
    the reference on: the annual points of the trend."""
    services = {s.pk for s in series.reference_wave.services.all()}
    waves = (
        Wave.objects.filter(
            organisation=series.organisation,
            purpose=Wave.Purpose.HEALTH_CHECK,
            status=Wave.Status.CLOSED,
            opens_on__gte=series.reference_wave.opens_on,
        )
        .prefetch_related("services")
        .order_by("opens_on", "pk")
    )
    return [
        w
        for w in waves
        if {s.pk for s in w.services.all()} == services
        and sorted(w.staff_groups) == sorted(series.reference_wave.staff_groups)
    ]


def _annual_values(wave: Wave, codes: list[str], key: Key) -> dict[str, tuple[float | None, str]]:
    """The Health Check's own published figure for each item at the group `key` (the same
    suppressed cell its results pages show), matched by item code."""
    frames = survey_adapter.wave_frames(wave)
    table = analysis.breakdown(
        frames.answers, frames.items, by=BY_TEAM, measure="items", settings=frames.settings
    ).filter(pl.col("item_code").is_in(codes))
    found: dict[str, tuple[float | None, str]] = {}
    for row in table.to_dicts():
        if _key(row) != key:
            continue
        if row["suppressed"]:
            found[row["item_code"]] = (None, hidden_text(row))
        else:
            found[row["item_code"]] = (row["pct_agree"], "")
    return found


def series_trend(series: PulseSeries, *, key: Key, results: list[PulseResults]) -> Trend:
    """Each question's % agree at the group `key` in every published pulse and in each Health
    Check the series follows that asked it, in date order."""
    texts = _item_text(series)
    codes = list(texts)
    annual = health_checks_followed(series)
    points: list[tuple[datetime.date, TrendColumn, dict[str, tuple[float | None, str]]]] = []
    for wave in annual:
        asked = _annual_values(wave, codes, key)
        column = TrendColumn(
            f"Health Check {wave.opens_on.year}", f"HC {wave.opens_on:%y}", wave, False
        )
        points.append((wave.opens_on, column, asked))
    for result in results:
        values = {
            code: (
                (figure.value, figure.hidden)
                if (figure := result.measures.get(code, {}).get(key)) is not None
                else (None, "No answers")
            )
            for code in codes
        }
        label, short = _period(series, result.pulse.period_start)
        column = TrendColumn(label, short, result.pulse.wave, True)
        points.append((result.pulse.wave.opens_on, column, values))
    points.sort(key=lambda p: (p[0], p[1].is_pulse))
    rows = tuple(
        (
            code,
            texts[code],
            tuple(values.get(code, (None, "Not asked")) for _, _, values in points),
        )
        for code in codes
    )
    return Trend(tuple(column for _, column, _ in points), rows)


# --- Check-backs and session feedback: whole-survey figures only ----------------------------


@dataclass(frozen=True)
class CheckBack:
    wave: Wave
    respondents: int | None  # None while open, or when too few answered to show
    items: tuple[tuple[str, float | None, str], ...]  # question, % agree, why hidden
    note: str = ""  # why nothing is shown


def short_survey_result(wave: Wave) -> CheckBack:
    """A check-back's or session feedback's whole-survey figures, once it has closed: nothing
    by group, and nothing at all when fewer answered than its smallest group."""
    if wave.status != Wave.Status.CLOSED:
        return CheckBack(wave, None, (), "open")
    frames = survey_adapter.wave_frames(wave)
    settings = frames.settings
    if frames.respondents < settings.min_group_size:
        return CheckBack(
            wave,
            None,
            (),
            f"fewer than {settings.min_group_size} people answered, so no results are shown",
        )
    texts = {i.code: i.text for i in frames.questionnaire.items()}
    order = list(texts)
    table = analysis.breakdown(
        frames.answers, frames.items, by=(), measure="items", settings=settings
    )
    items = tuple(
        (
            texts[r["item_code"]],
            None if r["suppressed"] else r["pct_agree"],
            hidden_text(r) if r["suppressed"] else "",
        )
        for r in sorted(table.to_dicts(), key=lambda r: order.index(r["item_code"]))
    )
    return CheckBack(wave, frames.respondents, items)


def check_back_result(*, action: Action) -> CheckBack | None:
    return short_survey_result(action.check_back_wave) if action.check_back_wave else None


def session_feedback_result(*, session: LeaderSession) -> CheckBack | None:
    return short_survey_result(session.feedback_wave) if session.feedback_wave else None

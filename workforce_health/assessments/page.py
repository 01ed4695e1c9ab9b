"""One self-assessment as the page shows it: each standard's rating, commentary, evidence
tiles, staff view, gaps and the actions raised from them (no request: the views, the published
document and the command line all read this)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from workforce_health.assessments import selectors
from workforce_health.assessments.evidence import Evidence, StandardEvidence
from workforce_health.assessments.frameworks import FRAMEWORKS, Framework
from workforce_health.assessments.gaps import Gap, gaps
from workforce_health.assessments.models import Assessment, StandardRating
from workforce_health.listening.models import Action


@dataclass(frozen=True)
class StandardView:
    evidence: StandardEvidence
    rating: StandardRating
    level_label: str
    gaps: tuple[Gap, ...]
    actions: tuple[Action, ...]

    @property
    def code(self) -> str:
        return self.evidence.standard.code


@dataclass(frozen=True)
class AssessmentPage:
    assessment: Assessment
    framework: Framework
    as_of: datetime.date
    scale: tuple[str, str, str, str]
    standards: tuple[StandardView, ...]

    @property
    def rated(self) -> int:
        return sum(1 for s in self.standards if s.rating.level is not None)

    @property
    def gap_count(self) -> int:
        return sum(len(s.gaps) for s in self.standards)


def assessment_page(
    assessment: Assessment, *, today: datetime.date | None = None
) -> AssessmentPage:
    evidence = Evidence(assessment, today=today)
    scale = selectors.rating_scale_get(organisation=assessment.organisation)
    ratings = selectors.rating_map(assessment=assessment)
    actions = selectors.gap_actions(assessment=assessment)
    views = []
    for item in evidence.standards:
        rating = ratings[item.standard.code]
        label = selectors.level_label(scale, rating.level)
        staff = item.staff
        found = gaps(
            standard=item.standard.title,
            level=rating.level,
            level_label=label,
            staff_score=staff.score if staff else None,
            staff_band=staff.band if staff else "",
            concerns=[t.concern for t in item.tiles if t.concern],
        )
        views.append(
            StandardView(
                item, rating, label, tuple(found), tuple(actions.get(item.standard.code, []))
            )
        )
    return AssessmentPage(
        assessment,
        FRAMEWORKS[assessment.framework],
        evidence.as_of,
        scale.labels,
        tuple(views),
    )

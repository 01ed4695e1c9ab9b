"""Facts from the employer standards self-assessment: one per standard, so the lead chooses
which parts to show. Only a published version is read (assessments.selectors), never the draft,
and the staff view comes as it was published, with its small groups already withheld."""

from __future__ import annotations

from collections.abc import Callable

from workforce_health.assessments.frameworks import FRAMEWORKS
from workforce_health.careers.facts.base import Fact, FactInputs, Unavailable, date_text

# The lead's list names the standards in the current (2025) wording; a fact keeps the wording
# of the framework its self-assessment was published under.
STANDARDS = FRAMEWORKS["2025"].standards


def kind(code: str) -> str:
    return f"self_assessment_{code.lower()}"


def _build(inputs: FactInputs, code: str) -> Fact | Unavailable:
    standard = FRAMEWORKS["2025"].standard(code)
    assert standard is not None
    heading = f"Our self-assessment: {standard.heading}"
    if not inputs.published_standards:
        return Unavailable(
            kind(code),
            heading,
            f"no self-assessment of {inputs.service.name} has been published yet",
        )
    published = inputs.published_standards.get(code)
    if published is None or published.level is None:
        year = next(iter(inputs.published_standards.values())).year
        return Unavailable(
            kind(code),
            heading,
            f"the published {year} self-assessment did not rate {standard.heading}",
        )
    organisation = inputs.organisation.name
    return Fact(
        kind=kind(code),
        heading=f"Our self-assessment: {published.heading}",
        figure=published.label,
        statement=(
            f"{organisation} rates {inputs.service.name} as \u201c{published.label}\u201d against "
            f"{published.heading}, one of the Standards for employers of social workers in "
            "England."
        ),
        as_of=published.published_on.isoformat(),
        period=f"Self-assessment {published.year}",
        source=(
            f"{organisation}'s self-assessment against the employer standards for "
            f"{published.year}, version {published.number}, published on "
            f"{date_text(published.published_on)}."
        ),
        notes=[*_paragraphs(published.commentary), published.staff_view],
    )


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def builder(code: str) -> Callable[[FactInputs], Fact | Unavailable]:
    def build(inputs: FactInputs) -> Fact | Unavailable:
        return _build(inputs, code)

    return build

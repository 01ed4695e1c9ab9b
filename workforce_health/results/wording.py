"""The words for disclosure control and significance: one definition, used by the results pages,
their downloads and the scrutiny report (docs/survey-analysis.md §4 and §5)."""

from typing import Any

from workforce_health.surveys import analysis

PROTECTED = "Hidden to protect another group"

DISCLOSURE_EXPLAINED = (
    "Survey answers are anonymous: no response is linked to a person. A figure is not shown "
    "for a group smaller than the survey's threshold, and other groups are hidden as well where "
    "a hidden figure could otherwise be worked out by subtracting the figures shown from a "
    "total. A hidden figure is marked \u201cfewer than N responses\u201d or \u201chidden to "
    "protect another group\u201d, never shown as zero."
)

# How a change since the previous survey is tested, and which groups are not compared.
SIGNIFICANCE = "Changes are tested with a two-proportion z-test at the 5% level"
SIGNIFICANCE_DETAIL = "two-sided, with the pooled proportion: |z| of 1.96 or more"
NOT_COMPARED = (
    "A change is not compared when either survey has fewer answers than the smallest group shown."
)


def significance_explained() -> str:
    """The test in full, for the report's tables of changes and its technical appendix."""
    return f"{SIGNIFICANCE} ({SIGNIFICANCE_DETAIL}). {NOT_COMPARED}"


def hidden_text(row: dict[str, Any], unit: str = "responses") -> str:
    """What a suppressed cell shows: the engine's reason, in the page's words ("Fewer than 10
    responses" or "invited", as the engine says; `unit` when it names none)."""
    reason = row.get("suppressed_reason") or ""
    if reason.startswith("fewer than"):
        words = reason.split()
        return f"Fewer than {words[2]} {' '.join(words[3:]) or unit}"
    return PROTECTED


def suppression_notes(
    settings: analysis.DisclosureSettings, unit: str = "responses"
) -> tuple[str, ...]:
    """The note under every table with hidden groups."""
    smallest = f"fewer than {settings.min_group_size} responses"
    if unit == "invited":  # a response rate needs both
        smallest = (
            f"fewer than {settings.min_invited_for_response_rate} invited, or (but for the "
            f"whole survey) {smallest},"
        )
    return (
        f"Groups with {smallest} are hidden. {PROTECTED}: so that no hidden group can be "
        "worked out by subtracting the figures shown from a total.",
    )

"""The employer standards sessions and actions are linked to: those of the packaged Social Work
Health Check (the LGA's eight standards, health-check.md §1.2), one definition for both."""

from functools import cache

from workforce_health.surveys import questionnaire as qn

SOURCE = qn.BUILTIN_DIR / "social-work-health-check.toml"


@cache
def standards() -> dict[str, str]:
    """Code ("S5") -> title ("Supervision")."""
    return dict(qn.read_file(SOURCE).get("standards", {}))


def standard_choices() -> list[tuple[str, str]]:
    return [(code, f"{code} {title}") for code, title in standards().items()]


def standard_label(code: str) -> str:
    title = standards().get(code)
    return f"{code} {title}" if title else code

"""What the core commands share: finding the organisation and wording a refused value."""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from workforce_health.core import selectors
from workforce_health.core.models import Organisation


def organisation_from(la_code: str) -> Organisation:
    organisation = selectors.organisation_get(la_code=la_code)
    if organisation is None:
        raise CommandError(
            f"--organisation: no organisation has LA code {la_code!r}; add it first with "
            "`workforce-health add-organisation`"
        )
    return organisation


def problems(error: ValidationError, options: dict[str, str] | None = None) -> str:
    """Each refused field as its command-line option (``options`` maps field -> option)."""
    options = options or {}
    return "; ".join(
        " ".join(messages)
        if field == "__all__"
        else f"{options.get(field, '--' + field.replace('_', '-'))}: {' '.join(messages)}"
        for field, messages in error.message_dict.items()
    )

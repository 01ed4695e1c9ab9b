"""Finding what a survey command names: organisation, wave, questionnaire, services; and the
`--base-url` argument of the commands that email invitation links. Used by `survey` (in the
results app) and `send_invitations`.

Wave slugs are unique per organisation only, so `--organisation` is optional: without it a slug
must name exactly one wave across organisations.
"""

from argparse import ArgumentParser
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db.models import Q

from workforce_health.core import selectors as core_selectors
from workforce_health.core.models import Organisation, Service
from workforce_health.surveys import selectors
from workforce_health.surveys.models import Questionnaire, Wave


def add_base_url_argument(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--base-url",
        default=getattr(settings, "SITE_URL", "http://127.0.0.1:8000"),
        help="the service's address, for the links in invitation emails",
    )


def organisation_from(la_code: str) -> Organisation:
    organisation = core_selectors.organisation_get(la_code=la_code)
    if organisation is None:
        raise CommandError(f"--organisation: no organisation has LA code {la_code!r}")
    return organisation


def wave_from(slug: str, la_code: str | None, option: str = "--wave") -> Wave:
    """The wave with this slug: in the organisation if given, else the only one anywhere."""
    if la_code is not None:
        organisation = organisation_from(la_code)
        wave = selectors.wave_by_slug(organisation=organisation, slug=slug)
        if wave is None:
            raise CommandError(f"{option}: {organisation} has no survey wave {slug!r}")
        return wave
    found = list(
        Wave.objects.filter(slug=slug)
        .select_related("organisation", "questionnaire")
        .order_by("organisation__la_code")
    )
    if not found:
        raise CommandError(f"{option}: no organisation has a survey wave {slug!r}")
    if len(found) > 1:
        codes = ", ".join(wave.organisation.la_code for wave in found)
        raise CommandError(
            f"{option}: {len(found)} organisations have a survey wave {slug!r} "
            f"(LA codes {codes}); give --organisation to choose one"
        )
    return found[0]


def questionnaire_from(key: str, organisation: Organisation) -> Questionnaire:
    """The latest version of a questionnaire code that the organisation may use."""
    found = (
        Questionnaire.objects.filter(code=key)
        .filter(Q(organisation__isnull=True) | Q(organisation=organisation))
        .order_by("-version")
        .first()
    )
    if found is None:
        known = sorted(
            set(
                Questionnaire.objects.filter(
                    Q(organisation__isnull=True) | Q(organisation=organisation)
                ).values_list("code", flat=True)
            )
        )
        raise CommandError(
            f"--questionnaire: no questionnaire {key!r}; choose from {', '.join(known)}"
        )
    return found


def services_from(names: Sequence[str], organisation: Organisation) -> list[Service]:
    """The named services, or every service of the organisation when none is named."""
    services = list(Service.objects.filter(organisation=organisation).order_by("name"))
    if not names:
        return services
    by_name = {service.name: service for service in services}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise CommandError(
            f"--service: {organisation} has no service {', '.join(map(repr, unknown))}; "
            f"choose from {', '.join(by_name)}"
        )
    return [by_name[name] for name in dict.fromkeys(names)]


def error_text(error: ValidationError) -> str:
    """A model's validation error as one readable line per problem, naming the field."""
    if hasattr(error, "error_dict"):
        return "\n".join(
            f"{'' if field == '__all__' else field.replace('_', ' ') + ': '}{message}"
            for field, messages in error.message_dict.items()
            for message in messages
        )
    return " ".join(error.messages)

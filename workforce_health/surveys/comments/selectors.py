"""Reads for the comments page: staff names to redact, and the council's theme dictionary.

The only module of this package that imports Django; the rules are in `redaction` and `themes`.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from workforce_health.core.models import Organisation, Person
from workforce_health.surveys.comments.themes import PACKAGED, Dictionary, load_dictionary


@dataclass(frozen=True)
class StaffNames:
    """For `redact`: family and full names (any case) and given names (when capitalised)."""

    names: tuple[str, ...]
    given_names: tuple[str, ...]


def redaction_names(*, organisation: Organisation) -> StaffNames:
    """Every name in the organisation's people records, leavers included.

    Not limited to a viewer's scope: a comment may name anyone in the council.
    """
    people = Person.objects.filter(organisation=organisation).values_list(
        "given_name", "family_name"
    )
    names: set[str] = set()
    given: set[str] = set()
    for given_name, family_name in people:
        names.update(n for n in (family_name, f"{given_name} {family_name}") if n.strip())
        given.update(g for g in (given_name, *given_name.split()) if g.strip())
    return StaffNames(tuple(sorted(names)), tuple(sorted(given)))


def theme_dictionary_path() -> Path:
    """The council's dictionary (setting SURVEY_COMMENT_THEMES), or the packaged one."""
    configured = getattr(settings, "SURVEY_COMMENT_THEMES", None)
    return Path(configured) if configured else PACKAGED


def theme_dictionary() -> Dictionary:
    """The dictionary, read again only when its file changes: one dictionary (and its
    matcher, which remembers the words it has looked up) serves every page."""
    path = theme_dictionary_path()
    status = path.stat()
    return _dictionary(path, status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=4)
def _dictionary(path: Path, modified_ns: int, size: int) -> Dictionary:
    return load_dictionary(path)

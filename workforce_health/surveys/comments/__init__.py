"""Survey comments: redaction of names, emails and phone numbers, and keyword themes (no Django).

Rules: docs/survey-analysis.md, "Comments". Django-side reads live in `selectors.py`.
"""

from workforce_health.surveys.comments.redaction import EMAIL, NAME, PHONE, redact
from workforce_health.surveys.comments.themes import (
    PACKAGED,
    Dictionary,
    DictionaryError,
    Keyword,
    Theme,
    load_dictionary,
    matched_keywords,
    parse_dictionary,
    themes,
)

__all__ = [
    "EMAIL",
    "NAME",
    "PACKAGED",
    "PHONE",
    "Dictionary",
    "DictionaryError",
    "Keyword",
    "Theme",
    "load_dictionary",
    "matched_keywords",
    "parse_dictionary",
    "redact",
    "themes",
]

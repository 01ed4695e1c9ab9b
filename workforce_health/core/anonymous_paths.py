"""The respondent paths: pages people use without signing in, where nothing about them is kept.

On these paths the session limits write nothing to a signed-in visitor's session and the audit
trail is switched off for the whole request, and log lines have the part after the prefix
redacted (`surveys/log_redaction.py`), so that answering a survey in a browser that is
also signed in leaves no trace beside the sign-in (docs/surveys-anonymity.md). A new anonymous
page goes under one of these prefixes, or its prefix is added here: this is the only list.
"""

ANONYMOUS_PATH_PREFIXES: tuple[str, ...] = (
    "/s/",  # a survey invitation's link
    "/survey/",  # a survey's shared link
    "/anonymous/",  # a member of staff's anonymous conversations with leaders (docs/listening.md)
)


def is_anonymous_path(path: str) -> bool:
    """Whether ``path`` (a request's path) is a respondent page."""
    return path.startswith(ANONYMOUS_PATH_PREFIXES)

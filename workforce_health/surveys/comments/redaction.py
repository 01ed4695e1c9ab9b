"""Redaction of staff names, email addresses and UK phone numbers in free text (no Django).

Rules (docs/survey-analysis.md, "Comments"):

- email addresses become "[email]" and UK phone numbers "[phone]" (landlines and mobiles
  written with a leading 0, +44 or 0044, with spaces, dashes, dots or brackets);
- `names` (family names and full names) become "[name]" wherever they appear as whole words,
  in any case;
- `given_names` become "[name]" only when written with a capital letter, so that a given
  name that is also an ordinary word ("will", "grace") is kept in running text;
- a name written with a hyphen also redacts each part ("Smith-Jones" redacts "Smith");
- a possessive keeps its ending ("Sarah's" becomes "[name]'s").

Names are matched word by word with a set lookup, so a council's thousands of people do not
slow it down. Names shorter than two letters are ignored.
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

NAME = "[name]"
EMAIL = "[email]"
PHONE = "[phone]"

EMAIL_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_SEP = r"(?:[ \-.]|\)[ ]?)?"  # one space, dash or dot, or a closing bracket, between digits
PHONE_RE = re.compile(
    r"(?<![\w+])"
    r"(?:(?:\+|00)44[ \-]?(?:\(0\)[ \-]?)?\(?[1-9](?:" + _SEP + r"\d){8,9}"
    r"|\(?0[1-9](?:" + _SEP + r"\d){8,9})"
    r"(?!\d)"
)
PLACEHOLDER_RE = re.compile(r"\[(?:email|phone)\]")
WORD_RE = re.compile(r"[^\W\d_]+")  # a run of letters
_JOINERS = {"-": "-", "'": "'", "\u2019": "'"}
_MAX_WORDS = 5


def _key(name: str) -> str:
    """A name as looked up: case-folded, curly apostrophes straightened, words single-spaced."""
    words = " ".join(name.replace("\u2019", "'").split())
    return words.casefold()


def _with_parts(names: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        key = _key(name)
        parts = [key, *key.split("-")] if "-" in key else [key]
        keys.update(p for p in parts if sum(c.isalpha() for c in p) >= 2)
    return keys


@dataclass(frozen=True)
class _Names:
    always: frozenset[str]
    capitalised: frozenset[str]

    def matches(self, written: str) -> bool:
        key = _key(written)
        return key in self.always or (key in self.capitalised and written[:1].isupper())


def _separator(text: str, start: int, end: int) -> str | None:
    """The joiner between two words of one name, or None if they cannot be one name."""
    between = text[start:end]
    if between in _JOINERS:
        return _JOINERS[between]
    return " " if between.isspace() and between.count("\n") == 0 else None


def _redact_names(text: str, names: _Names) -> str:
    words = list(WORD_RE.finditer(text))
    out: list[str] = []
    position = 0
    i = 0
    while i < len(words):
        start = words[i].start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            i += 1
            continue
        found = 0
        for length in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            last = words[i + length - 1]
            joins = [
                _separator(text, words[k].end(), words[k + 1].start())
                for k in range(i, i + length - 1)
            ]
            if None in joins:
                continue
            after = text[last.end() : last.end() + 1]
            if after.isalnum() or after == "_":
                continue
            if names.matches(text[start : last.end()]):
                found = length
                break
        if found:
            out.append(text[position:start] + NAME)
            position = words[i + found - 1].end()
            i += found
        else:
            i += 1
    out.append(text[position:])
    return "".join(out)


def _frozen(names: Iterable[str]) -> tuple[str, ...]:
    return names if isinstance(names, tuple) else tuple(names)


@functools.lru_cache(maxsize=4)
def _known(names: tuple[str, ...], given_names: tuple[str, ...]) -> _Names:
    """The names as looked up, built once for a page's comments, not once for each comment
    (a council's thousands of names took longer than the comments themselves)."""
    return _Names(frozenset(_with_parts(names)), frozenset(_with_parts(given_names)))


def redact(text: str, *, names: Iterable[str], given_names: Iterable[str] = ()) -> str:
    """`text` with emails, UK phone numbers and staff names replaced by placeholders.

    `names` are redacted in any case (family names, full names); `given_names` only when
    capitalised in the text. Pass every name as `names` to redact regardless of case.
    """
    known = _known(_frozen(names), _frozen(given_names))
    text = EMAIL_RE.sub(EMAIL, text)
    text = PHONE_RE.sub(PHONE, text)
    pieces = PLACEHOLDER_RE.split(text)
    placeholders = PLACEHOLDER_RE.findall(text)
    redacted = [_redact_names(piece, known) for piece in pieces]
    return "".join(p + h for p, h in zip(redacted, [*placeholders, ""], strict=True))

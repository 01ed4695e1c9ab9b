"""Comment themes from a transparent keyword dictionary (no Django).

The dictionary is a TOML file (the packaged `comment_themes.toml`, or a council's own copy):

    [[theme]]
    name = "Supervision"
    keywords = ["supervis*", "reflective practice", "one to one*"]
    ignore = ["supervised contact"]  # optional

A keyword is one or more words, matched in that order. How a word matches:
- a word matches itself and its inflected forms ("caseload" matches "caseloads", "supervise"
  matches "supervised" and "supervising", "prioritise" matches "prioritizing"), and its
  misspellings with one slip of the keyboard when the longer of the two has six letters or
  more ("worklaod", "supervison", "ofice"), unless the word written is itself a word of the
  dictionary;
- a word ending in `*` matches any word starting with it ("supervis*" matches "supervision"
  and "supervisor"; from seven letters also a start with one slip);
- a word written in capitals matches only capitals ("IT" matches "IT" and "ITs", not "it");
- case, punctuation, apostrophes and hyphens are ignored, and words written together or apart
  are the same ("case load" matches "caseload", "case-load" and "case load").
`...` between words means "later in the same sentence": "team ... support*" matches "the team
are so supportive". A keyword found only inside one of the theme's `ignore` phrases does not
count ("management" in "case management system"). The placeholders left by redaction
("[name]", "[email]", "[phone]") are not words. Negation does not change a theme: "supervision
is not regular" is about supervision. A comment is tagged with every theme that has a keyword
in it, in the dictionary's order.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from workforce_health.surveys.comments.matcher import GAP, Matcher, is_capitals

PACKAGED: Path = Path(__file__).parent / "comment_themes.toml"
_KEYWORD_WORD_RE = re.compile(r"[^\W_]+\*?")
_BAD_STAR_RE = re.compile(r"\*(?=[^\W_])|(?<![^\W_])\*")  # a "*" not ending a word
_APOSTROPHES = str.maketrans("", "", "'\u2019")


class DictionaryError(ValueError):
    """The theme dictionary is not in the expected form."""


@dataclass(frozen=True)
class Keyword:
    text: str
    # Words in order; GAP ("...") for "later in the same sentence"; a trailing "*" marks a
    # stem; capitals match capitals only.
    words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> "Keyword":
        cleaned = text.translate(_APOSTROPHES)
        parts = [_KEYWORD_WORD_RE.findall(part) for part in cleaned.split(GAP)]
        if not all(parts) or _BAD_STAR_RE.search(cleaned.replace(GAP, " ")):
            raise DictionaryError(
                f"keyword {text!r} has no words, a '*' not at a word end, "
                "or a '...' not between words"
            )
        words: list[str] = []
        for part in parts:
            words += [GAP] if words else []
            words += [w if is_capitals(w) else w.casefold() for w in part]
        return cls(text, tuple(words))


@dataclass(frozen=True)
class Theme:
    name: str
    keywords: tuple[Keyword, ...]
    ignore: tuple[Keyword, ...] = ()
    includes: tuple[str, ...] = ()  # themes whose comments also count for this one


@dataclass(frozen=True)
class Dictionary:
    themes: tuple[Theme, ...]

    @property
    def names(self) -> list[str]:
        return [t.name for t in self.themes]

    @cached_property
    def matcher(self) -> Matcher:
        """The keywords compiled for matching (built once per dictionary)."""
        return Matcher(
            [
                (t.name, [(k.text, k.words) for k in t.keywords], [k.words for k in t.ignore])
                for t in self.themes
            ],
            {t.name: t.includes for t in self.themes if t.includes},
        )


def parse_dictionary(text: str) -> Dictionary:
    """A dictionary from TOML text; DictionaryError if a theme is malformed or repeated."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DictionaryError(f"not valid TOML: {error}") from error
    entries = data.get("theme")
    if not isinstance(entries, list) or not entries:
        raise DictionaryError("expected one or more [[theme]] tables")
    themes: list[Theme] = []
    for entry in entries:
        name, keywords = entry.get("name"), entry.get("keywords")
        ignore, includes = entry.get("ignore", []), entry.get("includes", [])
        if not isinstance(name, str) or not name.strip():
            raise DictionaryError("every theme needs a name")
        if not isinstance(keywords, list) or not keywords:
            raise DictionaryError(f"theme {name!r} needs a list of keywords")
        if not isinstance(ignore, list) or not isinstance(includes, list):
            raise DictionaryError(f"theme {name!r}: ignore and includes must be lists")
        if not all(isinstance(k, str) for k in keywords + ignore + includes):
            raise DictionaryError(f"theme {name!r}: keywords must be text")
        themes.append(
            Theme(
                name.strip(),
                tuple(Keyword.parse(k) for k in keywords),
                tuple(Keyword.parse(k) for k in ignore),
                tuple(i.strip() for i in includes),
            )
        )
    names = [t.name for t in themes]
    if len(set(names)) != len(names):
        raise DictionaryError("theme names must be different")
    for theme in themes:
        unknown = [i for i in theme.includes if i not in names or i == theme.name]
        if unknown:
            raise DictionaryError(f"theme {theme.name!r} includes {unknown[0]!r}: no such theme")
    return Dictionary(tuple(themes))


def load_dictionary(path: Path | str | None = None) -> Dictionary:
    """The dictionary at `path`, or the packaged one."""
    return parse_dictionary(Path(path or PACKAGED).read_text(encoding="utf-8"))


def matched_keywords(text: str, dictionary: Dictionary) -> dict[str, list[str]]:
    """Each theme found in `text`, with the keywords that found it (to show why)."""
    return dictionary.matcher.matches(text)


def themes(text: str, dictionary: Dictionary) -> list[str]:
    """The names of the themes whose keywords appear in `text`, in dictionary order."""
    return list(matched_keywords(text, dictionary))

"""Comment themes from a transparent keyword dictionary (no Django).

The dictionary is a TOML file (the packaged `comment_themes.toml`, or a council's own copy):

    [[theme]]
    name = "Supervision"
    keywords = ["supervis*", "reflective practice"]

A keyword is one or more words. A word ending in `*` matches any word starting with it
("supervis*" matches "supervision" and "supervisor"); other words match whole words only.
Case, punctuation and hyphens are ignored ("case-load" matches the keyword "case load"),
except that a word written in capitals matches only capitals ("IT" matches "IT", not "it").
The placeholders left by redaction ("[name]", "[email]", "[phone]") are not words.
A comment is tagged with every theme that has a keyword in it, in the dictionary's order.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

PACKAGED: Path = Path(__file__).parent / "comment_themes.toml"
TOKEN_RE = re.compile(r"[^\W_]+")
_KEYWORD_WORD_RE = re.compile(r"[^\W_]+\*?")
_BAD_STAR_RE = re.compile(r"\*(?=[^\W_])|(?<![^\W_])\*")  # a "*" not ending a word


class DictionaryError(ValueError):
    """The theme dictionary is not in the expected form."""


PLACEHOLDER_RE = re.compile(r"\[(?:name|email|phone)\]")


def _tokens(text: str) -> list[str]:
    """The comment's words, as written (apostrophes dropped: "can't" is "cant")."""
    text = PLACEHOLDER_RE.sub(" ", text)
    return TOKEN_RE.findall(text.replace("'", "").replace("\u2019", ""))


@dataclass(frozen=True)
class Keyword:
    text: str
    words: tuple[str, ...]  # a trailing "*" marks a stem; capitals match capitals only

    @classmethod
    def parse(cls, text: str) -> "Keyword":
        cleaned = text.replace("'", "").replace("\u2019", "")
        words = tuple(
            w if _capitals(w) else w.casefold() for w in _KEYWORD_WORD_RE.findall(cleaned)
        )
        if not words or _BAD_STAR_RE.search(cleaned):
            raise DictionaryError(f"keyword {text!r} has no words, or a '*' not at a word end")
        return cls(text, words)

    def found_in(self, tokens: list[str]) -> bool:
        width = len(self.words)
        return any(
            all(_word_matches(w, t) for w, t in zip(self.words, tokens[i : i + width], strict=True))
            for i in range(len(tokens) - width + 1)
        )


def _capitals(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and word.rstrip("*").isupper()


def _word_matches(pattern: str, token: str) -> bool:
    token = token if _capitals(pattern) else token.casefold()
    return token.startswith(pattern[:-1]) if pattern.endswith("*") else token == pattern


@dataclass(frozen=True)
class Theme:
    name: str
    keywords: tuple[Keyword, ...]


@dataclass(frozen=True)
class Dictionary:
    themes: tuple[Theme, ...]

    @property
    def names(self) -> list[str]:
        return [t.name for t in self.themes]


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
        if not isinstance(name, str) or not name.strip():
            raise DictionaryError("every theme needs a name")
        if not isinstance(keywords, list) or not keywords:
            raise DictionaryError(f"theme {name!r} needs a list of keywords")
        if not all(isinstance(k, str) for k in keywords):
            raise DictionaryError(f"theme {name!r}: keywords must be text")
        themes.append(Theme(name.strip(), tuple(Keyword.parse(k) for k in keywords)))
    names = [t.name for t in themes]
    if len(set(names)) != len(names):
        raise DictionaryError("theme names must be different")
    return Dictionary(tuple(themes))


def load_dictionary(path: Path | str | None = None) -> Dictionary:
    """The dictionary at `path`, or the packaged one."""
    return parse_dictionary(Path(path or PACKAGED).read_text(encoding="utf-8"))


def matched_keywords(text: str, dictionary: Dictionary) -> dict[str, list[str]]:
    """Each theme found in `text`, with the keywords that found it (to show why)."""
    tokens = _tokens(text)
    found: dict[str, list[str]] = {}
    for theme in dictionary.themes:
        hits = [k.text for k in theme.keywords if k.found_in(tokens)]
        if hits:
            found[theme.name] = hits
    return found


def themes(text: str, dictionary: Dictionary) -> list[str]:
    """The names of the themes whose keywords appear in `text`, in dictionary order."""
    return list(matched_keywords(text, dictionary))

"""Flag categories for anonymous messages: the lead's keyword lists and guidance (no Django).

A message is flagged with every category that has one of its keywords in it. Matching is the
comment themes' (`surveys.comments.themes`): the same keyword rules, so a lead editing these
lists writes keywords as for themes. Categories come from the organisation's own lists (stored
by `services.flag_category_update`), else the packaged `flag_keywords.toml`.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from workforce_health.surveys.comments import Dictionary, DictionaryError, Keyword, Theme
from workforce_health.surveys.comments import matched_keywords as _matched

PACKAGED: Final = Path(__file__).parent / "flag_keywords.toml"


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    keywords: tuple[str, ...]
    guidance: str


def keyword_lines(text: str) -> tuple[str, ...]:
    """Keywords typed one on each line (blank lines and repeats dropped, order kept)."""
    seen: dict[str, None] = {}
    for line in text.splitlines():
        word = " ".join(line.split())
        if word and word.casefold() not in {k.casefold() for k in seen}:
            seen[word] = None
    return tuple(seen)


def check_keywords(keywords: tuple[str, ...]) -> None:
    """DictionaryError naming the first keyword that cannot be matched."""
    if not keywords:
        raise DictionaryError("Enter at least one word or phrase")
    for keyword in keywords:
        Keyword.parse(keyword)


def packaged_categories(path: Path = PACKAGED) -> tuple[Category, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Category(
            key=entry["key"],
            name=entry["name"],
            keywords=tuple(entry["keywords"]),
            guidance=" ".join(entry["guidance"].split()),
        )
        for entry in data["category"]
    )


def _dictionary(categories: tuple[Category, ...]) -> Dictionary:
    return Dictionary(
        tuple(
            Theme(c.key, tuple(Keyword.parse(k) for k in c.keywords))
            for c in categories
            if c.keywords
        )
    )


def flags_in(text: str, categories: tuple[Category, ...]) -> dict[str, list[str]]:
    """Category key -> the keywords found in `text`, in the categories' order."""
    return _matched(text, _dictionary(categories))

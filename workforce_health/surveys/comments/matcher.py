"""Finding a dictionary's keywords in comments, fast enough for a whole wave (no Django).

The rules are in `themes` (what a keyword matches) and `words` (word forms, misspellings).
Each distinct word is looked up once per dictionary and remembered: which of the dictionary's
words it is (itself, an inflected form or a stem's word; failing those, a misspelling). A
comment's sentences are then read once, trying only the keywords whose first word is there.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from workforce_health.surveys.comments.words import one_slip, sentences, word_form

GAP = "..."
_GAP_ID = -1
_LONG_STEM = 7  # a stem this long also matches a start with one slip
_CACHE_LIMIT = 100_000
_NOTHING: frozenset[int] = frozenset()

# (theme name, [(keyword text, keyword words)], [ignore phrase words])
ThemeSpec = tuple[str, Sequence[tuple[str, tuple[str, ...]]], Sequence[tuple[str, ...]]]


@dataclass(frozen=True)
class _Variant:
    theme: int
    keyword: int  # index of the keyword in its theme; -1 for an ignore phrase
    steps: tuple[int, ...]


class Matcher:
    def __init__(
        self, themes: Iterable[ThemeSpec], includes: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        self._ids: dict[str, int] = {}
        self._capitals: dict[str, set[int]] = {}
        self._capital_stems: list[tuple[str, int]] = []
        self._forms: dict[str, set[int]] = {}
        self._stems: dict[str, list[tuple[str, int]]] = {}  # by their first two letters
        self._by_length: dict[int, list[tuple[str, int]]] = {}  # plain words and forms
        self._long_stems: list[tuple[str, int]] = []
        self._starts: dict[int, list[_Variant]] = {}
        self._names: list[str] = []
        self._keywords: list[list[str]] = []
        self._seen: dict[str, frozenset[int]] = {}
        self._seen_joined: dict[str, frozenset[int]] = {}
        for theme, (name, keywords, ignore) in enumerate(themes):
            self._names.append(name)
            self._keywords.append([text for text, _ in keywords])
            for index, (_, words) in enumerate(keywords):
                self._add(theme, index, words)
            for words in ignore:
                self._add(theme, -1, words)
        # A theme that includes others is found wherever they are, by their keywords.
        self._includes = [
            [self._names.index(other) for other in (includes or {}).get(name, ())]
            for name in self._names
        ]

    def _add(self, theme: int, keyword: int, words: tuple[str, ...]) -> None:
        variants = [words]
        if len(words) > 1 and GAP not in words and _joinable(words):
            star = "*" if words[-1].endswith("*") else ""
            variants.append(("".join(w.rstrip("*") for w in words) + star,))
        for variant in variants:
            steps = tuple(_GAP_ID if w == GAP else self._word_id(w) for w in variant)
            self._starts.setdefault(steps[0], []).append(_Variant(theme, keyword, steps))

    def _word_id(self, word: str) -> int:
        if word in self._ids:
            return self._ids[word]
        self._ids[word] = found = len(self._ids)
        stem = word[:-1] if word.endswith("*") else None
        if is_capitals(word):
            if stem is None:
                self._capitals.setdefault(word, set()).add(found)
            else:
                self._capital_stems.append((stem, found))
        elif stem is not None:
            self._stems.setdefault(stem[:2], []).append((stem, found))
            if len(stem) >= _LONG_STEM:
                self._long_stems.append((stem, found))
        else:
            self._forms.setdefault(word_form(word), set()).add(found)
            for written in {word, word_form(word)}:
                self._by_length.setdefault(len(written), []).append((written, found))
        return found

    # Looking words up -------------------------------------------------------------------

    def _word_ids(self, token: str) -> frozenset[int]:
        found = self._seen.get(token)
        if found is None:
            found = self._exact(token) or self._misspelt(token.casefold())
            self._remember(self._seen, token, found)
        return found

    def _joined_ids(self, joined: str) -> frozenset[int]:
        """Two words written apart that the dictionary writes as one ("case load")."""
        found = self._seen_joined.get(joined)
        if found is None:
            found = self._exact(joined, capitals=False)
            self._remember(self._seen_joined, joined, found)
        return found

    def _exact(self, token: str, *, capitals: bool = True) -> frozenset[int]:
        lower = token.casefold()
        found = set(self._forms.get(word_form(lower), ()))
        for head in {lower[:1], lower[:2]}:
            found.update(i for stem, i in self._stems.get(head, ()) if lower.startswith(stem))
        if capitals and token.isupper():
            found.update(self._capitals.get(token, ()))
        if capitals and token[:-1].isupper() and token.endswith("s"):
            found.update(self._capitals.get(token[:-1], ()))
        if capitals:
            found.update(i for stem, i in self._capital_stems if token.startswith(stem))
        return frozenset(found)

    def _misspelt(self, lower: str) -> frozenset[int]:
        found: set[int] = set()
        for written in {lower, word_form(lower)}:
            for length in (len(written) - 1, len(written), len(written) + 1):
                found.update(i for w, i in self._by_length.get(length, ()) if one_slip(written, w))
        for stem, i in self._long_stems:
            if len(lower) < len(stem):  # "manage" is not "manager*" misspelt
                continue
            starts = (lower[: len(stem) + d] for d in (-1, 0, 1))
            if any(one_slip(start, stem, whole=False) for start in starts):
                found.add(i)
        return frozenset(found)

    def _remember(self, seen: dict[str, frozenset[int]], key: str, found: frozenset[int]) -> None:
        if len(seen) >= _CACHE_LIMIT:
            seen.clear()
        seen[key] = found

    # Matching comments ------------------------------------------------------------------

    def matches(self, text: str) -> dict[str, list[str]]:
        """Each theme found in `text`, in the dictionary's order, with the keywords found."""
        found: set[tuple[int, int]] = set()
        for sentence in sentences(text):
            found |= self._in_sentence(sentence)
        result: dict[str, list[str]] = {}
        for theme, name in enumerate(self._names):
            texts = [
                self._keywords[source][keyword]
                for source in (theme, *self._includes[theme])
                for keyword in sorted(k for t, k in found if t == source)
            ]
            if texts:
                result[name] = list(dict.fromkeys(texts))
        return result

    def _in_sentence(self, sentence: list[str]) -> set[tuple[int, int]]:
        words = [self._word_ids(w) for w in sentence]
        joined = [self._joined_ids((a + b).casefold()) for a, b in pairwise(sentence)]
        joined.append(_NOTHING)
        spans: list[tuple[_Variant, int, int]] = []
        memo: _Memo = {}
        for start in range(len(sentence)):
            tried: set[int] = set()
            for word in words[start] | joined[start]:
                for variant in self._starts.get(word, ()):
                    if id(variant) in tried:
                        continue
                    tried.add(id(variant))
                    end = _end(variant.steps, 0, start, words, joined, memo)
                    if end is not None:
                        spans.append((variant, start, end))
        ignored = [(v.theme, s, e) for v, s, e in spans if v.keyword < 0]
        return {
            (v.theme, v.keyword)
            for v, s, e in spans
            if v.keyword >= 0 and not any(t == v.theme and a <= s and e <= b for t, a, b in ignored)
        }


# Where the rest of a keyword ends, by (its words, how many are matched, where the next starts):
# shared by every start in a sentence, so a keyword with gaps costs at most words x positions.
_Memo = dict[tuple[int, int, int], int | None]


def _end(
    steps: tuple[int, ...],
    step: int,
    at: int,
    words: list[frozenset[int]],
    joined: list[frozenset[int]],
    memo: _Memo,
) -> int | None:
    """Where `steps[step:]` ends if they match from word `at` on, or None."""
    if step == len(steps):
        return at
    key = (id(steps), step, at)
    if key not in memo:
        memo[key] = _end_from(steps, step, at, words, joined, memo)
    return memo[key]


def _end_from(
    steps: tuple[int, ...],
    step: int,
    at: int,
    words: list[frozenset[int]],
    joined: list[frozenset[int]],
    memo: _Memo,
) -> int | None:
    if steps[step] == _GAP_ID:
        for later in range(at, len(words)):
            end = _end(steps, step + 1, later, words, joined, memo)
            if end is not None:
                return end
        return None
    end = None
    if at < len(words) and steps[step] in words[at]:
        end = _end(steps, step + 1, at + 1, words, joined, memo)
    if end is None and at < len(words) and steps[step] in joined[at]:
        end = _end(steps, step + 1, at + 2, words, joined, memo)
    return end


def is_capitals(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and word.rstrip("*").isupper()


def _joinable(words: tuple[str, ...]) -> bool:
    """A phrase that may also be written as one word: plain words, a stem only at the end."""
    return not any(is_capitals(w) for w in words) and not any(w.endswith("*") for w in words[:-1])

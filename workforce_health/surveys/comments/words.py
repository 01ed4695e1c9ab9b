"""Words of a comment for the theme tagger: sentences, word forms and misspellings (no Django).

- `sentences` splits a comment into sentences of words, as written (apostrophes dropped, so
  "can't" is "cant"; the placeholders left by redaction are not words).
- `word_form` folds the endings that only inflect a word, so that "caseloads", "supervised" and
  "prioritizing" meet "caseload", "supervise" and "prioritise". Endings that make another word
  are kept: "manager", "management" and "manageable" stay apart.
- `one_slip` says whether a word is a misspelling of another: one letter added, dropped,
  changed or two letters swapped, when the longer has six letters or more ("ofice" for
  "office"; "think" is not "thank" misspelt), with the same first letter ("great" is not
  "treat" misspelt), and not a different ending of the same word ("managed" is not "manager").
"""

import re

PLACEHOLDER_RE = re.compile(r"\[(?:name|email|phone)\]")
_SENTENCE_END_RE = re.compile(r"[.:]+(?=\s|$)|[!?;\n]+")  # not "1.5" or "e.g"
_WORD_RE = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans("", "", "'\u2019")
_VOWELS = frozenset("aeiouy")
_IZE_RE = re.compile(r"iz(?=e|a|i)")  # American "-ize", "-ization", "-izing"
SLIP_MIN_LENGTH = 6  # the longer word; the other may have a letter less


def sentences(text: str) -> list[list[str]]:
    """The comment's sentences, each a list of its words as written."""
    text = PLACEHOLDER_RE.sub(" ", text).translate(_APOSTROPHES)
    found = (_WORD_RE.findall(part) for part in _SENTENCE_END_RE.split(text))
    return [words for words in found if words]


def word_form(word: str) -> str:
    """`word` (lower case) without an inflecting ending: plural, possessive, -ed, -ing,
    and a final "e" (so "supervise", "supervised" and "supervising" all give "supervis")."""
    word = _IZE_RE.sub("is", word)
    if len(word) <= 3:
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for ending in ("ing", "ed"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and _VOWELS & set(stem):
            word = stem[:-1] if _doubled(stem) else stem  # "planned" gives "plan"
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _doubled(stem: str) -> bool:
    return stem[-1] == stem[-2] and stem[-1] not in "lsz" + "aeiouy"


def one_slip(written: str, meant: str, *, whole: bool = True) -> bool:
    """Whether `written` is `meant` with one slip of the keyboard (see the module's rules).
    With `whole=False` both are the starts of words, whose endings may differ."""
    if written == meant or min(len(written), len(meant)) < SLIP_MIN_LENGTH - 1:
        return False
    if max(len(written), len(meant)) < SLIP_MIN_LENGTH:  # "think" and "thank" are words
        return False
    if written[0] != meant[0]:  # a slip rarely hits the first letter ("great", "treat")
        return False
    if abs(len(written) - len(meant)) > 1:
        return False
    if whole and _same_word_other_ending(written, meant):
        return False
    return _one_edit(written, meant)


def _same_word_other_ending(a: str, b: str) -> bool:
    """Only the last letter differs, or one has a letter more at the end ("managed")."""
    return a[:-1] == b[:-1] or a == b[:-1] or b == a[:-1]


def _one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance exactly 1 (the lengths differ by at most one)."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):  # one letter dropped from b
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:  # one letter changed
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]

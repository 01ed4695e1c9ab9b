"""The labelled staff comments (labelled_comments.csv) and the tagger's precision and recall.

Each row is a comment written for these tests, the themes a reader gives it (the labelling
rules are in docs/survey-analysis.md, "How well the themes are found") and its part:
"development" to tune the dictionary on, "held-out" to measure it. The part follows from the
text alone (`part_of`), so no row was placed by hand.

`python -m tests.surveys.comments.labelled [--part held-out] [--errors]` prints the table of
docs/survey-analysis.md and, with --errors, the comments tagged wrongly.
"""

import argparse
import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from workforce_health.surveys.comments import Dictionary, load_dictionary, themes

LABELLED = Path(__file__).with_name("labelled_comments.csv")
DEVELOPMENT, HELD_OUT = "development", "held-out"


@dataclass(frozen=True)
class Labelled:
    comment: str
    themes: frozenset[str]
    part: str


@dataclass(frozen=True)
class Score:
    theme: str
    labelled: int  # comments a reader gave the theme
    true_positives: int
    false_positives: int

    @property
    def found(self) -> int:
        return self.true_positives + self.false_positives

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.labelled if self.labelled else 0.0


def part_of(comment: str) -> str:
    """Two comments in five are held out, chosen by a hash of the text."""
    digest = int(hashlib.sha256(comment.encode("utf-8")).hexdigest()[:8], 16)
    return HELD_OUT if digest % 5 < 2 else DEVELOPMENT


def labelled_comments(part: str | None = None) -> list[Labelled]:
    with LABELLED.open(encoding="utf-8", newline="") as file:
        rows = [
            Labelled(
                row["comment"],
                frozenset(t for t in row["themes"].split("; ") if t),
                row["part"],
            )
            for row in csv.DictReader(file)
        ]
    return [r for r in rows if part is None or r.part == part]


def scores(rows: list[Labelled], dictionary: Dictionary) -> list[Score]:
    pairs = [(r.themes, set(themes(r.comment, dictionary))) for r in rows]
    return [
        Score(
            name,
            labelled=sum(name in labels for labels, _ in pairs),
            true_positives=sum(name in labels and name in found for labels, found in pairs),
            false_positives=sum(name not in labels and name in found for labels, found in pairs),
        )
        for name in dictionary.names
    ]


def table(rows: list[Labelled], dictionary: Dictionary) -> str:
    lines = [
        "| Theme | Labelled | Found | Correct | Precision | Recall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for s in scores(rows, dictionary):
        lines.append(
            f"| {s.theme} | {s.labelled} | {s.found} | {s.true_positives} "
            f"| {s.precision:.2f} | {s.recall:.2f} |"
        )
    return "\n".join(lines)


def errors(rows: list[Labelled], dictionary: Dictionary) -> list[str]:
    lines = []
    for r in rows:
        found = set(themes(r.comment, dictionary))
        missed, extra = sorted(r.themes - found), sorted(found - r.themes)
        if missed or extra:
            lines.append(f"{r.comment}\n    missed {missed} extra {extra}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--part", choices=(DEVELOPMENT, HELD_OUT), default=DEVELOPMENT)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    rows, dictionary = labelled_comments(args.part), load_dictionary()
    print(f"{len(rows)} comments ({args.part})\n{table(rows, dictionary)}")
    if args.errors:
        print("\n".join(errors(rows, dictionary)))


if __name__ == "__main__":
    main()

"""Where the employer's rating, the recorded evidence and the staff view disagree, in plain
English (no Django).

A rating in the top half of the scale (3 or 4) is a claim the standard is met; the bottom half
(1 or 2) says it is not. The staff view disagrees with a claim when the standard's Health Check
band is low (0 to 50), and with a low rating when it is high (75 to 100); the evidence
disagrees with a claim when one of its figures carries a concern (worse than England, or below
the share this assessment expects). These rules are ours (docs/self-assessment.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GapKind = Literal["staff", "evidence", "underrated"]


@dataclass(frozen=True)
class Gap:
    kind: GapKind
    text: str


def gaps(
    *,
    standard: str,
    level: int | None,
    level_label: str,
    staff_score: int | None,
    staff_band: str,
    concerns: list[str],
) -> list[Gap]:
    """The gaps for one standard (`standard`: its short title, "Supervision")."""
    if level is None:
        return []
    found: list[Gap] = []
    claimed = level >= 3
    if claimed and staff_score is not None and staff_band == "low":
        found.append(
            Gap(
                "staff",
                f"You rated {standard} “{level_label}”, but staff scored it {staff_score} out "
                "of 100 in the Health Check, a low score.",
            )
        )
    if claimed:
        found += [
            Gap("evidence", f"You rated {standard} “{level_label}”, but the records say: {c}.")
            for c in concerns
        ]
    if not claimed and staff_score is not None and staff_band == "high":
        found.append(
            Gap(
                "underrated",
                f"You rated {standard} “{level_label}”, but staff scored it {staff_score} out "
                "of 100, a high score: say what the rating takes into account.",
            )
        )
    return found

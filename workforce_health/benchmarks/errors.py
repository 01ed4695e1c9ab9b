"""Exceptions raised by the benchmark modules."""

from __future__ import annotations

from dataclasses import dataclass

_SHOWN = 20  # problems listed in full in the message; the rest are counted


@dataclass(frozen=True)
class CellProblem:
    """One cell that could not be read. ``row`` is the spreadsheet row (header = row 1)."""

    row: int
    column: str
    text: str
    reason: str = "neither a number nor a known symbol"

    def __str__(self) -> str:
        return f"row {self.row}, column '{self.column}': {self.text!r} ({self.reason})"


class PublishedFileError(ValueError):
    """A published DfE file could not be read. Nothing is returned for a file that raises."""

    def __init__(self, filename: str, detail: str, problems: list[CellProblem] | None = None):
        self.filename = filename
        self.detail = detail
        self.problems: list[CellProblem] = problems or []
        lines = [f"{filename}: {detail}"]
        lines += [f"  {p}" for p in self.problems[:_SHOWN]]
        if len(self.problems) > _SHOWN:
            lines.append(f"  ... and {len(self.problems) - _SHOWN} more")
        super().__init__("\n".join(lines))


class MixedReleasesError(ValueError):
    """A comparison was asked for over values from more than one release (§7.3)."""

"""A wave's answers as the analysis engine reads them (docs/survey-analysis.md §1).

The one place where Response rows, and the stored form of a closed wave's answers
(`StoredAnswers`), become the engine's `Answers`: the questionnaire's items frame, the parse of
the responses, and the stored form's encoding, which `services/stored_answers.py` writes and
`results.selectors` reads. Nothing here writes.
"""

import io

import polars as pl
from django.db.models import TextField
from django.db.models.functions import Cast

from workforce_health.surveys import analysis
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.groups import GROUP_FIELDS
from workforce_health.surveys.models import Response, StoredAnswers, Wave

# Version of the encoding of StoredAnswers.data: the columns of analysis.Answers.frame. Change
# it whenever that encoding changes; a closed wave whose stored form is of an older layout is
# read from its responses until its stored form is written again (`stored_answers_write`).
STORED_LAYOUT = 1


def items_frame(parsed: qn.Questionnaire) -> pl.DataFrame:
    """The questionnaire's items as the engine reads them (docs/survey-analysis.md §1)."""
    return pl.DataFrame(
        parsed.analysis_items(),
        schema={
            "item_code": pl.String,
            "type": pl.String,
            "standard": pl.String,
            "theme": pl.String,
            "reverse": pl.Boolean,
            "headline": pl.Boolean,
            "min_value": pl.Float64,
            "max_value": pl.Float64,
        },
    )


def answers_from_responses(*, wave: Wave, items: pl.DataFrame) -> analysis.Answers:
    """The wave's Response rows parsed: one row is read per response, with its answers as JSON
    text, which polars parses (as NDJSON: one struct field per questionnaire item). Responses
    are in id order; codes not in the questionnaire are left out."""
    codes = items["item_code"].to_list()
    stored = (
        Response.objects.filter(wave=wave)
        .annotate(answers_text=Cast("answers", TextField()))
        .values_list(*GROUP_FIELDS, "answers_text")
    )
    labels: list[list[str | None]] = [[] for _ in GROUP_FIELDS]
    texts: list[str] = []
    for *groups, text in stored:
        for column, label in zip(labels, groups, strict=True):
            column.append(label or None)
        texts.append(text)
    groups_frame = pl.DataFrame(
        dict(zip(GROUP_FIELDS, labels, strict=True)), schema=dict.fromkeys(GROUP_FIELDS, pl.String)
    )
    if texts and codes:
        answers = pl.read_ndjson(  # one JSON object a line: the stored text has no raw newline
            io.BytesIO("\n".join(texts).encode()), schema=dict.fromkeys(codes, pl.String)
        )
        groups_frame = groups_frame.hstack(answers)
    return analysis.prepare_wide(groups_frame, items)


def stored_encode(answers: analysis.Answers) -> bytes:
    """The stored form of a wave's answers: their frame as Parquet (layout `STORED_LAYOUT`)."""
    data = io.BytesIO()
    answers.frame.write_parquet(data, compression="lz4")
    return data.getvalue()


def stored_decode(stored: StoredAnswers | None, items: pl.DataFrame) -> analysis.Answers | None:
    """The stored answers, or None if there are none, or they are of an older layout, or were
    not written for these items. A closed wave's stored answers are written as it closes (or
    its responses are imported) and no response can be added after that (`_still_open` in
    `services/responding.py`), so they are current while their encoding is."""
    if stored is None or stored.layout != STORED_LAYOUT:
        return None
    frame = pl.read_parquet(io.BytesIO(bytes(stored.data)))
    expected = [*GROUP_FIELDS, *items["item_code"].to_list()]
    if frame.columns != expected:
        return None
    return analysis.Answers(frame, analysis.inputs.normalise_items(items))

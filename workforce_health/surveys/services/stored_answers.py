"""The one writer of a closed wave's stored answers (`StoredAnswers`): the columnar form its
results are read from. Called as a wave closes (`waves.wave_close`) and as past responses are
imported (`past_waves.responses_bulk_create`); results pages only read it.

Changing the encoding (`answers.STORED_LAYOUT`): until a closed wave's stored answers are
written again, its results are read from its responses (slower, the same figures). Rewrite them
with a data migration that calls `stored_answers_write` for every closed wave.
"""

import polars as pl
from django.core.exceptions import ValidationError
from django.db import transaction

from workforce_health.surveys import analysis
from workforce_health.surveys.answers import (
    STORED_LAYOUT,
    answers_from_responses,
    items_frame,
    stored_encode,
)
from workforce_health.surveys.models import StoredAnswers, Wave


@transaction.atomic
def stored_answers_write(*, wave: Wave, items: pl.DataFrame | None = None) -> analysis.Answers:
    """Write (or rewrite) the stored form of a closed wave's answers; returns them.

    The answers are parsed from the Response rows, so a response that could not be parsed fails
    here, as it would on the results pages."""
    if wave.status != Wave.Status.CLOSED:
        raise ValidationError(f"{wave} is not closed: its answers are read from its responses")
    items = items if items is not None else items_frame(wave.questionnaire.parsed())
    answers = answers_from_responses(wave=wave, items=items)
    stored = StoredAnswers.objects.filter(wave=wave).first() or StoredAnswers(wave=wave)
    stored.layout, stored.responses, stored.data = (
        STORED_LAYOUT,
        answers.height,
        stored_encode(answers),
    )
    stored.full_clean(exclude=["wave"])
    stored.save()
    return answers

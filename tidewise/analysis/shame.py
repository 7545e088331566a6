"""Shame in an entry: how strong each kind is, and the inner critic's own sentences.

Intensity (0..1) of a kind is mostly its strongest sentence and partly how much of
the entry it fills: one sharp "what is wrong with me" matters, and a page of it
matters more. The *shame voice* is the sentences in which the critic speaks for
itself (a question interrogating oneself, "you" said to oneself, self-contempt)
and which the classifier also reads as shame: pulled out so the person can see them
as a voice, not as the truth about them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from tidewise.analysis import cues
from tidewise.analysis.features import CueMatch, normalise
from tidewise.analysis.types import Shame
from tidewise.cycle.labels import LABEL_NAMES, Label

_ATTACHMENT = LABEL_NAMES.index(Label.ATTACHMENT_SHAME)
_DISCONNECTION = LABEL_NAMES.index(Label.DISCONNECTION_SHAME)
# Cues in which the critic speaks in its own voice.
VOICE_CUES = frozenset({"wrong_with_me", "self_addressed_you", "self_contempt", "self_respect"})
VOICE_SHAME_FLOOR = 0.35  # the sentence must also read as shame at least this much


def intensity(column: npt.NDArray[np.float32]) -> float:
    """0..1: three quarters the strongest sentence, a quarter how widely it runs."""
    if column.size == 0:
        return 0.0
    value = 0.75 * float(column.max()) + 0.25 * min(1.0, float(column.sum()) / 2)
    return round(min(1.0, value), 3)


def shame_of(probs: npt.NDArray[np.float32]) -> Shame:
    """Intensity of attachment shame and of disconnection shame over the sentences."""
    return Shame(
        attachment=intensity(probs[:, _ATTACHMENT]),
        disconnection=intensity(probs[:, _DISCONNECTION]),
    )


def speaks_as_critic(sentence: str, matches: Sequence[CueMatch]) -> bool:
    """A self-interrogating question, 'you' to oneself, or self-contempt."""
    if any(m.cue in VOICE_CUES for m in matches):
        return True
    text = normalise(sentence)
    return bool(cues.SELF_QUESTION.search(text))


def shame_voice(
    sentences: Sequence[str],
    probs: npt.NDArray[np.float32],
    matches: Sequence[Sequence[CueMatch]],
) -> tuple[str, ...]:
    """The inner critic's sentences, in the order written."""
    shame_mass = probs[:, _ATTACHMENT] + probs[:, _DISCONNECTION] if len(sentences) else probs
    return tuple(
        sentence
        for i, sentence in enumerate(sentences)
        if shame_mass[i] >= VOICE_SHAME_FLOOR and speaks_as_critic(sentence, matches[i])
    )

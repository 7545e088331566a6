"""The words that carried a sentence's label, as spans the UI can highlight.

A word's weight is how much it moves the head's score for the label over the
runner-up label (the margin), counted two ways and added:

- *occlusion* for the head's word features (cues and hashed n-grams): the margin with
  the sentence as written minus the margin with that one word left out. Exact, and
  cheap, because these features are recomputed from text without the encoder;
- *the word's share of the embedding*: mean pooling is linear, so the sentence vector
  is exactly the sum of its tokens' scaled states (`embed.TokenShares`) and the
  embedding's part of the margin splits exactly over the tokens; a word gets the sum
  over its word pieces. Leaving the word out and re-encoding would cost one encoder
  run per word (about 5x an entry's analysis, measured), for much the same choice.

Only content words can be chosen: never a lone pronoun, article, preposition,
auxiliary or conjunction ("He", "I", "up", "were"). A chosen word grows into a phrase
with neighbours that also push the label ("hated myself", "pulled away"); spans always
start and end on word boundaries, so no word is ever cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from tidewise.analysis.classify import Head
from tidewise.analysis.embed import DIMENSIONS, TokenShares
from tidewise.analysis.features import model_text
from tidewise.analysis.types import Evidence
from tidewise.cycle.labels import Label

Floats = npt.NDArray[np.float32]
# A word: letters or digits with inner apostrophes or hyphens ("can't", "self-respect").
_WORD = re.compile(r"[^\W_](?:[^\W_]|['’-](?=[^\W_]))*")
MAX_WORDS = 3  # at most this many chosen words (each may grow into a phrase)
MIN_PUSH = 0.25  # a chosen word moves the logit margin at least this much...
MIN_SHARE = 0.2  # ...and at least this share of the strongest word's push
GROW_SHARE = 0.35  # a neighbour joins a phrase when it pushes this share of its word

FUNCTION_WORDS = frozenset(
    """
    a an the this that these those some any each every all both either neither such
    i me my mine myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs
    themselves one someone something anyone anything everyone everything who whom whose
    which what where when why how there here
    am is are was were be been being have has had having do does did doing done
    will would shall should can could may might must ought
    i'm im i've ive i'd id i'll ill you're youre you've he's hes she's shes it's its
    we're we've they're they've that's thats there's what's who's let's
    isn't aren't wasn't weren't haven't hasn't hadn't don't doesn't didn't won't
    wouldn't can't cant couldn't shouldn't mustn't dont doesnt didnt wont wouldnt
    couldnt shouldnt isnt wasnt arent werent havent hasnt hadnt
    and or but nor so yet if then than because as while though although since unless
    until till whether
    of to in on at by for with from about into onto over under up down out off through
    after before between among against during without within along across around
    behind beyond near toward towards upon via per like
    not no just very really quite too also even still only ever again already
    ok okay oh um uh yeah yes well
    """.split()
)


def evidence_for(
    sentence: str,
    label: Label,
    row: Floats,
    head: Head,
    shares: TokenShares | None = None,
) -> tuple[Evidence, ...]:
    """Evidence spans for `label` in `sentence`, in order, merged where they touch."""
    if label == Label.NEUTRAL or row.size < 2:
        return ()
    target = head.labels.index(label)
    runner_up = next(int(i) for i in np.argsort(row)[::-1] if int(i) != target)
    words = [(m.start(), m.end()) for m in _WORD.finditer(sentence)]
    if not words:
        return ()
    direction = np.zeros(len(head.labels), dtype=np.float32)
    direction[target], direction[runner_up] = 1.0, -1.0
    content = [_plain(sentence[a:b]) not in FUNCTION_WORDS for a, b in words]
    push = _occlusion(sentence, words, content, head, direction)
    if shares is not None:
        push += _embedding_share(sentence, words, shares, head, direction)
    spans = _merged(sentence, _phrases(words, content, push))
    return tuple(Evidence(a, b, sentence[a:b], label) for a, b in spans)


def _occlusion(
    sentence: str,
    words: Sequence[tuple[int, int]],
    content: Sequence[bool],
    head: Head,
    direction: Floats,
) -> Floats:
    """Margin change of the word features (cues, n-grams) when each content word is left out.

    Function words are never chosen, so they are not occluded (half the work); they keep
    only their embedding share, which is enough to join a phrase ("pulled away").
    """
    out = np.zeros(len(words), dtype=np.float32)
    picked = [i for i, is_content in enumerate(content) if is_content]
    if not picked:
        return out
    variants = [model_text(sentence)] + [
        model_text(sentence[: words[i][0]] + " " + sentence[words[i][1] :]) for i in picked
    ]
    margins = head.word_logits(variants) @ direction
    out[picked] = margins[0] - margins[1:]
    return out


def _embedding_share(
    sentence: str,
    words: Sequence[tuple[int, int]],
    shares: TokenShares,
    head: Head,
    direction: Floats,
) -> Floats:
    """Each word's exact part of the embedding's margin (zero if words cannot be aligned)."""
    out = np.zeros(len(words), dtype=np.float32)
    embedded = model_text(sentence)
    embedded_words = [(m.start(), m.end()) for m in _WORD.finditer(embedded)]
    same = [sentence[a:b].lower() for a, b in words] == [
        embedded[a:b].lower() for a, b in embedded_words
    ]
    if not same or shares.shares.shape[1] != DIMENSIONS:
        return out
    per_token = shares.shares @ (direction @ head.dense_coef[:, :DIMENSIONS])
    ends = np.asarray([b for _, b in embedded_words])
    for (start, end), value in zip(shares.spans.tolist(), per_token.tolist(), strict=True):
        if end > start:  # special tokens ([CLS], [SEP]) have empty spans
            index = int(np.searchsorted(ends, start, side="right"))
            if index < len(words) and embedded_words[index][0] <= start:
                out[index] += value
    return out


def _phrases(
    words: Sequence[tuple[int, int]], is_content: Sequence[bool], push: Floats
) -> list[tuple[int, int]]:
    content = [i for i, flag in enumerate(is_content) if flag]
    if not content:
        return []
    strongest = max(float(push[i]) for i in content)
    floor = max(MIN_PUSH, MIN_SHARE * strongest)
    chosen = sorted((i for i in content if push[i] >= floor), key=lambda i: -push[i])
    content_set = set(content)
    spans = []
    for i in chosen[:MAX_WORDS]:
        first = last = i
        grow = GROW_SHARE * float(push[i])
        # Leftward only over content words: "pulled away", not "I pulled away".
        if first > 0 and push[first - 1] >= grow and first - 1 in content_set:
            first -= 1
        if last + 1 < len(words) and push[last + 1] >= grow:
            last += 1
        spans.append((words[first][0], words[last][1]))
    return spans


def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def _merged(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Touching or overlapping spans, or spans with only spaces between, become one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or not sentence[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged

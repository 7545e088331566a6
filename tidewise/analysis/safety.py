"""The safety screen: does the writing speak of self-harm or suicide, or of danger from
the partner? Pure, deterministic, offline, and explainable: every flag names the rule
and the words that raised it, or says the learned layer raised it and how sure it was
(`explain`).

Three sources feed one `level` ("none", "possible" or "clear"):
- the phrase rules (standard library only), always; each rule is "clear" or "possible"
  (see safety_implied), and an idiom-prone rule in a light context ("kill myself at the
  gym") is only "possible";
- the learned layer (`safety_model`: a softmax over the sentence embeddings the engine
  already computes), when `vectors` are passed: at or above its threshold a sentence no
  rule flagged is "clear", at or above its lower `possible_threshold` it is "possible"
  (both chosen out of fold by `training/safety.py`). It
  never removes a rule hit, with one exception for the idiom-prone rules: when it is
  very sure a sentence is safe (`SURE_SAFE`), such a hit in a light context is set
  aside, and elsewhere lowered to "possible" (never below). Its kind is used only
  for sentences no rule flagged;
- the two-sentence window (`safety_window`): risk spread over two adjacent sentences
  ("I went to the bridge. I stood there an hour."), "possible" at most; and the learned
  layer on each pair of adjacent sentences read together (`safety_model.pair_vectors`),
  "possible" at or above the head's `pair_threshold`;
- the last guard: words of death, dying or self-injury (`HEAVY_WORDS`) in an entry that
  nothing above flagged make it "possible", unless a rule read that sentence and it was
  set aside on purpose (an idiom, a crisis plainly past and resolved);
- distance (`safety_distance`, issue 12 round 2): a clear hit in words that are past,
  denied, someone else's story, medical or an everyday accident is lowered to
  "possible", and set aside when plainly past and resolved; present plan, intent,
  means or doubt never is. A clear rule hit the learned layer scores below `DISAGREE`
  is lowered to "possible" on the same terms.

Decisions (the labelled set in corpus/safety/ follows them):
- Recall comes first. A false alarm costs a gentle offer of help the person can close;
  a miss costs far more. Help is offered, never forced, and nobody is ever contacted.
- Figures of speech are not flagged: "this is killing me", "I'm dying to know",
  "I could kill him", "I'm done with this marriage", "I want to disappear into a book".
- A clear denial is respected ("I would never hurt myself", "I'm not suicidal"), but
  not a doubtful one ("I'm not sure I won't hurt myself"), and not one that points to
  the past ("I haven't cut in two years", "I'm not suicidal anymore").
- Past crises mentioned as history still flag (gently: the same offer, no alarm): a past
  attempt or past self-harm is worth a quiet reminder of where help is.
- Danger means danger to the writer from the partner (or an ex, or the affair partner):
  violence, threats, coercive control, stalking, monitoring of the writer's phone or
  location, strangling, threats to take the children or to kill, forced sex. The writer
  checking the partner's phone, anger at the partner, and threats to leave are not it.
- Harm to others means the writer planning or wanting to physically hurt someone (the
  partner, the affair partner). Angry figures of speech ("I could kill him") are not it.
- A denial is looked for after the words too, when they were a question put to the
  writer ("she asked if I was thinking of killing myself and I could honestly say no").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tidewise.analysis.crisis import crisis_entries, resources_for
from tidewise.analysis.safety_distance import (
    DROP,
    LOWER,
    OTHERS_CUE,
    PAST_AND_RESOLVED,
    distance,
    present_risk,
)
from tidewise.analysis.safety_implied import CLEAR, POSSIBLE
from tidewise.analysis.safety_patterns import (
    HARM_TO_OTHERS,
    IDIOM_CONTEXT,
    IDIOM_PRONE,
    LETHALITY_SIGNS,
    LEVELS,
    RULES,
    SCREEN_KINDS,
    SELF_HARM,
    SIGNS,
    Rule,
)
from tidewise.analysis.safety_text import normalise
from tidewise.analysis.safety_window import window_hits
from tidewise.analysis.types import Resource, Safety

if TYPE_CHECKING:  # numpy and the head load only when vectors are given
    import numpy as np
    import numpy.typing as npt

    from tidewise.analysis.safety_model import SafetyHead

    # Embeds texts (already `model_text`) into the vectors the head reads: the screen's
    # own encoder, for reading a sentence again with its neighbours (`in_context`).
    Reader = Callable[[list[str]], npt.NDArray[np.float32]]

LEARNED_LAYER = "learned layer"  # the `rule` of a hit that came from the learned layer
WINDOW = "two-sentence window"  # the prefix of the `rule` of a window hit
NONE = "none"
# The learned layer is "very sure the sentence is safe" below this probability of concern.
SURE_SAFE = 0.02
# Below this probability of concern the layer disagrees with a clear rule hit: the hit is
# lowered to "possible" (a check-in, not the help reply), unless its words are a present
# plan, intent or means, or a lethality sign (issue 12, round 2: on the fifth writer's
# dev set this halved the rules' clear false alarms at a cost of one crisis in a hundred
# moving from clear to possible).
DISAGREE = 0.2
# Rules about a crisis in the past ("I haven't cut in two years"): still a check-in unless
# the entry says it is over, but their own words are never read as present.
HISTORY_RULES = frozenset({"self-harm history", "past attempt"})
# The last guard: words of death, dying or self-injury in an entry nothing else flagged
# make it "possible" (the gentle "are you safe right now?" check-in), never "none". A
# check-in asked without need costs a moment; an ordinary reflection after a missed
# crisis can do harm (issue 12's clinical review). It used to live in the reply alone,
# which left the screen saying "none" while the person was asked about their safety.
HEAVY_WORDS_RULE = "words of death or self-injury"
HEAVY_WORDS = re.compile(
    r"\b(?:die|died|dies|dying|dead|death|suicid\w*|overdos\w*|kill(?:ing)? (?:my ?self|me)"
    r"|end (?:it all|my life|things)|better off without me|not wake up|never wake up"
    r"|hurt(?:ing)? my ?self|cut(?:ting)? my ?self|burn(?:ing|ed|t)? my ?self"
    r"|goodbye letters?|life insurance|can'?t go on|no way out)\b",
    re.IGNORECASE,
)
# Everyday figures of speech around those words ("dying to see her", "bored to death",
# "dead tired", "my phone died"): the guard reads the sentence with them blanked out, so
# any other word of death in it still counts. Written from common English usage, not
# from any test set.
FIGURES_OF_SPEECH = re.compile(
    r"\b(?:dying (?:to|for)\b|dying of (?:laughter|embarrassment|shame|curiosity|boredom)"
    r"|(?:bored|scared|frightened|worried|sick|tired|laughed|loved|done)"
    r" (?:him |her |them )?to death"
    r"|dead (?:tired|on|end|set|serious|heat|weight|ringer|easy|good|funny|quiet|against|beat)\b"
    r"|(?:phone|battery|laptop|car|engine|plants?|telly|tv|wifi|conversation)"
    r" (?:has |had |just )?died"
    r"|(?:phone|battery|laptop|car|engine) (?:is|was) dead|over my dead body|dead to me"
    r"|to die for|die(?:d)? laughing|death stare|near[- ]death|(?:her|his|my) death bed)",
    re.IGNORECASE,
)

# Where a clause starts: a denial only reaches as far back as this.
_CLAUSE_BREAK = re.compile(r"[.;!?,:]|\s-\s|\b(?:but|though|although|yet|except|and then)\b")
# A denial right before the rule's words, with at most four filler words between.
_FILLER = (
    r"(?:going to|gonna|want to|wanna|ever|really|actually|planning to|plan to|intend to|"
    r"trying to|be|feel|feeling|am|that|even|at all|currently|do|did|have|had|any|"
    r"the urge to|thoughts? of|about|think|thought|i|i'd|i'll|i'm|would|will|could|"
    r"ever ever|once|seriously|ever been|been|a|person who would|type to)"
)
_DENIAL_TAIL = re.compile(rf"(?:\bnot|\bnever|n't|\bno longer|\bnor)\s+(?:{_FILLER}\s+){{0,4}}$")
# A denial inside a "subject ... verb" match; "never let me" and "didn't stop" are not denials.
_INNER_DENIAL = re.compile(
    r"\b(?:never|no longer)\b(?! (?:let|lets|allow|allows))"
    r"|\b(?:has|had|did|would|will|is|was|have)(?:n't| not)\b(?! (?:let|allow|stop))"
)
# Doubt or struggle turns a denial back into a concern.
_DOUBT = re.compile(
    r"\b(?:not sure|unsure|don't know if|do not know if|don't know whether|can't promise|"
    r"cannot promise|can't stop|couldn't stop|can't help|scared i|afraid i|worried i|"
    r"don't trust myself|can't trust myself|not certain)\b"
)
# A denial that points to the past ("not ... anymore", "haven't ... in two years").
_PAST_AFTER = re.compile(
    r"^\W*(?:anymore|any more|these days|lately|now|like (?:i was|i used to|before)|"
    r"(?:in|for|since) (?:over |almost |nearly |about |more than )?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|many|several|a few|"
    r"a couple of|last) ?(?:days?|weeks?|months?|years?|summer|winter|spring|autumn|fall|time))\b"
)


# A denial after the words, when the words were a question put to the writer.
_ASKED = re.compile(
    r"\b(?:asked|asks|ask|asking|wondered|checked)\b[^.!?]*\b(?:if|whether)\b"
    r"|\b(?:am|do|was) i\b"
)
_DENIAL_AFTER = re.compile(
    r"^(?:[^.!?]{0,80}?\b(?:and|but|so)?\s*i\s+(?:could\s+|can\s+|was able to\s+)?"
    r"(?:honestly\s+|truthfully\s+|truly\s+|genuinely\s+)?(?:say|said|tell|told|answer|answered|"
    r"replied|reply)\s+(?:(?:her|him|them|the (?:doctor|nurse|gp|therapist|counsel+or))\s+)?"
    r"(?:that\s+)?(?:no|not|never|i'm not|i am not|i wasn't|i was not)\b"
    r"|\s*\?\s*(?:no|not really|never)\b"
    r"|[^.!?]{0,40}?\bthe (?:honest |true )?answer (?:is|was) no\b)"
)


@dataclass(frozen=True)
class Hit:
    """One rule that fired on one sentence: what, where, which words. For the learned
    layer, `rule` is LEARNED_LAYER, `text` the whole sentence and `probability` set."""

    sentence: int
    kind: str
    rule: str
    text: str
    probability: float | None = None
    level: str = CLEAR  # "clear" or "possible"
    lowered: str = ""  # why a clear hit was lowered to possible (safety_distance), if it was

    def describe(self) -> str:
        """A plain line: which layer or rule, and why, and how strongly."""
        why = f", lowered: {self.lowered}" if self.lowered else ""
        if self.probability is not None:
            return f"{self.rule}, probability {self.probability:.2f} ({self.level}{why})"
        return f'rule "{self.rule}": "{self.text}" ({self.level}{why})'


def _clause_prefix(text: str, start: int) -> str:
    """The part of the clause that comes before position `start`."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    return text[breaks[-1] if breaks else 0 : start]


def is_negated(text: str, start: int, end: int) -> bool:
    """True when the clause clearly denies the words at text[start:end], either just
    before them ("I would never hurt myself") or inside them ("he has never hit me")."""
    prefix = _clause_prefix(text, start)
    after = text[end:]
    if _DENIAL_TAIL.search(prefix) or _INNER_DENIAL.search(text[start:end]):
        return not (_DOUBT.search(prefix) or _PAST_AFTER.search(after))
    # A question put to the writer, answered no afterwards (and no doubt after the no).
    if _ASKED.search(text[:start]) and (found := _DENIAL_AFTER.search(after)):
        return not _DOUBT.search(after[found.end() :])
    return False


# The next sentence takes a denial back ("... and I said no. I lied.").
_RETRACTED = re.compile(
    r"^\W*(?:i lied|that was a lie|it was a lie|(?:it|that) (?:wasn't|was not|isn't) true|"
    r"i didn't (?:tell|mean) (?:her|him|them|it)|not really true)\b"
)


def _rule_hits(rule: Rule, text: str, retracted: bool = False) -> list[str]:
    if rule.unless is not None and rule.unless.search(text):
        return []
    found = []
    for match in rule.pattern.finditer(text):
        if rule.negatable and not retracted and is_negated(text, match.start(), match.end()):
            continue
        found.append(match.group(0))
    return found


def _rule_level(rule: Rule, text: str) -> str:
    """The rule's own level, or "possible" for an idiom-prone rule in a light context."""
    if rule.name in IDIOM_PRONE and IDIOM_CONTEXT.search(text):
        return POSSIBLE
    return rule.level


def rule_hits(sentences: Sequence[str]) -> list[Hit]:
    """Every rule that fired, per sentence, with the words that fired it and its level."""
    hits: list[Hit] = []
    texts = [normalise(sentence) for sentence in sentences]
    for index, text in enumerate(texts):
        retracted = index + 1 < len(texts) and bool(_RETRACTED.search(texts[index + 1]))
        for rule in RULES:
            level = ""
            for words in _rule_hits(rule, text, retracted):
                level = level or _rule_level(rule, text)
                hits.append(Hit(index, rule.kind, rule.name, words, level=level))
    return hits


def explain(
    sentences: Sequence[str],
    vectors: npt.NDArray[np.float32] | None = None,
    head: SafetyHead | None = None,
    context: Reader | None = None,
) -> list[Hit]:
    """Every hit from the three sources, with its level: the rules per sentence; then,
    when the sentence embeddings are given, the learned layer (new flags on sentences no
    rule flagged, and clear rule hits it disagrees with, lowered); the distance cues;
    then the two-sentence window on pairs where it adds something, rules and learned
    layer (`head` defaults to the shipped one)."""
    hits = rule_hits(sentences)
    # Sentences some rule read: when such a hit is set aside (an idiom the learned layer
    # is sure of, a crisis plainly past and resolved), the last guard respects that.
    read = {h.sentence for h in hits}
    if vectors is not None:
        hits = _with_learned_layer(sentences, vectors, head, hits, context)
    texts = [normalise(s) for s in sentences]
    hits = with_distance(texts, hits)
    flagged = {h.sentence for h in hits}
    window = [
        Hit(
            i,
            rule.kind,
            f"{WINDOW}: {rule.name}",
            f"{sentences[i]} {sentences[i + 1]}",
            level=rule.level,
        )
        for i, rule in window_hits(texts if len(sentences) > 1 else [], flagged)
    ]
    hits.extend(with_distance(texts, window))
    if vectors is not None and len(sentences) > 1:
        flagged = {h.sentence for h in hits} | {h.sentence + 1 for h in hits if WINDOW in h.rule}
        hits.extend(_learned_pairs(sentences, texts, vectors, head, flagged))
    return hits or _heavy_words(sentences, read)


def _heavy_words(sentences: Sequence[str], read: set[int]) -> list[Hit]:
    """The last guard (`HEAVY_WORDS`) on an entry nothing else flagged: "possible", on
    the first sentence with such words that no rule had read."""
    for index, sentence in enumerate(sentences):
        plain = FIGURES_OF_SPEECH.sub(" ", sentence)
        found = None if index in read else HEAVY_WORDS.search(plain)
        if found:
            return [Hit(index, SELF_HARM, HEAVY_WORDS_RULE, found.group(0), level=POSSIBLE)]
    return []


def _learned_pairs(
    sentences: Sequence[str],
    texts: Sequence[str],
    vectors: npt.NDArray[np.float32],
    head: SafetyHead | None,
    flagged: set[int],
) -> list[Hit]:
    """The learned layer on two adjacent sentences read together ("possible" at most),
    where neither raised a concern; a pair plainly past and resolved is set aside."""
    import numpy as np

    from tidewise.analysis.features import model_text
    from tidewise.analysis.safety_model import HEAD_KINDS, pair_texts, pair_vectors
    from tidewise.analysis.safety_model import shipped_safety_head as shipped

    chosen = head if head is not None else shipped()
    if chosen.pair_threshold >= 1.0:
        return []
    probs = chosen.probabilities(
        pair_vectors(vectors), pair_texts([model_text(s) for s in sentences])
    )
    found = []
    for index, value in enumerate((1.0 - probs[:, 0]).tolist()):
        if index in flagged or index + 1 in flagged or value < chosen.pair_threshold:
            continue
        kind = HEAD_KINDS[int(np.argmax(probs[index, 1:]))]
        if distance(kind, texts, index, "", span=2).action == DROP:
            continue
        words = f"{sentences[index]} {sentences[index + 1]}"
        rule = f"{WINDOW}: {LEARNED_LAYER}"
        found.append(Hit(index, kind, rule, words, round(value, 3), level=POSSIBLE))
    return found


def in_context(
    sentences: Sequence[str],
    probs: npt.NDArray[np.float32],
    head: SafetyHead,
    context: Reader,
    ruled: set[int],
) -> npt.NDArray[np.float32]:
    """The layer's probabilities with each sentence that needs it read again together
    with the sentence before and after it (the rows it was trained on are whole items of
    one to three sentences: "I wanted to die that spring. I'm glad I stayed." is a look-
    alike as a whole, and its first sentence alone is not). A sentence needs it when its
    own concern reaches `head.context_gate` or a rule flagged it; the others keep their
    own reading, so the second pass costs little on an ordinary entry."""
    import numpy as np

    from tidewise.analysis.features import model_text

    if head.context_gate >= 1.0 or len(sentences) < 2:
        return probs
    wanted = [
        i for i in range(len(sentences)) if i in ruled or 1.0 - probs[i, 0] >= head.context_gate
    ]
    if not wanted:
        return probs
    windows = [model_text(" ".join(sentences[max(0, i - 1) : i + 2])) for i in wanted]
    read = head.probabilities(context(windows), windows)
    adjusted = np.array(probs, copy=True)
    adjusted[wanted] = read
    return adjusted


def _with_learned_layer(
    sentences: Sequence[str],
    vectors: npt.NDArray[np.float32],
    head: SafetyHead | None,
    hits: list[Hit],
    context: Reader | None = None,
) -> list[Hit]:
    import numpy as np

    from tidewise.analysis.features import model_text
    from tidewise.analysis.safety_model import HEAD_KINDS, check_vectors, shipped_safety_head

    chosen = head if head is not None else shipped_safety_head()
    checked = check_vectors(vectors, len(sentences))
    # The engine embeds model_text(sentence); the word features must read the same text.
    probs = chosen.probabilities(checked, [model_text(s) for s in sentences])
    if context is not None:
        probs = in_context(sentences, probs, chosen, context, {h.sentence for h in hits})
    concern = 1.0 - probs[:, 0]
    adjusted: list[Hit] = []
    texts = [normalise(s) for s in sentences]
    for hit in hits:
        value = float(concern[hit.sentence])
        if hit.rule in IDIOM_PRONE and value < SURE_SAFE:
            if hit.level == CLEAR:  # very sure it is safe: lowered, never below "possible"
                adjusted.append(replace(hit, level=POSSIBLE, lowered="the learned layer is sure"))
            # an idiom in a light context that the layer is very sure about is set aside
        elif (
            hit.level == CLEAR
            and value < DISAGREE
            and hit.rule not in LETHALITY_SIGNS
            and not present_risk(texts, hit.sentence, hit.text)
        ):
            adjusted.append(replace(hit, level=POSSIBLE, lowered="the learned layer disagrees"))
        else:
            adjusted.append(hit)
    already = {h.sentence for h in hits}
    for index, value in enumerate(concern.tolist()):
        if index in already or value < min(chosen.possible_threshold, chosen.threshold):
            continue
        kind = HEAD_KINDS[int(np.argmax(probs[index, 1:]))]
        level = CLEAR if value >= chosen.threshold else POSSIBLE
        adjusted.append(
            Hit(index, kind, LEARNED_LAYER, sentences[index], round(value, 3), level=level)
        )
    return adjusted


def with_distance(texts: Sequence[str], hits: Sequence[Hit]) -> list[Hit]:
    """The hits after the distance cues (`safety_distance`): lowered to "possible" when
    the words are past, denied, someone else's, medical or an everyday accident; set
    aside when plainly past and resolved. Lethality signs of danger are lowered only
    when they are someone else's story, or past and said to be over (and then never
    below "possible"): a partner's past strangling still counts."""
    kept: list[Hit] = []
    for hit in hits:
        span = 2 if hit.rule.startswith(WINDOW) else 1
        # The learned layer and pairs name no words; a history rule's words are the
        # past by definition, so the sentence is read for present intent instead.
        history = hit.rule in HISTORY_RULES
        words = "" if hit.probability is not None or span == 2 or history else hit.text
        found = distance(hit.kind, texts, hit.sentence, words, span)
        if hit.rule in LETHALITY_SIGNS and found.cue not in (OTHERS_CUE, PAST_AND_RESOLVED):
            kept.append(hit)
        elif hit.rule in LETHALITY_SIGNS and hit.level == CLEAR:  # lowered, never set aside
            kept.append(replace(hit, level=POSSIBLE, lowered=found.cue))
        elif found.action == DROP:
            continue
        elif found.action == LOWER and hit.level == CLEAR:
            kept.append(replace(hit, level=POSSIBLE, lowered=found.cue))
        else:
            kept.append(hit)
    return kept


def level_of(hits: Sequence[Hit]) -> str:
    """The highest level among the hits ("none" when there are none)."""
    return max((h.level for h in hits), key=LEVELS.index, default=NONE)


def screen_sentence(sentence: str) -> tuple[str, ...]:
    """The kinds of concern the rules raise on one sentence, in order (empty when none)."""
    kinds = {hit.kind for hit in rule_hits([sentence])}
    return tuple(k for k in SCREEN_KINDS if k in kinds)


def resources_for_kinds(kinds: Sequence[str], country: str | None = None) -> tuple[Resource, ...]:
    """The help to show first for these kinds. Until the resources file lists lines for
    harm to others, the general crisis lines (there for anyone in crisis) stand in."""
    listed = {k for e in crisis_entries() for k in e.kinds}
    wanted = tuple(
        dict.fromkeys(SELF_HARM if k == HARM_TO_OTHERS and k not in listed else k for k in kinds)
    )
    return resources_for(wanted, country)


def screen(
    sentences: Sequence[str],
    country: str | None = None,
    vectors: npt.NDArray[np.float32] | None = None,
    head: SafetyHead | None = None,
    context: Reader | None = None,
) -> Safety:
    """The entry's safety verdict: its level, kinds and flagged sentences. When there is
    a concern, `resources` lists the help to show first: for every country (or the
    person's own, when known), emergency numbers first, then how to find help elsewhere.

    `vectors`: the (len(sentences), 384) unit-length embeddings of the sentences, as the
    engine computes them; with None the learned layer is skipped (rules and window)."""
    hits = explain(sentences, vectors, head, context)
    level = level_of(hits)
    if level == NONE:
        return Safety(concern=False)
    kinds = tuple(k for k in SCREEN_KINDS if any(h.kind == k for h in hits))
    flagged = tuple(sorted({h.sentence for h in hits}))
    named = {LETHALITY_SIGNS.get(h.rule) for h in hits if h.level == CLEAR}
    return Safety(
        concern=True,
        kinds=kinds,
        resources=resources_for_kinds(kinds, country),
        screened=True,
        sentences=flagged,
        level=level,
        signs=tuple(sign for sign in SIGNS if sign in named),
    )

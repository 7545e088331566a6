"""The safety screen: does the writing speak of self-harm or suicide, or of danger from
the partner? Pure, deterministic, offline, and explainable: every flag names the rule
and the words that raised it, or says the learned layer raised it and how sure it was
(`explain`).

Two layers. The phrase rules (standard library only) always run. The learned layer
(`safety_model`: a softmax over the sentence embeddings the engine already computes)
runs when `vectors` are passed; it catches new wording the rules miss. A sentence
raises a concern when either layer flags it; the learned layer never removes a rule
hit, and its kind is used only for sentences no rule flagged.

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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidewise.analysis.crisis import KINDS, resources_for
from tidewise.analysis.safety_patterns import RULES, Rule
from tidewise.analysis.types import Safety

if TYPE_CHECKING:  # numpy and the head load only when vectors are given
    import numpy as np
    import numpy.typing as npt

    from tidewise.analysis.safety_model import SafetyHead

LEARNED_LAYER = "learned layer"  # the `rule` of a hit that came from the learned layer

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u201c": '"', "\u201d": '"'})

# Shorthand people use when writing fast, expanded so the rules can stay readable.
_SHORTHAND: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b(?:{short})\b"), full)
    for short, full in (
        ("u", "you"),
        ("ur", "your"),
        ("im", "i'm"),
        ("ive", "i've"),
        ("id", "i'd"),
        ("wanna", "want to"),
        ("gonna", "going to"),
        ("gotta", "got to"),
        ("cuz|coz|bc|cos", "because"),
        ("thru", "through"),
        ("rn", "right now"),
        ("idk", "i don't know"),
        ("b", "be"),
        ("r", "are"),
        ("wud", "would"),
        ("cud", "could"),
        ("ppl", "people"),
        ("bf", "boyfriend"),
        ("gf", "girlfriend"),
        ("hubs", "husband"),
        ("n", "and"),
        ("w/", "with"),
        ("everyone'd", "everyone would"),
        # Third-person contractions are spelled out so rules can say "he will", "he is".
        ("(he|she|they)'ll|(he|she|they)ll", r"\1\2 will"),
        ("(he|she|they)'d", r"\1 would"),
        ("(he|she)'s|(he|she)s", r"\1\2 is"),
        ("they're|theyre", "they are"),
    )
)
_REPEATS = re.compile(r"([a-z])\1{2,}")  # "soooo" -> "soo", "pleeease" -> "pleease"
_SPACES = re.compile(r"\s+")

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


@dataclass(frozen=True)
class Hit:
    """One rule that fired on one sentence: what, where, which words. For the learned
    layer, `rule` is LEARNED_LAYER, `text` the whole sentence and `probability` set."""

    sentence: int
    kind: str
    rule: str
    text: str
    probability: float | None = None

    def describe(self) -> str:
        """A plain line: which layer or rule, and why."""
        if self.probability is not None:
            return f"{self.rule}, probability {self.probability:.2f}"
        return f'rule "{self.rule}": "{self.text}"'


def normalise(text: str) -> str:
    """Lower case, straight quotes, shorthand expanded, spaces collapsed."""
    t = _REPEATS.sub(r"\1\1", text.translate(_QUOTES).lower())
    for pattern, full in _SHORTHAND:
        t = pattern.sub(full, t)
    return _SPACES.sub(" ", t).strip()


def _clause_prefix(text: str, start: int) -> str:
    """The part of the clause that comes before position `start`."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    return text[breaks[-1] if breaks else 0 : start]


def is_negated(text: str, start: int, end: int) -> bool:
    """True when the clause clearly denies the words at text[start:end], either just
    before them ("I would never hurt myself") or inside them ("he has never hit me")."""
    prefix = _clause_prefix(text, start)
    if not (_DENIAL_TAIL.search(prefix) or _INNER_DENIAL.search(text[start:end])):
        return False
    return not (_DOUBT.search(prefix) or _PAST_AFTER.search(text[end:]))


def _rule_hits(rule: Rule, text: str) -> list[str]:
    if rule.unless is not None and rule.unless.search(text):
        return []
    found = []
    for match in rule.pattern.finditer(text):
        if rule.negatable and is_negated(text, match.start(), match.end()):
            continue
        found.append(match.group(0))
    return found


def explain(
    sentences: Sequence[str],
    vectors: npt.NDArray[np.float32] | None = None,
    head: SafetyHead | None = None,
) -> list[Hit]:
    """Every rule that fired, per sentence, with the words that fired it; then, when the
    sentence embeddings are given, the learned layer's flags on the sentences no rule
    flagged (`head` defaults to the shipped one)."""
    hits: list[Hit] = []
    for index, sentence in enumerate(sentences):
        text = normalise(sentence)
        for rule in RULES:
            hits.extend(Hit(index, rule.kind, rule.name, words) for words in _rule_hits(rule, text))
    if vectors is not None:
        hits.extend(_learned_hits(sentences, vectors, head, {h.sentence for h in hits}))
    return hits


def _learned_hits(
    sentences: Sequence[str],
    vectors: npt.NDArray[np.float32],
    head: SafetyHead | None,
    already: set[int],
) -> list[Hit]:
    from tidewise.analysis.features import model_text
    from tidewise.analysis.safety_model import check_vectors, shipped_safety_head

    chosen = head if head is not None else shipped_safety_head()
    checked = check_vectors(vectors, len(sentences))
    # The engine embeds model_text(sentence); the word features must read the same text.
    cleaned = [model_text(s) for s in sentences]
    return [
        Hit(flag.sentence, flag.kind, LEARNED_LAYER, sentences[flag.sentence], flag.probability)
        for flag in chosen.flags(checked, cleaned)
        if flag.sentence not in already
    ]


def screen_sentence(sentence: str) -> tuple[str, ...]:
    """The kinds of concern one sentence raises, in KINDS order (empty when none)."""
    kinds = {hit.kind for hit in explain([sentence])}
    return tuple(k for k in KINDS if k in kinds)


def screen(
    sentences: Sequence[str],
    country: str | None = None,
    vectors: npt.NDArray[np.float32] | None = None,
    head: SafetyHead | None = None,
) -> Safety:
    """The entry's safety verdict. When there is a concern, `resources` lists the help to
    show first: for every country (or the person's own, when known), emergency numbers
    first, then how to find help elsewhere.

    `vectors`: the (len(sentences), 384) unit-length embeddings of the sentences, as the
    engine computes them; with None the learned layer is skipped (rules only)."""
    hits = explain(sentences, vectors, head)
    if not hits:
        return Safety(concern=False)
    kinds = tuple(k for k in KINDS if any(h.kind == k for h in hits))
    flagged = tuple(sorted({h.sentence for h in hits}))
    return Safety(
        concern=True,
        kinds=kinds,
        resources=resources_for(kinds, country),
        screened=True,
        sentences=flagged,
    )

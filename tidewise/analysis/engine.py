"""The analysis engine: an entry's text in, its full `EntryAnalysis` out.

`default_analyzer()` builds the real engine once per process (the ONNX session is the
expensive part) and satisfies `types.Analyzer`; `analyze_many` sends the sentences of
many entries through the encoder in batches of 32. Text that gives nothing to read
(empty, emoji only, binary data, another language) gets a plain `note` instead of
guesses. The safety screen runs on every entry, always.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from tidewise.analysis import readable
from tidewise.analysis.classify import SentenceClassifier, labelled, shipped_head
from tidewise.analysis.embed import BATCH, Embedder, Encoder, LazyEmbedder, TokenShares
from tidewise.analysis.entry import EntrySettings, contextual, summarise
from tidewise.analysis.evidence import evidence_for
from tidewise.analysis.features import cue_matches, model_text
from tidewise.analysis.personal import PersonalLayer, fit_layer, log_softmax, softmax
from tidewise.analysis.segment import split_sentences
from tidewise.analysis.shame import shame_of, shame_voice
from tidewise.analysis.types import EntryAnalysis, Safety, SentenceAnalysis, Shame
from tidewise.cycle.labels import LABEL_NAMES, Distancing, Label, Movement

if TYPE_CHECKING:
    from tidewise.analysis.safety_model import SafetyHead

# 2.8: a list or notes gets its own note instead of "not English", so `reanalyze` says
#      so for older entries
# 2.7: the screen's encoder retrained with four more writers (safety head 2.6), so
#      `reanalyze` screens older entries again
# 2.6: the screen's encoder retrained with twelve more writers (safety head 2.5), so
#      `reanalyze` screens older entries again
# 2.5: the screen's encoder retrained with eight more writers (safety head 2.3), so
#      `reanalyze` screens older entries again
# 2.4: an entry too terse or too little English to label is screened with the learned
#      layer too, not with the rules alone, so `reanalyze` screens such entries again
# 2.3: the screen's encoder retrained with four more writers (safety head 2.2), so
#      `reanalyze` screens older entries again
# 2.2: the screen's encoder retrained (safety head 2.1) and a flagged sentence read again
#      with its neighbours, so `reanalyze` screens older entries again
# 2.1: the safety screen reads its own fine-tuned encoder (safety head 2.0), so
#      `reanalyze` screens older entries again and an import re-reads 2.0 analyses
ANALYZER_VERSION = "2.8"  # 2.0: corpus v2 head, evidence by occlusion and token shares
# 1.1: the safety screen reads the sentence vectors too
MAX_SENTENCES = 600  # an entry longer than this is read up to here, and the note says so
_GROUP_SENTENCES = 512  # analyze_many classifies about this many sentences per call


@dataclass(frozen=True)
class _Prepared:
    """An entry split and checked, before classification."""

    sentences: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    labelled: bool  # False when nothing can be read (the note says why)
    note: str | None


Fixed = Mapping[str, str]  # sentence text -> the person's own label (or "unsure")


class Engine:
    """Segment, classify in context, summarise, screen. Deterministic for a given head.

    With a `PersonalLayer` (fitted on one journal's corrections) the sentence scores are
    that journal's personal reading, and `version` names the layer too, so the journal
    knows which analyses an older layer made."""

    def __init__(
        self,
        classifier: SentenceClassifier,
        layer: PersonalLayer | None = None,
        safety_encoder: Encoder | None = None,
    ) -> None:
        """`safety_encoder`: the safety screen's own encoder when its head reads one
        (`safety_model.OWN_ENCODER`); without it the screen reads the reader's vectors."""
        self.classifier = classifier
        self.safety_encoder = safety_encoder
        self.settings = EntrySettings.from_dict(classifier.head.settings)
        self.layer = layer if layer is not None and not layer.empty else None
        self.version = ANALYZER_VERSION + (f"+{self.layer.version}" if self.layer else "")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Sentence embeddings, as the reader sees the sentences."""
        return self.classifier.encoder.embed([model_text(t) for t in texts], batch=BATCH)

    def personalised(
        self, texts: Sequence[str], vectors: np.ndarray, labels: Sequence[str]
    ) -> Engine:
        """This reader with a layer fitted on a person's corrected sentences on top
        (shares the model; `labels` are sentence labels, never "unsure")."""
        cleaned = [model_text(t) for t in texts]
        head = self.classifier.head
        shipped = log_softmax(head.logits(vectors, cleaned) / head.temperature)
        targets = [LABEL_NAMES.index(label) for label in labels]
        return Engine(self.classifier, fit_layer(shipped, vectors, targets), self.safety_encoder)

    def analyze(self, text: str) -> EntryAnalysis:
        return self.analyze_many([text])[0]

    def analyze_many(
        self, texts: Sequence[str], fixed: Sequence[Fixed] | None = None
    ) -> list[EntryAnalysis]:
        """Analyses in order; `fixed[i]` holds the person's corrections for `texts[i]`."""
        prepared = [_prepare(text) for text in texts]
        corrections = list(fixed) if fixed is not None else [{} for _ in texts]
        results: list[EntryAnalysis] = []
        for group in _groups(list(zip(prepared, corrections, strict=True))):
            to_read = [model_text(s) for p, _ in group if p.labelled for s in p.sentences]
            # The screen reads every entry, also one the reader leaves unlabelled: a terse
            # list ("pills: 40 / car: full tank") can look too little like English to label,
            # and the learned layer is what reads such a list; it must not be skipped.
            to_screen = [model_text(s) for p, _ in group for s in p.sentences]
            if not to_screen:
                results += [_nothing_to_say(entry, _screen(entry.sentences)) for entry, _ in group]
                continue
            vectors, shares = (
                self.classifier.encoder.embed_with_tokens(to_read, batch=BATCH)
                if to_read
                else (np.zeros((0, 0), dtype=np.float32), [])
            )
            probs = self.sentence_probabilities(vectors, to_read) if to_read else vectors
            if self.safety_encoder is None and to_screen == to_read:
                screened = vectors  # a head that reads the reader's own vectors
            else:
                screened = self.read_in_context(to_screen)
            read_at = screen_at = 0
            for entry, own in group:
                count = len(entry.sentences)
                rows = screened[screen_at : screen_at + count]
                screen_at += count
                if not entry.labelled:
                    verdict = _screen(entry.sentences, rows, self.read_in_context)
                    results.append(_nothing_to_say(entry, verdict))
                    continue
                window = slice(read_at, read_at + count)
                results.append(self._summary(entry, probs[window], rows, shares[window], own))
                read_at += count
        return results

    def screen_vectors(self, texts: Sequence[str]) -> np.ndarray:
        """The vectors the safety screen reads for these sentences (`safety.screen`): its
        own encoder's, or the reader's when its head reads those."""
        return self.read_in_context([model_text(t) for t in texts])

    def read_in_context(self, windows: list[str]) -> np.ndarray:
        """The screen's vectors for texts already `model_text`: its sentences, or sentences
        read with their neighbours (`safety.in_context`)."""
        encoder = self.safety_encoder or self.classifier.encoder
        return encoder.embed(windows, batch=BATCH)

    def sentence_probabilities(self, vectors: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """The shipped head's probabilities, or this journal's personal reading of them."""
        head = self.classifier.head
        if self.layer is None:
            return head.probabilities(vectors, texts)
        shipped = log_softmax(head.logits(vectors, texts) / head.temperature)
        return softmax(self.layer.adjust(shipped, vectors))

    def classify(self, texts: Sequence[str], fixed: Fixed | None = None) -> list[Classified]:
        """(label, scores) per text, each text one unit; a text the person corrected
        reads as they said (an "unsure" one keeps the reader's label)."""
        cleaned = [model_text(t) for t in texts]
        vectors = self.classifier.encoder.embed(cleaned, batch=BATCH)
        probs = self.sentence_probabilities(vectors, cleaned)
        out = []
        for text, row in zip(texts, probs, strict=True):
            label, scores = labelled(row, self.classifier.head.labels)
            own = (fixed or {}).get(text.strip())
            if own in LABEL_NAMES:  # the person's own word, held with certainty
                label, scores = own, {name: float(name == own) for name in LABEL_NAMES}
            out.append((label, scores))
        return out

    def _summary(
        self,
        entry: _Prepared,
        rows: np.ndarray,
        screened: np.ndarray,  # the vectors the safety screen reads
        shares: Sequence[TokenShares],
        own: Fixed,
    ) -> EntryAnalysis:
        matches = [cue_matches(s) for s in entry.sentences]
        reader = contextual(rows.astype(np.float32), matches, self.settings)
        probs = _as_the_person_said(reader, entry.sentences, own)
        summary = summarise(probs, self.settings)
        return EntryAnalysis(
            version=self.version,
            sentences=self._sentences(entry, probs, reader, shares, own),
            movement=summary.movement,
            phase=summary.phase,
            shame=shame_of(probs),
            shame_voice=shame_voice(entry.sentences, probs, matches),
            distancing=summary.distancing,
            safety=_screen(entry.sentences, screened, self.read_in_context),
            label_mass=summary.label_mass,
            note=entry.note,
        )

    def _sentences(
        self,
        entry: _Prepared,
        probs: np.ndarray,
        reader: np.ndarray,
        shares: Sequence[TokenShares],
        own: Fixed,
    ) -> tuple[SentenceAnalysis, ...]:
        """`probs` as the person said; `reader` as read before their corrections, so a
        corrected sentence keeps the reader's own scores and label beside their word."""
        head = self.classifier.head
        out = []
        for i, (text, (start, end)) in enumerate(zip(entry.sentences, entry.spans, strict=True)):
            label, scores = labelled(probs[i], head.labels)
            if text in own:  # the person's word is the evidence; the scores stay the reader's
                _, read = labelled(reader[i], head.labels)
                out.append(_corrected(text, start, end, own[text], read))
                continue
            share = shares[i] if i < len(shares) else None
            evidence = evidence_for(text, Label(label), probs[i], head, share)
            out.append(SentenceAnalysis(text, start, end, Label(label), scores, evidence))
        return tuple(out)


Classified = tuple[str, dict[str, float]]


def _as_the_person_said(probs: np.ndarray, sentences: Sequence[str], own: Fixed) -> np.ndarray:
    """Rows of corrected sentences become the person's label outright; "unsure" ones
    count as telling, so they move neither the phase nor the movement."""
    if not own:
        return probs
    out = probs.copy()
    for i, text in enumerate(sentences):
        said = own.get(text)
        if said is None:
            continue
        out[i] = 0.0
        out[i, LABEL_NAMES.index(said if said in LABEL_NAMES else str(Label.NEUTRAL))] = 1.0
    return out


def _corrected(
    text: str, start: int, end: int, said: str, reader_scores: dict[str, float]
) -> SentenceAnalysis:
    reader_label = Label(max(reader_scores, key=lambda k: reader_scores[k]))
    return SentenceAnalysis(
        text,
        start,
        end,
        Label(said) if said in LABEL_NAMES else reader_label,
        reader_scores,
        (),
        correction=said,
        reader_label=reader_label,
    )


def screened_sentences(text: str) -> tuple[str, ...]:
    """The sentences of `text` the safety screen reads: every entry's, labelled or not."""
    return _prepare(text).sentences


def _prepare(text: str) -> _Prepared:
    text = text if isinstance(text, str) else ""
    spans = [s for s in split_sentences(text) if readable.has_words(text[s[0] : s[1]])]
    note = None
    if len(spans) > MAX_SENTENCES:
        spans = spans[:MAX_SENTENCES]
        note = f"This entry is very long; only its first {MAX_SENTENCES} sentences were read."
    sentences = tuple(text[a:b] for a, b in spans)
    reason = readable.why_unreadable(text, sentences)
    if reason is not None:
        return _Prepared(sentences, tuple(spans), labelled=False, note=reason)
    return _Prepared(sentences, tuple(spans), labelled=True, note=note)


def _nothing_to_say(entry: _Prepared, verdict: Safety) -> EntryAnalysis:
    """No labels, no guesses: a note, and the safety screen's verdict all the same."""
    return EntryAnalysis(
        version=ANALYZER_VERSION,
        sentences=(),
        movement=Movement.STILL,
        phase=Label.NEUTRAL,
        shame=Shame(),
        shame_voice=(),
        distancing=Distancing.NONE,
        # The sentences were not returned, so indexes into them would point nowhere.
        safety=replace(verdict, sentences=()),
        note=entry.note,
    )


def _screen(
    sentences: Sequence[str],
    vectors: np.ndarray | None = None,
    context: Callable[[list[str]], np.ndarray] | None = None,
) -> Safety:
    # Imported here: its patterns take ~50 ms to compile, and `classify` never needs them.
    from tidewise.analysis.safety import screen

    return screen(sentences, vectors=vectors, context=context)


def _groups(prepared: list[tuple[_Prepared, Fixed]]) -> list[list[tuple[_Prepared, Fixed]]]:
    groups: list[list[tuple[_Prepared, Fixed]]] = [[]]
    size = 0
    for item in prepared:
        if size >= _GROUP_SENTENCES:
            groups.append([])
            size = 0
        groups[-1].append(item)
        size += len(item[0].sentences)
    return groups


_BUILDING = threading.Lock()  # a warm-up thread and the caller must not both build


@cache
def _built() -> Engine:
    encoder: Encoder = Embedder()
    return Engine(SentenceClassifier(encoder, shipped_head()), safety_encoder=_shipped_safety())


_SAFETY_LOCK = threading.Lock()


@cache
def _shipped_safety_unlocked() -> LazyEmbedder | None:
    from tidewise.analysis.safety_model import shipped_safety_head

    return safety_encoder_for(shipped_safety_head())


def _shipped_safety() -> LazyEmbedder | None:
    """The shipped head's encoder, one per process (the warm-up loads it on a thread of
    its own while the reader's loads)."""
    with _SAFETY_LOCK:
        return _shipped_safety_unlocked()


def safety_encoder_for(head: SafetyHead) -> LazyEmbedder | None:
    """The screen's own encoder when its head reads one (a second ONNX session beside the
    reader's, loaded on first use; bench/bench_safety.py has its cost); None when the
    head reads the reader's vectors."""
    from tidewise.analysis.model_files import safety_encoder_file
    from tidewise.analysis.safety_model import OWN_ENCODER

    if head.encoder != OWN_ENCODER:
        return None
    return LazyEmbedder(safety_encoder_file)


def default_analyzer() -> Engine:
    """The real engine, built once per process (loads the ONNX model on first use)."""
    with _BUILDING:
        return _built()


def default_classifier() -> SentenceClassifier:
    """The real encoder and the shipped head (shared with the default analyzer)."""
    return default_analyzer().classifier


def warm_up() -> threading.Thread:
    """Start building the default engine in a background thread and return the thread.

    A one-shot command that will analyse (`tidewise write`) can call this first, so that
    loading the model (~0.15-0.2 s, native code that releases the GIL) overlaps with
    deriving the key. Errors surface later, on the first real use, not in the thread.
    """
    # The safety screen's encoder loads beside the reader's (native code, no GIL held).
    threading.Thread(target=_quietly_loaded, name="tidewise-warm-up-2", daemon=True).start()
    thread = threading.Thread(target=_quietly_built, name="tidewise-warm-up", daemon=True)
    thread.start()
    return thread


def _quietly_built() -> None:
    try:
        default_analyzer()
        from tidewise.analysis import safety  # noqa: F401  (its patterns compile on import)
    except Exception:  # the same error reaches the caller on its own default_analyzer() call
        return


def _quietly_loaded() -> None:
    try:
        safety = _shipped_safety()
        if safety is not None:
            safety.load()
    except Exception:  # as above: the caller meets the error on first use
        return


def analyze_entry(text: str) -> EntryAnalysis:
    """One entry with the default engine (what the journal calls when writing)."""
    return default_analyzer().analyze(text)


def classify_texts(texts: Sequence[str]) -> list[tuple[str, dict[str, float]]]:
    """(label, scores) per text, each text one unit (no sentence splitting)."""
    return default_classifier().classify(list(texts), batch=BATCH)

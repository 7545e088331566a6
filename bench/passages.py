"""Posts written without labels in mind, labelled afterwards by independent readers.

    python -m bench.passages split POSTS.jsonl READER_INPUT.txt
    python -m bench.passages gold POSTS.jsonl LABELS.jsonl OUT_PREFIX
    python -m bench.passages corpus POSTS.jsonl READER_A.jsonl READER_B.jsonl LETTER

This is how `validation/passages/` (and the post-first part of the corpus) were made: a
writer writes whole posts the way betrayed partners write on forums, blogs and in diaries,
without the label guide; Tidewise's own segmenter cuts them into sentences; a reader who
never saw the writer's brief labels every sentence in context and each post's dominant
phase. `gold` turns a reader's labels into `{"id", "text", "label"}` sentence lines and
`{"id", "text", "dominant", "labels"}` entry lines, the shapes the corpus and the blind
sets use. `corpus` does the same for the post-first part of the training corpus, where
two readers labelled every post: only sentences (and dominant phases) on which both
agree are kept; the rest go to `corpus/audit/dropped.jsonl`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tidewise.analysis.readable import has_words
from tidewise.analysis.segment import sentences as split


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def sentences_of(post: dict[str, Any]) -> list[tuple[str, str]]:
    """(sentence id, sentence) for each readable sentence of a post."""
    pieces = [s.strip() for s in split(str(post["text"])) if has_words(s)]
    return [(f"{post['id']}-s{i:02d}", s) for i, s in enumerate(pieces, 1)]


def reader_input(posts: Path, out: Path) -> None:
    lines = []
    for post in read_jsonl(posts):
        lines.append(f"## POST {post['id']}")
        lines += [f"{sid}\t{' '.join(text.split())}" for sid, text in sentences_of(post)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def gold(posts: Path, labels: Path, prefix: Path) -> tuple[int, int]:
    read = {str(r["id"]): r for r in read_jsonl(labels)}
    sentence_rows, entry_rows = [], []
    for post in read_jsonl(posts):
        pieces = sentences_of(post)
        found = [(sid, text, read[sid]["label"]) for sid, text in pieces if sid in read]
        if len(found) != len(pieces) or str(post["id"]) not in read:
            print(f"{post['id']}: not fully labelled, left out", file=sys.stderr)
            continue
        sentence_rows += [{"id": sid, "text": t, "label": lab} for sid, t, lab in found]
        present = sorted({lab for _, _, lab in found})
        entry_rows.append(
            {
                "id": post["id"],
                "text": post["text"],
                "dominant": read[str(post["id"])]["dominant"],
                "labels": present,
            }
        )
    for suffix, rows in (("_sentences.jsonl", sentence_rows), ("_entries.jsonl", entry_rows)):
        with Path(f"{prefix}{suffix}").open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return len(sentence_rows), len(entry_rows)


def to_corpus(posts: Path, reader_a: Path, reader_b: Path, letter: str) -> None:
    """Agreed sentences and entries of two readers into corpus/sentences and corpus/entries."""
    root = Path(__file__).resolve().parent.parent / "corpus"
    a = {str(r["id"]): r for r in read_jsonl(reader_a)}
    b = {str(r["id"]): r for r in read_jsonl(reader_b)}
    sentences, entries, dropped = [], [], []
    pairs, entry_pairs = [], []
    for post in read_jsonl(posts):
        pid = str(post["id"])
        found = []
        for sid, text in sentences_of(post):
            if sid not in a or sid not in b:
                continue
            first, second = str(a[sid]["label"]), str(b[sid]["label"])
            pairs.append((first, second))
            row = {"id": sid, "text": text, "label": first, "voice": pid}
            found.append(first)
            if first == second:
                sentences.append(row)
            else:
                dropped.append({**row, "file": f"writer_{letter}.jsonl", "reader_label": second})
        if pid in a and pid in b:
            entry_pairs.append((str(a[pid]["dominant"]), str(b[pid]["dominant"])))
            if a[pid]["dominant"] == b[pid]["dominant"]:
                entries.append(
                    {
                        "text": post["text"],
                        "dominant": a[pid]["dominant"],
                        "labels": sorted(set(found)),
                        "voice": pid,
                    }
                )
    _write(root / "sentences" / f"writer_{letter}.jsonl", sentences)
    _write(root / "entries" / f"writer_{letter}.jsonl", entries)
    audit_dropped = root / "audit" / "dropped.jsonl"
    _write(audit_dropped, read_jsonl(audit_dropped) + dropped)
    from bench.audit import HEADER, row_of

    print(HEADER)
    print(row_of(f"writer_{letter} sentences (reader a vs b)", pairs))
    print(row_of(f"writer_{letter} dominant (reader a vs b)", entry_pairs))
    print(f"kept {len(sentences)} sentences, {len(entries)} entries")


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main(argv: list[str]) -> int:
    if len(argv) == 5 and argv[0] == "corpus":
        to_corpus(Path(argv[1]), Path(argv[2]), Path(argv[3]), argv[4])
        return 0
    if len(argv) == 3 and argv[0] == "split":
        reader_input(Path(argv[1]), Path(argv[2]))
        return 0
    if len(argv) == 4 and argv[0] == "gold":
        print(gold(Path(argv[1]), Path(argv[2]), Path(argv[3])))
        return 0
    print(__doc__, file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

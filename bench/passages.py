"""Posts written without labels in mind, labelled afterwards by independent readers.

    python -m bench.passages split POSTS.jsonl READER_INPUT.txt
    python -m bench.passages gold POSTS.jsonl LABELS.jsonl OUT_PREFIX

This is how `validation/passages/` (and the post-first part of the corpus) were made: a
writer writes whole posts the way betrayed partners write on forums, blogs and in diaries,
without the label guide; Tidewise's own segmenter cuts them into sentences; a reader who
never saw the writer's brief labels every sentence in context and each post's dominant
phase. `gold` turns a reader's labels into `{"id", "text", "label"}` sentence lines and
`{"id", "text", "dominant", "labels"}` entry lines, the shapes the corpus and the blind
sets use.
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


def main(argv: list[str]) -> int:
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

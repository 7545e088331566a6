"""`tidewise classify` and `tidewise analyze`: the analysis engine on stdin/stdout.

Neither needs a journal or a passphrase. Data goes to stdout as JSON, one object per
line for JSON Lines input; messages go to stderr. A malformed input line is named by
its number (never quoted: it could be someone's entry), the other lines are still
answered, and the exit code is 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from tidewise.cli import app
from tidewise.cli.console import out, say
from tidewise.errors import InputError


def _stdin_text() -> str:
    """All of stdin; bytes that are not UTF-8 become U+FFFD instead of a crash."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin.read()
    data: bytes = buffer.read()
    return data.decode("utf-8", errors="replace")


def _jsonl_items(text: str) -> Iterator[tuple[int, Any, str | None]]:
    """(line number, id, text) per non-blank line; text is None when the line is malformed."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield (number, *_parsed(line))


def _parsed(line: str) -> tuple[Any, str | None]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError:
        return None, None
    if not isinstance(item, dict) or "id" not in item or not isinstance(item.get("text"), str):
        return None, None
    return item["id"], item["text"]


def _complain(number: int) -> None:
    say(f'tidewise: line {number}: expected a JSON object with "id" and a "text" string; skipped.')


@app.command()
def classify(
    ctx: typer.Context,
    journal: Annotated[
        bool,
        typer.Option(
            "--journal",
            "--personal",
            help="Read through this journal's personal reader (asks for the passphrase).",
        ),
    ] = False,
) -> None:
    """Label each text read as JSON Lines on stdin, one unit per line (no sentence splitting).

    Input: one {"id": ..., "text": ...} per line. Output: one
    {"id": ..., "label": ..., "scores": {label: probability}} per input line, in order.
    Texts longer than 256 tokens (roughly 180 words) are cut at 256 tokens before they
    are read; split long texts yourself if the rest matters. Needs no journal, unless
    `--journal` asks for the reader that has learned from your corrections (the journal
    folder comes from `tidewise --journal PATH classify --journal` or TIDEWISE_HOME).

    Example: echo '{"id": 1, "text": "I let him hold me"}' | tidewise classify
    """
    items = list(_jsonl_items(_stdin_text()))
    texts = [text for _, _, text in items if text is not None]
    results = iter(_classified(ctx, texts, personal=journal) if texts else [])
    failed = False
    for number, item_id, text in items:
        if text is None:
            _complain(number)
            failed = True
            continue
        label, scores = next(results)
        out(json.dumps({"id": item_id, "label": label, "scores": scores}, ensure_ascii=False))
    if failed:
        raise typer.Exit(1)


@app.command()
def analyze(
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the entry from this file.")
    ] = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help='Read {"id", "text"} lines; answer one per line.')
    ] = False,
    country: Annotated[
        str | None,
        typer.Option("--country", help="Help lines for this country (US, UK, CA, AU, IE, NZ)."),
    ] = None,
) -> None:
    """Analyse one entry (stdin or --file) and print its full analysis as one JSON object.

    The object has the sentences (text, label, scores, evidence), movement, phase, shame,
    shame_voice, distancing, safety (with its level: none, possible or clear) and reply
    ({"kind": "safety" | "check_in" | "reflection", "id", "text"}: what the person would be
    shown for this entry alone). Help lines follow --country, or cover every country.
    With --jsonl, each input line {"id", "text"} gets one output line {"id", ...analysis}.
    Needs no journal; nothing leaves this machine.

    Example: tidewise analyze --file today.txt
    """
    from tidewise.analysis.engine import default_analyzer  # loads the model: only when used

    code = _country(country)
    if jsonl:
        _analyze_lines(default_analyzer(), file, code)
        return
    text = _read_text(file)
    out(json.dumps(_with_reply(default_analyzer().analyze(text), code), ensure_ascii=False))


def _country(country: str | None) -> str | None:
    from tidewise.analysis.crisis import normalise_country

    code = normalise_country(country)
    if country and code is None:
        message = "Unknown country code; use one of US, UK, CA, AU, IE, NZ."
        raise InputError(message)
    return code


def _with_reply(analysis: Any, country: str | None) -> dict[str, Any]:
    """The analysis as JSON, its help lines for `country`, and the reply for it alone."""
    from tidewise.analysis.safety import resources_for_kinds
    from tidewise.replies import graded_reply

    result: dict[str, Any] = analysis.to_dict()
    if analysis.safety.concern:
        lines = resources_for_kinds(analysis.safety.kinds, country)
        result["safety"]["resources"] = [r.to_dict() for r in lines]
    result["reply"] = graded_reply(analysis, country=country).contract()
    return result


def _classified(
    ctx: typer.Context, texts: list[str], *, personal: bool
) -> list[tuple[str, dict[str, float]]]:
    if not personal:
        from tidewise.analysis.engine import classify_texts  # loads the model: only when used

        return classify_texts(texts)
    from tidewise.cli import session

    with session.opened(ctx) as journal:
        return journal.classify(texts)


def _read_text(file: Path | None) -> str:
    if file is None:
        return _stdin_text()
    try:
        return file.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        message = "That file could not be read."
        raise InputError(message) from err


def _analyze_lines(analyzer: Any, file: Path | None, country: str | None) -> None:
    items = list(_jsonl_items(_read_text(file)))
    good = [text for _, _, text in items if text is not None]
    results = iter(analyzer.analyze_many(good))
    failed = False
    for number, item_id, text in items:
        if text is None:
            _complain(number)
            failed = True
            continue
        answer = _with_reply(next(results), country)
        out(json.dumps({"id": item_id, **answer}, ensure_ascii=False))
    if failed:
        raise typer.Exit(1)

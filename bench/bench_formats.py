"""Formats at scale: ten years of Daylio rows imported and analysed; a year's report.

The Daylio CSV is generated here from short phrases written for this project (no
real person's writing): 3,650 daily rows, newest first as Daylio writes them. It is
imported through the same use-case as `tidewise import`, with the real analysis
engine and the progress bar drawn to a null stream. The report is made from the
last 365 of those entries, as HTML and as PDF.

    python -m bench formats
"""

from __future__ import annotations

import csv
import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

# Phrases written for this project, one list per phase, mixed into daily notes.
PHRASES: dict[str, tuple[str, ...]] = {
    "reaching": (
        "We cooked together and I laughed for the first time in days.",
        "He held my hand on the walk and I let him.",
        "I wanted to sit close to him tonight.",
        "It felt warm between us for an hour.",
    ),
    "attachment_shame": (
        "Then I hated myself for softening so fast.",
        "What is wrong with me, going back to him like that?",
        "Where is my self-respect, after everything he did?",
    ),
    "disconnection_shame": (
        "I keep thinking I was never enough for him.",
        "I feel like such a fool for not seeing it.",
    ),
    "withdrawing": (
        "I slept in the spare room and shut the door.",
        "I went cold when he came near me.",
        "I kept a wall up all evening.",
    ),
    "punishing": (
        "I yelled and reminded him of every lie.",
        "I wanted him to hurt the way I hurt.",
    ),
    "exhaustion": (
        "I am so tired of fighting.",
        "I miss how we used to be and I feel lonely.",
    ),
    "neutral": (
        "Work ran late and the kids had football.",
        "Groceries, laundry, an early night.",
        "My sister called about the weekend.",
    ),
}
ORDER = ("reaching", "attachment_shame", "withdrawing", "punishing", "exhaustion", "reaching")
HEADER = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
MOODS = ("rad", "good", "meh", "bad", "awful")


def daylio_rows(days: int, *, seed: int = 3, start: date = date(2015, 1, 1)) -> list[list[str]]:
    """`days` daily rows going around the cycle every week or two, newest first."""
    rng = random.Random(seed)
    rows = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        phase = ORDER[(offset // rng.choice((1, 2, 3))) % len(ORDER)]
        note = " ".join(
            [rng.choice(PHRASES[phase]), rng.choice(PHRASES["neutral"] + PHRASES[phase])]
        )
        hour, minute = rng.randrange(6, 23), rng.randrange(60)
        clock = f"{(hour - 1) % 12 + 1}:{minute:02d} {'pm' if hour >= 12 else 'am'}"
        rows.append(
            [
                day.isoformat(),
                day.strftime("%B %d"),
                day.strftime("%A"),
                clock,
                rng.choice(MOODS),
                " | ".join(rng.sample(["walk", "work", "counselling", "family", "fight"], 2)),
                "",
                note,
            ]
        )
    rows.reverse()  # Daylio writes newest first
    return rows


def write_daylio_csv(path: Path, days: int, *, seed: int = 3) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(daylio_rows(days, seed=seed))
    return path


def _import(folder: Path, csv_path: Path) -> tuple[float, int]:
    import io

    from tidewise.cli.transfer import progress_bar
    from tidewise.formats.base import ImportOptions
    from tidewise.journal import Journal
    from tidewise.settings import TEST_KDF, Settings
    from tidewise.transfer import import_file

    journal = Journal.create(Settings(home=folder / "journal", kdf=TEST_KDF), "bench words")
    journal.analyzer.analyze("Warm up the model once.")  # loading the model is start-up cost
    null = io.StringIO()
    started = time.perf_counter()
    with progress_bar("Importing", file=null) as progress:
        summary = import_file(
            journal, csv_path, options=ImportOptions(zone="Europe/London"), progress=progress
        )
    seconds = time.perf_counter() - started
    journal.close()
    return seconds, summary.imported


def _report(folder: Path) -> list[tuple[str, float]]:
    from datetime import datetime

    from tidewise.journal import Journal
    from tidewise.report import build_report, write_report
    from tidewise.reports.document import ReportRequest
    from tidewise.settings import TEST_KDF, Settings

    timings = []
    with Journal.open(Settings(home=folder / "journal", kdf=TEST_KDF), "bench words") as journal:
        last = journal.entries(limit=1)[0].created
        request = ReportRequest(since=last - timedelta(days=365), until=last + timedelta(days=1))
        for suffix in ("html", "pdf"):
            started = time.perf_counter()
            report = build_report(journal, request, now=datetime.now(last.tzinfo))
            write_report(report, folder / f"summary.{suffix}")
            timings.append((suffix.upper(), time.perf_counter() - started))
    return timings


def run() -> str:
    with tempfile.TemporaryDirectory(prefix="tidewise-bench-") as name:
        folder = Path(name)
        csv_path = write_daylio_csv(folder / "daylio.csv", 3650)
        seconds, imported = _import(folder, csv_path)
        reports = _report(folder)
    lines = [
        "### Formats: import at scale and the report for a therapist",
        "",
        "| what | amount | seconds | bar |",
        "|---|---|---|---|",
        f"| Daylio CSV import, analysed (real engine), progress bar on | {imported} rows "
        f"| {seconds:.1f} | <= 30 |",
    ]
    lines += [
        f"| report for a year of entries, {kind} (+ JSON appendix) | 365 days | {t:.1f} | <= 10 |"
        for kind, t in reports
    ]
    load = os.getloadavg()[0]
    lines.append("")
    lines.append(
        f"_Load average when done: {load:.1f} on {os.cpu_count()} cores; the import time is "
        "mostly the analysis engine (see the analysis table)._"
    )
    return "\n".join(lines)

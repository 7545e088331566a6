"""`tidewise demo`: a throwaway journal of example entries, analysed and printed.

The entries were written for this project: one invented person, some weeks after
finding out, going once around the cycle (reaching, shame for reaching, withdrawing,
punishing, worn out, and reaching again). The journal lives in a temp folder with a
random passphrase and is deleted before the command returns, whatever happens.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tidewise.records import CheckIn

if TYPE_CHECKING:
    from tidewise.journal import Journal

# (days before today, hour, closeness, shame, text)
DEMO_ENTRIES: tuple[tuple[int, int, int, int, str], ...] = (
    (
        20,
        21,
        2,
        2,
        "We walked down to the harbour after dinner and he held my hand the whole way. "
        "For an hour it felt like us again, the old easy quiet. I leaned on his shoulder "
        "on the bench and didn't want to go home.",
    ),
    (
        19,
        7,
        1,
        8,
        "This morning I can hardly look at myself. I let him hold me last night as if "
        "nothing happened. What is wrong with me, going soft on the man who lied to me "
        "for two years? Where is my self-respect?",
    ),
    (
        17,
        22,
        -2,
        6,
        "I moved my pillow and my books into the spare room today. When he knocked I "
        "said I was tired and kept the door shut. It is easier to breathe with a wall "
        "between us.",
    ),
    (
        15,
        19,
        -3,
        4,
        "He came home forty minutes late without a text and I exploded. I brought up "
        "the hotel receipts, the lies, all of it, and I kept going after he went quiet. "
        "Part of me wanted him to hurt as much as I do.",
    ),
    (
        12,
        23,
        -1,
        5,
        "I am so tired of fighting. The house is cold and silent and I miss him even "
        "when he is in the next room. I don't want another war tonight; I want to sleep.",
    ),
    (
        10,
        14,
        -1,
        9,
        "I keep thinking I was never enough for him. She must have had something I "
        "don't. I feel like a fool for not seeing it for so long.",
    ),
    (
        6,
        8,
        1,
        3,
        "We made coffee together and laughed at the dog stealing a sock. I told him I "
        "want to try talking again, slowly, with someone to help us.",
    ),
    (
        5,
        13,
        1,
        7,
        "I sent him a sweet message at lunch and hated myself for it a minute later. "
        "You're making it far too easy for him, I thought. Why do I keep reaching for "
        "the person who broke this?",
    ),
)


def demo_dates(today: datetime) -> list[datetime]:
    """When each example entry was 'written', counted back from `today`."""
    midnight = today.replace(hour=0, minute=0, second=0, microsecond=0)
    return [
        midnight - timedelta(days=days) + timedelta(hours=hour) for days, hour, *_ in DEMO_ENTRIES
    ]


def run_demo(out: Callable[[str], None], say: Callable[[str], None]) -> None:
    """Create, fill, print and delete a demo journal."""
    folder = Path(tempfile.mkdtemp(prefix="tidewise-demo-"))
    try:
        _demo_in(folder, out, say)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    say("The demo journal has been deleted. Start your own with: tidewise init")


def _demo_in(folder: Path, out: Callable[[str], None], say: Callable[[str], None]) -> None:
    from tidewise.journal import Journal
    from tidewise.settings import Settings
    from tidewise.storage.times import local_now

    say(f"Creating a throwaway demo journal in {folder} ...")
    with Journal.create(Settings(home=folder / "journal"), secrets.token_urlsafe(24)) as journal:
        analyze = _analysis_works(journal, say)
        for created, (_, _, closeness, shame, text) in zip(
            demo_dates(local_now()), DEMO_ENTRIES, strict=True
        ):
            checkin = CheckIn(closeness=closeness, shame=shame)
            journal.write(text, created=created, checkin=checkin, analyze=analyze)
        for entry in journal.entries(newest_first=False):
            phase = entry.analysis.phase if entry.analysis else "not analysed"
            out(f"{entry.created:%a %d %b %H:%M}  [{_title(phase)}]")
            out(f"  {entry.text}")
            out("")


def _analysis_works(journal: Journal, say: Callable[[str], None]) -> bool:
    """True when the on-device analysis can run here; otherwise say so and go without."""
    from tidewise.errors import TidewiseError

    try:
        journal.analyzer.analyze("A first quiet sentence.")
    except (ImportError, TidewiseError):
        say("The analysis engine is not available here; showing the entries without it.")
        return False
    return True


def _title(phase: str) -> str:
    from tidewise.cycle.labels import LABEL_TITLES, Label

    try:
        return LABEL_TITLES[Label(phase)]
    except ValueError:
        return phase

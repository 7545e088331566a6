"""The example entries: `tidewise demo` prints them from a throwaway journal, and the web
UI's "explore with example entries" opens one; both fill it with `fill`.

The entries were written for this project: one invented person, some weeks after
finding out, going once around the cycle (reaching, shame for reaching, withdrawing,
punishing, worn out, shame from the rupture, reaching again, and shame for reaching
again). Each records the phase it was written to show (`DemoEntry.shows`), so a test
can check that the reader reads the demo the way it was meant. For `tidewise demo` the
journal lives in a temp folder with a random passphrase and is deleted before the
command returns, whatever happens.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tidewise.clock import local_now
from tidewise.cycle.labels import Label
from tidewise.records import Analysis, CheckIn, Unread

if TYPE_CHECKING:
    from tidewise.journal import Journal


class DemoEntry(NamedTuple):
    """One example entry, and the phase it was written to show."""

    days_ago: int
    hour: int
    closeness: int
    shame: int
    text: str
    shows: Label  # what the writer of the demo meant the entry to read as, on its own


DEMO_ENTRIES: tuple[DemoEntry, ...] = (
    DemoEntry(
        days_ago=20,
        hour=21,
        closeness=2,
        shame=2,
        text=(
            "We walked down to the harbour after dinner and he held my hand the whole way. "
            "For an hour it felt like us again, the old easy quiet. I leaned on his "
            "shoulder on the bench and didn't want to go home."
        ),
        shows=Label.REACHING,
    ),
    DemoEntry(
        days_ago=19,
        hour=7,
        closeness=1,
        shame=8,
        text=(
            "This morning I can hardly look at myself. I let him hold me last night as if "
            "nothing happened. What is wrong with me, going soft on the man who lied to me "
            "for two years? Where is my self-respect?"
        ),
        shows=Label.ATTACHMENT_SHAME,
    ),
    DemoEntry(
        days_ago=17,
        hour=22,
        closeness=-2,
        shame=6,
        text=(
            "I moved my pillow and my books into the spare room today. When he knocked I "
            "said I was tired and kept the door shut. It is easier to breathe with a wall "
            "between us."
        ),
        shows=Label.WITHDRAWING,
    ),
    DemoEntry(
        days_ago=15,
        hour=19,
        closeness=-3,
        shame=4,
        text=(
            "He came home forty minutes late without a text and I exploded. I brought up "
            "the hotel receipts, the lies, all of it, and I kept going after he went quiet. "
            "Part of me wanted him to hurt as much as I do."
        ),
        shows=Label.PUNISHING,
    ),
    DemoEntry(
        days_ago=12,
        hour=23,
        closeness=-1,
        shame=5,
        text=(
            "I am so tired of fighting. The house is cold and silent and I miss him even "
            "when he is in the next room. I don't want another war tonight; I want to "
            "sleep."
        ),
        shows=Label.EXHAUSTION,
    ),
    DemoEntry(
        days_ago=10,
        hour=14,
        closeness=-1,
        shame=9,
        text=(
            "I keep thinking I was never enough for him. She must have had something I "
            "don't. I feel like a fool for not seeing it for so long."
        ),
        shows=Label.DISCONNECTION_SHAME,
    ),
    DemoEntry(
        days_ago=6,
        hour=8,
        closeness=1,
        shame=3,
        text=(
            "We made coffee together and laughed at the dog stealing a sock. I told him I "
            "want to try talking again, slowly, with someone to help us."
        ),
        shows=Label.REACHING,
    ),
    DemoEntry(
        days_ago=5,
        hour=13,
        closeness=1,
        shame=7,
        text=(
            "I sent him a sweet message at lunch and hated myself for it a minute later. "
            "You're making it far too easy for him, I thought. Why do I keep reaching for "
            "the person who broke this?"
        ),
        shows=Label.ATTACHMENT_SHAME,
    ),
)


def demo_dates(today: datetime) -> list[datetime]:
    """When each example entry was 'written', counted back from `today`."""
    midnight = today.replace(hour=0, minute=0, second=0, microsecond=0)
    return [
        midnight - timedelta(days=entry.days_ago) + timedelta(hours=entry.hour)
        for entry in DEMO_ENTRIES
    ]


def fill(journal: Journal, today: datetime | None = None) -> Unread | None:
    """Write the example entries into `journal`, read when the reader can run here.

    The one filling for `tidewise demo` and the web UI's example journal. Returns why the
    entries are unread (the reader cannot run on this install), or None when they were read.
    """
    unread: Unread | None = None
    mode = Analysis.IF_AVAILABLE
    for created, example in zip(demo_dates(today or local_now()), DEMO_ENTRIES, strict=True):
        checkin = CheckIn(closeness=example.closeness, shame=example.shame)
        saved = journal.write(example.text, created=created, checkin=checkin, analysis=mode)
        if saved.unread is not None and unread is None:
            # One failed load says it all: the other entries go unread without trying again.
            unread, mode = saved.unread, Analysis.OFF
    return unread


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

    say(f"Creating a throwaway demo journal in {folder} ...")
    with Journal.create(Settings(home=folder / "journal"), secrets.token_urlsafe(24)) as journal:
        if fill(journal) is not None:
            say("The analysis engine is not available here; showing the entries without it.")
        for entry in journal.entries(newest_first=False):
            phase = entry.analysis.phase if entry.analysis else "not analysed"
            out(f"{entry.created:%a %d %b %H:%M}  [{_title(phase)}]")
            out(f"  {entry.text}")
            out("")


def _title(phase: str) -> str:
    from tidewise.cycle.labels import title

    return title(phase)

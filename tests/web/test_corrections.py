"""Correcting a sentence's reading on the entry page, undo, the learned page, re-reading.

Plain HTTP through the TestClient (the browser tests show the same in chromium). Every
refused request must change nothing: the journal's logical hash and its corrections
are compared before and after.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from tests.conftest import FakeAnalyzer
from tests.web.conftest import PASSPHRASE, TOKEN, Web, journal_web
from tests.web.pagetree import Node, parse
from tidewise.analysis.types import EntryAnalysis
from tidewise.settings import Settings
from tidewise.web.rereading import Rereader

TEXT = "He held my hand on the walk. I moved into the spare room. We ate soup."
OPTIONS = [
    "Reaching",
    "Shame for reaching",
    "Shame from the rupture",
    "Withdrawing",
    "Punishing",
    "Worn out",
    "Telling - not part of the cycle",
    "Not sure",
]


def _page(web: Web, entry_id: int, query: str = "") -> Node:
    response = web.get(f"/entries/{entry_id}{query}")
    assert response.status_code == 200
    return parse(response.text)


def _facts(page: Node) -> tuple[str, str]:
    return page.find(id="movement").text, page.find(id="phase").text


def _unchanged(web: Web) -> tuple[str, int]:
    journal = web.state.journal
    return journal.logical_hash(), len(journal.corrections())


def _rereader(web: Web) -> Rereader:
    rereader: Rereader = web.app.state.rereader
    return rereader


def test_each_sentence_has_a_labelled_control_showing_its_reading(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write(TEXT)
    page = _page(unlocked_web, entry_id)
    rows = page.find(cls="sentence-list").find_all("li")
    assert [row.attrs["id"] for row in rows] == ["sentence-1", "sentence-2", "sentence-3"]
    labels = ["reaching", "withdrawing", "neutral"]
    for number, (row, label) in enumerate(zip(rows, labels, strict=True), 1):
        form = row.find("form", action=f"/entries/{entry_id}/correct", method="post")
        assert form.find("input", name="form_token").attrs["value"]
        assert form.find("input", name="sentence").attrs["value"] == str(number)
        select = form.find("select", name="label", id=f"reading-{number}")
        assert row.find("label", for_=f"reading-{number}").text == f"Sentence {number} Reads as"
        assert select.attrs["aria-describedby"] == f"sentence-{number}-text"
        options = select.find_all("option")
        assert [o.text for o in options] == OPTIONS
        assert [o.attrs["value"] for o in options if "selected" in o.attrs] == [label]
        assert form.find("button", type="submit")
    assert page.find("a", href="/learned")


def test_a_correction_changes_the_entrys_reading_at_once_and_can_be_undone(
    unlocked_web: Web,
) -> None:
    web = unlocked_web
    entry_id = web.write(TEXT)
    assert _facts(_page(web, entry_id)) == ("Pulled both ways", "Reaching")
    response = web.post(f"/entries/{entry_id}/correct", {"sentence": "1", "label": "exhaustion"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/entries/{entry_id}?said=1#sentence-1"
    page = _page(web, entry_id, "?said=1")
    assert _facts(page) == ("Pulling away", "Worn out")
    row = page.find(id="sentence-1")
    assert "You said Worn out." in row.find(cls="you-said").text
    assert "Tidewise had read: Reaching." in row.find(cls="you-said").text
    assert row.find("p", role="status").text.startswith("Saved. This entry now reads: Pulling")
    selected = [o.attrs["value"] for o in row.find_all("option") if "selected" in o.attrs]
    assert selected == ["exhaustion"]
    assert "said" not in page.find(id="sentence-2").attrs["class"]
    [correction] = web.state.journal.corrections()
    undo = row.find("form", action=f"/corrections/{correction.id}/undo")
    assert undo.find("input", name="back").attrs["value"] == "entry"

    response = web.post(f"/corrections/{correction.id}/undo", {"back": "entry"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/entries/{entry_id}?undone=1#sentence-1"
    page = _page(web, entry_id, "?undone=1")
    assert _facts(page) == ("Pulled both ways", "Reaching")
    assert page.find(id="sentence-1").find("p", role="status").text.startswith("Undone.")
    assert web.state.journal.corrections() == []


def test_not_sure_and_not_part_of_the_cycle(unlocked_web: Web) -> None:
    web = unlocked_web
    entry_id = web.write(TEXT)
    web.post(f"/entries/{entry_id}/correct", {"sentence": "2", "label": "unsure"})
    page = _page(web, entry_id)
    assert _facts(page) == ("Leaning toward your partner", "Reaching")
    assert "You said Not sure." in page.find(id="sentence-2").text
    web.post(f"/entries/{entry_id}/correct", {"sentence": "1", "label": "neutral"})
    page = _page(web, entry_id)
    assert _facts(page) == ("No strong pull either way", "No clear phase")
    assert "You said Telling - not part of the cycle." in page.find(id="sentence-1").text
    assert len(web.state.journal.corrections()) == 2


@pytest.mark.parametrize(
    "fields",
    [
        {"sentence": "1", "label": "furious"},
        {"sentence": "1", "label": ""},
        {"sentence": "1"},
        {"sentence": "1", "label": "Reaching"},  # the title, not a value the select sends
        {"sentence": "0", "label": "reaching"},
        {"sentence": "x", "label": "reaching"},
        {"sentence": "", "label": "reaching"},
        {"sentence": "-1", "label": "reaching"},
        {"label": "reaching"},
    ],
)
def test_malformed_corrections_are_400_and_change_nothing(
    unlocked_web: Web, fields: dict[str, str]
) -> None:
    entry_id = unlocked_web.write(TEXT)
    before = _unchanged(unlocked_web)
    response = unlocked_web.post(f"/entries/{entry_id}/correct", fields)
    assert response.status_code == 400
    assert "Nothing was changed" in response.text
    assert _unchanged(unlocked_web) == before


def test_a_sentence_number_past_the_end_says_so_and_changes_nothing(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write(TEXT)
    before = _unchanged(unlocked_web)
    response = unlocked_web.post(
        f"/entries/{entry_id}/correct", {"sentence": "4", "label": "reaching"}
    )
    assert response.status_code == 400
    assert f"Entry {entry_id} has sentences 1 to 3; there is no 4." in response.text
    assert "spare room" not in response.text
    assert _unchanged(unlocked_web) == before


def test_a_missing_entry_is_404_and_changes_nothing(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write(TEXT)
    before = _unchanged(unlocked_web)
    for path in (
        f"/entries/{entry_id + 1}/correct",
        "/entries/0/correct",
        f"/entries/{2**63}/correct",
    ):
        response = unlocked_web.post(path, {"sentence": "1", "label": "reaching"})
        assert response.status_code == 404, path
    assert unlocked_web.post("/corrections/7/undo", {"back": "entry"}).status_code == 404
    assert _unchanged(unlocked_web) == before


def test_forged_requests_are_refused_and_change_nothing(unlocked_web: Web) -> None:
    web = unlocked_web
    entry_id = web.write(TEXT)
    web.post(f"/entries/{entry_id}/correct", {"sentence": "2", "label": "reaching"})
    [correction] = web.state.journal.corrections()
    before = _unchanged(web)
    posts = [
        (f"/entries/{entry_id}/correct", {"sentence": "1", "label": "punishing"}),
        (f"/corrections/{correction.id}/undo", {"back": "entry"}),
        ("/learned/forget", {"confirm": "yes"}),
    ]
    for path, fields in posts:
        assert web.post(path, fields, token=False).status_code == 403
        assert web.post(path, {**fields, "form_token": "guess"}).status_code == 403
        other = {"origin": "http://evil.example"}
        assert web.post(path, fields, headers=other).status_code == 403
        assert web.client.get(path).status_code == 405 or path == "/learned/forget"
    assert _unchanged(web) == before


def test_undo_needs_a_known_way_back(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write(TEXT)
    unlocked_web.post(f"/entries/{entry_id}/correct", {"sentence": "2", "label": "reaching"})
    [correction] = unlocked_web.state.journal.corrections()
    before = _unchanged(unlocked_web)
    for back in ("https://elsewhere.example", "", "journal"):
        response = unlocked_web.post(f"/corrections/{correction.id}/undo", {"back": back})
        assert response.status_code == 400
    assert _unchanged(unlocked_web) == before


def test_the_learned_page_lists_each_correction_with_undo(unlocked_web: Web) -> None:
    web = unlocked_web
    empty = parse(web.get("/learned").text)
    assert empty.find("h1").text == "What Tidewise has learned from you"
    assert "encrypted in this journal, on this computer" in empty.find(cls="lead").text
    assert "Nothing yet." in empty.text
    entry_id = web.write(TEXT)
    web.post(f"/entries/{entry_id}/correct", {"sentence": "1", "label": "exhaustion"})
    web.post(f"/entries/{entry_id}/correct", {"sentence": "3", "label": "unsure"})
    page = parse(web.get("/learned").text)
    items = page.find(cls="learned-list").find_all("li")
    assert [i.find("blockquote").text for i in items] == [
        "We ate soup.",
        "He held my hand on the walk.",
    ]
    assert "Tidewise read: Telling - not part of the cycle. You said: Not sure." in items[0].text
    assert "Tidewise read: Reaching. You said: Worn out." in items[1].text
    newest = web.state.journal.corrections()[-1]
    form = items[0].find("form", action=f"/corrections/{newest.id}/undo")
    assert form.find("input", name="back").attrs["value"] == "learned"
    assert items[0].find("a", href=f"/entries/{entry_id}#sentence-3")

    response = web.post(f"/corrections/{newest.id}/undo", {"back": "learned"})
    assert response.headers["location"] == "/learned?done=undone"
    assert len(parse(web.get("/learned?done=undone").text).find_all("li", cls=None)) >= 1
    assert [c.label for c in web.state.journal.corrections()] == ["exhaustion"]
    settings_page = parse(web.get("/settings").text)
    assert settings_page.find("a", href="/learned")


def test_forget_all_asks_first(unlocked_web: Web) -> None:
    web = unlocked_web
    entry_id = web.write(TEXT)
    web.post(f"/entries/{entry_id}/correct", {"sentence": "1", "label": "exhaustion"})
    confirm = parse(web.get("/learned/forget").text)
    assert "Your one correction will be removed" in confirm.find(cls="lead").text
    assert confirm.find("form", action="/learned/forget").find("input", name="confirm")
    assert len(web.state.journal.corrections()) == 1  # looking changes nothing
    response = web.post("/learned/forget", {})
    assert response.headers["location"] == "/learned"
    assert len(web.state.journal.corrections()) == 1
    response = web.post("/learned/forget", {"confirm": "yes"})
    assert response.headers["location"] == "/learned?done=forgotten"
    assert web.state.journal.corrections() == []
    assert _facts(_page(web, entry_id)) == ("Pulled both ways", "Reaching")


class GatedAnalyzer(FakeAnalyzer):
    """The fake, but the background re-reader waits at a gate the test opens."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.waiting = threading.Event()

    def analyze(self, text: str) -> EntryAnalysis:
        if threading.current_thread().name == "tidewise-reread":
            self.waiting.set()
            assert self.gate.wait(20)
        return super().analyze(text)


@pytest.fixture
def gated(settings: Settings) -> Iterator[tuple[Web, GatedAnalyzer]]:
    analyzer = GatedAnalyzer()
    with journal_web(settings, analyzer=analyzer) as web:
        yield web, analyzer
        analyzer.gate.set()
    _rereader(web).wait(10)


def test_earlier_entries_are_read_again_in_the_background_with_progress(
    gated: tuple[Web, GatedAnalyzer],
) -> None:
    web, analyzer = gated
    earlier = web.write("We ate soup.")
    entry_id = web.write(TEXT)
    web.post(f"/entries/{entry_id}/correct", {"sentence": "3", "label": "exhaustion"})
    assert analyzer.waiting.wait(10)
    note = parse(web.get("/learned").text).find(id="rereading")
    assert note.text.startswith("Reading your earlier entries again")
    assert _facts(_page(web, earlier)) == ("No strong pull either way", "No clear phase")
    listed = parse(web.get("/journal").text).find(id="rereading")
    assert listed.find("a", href="/learned").text == "Reading earlier entries again"
    _rereader(web).start()  # asked again while running: no second thread
    names = [t.name for t in threading.enumerate()]
    assert names.count("tidewise-reread") == 1
    analyzer.gate.set()
    assert _rereader(web).wait(10)
    assert _facts(_page(web, earlier)) == ("No strong pull either way", "Worn out")
    assert web.state.journal.stale_readings() == 0
    assert parse(web.get("/learned").text).find_all(id="rereading") == []
    assert parse(web.get("/journal").text).find_all(id="rereading") == []


def test_locking_stops_the_background_reading_without_writing(
    gated: tuple[Web, GatedAnalyzer],
) -> None:
    web, analyzer = gated
    earlier = web.write("We ate soup.")
    entry_id = web.write(TEXT)
    web.post(f"/entries/{entry_id}/correct", {"sentence": "3", "label": "exhaustion"})
    assert analyzer.waiting.wait(10)
    web.post("/lock")
    assert not web.state.unlocked
    analyzer.gate.set()
    assert _rereader(web).wait(10)
    analyzer.gate.clear()  # the next unlock re-reads on its own: hold it at the gate
    analyzer.waiting.clear()
    web.client.get(f"/launch/{TOKEN}")
    assert web.post("/unlock", {"passphrase": PASSPHRASE}).status_code == 303
    journal = web.state.journal
    assert journal.get(earlier).analysis.phase == "neutral"  # type: ignore[union-attr]
    assert analyzer.waiting.wait(10)  # corrections exist: unlocking started a new pass
    analyzer.gate.set()
    assert _rereader(web).wait(10)
    assert journal.get(earlier).analysis.phase == "exhaustion"  # type: ignore[union-attr]

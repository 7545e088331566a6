"""When the reader cannot run on this install, the web UI still saves what was typed:
written and edited entries are kept unread (the facade's `Analysis.IF_AVAILABLE`), and
the entry page says the text has not been read. The example journal fills unread too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.test_journal_analysis_mode import MissingReader
from tests.web.conftest import PASSPHRASE, TOKEN, Web, make_app, make_client
from tests.web.pagetree import parse
from tidewise.demo import DEMO_ENTRIES
from tidewise.errors import ModelFilesError
from tidewise.settings import Settings


@pytest.fixture(params=[ModelFilesError, ImportError], ids=["no-model-files", "no-onnxruntime"])
def readerless_web(request: pytest.FixtureRequest, settings: Settings) -> Iterator[Web]:
    app = make_app(settings, analyzer=MissingReader(request.param))
    web = Web(make_client(app), app)
    assert web.get(f"/launch/{TOKEN}").status_code == 303
    yield web
    app.state.web.shutdown()


def test_writing_and_editing_keep_the_text_unread(readerless_web: Web) -> None:
    created = readerless_web.post(
        "/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE}
    )
    assert created.status_code == 303
    entry_id = readerless_web.write("The rain on the skylight all evening.")
    page = parse(readerless_web.get(f"/entries/{entry_id}").text)
    assert "not been read" in page.find("main").text
    edited = readerless_web.post(f"/entries/{entry_id}/edit", {"text": "Rain, and then quiet."})
    assert edited.status_code == 303, edited.text
    entry = readerless_web.state.journal.get(entry_id)
    assert (entry.text, entry.analysis) == ("Rain, and then quiet.", None)


def test_the_example_journal_fills_unread(readerless_web: Web) -> None:
    assert readerless_web.post("/demo").status_code == 303
    entries = readerless_web.state.journal.entries()
    assert len(entries) == len(DEMO_ENTRIES)
    assert all(entry.analysis is None for entry in entries)

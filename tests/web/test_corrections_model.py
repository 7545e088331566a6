"""Correcting a sentence through the web with the real on-device reader (marker `model`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.web.conftest import Web, journal_web
from tests.web.pagetree import parse
from tidewise.settings import Settings

pytestmark = pytest.mark.model

TEXT = "I moved into the spare room and locked the door. We talked about the weather."


@pytest.fixture
def real_web(settings: Settings) -> Iterator[Web]:
    pytest.importorskip("tidewise.analysis.engine")
    # analyzer=None: the shipped reader, loaded on first use.
    with journal_web(settings, analyzer=None) as web:
        yield web
    web.app.state.rereader.wait(30)


def test_a_correction_changes_the_entrys_phase_on_the_page(real_web: Web) -> None:
    entry_id = real_web.write(TEXT)
    before = parse(real_web.get(f"/entries/{entry_id}").text)
    assert before.find(id="phase").text == "Withdrawing"
    response = real_web.post(
        f"/entries/{entry_id}/correct", {"sentence": "1", "label": "exhaustion"}
    )
    assert response.status_code == 303
    after = parse(real_web.get(f"/entries/{entry_id}").text)
    assert after.find(id="phase").text == "Worn out"
    said = after.find(id="sentence-1").find(cls="you-said").text
    assert "You said Worn out." in said
    assert "Tidewise had read: Withdrawing." in said  # the reader's word, not the person's
    [correction] = real_web.state.journal.corrections()
    real_web.post(f"/entries/{entry_id}/correct", {"sentence": "1", "label": "reaching"})
    [again] = real_web.state.journal.corrections()
    assert (again.was, again.label) == ("withdrawing", "reaching")
    real_web.post(f"/corrections/{again.id}/undo", {"back": "entry"})
    undone = parse(real_web.get(f"/entries/{entry_id}").text)
    assert undone.find(id="phase").text == "Withdrawing"
    assert correction.id != again.id

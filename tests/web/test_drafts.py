"""Nothing typed is lost: drafts kept encrypted in the journal, offered back after a lock.

These drive the app as our own pages do (and as a browser without JavaScript does);
tests/web/test_drafts_browser.py types in a real browser.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from tests.test_privacy import _leaks
from tests.web.conftest import ORIGIN, PASSPHRASE, Web
from tidewise.drafts import current_draft
from tidewise.settings import Settings
from tidewise.storage.files import erase

OFFER = "You were writing this when Tidewise locked"


def _form_id(page: str) -> str:
    found = re.search(r'name="draft_form" value="([^"]+)"', page)
    assert found, "the write and edit forms carry a draft id"
    return found.group(1)


def _save_draft(web: Web, text: str, form_id: str, **fields: str) -> int:
    return web.post("/draft", {"text": text, "draft_form": form_id, **fields}).status_code


def _unlock(web: Web) -> None:
    assert web.post("/unlock", {"passphrase": PASSPHRASE}).status_code == 303


def test_a_draft_is_kept_across_a_lock_and_offered_back(unlocked_web: Web) -> None:
    form_id = _form_id(unlocked_web.get("/write").text)
    text = "Half a thought about the kitchen & <the> letter"
    assert _save_draft(unlocked_web, text, form_id, shame="6", tags="evening") == 204
    unlocked_web.post("/lock", token=False)
    _unlock(unlocked_web)
    page = unlocked_web.get("/write").text
    assert OFFER in page
    assert "Half a thought about the kitchen &amp; &lt;the&gt; letter" in page
    assert 'name="text"' not in page, "the offer comes first: keep or discard"
    kept = unlocked_web.get("/write?draft=keep").text
    assert f'value="{form_id}"' in kept
    assert "kitchen &amp; &lt;the&gt; letter</textarea>" in kept
    assert 'name="shame" value="6" checked' in kept
    assert 'value="evening"' in kept


def test_saving_the_entry_ends_the_draft_and_a_late_save_cannot_bring_it_back(
    unlocked_web: Web,
) -> None:
    form_id = _form_id(unlocked_web.get("/write").text)
    _save_draft(unlocked_web, "Almost done", form_id)
    unlocked_web.write("Almost done, and saved.", draft_form=form_id)
    assert current_draft(unlocked_web.state.journal) is None
    assert _save_draft(unlocked_web, "Almost done", form_id) == 204  # still in flight
    assert current_draft(unlocked_web.state.journal) is None
    assert OFFER not in unlocked_web.get("/write").text


def test_discard_drops_the_offered_draft(unlocked_web: Web) -> None:
    _save_draft(unlocked_web, "Not this one", "page-one")
    assert OFFER in unlocked_web.get("/write").text
    response = unlocked_web.post("/draft/discard")
    assert response.status_code == 303
    assert current_draft(unlocked_web.state.journal) is None
    assert OFFER not in unlocked_web.get("/write").text


def test_an_edit_draft_returns_to_its_entry(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write("The first version.")
    page = unlocked_web.get(f"/entries/{entry_id}/edit").text
    form_id = _form_id(page)
    assert _save_draft(unlocked_web, "The second version", form_id, entry_id=str(entry_id)) == 204
    unlocked_web.post("/lock", token=False)
    _unlock(unlocked_web)
    assert OFFER in unlocked_web.get("/write").text
    keep = unlocked_web.get("/write?draft=keep")
    assert keep.headers["location"] == f"/entries/{entry_id}/edit?draft=keep"
    assert "The second version</textarea>" in unlocked_web.get(keep.headers["location"]).text


def test_without_javascript_a_form_posted_after_the_idle_lock_is_kept(unlocked_web: Web) -> None:
    form_id = _form_id(unlocked_web.get("/write").text)
    token = unlocked_web.form_token()
    unlocked_web.state._last_activity -= 10_000  # the idle time passed while typing
    fields = {"text": "Typed slowly, for a long time.", "draft_form": form_id}
    response = unlocked_web.client.post(
        "/write", data={**fields, "form_token": token}, headers={"origin": ORIGIN}
    )
    assert response.status_code == 401
    assert "What you wrote is kept" in response.text
    assert not unlocked_web.state.unlocked
    _unlock(unlocked_web)
    assert "Typed slowly, for a long time." in unlocked_web.get("/write").text


def test_a_post_from_a_locked_session_needs_its_form_token(unlocked_web: Web) -> None:
    unlocked_web.post("/lock", token=False)
    response = unlocked_web.client.post(
        "/draft",
        data={"text": "planted", "draft_form": "x", "form_token": "not-the-token"},
        headers={"origin": ORIGIN},
    )
    assert response.status_code == 401
    assert unlocked_web.state._held_draft is None


def test_the_no_javascript_quick_exit_posts_the_text_and_keeps_it(unlocked_web: Web) -> None:
    page = unlocked_web.get("/write").text
    assert 'form="entry-form" formaction="/lock" formnovalidate' in page
    response = unlocked_web.post("/lock", {"text": "Leaving in a hurry", "draft_form": "p1"})
    assert response.status_code == 200
    assert not unlocked_web.state.unlocked
    _unlock(unlocked_web)
    assert "Leaving in a hurry" in unlocked_web.get("/write").text


def test_a_bare_lock_with_someone_elses_text_keeps_nothing(unlocked_web: Web) -> None:
    unlocked_web.client.post(
        "/lock", data={"text": "planted", "form_token": "wrong"}, headers={"origin": "x"}
    )
    assert not unlocked_web.state.unlocked
    _unlock(unlocked_web)
    assert OFFER not in unlocked_web.get("/write").text


def test_a_new_journal_does_not_inherit_text_held_for_the_old_one(
    unlocked_web: Web, settings: Settings
) -> None:
    token = unlocked_web.form_token()
    unlocked_web.post("/lock", token=False)
    held = {"text": "For the old journal", "draft_form": "p2", "form_token": token}
    assert (
        unlocked_web.client.post("/draft", data=held, headers={"origin": ORIGIN}).status_code == 401
    )
    assert unlocked_web.state._held_draft is not None
    erase(settings)
    again = {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE}
    assert unlocked_web.post("/create", again).status_code == 303
    assert OFFER not in unlocked_web.get("/write").text


def test_the_draft_is_never_plaintext_on_disk(
    unlocked_web: Web, settings: Settings, tmp_path: Path
) -> None:
    canary = "DRAFTCANARY" + secrets.token_hex(8)
    other = "Entwurf-" + secrets.token_hex(6) + "-äöü🌊"
    text = f"Still writing {canary} and {other}. " * 40
    form_id = _form_id(unlocked_web.get("/write").text)
    for n in range(5):
        assert _save_draft(unlocked_web, text + str(n), form_id) == 204
    assert _leaks([settings.home], [canary, other]) == []
    unlocked_web.post("/lock", token=False)
    assert _leaks([settings.home], [canary, other]) == []
    _unlock(unlocked_web)
    assert canary in unlocked_web.get("/write").text

"""When can anything be said? Lenient for short English, plain about everything else."""

from __future__ import annotations

import pytest

from tidewise.analysis.readable import has_words, looks_english, why_unreadable


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("ugh", True),
        ("he left", True),
        ("i dont even know anymore what i want from him or from me", True),
        ("Ich wollte heute nicht mit ihm reden und schlief wieder auf dem Sofa", False),
        ("Он опять пришёл поздно", False),
        ("", False),
    ],
)
def test_looks_english(text: str, english: bool) -> None:
    assert looks_english(text) is english


def test_has_words_ignores_tags_and_emoji() -> None:
    assert not has_words("<br/> 💔")
    assert has_words("💔 ok")


def test_readable_text_has_no_reason() -> None:
    assert why_unreadable("I miss him.", ["I miss him."]) is None

"""When can anything be said? Lenient for short English, plain about everything else."""

from __future__ import annotations

import pytest

from tidewise.analysis.readable import (
    NOT_ENGLISH,
    NOT_SENTENCES,
    has_words,
    looks_english,
    why_unreadable,
)


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


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("milk, eggs, bread, butter, nappies, wine, bin bags", NOT_SENTENCES),
        ("Checklist: meds ✓ dog fed ✓ walk ✓ (park, 40 min, rain)", NOT_SENTENCES),
        ("Hoy no quise hablar con él. Dormí en el sofá otra vez.", NOT_ENGLISH),
        ("Je ne voulais pas lui parler. J'ai encore dormi sur le canapé.", NOT_ENGLISH),
        ("Ik wilde niet met hem praten en sliep weer op de bank.", NOT_ENGLISH),
        ("Он опять пришёл поздно и мы не говорили", NOT_ENGLISH),
    ],
)
def test_a_list_is_told_apart_from_another_language(text: str, note: str) -> None:
    assert why_unreadable(text, [text]) == note


def test_has_words_ignores_tags_and_emoji() -> None:
    assert not has_words("<br/> 💔")
    assert has_words("💔 ok")


def test_readable_text_has_no_reason() -> None:
    assert why_unreadable("I miss him.", ["I miss him."]) is None

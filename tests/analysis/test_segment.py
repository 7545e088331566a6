"""Sentence splitting: real writing, and properties that no character is lost or moved."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidewise.analysis.segment import MAX_WORDS, sentences, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He came home late. I went to bed.", ["He came home late.", "I went to bed."]),
        (
            "Mr. Patel from work called. Dr. Reyes said wait.",
            ["Mr. Patel from work called.", "Dr. Reyes said wait."],
        ),
        ("small things e.g. the dishes. then more", ["small things e.g. the dishes.", "then more"]),
        ("i dont know... I just dont", ["i dont know...", "I just dont"]),
        ("and then... nothing happened", ["and then... nothing happened"]),
        ('"Why?" she asked. I froze.', ['"Why?" she asked.', "I froze."]),
        ("he said it meant nothing!! I laughed", ["he said it meant nothing!!", "I laughed"]),
        ("we had dinner 😊 He held my hand", ["we had dinner 😊", "He held my hand"]),
        (
            "he bought flowers lol i put them in the bin",
            ["he bought flowers lol", "i put them in the bin"],
        ),
        ("line one\nline two", ["line one", "line two"]),
        ("no punctuation at all here", ["no punctuation at all here"]),
        ("", []),
        ("   \n\t ", []),
        ("ok.", ["ok."]),
        ("it costs 3.50 now. fine", ["it costs 3.50 now.", "fine"]),
    ],
)
def test_real_writing_splits_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_long_run_on_is_cut_at_a_conjunction() -> None:
    text = " ".join(["we talked"] * 15) + " and " + " ".join(["quiet again"] * 15)
    pieces = sentences(text)
    assert len(pieces) == 2
    assert pieces[1].startswith("and ")


def test_a_long_run_on_without_conjunctions_stays_whole() -> None:
    text = " ".join(["word"] * (MAX_WORDS * 2))
    assert sentences(text) == [text]


def test_a_huge_text_is_split_without_trouble() -> None:
    text = "he came home and i said nothing and " * 20_000
    spans = split_sentences(text)
    assert spans[0][0] == 0
    assert all(len(text[a:b].split()) <= MAX_WORDS + 10 for a, b in spans)


_PIECES = list("abcI .?!…\n\"')😊lo,") + [" and ", " lol ", "Mr.", "e.g.", "...", "word "]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


def _check(text: str) -> None:
    spans = split_sentences(text)
    position = 0
    rebuilt = []
    for start, end in spans:
        assert position <= start < end <= len(text)
        gap = text[position:start]
        assert gap.strip() == ""
        rebuilt += [gap, text[start:end]]
        assert text[start:end] == text[start:end].strip()
        position = end
    rebuilt.append(text[position:])
    assert text[position:].strip() == ""
    assert "".join(rebuilt) == text


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_spans_and_gaps_rebuild_the_text_in_order(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text_keeps_every_character(text: str) -> None:
    _check(text)

"""Redaction: listed names and places go everywhere, whole words, any case; guesses are offered."""

from __future__ import annotations

import pytest

from tidewise.reports.redact import Redactions, suggest_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sam came home late.", "[name] came home late."),
        ("I told SAM and sam's sister.", "I told [name] and [name]'s sister."),
        ("Samantha is not Sam.", "Samantha is not [name]."),  # whole words only
        ("We drove to Brighton, then Hove.", "We drove to [place], then [place]."),
        ("Mary Ann called; Mary did not.", "[name] called; [name] did not."),
        ("Nothing to hide here.", "Nothing to hide here."),
    ],
)
def test_listed_words_are_replaced(text: str, expected: str) -> None:
    redactions = Redactions(names=("sam", "Mary", "Mary Ann"), places=("Brighton", "Hove"))
    assert redactions.apply(text) == expected


def test_longer_names_win_over_their_parts() -> None:
    assert Redactions(names=("Ann", "Mary Ann")).apply("Mary Ann") == "[name]"


def test_blank_and_special_entries_are_harmless() -> None:
    redactions = Redactions(names=("", "  ", "a.b", "(x)"))
    assert (
        redactions.apply("a.b and axb and (x) stay apart") == "[name] and axb and [name] stay apart"
    )


def test_suggestions_skip_sentence_starts_common_words_and_known_names() -> None:
    texts = [
        "Yesterday Jordan said sorry. Then we walked to Millbrook Park.",
        "On Monday I saw Jordan again. I felt calm.",
    ]
    found = suggest_names(texts, known=("millbrook park",))
    assert found[0] == "Jordan"  # most frequent first
    assert "Yesterday" not in found and "Then" not in found and "Monday" not in found
    assert "Millbrook Park" not in found
    assert "I" not in found


def test_suggestions_are_limited() -> None:
    names = ("Avery", "Blake", "Casey", "Drew", "Emery", "Finley", "Gray", "Harper")
    text = "we met " + " and ".join(names) + " today."
    assert suggest_names([text], limit=5) == list(names[:5])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("José came.", "[name] came."),
        ("Jose\u0301 came.", "[name] came."),  # decomposed, as pasted from macOS
        ("Jo\u200bsé came.", "[name] came."),  # a zero-width space inside the name
        ("Jo\u00adsé and Jos\u2060é came.", "[name] and [name] came."),  # soft hyphen, joiner
        ("\uff2a\uff4f\uff53\uff45 came.", "[name] came."),  # fullwidth letters
        ("JOSÉ came.", "[name] came."),
        ("Josélito came.", "Josélito came."),  # still whole words only
    ],
)
def test_names_in_other_unicode_forms_are_still_redacted(text: str, expected: str) -> None:
    assert Redactions(names=("José",)).apply(text) == expected


@pytest.mark.parametrize("listed", ["Jose\u0301", "Ｊｏｓé", "jo\u200bsé", "JOSÉ"])
def test_the_listed_name_is_folded_too(listed: str) -> None:
    assert Redactions(names=(listed,)).apply("Then José left.") == "Then [name] left."


def test_folding_keeps_the_rest_of_the_text_as_written() -> None:
    text = "Ｈｅｌｌｏ — Strasse & Straße; Jo\u200bsé."
    assert Redactions(names=("José",)).apply(text) == "Ｈｅｌｌｏ — Strasse & Straße; [name]."
    assert (
        Redactions(places=("strasse",)).apply(text) == "Ｈｅｌｌｏ — [place] & [place]; Jo\u200bsé."
    )

"""Counted words: "1 entry", "2 entries", "0 entries". The one place plurals are made.

The CLI, the web pages (as the `counted` filter) and the reports call `counted`, so no
screen says "1 times" or "in 1 entries". English only, as the rest of Tidewise.
"""

from __future__ import annotations

# Nouns whose plural is not the singular plus "s".
_IRREGULAR: dict[str, str] = {"person": "people", "child": "children"}


def plural(noun: str, count: float) -> str:
    """The noun's form for `count`: singular for exactly 1, plural otherwise (0 included)."""
    if count == 1:
        return noun
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def counted(count: float, noun: str, plural_form: str | None = None) -> str:
    """ "1 entry", "2 entries", "1.5 days"; `plural_form` for a noun the rules get wrong.

    A noun of several words is counted by its first: "turn away" -> "2 turns away".
    """
    number = f"{count:g}" if isinstance(count, float) else str(count)
    if plural_form is not None:
        return f"{number} {noun if count == 1 else plural_form}"
    head, _, rest = noun.partition(" ")
    word = plural(head, count)
    return f"{number} {word} {rest}" if rest else f"{number} {word}"


def times(count: int) -> str:
    """ "once", "twice", "3 times": how a person says how often."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")

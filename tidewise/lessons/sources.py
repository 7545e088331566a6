"""Where the figures quoted in the readings come from (content/sources.json).

A reading may quote a figure only when this list names its published source: the week,
the words as the reading says them, the figure as published, and the source itself
(authors, year, title, where it was published, a DOI or address). `figures_in` finds
the figures in a text, so a test can hold every reading to that rule. Shown by
`tidewise lessons sources` and at /lessons/sources.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as package_files
from typing import Any

from tidewise.errors import ContentError

_NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
# What counts as a quoted figure: "nine in ten", "43%", "43 per cent", "one in four", and
# the size of a study ("nearly three hundred people").
_FIGURE = re.compile(
    rf"\b{_NUMBER_WORDS} (?:in|out of) (?:ten|a hundred|\d+)\b"
    r"|\b\d+(?:\.\d+)? ?(?:%|per ?cent)"
    rf"|\b(?:a|{_NUMBER_WORDS}) (?:hundred|thousand)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Source:
    week: int
    quote: str
    figure: str
    authors: str
    year: int
    title: str
    published_in: str
    reference: str

    @property
    def citation(self) -> str:
        return f"{self.authors} ({self.year}). {self.title}. {self.published_in}. {self.reference}."

    def to_dict(self) -> dict[str, Any]:
        return {
            "week": self.week,
            "quote": self.quote,
            "figure": self.figure,
            "authors": self.authors,
            "year": self.year,
            "title": self.title,
            "published_in": self.published_in,
            "reference": self.reference,
        }


@lru_cache(maxsize=1)
def sources() -> tuple[Source, ...]:
    """Every source entry, in week order (parsed once, then cached)."""
    path = package_files.files("tidewise.lessons").joinpath("content/sources.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        found = tuple(
            Source(
                week=int(item["week"]),
                quote=str(item["quote"]),
                figure=str(item["figure"]),
                authors=str(item["authors"]),
                year=int(item["year"]),
                title=str(item["title"]),
                published_in=str(item["published_in"]),
                reference=str(item["reference"]),
            )
            for item in raw
        )
    except (ValueError, KeyError, TypeError):
        msg = "sources.json does not follow its format."
        raise ContentError(msg) from None
    return tuple(sorted(found, key=lambda s: s.week))


# Said beside the list: a survey of people who chose to answer shows how common an
# experience can be, not how everyone feels; the figures are there to say "you are not
# alone", never to tell anyone what they should feel.
SURVEY_NOTE = (
    "These figures come from people who chose to answer a survey, so they show how common "
    "an experience can be, not how everyone feels."
)


def figures_in(text: str) -> list[str]:
    """The figures quoted in a text, as written ("nine in ten", "43%")."""
    return [m.group(0) for m in _FIGURE.finditer(text)]


def render() -> str:
    """Plain text for a terminal: each figure, the reading it is in, and its source."""
    lines = [
        "Sources for the figures quoted in the readings",
        "",
        "Tidewise quotes a figure only when it can name where it comes from.",
        SURVEY_NOTE,
    ]
    for item in sources():
        lines += ["", f"Week {item.week}: {item.quote}", f"  As published: {item.figure}"]
        lines.append(f"  Source: {item.citation}")
    return "\n".join(lines) + "\n"

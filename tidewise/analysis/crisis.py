"""The offline crisis resources (data/crisis_resources.json) and how to pick from them.

The list is package data so that help is shown without a journal, a passphrase or a
network. `resources_for` orders what to show first: the person's own country (when
known), emergency numbers before helplines, then the ways to find help elsewhere.
Within a country the file's order is the order of importance (the main crisis line,
the main abuse line, a text option), so the first three or four lines for any kind are
the ones a person should see first. Every line records when and where its number was
last checked (`verified`, `source`).

The United Kingdom's abuse lines differ by nation. A person may choose a nation
("UK-SCT"): that nation's line then takes the place England's has in the file, and the
other nations' lines are left out. Choosing "UK" shows every nation's lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as package_files
from typing import Any

from tidewise.analysis.types import Resource

SELF_HARM = "self_harm"
DANGER_FROM_PARTNER = "danger_from_partner"
HARM_TO_OTHERS = "harm_to_others"  # the writer fears hurting someone else, or has urges to
# The kinds the safety screen reports today (its learned head has one output per kind, so
# adding one there means retraining), and every kind the resource file has lines for.
KINDS: tuple[str, ...] = (SELF_HARM, DANGER_FROM_PARTNER)
ALL_KINDS: tuple[str, ...] = (*KINDS, HARM_TO_OTHERS)
ELSEWHERE = "INTL"  # the entries for every other country: a directory, "your local number"

# Country codes people type, mapped to the codes the data file uses.
_COUNTRY_ALIASES = {
    "GB": "UK",
    "USA": "US",
    "AUS": "AU",
    "NZL": "NZ",
    "CAN": "CA",
    "IRL": "IE",
    "ENGLAND": "UK-ENG",
    "SCOTLAND": "UK-SCT",
    "WALES": "UK-WLS",
    "NORTHERN IRELAND": "UK-NIR",
    "NI": "UK-NIR",
}

_CHANNEL_WORDS = {"call": "call", "text": "text", "chat": "chat online", "directory": "a directory"}
_KIND_WORDS = {
    SELF_HARM: "thoughts of suicide or self-harm",
    DANGER_FROM_PARTNER: "danger, threats or control from a partner",
    HARM_TO_OTHERS: "fear of hurting someone else",
}


@dataclass(frozen=True)
class CrisisEntry:
    """One line of the data file, with everything the file records about it."""

    country: str
    name: str
    contact: str
    channels: tuple[str, ...]
    hours: str
    kinds: tuple[str, ...]
    emergency: bool
    verified: str
    source: str
    nations: tuple[str, ...] = ()  # UK lines for one nation only ("SCT"); () serves all

    def serves(self, nation: str | None) -> bool:
        """Is this line for someone in `nation` (None: no nation chosen)?"""
        return nation is None or not self.nations or nation in self.nations

    @property
    def offers(self) -> str:
        """A plain sentence: how to reach it, when, and for what."""
        ways = [_CHANNEL_WORDS.get(c, c) for c in self.channels]
        how = ways[0] if len(ways) == 1 else ", ".join(ways[:-1]) + " or " + ways[-1]
        words = [_KIND_WORDS[k] for k in self.kinds]
        what = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
        prefix = "Emergency: " if self.emergency else ""
        return f"{prefix}{how[0].upper()}{how[1:]}; {self.hours}. For {what}."

    def to_resource(self) -> Resource:
        return Resource(
            country=self.country, name=self.name, contact=self.contact, offers=self.offers
        )


def _entry(raw: dict[str, Any]) -> CrisisEntry:
    return CrisisEntry(
        country=str(raw["country"]),
        name=str(raw["name"]),
        contact=str(raw["contact"]),
        channels=tuple(str(c) for c in raw["channels"]),
        hours=str(raw["hours"]),
        kinds=tuple(str(k) for k in raw["kinds"]),
        emergency=bool(raw["emergency"]),
        verified=str(raw["verified"]),
        source=str(raw["source"]),
        nations=tuple(str(n) for n in raw.get("nations", ())),
    )


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = package_files.files("tidewise.analysis").joinpath("data/crisis_resources.json")
    loaded: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=1)
def crisis_entries() -> tuple[CrisisEntry, ...]:
    """Every entry of the data file, in the file's order."""
    return tuple(_entry(raw) for raw in _data()["resources"])


def countries() -> dict[str, str]:
    """Country code -> name, for the countries the file covers (plus INTL)."""
    return {str(k): str(v) for k, v in _data()["countries"].items()}


def normalise_country(country: str | None) -> str | None:
    """'gb' -> 'UK'; unknown or empty codes -> None (then every country is shown)."""
    if not country:
        return None
    code = " ".join(country.strip().upper().replace("GB-", "UK-").split())
    code = _COUNTRY_ALIASES.get(code, code)
    return code if code in countries() and code != ELSEWHERE else None


def _split(code: str | None) -> tuple[str | None, str | None]:
    """'UK-SCT' -> ('UK', 'SCT'); 'IE' -> ('IE', None)."""
    if code is None:
        return None, None
    base, _, nation = code.partition("-")
    return base, nation or None


def _country_rank(country: str | None) -> dict[str, int]:
    order = [c for c in countries() if c != ELSEWHERE and "-" not in c]
    if country in order:
        order.remove(country)
        order.insert(0, country)
    ranks = {code: i for i, code in enumerate(order)}
    ranks[ELSEWHERE] = len(order)
    return ranks


def select_entries(
    kinds: Iterable[str] = ALL_KINDS, country: str | None = None
) -> list[CrisisEntry]:
    """Entries for any of `kinds`: the given country first (or all, in the file's order),
    emergency numbers first within each country, then INTL (how to find help elsewhere).
    With a known country, only that country and INTL are returned."""
    wanted = set(kinds) or set(ALL_KINDS)
    code, nation = _split(normalise_country(country))
    ranks = _country_rank(code)
    chosen = [
        e
        for e in crisis_entries()
        if wanted & set(e.kinds)
        and (code is None or e.country in (code, ELSEWHERE))
        and e.serves(nation)
    ]
    # Emergency first, then the file's order; a chosen nation's own line takes the place
    # of the first nation's line in the file (England's abuse line comes third in the UK).
    order = {id(e): i for i, e in enumerate(crisis_entries())}
    nation_slot = min((order[id(e)] for e in crisis_entries() if e.nations), default=0)

    def place(entry: CrisisEntry) -> int:
        own = nation is not None and nation in entry.nations
        return nation_slot if own else order[id(entry)]

    return sorted(
        chosen,
        key=lambda e: (ranks.get(e.country, len(ranks)), not e.emergency, place(e)),
    )


def resources_for(
    kinds: Iterable[str] = ALL_KINDS, country: str | None = None
) -> tuple[Resource, ...]:
    """The `Safety.resources` list: what to show first for these kinds of concern."""
    return tuple(e.to_resource() for e in select_entries(kinds, country))

"""The safety screen, the crisis resource list, and the screen on the labelled set."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources as package_files

import pytest

from bench.bench_safety import FPR_BAR, RECALL_BAR, half_of, load_labelled, measure
from tidewise.analysis.crisis import (
    ALL_KINDS,
    DANGER_FROM_PARTNER,
    KINDS,
    SELF_HARM,
    countries,
    crisis_entries,
    normalise_country,
    resources_for,
    select_entries,
)
from tidewise.analysis.safety import explain, screen, screen_sentence
from tidewise.analysis.safety_text import normalise
from tidewise.analysis.types import Safety

NAMED_COUNTRIES = ("US", "UK", "CA", "AU", "IE", "NZ")


# ---- the screen ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Everyone would be better off without me.",
        "I don't want to wake up tomorrow.",
        "I've been looking at the pills again.",
        "What's the point of being here?",
        "i dont wanna be here anymore",
        "I want to kill myself.",
    ],
)
def test_self_harm_is_flagged(sentence: str) -> None:
    assert screen_sentence(sentence) == (SELF_HARM,)


@pytest.mark.parametrize(
    "sentence",
    [
        "He put his hands around my neck.",
        "He checks my phone every night.",
        "He said if I leave he'll kill me.",
        "He threatened to take the kids and I'd never see them again.",
        "He forced me to have sex.",
        "He tracks my location all day.",
    ],
)
def test_danger_from_partner_is_flagged(sentence: str) -> None:
    assert screen_sentence(sentence) == (DANGER_FROM_PARTNER,)


@pytest.mark.parametrize(
    "sentence",
    [
        "This is killing me.",
        "I could kill him.",
        "I'm dying to know.",
        "I'm done with this marriage.",
        "I want to disappear into a book for a week.",
        "I check his phone every night.",
        "He hurt me so badly with the affair.",
        "I would never hurt myself, the kids need me.",
        "I'm not suicidal, just exhausted.",
        "He beat me at cards.",
    ],
)
def test_figures_of_speech_and_denials_are_not_flagged(sentence: str) -> None:
    assert screen_sentence(sentence) == ()


def test_doubt_or_history_overrides_a_denial() -> None:
    assert screen_sentence("I'm not sure I won't hurt myself tonight.") == (SELF_HARM,)
    assert screen_sentence("I haven't cut in two years but I want to.") == (SELF_HARM,)
    assert screen_sentence("I'm not suicidal anymore.") == (SELF_HARM,)  # history: gently


def test_a_past_attempt_still_flags() -> None:
    assert screen_sentence("Years ago I attempted suicide.") == (SELF_HARM,)


def test_screen_names_kinds_sentences_and_resources() -> None:
    result = screen(["We had dinner.", "He choked me.", "I want to die."])
    assert result.concern and result.screened
    assert result.kinds == KINDS  # in the fixed order, whatever the sentence order
    assert result.sentences == (1, 2)
    assert result.resources == resources_for(KINDS)
    assert Safety.from_dict(result.to_dict()) == result


def test_no_concern_means_no_resources() -> None:
    result = screen(["We watched a film.", "I miss him."])
    assert result == Safety(concern=False)
    assert screen([]) == Safety(concern=False)


def test_screen_is_deterministic_and_explains_itself() -> None:
    sentences = ["i want 2 die lol", "he grabbed my wrist so hard it bruised"]
    assert screen(sentences) == screen(sentences)
    hits = explain(["He put his hands around my neck."])
    assert [(h.sentence, h.kind, h.rule) for h in hits] == [
        (0, DANGER_FROM_PARTNER, "hands on neck")
    ]
    assert hits[0].text == "hands around my neck"


def test_normalise_spells_out_shorthand_without_breaking_words() -> None:
    assert normalise("He'll  SOOOO  u") == "he will soo you"
    assert normalise("she wishes he punched") == "she wishes he punched"
    assert normalise("im dont\u2019") == "i'm dont'"


def test_country_comes_first_when_known() -> None:
    chosen = resources_for(KINDS, "gb")
    assert {r.country for r in chosen} == {"UK", "INTL"}
    assert chosen[0].country == "UK" and "999" in chosen[0].contact
    assert resources_for(KINDS, "atlantis") == resources_for(KINDS)


def test_kinds_filter_resources() -> None:
    only_self = resources_for((SELF_HARM,))
    assert all("self-harm" in r.offers for r in only_self)
    assert not any("Domestic" in r.name for r in only_self)


# ---- the crisis list ----------------------------------------------------------------------


def test_crisis_list_is_complete_for_the_named_countries() -> None:
    for country in NAMED_COUNTRIES:
        entries = [e for e in crisis_entries() if e.country == country]
        assert any(e.emergency for e in entries), country
        for kind in KINDS:
            helplines = [e for e in entries if kind in e.kinds and not e.emergency]
            assert helplines, (country, kind)
    elsewhere = [e for e in crisis_entries() if e.country == "INTL"]
    assert any("findahelpline.com" in e.contact for e in elsewhere)
    assert any(e.emergency and "local emergency number" in e.contact for e in elsewhere)


def test_every_entry_records_what_it_offers_when_checked_and_where() -> None:
    raw = json.loads(
        package_files.files("tidewise.analysis")
        .joinpath("data/crisis_resources.json")
        .read_text(encoding="utf-8")
    )
    names = countries()
    for entry in raw["resources"]:
        assert entry["country"] in names
        assert set(entry["kinds"]) <= set(ALL_KINDS) and entry["kinds"]
        assert entry["channels"] and entry["hours"] and entry["contact"] and entry["name"]
        assert date.fromisoformat(entry["verified"]) <= date.today()
        assert len(entry["source"]) > 10


def test_well_known_numbers_are_present() -> None:
    contacts = " ".join(e.contact for e in crisis_entries())
    for number in (
        "988",
        "741741",
        "116 123",
        "1-800-799-7233",
        "0808 2000 247",
        "13 11 14",
        "1800 737 732",
        "1737",
        "0800 543 354",
        "1800 341 900",
    ):
        assert number in contacts, number
    for emergency in ("911", "999", "112", "000", "111"):
        assert re.search(rf"\b{emergency}\b", contacts), emergency


def test_normalise_country() -> None:
    assert normalise_country(" us ") == "US"
    assert normalise_country("GB") == "UK"
    assert normalise_country("INTL") is None
    assert normalise_country(None) is None
    assert [e.country for e in select_entries(country="NZ")][-1] == "INTL"


# ---- the labelled set (corpus/safety) ------------------------------------------------------


def test_labelled_set_has_the_promised_size_and_shape() -> None:
    examples = load_labelled()
    crisis = [e for e in examples if e.kind is not None]
    negatives = [e for e in examples if e.kind is None]
    assert len(crisis) >= 160 and len(negatives) >= 320
    assert {e.kind for e in crisis} == set(KINDS)
    assert len({e.text for e in examples}) == len(examples)  # no duplicates across files
    assert {half_of(e.text) for e in examples} == {"tune", "held-out"}


def test_screen_meets_the_bars_on_the_labelled_set() -> None:
    scores = measure(load_labelled())
    assert scores.recall >= RECALL_BAR
    assert scores.fpr <= FPR_BAR

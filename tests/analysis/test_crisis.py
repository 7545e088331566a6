"""The crisis resource list: lines for every kind, checked, and in the order to see them."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tidewise.analysis.crisis import (
    ALL_KINDS,
    DANGER_FROM_PARTNER,
    HARM_TO_OTHERS,
    KINDS,
    SELF_HARM,
    crisis_entries,
    normalise_country,
    resources_for,
    select_entries,
)

NAMED_COUNTRIES = ("US", "UK", "CA", "AU", "IE", "NZ")
CHECKED_TODAY = date(2026, 12, 4)

# Lines added in this round, each checked against the service's own page on CHECKED_TODAY.
NEW_LINES = {
    "UK": ("85258", "0808 802 4040", "0800 027 1234", "0808 80 10 800", "0800 999 5428"),
    "US": ("1-844-762-8483",),
    "CA": ("1-855-242-3310",),
    "AU": ("13 92 76",),
    "NZ": ("0508 744 633",),
}
# Lines added in the third round (press reports or official pages where the service's own
# page was not among the stored copies: their `source` says so).
THIRD_ROUND = {
    "UK": ("0808 802 1414",),
    "IE": ("1800 247 247", "50808", "01 554 3811"),
    "AU": ("1300 659 467", "1300 78 99 78"),
    "CA": ("1-800-363-9010",),
}


def test_the_screen_kinds_are_a_subset_of_the_resource_kinds() -> None:
    assert set(KINDS) < set(ALL_KINDS) and HARM_TO_OTHERS in ALL_KINDS


@pytest.mark.parametrize("country", NAMED_COUNTRIES)
def test_every_named_country_has_lines_for_every_kind(country: str) -> None:
    for kind in ALL_KINDS:
        chosen = [e for e in select_entries((kind,), country) if e.country == country]
        assert chosen and chosen[0].emergency, (country, kind)
        assert any(not e.emergency for e in chosen), (country, kind)


@pytest.mark.parametrize("country", NAMED_COUNTRIES)
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_the_first_lines_are_the_ones_to_see_first(country: str, kind: str) -> None:
    chosen = [e for e in select_entries((kind,), country) if e.country == country]
    first = chosen[:4]
    assert first[0].emergency and not any(e.emergency for e in first[1:])
    # A text option, where the country has one for this kind, is among the first four.
    if any("text" in e.channels for e in chosen):
        assert any("text" in e.channels for e in first), (country, kind)


def test_uk_order_for_each_kind() -> None:
    def names(kind: str) -> list[str]:
        return [e.name for e in select_entries((kind,), "UK") if e.country == "UK"][:4]

    assert names(SELF_HARM)[:3] == ["Emergency services", "Samaritans", "Shout"]
    assert names(DANGER_FROM_PARTNER)[:3] == [
        "Emergency services",
        "National Domestic Abuse Helpline, England (run by Refuge)",
        "Shout",
    ]
    assert names(HARM_TO_OTHERS)[:2] == ["Emergency services", "Samaritans"]
    assert any(name.startswith("Respect Phoneline") for name in names(HARM_TO_OTHERS))


@pytest.mark.parametrize("lines", [NEW_LINES, THIRD_ROUND])
def test_new_lines_are_present_checked_today_and_sourced(lines: dict[str, tuple[str, ...]]) -> None:
    for country, numbers in lines.items():
        entries = [e for e in crisis_entries() if e.country == country]
        for number in numbers:
            found = [e for e in entries if number in e.contact]
            assert len(found) == 1, (country, number)
            line = found[0]
            assert date.fromisoformat(line.verified) == CHECKED_TODAY, line.name
            # The address of the page that was checked.
            assert re.search(r"\b[a-z0-9.-]+\.[a-z]{2,}/", line.source), line.name


def test_no_line_claims_a_check_it_did_not_have() -> None:
    for entry in crisis_entries():
        checked = date.fromisoformat(entry.verified)
        assert date(2026, 11, 25) <= checked <= CHECKED_TODAY, entry.name
        assert len(entry.source) > 10


def test_uk_abuse_lines_reach_beyond_england() -> None:
    names = " ".join(e.name for e in crisis_entries() if e.country == "UK")
    for wanted in ("Scotland", "Wales", "LGBT+", "Men's Advice Line"):
        assert wanted in names


@pytest.mark.parametrize("country", NAMED_COUNTRIES)
def test_an_abuse_line_not_branded_for_women_only(country: str) -> None:
    lines = [
        e
        for e in crisis_entries()
        if e.country == country and DANGER_FROM_PARTNER in e.kinds and not e.emergency
    ]
    assert any("women" not in e.name.lower() for e in lines), country


def test_harm_to_others_lines_say_what_they_are_for() -> None:
    uk = resources_for((HARM_TO_OTHERS,), "UK")
    assert uk[0].country == "UK" and "999" in uk[0].contact
    assert all("fear of hurting someone else" in r.offers for r in uk)
    assert any("0808 802 4040" in r.contact for r in uk)
    anywhere = resources_for((HARM_TO_OTHERS,))
    assert anywhere[-1].country == "INTL"


def test_offers_lists_every_kind_in_plain_words() -> None:
    emergency = next(e for e in crisis_entries() if e.country == "US" and e.emergency)
    assert emergency.offers.endswith(
        "For thoughts of suicide or self-harm, danger, threats or control from a partner "
        "and fear of hurting someone else."
    )


def test_default_selection_covers_every_kind() -> None:
    assert {k for e in select_entries() for k in e.kinds} == set(ALL_KINDS)


@pytest.mark.parametrize(
    ("nation", "own_line"),
    [
        ("UK-ENG", "0808 2000 247"),
        ("UK-SCT", "0800 027 1234"),
        ("UK-WLS", "0808 80 10 800"),
        ("UK-NIR", "0808 802 1414"),
    ],
)
def test_a_uk_nation_sees_its_own_abuse_line_where_englands_would_be(
    nation: str, own_line: str
) -> None:
    chosen = select_entries((DANGER_FROM_PARTNER,), nation)
    assert chosen[0].emergency and own_line in chosen[1].contact
    others = {"0808 2000 247", "0800 027 1234", "0808 80 10 800", "0808 802 1414"} - {own_line}
    assert not any(number in e.contact for e in chosen for number in others)
    # Lines for the whole UK stay (a text option, LGBT+, men).
    assert any("85258" in e.contact for e in chosen)
    # With every kind, the main crisis line still comes before the abuse line.
    every = [e.name for e in select_entries(ALL_KINDS, nation) if e.country == "UK"]
    assert every[:2] == ["Emergency services", "Samaritans"]
    assert any(own_line in e.contact for e in select_entries(ALL_KINDS, nation)[2:3])


def test_the_whole_uk_still_sees_every_nation() -> None:
    contacts = " ".join(e.contact for e in select_entries((DANGER_FROM_PARTNER,), "UK"))
    for number in ("0808 2000 247", "0800 027 1234", "0808 80 10 800", "0808 802 1414"):
        assert number in contacts


@pytest.mark.parametrize(
    ("typed", "code"),
    [("scotland", "UK-SCT"), ("gb-nir", "UK-NIR"), ("Northern  Ireland", "UK-NIR"), ("gb", "UK")],
)
def test_nations_can_be_typed_by_name_or_code(typed: str, code: str) -> None:
    assert normalise_country(typed) == code


def test_every_uk_nation_line_names_a_known_nation() -> None:
    for entry in crisis_entries():
        assert set(entry.nations) <= {"ENG", "SCT", "WLS", "NIR"}
        assert not entry.nations or entry.country == "UK"

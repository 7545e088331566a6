"""Label titles and the cycle's order: one source for every page, chart and command."""

from __future__ import annotations

from tidewise.cycle.labels import CYCLE_ORDER, LABEL_TITLES, PHASES, Label, title


def test_a_label_name_gets_its_plain_title() -> None:
    assert title("attachment_shame") == "Shame for reaching"
    assert title(Label.EXHAUSTION) == "Worn out"


def test_an_unknown_name_comes_back_as_given_or_as_the_callers_words() -> None:
    assert title("unsure") == "unsure"
    assert title("", unknown="none") == "none"
    assert title("not_a_label", unknown="no clear phase") == "no clear phase"


def test_every_label_has_a_title() -> None:
    assert set(LABEL_TITLES) == set(Label)


def test_the_cycle_order_holds_each_phase_once_starting_from_reaching() -> None:
    assert sorted(CYCLE_ORDER) == sorted(PHASES)
    assert len(CYCLE_ORDER) == len(PHASES)
    assert CYCLE_ORDER[0] is Label.REACHING
    # Shame for reaching follows reaching; shame from the rupture leads back to it.
    assert CYCLE_ORDER[1] is Label.ATTACHMENT_SHAME
    assert CYCLE_ORDER[-1] is Label.DISCONNECTION_SHAME

"""The clinical review's wording rules for the care content: grounding that is safe in a
panic or while dissociating, suicide named plainly where safety is at stake, abuse
safety advice that does not put the person at risk, and figures held to their source."""

from __future__ import annotations

import re
from dataclasses import replace

from tidewise.analysis.crisis import HARM_TO_OTHERS, SELF_HARM, crisis_entries
from tidewise.analysis.types import EntryAnalysis, Safety, SentenceAnalysis, Shame
from tidewise.cycle.labels import Distancing, Label, Movement
from tidewise.lessons.grounding import GROUNDING
from tidewise.lessons.model import lessons
from tidewise.lessons.reflections import choose_reflection, reflections, safety_reply
from tidewise.lessons.safety_plan import HOME, HOME_NOTE, SECTIONS, sections_of
from tidewise.lessons.sources import SURVEY_NOTE, render, sources


def _sentence(text: str, label: str) -> SentenceAnalysis:
    return SentenceAnalysis(text, 0, len(text), Label(label), {label: 1.0})


def _entry(phase: str, *texts: str) -> EntryAnalysis:
    return EntryAnalysis(
        version="test",
        sentences=tuple(_sentence(t, phase) for t in texts),
        movement=Movement.AWAY,
        phase=Label(phase),
        shame=Shame(),
        shame_voice=(),
        distancing=Distancing.NONE,
        safety=Safety(concern=False),
    )


def _chosen(entry: EntryAnalysis) -> set[str | None]:
    return {choose_reflection(entry, seed=s).reflection_id for s in range(200)}


# ---- grounding ----------------------------------------------------------------------------


def _grounding_text() -> str:
    return " ".join((GROUNDING.intro, *GROUNDING.steps, GROUNDING.closing)).lower()


def test_grounding_never_asks_anyone_to_hold_their_breath() -> None:
    text = _grounding_text()
    assert not re.search(r"\bhold (?:your|the|it|for)\b", text)
    assert "no pause" in text


def test_grounding_keeps_eyes_open_and_stops_when_it_feels_worse() -> None:
    text = _grounding_text()
    assert "eyes open" in text and "close your eyes" not in text
    assert "feel worse" in text and "stop" in text
    assert "makes things worse, skip" in text  # the breathing step can be left out


def test_grounding_puts_real_danger_first_and_names_suicide() -> None:
    assert "in danger right now" in GROUNDING.intro and "emergency number" in GROUNDING.intro
    assert "suicide" in GROUNDING.closing
    assert "wrist" not in _grounding_text()


# ---- the help reply -----------------------------------------------------------------------


def test_the_self_harm_reply_names_suicide_urgency_and_means() -> None:
    text = safety_reply((SELF_HARM,)).text
    assert "thoughts of suicide" in text
    assert "act on these thoughts soon" in text and "emergency" in text
    assert "medicines" in text and "out of reach" in text
    # Autonomy is about reaching out, never about what to do with the thoughts.
    assert "what you do next is your choice" not in text
    assert "reaching out is your choice" in text


def test_the_danger_reply_names_the_lethality_signs() -> None:
    from tidewise.analysis.crisis import DANGER_FROM_PARTNER

    text = safety_reply((DANGER_FROM_PARTNER,)).text
    for sign in ("strangling", "threats to kill", "weapon", "pet"):
        assert sign in text
    assert "even if nothing worse has happened" in text and "advocate" in text


def test_the_harm_to_others_reply_does_not_assume_nothing_has_happened() -> None:
    text = safety_reply((HARM_TO_OTHERS,)).text
    assert "before anything happens" not in text
    assert "distance between you and that person" in text


# ---- reflections --------------------------------------------------------------------------


def test_wanting_it_all_to_end_never_hears_about_rest_or_peace() -> None:
    for words in ("I just want it all to end.", "I want to sleep and never wake up."):
        entry = _entry("exhaustion", "I am so tired of fighting.", words)
        chosen = _chosen(entry)
        for rid in ("r-tired-01", "r-tired-04", "r-tired-06", "r-tired-08"):
            assert rid not in chosen, (words, rid)
    plain = _entry("exhaustion", "I just want the fighting to stop.")
    assert "r-tired-04" in _chosen(plain)


def test_wishing_the_partner_to_feel_it_beside_being_gone_is_not_validated() -> None:
    entry = _entry("punishing", "I want him to feel what I feel.", "He will miss me when I'm gone.")
    assert "r-punish-03" not in _chosen(entry)


def test_giving_up_is_not_read_as_a_turn_back_toward_the_partner() -> None:
    entry = _entry("exhaustion", "I want to give up.")
    assert "r-tired-08" not in _chosen(entry)


def test_being_cut_off_by_the_partner_is_not_called_the_writers_own_pulling_back() -> None:
    chose = _entry("withdrawing", "I cancelled on my friends again.")
    assert "r-withdraw-07" in _chosen(chose)
    cut_off = _entry("withdrawing", "He won't let me see my friends, so I cancelled again.")
    assert "r-withdraw-07" not in _chosen(cut_off)
    only_mentioned = _entry("withdrawing", "We had a family dinner and I went cold.")
    assert "r-withdraw-07" not in _chosen(only_mentioned)


def test_being_called_crazy_is_not_read_as_feeling_crazy() -> None:
    told = _entry("attachment_shame", "He says I'm crazy for still loving him.")
    assert "r-ashame-09" not in _chosen(told)
    felt = _entry("attachment_shame", "I feel crazy wanting him and hating him.")
    assert "r-ashame-09" in _chosen(felt)


def test_guilt_about_something_else_is_not_told_that_no_one_was_harmed() -> None:
    other = _entry("attachment_shame", "I let him hold me again.")
    other = replace(
        other,
        sentences=(*other.sentences, _sentence("I feel guilty I yelled at the kids.", "neutral")),
    )
    assert "r-ashame-03" not in _chosen(other)
    for item in reflections():
        assert "does not seem to have harmed anyone" not in item.text


def test_feeling_trapped_points_to_help_if_it_turns_to_suicide() -> None:
    text = next(r.text for r in reflections() if r.id == "r-factor-stuck-02")
    assert "suicide" in text and "help screen" in text


def test_own_aggression_is_not_excused_by_the_first_injury() -> None:
    for item in reflections():
        if item.when.get("factor") == "own_aggression":
            assert "responsible for the first injury" not in item.text


# ---- the safety plan ----------------------------------------------------------------------


def test_the_plan_asks_about_means_in_plain_words() -> None:
    prompt = next(s.prompt for s in SECTIONS if s.key == "safer_space").lower()
    assert "hurt myself" in prompt and "medicines" in prompt


def test_the_home_part_does_not_put_the_person_at_risk_if_read() -> None:
    note = HOME_NOTE.lower()
    assert "code word in your head" in note and "someone you trust" in note
    assert "strangling" in note and "threats to kill" in note and "emergency number" in note
    prompts = {s.key: s.prompt.lower() for s in sections_of(HOME)}
    assert "can alert someone" in prompts["devices"]
    assert "never step in" in prompts["children"]
    assert "stay in my head" in prompts["code_word"]
    assert "out of my partner's reach" in prompts["documents"]


# ---- readings and sources -----------------------------------------------------------------


def test_readings_that_send_people_to_help_name_suicide_plainly() -> None:
    for week in (13, 14, 15):
        assert "suicide" in lessons()[week - 1].body, week


def test_the_readings_that_follow_week_13_are_not_said_to_be_missing() -> None:
    body = lessons()[12].body
    assert "series ends here" not in body and "last reading" not in body
    assert len(lessons()) >= 15


def test_grounding_in_the_reading_is_as_safe_as_the_exercise() -> None:
    body = lessons()[13].body.lower()
    assert "wrist" not in body and "danger has passed" not in body
    assert "eyes open" in body and "feel worse" in body


def test_week_7_quotes_the_professional_as_the_study_does() -> None:
    quote = next(s.quote for s in sources() if s.week == 7 and "four in ten" in s.quote)
    assert "professional" in quote and quote in lessons()[6].body


def test_the_sources_list_says_the_figures_are_a_surveys() -> None:
    assert SURVEY_NOTE in render()


def test_uk_abuse_line_for_england_says_so() -> None:
    names = [e.name for e in crisis_entries() if e.country == "UK"]
    assert any("Refuge" in n and "England" in n for n in names)

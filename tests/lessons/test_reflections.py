"""Choosing the reply after an entry: every reflection reachable, safety above all."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tidewise.analysis.crisis import DANGER_FROM_PARTNER, SELF_HARM, resources_for
from tidewise.analysis.safety import screen
from tidewise.analysis.types import EntryAnalysis, Safety, SentenceAnalysis, Shame
from tidewise.cycle.labels import Distancing, Label, Movement
from tidewise.lessons.model import lessons
from tidewise.lessons.reflections import (
    RECENT_TURNS,
    Reflection,
    choose_reflection,
    detect_factor,
    reflections,
)

# A sentence for each factor that raises it without naming anything a `needs` looks for.
FACTOR_WORDS = {
    "unhealthy": "He belittles me in front of everyone.",
    "own_aggression": "I screamed at him.",
    "stuck": "I feel so stuck here.",
    "judgement": "My mother says I should know better.",
    "carried_shame": "Everyone knows.",
}

# For each reflection that names something particular, a sentence that holds it.
EXAMPLES = {
    "r-reach-02": "I let myself hope a little tonight.",
    "r-reach-03": "We laughed over dinner.",
    "r-reach-04": "He apologised again and I let it land.",
    "r-reach-05": "I wanted to hug him.",
    "r-reach-06": "I felt calm next to him.",
    "r-reach-07": "I believed him this time.",
    "r-reach-09": "It was a lovely evening.",
    "r-ashame-02": "I hate that I still love him.",
    "r-ashame-03": "I felt guilty for sleeping with my own husband.",
    "r-ashame-04": "What does it say about me that I went back to him?",
    "r-ashame-05": "Where is my self-respect?",
    "r-ashame-06": "I felt like a fool afterwards.",
    "r-ashame-07": "I hate needing him this much.",
    "r-ashame-08": "We had sex and I felt dirty after.",
    "r-ashame-09": "I feel crazy wanting him and hating him.",
    "r-dshame-02": "It is my fault he looked elsewhere.",
    "r-dshame-03": "It was humiliating to walk into that room.",
    "r-dshame-04": "She is younger than me.",
    "r-dshame-05": "I should have seen it coming.",
    "r-dshame-06": "Nobody will ever want me now.",
    "r-dshame-07": "It feels like growing up in that house again.",
    "r-dshame-08": "I keep trying so hard to be enough.",
    "r-withdraw-02": "I feel numb around him.",
    "r-withdraw-03": "I slept in the spare room.",
    "r-withdraw-04": "I do not want him to touch me.",
    "r-withdraw-05": "It is a relief to be apart.",
    "r-withdraw-06": "I avoided him all evening.",
    "r-withdraw-07": "I cancelled on my friends again.",
    "r-withdraw-08": "I shut down when he came in.",
    "r-punish-02": "We had a huge fight.",
    "r-punish-03": "I want him to feel what I feel.",
    "r-punish-04": "I brought up the affair again.",
    "r-punish-05": "He disgusts me.",
    "r-punish-06": "We had a nice morning together.",
    "r-punish-08": "I am furious.",
    "r-tired-02": "I miss how we used to be.",
    "r-tired-03": "I feel so lonely.",
    "r-tired-04": "I just want the fighting to stop.",
    "r-tired-05": "I don't care who is right anymore.",
    "r-tired-07": "I want one ordinary day.",
    "r-tired-08": "I am too tired to keep this up.",
    "r-still-04": "Why did he do it?",
    "r-voice-01": "What is wrong with you?",
    "r-voice-02": "You are pathetic.",
    "r-voice-03": "What am I doing?",
    "r-factor-stuck-03": "I can't afford the rent alone.",
    "r-factor-judgement-02": "I worry what people will think.",
    "r-factor-judgement-03": "Our church would not understand.",
    "r-factor-carried-02": "I have felt this since I was a child.",
    "r-factor-carried-03": "It reflects on me.",
}


def _sentence(text: str, label: str) -> SentenceAnalysis:
    return SentenceAnalysis(text, 0, len(text), Label(label), {label: 1.0})


def _analysis(
    *,
    phase: str = "neutral",
    movement: str = "toward",
    distancing: str = "none",
    shame_voice: tuple[str, ...] = (),
    text: str = "We had dinner.",
    safety: Safety | None = None,
    more: tuple[SentenceAnalysis, ...] = (),
) -> EntryAnalysis:
    return EntryAnalysis(
        version="test",
        sentences=(_sentence(text, phase), *more),
        movement=Movement(movement),
        phase=Label(phase),
        shame=Shame(),
        shame_voice=shame_voice,
        distancing=Distancing(distancing),
        safety=safety or Safety(concern=False),
    )


def _analysis_for(
    item: Reflection, *, with_example: bool = True
) -> tuple[EntryAnalysis, str | None]:
    """The plainest analysis (and recent turn) that fits this reflection's `when`, holding
    the words its `needs` look for unless `with_example` is False."""
    when = item.when
    turn = when["recent_turn"][0] if "recent_turn" in when else None
    phase = when.get("phase", ["neutral"])[0]
    voice: tuple[str, ...] = ("Pathetic, as always.",) if when.get("shame_voice") else ()
    more: tuple[SentenceAnalysis, ...] = ()
    if item.needs is not None and with_example:
        example = EXAMPLES[item.id]
        if item.needs.within == "shame_voice":
            voice = (example,)
        else:
            label = phase if item.needs.within == "any" else item.needs.within
            more = (_sentence(example, label),)
    analysis = _analysis(
        phase=phase,
        movement=when.get("movement", ["toward"])[0],
        distancing=when.get("distancing", ["none"])[0],
        shame_voice=voice,
        text=FACTOR_WORDS.get(when.get("factor", ""), "We had dinner."),
        more=more,
    )
    return analysis, turn


def test_there_are_enough_reflections_and_they_point_to_real_lessons() -> None:
    items = reflections()
    assert len(items) >= 60
    weeks = {item.week for item in lessons()}
    assert all(item.lesson in weeks for item in items)
    assert all(item.text.endswith("?") and item.text.count("?") == 1 for item in items)


def test_every_reflection_is_reachable_from_some_analysis() -> None:
    unreached = []
    for item in reflections():
        analysis, turn = _analysis_for(item)
        chosen = {choose_reflection(analysis, turn, seed=seed).reflection_id for seed in range(400)}
        if item.id not in chosen:
            unreached.append(item.id)
    assert unreached == []


def test_choice_is_deterministic_and_varies_with_the_seed() -> None:
    analysis = _analysis(phase="reaching")
    first = choose_reflection(analysis, seed=7)
    assert first == choose_reflection(analysis, seed=7)
    assert len({choose_reflection(analysis, seed=s).reflection_id for s in range(30)}) > 1
    assert first.kind == "reflection" and first.lesson is not None


def test_more_specific_tiers_win() -> None:
    torn = choose_reflection(_analysis(phase="reaching", movement="torn"))
    assert torn.reflection_id is not None and "torn" in torn.reflection_id
    voice = _analysis(phase="reaching", movement="torn", shame_voice=("Where is my self-respect?",))
    assert choose_reflection(voice).reflection_id in {
        r.id for r in reflections() if "shame_voice" in r.when
    }
    factor = replace(voice, sentences=_analysis(text=FACTOR_WORDS["stuck"]).sentences)
    assert "stuck" in str(choose_reflection(factor, "repeated_swing").reflection_id)


@pytest.mark.parametrize("factor", sorted(FACTOR_WORDS))
def test_factor_cues(factor: str) -> None:
    assert detect_factor(_analysis(text=FACTOR_WORDS[factor])) == factor
    assert detect_factor(_analysis(text="We watched a film together.")) is None


def test_safety_outranks_every_other_reply() -> None:
    danger = screen(["He put his hands around my neck."])
    for item in reflections():
        analysis, turn = _analysis_for(item)
        reply = choose_reflection(replace(analysis, safety=danger), turn, seed=1)
        assert reply.kind == "safety", item.id
        assert reply.offer_safety_plan and reply.resources == danger.resources
        assert reply.concerns == (DANGER_FROM_PARTNER,)
        assert reply.reflection_id is None


def test_safety_reply_leads_with_help_for_each_kind() -> None:
    self_harm = choose_reflection(_analysis(safety=screen(["I want to die."])))
    assert self_harm.text.startswith("What you wrote sounds like a great deal of pain")
    assert "choice" in self_harm.text and "not told anyone" in self_harm.text
    both = choose_reflection(_analysis(safety=screen(["I want to die.", "He hit me."])))
    assert both.concerns == (SELF_HARM, DANGER_FROM_PARTNER)
    assert "whether you stay or go" in both.text
    uk = choose_reflection(_analysis(safety=screen(["He hit me."])), country="UK")
    assert uk.resources[0].country == "UK"
    assert uk.resources == resources_for((DANGER_FROM_PARTNER,), "UK")
    assert uk.to_dict()["resources"][0]["country"] == "UK"


def test_recent_turns_are_the_documented_ones() -> None:
    used = {t for r in reflections() for t in r.when.get("recent_turn", [])}
    assert used == set(RECENT_TURNS)


# ---- true to the text ----------------------------------------------------------------------

# Openings that claim the person wrote something in particular.
_CLAIMS = ("You mention", "You wrote", "You used the word", "You describe", "You compare")


def test_every_example_holds_what_its_reflection_needs() -> None:
    needing = {r.id for r in reflections() if r.needs is not None}
    assert needing == set(EXAMPLES)
    for item in reflections():
        if item.needs is not None:
            analysis, _ = _analysis_for(item)
            assert item.needs.met_by(analysis), item.id


def test_a_reflection_that_names_something_is_never_given_without_it() -> None:
    for item in reflections():
        if item.needs is None:
            continue
        analysis, turn = _analysis_for(item, with_example=False)
        chosen = {choose_reflection(analysis, turn, seed=seed).reflection_id for seed in range(200)}
        assert item.id not in chosen, item.id


def test_reflections_that_claim_particular_words_carry_needs() -> None:
    # A factor's own cue is the words it names (detect_factor), so factors are exempt.
    for item in reflections():
        if item.text.startswith(_CLAIMS) and "factor" not in item.when:
            assert item.needs is not None, item.id


def test_not_wanting_to_be_touched_is_named_only_when_written() -> None:
    plain = _analysis(phase="withdrawing", text="I kept my distance tonight.")
    said = replace(
        plain, sentences=(*plain.sentences, _sentence("Please do not touch me.", "withdrawing"))
    )
    seen_plain = {choose_reflection(plain, seed=s).reflection_id for s in range(200)}
    seen_said = {choose_reflection(said, seed=s).reflection_id for s in range(200)}
    assert "r-withdraw-04" not in seen_plain
    assert "r-withdraw-04" in seen_said


def test_the_words_must_sit_in_a_sentence_of_the_right_label() -> None:
    # "touch" in a reaching sentence is not the withdrawing "do not touch me".
    entry = _analysis(
        phase="withdrawing",
        text="I kept my distance tonight.",
        more=(_sentence("Earlier I wanted to touch his hand.", "reaching"),),
    )
    assert all(
        choose_reflection(entry, seed=s).reflection_id != "r-withdraw-04" for s in range(200)
    )


def test_named_reflections_come_before_general_ones_in_a_tier() -> None:
    entry = _analysis(phase="exhaustion", more=(_sentence("I feel so lonely.", "exhaustion"),))
    assert {choose_reflection(entry, seed=s).reflection_id for s in range(50)} == {"r-tired-03"}


# ---- factors need someone acting ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "factor"),
    [
        ("He insulted me in front of his friends.", "unhealthy"),
        ("She checks my phone every night.", "unhealthy"),
        ("I'm scared of him when he drinks.", "unhealthy"),
        ("He controls the money.", "unhealthy"),
        ("I insulted him.", "own_aggression"),
        ("I screamed at him and threw his phone.", "own_aggression"),
        ("I slapped my husband.", "own_aggression"),
        ("My own anger scares me.", "own_aggression"),
        ("I smashed his guitar.", "own_aggression"),
        ("I feel stuck here.", "stuck"),
        ("We stay together for the kids.", "stuck"),
        ("I can't afford to leave.", "stuck"),
        ("I worry what people will think.", "judgement"),
        ("I feel judged at church.", "judgement"),
        ("I am so embarrassed.", "carried_shame"),
        ("I'm ashamed of what he did.", "carried_shame"),
    ],
)
def test_factor_cues_fire_when_someone_acts(sentence: str, factor: str) -> None:
    assert detect_factor(_analysis(text=sentence)) == factor


@pytest.mark.parametrize(
    "sentence",
    [
        "We were stuck in traffic for an hour.",
        "I bought presents for the kids.",
        "We paid the mortgage today.",
        "I judged the cake contest at school.",
        "We went to church.",
        "The work culture is intense.",
        "I embarrassed him at dinner by laughing.",
        "I called him at lunch.",
        "I pushed him away when he reached for me.",
        "I kicked him out of the bedroom.",
        "He called me at work.",
        "He scared the cat.",
        "We watched a film together.",
    ],
)
def test_factor_cues_ignore_look_alikes(sentence: str) -> None:
    assert detect_factor(_analysis(text=sentence)) is None


def test_a_cue_never_spans_two_sentences() -> None:
    entry = _analysis(text="He said he was tired.", more=(_sentence("Insults me? No.", "neutral"),))
    assert detect_factor(entry) is None


def test_own_aggression_gets_a_gentle_accountability_reflection() -> None:
    entry = _analysis(phase="punishing", distancing="punishing", text="I slapped him last night.")
    for seed in range(50):
        reply = choose_reflection(entry, seed=seed)
        assert reply.reflection_id is not None and reply.reflection_id.startswith("r-factor-own-")
        assert "cruel" not in reply.text
    texts = {r.text for r in reflections() if r.when.get("factor") == "own_aggression"}
    assert len(texts) >= 3
    for text in texts:
        assert "anger" in text.lower()
        for shaming in (
            "abuser",
            "abusive",
            "violent person",
            "should be ashamed",
            "you are wrong",
        ):
            assert shaming not in text.lower()


def test_being_insulted_and_insulting_get_different_questions() -> None:
    hurt = choose_reflection(_analysis(text="He insulted me."), seed=3)
    hurting = choose_reflection(_analysis(text="I insulted him."), seed=3)
    assert str(hurt.reflection_id).startswith("r-factor-unhealthy-")
    assert str(hurting.reflection_id).startswith("r-factor-own-")


def test_money_and_children_are_named_only_when_written() -> None:
    bare = _analysis(text="I feel so stuck here.")
    assert all(
        choose_reflection(bare, seed=s).reflection_id != "r-factor-stuck-03" for s in range(200)
    )


# ---- phase over "still" -------------------------------------------------------------------


@pytest.mark.parametrize("phase", ["exhaustion", "punishing", "withdrawing", "disconnection_shame"])
def test_a_clear_phase_wins_over_still(phase: str) -> None:
    entry = _analysis(phase=phase, movement="still")
    for seed in range(30):
        chosen = next(
            r for r in reflections() if r.id == choose_reflection(entry, seed=seed).reflection_id
        )
        assert chosen.when.get("phase") == [phase], chosen.id


def test_still_is_kept_for_an_entry_that_really_is_flat() -> None:
    entry = _analysis(phase="neutral", movement="still")
    chosen = {choose_reflection(entry, seed=s).reflection_id for s in range(100)}
    assert chosen and all(c is not None and c.startswith("r-still-") for c in chosen)


def test_no_still_or_neutral_reflection_promises_calm() -> None:
    for item in reflections():
        if item.when.get("movement") == ["still"] or item.when.get("phase") == ["neutral"]:
            lowered = item.text.lower()
            for word in ("calm", "quiet", "steadier", "peaceful"):
                assert word not in lowered, (item.id, word)


def test_a_wish_for_the_partner_to_feel_it_is_not_validated_beside_death_words() -> None:
    entry = _analysis(
        phase="punishing",
        text="I want him to feel what I feel.",
        more=(_sentence("Maybe when he finds me dead.", "punishing"),),
    )
    assert all(choose_reflection(entry, seed=s).reflection_id != "r-punish-03" for s in range(200))


def test_shame_lessons_say_there_is_no_shame_free_direction_in_a_reflection_too() -> None:
    assert any("no shame-free direction" in r.text for r in reflections())


def test_harm_to_others_gets_its_own_non_shaming_help_reply() -> None:
    from tidewise.analysis.crisis import HARM_TO_OTHERS
    from tidewise.lessons.reflections import safety_reply

    reply = safety_reply((HARM_TO_OTHERS,))
    assert reply.kind == "safety" and reply.offer_safety_plan
    assert "afraid you might hurt someone" in reply.text and "without judging" in reply.text
    assert "great deal of pain" not in reply.text  # not the self-harm text in its place
    assert any("0808 802 4040" in r.contact for r in reply.resources)
    for shaming in ("abuser", "dangerous person", "violent person", "should be ashamed"):
        assert shaming not in reply.text.lower()


def test_the_persons_own_words_beat_a_general_distancing_reflection() -> None:
    entry = _analysis(
        phase="withdrawing",
        movement="away",
        distancing="withdrawing",
        text="I slept in the spare room.",
    )
    assert {choose_reflection(entry, seed=s).reflection_id for s in range(30)} == {"r-withdraw-03"}
    general = _analysis(phase="withdrawing", movement="away", distancing="withdrawing")
    chosen = {choose_reflection(general, seed=s).reflection_id for s in range(60)}
    assert chosen and all(str(c).startswith("r-dist-withdraw-") for c in chosen)

"""Issue 12, round 2: distance from the crisis lowers a hit; present risk never is."""

from __future__ import annotations

import numpy as np
import pytest

from tidewise.analysis.safety import DISAGREE, LEARNED_LAYER, WINDOW, explain, level_of, screen
from tidewise.analysis.safety_model import DIMENSIONS, HEAD_LABELS, SafetyHead


def _level(text: str) -> str:
    """The rules' level on a little entry of one or more sentences (no learned layer)."""
    return level_of(explain([s.strip() + "." for s in text.split(".") if s.strip()]))


# ---- time: past and resolved ------------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        "Four years ago I was suicidal. These days I'm doing much better and I'm in therapy.",
        "When I was seventeen I used to cut my arms, and I haven't done it since.",
        "I overdosed in my twenties. I'm grateful I'm still here.",
        "Back in 2015 I wanted to die. That time has passed.",
    ],
)
def test_a_crisis_plainly_past_and_resolved_is_set_aside(entry: str) -> None:
    assert _level(entry) == "none"


@pytest.mark.parametrize(
    "entry",
    [
        "Years ago I attempted suicide and nobody knows.",
        "I used to self-harm as a teenager.",
        "Last winter I wanted to die.",
    ],
)
def test_a_past_crisis_not_said_to_be_over_is_a_gentle_check_in(entry: str) -> None:
    assert _level(entry) == "possible"


@pytest.mark.parametrize(
    "entry",
    [
        # present tense in the words themselves
        "Years ago I tried it once and now I want to die again.",
        "Two years ago I was in hospital and I want to kill myself.",
        # the past, then the present coming back
        "I was suicidal after my first divorce. The same thoughts are back tonight.",
        "I used to cut my arms. Lately I miss it.",
        # doubt
        "I got through it years ago but I'm not sure I can keep myself safe this time.",
    ],
)
def test_present_plan_intent_or_doubt_is_never_lowered(entry: str) -> None:
    assert _level(entry) == "clear"


def test_a_partners_past_strangling_still_counts_in_full() -> None:
    # A lethality sign: how long ago does not make it safe.
    assert _level("Years ago he put his hands around my neck until I blacked out.") == "clear"


# ---- denial, in the sentence or the next one ------------------------------------------


def test_a_denial_in_the_next_sentence_lowers_the_hit_to_possible() -> None:
    entry = (
        "My counsellor asked if I had thoughts of ending my life. I told her no, and I meant it."
    )
    assert _level(entry) == "possible"


def test_a_denial_that_is_a_lie_is_not_lowered() -> None:
    entry = "The nurse asked if I had thoughts of ending my life and I said no. I lied."
    assert _level(entry) == "clear"


def test_a_figure_of_speech_declared_as_such_is_lowered() -> None:
    assert _level("I'm going to kill myself if I eat one more mince pie. Not literally.") != "clear"


# ---- other people, the media, prescriptions, everyday accidents -------------------------


@pytest.mark.parametrize(
    "entry",
    [
        "My colleague's brother took an overdose and is in intensive care.",
        "In the documentary the character slits her wrists in the bath.",
    ],
)
def test_someone_elses_story_is_not_a_clear_concern(entry: str) -> None:
    assert _level(entry) != "clear"


def test_someone_elses_story_does_not_lower_the_writers_own_words() -> None:
    assert _level("My friend's sister died last year and I want to kill myself too.") == "clear"


def test_an_everyday_burn_is_not_a_clear_concern() -> None:
    assert _level("Burnt myself on the iron while doing the school shirts.") != "clear"


def test_on_purpose_is_never_an_accident() -> None:
    assert _level("I burned my arm on the iron on purpose.") == "clear"


# ---- the families a fresh writer showed missing ------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        "I want to kill her. I've planned it.",
        "I'm taking the knife to her flat on Friday.",
        "I've bought a balaclava and a crowbar.",
        "I moved his old razor blades into my bedside drawer. I don't know why.",
        "I measured how high the loft hatch is.",
        "I found a new home for the dog today and told her I was sorry.",
        "I've put my affairs in order and left the PIN for my brother.",
        "I'll make sure he finds me.",
        "I've written the letter. It's addressed to him.",
        "I was so drunk I passed out on the sofa with the baby upstairs.",
        "I wanted the worst to happen when I overtook on that bend.",
    ],
)
def test_the_new_family_rules_catch_what_the_fresh_writer_showed(entry: str) -> None:
    assert _level(entry) in ("possible", "clear")


@pytest.mark.parametrize(
    "entry",
    [
        "Counted out the tablets for my dad's weekly pill box.",
        "Bought a new rope for the washing line.",
        "I googled how long it takes to heal after a betrayal.",
        "Stood on the edge of the cliff on our walk, the view was unreal.",
        "I drove past her house twice and then went home.",
        "I'd like to strangle him for leaving the gate open again.",
    ],
)
def test_the_new_family_rules_leave_everyday_words_alone(entry: str) -> None:
    assert _level(entry) == "none"


# ---- the learned layer: two sentences read together, and disagreement ------------------


def _axis_head(pair_threshold: float) -> SafetyHead:
    """p(concern) rises with a vector's first coordinate: about 0.27 at 0.6 (a single
    sentence below) and about 0.73 at 1.0 (the pair's unit sum, above 0.6)."""
    buckets = 16
    coef = np.zeros((len(HEAD_LABELS), DIMENSIONS + buckets), dtype=np.float32)
    coef[0, 0] = -5.0  # none falls as the first coordinate rises
    intercept = np.asarray([4.0, 0.0, -10.0, -10.0], dtype=np.float32)
    return SafetyHead(coef, intercept, buckets, 0.95, "test", {}, 0.9, pair_threshold)


def _pair_vectors() -> np.ndarray:
    vectors = np.zeros((2, DIMENSIONS), dtype=np.float32)
    vectors[0, :2] = (0.6, 0.8)
    vectors[1, :2] = (0.6, -0.8)
    return vectors


def test_two_sentences_read_together_can_raise_a_check_in() -> None:
    sentences = ["We went to the seaside.", "The water was cold."]
    hits = explain(sentences, _pair_vectors(), _axis_head(0.6))
    assert [(h.rule, h.level, h.sentence) for h in hits] == [
        (f"{WINDOW}: {LEARNED_LAYER}", "possible", 0)
    ]
    # A head without a pair threshold (1.0) reads no pairs.
    assert explain(sentences, _pair_vectors(), _axis_head(1.0)) == []


def test_a_clear_rule_hit_the_layer_disagrees_with_is_lowered_unless_present() -> None:
    sure_safe = SafetyHead(
        np.zeros((len(HEAD_LABELS), DIMENSIONS + 16), dtype=np.float32),
        np.asarray([10.0, 0.0, 0.0, -10.0], dtype=np.float32),
        16,
        0.9,
        "test",
    )
    assert sure_safe.concern(np.zeros((1, DIMENSIONS), np.float32), ["x"])[0] < DISAGREE
    vectors = np.zeros((1, DIMENSIONS), dtype=np.float32)
    past_words = ["I overdosed on his sleeping pills."]
    assert screen(past_words).level == "clear"
    assert screen(past_words, vectors=vectors, head=sure_safe).level == "possible"
    present = ["I am going to overdose on his sleeping pills."]
    assert screen(present, vectors=vectors, head=sure_safe).level == "clear"


def test_a_lethality_sign_past_and_said_to_be_over_is_still_a_check_in() -> None:
    entry = (
        "Nine years since my ex held a knife to me. He lives abroad now and I'm safe, really safe."
    )
    assert _level(entry) == "possible"


@pytest.mark.parametrize(
    "entry",
    [
        "Pressed my thumb into the cut on my arm until it opened again.",
        "I held my palm on the hot pan for as long as I could.",
        "Sliced into my forearm with his old razor.",
        "I keep making myself sick after dinner.",
    ],
)
def test_self_injury_told_by_the_act_and_how_long_is_caught(entry: str) -> None:
    assert _level(entry) in ("possible", "clear")


def test_anger_that_wanted_the_words_to_hurt_is_not_self_injury() -> None:
    assert _level("I told him he is a liar and I wanted it to hurt.") == "none"


@pytest.mark.parametrize(
    "entry",
    [
        "Back in 2016 I didn't want to be alive. I'm proud of how far I've come.",
        "I'm nearly three years free of cutting and I'm proud.",
        "I had a plan once, years ago. Telling my GP saved my life.",
    ],
)
def test_history_told_as_history_is_not_a_clear_concern(entry: str) -> None:
    assert _level(entry) != "clear"


def test_a_story_followed_by_tonight_is_not_a_plan() -> None:
    entry = "At work I sit with suicidal patients all day. Tonight I just want to write about us."
    assert _level(entry) != "clear"


def test_tonight_in_the_sentence_itself_keeps_it_clear() -> None:
    assert _level("Years ago I overdosed and tonight I have the tablets out again.") == "clear"

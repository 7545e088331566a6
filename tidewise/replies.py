"""The reply after an entry: one graded decision, shared by the CLI, the web UI and
`tidewise analyze`.

The screen's level decides the band (issue 12):
- "clear": the help reply, kind-aware (self-harm, danger from a partner with its
  lethality signs, harm to others), with the person's own country's lines first;
- "possible": a warm, direct check-in ("Are you safe right now?") with three answers,
  each routed to grounding, the safety plan and the lines;
- "none": the ordinary reflection, chosen by `lessons.reflections.choose_reflection`.
Any band above none suppresses every ordinary reflection.

With a journal, a check-in is recorded (encrypted, in the state table under
`CHECK_INS_KEY`) with the answer once given, and the next entry offers it again, gently,
rather than taking one "I'm fine" as the end of it. Each record carries `share`
(False until the person agrees) so a therapist report can include it only with consent.
All the words are in `tidewise.reply_words`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from tidewise import reply_words as words
from tidewise.cycle.recent import recent_turn
from tidewise.errors import InputError, TidewiseError
from tidewise.records import Cursor

if TYPE_CHECKING:
    from tidewise.analysis.types import EntryAnalysis, Resource
    from tidewise.journal import Journal
    from tidewise.records import Entry

RECENT_DAYS = 7
RECENT_ENTRIES = 6
COUNTRY_KEY = "prefs.country"
CHECK_INS_KEY = "safety.check_ins"
FOLLOW_UP_DAYS = 14  # a check-in older than this is not followed up on the next entry
MAX_RECORDS = 500
SAFETY, CHECK_IN, REFLECTION = "safety", "check_in", "reflection"
FIRST, AGAIN, FOLLOW_UP = "first", "again", "follow_up"

ANSWER_VALUES: tuple[str, ...] = tuple(value for value, _ in words.ANSWERS)
ALL_KINDS: tuple[str, ...] = ("self_harm", "danger_from_partner")


@dataclass(frozen=True)
class GradedReply:
    """What the person is shown after an entry. `id` names the words (a reflection's id,
    or "safety.<kinds>", or "check_in.<first|again|follow_up>")."""

    kind: str  # "safety", "check_in" or "reflection"
    id: str | None
    text: str
    resources: tuple[Resource, ...] = ()
    concerns: tuple[str, ...] = ()
    lesson: int | None = None
    answers: tuple[tuple[str, str], ...] = ()  # (value, words) for a check-in
    answered: str | None = None  # the check-in answer already recorded, if any
    country: str | None = None  # whose lines come first (None: every country)

    @property
    def after_answer(self) -> str:
        """The words that follow the recorded answer ("" when none yet)."""
        return words.AFTER_ANSWER.get(self.answered or "", "")

    def contract(self) -> dict[str, Any]:
        """The analysis JSON's `reply` object: {"kind", "id", "text"}."""
        return {"kind": self.kind, "id": self.id, "text": self.text}


# ---- the pure decision ------------------------------------------------------------------


def help_reply(analysis: EntryAnalysis, country: str | None = None) -> GradedReply:
    """The clear-concern reply: one paragraph per kind, lethality signs named."""
    from tidewise.analysis.safety import resources_for_kinds

    safety = analysis.safety
    kinds = safety.kinds or ALL_KINDS
    parts = []
    if "self_harm" in kinds:
        parts.append(words.SELF_HARM)
    if "danger_from_partner" in kinds:
        parts.append(words.DANGER_FROM_PARTNER)
        if safety.signs:
            parts.append(words.LETHALITY.format(signs=_sign_list(safety.signs)))
    if "harm_to_others" in kinds:
        parts.append(words.HARM_TO_OTHERS)
    parts.append(words.CLOSING)
    return GradedReply(
        kind=SAFETY,
        id="safety." + "+".join(kinds) + (".lethality" if safety.signs else ""),
        text=" ".join(parts),
        resources=resources_for_kinds(kinds, country),
        concerns=kinds,
        country=country,
    )


def _sign_list(signs: tuple[str, ...]) -> str:
    named = [words.SIGN_WORDS[s] for s in signs if s in words.SIGN_WORDS]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def check_in_reply(
    kinds: tuple[str, ...],
    country: str | None = None,
    step: str = FIRST,
    answered: str | None = None,
) -> GradedReply:
    """The possible-concern reply: are you safe right now? (first, again, or follow-up)."""
    from tidewise.analysis.safety import resources_for_kinds

    text = {FIRST: words.CHECK_IN, AGAIN: words.CHECK_IN_AGAIN}.get(step, words.CHECK_IN_FOLLOW_UP)
    kinds = kinds or ALL_KINDS
    return GradedReply(
        kind=CHECK_IN,
        id=f"check_in.{step}",
        text=text,
        resources=resources_for_kinds(kinds, country),
        concerns=kinds,
        answers=words.ANSWERS,
        answered=answered,
        country=country,
    )


def graded_reply(
    analysis: EntryAnalysis,
    recent: str | None = None,
    *,
    seed: int | str = 0,
    country: str | None = None,
    step: str = FIRST,
) -> GradedReply:
    """The reply for an entry's analysis alone (no journal): help, check-in or reflection.
    `step` words a check-in as the first or as asked again."""
    level = analysis.safety.level
    if level == "clear":
        return help_reply(analysis, country)
    if level != "none" or analysis.safety.concern:  # any band above none: no reflection
        return check_in_reply(analysis.safety.kinds, country, step)
    from tidewise.lessons.reflections import choose_reflection

    chosen = choose_reflection(analysis, recent, seed=seed, country=country)
    if chosen.kind != REFLECTION:  # the reflections module's own help reply: keep ours
        return help_reply(analysis, country)
    return GradedReply(REFLECTION, chosen.reflection_id, chosen.text, lesson=chosen.lesson)


# ---- with a journal -----------------------------------------------------------------------


def turn_before(journal: Journal, entry: Entry) -> str | None:
    """The turn that `entry` completes, from the entries of the week before it.

    "Before" is the list's order (time, then id), so of two entries dated by the same
    day alone, the one written second sees the first and not the other way round."""
    earlier = journal.page(before=Cursor.at(entry), limit=RECENT_ENTRIES).entries
    week = entry.created - timedelta(days=RECENT_DAYS)
    previous = [e for e in reversed(earlier) if e.created >= week and e.analysis is not None]
    phases = [e.analysis.phase for e in previous[-RECENT_ENTRIES:] if e.analysis is not None]
    if entry.analysis is None:
        return None
    return recent_turn([*phases, entry.analysis.phase])


def saved_country(journal: Journal) -> str | None:
    """The person's country for help lines, when they chose one."""
    from tidewise.analysis.crisis import normalise_country

    value = journal.get_state(COUNTRY_KEY)
    return normalise_country(value) if isinstance(value, str) else None


def save_country(journal: Journal, country: str | None) -> str | None:
    """Save the person's country for help lines ("" or None clears it); the saved code.
    An unknown code is an input error and changes nothing."""
    from tidewise.analysis.crisis import normalise_country

    if not country or not country.strip():
        journal.set_state(COUNTRY_KEY, None)
        return None
    code = normalise_country(country)
    if code is None:
        message = "Unknown country code; use one of US, UK, CA, AU, IE, NZ."
        raise InputError(message)
    journal.set_state(COUNTRY_KEY, code)
    return code


def reply_for(journal: Journal, entry: Entry) -> GradedReply | None:
    """The reply for an analysed entry, the same every time it is shown. A check-in is
    recorded on first showing; the entry after a check-in gets one gentle follow-up."""
    if entry.analysis is None:
        return None
    analysis = entry.analysis
    country = saved_country(journal)
    try:
        if analysis.safety.level == "clear":
            return help_reply(analysis, country)
        records = _records(journal)
        mine = next((r for r in records if r["entry"] == entry.id), None)
        if mine is None:
            mine = _new_record(records, entry, analysis)
            if mine is not None:
                _save(journal, records)
        if mine is not None:
            return check_in_reply(
                tuple(mine["kinds"]), country, str(mine["step"]), mine.get("answer")
            )
        return graded_reply(
            analysis, turn_before(journal, entry), seed=entry.id, country=country, step=FIRST
        )
    except TidewiseError:
        return None  # missing or broken content: the entry itself still shows


def _new_record(
    records: list[dict[str, Any]], entry: Entry, analysis: EntryAnalysis
) -> dict[str, Any] | None:
    """A check-in record for this entry when it needs one: its own possible concern, or
    the follow-up of a recent check-in on an earlier entry. None otherwise."""
    now = datetime.now(UTC)
    due = _follow_up_due(records, entry, now)
    possible = analysis.safety.level != "none"
    if not possible and due is None:
        return None
    if due is not None:
        due["followed_up"] = True
    step = FIRST if due is None else (AGAIN if possible else FOLLOW_UP)
    kinds = analysis.safety.kinds if possible else tuple(due["kinds"] if due else ())
    record = {
        "entry": entry.id,
        "step": step,
        "level": analysis.safety.level,
        "kinds": list(kinds),
        "offered": now.isoformat(),
        "answer": None,
        "answered": None,
        "followed_up": False,
        "share": False,  # for a therapist report only when the person agrees
    }
    records.append(record)
    del records[:-MAX_RECORDS]
    return record


def _follow_up_due(
    records: list[dict[str, Any]], entry: Entry, now: datetime
) -> dict[str, Any] | None:
    """The latest earlier check-in still waiting for its gentle second asking."""
    for record in reversed(records):
        if record["entry"] >= entry.id or record.get("followed_up"):
            continue
        if record["step"] == FOLLOW_UP and record.get("answer") in (None, "safe"):
            return None  # a follow-up answered safe (or left) closes the chain
        offered = datetime.fromisoformat(str(record["offered"]))
        return record if now - offered <= timedelta(days=FOLLOW_UP_DAYS) else None
    return None


def record_answer(journal: Journal, entry_id: int, answer: str) -> GradedReply:
    """Store the answer to the check-in shown with entry `entry_id`; the reply to show."""
    value = answer.strip().lower().replace("-", "_").replace(" ", "_")
    if value not in ANSWER_VALUES:
        message = "The answer must be safe, not-sure or not-safe."
        raise InputError(message)
    records = _records(journal)
    record = next((r for r in records if r["entry"] == entry_id), None)
    if record is None:
        message = "That entry has no check-in to answer."
        raise InputError(message)
    record["answer"] = value
    record["answered"] = datetime.now(UTC).isoformat()
    _save(journal, records)
    return check_in_reply(
        tuple(record["kinds"]), saved_country(journal), str(record["step"]), value
    )


def check_ins(journal: Journal) -> list[dict[str, Any]]:
    """Every recorded check-in, oldest first (for a consented report, or the person)."""
    return _records(journal)


def _records(journal: Journal) -> list[dict[str, Any]]:
    stored = journal.get_state(CHECK_INS_KEY)
    if not isinstance(stored, dict) or not isinstance(stored.get("records"), list):
        return []
    return [r for r in stored["records"] if isinstance(r, dict) and isinstance(r.get("entry"), int)]


def _save(journal: Journal, records: list[dict[str, Any]]) -> None:
    journal.set_state(CHECK_INS_KEY, {"version": 1, "records": records})

"""Sentence splitting that survives real writing.

Returns spans `(start, end)` into the text: ordered, non-overlapping, each stripped of
surrounding whitespace, so the text between spans is whitespace only and no character
is ever lost or reordered. Handles what diaries and forum posts really look like:
missing punctuation, ellipses, quotes and brackets after a full stop, emoji used as a
full stop, line breaks, abbreviations ("Mr.", "Dr.", "e.g."), "lol" run-ons, and very
long run-ons, which are cut at a conjunction once they pass about 40 words.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

MAX_WORDS = 40  # a run-on longer than this is cut at a conjunction
MIN_PIECE_WORDS = 8  # never cut off a piece shorter than this

# Words that end with a full stop without ending the sentence (lowercased, no dot).
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr prof vs etc approx appt dept mt no fig e.g i.e a.m p.m "
    "eg ie am pm u.s u.k".split()
)
# A terminator run: ellipses, ?! runs, a full stop; then closing quotes or brackets.
_TERMINATOR = re.compile(r"(?:\.{2,}|…+|[?!]+[.?!]*|\.)[\"'”’)\]]*")
# Texting tokens that people use in place of a full stop ("he said sorry lol i left").
_TEXTING_STOP = re.compile(r"\b(?:lol|lmao|lmfao|smh|omg|ugh|haha+|hahah\w*)\b[.!]*", re.I)
# An emoji (or a run of them) in the middle of a line.
_EMOJI = re.compile(
    "[\U0001f300-\U0001faff\u2600-\u27bf\U0001f000-\U0001f2ff][\ufe0f\u200d"
    "\U0001f300-\U0001faff\u2600-\u27bf\U0001f3fb-\U0001f3ff]*"
)
# A new clause starts with one of these after a texting stop or an emoji.
_CLAUSE_START = re.compile(
    r"(?:i|i'm|im|i've|ive|i'd|he|she|they|we|my|it|it's|its|this|that|you|and then|but)\b", re.I
)
_CONJUNCTION = re.compile(r"(?:and|but|so|because|cause|then|or)\b", re.I)
_WORD = re.compile(r"\S+")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of `text`; the gaps between them are whitespace only."""
    spans: list[Span] = []
    for block_start, block_end in _blocks(text):
        for start, end in _split_block(text, block_start, block_end):
            for piece in _cut_long(text, start, end):
                spans.append(piece)
    return spans


def sentences(text: str) -> list[str]:
    """The sentence strings, in order."""
    return [text[start:end] for start, end in split_sentences(text)]


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _blocks(text: str) -> list[Span]:
    """Lines, except that a hard-wrapped line (lowercase on both sides) runs on."""
    blocks: list[Span] = []
    start = 0
    for match in re.finditer(r"\n", text):
        # Bounded windows: a 1 MB entry must not cost a copy of the rest per line.
        before = text[max(start, match.start() - 200) : match.start()].rstrip()
        after = text[match.end() : match.end() + 20].lstrip(" \t\r")
        # Hard-wrapped text has long lines; short lines are thoughts of their own.
        wrapped = (
            match.start() - start > 50
            and before[-1:].isalpha()
            and before[-1:].islower()
            and after[:1].isalpha()
            and after[:1].islower()
            and not text[match.end() :].startswith(("\n", "\r\n"))
        )
        if not wrapped:
            blocks.append((start, match.start()))
            start = match.end()
    blocks.append((start, len(text)))
    return [span for s, e in blocks if (span := _strip(text, s, e))]


def _split_block(text: str, start: int, end: int) -> list[Span]:
    cuts = sorted(set(_terminator_cuts(text, start, end)) | set(_soft_cuts(text, start, end)))
    spans: list[Span] = []
    begin = start
    for cut in cuts:
        if span := _strip(text, begin, cut):
            spans.append(span)
        begin = cut
    if span := _strip(text, begin, end):
        spans.append(span)
    return spans


def _terminator_cuts(text: str, start: int, end: int) -> list[int]:
    cuts = []
    for match in _TERMINATOR.finditer(text, start, end):
        after = match.end()
        if after < end and not (text[after].isspace() or text[after] == "<"):
            continue  # "3.5", "e.g.," or "?!x": not followed by a space (or an HTML tag)
        if _is_sentence_end(text, match, start, end):
            cuts.append(after)
    return cuts


def _is_sentence_end(text: str, match: re.Match[str], start: int, end: int) -> bool:
    mark = match.group().rstrip("\"'”’)]")
    following = text[match.end() : min(end, match.end() + 40)].lstrip()
    if not following:
        return True
    if mark != match.group() and following[:1].islower():
        return False  # '"Why?" she said': a quoted question inside the sentence
    if mark == ".":
        word = text[max(start, match.start() - 20) : match.start()].split()[-1:] or [""]
        bare = word[0].lower().lstrip("(\"'“‘")
        if bare in _ABBREVIATIONS or (len(bare) == 1 and bare.isalpha() and bare != "i"):
            return False  # "Mr. Jones", initials like "J. said"
        return True
    if mark.startswith(("..", "…")):
        # A trailing-off thought continues unless the next word clearly starts anew.
        first = following[:1]
        return first.isupper() or first.isdigit() or bool(_EMOJI.match(following))
    return True


def _soft_cuts(text: str, start: int, end: int) -> list[int]:
    """Cuts after "lol"-style tokens and emoji when a new clause follows."""
    cuts = []
    for pattern in (_TEXTING_STOP, _EMOJI):
        for match in pattern.finditer(text, start, end):
            following = text[match.end() : min(end, match.end() + 40)]
            stripped = following.lstrip()
            if not stripped or stripped == following:
                continue
            if pattern is _EMOJI and _EMOJI.match(stripped):
                continue  # an emoji run separated by spaces stays together
            if _CLAUSE_START.match(stripped) or (pattern is _EMOJI and stripped[0].isupper()):
                cuts.append(match.end())
    return cuts


def _cut_long(text: str, start: int, end: int) -> list[Span]:
    """Cut a run-on past MAX_WORDS before a conjunction, leaving pieces of >= 8 words."""
    words = list(_WORD.finditer(text, start, end))
    cuts = []
    first = 0  # index of the first word of the piece being cut
    while len(words) - first > MAX_WORDS:
        cut_at = _conjunction_cut(words, first)
        if cut_at is None:
            break
        cuts.append(words[cut_at].start())
        first = cut_at
    bounds = [start, *cuts, end]
    return [span for a, b in zip(bounds, bounds[1:], strict=False) if (span := _strip(text, a, b))]


def _conjunction_cut(words: list[re.Match[str]], first: int) -> int | None:
    """The last conjunction within MAX_WORDS of `first`, else the first one after it."""
    later = None
    for i in range(first + MIN_PIECE_WORDS, len(words) - MIN_PIECE_WORDS + 1):
        if _CONJUNCTION.fullmatch(words[i].group().strip(",;:")):
            if i - first > MAX_WORDS:
                return later if later is not None else i
            later = i
    return later

"""The one text cleaning every part of the safety screen reads: lower case, straight
quotes, the shorthand people use when writing fast spelled out, spaces collapsed.

The phrase rules (`safety_patterns`, `safety_danger`, `safety_implied`,
`safety_families`), the distance cues, the two-sentence window and the learned layer's
word features (`safety_model.word_features`) all run on this text, so a rule written
for "he is" also reads "hes" and "he's". Apart from `safety.py` so the learned layer can
use it without importing the screen that loads the layer.
"""

from __future__ import annotations

import re
from functools import lru_cache

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u201c": '"', "\u201d": '"'})

# After "he's": words that make it "he has" (participles; -ed adjectives stay "is").
_ADVERBS = r"never|always|just|already|ever|finally|recently|now|really|actually|also|still"
_HAS_WORDS = (
    r"been|got|gotten|gone|done|had|taken|said|told|made|left|found|put|thrown|begun|kept|"
    r"seen|known|shown|hidden|broken|given|driven|written|become|come|stolen|bought|sent|"
    r"brought|caught|held|hit|hurt|(?!(?:scared|tired|worried|married|obsessed|stressed|"
    r"pissed|annoyed|bored|confused|depressed|excited|interested|ashamed|embarrassed|"
    r"relieved|exhausted|frustrated|convinced|determined|devastated|terrified|frightened|"
    r"armed|drunk|engaged|attached|involved|supposed|used|closed|prepared|qualified|"
    r"entitled|retired|employed|unemployed|named|based|allowed|focused|fixated|"
    r"obsessed|hooked|gutted|stoned|wasted|blessed|cursed|crushed|shocked|hurt|"
    r"heartbroken|upset|scarred)\b)[a-z]+ed"
)

# Shorthand people use when writing fast, expanded so the rules can stay readable.
_SHORTHAND: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b(?:{short})\b"), full)
    for short, full in (
        ("u", "you"),
        ("ur", "your"),
        ("im", "i'm"),
        ("ive", "i've"),
        ("id", "i'd"),
        ("wanna", "want to"),
        ("gonna", "going to"),
        ("gotta", "got to"),
        ("cuz|coz|bc|cos", "because"),
        ("thru", "through"),
        ("rn", "right now"),
        ("idk", "i don't know"),
        ("b", "be"),
        ("r", "are"),
        ("wud", "would"),
        ("cud", "could"),
        ("ppl", "people"),
        ("bf", "boyfriend"),
        ("gf", "girlfriend"),
        ("hubs", "husband"),
        ("n", "and"),
        ("w/", "with"),
        ("everyone'd", "everyone would"),
        # Third-person contractions are spelled out so rules can say "he will", "he is".
        ("(he|she|they)'ll|(he|she|they)ll", r"\1\2 will"),
        ("(he|she|they)'d", r"\1 would"),
        # "he's started" is "he has started", "he's scared" is "he is scared".
        (rf"(he|she)'?s (?=(?:(?:{_ADVERBS}) )?(?:{_HAS_WORDS})\b)", r"\1 has "),
        ("(he|she)'s|(he|she)s", r"\1\2 is"),
        ("they're|theyre", "they are"),
    )
)
_REPEATS = re.compile(r"([a-z])\1{2,}")  # "soooo" -> "soo", "pleeease" -> "pleease"
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)  # the screen, the distance cues and the learned layer all ask
def normalise(text: str) -> str:
    """Lower case, straight quotes, shorthand expanded, spaces collapsed."""
    t = _REPEATS.sub(r"\1\1", text.translate(_QUOTES).lower())
    for pattern, full in _SHORTHAND:
        t = pattern.sub(full, t)
    return _SPACES.sub(" ", t).strip()

"""A gentle, local check of free text for signs that someone may be in danger.

Every free-text answer and journal entry can be passed to `screen`. It runs
only on this machine, against rules kept as data (one YAML file per language
in `rules/`): English, Urdu in Urdu script, and Roman Urdu. It returns the
kinds of concern it noticed (`suicide`, `self_harm`, `abuse`, `hopeless`), the
language the text is mostly in, and whether the writer seems worried about
someone else. It never returns scores or the words that matched, and it never
logs, prints or stores the text.

How a line is judged
--------------------
The text is normalised (`normalise`), split into sentences, and each sentence
into clauses (at commas and words such as "but"). A fragment of a few words
after a full stop ("I want out. For good.") is also read joined to the
sentence before it. Each rule pattern that matches is then checked against
its surroundings, in this order:

1. negation: "I don't want to die", "main marna nahi chahta". A negation word
   clears the match when it sits inside it, or just before it (or, for Urdu,
   just after it) with only small linking words ("really", "ever", "to") in
   between. Patterns whose meaning already holds a negation ("no reason to
   live", "jeene ka dil nahi karta") are marked `own_negation`.
2. figurative speech about things: "my phone is dying", "I cut myself
   shaving", "he beat me at chess". Groups marked `literal` ("raped me") skip
   the file's general cues and keep only their own. A group with `needs` is
   a wording that is risky only beside a second sign, looked for outside the
   matched words in the sentence or the one either side ("before I go"
   beside a will or a goodbye letter).
3. fiction and news: "the character in the novel kills himself".
4. the past the writer has left behind: "I used to want to die; I'm doing
   better now". A sign that it is happening again ("last night I did it
   again") keeps the match, also from a following sentence. What nearly
   happened ("I'd have ended my life months ago") is not a past. Harm done
   to the writer (abuse) is usually first told in the past tense ("when I
   was nine my uncle..."), so a past cue alone does not clear it: it needs a
   sign the writer is out of it ("I left him", "I'm safe now").
5. the person: "my friend said she wants to die" is not the writer's own
   risk; it sets `concern_for_other` instead (for every category, hopeless
   too). A person named as whom something is for ("a letter to my sister")
   is not the subject, and an "I" just after "she texted me" is her words.

Where no rule fires, a small learned model (`model.py`, weights kept as data
in `model.json`) reads the text for wording no rule was written for, leaving
out every sentence in which a rule matched and found one of the reasons above
(`screen(text, learned=False)` is the rules alone).

Painful feelings on their own (sad, lonely, ashamed, numb, a failure) are what
this product helps people name; no rule is written for them.

Rules are loaded once, on first use, and cached. Each group has a gate:
strings one of which every match must contain, read off its patterns, so
most groups are skipped with a substring test before any regular expression
runs. The gates of the shipped rules are kept in `rules/gates.json` (see
"The gate cache" below), so loading them parses the YAML and checks its
shape but compiles nothing: a group's expressions are compiled the first
time its gate lets a sentence through, and each context cue the first time
it is needed. Ordinary text compiles almost nothing. `load_rules` and
`check_rules(strict=True)` compile everything at once. A rules file with an
unknown key or a broken pattern raises `RulesError` naming the file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Screening", "screen", "normalise", "RulesError", "load_rules", "CATEGORIES", "LANGUAGES"]

CATEGORIES = ("suicide", "self_harm", "abuse", "hopeless")
LANGUAGES = ("en", "ur", "roman_ur")
RULES_DIR = Path(__file__).resolve().parent / "rules"
RULE_FILES = {"en": "en.yaml", "ur": "ur.yaml", "roman_ur": "roman_ur.yaml"}

# Categories about the writer's own state: a match about someone else does not count.
_PERSON_CHECKED = frozenset({"suicide", "self_harm", "hopeless"})
# Categories that, when about someone else, set concern_for_other.
_CONCERN = frozenset({"suicide", "self_harm", "abuse", "hopeless"})
# Harm done to the writer by someone else: a past cue alone ("when I was a
# child", "years ago") does not clear it, since that is how such harm is
# usually first told; it needs a sign the writer is out of it now.
_DISCLOSED = frozenset({"abuse"})


@dataclass(frozen=True)
class Screening:
    """What the check noticed in one text. Never holds the text or what matched."""

    categories: frozenset[str]  # subset of CATEGORIES; empty = nothing found
    language: str  # "en", "ur" or "roman_ur": the language the text is mostly in
    concern_for_other: bool = False  # the writer is worried about someone else

    @property
    def fired(self) -> bool:
        return bool(self.categories)


class RulesError(ValueError):
    """A rules file is malformed. The message names the file and the place."""


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

# Invisible format characters: zero-width space/joiners, BOM, direction marks,
# soft hyphen, Arabic letter mark, word joiner, tag characters.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufe00-\ufe0f"
    "\U000e0000-\U000e007f]"
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")
_NEWLINES = re.compile("\r\n|[\r\n\x0b\x0c\u0085\u2028\u2029]")


def _build_fold() -> dict[int, Any]:
    table: dict[int, Any] = {}

    def put(chars: str, to: str | None) -> None:
        for ch in chars:
            table[ord(ch)] = to

    # Arabic letter forms -> the forms Urdu uses
    put("\u064a\u0649\u06d0\u06cd\u0626", "\u06cc")  # ي ى ې ۍ ئ -> ی
    put("\u0643\u06aa", "\u06a9")  # ك ڪ -> ک
    put("\u0647\u06be\u06c0\u06c2\u0629\u06c3\u06d5", "\u06c1")  # ه ھ ۀ ۂ ة ۃ ە -> ہ
    put("\u0623\u0625\u0622\u0671\u0672\u0673", "\u0627")  # أ إ آ ٱ ٲ ٳ -> ا
    put("\u0624", "\u0648")  # ؤ -> و
    put("\u06d3", "\u06d2")  # ۓ -> ے
    # Arabic diacritics (harakat, hamza marks, superscript alef, Quranic marks) and tatweel
    for cp in list(range(0x064B, 0x0660)) + [0x0670] + list(range(0x06D6, 0x06EE)) + [0x0640]:
        table[cp] = None
    # Arabic-Indic and extended digits -> ASCII
    for i in range(10):
        table[0x0660 + i] = str(i)
        table[0x06F0 + i] = str(i)
    # apostrophes and quotes
    put("\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\u02b9\uff07\u201b", "'")
    put("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"')
    # dashes and hyphens
    put("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d", "-")
    # Urdu and Arabic punctuation
    put("\u06d4", ".")  # Urdu full stop
    put("\u061f\u061b", ".")  # Arabic question mark, semicolon
    put("\u060c\u3001", ",")  # Arabic comma
    put("\u2026", ",")  # ellipsis: a pause inside a sentence
    return table


_FOLD = _build_fold()

# Letter folding only (used on rule patterns too, so authors write natural Urdu)
_LETTER_FOLD = {k: v for k, v in _FOLD.items() if (0x0600 <= k <= 0x06FF) and v is not None and not str(v).isdigit()}
_LETTER_FOLD.update({k: None for k, v in _FOLD.items() if v is None})
for _k in (0x06D4, 0x061F, 0x061B, 0x060C):
    _LETTER_FOLD.pop(_k, None)

_SLASH_SHORT = re.compile(r"(?<![\w/])(?:w/o|s/h|w/)(?![\w/])")
_SLASH_MAP = {"w/o": " without ", "s/h": " self harm ", "w/": " with "}
_ELLIPSIS = re.compile(r"\.{2,}")
_WORD_HYPHEN = re.compile(r"(?<=\w)-+(?=\w)")
_DASH = re.compile(r"\s-+\s|-{2,}|\s-+$|^-+\s")
_DOT_SENTENCE = re.compile(r"(?<!\d)\.|\.(?!\d)")
_ENDERS = re.compile(r"[!?;\n]")
_CLAUSE = re.compile(r"[:]")
_APOS_EDGE = re.compile(r"(?<![\w])'|'(?![\w])")
_OTHER_PUNCT = re.compile(r"[^\w\s.,']")
_REPEAT = re.compile(r"([^\W\d_])\1{2,}")
_TO_2 = re.compile(
    r"\b(want|wanna|going|gonna|need|have|ready|trying|try|wish|used|like|deserve|supposed|able|got|tempted|urge) 2 (?=[a-z])"
)
_SPACES = re.compile(r"[ \t\f\v]+")
_NO_MORE = re.compile(r"\bno more(?=\s*(?:[,.]|$))")
_PUNCT_SPACING = re.compile(r"\s*([.,])\s*")
_PUNCT_RUNS = re.compile(r"[.,](?:\s*[.,])+")
_TOKEN = re.compile(r"[\w']+")

_NOT_BASES = {"ca": "can not", "wo": "will not", "sha": "shall not", "ai": "is not", "can": "can not"}
_WOULD_BASES = frozenset({"i", "you", "he", "she", "we", "they", "it", "that", "who"})
_IS_BASES = frozenset({"he", "she", "it", "that", "there", "what", "who", "where", "here", "everything", "nothing"})
_SHORT = {
    # negations without an apostrophe
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not", "cannot": "can not",
    "wont": "will not", "wouldnt": "would not", "couldnt": "could not", "shouldnt": "should not",
    "isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not", "havent": "have not",
    "hasnt": "has not", "hadnt": "had not", "aint": "is not", "mustnt": "must not", "neednt": "need not",
    "dnt": "do not", "cnt": "can not", "wouldn": "would not", "doesn": "does not", "didn": "did not",
    # pronoun contractions without an apostrophe
    "im": "i am", "ive": "i have", "youre": "you are", "theyre": "they are", "youve": "you have",
    "theyve": "they have", "weve": "we have", "youll": "you will", "theyll": "they will", "itll": "it will",
    "thats": "that is", "theres": "there is", "whats": "what is", "hes": "he is", "shes": "she is",
    "couldve": "could have", "wouldve": "would have", "shouldve": "should have",
    # texting shorthand
    "u": "you", "ur": "your", "r": "are", "wanna": "want to", "wana": "want to", "wannna": "want to",
    "gonna": "going to", "gona": "going to", "gunna": "going to", "gotta": "got to", "tryna": "trying to",
    "kinda": "kind of", "sorta": "sort of", "lemme": "let me", "gimme": "give me", "dunno": "do not know",
    "idk": "i do not know", "idc": "i do not care", "tbh": "to be honest", "ngl": "not going to lie",
    "rn": "right now", "bc": "because", "bcz": "because", "bcoz": "because", "cuz": "because", "coz": "because",
    "cos": "because", "ppl": "people", "abt": "about", "smth": "something", "sth": "something",
    "nothin": "nothing", "somethin": "something", "b4": "before", "nvr": "never", "evry": "every",
    "pls": "please", "plz": "please", "tmrw": "tomorrow", "tmr": "tomorrow", "tomoz": "tomorrow",
    "2moro": "tomorrow", "2morrow": "tomorrow", "tn": "tonight", "tonite": "tonight", "2nite": "tonight",
    "nite": "night", "thru": "through", "4ever": "forever", "noone": "no one", "everytime": "every time",
    "bf": "boyfriend", "gf": "girlfriend", "hubby": "husband", "anymore": "anymore",
}


_SH_FORMS = {"sh'd": "did sh", "sh'ed": "did sh", "sh'ing": "doing sh", "sh's": "sh"}


def _expand_token(m: re.Match) -> str:
    tok = m.group(0)
    if tok in _SH_FORMS:
        return _SH_FORMS[tok]
    if "'" in tok:
        tok = tok.strip("'")
        if tok.endswith("n't"):
            base = tok[:-3]
            return _NOT_BASES.get(base, base + " not")
        base, _, tail = tok.rpartition("'")
        if base:
            if tail == "m":
                return base + " am"
            if tail == "re":
                return base + " are"
            if tail == "ve":
                return base + " have"
            if tail == "ll":
                return base + " will"
            if tail == "d" and base in _WOULD_BASES:
                return base + " would"
            if tail == "s" and base in _IS_BASES:
                return base + " is"
        # any other apostrophe inside a word goes: "mom's" -> "moms", "kaat'ti" -> "kaatti"
        return tok.replace("'", "")
    return _SHORT.get(tok, tok)


def normalise(text: str) -> str:
    """Return `text` in the canonical form the rules are written against.

    Lower case; zero-width and control characters removed; Arabic letter forms
    folded to the Urdu ones (ي/ى->ی, ك->ک, ه/ھ/ة->ہ, أ/إ/آ->ا, ؤ->و), Arabic
    diacritics and tatweel removed; curly and missing apostrophes unified and
    contractions expanded ("don't", "dont", "don’t" -> "do not"; "im" -> "i am");
    texting shorthand expanded ("u" -> "you", "wanna" -> "want to"); letters
    repeated three or more times collapsed ("diiiie" -> "die"); hyphens inside
    words become spaces ("self-harm" -> "self harm"); sentence ends become ".",
    clause breaks become ","; other punctuation and emoji are dropped; spaces
    are collapsed. Never raises.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if not text:
        return ""
    s = _NEWLINES.sub("\n", text)
    s = _CONTROL.sub(" ", s)
    s = _INVISIBLE.sub("", s)
    try:
        s = unicodedata.normalize("NFKC", s)
    except Exception:  # pragma: no cover - defensive; NFKC accepts any str
        pass
    s = _INVISIBLE.sub("", s)
    s = s.translate(_FOLD)
    s = s.casefold()
    s = _SLASH_SHORT.sub(lambda m: _SLASH_MAP[m.group(0)], s)
    s = _ELLIPSIS.sub(",", s)
    s = _WORD_HYPHEN.sub(" ", s)
    s = _DASH.sub(" , ", s)
    s = _ENDERS.sub(" . ", s)
    s = _DOT_SENTENCE.sub(" . ", s)
    s = _CLAUSE.sub(" , ", s)
    s = _APOS_EDGE.sub(" ", s)
    s = _OTHER_PUNCT.sub(" ", s)
    s = s.replace("_", " ")
    s = _REPEAT.sub(r"\1", s)
    s = _TO_2.sub(r"\1 to ", s)
    s = _TOKEN.sub(_expand_token, s)
    s = _NO_MORE.sub("anymore", s)
    s = _SPACES.sub(" ", s)
    s = _PUNCT_SPACING.sub(r"\1 ", s)
    s = _PUNCT_RUNS.sub(lambda m: "." if "." in m.group(0) else ",", s)
    s = _PUNCT_SPACING.sub(r"\1 ", s)
    return s.strip(" ,.\n")


# --------------------------------------------------------------------------
# Rules: loading, validation and compilation
# --------------------------------------------------------------------------

_TOP_KEYS = {"language", "description", "detect", "fragments", "categories", "context"}
_GROUP_KEYS = {"patterns", "own_negation", "about_other", "person_check", "figurative", "unless", "needs", "literal", "note"}
_CONTEXT_KEYS = {"clause_words", "negation", "figurative", "person", "fiction_news", "past"}
_SECTION_KEYS = {
    "negation": {"cues", "bridge", "stop", "words_before", "words_after"},
    "figurative": {"before", "after", "words_before", "words_after"},
    "person": {"self", "other", "other_in_match", "object_before", "object_after", "reporting", "told", "told_mark", "words_before", "words_after"},
    "fiction_news": {"cues"},
    "past": {"cues", "recovery", "relapse", "present", "tense", "hypothetical", "left_behind", "sentences_after"},
}
_DETECT_KEYS = {"markers"}
_FRAGMENT_REF = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_FRAGMENT_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


class _Lazy:
    """A regular expression compiled the first time it is used."""

    __slots__ = ("_make", "_rx")

    def __init__(self, make) -> None:
        self._make = make
        self._rx: re.Pattern | None = None

    def get(self) -> re.Pattern:
        rx = self._rx
        if rx is None:
            rx = self._rx = self._make()
        return rx

    def search(self, *args):
        return self.get().search(*args)

    def finditer(self, *args):
        return self.get().finditer(*args)


def _force(rx: Any) -> None:
    if isinstance(rx, _Lazy):
        rx.get()


@dataclass(frozen=True)
class _Parts:
    """What a rule group expands to, on first use."""

    sources: tuple[str, ...]  # the pattern bodies, fragments expanded
    figurative: Any  # re.Pattern, _Lazy or None
    unless: Any
    needs: Any


class _Group:
    """One rule group.

    Each pattern has a gate (strings one of which its every match contains, or
    None when none can be told) and is compiled the first time its gate lets
    a sentence through. The group's gate is the union of its patterns' gates.
    """

    __slots__ = ("category", "own_negation", "about_other", "person_check", "literal", "gate", "pattern_gates",
                 "_make", "_expand_one", "_parts", "_compiled", "_prefilter")

    def __init__(self, *, category: str, own_negation: bool, about_other: bool, person_check: bool, literal: bool,
                 pattern_gates: tuple, make, expand_one, parts: _Parts | None = None, compiled: list | None = None) -> None:
        self.category = category
        self.own_negation = own_negation
        self.about_other = about_other
        self.person_check = person_check
        self.literal = literal
        self.pattern_gates: tuple[tuple[str, ...] | None, ...] = pattern_gates
        # a cheap check before any regular expression: one of these strings is in every match
        self.gate: tuple[str, ...] | None = (
            None if any(pg is None for pg in pattern_gates) else tuple(sorted({x for pg in pattern_gates for x in pg}, key=lambda x: (len(x), x)))
        )
        self._make = make  # () -> _Parts
        self._expand_one = expand_one  # (i) -> the body of pattern i, fragments expanded
        self._parts = parts
        self._compiled: list[re.Pattern | None] = compiled if compiled is not None else [None] * len(pattern_gates)
        self._prefilter: re.Pattern | None = None

    def parts(self) -> _Parts:
        p = self._parts
        if p is None:
            p = self._parts = self._make()
        return p

    @property
    def sources(self) -> tuple[str, ...]:
        return self.parts().sources

    @property
    def figurative(self):
        return self.parts().figurative

    @property
    def unless(self):
        return self.parts().unless

    @property
    def needs(self):
        return self.parts().needs

    def pattern(self, i: int) -> re.Pattern:
        rx = self._compiled[i]
        if rx is None:
            p = self._parts
            rx = self._compiled[i] = re.compile(_wrap(p.sources[i] if p is not None else self._expand_one(i)))
        return rx

    @property
    def patterns(self) -> tuple[re.Pattern, ...]:
        """Every pattern, compiled (in the order of the file)."""
        return tuple(self.pattern(i) for i in range(len(self.pattern_gates)))

    def candidates(self, sent: str):
        """The compiled patterns whose gate lets `sent` through, in the order of the file."""
        for i, pg in enumerate(self.pattern_gates):
            if pg is None or any(x in sent for x in pg):
                yield self.pattern(i)

    @property
    def prefilter(self) -> re.Pattern:
        """All the patterns in one expression (the tests use it to check the gates)."""
        if self._prefilter is None:
            self._prefilter = re.compile(r"(?<![\w'])(?:" + "|".join(f"(?:{b})" for b in self.sources) + ")")
        return self._prefilter


@dataclass(frozen=True)
class _Context:
    clause_words: tuple[str, ...]
    neg_cues: frozenset[str]
    neg_bridge: frozenset[str]
    neg_stop: frozenset[str]
    neg_before: int
    neg_after: int
    # the regular expressions below are re.Pattern, _Lazy (compiled on first use) or None
    fig_before: Any
    fig_after: Any
    fig_words_before: int
    fig_words_after: int
    person_self: frozenset[str]
    person_other: frozenset[str]
    person_other_in_match: frozenset[str]
    person_object_before: frozenset[str]
    person_object_after: tuple[str, ...]
    person_reporting: frozenset[str]
    person_told: frozenset[str]
    person_told_mark: frozenset[str]
    person_before: int
    person_after: int
    fiction: Any
    past: Any
    recovery: Any
    relapse: Any
    present: Any
    tense: Any
    hypothetical: Any
    left_behind: Any
    sentences_after: int


@dataclass(frozen=True)
class RuleFile:
    """One compiled rules file."""

    path: str
    language: str
    script: str  # "latin" or "arabic"
    markers: frozenset[str]
    groups: tuple[_Group, ...]
    context: _Context


def _err(path: str, where: str, msg: str) -> RulesError:
    return RulesError(f"rules file {path}: {where}: {msg}")


def _check_keys(path: str, where: str, data: Any, allowed: set[str]) -> dict:
    if not isinstance(data, dict):
        raise _err(path, where, f"expected a mapping, got {type(data).__name__}")
    unknown = sorted(str(k) for k in data if k not in allowed)
    if unknown:
        raise _err(path, where, f"unknown key(s) {', '.join(repr(k) for k in unknown)}; allowed: {', '.join(sorted(allowed))}")
    return data


def _str_list(path: str, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _err(path, where, "expected a list of strings")
    for i, x in enumerate(value):
        if not isinstance(x, str):
            hint = " (quote words YAML reads as true/false, such as on, off, yes, no)" if isinstance(x, bool) else ""
            raise _err(path, f"{where}[{i}]", f"expected a string, got {x!r}{hint}")
    return value


def _int(path: str, where: str, value: Any, default: int) -> int:
    if value is None:
        return default
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 50:
        raise _err(path, where, "expected a whole number from 0 to 50")
    return value


def _bool(path: str, where: str, value: Any, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise _err(path, where, "expected true or false")
    return value


def _collapse_pairs(pattern: str) -> str:
    """Let every doubled literal letter also match a single one ("kill" matches "kil").

    normalise() collapses letters repeated three or more times to one, so a
    stretched word ("killll") arrives as "kil"; this keeps such words matching.
    Escapes and character classes are copied unchanged.
    """
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
            continue
        if ch == "(" and pattern.startswith("(?", i):
            # copy group openers such as (?:  (?!  (?<=  (?<!  unchanged
            m = re.match(r"\(\?(?::|!|=|<=|<!)", pattern[i:])
            if m:
                out.append(m.group(0))
                i += len(m.group(0))
                continue
        # "ff" stays: "off" must not also match "of"
        if ch.isalpha() and ch != "f" and i + 1 < n and pattern[i + 1] == ch:
            nxt = pattern[i + 2] if i + 2 < n else ""
            if nxt not in "{*+?":
                out.append(f"{ch}{{1,2}}")
                i += 2
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _expand(path: str, where: str, text: str, fragments: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in fragments:
            raise _err(path, where, f"unknown fragment {{{name}}}")
        return f"(?:{fragments[name]})"

    return _FRAGMENT_REF.sub(sub, text)


def _prepare(path: str, where: str, text: str, fragments: dict[str, str]) -> str:
    if text != text.strip():
        # a pattern must start and end on a word; a space at either end can never match
        raise _err(path, where, f"the pattern {text!r} starts or ends with a space")
    expanded = _expand(path, where, text, fragments)
    bare = re.sub(r"\\.", "", expanded)
    if re.search(r"[A-Z]", bare):
        raise _err(path, where, f"patterns are matched against lower-case text; write {text!r} in lower case")
    return _collapse_pairs(expanded.translate(_LETTER_FOLD))


_MIN_ANCHOR = 3
# anchors this common let nearly every sentence through; another part of the pattern is a better check
_WEAK_ANCHORS = frozenset(
    "the and for you off out with from that this was are not but have has had him her his she they them "
    "then when what all any one own now just down into over very been will would can could did does".split()
)


def _anchor_score(cand: frozenset[str]) -> tuple[int, int, int]:
    stripped = [a.strip() for a in cand]
    weak = sum(1 for a in stripped if a in _WEAK_ANCHORS or len(a) < _MIN_ANCHOR)
    return (-weak, min(map(len, stripped)), -len(cand))


def _anchors(items) -> frozenset[str] | None:
    """Strings one of which every match of a parsed sequence contains, or None if none can be told."""
    from re import _constants as C  # the parser's own names; only read

    LIT, SUB, BR, REPS = C.LITERAL, C.SUBPATTERN, C.BRANCH, (C.MAX_REPEAT, C.MIN_REPEAT)
    best: frozenset[str] | None = None
    best_score: tuple[int, int, int] | None = None

    def consider(cand: frozenset[str] | None) -> None:
        nonlocal best, best_score
        if not cand or min(len(a.strip()) for a in cand) < 2:
            return
        score = _anchor_score(cand)
        if best_score is None or score > best_score:
            best, best_score = cand, score

    run: list[str] = []
    for op, av in getattr(items, "data", items):
        if op is LIT:
            run.append(chr(av))
            continue
        if op in REPS:
            lo, _hi, sub = av
            sub = getattr(sub, "data", sub)
            if lo >= 1 and len(sub) == 1 and sub[0][0] is LIT:
                run.append(chr(sub[0][1]))  # "l{1,2}": at least one
                consider(frozenset({"".join(run)}))
                run = []
                continue
        if run:
            consider(frozenset({"".join(run)}))
            run = []
        if op is SUB:
            consider(_anchors(av[-1]))
        elif op is BR:
            parts = []
            for b in av[1]:
                a = _anchors(b)
                if a is None:
                    break
                parts.append(a)
            else:
                consider(frozenset().union(*parts))
        elif op in REPS and av[0] >= 1:
            consider(_anchors(av[2]))
    if run:
        consider(frozenset({"".join(run)}))
    return best


def _compile_with_gate(src: str) -> tuple[re.Pattern, tuple[str, ...] | None]:
    """Compile a pattern and read its gate off the same parse (parsing is most of the cost)."""
    try:
        from re import _compiler, _parser

        tree = _parser.parse(src)
        anchors = _anchors(tree)
        rx = _compiler.compile(tree)
    except re.error:
        raise
    except Exception:  # pragma: no cover - a Python without these internals: no gate, the same matches
        return re.compile(src), None
    return rx, (tuple(sorted(anchors, key=lambda x: (len(x), x))) if anchors else None)


def _wrap(body: str) -> str:
    """A pattern body that must match whole words."""
    return rf"(?<![\w'])(?:{body})(?![\w'])"


def _compile_one(path: str, where: str, text: str, fragments: dict[str, str], *, bounded: bool = True, check: bool = True) -> str:
    body = _prepare(path, where, text, fragments)
    src = _wrap(body) if bounded else body
    if check:
        try:
            re.compile(src)
        except re.error as e:
            raise _err(path, where, f"the pattern {text!r} is not a valid regular expression ({e})") from None
    return src


def _cue_regex(path: str, where: str, items: list[str], fragments: dict[str, str], *, bounded: bool = True, lazy: bool = False) -> Any:
    """One expression for a list of cues: None when there are none; with lazy, a `_Lazy` compiled on first use."""
    if not items:
        return None
    if lazy:
        return _Lazy(functools.partial(_cue_regex, path, where, items, fragments, bounded=bounded))
    parts = [_compile_one(path, f"{where}[{i}]", t, fragments, bounded=bounded, check=False) for i, t in enumerate(items)]
    try:
        return re.compile("|".join(f"(?:{p})" for p in parts))
    except re.error:
        for i, t in enumerate(items):  # find the broken one, for a clear message
            _compile_one(path, f"{where}[{i}]", t, fragments, bounded=bounded)
        raise _err(path, where, "the cues do not compile together") from None


def _words(items: list[str]) -> frozenset[str]:
    return frozenset(w.translate(_LETTER_FOLD).casefold().strip() for w in items if w.strip())


def _expand_fragments(path: str, raw: Any) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _err(path, "fragments", "expected a mapping of name: pattern")
    for k, v in raw.items():
        if not isinstance(k, str) or not _FRAGMENT_NAME.match(k):
            raise _err(path, "fragments", f"bad fragment name {k!r} (use lower case letters, digits and _)")
        if not isinstance(v, str):
            raise _err(path, f"fragments.{k}", "expected a string")
    done: dict[str, str] = {}

    def resolve(name: str, stack: tuple[str, ...]) -> str:
        if name in done:
            return done[name]
        if name in stack:
            raise _err(path, f"fragments.{name}", "refers to itself through " + " -> ".join(stack + (name,)))
        if name not in raw:
            raise _err(path, f"fragments.{stack[-1]}", f"unknown fragment {{{name}}}")
        value = _FRAGMENT_REF.sub(lambda m: f"(?:{resolve(m.group(1), stack + (name,))})", raw[name])
        done[name] = value
        return value

    for name in raw:
        resolve(name, ())
    return done


def _expand_pattern(path: str, where: str, pats: list[str], fragments: dict[str, str], i: int) -> str:
    return _compile_one(path, f"{where}.patterns[{i}]", pats[i], fragments, bounded=False, check=False)


def _build_group(path: str, where: str, pats: list[str], g: dict, fragments: dict[str, str], *, lazy: bool) -> _Parts:
    """Expand one group's patterns and cues (with lazy, the cues are compiled on first use)."""
    bodies = tuple(_expand_pattern(path, where, pats, fragments, i) for i in range(len(pats)))

    def cue(key: str) -> Any:
        return _cue_regex(path, f"{where}.{key}", _str_list(path, f"{where}.{key}", g.get(key)), fragments, lazy=lazy)

    return _Parts(sources=bodies, figurative=cue("figurative"), unless=cue("unless"), needs=cue("needs"))


def _compile_patterns(path: str, where: str, pats: list[str], parts: _Parts) -> tuple[list[re.Pattern], tuple]:
    """Compile every pattern of a group now and read each one's gate. Raises RulesError on a broken one."""
    compiled, gates = [], []
    for i, body in enumerate(parts.sources):
        try:
            rx, gate = _compile_with_gate(_wrap(body))
        except re.error as e:
            raise _err(path, f"{where}.patterns[{i}]", f"the pattern {pats[i]!r} is not a valid regular expression ({e})") from None
        compiled.append(rx)
        gates.append(gate)
    return compiled, tuple(gates)


def _compile_rules(data: Any, path: str, *, gates: list | None = None) -> RuleFile:
    """Validate and compile one parsed rules file.

    With `gates` (one per group, from the gate cache), nothing is compiled now:
    each group's expressions are compiled the first time its gate lets a
    sentence through, and the context cues the first time they are needed.
    Without, everything is compiled and checked at once.
    """
    lazy = gates is not None
    data = _check_keys(path, "top level", data, _TOP_KEYS)
    language = data.get("language")
    if language not in LANGUAGES:
        raise _err(path, "language", f"expected one of {', '.join(LANGUAGES)}, got {language!r}")
    fragments = _expand_fragments(path, data.get("fragments"))

    detect = _check_keys(path, "detect", data.get("detect") or {}, _DETECT_KEYS)
    markers = _words(_str_list(path, "detect.markers", detect.get("markers")))

    cats = data.get("categories")
    if not isinstance(cats, dict) or not cats:
        raise _err(path, "categories", "expected a mapping of category: list of rule groups")
    groups: list[_Group] = []
    for cat, glist in cats.items():
        if cat not in CATEGORIES:
            raise _err(path, "categories", f"unknown category {cat!r}; allowed: {', '.join(CATEGORIES)}")
        if not isinstance(glist, list) or not glist:
            raise _err(path, f"categories.{cat}", "expected a list of rule groups")
        for gi, g in enumerate(glist):
            where = f"categories.{cat}[{gi}]"
            g = _check_keys(path, where, g, _GROUP_KEYS)
            pats = _str_list(path, f"{where}.patterns", g.get("patterns"))
            if not pats:
                raise _err(path, f"{where}.patterns", "a rule group needs at least one pattern")
            for key in ("figurative", "unless", "needs"):
                _str_list(path, f"{where}.{key}", g.get(key))
            if g.get("note") is not None and not isinstance(g.get("note"), str):
                raise _err(path, f"{where}.note", "expected a string")
            make = functools.partial(_build_group, path, where, pats, g, fragments, lazy=lazy)
            if lazy:
                cached = gates[len(groups)]
                if not isinstance(cached, list) or len(cached) != len(pats):
                    raise TypeError("the gate cache does not fit this group")
                parts, compiled = None, None
                pattern_gates = tuple(tuple(x) if x else None for x in cached)
            else:
                parts = make()
                compiled, pattern_gates = _compile_patterns(path, where, pats, parts)
            groups.append(
                _Group(
                    category=cat,
                    own_negation=_bool(path, f"{where}.own_negation", g.get("own_negation"), False),
                    about_other=_bool(path, f"{where}.about_other", g.get("about_other"), False),
                    person_check=_bool(path, f"{where}.person_check", g.get("person_check"), cat in _PERSON_CHECKED),
                    literal=_bool(path, f"{where}.literal", g.get("literal"), False),
                    pattern_gates=pattern_gates,
                    make=make,
                    expand_one=functools.partial(_expand_pattern, path, where, pats, fragments),
                    parts=parts,
                    compiled=compiled,
                )
            )

    ctx_raw = _check_keys(path, "context", data.get("context") or {}, _CONTEXT_KEYS)
    sec: dict[str, dict] = {}
    for name, allowed in _SECTION_KEYS.items():
        sec[name] = _check_keys(path, f"context.{name}", ctx_raw.get(name) or {}, allowed)

    def cues(section: str, key: str, *, bounded: bool = True) -> re.Pattern | None:
        where = f"context.{section}.{key}"
        return _cue_regex(path, where, _str_list(path, where, sec[section].get(key)), fragments, bounded=bounded, lazy=lazy)

    def words(section: str, key: str) -> frozenset[str]:
        return _words(_str_list(path, f"context.{section}.{key}", sec[section].get(key)))

    def num(section: str, key: str, default: int) -> int:
        return _int(path, f"context.{section}.{key}", sec[section].get(key), default)

    context = _Context(
        clause_words=tuple(_words(_str_list(path, "context.clause_words", ctx_raw.get("clause_words")))),
        neg_cues=words("negation", "cues"),
        neg_bridge=words("negation", "bridge"),
        neg_stop=words("negation", "stop"),
        neg_before=num("negation", "words_before", 4),
        neg_after=num("negation", "words_after", 0),
        fig_before=cues("figurative", "before", bounded=False),
        fig_after=cues("figurative", "after", bounded=False),
        fig_words_before=num("figurative", "words_before", 4),
        fig_words_after=num("figurative", "words_after", 5),
        person_self=words("person", "self"),
        person_other=words("person", "other"),
        person_other_in_match=words("person", "other_in_match"),
        person_object_before=words("person", "object_before"),
        person_object_after=tuple(sorted(words("person", "object_after"))),
        person_reporting=words("person", "reporting"),
        person_told=words("person", "told"),
        person_told_mark=words("person", "told_mark"),
        person_before=num("person", "words_before", 8),
        person_after=num("person", "words_after", 0),
        fiction=cues("fiction_news", "cues"),
        past=cues("past", "cues"),
        recovery=cues("past", "recovery"),
        relapse=cues("past", "relapse"),
        present=cues("past", "present"),
        tense=cues("past", "tense"),
        hypothetical=cues("past", "hypothetical"),
        left_behind=cues("past", "left_behind"),
        sentences_after=num("past", "sentences_after", 2),
    )
    return RuleFile(
        path=path,
        language=language,
        script="arabic" if language == "ur" else "latin",
        markers=markers,
        groups=tuple(groups),
        context=context,
    )


def _read(p: Path) -> str:
    try:
        return p.read_text(encoding="utf-8")
    except OSError as e:
        raise RulesError(f"rules file {p}: cannot be read ({e.strerror or e})") from None


def _parse_yaml(text: str, p: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as e:
        raise RulesError(f"rules file {p}: not valid YAML ({e})") from None


def load_rules(path: str | Path) -> RuleFile:
    """Load, validate and compile one rules file, every pattern at once. Raises RulesError naming the file."""
    p = Path(path)
    return _compile_rules(_parse_yaml(_read(p), p), str(p))


# --------------------------------------------------------------------------
# The gate cache
# --------------------------------------------------------------------------
# Reading a group's gate off its patterns means parsing them, which is most
# of the cost of compiling them. So the gates of the shipped rules are kept
# in rules/gates.json, beside a digest of each file's text; when the digest
# matches, the rules load without compiling anything. A file that has changed
# since is compiled in full as before (slower, never wrong); a test checks the
# cache is current. Rebuild it after editing the rules or the code that
# expands patterns:
#
#     PYTHONPATH=src python -c "from openness.safety.screen import write_gate_cache; write_gate_cache()"

GATES_FILE = RULES_DIR / "gates.json"
# raise when _prepare, _collapse_pairs, _wrap or _anchors change what a gate is
GATE_VERSION = 1


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _cached_gates() -> dict[str, Any]:
    try:
        data = json.loads(GATES_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != GATE_VERSION or not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


def fresh_gates() -> dict[str, Any]:
    """The gate cache as it should be for the shipped rules (compiles every file in full)."""
    files: dict[str, Any] = {}
    for lang in LANGUAGES:
        p = RULES_DIR / RULE_FILES[lang]
        text = _read(p)
        rf = _compile_rules(_parse_yaml(text, p), str(p))
        files[RULE_FILES[lang]] = {
            "sha256": _digest(text),
            "gates": [[list(pg) if pg else None for pg in g.pattern_gates] for g in rf.groups],
        }
    return {"version": GATE_VERSION, "files": files}


def write_gate_cache() -> Path:
    """Rebuild rules/gates.json from the shipped rules. Returns its path."""
    data = fresh_gates()
    lines = ["{", f'"version": {data["version"]},', '"files": {']
    names = list(data["files"])
    for n, name in enumerate(names):
        entry = data["files"][name]
        lines.append(f"{json.dumps(name)}: {{")
        lines.append(f'"sha256": {json.dumps(entry["sha256"])},')
        lines.append('"gates": [')
        groups = entry["gates"]
        for i, g in enumerate(groups):  # one group a line, so a change to the rules shows as a small diff
            lines.append(json.dumps(g, ensure_ascii=False) + ("," if i < len(groups) - 1 else ""))
        lines.append("]")
        lines.append("}" + ("," if n < len(names) - 1 else ""))
    lines += ["}", "}"]
    GATES_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return GATES_FILE


def _load_shipped(lang: str, cache: dict[str, Any]) -> RuleFile:
    name = RULE_FILES[lang]
    p = RULES_DIR / name
    text = _read(p)
    data = _parse_yaml(text, p)
    entry = cache.get(name)
    if isinstance(entry, dict) and entry.get("sha256") == _digest(text) and isinstance(entry.get("gates"), list):
        gates = entry["gates"]
        try:
            rf = _compile_rules(data, str(p), gates=gates)
        except (IndexError, TypeError):
            rf = None  # a cache that does not fit the file: compile it in full
        if rf is not None and len(rf.groups) == len(gates):
            return rf
    return _compile_rules(data, str(p))


@dataclass(frozen=True)
class _RuleSet:
    files: tuple[RuleFile, ...]
    clause_split: re.Pattern
    markers: dict[str, frozenset[str]]


_lock = threading.Lock()
_cache: _RuleSet | None = None


def _build_ruleset(files: list[RuleFile]) -> _RuleSet:
    words = sorted({w for f in files for w in f.context.clause_words}, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    clause = re.compile(r",|(?<![\w'])(?:" + alt + r")(?![\w'])") if alt else re.compile(",")
    return _RuleSet(files=tuple(files), clause_split=clause, markers={f.language: f.markers for f in files})


def _rules() -> _RuleSet:
    global _cache
    if _cache is None:
        with _lock:
            if _cache is None:
                cache = _cached_gates()
                files = [_load_shipped(lang, cache) for lang in LANGUAGES]
                _cache = _build_ruleset(files)
    return _cache


def check_rules(*, strict: bool = False) -> None:
    """Load the shipped rules now (they are otherwise loaded on first use). Raises RulesError.

    With strict, also compile every pattern and cue now (normally each is
    compiled the first time it is needed).
    """
    rs = _rules()
    if strict:
        for f in rs.files:
            for g in f.groups:
                g.patterns  # noqa: B018 - compiles them
                for rx in (g.figurative, g.unless, g.needs):
                    _force(rx)
            for value in vars(f.context).values():
                _force(value)


# --------------------------------------------------------------------------
# Judging
# --------------------------------------------------------------------------

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN = re.compile(r"[a-z]")
_SENTENCE_SPLIT = re.compile(r"(?<!\d)\.|\.(?!\d)")


def split_sentences(norm: str) -> list[str]:
    """The sentences of a normalised text, as the rules read them (the learned model reads the same)."""
    return [x for x in (y.strip(" ,") for y in _SENTENCE_SPLIT.split(norm)) if x]


_WINDOW_CHARS = 240

ACCEPT, NEGATED, FIGURATIVE, FICTION, PAST, OTHER = "accept", "negated", "figurative", "fiction", "past", "other"
# a wording risky only beside a second sign, found without it: not enough for the
# rules, but no sign either that it is not the writer's risk (the model still reads it)
UNSURE = "unsure"


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def _detect_language(norm: str, rs: _RuleSet) -> str:
    if not norm:
        return "en"
    arabic = len(_ARABIC.findall(norm))
    latin = len(_LATIN.findall(norm))
    if arabic and arabic >= latin:
        return "ur"
    toks = _tokens(norm)
    roman = sum(1 for t in toks if t in rs.markers.get("roman_ur", ()))
    english = sum(1 for t in toks if t in rs.markers.get("en", ()))
    return "roman_ur" if roman > english else "en"


def _clauses(sent: str, rs: _RuleSet) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence."""
    out, start = [], 0
    for m in rs.clause_split.finditer(sent):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(sent)))
    return out


def _clause_at(clauses: list[tuple[int, int]], s: int, e: int) -> tuple[int, int]:
    cs, ce = 0, clauses[-1][1]
    for a, b in clauses:
        if a <= s:
            cs = a
        if b >= e:
            ce = b
            break
    return cs, max(ce, e)


def _negated_scan(tokens: list[str], limit: int, ctx: _Context) -> bool:
    for t in tokens[:limit]:
        if t in ctx.neg_stop:
            return False
        if t in ctx.neg_cues:
            return True
        if t not in ctx.neg_bridge:
            return False
    return False


def _live_cue(rx: re.Pattern | None, text: str, ctx: _Context, rs: _RuleSet, *, recovery_blocks: bool = False) -> bool:
    """Whether `rx` occurs in `text` without a negation word just before it.

    With recovery_blocks, an occurrence in a clause that also holds a recovery
    cue does not count ("these days I'm doing better").
    """
    if rx is None:
        return False
    for m in rx.finditer(text):
        before = _tokens(text[max(0, m.start() - 60) : m.start()])[-3:]
        if any(t in ctx.neg_cues for t in before):
            continue
        if recovery_blocks and ctx.recovery is not None:
            cl = _clauses(text, rs)
            a, b = _clause_at(cl, m.start(), m.end())
            if ctx.recovery.search(text[a:b]):
                continue
        return True
    return False


def _person(ctx: _Context, span_toks: list[str], before: list[str], after: list[str]) -> str:
    if any(t in ctx.person_self for t in span_toks):
        return "self"
    if any(t in ctx.person_other_in_match for t in span_toks):
        return "other"
    if ctx.person_before and _reported(ctx, before):
        return "other"
    for t in after[: ctx.person_after]:
        if t in ctx.person_self:
            return "self"
    window = before[-ctx.person_before :] if ctx.person_before else []
    i = len(window) - 1
    while i >= 0:
        t = window[i]
        if t in ctx.person_self:
            # "she texted me 'I can't do this anymore'": the words of the one who said them
            j = i - 1
            if j >= 0 and window[j] in ctx.person_told and j - 1 >= 0 and window[j - 1] in ctx.person_reporting:
                j -= 1
            if t == "i" and j >= 0 and window[j] in ctx.person_reporting:
                i = j - 1
                continue
            return "self"
        if t in ctx.person_other:
            if _is_object(ctx, window, i) or _is_told(ctx, window, i):
                i -= 1
                continue  # "a letter for my mum", "امی کے لیے", "امی کو بتایا": whom it is for or to, not who speaks
            return "other"
        i -= 1
    return "self"


def _is_told(ctx: _Context, toks: list[str], i: int) -> bool:
    """Whether the person word at toks[i] is the one told ("امی کو بتایا", "ammi se kaha")."""
    return i + 1 < len(toks) and toks[i + 1] in ctx.person_told_mark and any(t in ctx.person_reporting for t in toks[i + 2 : i + 4])


def _reported(ctx: _Context, window: list[str]) -> bool:
    """Whether the words just before a match are someone else's, reported ("سہیلی کہہ رہی ہے کہ ...").

    Walking back from the match (each step at most the rules' person window):
    a reporting word with no person word between it and the match, and before
    it (past the writer as the one told) someone else as the nearest person word.
    """
    i = len(window) - 1
    stop = max(0, len(window) - ctx.person_before)
    while i >= stop and window[i] not in ctx.person_reporting:
        if window[i] in ctx.person_self or window[i] in ctx.person_other:
            return False
        i -= 1
    if i < stop:
        return False
    i -= 1
    stop = max(0, i - ctx.person_before)
    while i >= stop:
        t = window[i]
        if t in ctx.person_told:
            i -= 1
            continue
        if t in ctx.person_self:
            return False
        if t in ctx.person_other:
            if _is_told(ctx, window, i):
                i -= 1
                continue
            return not _is_object(ctx, window, i)
        i -= 1
    return False


_POSSESSIVE = frozenset({"my", "his", "her", "our", "their", "your", "the", "a", "an", "best", "little", "big", "older", "younger"})


def _is_object(ctx: _Context, toks: list[str], i: int) -> bool:
    """Whether the person word at toks[i] is what the sentence is for or to, not its subject."""
    j = i - 1
    while j >= 0 and toks[j] in _POSSESSIVE:
        j -= 1
    if j >= 0 and toks[j] in ctx.person_object_before:
        return True
    if ctx.person_object_after:
        following = " ".join(toks[i + 1 : i + 3])
        return any(following == cue or following.startswith(cue + " ") for cue in ctx.person_object_after)
    return False


def _judge_match(
    f: RuleFile, g: _Group, sent: str, m: re.Match, clauses: list[tuple[int, int]], sentences: list[str], idx: int, rs: _RuleSet
) -> str:
    ctx = f.context
    s, e = m.span()
    span = sent[s:e]
    span_toks = _tokens(span)
    cs, ce = _clause_at(clauses, s, e)
    before = _tokens(sent[max(cs, s - _WINDOW_CHARS) : s])
    after = _tokens(sent[e : min(ce, e + _WINDOW_CHARS)])
    blanked = sent[:s] + " " * (e - s) + sent[e:]

    # 1. negation
    if not g.own_negation and any(t in ctx.neg_cues for t in span_toks):
        return NEGATED
    # a match that opens with a stop word ("... to maar denge", "if ...") starts a new scope
    if not (span_toks and span_toks[0] in ctx.neg_stop) and _negated_scan(before[::-1], ctx.neg_before, ctx):
        return NEGATED
    if _negated_scan(after, ctx.neg_after, ctx):
        return NEGATED

    # 2. figurative speech (the file's cues do not apply to words that are never
    # figurative, such as "raped me")
    if g.literal:
        pass
    elif ctx.fig_before is not None and ctx.fig_words_before:
        if ctx.fig_before.search(" ".join(before[-ctx.fig_words_before :])):
            return FIGURATIVE
    if not g.literal and ctx.fig_after is not None and ctx.fig_words_after:
        if ctx.fig_after.search(" ".join(after[: ctx.fig_words_after])):
            return FIGURATIVE
    if g.figurative is not None and g.figurative.search(sent):
        if g.unless is None or not g.unless.search(sent):
            return FIGURATIVE
    # a wording that is risky only beside a second sign ("before I go" beside a will)
    if g.needs is not None:
        # the second sign must be outside the matched words
        near = [x for x in sentences[max(0, idx - 1) : idx] + [blanked] + sentences[idx + 1 : idx + 2]]
        if not any(g.needs.search(x) for x in near):
            return UNSURE

    # 3. fiction and news: the clause for the writer's own words, the sentence for others
    person = "self"
    if g.person_check:
        sent_before = _tokens(sent[max(0, s - _WINDOW_CHARS) : s])
        person = _person(ctx, span_toks, sent_before, after)
    if g.about_other:
        person = "other"
    if ctx.fiction is not None:
        if ctx.fiction.search(blanked[cs:ce]) or (person == "other" and ctx.fiction.search(blanked)):
            return FICTION

    # 4. the past the writer has left behind
    if _is_past(f, g.category, sent, s, e, cs, ce, blanked, before, sentences, idx, rs):
        return PAST

    # 5. the person
    if person == "other":
        return OTHER
    return ACCEPT


def _is_past(
    f: RuleFile, category: str, sent: str, s: int, e: int, cs: int, ce: int, blanked: str, before: list[str],
    sentences: list[str], idx: int, rs: _RuleSet
) -> bool:
    ctx = f.context
    if ctx.past is None and ctx.recovery is None:
        return False
    # "if it wasn't for my dog I'd have ended my life months ago": what nearly happened is not a past left behind
    if ctx.hypothetical is not None and ctx.hypothetical.search(" ".join(before[-4:]) + " " + sent[s:e]):
        return False
    clause = sent[cs:ce]
    past_in_clause = bool(ctx.past and ctx.past.search(clause))
    past_in_sentence = past_in_clause or bool(ctx.past and ctx.past.search(sent))
    recovery_in_clause = bool(ctx.recovery and ctx.recovery.search(blanked[cs:ce]))
    recovery_in_sentence = recovery_in_clause or bool(ctx.recovery and ctx.recovery.search(blanked))
    later = sentences[idx + 1 : idx + 1 + ctx.sentences_after]

    def recovery_later() -> bool:
        return (
            ctx.recovery is not None
            and any(ctx.recovery.search(x) for x in later)
            and not any(_live_cue(ctx.relapse, x, ctx, rs, recovery_blocks=True) for x in later)
        )

    if category in _DISCLOSED:
        # harm someone did to the writer counts as left behind only with a sign they are out of it
        left = bool(ctx.left_behind and ctx.left_behind.search(sent))
        marked = recovery_in_sentence or (past_in_sentence and (left or recovery_later()))
        if not marked and ctx.tense is not None and ctx.tense.search(sent[s:e] + " " + " ".join(before[-3:])):
            marked = recovery_later()
    else:
        marked = past_in_sentence or recovery_in_sentence
        if not marked and ctx.recovery is not None and ctx.tense is not None:
            near = sent[s:e] + " " + " ".join(before[-3:])
            if ctx.tense.search(near):
                marked = recovery_later()
    if not marked:
        return False
    if _live_cue(ctx.relapse, sent, ctx, rs, recovery_blocks=True):
        return False
    if not past_in_clause and not recovery_in_clause and ctx.present is not None and ctx.present.search(clause):
        return False
    return True


_FRAGMENT_WORDS = 4


def _scan(
    sent: str, sentences: list[str], idx: int, files: list[RuleFile], rs: _RuleSet, fired: set[str], other: bool,
    junction: int | None = None,
) -> tuple[set[str], set[str], dict[str, set[str]]]:
    """Match every rule group on one sentence: (categories accepted, about someone else, left in the past).

    With `junction`, only matches that run across that place count (a
    sentence joined to the fragment after it).
    """
    clauses = _clauses(sent, rs)
    past_here: dict[str, set[str]] = {}
    other_here: set[str] = set()
    fired_here: set[str] = set()
    cleared = False
    for f in files:
        for g in f.groups:
            if (g.category in fired or g.category in fired_here) and not (g.about_other and not other):
                continue
            if g.gate is not None and not any(a in sent for a in g.gate):
                continue
            done = False
            for pat in g.candidates(sent):
                for m in pat.finditer(sent):
                    if junction is not None and not (m.start() < junction < m.end()):
                        continue
                    verdict = _judge_match(f, g, sent, m, clauses, sentences, idx, rs)
                    if verdict == ACCEPT:
                        fired_here.add(g.category)
                        done = True
                        break
                    cleared = cleared or verdict != UNSURE
                    if verdict == OTHER and g.category in _CONCERN:
                        other_here.add(g.category)
                    elif verdict == PAST:
                        past_here.setdefault(f.language, set()).add(g.category)
                if done:
                    break
    return fired_here, other_here, past_here, cleared


def _judge(norm: str, rs: _RuleSet) -> tuple[set[str], bool, frozenset[int]]:
    """(categories, worry about someone else, the sentences where a match was cleared as not the writer's risk)."""
    fired: set[str] = set()
    other = False
    cleared: set[int] = set()
    sentences = split_sentences(norm)
    pending: list[tuple[int, set[str], RuleFile]] = []
    for idx, sent in enumerate(sentences):
        try:
            has_arabic = _ARABIC.search(sent) is not None
            has_latin = _LATIN.search(sent) is not None
            files = [f for f in rs.files if (has_arabic if f.script == "arabic" else has_latin)]
            if not files:
                continue
            # a past that comes back: "I used to cut. Last night I did it again."
            for j, cats, f in pending:
                if 0 < idx - j <= f.context.sentences_after and _live_cue(f.context.relapse, sent, f.context, rs, recovery_blocks=True):
                    fired |= cats
            fired_here, other_here, past_here, cleared_here = _scan(sent, sentences, idx, files, rs, fired, other)
            if cleared_here and not fired_here:
                cleared.add(idx)
            # journal writing breaks one thought over full stops ("I want out. For good."):
            # a fragment of a few words is also read joined to the sentence before it
            if idx > 0 and len(_tokens(sent)) <= _FRAGMENT_WORDS:
                prev = sentences[idx - 1]
                joined = prev + " " + sent
                jsents = sentences[: idx - 1] + [joined] + sentences[idx + 1 :]
                jfiles = [f for f in rs.files if f in files or (_ARABIC.search(prev) if f.script == "arabic" else _LATIN.search(prev))]
                jf, jo, _, _ = _scan(joined, jsents, idx - 1, jfiles, rs, fired | fired_here, other, junction=len(prev))
                fired_here |= jf
                other_here |= jo
            fired |= fired_here
            # "my father beats my brothers and me": the writer's own card, not the softer one
            if other_here - fired_here:
                other = True
            for f in files:
                if f.language in past_here:
                    pending.append((idx, past_here[f.language], f))
        except Exception:  # pragma: no cover - one odd sentence must not stop the check
            continue
    return fired, other, frozenset(cleared)


def screen(text: str, *, learned: bool = True) -> Screening:
    """Check one text. Never raises on any str; never logs or keeps the text.

    With learned=False only the rules judge (the training script and the
    figures in benchmarks/ use it to tell the two signals apart).

    The shipped rules are loaded on the first call (RulesError if they are
    broken, which the tests guard against).
    """
    rs = _rules()
    try:
        norm = normalise(text)
    except Exception:  # pragma: no cover - normalise is written not to raise
        norm = ""
    try:
        language = _detect_language(norm, rs)
    except Exception:  # pragma: no cover
        language = "en"
    try:
        fired, other, cleared = _judge(norm, rs)
    except Exception:  # pragma: no cover
        fired, other, cleared = set(), False, frozenset()
    # the learned second signal (model.py), for wording no rule was written for:
    # only where the rules found nothing, and never in a sentence where a rule
    # matched and saw why it is not the writer's risk (a negation, a figure of
    # speech, fiction or news, a past left behind, someone else)
    if learned and not fired:
        try:
            from openness.safety import model

            m = model.load()
            if m is not None:
                fired = set(m.judge(norm, language, skip=cleared))
        except Exception:  # pragma: no cover - the rules' answer stands
            pass
    return Screening(categories=frozenset(c for c in CATEGORIES if c in fired), language=language, concern_for_other=other)

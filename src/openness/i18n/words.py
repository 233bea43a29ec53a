"""Read what a person types, in English, Urdu or Roman Urdu.

Answers are matched after folding both sides the same way: Unicode NFKC,
case folded, Urdu and Arabic-Indic digits (۰۱۲ and ٠١٢) made ASCII, the
Arabic forms of Urdu letters (ي ك ه) made Urdu (ی ک ہ), joiners, bidi marks
and tatweel removed, and closing punctuation (. ۔ ! ؟) dropped. So "۲",
"2" and "2." are the same number, and "بے چینی" matches "بےچینی".
Pure Python; no terminal here.
"""

from __future__ import annotations

import re
import unicodedata

_DIGITS = {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")})
_LETTERS = {ord("ي"): "ی", ord("ى"): "ی", ord("ك"): "ک", ord("ه"): "ہ", ord("ة"): "ۃ"}
# zero-width joiners, bidi marks and isolates, tatweel, and the short-vowel marks
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u0640\u064b-\u0652\u0670]")
_SPACES = re.compile(r"[\s_\-]+")
_TRAILING = ".۔!?؟،,;؛:"

YES = frozenset({
    "y", "yes", "yeah", "yep", "ok", "okay", "true", "on", "1",
    "ہاں", "ہاں جی", "جی", "جی ہاں", "ہان", "بالکل", "ٹھیک ہے",
    "haan", "han", "haa", "haan ji", "han ji", "ji", "jee", "ji haan", "g", "theek hai", "bilkul",
})
NO = frozenset({
    "n", "no", "nope", "false", "off", "0", "2",
    "نہیں", "جی نہیں", "نا", "نہ", "نئیں",
    "nahi", "nahin", "nahee", "nai", "na", "ni", "ji nahi", "ji nahin", "nahi ji",
})


def fold(text: str) -> str:
    """`text` in the form used to compare answers (see the module docstring)."""
    s = unicodedata.normalize("NFKC", str(text)).translate(_DIGITS).translate(_LETTERS)
    s = _INVISIBLE.sub("", s).casefold()
    s = _SPACES.sub(" ", s).strip().rstrip(_TRAILING).strip()
    return s


def _squash(text: str) -> str:
    """Folded, without spaces: "بے چینی" and "بےچینی", "not sure" and "not_sure" meet."""
    return fold(text).replace(" ", "")


def number(text: str) -> int | None:
    """A whole number written in any of the three digit sets, or None."""
    s = unicodedata.normalize("NFKC", str(text)).translate(_DIGITS)
    s = _INVISIBLE.sub("", s).strip().rstrip(_TRAILING).strip()
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    return None


def yes_no(text: str, *, numbers: bool = True) -> bool | None:
    """True, False, or None when the answer is neither.

    With `numbers`, 1 is yes and 2 is no (how the plain prompter numbers them).
    """
    s = fold(text)
    if not numbers and s in ("1", "2", "0"):
        return None
    if s in YES:
        return True
    if s in NO:
        return False
    return None


def pick(text: str, options, *, by_number: bool = True) -> str | None:
    """The id of the option `text` names: its number, its id, or its label.

    `options` is a sequence of (id, label) or (id, label, other labels...),
    so a label in another language can be accepted too.
    """
    if by_number:
        n = number(text)
        if n is not None:
            return options[n - 1][0] if 1 <= n <= len(options) else None
    want = _squash(text)
    if not want:
        return None
    for opt in options:
        oid, *labels = opt
        if want == _squash(oid) or any(want == _squash(lab) for lab in labels if lab):
            return oid
    return None


def split_many(text: str) -> list[str]:
    """Several answers in one line: split on commas (, ، ؛ ;) and spaces between numbers."""
    s = unicodedata.normalize("NFKC", text).translate(_DIGITS)
    parts = [p.strip() for p in re.split(r"[,،;؛]", s) if p.strip()]
    out: list[str] = []
    for p in parts:
        words = p.split()
        if all(re.fullmatch(r"\d+", w) for w in words):
            out.extend(words)  # "1 3 4"
        else:
            out.append(p)  # a label may have spaces: "at ease"
    return out


def pick_many(text: str, options) -> list[str] | None:
    """The ids named in one line ("1 3", "۱، ۳", "sad, lonely", "اداس تنہا"), or None.

    An empty line is an empty list. None means some part names no option.
    """
    chosen: list[str] = []
    for part in split_many(text):
        got = pick(part, options)
        if got is not None:
            chosen.append(got)
            continue
        singles = [pick(w, options) for w in part.split()]
        if not singles or None in singles:
            return None
        chosen.extend(singles)  # type: ignore[arg-type]
    return list(dict.fromkeys(chosen))

"""The screen's second signal: a small learned model of risky wording, kept as data.

The rules in `rules/` find what they were written for and tell apart the hard
cases they know (negation, figures of speech, someone else, fiction, a past
left behind). What they miss is wording nobody wrote a rule for, and people
mostly hint: "told my sister she can have my room soon", "back in hoodies".
This model reads the same normalised text as the rules and weighs its words,
word pairs and letter groups, learned from the labelled lines in
`tests/safety/data/`. How the two combine (in `screen`): what the rules find
stands; where they find nothing, the model fires when its chance of risk for
the text (or for any one or two sentences of a long one) reaches the
threshold stored for the text's language. It does not read a sentence where
a rule matched and saw why it is not the writer's risk (a negation, a figure
of speech, fiction or news, a past left behind, someone else): the rules
know those cases by their structure, and the model, which only weighs words,
would undo them ("I don't want to die" is mostly the words of "I want to
die"). It never overrules the rules either: it gives low chances to direct
words its training lines rarely use ("raped").

It is a multinomial logistic regression: for each class (`none` and the four
categories) a bias and one weight per feature; the chance of a class is the
softmax of the sums. The weights live in `model.json` next to this file,
written by `benchmarks/train_safety_model.py` (which needs scikit-learn, the
`train` extra); running the model needs nothing beyond the standard library.
The file records a digest of the labelled files it was trained on, and a
test fails when they change and the model was not retrained.

Like the rules, it never logs, keeps or returns the text, or a score.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

# the same tokens and sentences as the rules
from openness.safety.screen import _TOKEN, split_sentences

MODEL_FILE = Path(__file__).resolve().parent / "model.json"
MODEL_VERSION = 1
NONE = "none"
CATEGORY_FALLBACK = "suicide"

CHAR_SIZES = (3, 4, 5)
# an entry of more sentences than this is read one and two sentences at a time, not whole
WHOLE_SENTENCES = 3


def features(norm: str) -> list[str]:
    """The features of a normalised text: words, word pairs, and letter groups (across word ends too).

    Sorted and without repeats, so the same text always gives the same list.
    """
    toks = _TOKEN.findall(norm)
    out = {"w " + t for t in toks}
    out.update("b " + a + " " + b for a, b in zip(toks, toks[1:]))
    padded = " " + " ".join(toks) + " "
    for n in CHAR_SIZES:
        out.update("c " + padded[i : i + n] for i in range(len(padded) - n + 1))
    return sorted(out)


class Model:
    """Weights read from model.json; `chances` gives each class's chance for one text.

    The file keeps the feature names as one newline-separated string and the
    weights as base64 of little-endian float16, class by class for each
    feature in turn: about half the size of plain JSON numbers, and it loads
    in about 70 ms (once, on the first check that reaches the model).
    """

    def __init__(self, data: dict) -> None:
        import base64
        import struct

        if data.get("version") != MODEL_VERSION:
            raise ValueError("unknown model version")
        self.classes: tuple[str, ...] = tuple(data["classes"])
        self.bias: tuple[float, ...] = tuple(float(b) for b in data["bias"])
        self.thresholds: dict[str, float] = {k: float(v) for k, v in data["thresholds"].items()}
        names = data["features"].split("\n") if data["features"] else []
        raw = base64.b64decode(data["weights"])
        weights = struct.unpack(f"<{len(raw) // 2}e", raw)
        k = len(self.classes)
        if NONE not in self.classes or len(self.bias) != k or not self.thresholds or len(weights) != k * len(names):
            raise ValueError("malformed model")
        self.index: dict[str, int] = {name: i * k for i, name in enumerate(names)}
        self.weights = weights

    def chances(self, norm: str) -> dict[str, float]:
        sums = list(self.bias)
        k = len(sums)
        w = self.weights
        for f in features(norm):
            at = self.index.get(f)
            if at is not None:
                for i in range(k):
                    sums[i] += w[at + i]
        top = max(sums)
        exps = [math.exp(s - top) for s in sums]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def risk(self, norm: str, skip: frozenset[int] = frozenset()) -> tuple[float, str]:
        """The highest chance of risk over the text's windows (see `windows`), and that window's likeliest category."""
        best, category = 0.0, CATEGORY_FALLBACK
        for text in windows(norm, skip):
            p = self.chances(text)
            r = 1.0 - p[NONE]
            if r > best:
                best = r
                category = max((c for c in self.classes if c != NONE), key=p.__getitem__)
        return best, category

    def judge(self, norm: str, language: str, skip: frozenset[int] = frozenset()) -> frozenset[str]:
        """The category the model finds in a normalised text, or an empty set.

        `language` picks the threshold (each language has its own, chosen by
        the training script so that false alarms stay within budget); `skip`
        holds the sentences (by index) not to read: where a rule matched and
        found it is not the writer's risk.
        """
        best, category = self.risk(norm, skip)
        return frozenset({category}) if best >= self.threshold(language) else frozenset()

    def threshold(self, language: str) -> float:
        return self.thresholds.get(language, max(self.thresholds.values()))


def windows(norm: str, skip: frozenset[int] = frozenset()) -> list[str]:
    """What the model reads: a text of a few sentences whole; a longer one a sentence and two at a time.

    So a single line in a long entry is not drowned out by the rest. The
    sentences in `skip` are left out, and no window reaches across them.
    """
    sents = split_sentences(norm)
    if not skip and len(sents) <= WHOLE_SENTENCES:
        return [" . ".join(sents)] if sents else []
    keep = [(i, s) for i, s in enumerate(sents) if i not in skip]
    pairs = [a[1] + " . " + b[1] for a, b in zip(keep, keep[1:]) if b[0] == a[0] + 1]
    return [s for _, s in keep] + pairs


@functools.lru_cache(maxsize=1)
def load(path: str | None = None) -> Model | None:
    """The shipped model, or None when its file is missing or unreadable (the rules still run)."""
    try:
        data = json.loads(Path(path or MODEL_FILE).read_text(encoding="utf-8"))
        return Model(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None

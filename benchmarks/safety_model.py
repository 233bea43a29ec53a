"""Would a small statistical model help the rules find new indirect wording? A grouped-holdout check.

Run by hand, not a test:

    PYTHONPATH=src python3 benchmarks/safety_model.py [--firstpass DIR]

The model: one-vs-rest logistic regression (one per category) over the
normalised text's word unigrams and bigrams and, optionally, character
4-grams, trained in pure Python with a fixed order and fixed epochs, so the
same data always gives the same weights. It is combined with the rules as:
fire when the rules fire, OR when the model is confident about a sentence and
none of the screen's guards (negation, figurative, fiction or news, a past
left behind, someone else) is found in that sentence.

Grouped holdout: for each blind batch of heldout.yaml (1, 2, 3), the model
is trained on every labelled line except that batch and scored on it. The
rules as they are now were reworked after each batch, so their recall on the
batches is not a first-pass figure; with --firstpass DIR, DIR/firstpass_<b>.json
holds, for each line of batch b in file order, whether the rules as they were
when the batch was written fired (made by running the screen of the commit
that added the batch). Prints figures only, never a line of text. To make
those files (a6433ea, c79851e and dda78ae added batches 1, 2 and 3):

    git archive a6433ea src | tar -x -C /tmp/fp1   # likewise for the others
    PYTHONPATH=/tmp/fp1/src python3 -c "import json, yaml; from openness.safety.screen import screen; \
      items = yaml.safe_load(open('tests/safety/data/heldout.yaml')); \
      json.dump([screen(i['text']).fired for i in items if i.get('batch', 1) == 1], open('/tmp/firstpass_1.json', 'w'))"
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "tests" / "safety" / "data"

from openness.safety import screen as S  # noqa: E402

CATS = S.CATEGORIES


def features(norm: str, chars: bool) -> list[str]:
    """The distinct features of a normalised text, sorted (a set's order changes from run to run)."""
    return sorted(_features(norm, chars))


def _features(norm: str, chars: bool) -> set[str]:
    out: set[str] = set()
    for sent in filter(None, (x.strip(" ,") for x in S._SENTENCE_SPLIT.split(norm))):
        toks = S._TOKEN.findall(sent)
        out.update("w:" + t for t in toks)
        out.update("b:" + a + " " + b for a, b in zip(toks, toks[1:]))
        if chars:
            padded = " " + " ".join(toks) + " "
            out.update("c:" + padded[i : i + 4] for i in range(len(padded) - 3))
    return out


def train(rows: list[tuple[list[str], set[str]]], *, epochs: int = 15, lr: float = 0.3, l2: float = 1e-4) -> dict[str, dict[str, float]]:
    """One logistic regression per category; plain SGD in a fixed order (deterministic)."""
    models: dict[str, dict[str, float]] = {}
    for cat in CATS:
        w: dict[str, float] = {"": 0.0}  # "" is the bias
        pos = sum(1 for _, lab in rows if cat in lab)
        neg = len(rows) - pos
        wpos = (neg / pos) if pos else 1.0  # balance the classes
        for _ in range(epochs):
            for feats, lab in rows:
                z = w[""] + sum(w.get(f, 0.0) for f in feats)
                p = 1 / (1 + math.exp(-max(-30, min(30, z))))
                y = 1.0 if cat in lab else 0.0
                g = (p - y) * (wpos if y else 1.0)
                w[""] -= lr * g
                for f in feats:
                    w[f] = w.get(f, 0.0) * (1 - lr * l2) - lr * g / math.sqrt(len(feats))
        models[cat] = w
    return models


def prob(w: dict[str, float], feats: list[str]) -> float:
    z = w[""] + sum(w.get(f, 0.0) for f in feats)
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def guarded(sent: str, rs) -> bool:
    """Whether one of the screen's guards shows in a normalised sentence."""
    toks = S._TOKEN.findall(sent)
    arabic = S._ARABIC.search(sent) is not None
    for f in rs.files:
        if (f.script == "arabic") != arabic:
            continue
        c = f.context
        if any(t in c.neg_cues for t in toks):
            return True
        for rx in (c.fiction, c.past, c.recovery, c.fig_before, c.fig_after):
            if rx is not None and rx.search(sent):
                return True
        if any(t in c.person_other for t in toks) and not any(t in c.person_self for t in toks[:3]):
            return True
    return False


def model_fires(models, norm: str, rs, threshold: float, chars: bool) -> bool:
    for sent in filter(None, (x.strip(" ,") for x in S._SENTENCE_SPLIT.split(norm))):
        feats = features(sent, chars)
        if any(prob(models[c], feats) >= threshold for c in CATS) and not guarded(sent, rs):
            return True
    return False


def rates(items, fired) -> dict[str, tuple[float, float, int, int]]:
    out = {}
    for lang in S.LANGUAGES:
        idx = [i for i, it in enumerate(items) if it["lang"] == lang]
        risk = [i for i in idx if it_label(items[i])]
        safe = [i for i in idx if not it_label(items[i])]
        rec = sum(fired[i] for i in risk) / len(risk) if risk else float("nan")
        fa = sum(fired[i] for i in safe) / len(safe) if safe else float("nan")
        out[lang] = (rec, fa, len(risk), len(safe))
    return out


def it_label(it) -> set[str]:
    return set(it.get("label") or [])


def main(argv: list[str]) -> int:
    import yaml

    fp_dir = Path(argv[argv.index("--firstpass") + 1]) if "--firstpass" in argv else None
    labelled = yaml.safe_load((DATA / "labelled_lines.yaml").read_text(encoding="utf-8"))
    held = yaml.safe_load((DATA / "heldout.yaml").read_text(encoding="utf-8"))
    rs = S._rules()
    norm = {id(it): S.normalise(it["text"]) for it in labelled + held}
    import time

    for chars in (False, True):
        print(f"== features: words{' + char 4-grams' if chars else ''}")
        pooled: dict[float, list] = {}
        for b in (1, 2, 3):
            test = [it for it in held if it.get("batch", 1) == b]
            train_items = labelled + [it for it in held if it.get("batch", 1) != b]
            rows = [(features(norm[id(it)], chars), it_label(it)) for it in train_items]
            models = train(rows)
            rules_now = [S.screen(it["text"]).fired for it in test]
            first = json.loads((fp_dir / f"firstpass_{b}.json").read_text()) if fp_dir else None
            for thr in (0.7, 0.8, 0.9):
                t0 = time.perf_counter()
                mf = [model_fires(models, norm[id(it)], rs, thr, chars) for it in test]
                per_ms = (time.perf_counter() - t0) / len(test) * 1000
                if first is not None:
                    pooled.setdefault(thr, []).extend(zip(test, first, mf))
                lines = []
                for name, base in (("rules now", rules_now), ("rules first pass", first)):
                    if base is None:
                        continue
                    r0 = rates(test, base)
                    r1 = rates(test, [x or y for x, y in zip(base, mf)])
                    cells = "  ".join(
                        f"{lang} rec {r0[lang][0]:.2f}->{r1[lang][0]:.2f} fa {r0[lang][1]:.2f}->{r1[lang][1]:.2f}" for lang in S.LANGUAGES
                    )
                    lines.append(f"  {name:<17} {cells}")
                ro = rates(test, mf)
                lines.append("  model alone       " + "  ".join(f"{lang} rec {ro[lang][0]:.2f} fa {ro[lang][1]:.2f}" for lang in S.LANGUAGES))
                counts = ", ".join(f"{lang} {r[2]} risk/{r[3]} safe" for lang, r in rates(test, mf).items())
                print(f"batch {b} ({counts}), threshold {thr}, model {per_ms:.2f} ms a line:")
                print("\n".join(lines))
        for thr, rows in pooled.items():
            cells = []
            for lang in S.LANGUAGES:
                mine = [(it, f, m) for it, f, m in rows if it["lang"] == lang]
                risk = [(f, m) for it, f, m in mine if it_label(it)]
                safe = [(f, m) for it, f, m in mine if not it_label(it)]
                cells.append(
                    f"{lang} found {sum(f for f, _ in risk)}->{sum(f or m for f, m in risk)}/{len(risk)}"
                    f" alarms {sum(f for f, _ in safe)}->{sum(f or m for f, m in safe)}/{len(safe)}"
                )
            print(f"all batches, first pass, threshold {thr}: " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

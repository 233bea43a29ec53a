"""Train the screen's learned second signal (src/openness/safety/model.json), and measure it honestly.

Run by hand, not a test; needs scikit-learn (`pip install -e '.[train]'`):

    PYTHONPATH=src python3 benchmarks/train_safety_model.py --cv     # grouped holdout figures only
    ... --dump FILE     # also write each held-out line's signals (no text) as JSON
    PYTHONPATH=src python3 benchmarks/train_safety_model.py          # train on everything, write model.json

Training data: every labelled file in tests/safety/data except check/, which
holds sets written blind and kept out of training, so that the figures on them
say how the screen does on wording nobody tuned on (benchmarks/safety_eval.py
reports them).

Grouped holdout (always run; --cv stops after it): the files of
tests/safety/data/blind/ (one blind writer each) are dealt into FOLDS folds;
each fold is left out in turn, the model is trained on everything else and
scores the fold left out, so no line is scored by a model trained on its
writer's other lines. Pooled over
all those files, the figures of the rules alone and of rules OR model pick
each language's threshold written into model.json: the lowest whose pooled
false-alarm rate stays within FA_BUDGET. Prints figures only, never a line of
text.

The model is a multinomial logistic regression (classes: none and the four
categories; a line with two categories counts once for each) over
openness.safety.model.features of the normalised text, keeping features
seen in at least MIN_DF training lines (fewer cost recall; dropping small
weights instead cost recall in every language, Urdu most). Weights are
stored as float16.
"""

from __future__ import annotations

import base64
import collections
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "tests" / "safety" / "data"

from openness.safety import model as M  # noqa: E402
from openness.safety import screen as S  # noqa: E402

CLASSES = (M.NONE,) + S.CATEGORIES
C = 1.0
FA_BUDGET = 0.10  # the limit, held on sets harder than the (see benchmarks/README.md)
FOLDS = 6
MIN_DF = 3  # a feature must occur in this many training lines: 87k features instead of 202k, same figures


def training_files() -> list[Path]:
    return sorted(p for p in DATA.rglob("*.yaml") if "check" not in p.relative_to(DATA).parts)


def check_files() -> list[Path]:
    return sorted((DATA / "check").glob("*.yaml"))


def data_digest(files: list[Path]) -> str:
    """A digest of the training files and of the check sets (whose lines are left out of training)."""
    h = hashlib.sha256()
    for p in [*files, *check_files()]:
        h.update(p.relative_to(DATA).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def check_texts() -> set[str]:
    """Every check-set line, normalised: a training line with the same words is left out, so the check stays unseen."""
    import yaml

    return {S.normalise(it["text"]) for p in check_files() for it in yaml.safe_load(p.read_text(encoding="utf-8"))}


def load_items(files: list[Path]) -> list[tuple[dict, str]]:
    import yaml

    unseen = check_texts()
    out = []
    for p in files:
        group = p.relative_to(DATA).with_suffix("").as_posix()
        for it in yaml.safe_load(p.read_text(encoding="utf-8")):
            if S.normalise(it["text"]) not in unseen:
                out.append((it, group))
    return out


def rows(items):
    """(features, class) rows, keeping features seen in at least MIN_DF lines; a line with two categories gives a row for each."""
    feats = [M.features(S.normalise(it["text"])) for it, _ in items]
    df = collections.Counter(f for fs in feats for f in fs)
    X, y = [], []
    for (it, _), fs in zip(items, feats):
        f = {k: 1 for k in fs if df[k] >= MIN_DF}
        for c in it.get("label") or [M.NONE]:
            X.append(f)
            y.append(c)
    return X, y


def fit(items):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X, y = rows(items)
    dv = DictVectorizer()
    Xm = dv.fit_transform(X)
    lr = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
    lr.fit(Xm, y)
    order = [list(lr.classes_).index(c) for c in CLASSES]
    names = dv.get_feature_names_out()
    coef = lr.coef_[order]
    keep = [j for j in range(len(names)) if float(abs(coef[:, j]).max()) > 0.0]
    weights = coef[:, keep].T.astype("<f2").tobytes()  # feature by feature, class by class
    return {
        "version": M.MODEL_VERSION,
        "classes": list(CLASSES),
        "bias": [round(float(v), 4) for v in lr.intercept_[order]],
        "thresholds": {lang: 0.5 for lang in S.LANGUAGES},
        "features": "\n".join(str(names[j]) for j in keep),
        "weights": base64.b64encode(weights).decode("ascii"),
    }


def verdicts(items) -> list[tuple[bool, frozenset[int]]]:
    """The rules' answer for each line: (fired, the sentences where a match was cleared), as screen uses them."""
    rs = S._rules()
    out = []
    for it, _ in items:
        fired, _other, cleared = S._judge(S.normalise(it["text"]), rs)
        out.append((bool(fired), cleared))
    return out


def chances(items, rules, model_data) -> list[float]:
    """The model's highest chance of risk for each line the rules left alone (0 where they fired), as screen reads it."""
    m = M.Model(model_data)
    return [0.0 if fired else m.risk(S.normalise(it["text"]), cleared)[0] for (it, _), (fired, cleared) in zip(items, rules)]


def rates(items, rules, best, threshold: float, lang: str) -> tuple[float, float, int, int]:
    """Recall and false-alarm rate of the screen at one threshold: the rules, or else the model."""
    risk = found = safe = alarms = 0
    for (it, _), (fired, _), p in zip(items, rules, best):
        if it["lang"] != lang:
            continue
        hit = fired or p >= threshold
        if it.get("label"):
            risk += 1
            found += hit
        else:
            safe += 1
            alarms += hit
    return found / max(1, risk), alarms / max(1, safe), risk, safe


def cross_validate(items, dump: Path | None = None) -> tuple[dict[str, float], dict[str, dict]]:
    """Grouped holdout over the blind writers' files: each language's threshold, and the figures at it."""
    groups = sorted({g for _, g in items if g.startswith("blind/")})
    folds = [groups[i::FOLDS] for i in range(FOLDS)]
    held = [x for x in items if x[1] in groups]
    rules = verdicts(held)
    best = [0.0] * len(held)
    for fold in folds:
        train = [x for x in items if x[1] not in fold]
        idx = [i for i, x in enumerate(held) if x[1] in fold]
        for i, p in zip(idx, chances([held[i] for i in idx], [rules[i] for i in idx], fit(train))):
            best[i] = p
    if dump is not None:  # for analysis: no text, only what each line was and what each signal said
        rows = [
            {"group": g, "lang": it["lang"], "risk": bool(it.get("label")), "rules": r[0], "cleared": sorted(r[1]), "model": round(p, 4)}
            for (it, g), r, p in zip(held, rules, best)
        ]
        dump.write_text(json.dumps(rows), encoding="utf-8")
    chosen, figures = {}, {}
    for lang in S.LANGUAGES:
        rec0, fa0, n_risk, n_safe = rates(held, rules, best, 2.0, lang)  # no chance reaches 2: the rules alone
        print(f"{lang}: {n_risk} risk lines, {n_safe} others; rules alone: recall {rec0:.3f}, false alarms {fa0:.3f}")
        ok = [t / 100 for t in range(20, 100) if rates(held, rules, best, t / 100, lang)[1] <= FA_BUDGET]
        chosen[lang] = min(ok) if ok else 0.99
        rec, fa, _, _ = rates(held, rules, best, chosen[lang], lang)
        figures[lang] = {"lines": [n_risk, n_safe], "rules_alone": [round(rec0, 3), round(fa0, 3)], "rules_and_model": [round(rec, 3), round(fa, 3)]}
        for t in sorted({0.5, 0.6, 0.7, 0.8, chosen[lang]}):
            rec, fa, _, _ = rates(held, rules, best, t, lang)
            mark = "  <- chosen" if t == chosen[lang] else ""
            print(f"  rules + model at {t:.2f}: recall {rec:.3f}, false alarms {fa:.3f}{mark}")
    return chosen, figures


def main(argv: list[str]) -> int:
    files = training_files()
    items = load_items(files)
    print(f"{len(items)} labelled lines in {len(files)} files")
    t0 = time.perf_counter()
    dump = Path(argv[argv.index("--dump") + 1]) if "--dump" in argv else None
    thresholds, figures = cross_validate(items, dump)
    print(f"grouped holdout took {time.perf_counter() - t0:.0f} s")
    if "--cv" in argv:
        return 0
    data = fit(items)
    data["thresholds"] = thresholds
    data["holdout_figures"] = figures
    data["trained_on"] = data_digest(files)
    M.MODEL_FILE.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    n = data["features"].count("\n") + 1
    print(f"wrote {M.MODEL_FILE.relative_to(ROOT)}: {n} features, {M.MODEL_FILE.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Tests for the screen's learned second signal (openness.safety.model) and how screen uses it.

The figures on the check sets (tests/safety/data/check/, written blind and
never trained on) are pinned a little below what was measured when the model
was trained, so a change that makes the screen worse on unseen wording fails.
"""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest
import yaml

from openness.safety import model as model_mod
from openness.safety import screen as screen_mod
from openness.safety.screen import CATEGORIES, LANGUAGES, normalise, screen

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"

# measured on the check sets (all five pooled) when the model was last trained
# (benchmarks/README.md), less a small margin: (recall at least, false alarms at most)
# (measured: en 0.961 / 0.063, ur 0.957 / 0.050, roman_ur 0.942 / 0.038; one line is 0.004 to 0.02)
CHECK_FLOORS = {"en": (0.93, 0.10), "ur": (0.90, 0.10), "roman_ur": (0.88, 0.10)}


def _trainer():
    spec = importlib.util.spec_from_file_location("train_safety_model", ROOT / "benchmarks" / "train_safety_model.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_shipped_model_loads_and_is_well_formed():
    m = model_mod.load()
    assert m is not None
    assert m.classes == (model_mod.NONE,) + CATEGORIES
    assert set(m.thresholds) == set(LANGUAGES)
    assert all(0.0 < t < 1.0 for t in m.thresholds.values())
    assert len(m.index) > 1000
    assert len(m.weights) == len(m.index) * len(m.classes)
    assert sorted(m.index.values()) == list(range(0, len(m.weights), len(m.classes)))


def test_model_is_current_with_the_labelled_data():
    # after changing any labelled file, retrain:
    #   PYTHONPATH=src python benchmarks/train_safety_model.py   (needs the `train` extra)
    trainer = _trainer()
    data = json.loads(model_mod.MODEL_FILE.read_text(encoding="utf-8"))
    files = trainer.training_files()
    assert not any("check" in p.relative_to(trainer.DATA).parts for p in files), "the check sets must stay out of training"
    assert data["trained_on"] == trainer.data_digest(files)


def test_no_check_line_is_trained_on():
    # the blind writers were given the same brief, so a few short lines came out word for word
    # in both a check set and a training set: training leaves those out
    trainer = _trainer()
    unseen = trainer.check_texts()
    assert len(unseen) > 600
    files = [DATA / "blind" / "train_ao.yaml", DATA / "blind" / "train_n.yaml"]  # two that share lines with a check set
    every = [normalise(it["text"]) for p in files for it in _load(p)]
    trained = [normalise(it["text"]) for it, _ in trainer.load_items(files)]
    assert set(every) & unseen and not set(trained) & unseen
    assert len(trained) == len([t for t in every if t not in unseen])


def test_features_are_words_pairs_and_letter_groups():
    f = model_mod.features(normalise("I can't go on"))
    assert f == sorted(set(f))
    assert "w go" in f and "b can not" in f and "c  go " in f and "c can" in f
    assert model_mod.features("") == []
    assert model_mod.features(normalise("Ｉ  CAN'T go on")) == f


def test_chances_are_a_distribution():
    m = model_mod.load()
    for text in ("", "had a quiet day", "میں تھک گئی ہوں", "sab theek hai"):
        p = m.chances(normalise(text))
        assert set(p) == set(m.classes)
        assert math.isclose(sum(p.values()), 1.0, rel_tol=1e-9)


def test_model_finds_wording_the_rules_miss():
    # lines from the blind sets where the rules alone stay quiet: the model is
    # what finds most of them (they are its training lines, so this shows the
    # wiring, not how well it generalises: the check sets below do that)
    missed = [
        it for p in sorted((DATA / "blind").glob("*.yaml")) for it in _load(p)
        if it["label"] and not screen(it["text"], learned=False).fired
    ]
    assert len(missed) > 500
    found = sum(screen(it["text"]).fired for it in missed)
    assert found / len(missed) >= 0.8


def test_model_answer_names_a_category():
    m = model_mod.load()
    for it in _load(DATA / "blind" / "train_p.yaml")[:60]:
        risk, category = m.risk(normalise(it["text"]))
        assert 0.0 <= risk <= 1.0 and category in CATEGORIES


def test_the_rules_answer_stands_and_the_model_reads_only_what_they_left():
    # a direct disclosure in words the training lines rarely use: the rules find it
    assert screen("Someone raped me at a party.").categories == {"abuse"}
    # where a rule matched and saw why it is not the writer's risk, the model does not read
    for text in ("I don't want to die.", "There's no way out of this meeting.", "I used to cut, 500 days clean today."):
        assert not screen(text).fired, text
    # the sentences it may read: the cleared one left out, no window across it
    assert model_mod.windows("a . b . c", frozenset({1})) == ["a", "c"]
    assert model_mod.windows("a . b . c", frozenset({2})) == ["a", "b", "a . b"]


def test_a_rule_missing_its_second_sign_leaves_the_sentence_to_the_model():
    rules = screen_mod._rules()
    # "tonight is the night" is kept by the rules only beside a sign of what "it" is:
    # without one the rules stay quiet, but nothing says it is safe either
    assert screen_mod._judge(normalise("Tonight is the night."), rules) == (set(), False, frozenset())
    # a figure of speech is a reason: that sentence is not the model's to read
    assert screen_mod._judge(normalise("I can not leave, the baby is asleep."), rules)[2] == {0}


def test_worry_about_someone_else_is_not_the_writers_risk():
    for text in (
        "My friend said she wants to die and I'm worried sick.",
        "meri dost keh rahi thi ke woh mar jana chahti hai, mujhe bohat fikar hai",
    ):
        res = screen(text)
        assert not res.fired and res.concern_for_other, text


def test_screen_runs_on_rules_alone_without_a_model(monkeypatch, tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text("{not json", encoding="utf-8")
    assert model_mod.load.__wrapped__(str(bad)) is None
    assert model_mod.load.__wrapped__(str(tmp_path / "missing.json")) is None
    monkeypatch.setattr(model_mod, "load", lambda path=None: None)
    assert screen("I want to kill myself").fired
    assert not screen("had a quiet day").fired


def test_long_entry_is_read_a_sentence_or_two_at_a_time():
    assert model_mod.windows("a . b") == ["a . b"]
    assert model_mod.windows("a . b . c . d") == ["a", "b", "c", "d", "a . b", "b . c", "c . d"]
    m = model_mod.load()
    calm = " ".join(["Walked the dog and made soup, a slow and ordinary day."] * 8)
    risky = "Wrote letters to everyone tonight and gave my guitar to my brother, I won't be needing it."
    alone = m.risk(normalise(risky))[0]
    assert alone >= m.thresholds["en"]
    assert m.risk(normalise(calm))[0] < m.thresholds["en"]
    assert m.risk(normalise(calm + " " + risky + " " + calm))[0] >= m.thresholds["en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_figures_on_the_check_sets(lang):
    items = [it for p in sorted((DATA / "check").glob("*.yaml")) for it in _load(p) if it["lang"] == lang]
    risky = [it for it in items if it["label"]]
    safe = [it for it in items if not it["label"]]
    assert len(risky) >= 20 and len(safe) >= 30
    recall = sum(screen(it["text"]).fired for it in risky) / len(risky)
    false_rate = sum(screen(it["text"]).fired for it in safe) / len(safe)
    min_recall, max_false = CHECK_FLOORS[lang]
    assert recall >= min_recall, f"{lang} recall {recall:.3f}"
    assert false_rate <= max_false, f"{lang} false alarms {false_rate:.3f}"


def test_rules_only_switch_leaves_the_model_out(monkeypatch):
    calls = []

    class Spy:
        def judge(self, norm, language, skip=frozenset()):
            calls.append((language, skip))
            return frozenset({"hopeless"})

    monkeypatch.setattr(model_mod, "load", lambda path=None: Spy())
    assert screen("had a quiet day").categories == {"hopeless"}
    assert calls == [("en", frozenset())]
    assert not screen("had a quiet day", learned=False).fired
    assert len(calls) == 1
    # the rules fired: the model is not asked
    assert screen("I want to kill myself").categories == {"suicide"}
    assert len(calls) == 1
    # a sentence the rules cleared (someone else) is skipped
    screen("meri dost keh rahi thi ke woh mar jana chahti hai. main bhi thak gayi hoon")
    assert calls[-1] == ("roman_ur", frozenset({0}))

"""Tests for the local risky-language screen (openness.safety.screen).

The labelled set pins the targets per language; the focused tests below pin
each kind of judgement the screen makes, always in pairs (a risky line that
must fire next to the safe line that must not), so no test can pass by a
screen that fires on everything or on nothing.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path

import pytest
import yaml

from openness.safety import screen as screen_mod
from openness.safety.screen import CATEGORIES, LANGUAGES, RulesError, Screening, load_rules, normalise, screen

DATA = Path(__file__).parent / "data" / "labelled_lines.yaml"
# written blind, before the rules were read or changed (batch 1), then two more blind batches (batch: 2, 3)
HELDOUT = Path(__file__).parent / "data" / "heldout.yaml"

TARGETS = {  # language: (minimum recall on risk lines, maximum false-alarm rate on the rest)
    "en": (0.95, 0.10),
    "ur": (0.90, 0.10),
    "roman_ur": (0.90, 0.10),
}


def _items() -> list[dict]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _heldout() -> list[dict]:
    return yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))


def _rates(items: list[dict]) -> tuple[float, float, list[str], list[str]]:
    risky = [it for it in items if it["label"]]
    safe = [it for it in items if not it["label"]]
    missed = [it["text"] for it in risky if not screen(it["text"]).fired]
    alarms = [it["text"] for it in safe if screen(it["text"]).fired]
    return 1 - len(missed) / len(risky), len(alarms) / len(safe), missed, alarms


# --------------------------------------------------------------------------
# The labelled set
# --------------------------------------------------------------------------


def test_labelled_set_is_well_formed_and_large_enough():
    items = _items()
    allowed = {"text", "lang", "label", "other"}
    counts = {lang: 0 for lang in LANGUAGES}
    risk = {lang: 0 for lang in LANGUAGES}
    cats = {lang: set() for lang in LANGUAGES}
    for it in items:
        assert set(it) <= allowed and {"text", "lang", "label"} <= set(it), it
        assert it["lang"] in LANGUAGES
        assert isinstance(it["text"], str) and it["text"].strip()
        assert set(it["label"]) <= set(CATEGORIES)
        if it.get("other"):
            assert it["label"] == [], "a line about someone else is not the writer's own risk"
        counts[it["lang"]] += 1
        risk[it["lang"]] += bool(it["label"])
        cats[it["lang"]] |= set(it["label"])
    assert counts["en"] >= 170 and counts["ur"] >= 60 and counts["roman_ur"] >= 40
    for lang in LANGUAGES:
        assert 0.3 <= risk[lang] / counts[lang] <= 0.5, lang
        assert cats[lang] == set(CATEGORIES), f"{lang} lacks {set(CATEGORIES) - cats[lang]}"
    texts = [it["text"] for it in items]
    assert len(texts) == len(set(texts)), "duplicate lines"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_targets_on_labelled_set(lang):
    min_recall, max_false = TARGETS[lang]
    items = [it for it in _items() if it["lang"] == lang]
    risky = [it for it in items if it["label"]]
    safe = [it for it in items if not it["label"]]
    missed = [it["text"] for it in risky if not screen(it["text"]).fired]
    alarms = [it["text"] for it in safe if screen(it["text"]).fired]
    recall = 1 - len(missed) / len(risky)
    false_rate = len(alarms) / len(safe)
    assert recall >= min_recall, f"{lang} recall {recall:.3f}; missed: {missed}"
    assert false_rate <= max_false, f"{lang} false alarms {false_rate:.3f}: {alarms}"


def test_heldout_set_is_well_formed_and_large_enough():
    items = _heldout()
    allowed = {"text", "lang", "label", "other", "batch"}
    counts = {lang: 0 for lang in LANGUAGES}
    risk = {lang: 0 for lang in LANGUAGES}
    cats = {lang: set() for lang in LANGUAGES}
    for it in items:
        assert set(it) <= allowed and {"text", "lang", "label"} <= set(it), it
        assert it["lang"] in LANGUAGES
        assert isinstance(it["text"], str) and it["text"].strip()
        assert set(it["label"]) <= set(CATEGORIES)
        assert it.get("batch", 1) in (1, 2, 3)
        if it.get("other"):
            assert it["label"] == [], "a line about someone else is not the writer's own risk"
        counts[it["lang"]] += 1
        risk[it["lang"]] += bool(it["label"])
        cats[it["lang"]] |= set(it["label"])
    assert counts["en"] >= 250 and counts["ur"] >= 100 and counts["roman_ur"] >= 80
    for lang in LANGUAGES:
        assert 0.3 <= risk[lang] / counts[lang] <= 0.5, lang
        assert cats[lang] == set(CATEGORIES), f"{lang} lacks {set(CATEGORIES) - cats[lang]}"
    texts = [it["text"] for it in items]
    assert len(texts) == len(set(texts)), "duplicate lines"
    # not copied from the set the rules were first written against: only a few short,
    # common lines ("I want to die.") happen to be in both
    assert len(set(texts) & {it["text"] for it in _items()}) <= 0.05 * len(texts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_targets_on_heldout_set(lang):
    min_recall, max_false = TARGETS[lang]
    recall, false_rate, missed, alarms = _rates([it for it in _heldout() if it["lang"] == lang])
    assert recall >= min_recall, f"{lang} recall {recall:.3f}; missed: {missed}"
    assert false_rate <= max_false, f"{lang} false alarms {false_rate:.3f}: {alarms}"


def test_categories_on_labelled_set_mostly_match():
    hits = total = 0
    for it in _items():
        if it["label"]:
            res = screen(it["text"])
            if res.fired:
                total += 1
                hits += bool(set(it["label"]) & res.categories)
    assert total and hits / total >= 0.9


@pytest.mark.parametrize("load, minimum", [(_items, 10), (_heldout, 20)], ids=["labelled", "heldout"])
def test_concern_for_other(load, minimum):
    items = load()
    others = [it for it in items if it.get("other")]
    assert len(others) >= minimum
    flagged = [it["text"] for it in others if screen(it["text"]).concern_for_other]
    assert len(flagged) / len(others) >= 0.8, set(it["text"] for it in others) - set(flagged)
    # and the writer's own risk lines are not mistaken for worry about someone else
    own = [it for it in items if it["label"]]
    wrongly = [it["text"] for it in own if screen(it["text"]).concern_for_other]
    assert len(wrongly) <= 0.05 * len(own), wrongly


# --------------------------------------------------------------------------
# The public interface
# --------------------------------------------------------------------------


def test_screening_shape():
    names = [f.name for f in dataclasses.fields(Screening)]
    assert names == ["categories", "language", "concern_for_other"], "no scores, no matched words"
    s = Screening(categories=frozenset({"suicide"}), language="en")
    assert s.fired and s.concern_for_other is False
    assert not Screening(categories=frozenset(), language="en").fired
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.language = "ur"  # type: ignore[misc]


def test_screen_returns_known_values():
    res = screen("I want to kill myself")
    assert isinstance(res, Screening)
    assert res.categories == frozenset({"suicide"})
    assert isinstance(res.categories, frozenset)
    assert res.language == "en"


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["I want to d\u200bie", "I want to d\u200cie", "I want to d\u200die", "\ufeffI want to die", "I want\u2060 to die", "I w\u00adant to die"],
)
def test_normalise_removes_invisible_characters(raw):
    assert normalise(raw) == "i want to die"
    assert screen(raw).categories == {"suicide"}


def test_normalise_folds_arabic_letter_forms():
    # Arabic yeh, heh and presentation forms against the Urdu letters
    assert normalise("يه ﻣﻴﮟ مرنا چاهتي هوں") == normalise("یہ میں مرنا چاہتی ہوں")
    assert normalise("كيا") == normalise("کیا")
    assert normalise("أ إ آ") == "ا ا ا"
    assert normalise("ة") == normalise("ہ")
    # diacritics and tatweel go
    assert normalise("مَرنا") == normalise("مرنا")
    assert normalise("مـــرنا") == normalise("مرنا")
    # do-chashmi heh and round heh are one letter (people type both: مجھے / مجہے)
    assert normalise("مجھے") == normalise("مجہے")
    # Arabic-Indic digits and Urdu punctuation
    assert normalise("۲۰۱۹") == "2019"
    assert normalise("ہاں، ٹھیک۔") == normalise("ہاں, ٹھیک.")


def test_arabic_letter_forms_screen_like_urdu_ones():
    urdu = "میں مرنا چاہتی ہوں"
    arabic_forms = "ميں مرنا چاهتي هوں"
    assert screen(urdu).categories == screen(arabic_forms).categories == {"suicide"}
    assert screen(arabic_forms).language == "ur"


@pytest.mark.parametrize("raw", ["I don't want to die", "I dont want to die", "I don’t want to die", "I DON'T WANT TO DIE", "i don`t want to die"])
def test_normalise_unifies_apostrophes_and_contractions(raw):
    assert normalise(raw) == "i do not want to die"
    assert not screen(raw).fired


def test_normalise_shorthand_and_repeats():
    assert normalise("u r so kind") == "you are so kind"
    assert normalise("i wanna diiiie") == "i want to die"
    assert normalise("im gonna") == "i am going to"
    assert normalise("cant, wont") == "can not, will not"
    assert normalise("self-harm") == "self harm"
    assert normalise("  lots   of\t\tspace  ") == "lots of space"
    assert normalise("What?!  Really...") == "what. really"
    assert normalise("soooo tired") == "so tired"
    assert screen("i want to diiiieeee").categories == {"suicide"}
    assert screen("killlll myself").categories == {"suicide"}


def test_normalise_never_raises_and_returns_str():
    for raw in ["", "\x00", "\ud800", "😀" * 5, None, 42]:  # type: ignore[list-item]
        assert isinstance(normalise(raw), str)


# --------------------------------------------------------------------------
# Judgements, each as a pair: the risky line fires, its safe twin does not
# --------------------------------------------------------------------------

NEGATION_PAIRS = [
    ("I want to die.", "I don't want to die."),
    ("I want to hurt myself.", "I would never hurt myself."),
    ("I'm suicidal.", "I'm not suicidal, just tired."),
    ("He hits me.", "He has never hit me."),
    ("main marna chahta hoon", "main marna nahi chahta"),
    ("میں مرنا چاہتی ہوں۔", "میں مرنا نہیں چاہتی۔"),
    ("میں خود کو نقصان پہنچاتی ہوں۔", "میں کبھی خود کو نقصان نہیں پہنچاؤں گی۔"),
]


@pytest.mark.parametrize("risky,safe", NEGATION_PAIRS)
def test_negation(risky, safe):
    assert screen(risky).fired
    assert not screen(safe).fired


def test_negation_that_is_part_of_the_meaning_still_fires():
    for text in ["I don't want to live anymore.", "There's no reason to live.", "jeene ka dil nahi karta", "جینے کا دل نہیں کرتا۔", "Nobody would care if I died."]:
        assert screen(text).categories == {"suicide"}, text


FIGURATIVE = [
    "This deadline is killing me.",
    "I could kill for a coffee.",
    "My feet are dying.",
    "I died laughing.",
    "The battery died.",
    "My phone is dying.",
    "I cut myself shaving.",
    "My brother beat me at chess.",
    "My mum is going to kill me when she sees my grades.",
    "There's no way out of this meeting.",
    "I'm stuck in traffic forever.",
    "bhook se mar raha hoon",
    "فون کی بیٹری مر گئی۔",
]


@pytest.mark.parametrize("text", FIGURATIVE)
def test_figurative_speech_does_not_fire(text):
    assert not screen(text).fired


def test_figurative_cues_do_not_hide_the_literal_twin():
    assert screen("I cut myself last night.").categories == {"self_harm"}
    assert screen("My brother beats me.").categories == {"abuse"}
    assert screen("My brother said he'll kill me if I marry him.").categories == {"abuse"}
    assert screen("There's no way out of this.").categories == {"hopeless"}


OTHERS = [
    "My friend said she wants to die.",
    "My sister told me she's been cutting herself.",
    "I'm worried my brother is going to kill himself.",
    "My dad hits my mum.",
    "meri dost kehti hai woh marna chahti hai",
    "میری دوست کہتی ہے کہ وہ مرنا چاہتی ہے۔",
]


@pytest.mark.parametrize("text", OTHERS)
def test_someone_else_sets_concern_not_own_risk(text):
    res = screen(text)
    assert not res.fired
    assert res.concern_for_other


def test_own_risk_is_not_concern_for_other():
    res = screen("I want to die.")
    assert res.fired and not res.concern_for_other
    both = screen("My friend said she wants to die. Honestly I want to die too.")
    assert both.categories == {"suicide"} and both.concern_for_other


FICTION = [
    "The character in the novel kills himself.",
    "I read an article about suicide rates.",
    "We watched a documentary about domestic abuse in class.",
    "In the movie, she cuts herself to cope.",
    "ڈرامے میں ہیروئن خودکشی کر لیتی ہے۔",
    "drama mein heroine khudkushi kar leti hai",
]


@pytest.mark.parametrize("text", FICTION)
def test_fiction_and_news_do_not_fire(text):
    res = screen(text)
    assert not res.fired
    assert not res.concern_for_other


def test_past_left_behind_does_not_fire_but_a_relapse_does():
    assert not screen("I used to want to die; I'm doing better now.").fired
    assert not screen("Two years ago I hurt myself but I haven't since.").fired
    assert not screen("پہلے میں مرنا چاہتی تھی، اب الحمدللہ بہتر ہوں۔").fired
    assert not screen("pehle main marna chahti thi, ab alhamdulillah behtar hoon").fired
    assert screen("I used to cut, and last night I did it again.").categories == {"self_harm"}
    assert screen("I used to cut. Last night I did it again.").categories == {"self_harm"}
    assert screen("Two years ago I hurt myself, and I hurt myself again yesterday.").categories == {"self_harm"}
    assert screen("I used to cut myself but now I want to kill myself.").fired


def test_harm_done_to_the_writer_in_the_past_counts_until_they_say_they_are_out_of_it():
    # a disclosure is usually told in the past tense
    assert screen("I was sexually abused as a child and I still can't talk about it.").categories == {"abuse"}
    assert screen("When I was nine my uncle did things to me.").categories == {"abuse"}
    assert screen("میرے چچا بچپن میں مجھے غلط طریقے سے چھوتے تھے۔").categories == {"abuse"}
    # ... and is left behind when the writer says so
    assert not screen("My father beat me when I was a child; I'm safe now and have my own home.").fired
    assert not screen("My ex used to control my money, but I've had my own account for two years now.").fired
    assert not screen("بچپن میں ابو مجھے مارتے تھے، اب میں اپنے گھر میں محفوظ ہوں۔").fired


def test_what_nearly_happened_is_not_a_past_left_behind():
    assert screen("If it wasn't for my dog I'd have ended my life months ago.").categories == {"suicide"}
    assert not screen("I ended up thinking about ending my life months ago, but I'm in a good place now.").fired


def test_a_fragment_is_read_with_the_sentence_before():
    assert screen("It's all too much, I want out. For good.").categories == {"suicide"}
    assert screen("I relapsed. 3 months clean gone.").categories == {"self_harm"}
    assert not screen("I want out. Of this job, I mean.").fired


@pytest.mark.parametrize(
    "risky,safe",
    [
        ("I just want to make it all stop.", "Turned off my notifications to make the buzzing stop."),
        ("I've written goodbye letters to my kids.", "I wrote a goodbye message to my team on my last day."),
        ("I've started giving my things away, I won't need them.", "Gave my old clothes away to charity."),
        ("I wrote my will today. I just want everything sorted before I go.", "I wrote my will after my daughter was born, like responsible adults do."),
        ("I cut myself with a knife last night.", "Cut my finger chopping onions."),
        ("he said no one would believe me if i told", "He said nobody would believe me about the UFO lol"),
        ("Someone raped me at a party.", "We danced at a party."),
        ("I'm not allowed to see my family anymore, he says they're poisoning me against him.", "My dad won't let me go to the party, so unfair."),
        ("I'm never getting better.", "I'll never get better at drawing lol"),
        ("میں نے امی کے لیے ایک آخری خط لکھ کر رکھ دیا ہے۔", "ریٹائر ہونے والے ساتھی کے لیے الوداعی کارڈ لکھا۔"),
        ("اس نے کہا کسی کو بتایا تو کوئی یقین نہیں کرے گا۔", "بھائی نے میری چاکلیٹ کھا لی، میں اسے مار ڈالوں گی۔"),
        ("usne mera gala dabaya", "ye kaam to mujhe maar dalega yaar, itna workload hai"),
    ],
)
def test_indirect_wording_pairs(risky, safe):
    assert screen(risky).fired, risky
    assert not screen(safe).fired, safe


@pytest.mark.parametrize(
    "text",
    [
        "My dad says nothing will ever change and he's given up.",
        "My girlfriend feels completely trapped and says there's no way out.",
        "ابو کہتے ہیں کچھ نہیں بدلے گا، انہوں نے ہمت ہار دی ہے۔",
        "abbu kehte hain kuch nahi badlega, unhon ne himmat haar di hai",
    ],
)
def test_hopelessness_about_someone_else_sets_concern(text):
    res = screen(text)
    assert not res.fired
    assert res.concern_for_other


def test_whom_a_letter_is_for_is_not_who_wrote_it():
    res = screen("میں نے امی کے لیے ایک آخری خط لکھ کر رکھ دیا ہے۔")
    assert res.categories == {"suicide"} and not res.concern_for_other
    res = screen("I wrote a goodbye letter to my sister today.")
    assert res.categories == {"suicide"} and not res.concern_for_other


def test_someone_elses_words_are_theirs():
    res = screen("My best mate texted me 'I can't do this anymore' at 3am.")
    assert not res.fired and res.concern_for_other
    assert screen("I can't do this anymore, sorry mum.").fired


def test_someone_elses_words_reported_in_urdu_are_theirs():
    # the rules alone: "my friend has been saying for days that she doesn't feel like living"
    res = screen("میری سہیلی ریشماں کئی دن سے کہہ رہی ہے کہ اب جینے کا دل نہیں، میں اس کے لیے بہت ڈری ہوئی ہوں", learned=False)
    assert not res.fired
    assert screen("کئی دن سے جینے کا دل نہیں کرتا", learned=False).categories == {"suicide"}
    # the writer saying it to someone is still the writer's own
    assert screen("میں نے امی کو بتایا کہ اب جینے کا دل نہیں", learned=False).fired


def test_an_earlier_self_looked_back_on_is_the_past_unless_the_urge_is_here_now():
    for text in ("teen me wanted to die. adult me wants a dog",
                 "18 months since I last hurt myself and I barely think about it anymore",
                 "ایک سال ہو گیا خود کو زخمی کیے بغیر، اپنے لیے کیک لائی"):
        assert not screen(text, learned=False).fired, text
    assert screen("it's been 40 days since i last hurt myself and i'm so tempted tonight", learned=False).fired


def test_joking_kms_is_a_figure_of_speech_unless_they_mean_it():
    assert not screen("kms this printer is jammed AGAIN", learned=False).fired
    assert not screen("forgot my lunch at home again kms lol", learned=False).fired
    assert screen("kms fr this time, not joking", learned=False).categories == {"suicide"}
    assert screen("want to kms tbh", learned=False).categories == {"suicide"}
    assert not screen("if one more person says circle back I'm walking into the sea", learned=False).fired
    assert screen("I keep thinking about walking into the sea and not coming back", learned=False).categories == {"suicide"}


def test_studying_a_subject_is_not_the_writers_own():
    assert not screen("Dissertation chapter on self-harm in adolescents finally drafted.", learned=False).fired
    assert not screen("Revising for my nursing exam: self-harm risk assessment and safeguarding", learned=False).fired
    assert not screen("یہ ڈیڈ لائن مجھے مار ڈالے گی", learned=False).fired
    assert not screen("Aisha's family keep her passport. I gave her the forced marriage unit number.", learned=False).fired
    assert screen("My parents are arranging a forced marriage for me this summer", learned=False).categories == {"abuse"}
    assert not screen("I got away from a forced marriage at 19, now I'm a solicitor", learned=False).fired
    # out of it, but the harm goes on
    assert screen("I escaped the relationship but he still texts me threats every night", learned=False).categories == {"abuse"}
    assert screen("I self-harm when the house goes quiet", learned=False).categories == {"self_harm"}
    assert screen("وہ کہتا ہے اگر میں نے انکار کیا تو مجھے مار ڈالے گا", learned=False).categories == {"abuse"}


def test_the_gate_never_skips_a_group_that_would_match():
    rs = screen_mod._rules()
    gated = [(f, g) for f in rs.files for g in f.groups if g.gate is not None]
    assert len(gated) >= 0.9 * sum(len(f.groups) for f in rs.files)
    for it in _items() + _heldout():
        norm = normalise(it["text"])
        for sent in filter(None, (x.strip(" ,") for x in norm.split("."))):
            for f, g in gated:
                if g.prefilter.search(sent):
                    assert any(a in sent for a in g.gate), (f.language, g.category, it["text"])


def test_the_gate_cache_is_current():
    # rebuild it with: PYTHONPATH=src python -c "from openness.safety.screen import write_gate_cache; write_gate_cache()"
    assert json.loads(screen_mod.GATES_FILE.read_text(encoding="utf-8")) == screen_mod.fresh_gates()


def test_lazy_rules_judge_like_rules_compiled_at_once(monkeypatch):
    lazy = screen_mod._rules()
    assert all(f.groups[0].pattern_gates for f in lazy.files)
    eager = screen_mod._build_ruleset([load_rules(screen_mod.RULES_DIR / screen_mod.RULE_FILES[lang]) for lang in LANGUAGES])
    texts = [it["text"] for it in _items() + _heldout()]
    monkeypatch.setattr(screen_mod, "_cache", eager)
    expected = [screen(x) for x in texts]
    monkeypatch.setattr(screen_mod, "_cache", lazy)
    assert [screen(x) for x in texts] == expected


def test_a_changed_rules_file_is_compiled_in_full(monkeypatch):
    monkeypatch.setattr(screen_mod, "_cached_gates", lambda: {})
    rf = screen_mod._load_shipped("en", {})
    assert rf.groups[0]._parts is not None  # compiled now, gates read off the patterns
    assert [g.pattern_gates for g in rf.groups] == [g.pattern_gates for g in screen_mod._rules().files[0].groups]


def test_the_past_clears_only_its_own_sentence():
    text = "I used to want to die; I'm doing better now. Actually, today I want to die again."
    assert screen(text).categories == {"suicide"}


PAINFUL_BUT_SAFE = [
    "I feel so alone.",
    "I'm such a failure.",
    "I cried all day.",
    "I hate my job.",
    "I feel numb.",
    "I'm ashamed of myself.",
    "I feel worthless.",
    "I'm exhausted.",
    "I feel hopeless.",
    "I give up.",
    "I feel so sad and lonely.",
    "mera dil nahi lagta",
    "میں بہت اداس ہوں۔",
    "bohat akela mehsoos karta hoon",
]


@pytest.mark.parametrize("text", PAINFUL_BUT_SAFE)
def test_painful_feelings_never_fire_on_their_own(text):
    assert not screen(text).fired


def test_hopeless_needs_being_trapped_or_no_way_out():
    assert not screen("I feel hopeless.").fired
    assert not screen("I want to give up on this project.").fired
    assert screen("I feel hopeless and trapped, there's no way out.").categories == {"hopeless"}
    assert screen("Nothing will ever get better.").categories == {"hopeless"}


@pytest.mark.parametrize(
    "text,cats",
    [
        ("kms", {"suicide"}),
        ("gonna unalive myself", {"suicide"}),
        ("I wish I could go to sleep and never wake up", {"suicide"}),
        ("everyone would be better off without me", {"suicide"}),
        ("relapsed on sh last night", {"self_harm"}),
        ("cutting again", {"self_harm"}),
        ("my husband won't let me see my friends or have money", {"abuse"}),
        ("she checks my phone and threatens me", {"abuse"}),
        ("they'll hurt me for bringing shame on the family", {"abuse"}),
        ("I'm trapped and can't escape this", {"hopeless"}),
        ("mar jana chahta hun", {"suicide"}),
        ("main khud ko khatam karna chahta hoon", {"suicide"}),
        ("میرا شوہر مجھے مارتا ہے", {"abuse"}),
    ],
)
def test_direct_indirect_and_euphemisms(text, cats):
    assert screen(text).categories == cats


def test_language_of_the_text():
    assert screen("I feel tired today").language == "en"
    assert screen("aaj bohat thak gayi hoon yaar").language == "roman_ur"
    assert screen("آج میں بہت تھک گئی ہوں").language == "ur"
    assert screen("").language == "en"
    # mostly Urdu script with an English word
    assert screen("آج میں بہت tired ہوں اور اداس ہوں").language == "ur"


# --------------------------------------------------------------------------
# Robustness, privacy, speed
# --------------------------------------------------------------------------

WEIRD = [
    "",
    " ",
    "\x00\x01\x02\x7f",
    "\ud800\udfff",
    "\ufeff\u200b\u200c\u200d",
    "ـــــ",
    "😀" * 200,
    "\u202eevil\u202c",
    "ﻻ ﷲ ﷺ",
    "e" + "\u0301" * 300,
    "((((([[[[{{{{",
    "\\" * 50,
    "%s %d {0} {self}",
    "'" * 40,
    "-" * 5000,
    "a" * 50000,
    "i want to die " * 2000,
    "یہ\u200cمیں\u200d" * 100,
    "mixed میں want to مرنا die",
    "\n\r\t\x0b\x0c\u2028\u2029",
]


@pytest.mark.parametrize("text", WEIRD, ids=[f"odd{i}" for i in range(len(WEIRD))])
def test_never_raises_on_odd_input(text):
    res = screen(text)
    assert isinstance(res, Screening)
    assert res.categories <= set(CATEGORIES)
    assert res.language in LANGUAGES


def test_never_raises_property():
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(st.text(max_size=400))
    def check(text):
        res = screen(text)
        assert res.categories <= set(CATEGORIES)
        assert res.language in LANGUAGES

    check()


def test_never_prints_or_logs_the_text(capsys, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "I want to kill myself tonight, zebra-quartz-7"
    assert screen(secret).fired
    out, err = capsys.readouterr()
    assert out == "" and err == ""
    assert "zebra" not in caplog.text and caplog.records == []


# --------------------------------------------------------------------------
# The rules files
# --------------------------------------------------------------------------

MINIMAL = """\
language: en
categories:
  suicide:
    - patterns: ['want to die']
context:
  negation: {cues: [not], bridge: [do], words_before: 3}
"""


def test_shipped_rules_load_and_every_pattern_compiles():
    screen_mod.check_rules(strict=True)
    for lang in LANGUAGES:
        rf = load_rules(screen_mod.RULES_DIR / screen_mod.RULE_FILES[lang])
        assert rf.language == lang
        assert {g.category for g in rf.groups} == set(CATEGORIES)


def test_doubled_letters_in_patterns_also_match_single_ones_but_off_is_not_of(tmp_path):
    p = tmp_path / "en.yaml"
    p.write_text(MINIMAL.replace("'want to die'", "'kill myself', 'better off'"), encoding="utf-8")
    pats = load_rules(p).groups[0].patterns
    assert pats[0].search("i want to kil myself")  # "killll" arrives as "kil"
    assert pats[1].search("better off") and not pats[1].search("better of")


def test_minimal_rules_file_loads(tmp_path):
    p = tmp_path / "en.yaml"
    p.write_text(MINIMAL, encoding="utf-8")
    rf = load_rules(p)
    (group,) = rf.groups
    assert group.category == "suicide"
    assert group.patterns[0].search("i want to die")
    assert not group.patterns[0].search("i want to dine")


@pytest.mark.parametrize(
    "bad,where",
    [
        (MINIMAL + "colour: blue\n", "'colour'"),
        (MINIMAL.replace("    - patterns:", "    - mood: sad\n      patterns:"), "'mood'"),
        (MINIMAL.replace("words_before: 3}", "words_before: 3, reach: 2}"), "'reach'"),
        (MINIMAL.replace("context:", "context:\n  sarcasm: {cues: [lol]}"), "'sarcasm'"),
    ],
)
def test_unknown_key_is_a_clear_error(tmp_path, bad, where):
    p = tmp_path / "broken_rules.yaml"
    p.write_text(bad, encoding="utf-8")
    with pytest.raises(RulesError) as e:
        load_rules(p)
    msg = str(e.value)
    assert "broken_rules.yaml" in msg and where in msg and "unknown key" in msg


@pytest.mark.parametrize(
    "bad,needle",
    [
        (MINIMAL.replace("'want to die'", "'want to (die'"), "not a valid regular expression"),
        (MINIMAL.replace("'want to die'", "'{nowhere} die'"), "unknown fragment"),
        (MINIMAL.replace("  suicide:", "  sadness:"), "unknown category"),
        (MINIMAL.replace("'want to die'", "'Want to die'"), "lower case"),
        (MINIMAL.replace("language: en", "language: fr"), "language"),
        (MINIMAL.replace("cues: [not]", "cues: [no]"), "quote"),
        (MINIMAL.replace("'want to die'", "'want to die '"), "space"),
        (MINIMAL.replace("    - patterns: ['want to die']", "    - patterns: []"), "at least one pattern"),
        (MINIMAL.replace("language: en", "language: en\nfragments: {a: '{b}', b: '{a}'}"), "refers to itself"),
        ("- just\n- a list\n", "expected a mapping"),
        ("language: en\ncategories: [\n", "not valid YAML"),
    ],
)
def test_malformed_rules_are_clear_errors(tmp_path, bad, needle):
    p = tmp_path / "rules_x.yaml"
    p.write_text(bad, encoding="utf-8")
    with pytest.raises(RulesError) as e:
        load_rules(p)
    assert "rules_x.yaml" in str(e.value) and needle in str(e.value)


def test_roman_urdu_puts_not_after_and_has_its_own_figures_of_speech():
    for text in ("suicidal nahi hoon, sirf neend ki kami hai",
                 "yeh biryani itni achi ke mar jaon",
                 "ek saal ho gaya khud ko zakhmi kiye baghair",
                 "us ghar se nikle 3 saal ho gaye jahan woh maarta tha, aaj apna flat hai apni chaabi",
                 "college mein marna chahta tha, ab beta hai mera, sab badal gaya"):
        assert not screen(text, learned=False).fired, text
    assert screen("main suicidal hoon aur kisi ko nahi pata", learned=False).categories == {"suicide"}
    assert screen("dil karta hai mar jaun", learned=False).categories == {"suicide"}


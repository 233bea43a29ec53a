"""Every word openness prints follows the safe-messaging rules
(../shared/safety/guidelines.md, "14 rules" and "Cross-cutting").

The checker looks at every catalog string in every language, every exercise
text in every language, the emotion words and the names of the support lines
we show. It is tested on planted bad strings first, so a silent checker
cannot pass.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from openness import i18n

# -- the rules ---------------------------------------------------------------------

I = re.IGNORECASE

# rule 4: stigmatising or sensational wording; rule 13: claims the app hasn't shown
STIGMA = [
    re.compile(r"\bcommit(?:s|ted|ting)?\s+suicide\b", I),
    re.compile(r"\b(?:successful|unsuccessful|failed|completed)\s+(?:suicide\s+)?attempts?\b", I),
    re.compile(r"\b(?:successful|completed|failed)\s+suicides?\b", I),
    re.compile(r"\bepidemic\b", I),
    re.compile(r"\bprevents?\s+suicide\b", I),
    re.compile(r"\bclinically\s+(?:proven|validated)\b", I),
    re.compile(r"خودکشی\s+کا\s+ارتکاب|ارتکاب\S*\s+خودکشی"),  # "committing suicide"
    re.compile(r"(?<!\w)وبا(?!\w)"),  # "epidemic"
]

# rule 3: no methods or means. Some words are never needed; the rest only count
# where the string speaks of suicide or self-harm, so "a bridge between people"
# in an exercise stays fine.
MEANS_ALWAYS = re.compile(r"\b(?:overdos(?:e|es|ed|ing)|noose|ligatures?)\b|پھندا|پھانسی", I)
MEANS = re.compile(
    r"\b(?:pills?|tablets?|hang(?:s|ed|ing)?|rope|jump(?:s|ed|ing)?\s+(?:off|from)|bridges?|cliffs?|rooftops?|"
    r"guns?|firearms?|shoot(?:ing)?|razors?|blades?|knife|knives|poison(?:s|ed|ing)?|bleach|"
    r"cut(?:s|ting)?\s+(?:my|your|them)sel(?:f|ves)|slit|wrists?|train\s+tracks?)\b"
    r"|زہر|گولیاں|بلیڈ|چاقو|پل\s+سے",
    I,
)
SUICIDE_CONTEXT = re.compile(
    r"suicid|self[- ]harm|end(?:ing)?\s+(?:your|my|their|one's)\s+(?:own\s+)?life|"
    r"kill(?:ing)?\s+(?:your|my|them)sel(?:f|ves)|hurt(?:ing)?\s+(?:your|my|them)sel(?:f|ves)|"
    r"harm(?:ing)?\s+(?:your|my|them)sel(?:f|ves)|take\s+(?:your|my)\s+(?:own\s+)?life|"
    r"خودکشی|جان\s+لینے|نقصان\s+پہنچان",
    I,
)

# rule 5: never diagnose, score or label the person (conditions in general are fine)
DIAGNOSIS = [
    re.compile(
        r"\byou(?:'re|\s+are|\s+may\s+be|\s+might\s+be|\s+could\s+be|\s+must\s+be|\s+seem(?:\s+to\s+be)?|"
        r"\s+sound(?:\s+like\s+you're)?|\s+appear(?:\s+to\s+be)?)\s+(?:\w+\s+)?"
        r"(?:depressed|suicidal|bipolar|mentally\s+ill|unstable|disordered|(?:at|high)[- ]risk)\b",
        I,
    ),
    re.compile(
        r"\byou(?:'ve|\s+have|\s+may\s+have|\s+might\s+have|\s+could\s+have|\s+seem\s+to\s+have|\s+suffer\s+from|"
        r"\s+are\s+suffering\s+from|\s+show)\s+(?:got\s+)?(?:an?\s+|signs\s+of\s+|symptoms\s+of\s+)?"
        r"(?:clinical\s+)?(?:depression|anxiety|\w+\s+disorder|disorder|ptsd|bipolar|ocd|adhd|(?:a\s+)?mental\s+illness)\b",
        I,
    ),
    re.compile(r"\byour\s+(?:symptoms?|diagnosis|disorder|illness|risk|score)\b", I),
    re.compile(r"\bsymptoms?\s+(?:of|that)\s+you\b", I),
    re.compile(r"\brisk[- ](?:level|score|rating)\b|\bcrisis\s+score\b|\bseverity\b", I),
    re.compile(r"آپ\s+(?:کو\s+)?(?:ڈپریشن|ذہنی\s+(?:بیماری|مرض))|آپ\s+کی\s+علامات|خطرے\s+کی\s+سطح"),
]

# cross-cutting: no emoji
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]")

# rule 4: no ALL-CAPS WARNINGS. Allowed: acronyms, the words services ask people
# to text, and the names openness prints for things to type.
CAPS = re.compile(r"\b[A-Z]{4,}\b")
CAPS_OK = {
    # acronyms and service names
    "CBT", "DBT", "NHS", "TTY", "HSE", "SAMHSA", "MANAS", "LGBTQ", "JSON", "YAML", "UTF", "ASCII", "CSV", "HTML",
    # environment variables named in help texts
    "EDITOR", "VISUAL",
    # words to text to a line
    "HOME", "START", "SHOUT", "TALK", "HELP", "SAFE", "CONNECT", "TEXTO", "HELLO",
    # placeholders for what to type in a command
    "CODE", "FILE", "NAME", "CONTACT", "TEXT", "VALUE", "QUERY", "PATH", "DATE", "WORDS", "FORMAT", "DAYS",
    "WHEN", "FROM", "SINCE",
}


def problems(text: str) -> list[str]:
    """The rules `text` breaks (empty when it follows them all)."""
    found = []
    for rx in STIGMA:
        if rx.search(text):
            found.append("stigmatising or unshown claim: " + rx.search(text).group(0))
    if MEANS_ALWAYS.search(text):
        found.append("method or means: " + MEANS_ALWAYS.search(text).group(0))
    if SUICIDE_CONTEXT.search(text) and MEANS.search(text):
        found.append("method or means near suicide: " + MEANS.search(text).group(0))
    for rx in DIAGNOSIS:
        if rx.search(text):
            found.append("diagnosing or scoring: " + rx.search(text).group(0))
    if EMOJI.search(text):
        found.append("emoji")
    for word in CAPS.findall(text):
        if word not in CAPS_OK:
            found.append("all caps: " + word)
    return found


# -- where the words are --------------------------------------------------------------


def catalog_strings(folder: Path) -> dict[str, str]:
    """Every string of every catalog under `folder` (i18n/<lang>/*.toml), keyed lang:file:key."""
    out: dict[str, str] = {}

    def walk(prefix: str, table: dict, origin: str) -> None:
        for k, v in table.items():
            key = f"{prefix}.{k}" if prefix else k
            if isinstance(v, dict):
                walk(key, v, origin)
            else:
                out[f"{origin}:{key}"] = str(v)

    for f in sorted(folder.glob("*/*.toml")):
        with open(f, "rb") as fh:
            walk("", tomllib.load(fh), f"{f.parent.name}/{f.name}")
    return out


def exercise_strings() -> dict[str, str]:
    from openness.content.loader import load_library

    lib = load_library()
    out: dict[str, str] = {}
    for ex in lib.exercises.values():
        for n, text in enumerate(ex.texts()):
            for lang in sorted(text.languages()):
                out[f"{ex.id}#{n}:{lang}"] = text.get(lang)
    for quadrant, words in lib.vocabulary.quadrants.items():
        for w in words:
            for lang in sorted(w.label.languages()):
                out[f"emotions/{quadrant}/{w.id}:{lang}"] = w.label.get(lang)
    return out


def shown_resource_names() -> dict[str, str]:
    from openness.safety import resources

    return {
        f"resources/{r.id}": r.name
        for code in resources.region_codes()
        for r in resources.everything(code)
    }


# -- the checker catches what it should, and lets good copy through ------------------


@pytest.mark.parametrize("bad", [
    "Her brother committed suicide last year.",
    "After a failed attempt, she got help.",
    "It was an unsuccessful suicide attempt.",
    "Suicide is an epidemic among young men.",
    "This exercise prevents suicide.",
    "Our clinically proven method.",
    "Some people think about suicide and take an overdose.",
    "If you're thinking of suicide, put the pills away.",
    "Thoughts of ending your life near the bridge.",
    "You may be depressed.",
    "You're clearly suicidal.",
    "It sounds like you have anxiety.",
    "You might have a mood disorder.",
    "Let's look at your symptoms.",
    "Risk level: HIGH",
    "Your score is 7.",
    "Stay strong \U0001F642",
    "You did it \u2764\ufe0f",
    "WARNING: read this now.",
    "This is URGENT.",
    "آپ کو ڈپریشن ہے۔",
    "خودکشی کا ارتکاب",
    "پھندا",
])
def test_the_checker_catches_a_planted_bad_string(bad):
    assert problems(bad), bad


@pytest.mark.parametrize("good", [
    "He died by suicide, and his family found support.",
    "If you're having thoughts of suicide, you can talk to someone now.",
    "If you are thinking about ending your life or hurting yourself, call or text 988.",
    "Text HOME to 741741 (Crisis Text Line)",
    "text SHOUT to 85258",
    "Depression and anxiety are common, and help exists.",
    "It's normal to feel anxious when you open up.",
    "Openness can be a bridge between people.",
    "How strong is it right now? 0 is barely there, 10 is as strong as it gets.",
    "Asking someone you trust to keep certain things for a while.",
    "openness config set region CODE",
    "یہ لکھنے کا شکریہ۔",
    "CBT and DBT both teach this.",
])
def test_the_checker_lets_good_copy_through(good):
    assert problems(good) == [], good


def test_a_bad_string_planted_in_a_catalog_file_is_found(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "x.toml").write_text(
        '[a]\nfine = "Thank you for writing this down."\n[a.b]\nbad = "You may be depressed."\n', encoding="utf-8"
    )
    found = {k: problems(v) for k, v in catalog_strings(tmp_path).items()}
    assert found["en/x.toml:a.fine"] == []
    assert found["en/x.toml:a.b.bad"]


# -- and everything openness ships follows the rules -----------------------------------


def test_every_catalog_string_in_every_language_follows_the_rules():
    strings = catalog_strings(Path(i18n.__file__).parent)
    assert len({k.split("/")[0] for k in strings}) >= 2  # English and Urdu at least
    assert any(k.startswith("ur/safety.toml:") for k in strings)
    broken = {k: p for k, v in strings.items() if (p := problems(v))}
    assert broken == {}


def test_every_exercise_text_in_every_language_follows_the_rules():
    strings = exercise_strings()
    assert len(strings) > 100
    broken = {k: p for k, v in strings.items() if (p := problems(v))}
    assert broken == {}


def test_the_names_of_the_lines_we_show_follow_the_rules():
    broken = {k: p for k, v in shown_resource_names().items() if (p := problems(v))}
    assert broken == {}


def test_cards_and_panels_as_printed_follow_the_rules():
    from dataclasses import dataclass

    from openness.flows import safety
    from openness.flows.crisis import build_panel
    from openness.safety import resources

    @dataclass(frozen=True)
    class Fake:
        categories: frozenset
        language: str = "en"
        concern_for_other: bool = False
        fired = True

    for code in resources.region_codes():
        for lang in ("en", "ur"):
            for full in (False, True):
                p = build_panel(code, full=full, lang=lang)
                for text in (p.title, p.intro, p.footer, *(x.how for x in p.lines)):
                    assert problems(text) == [], (code, text)
            for cats in ({"suicide"}, {"abuse"}, {"hopeless"}, {"self_harm", "abuse"}, set()):
                for other in (False, True) if cats else (True,):
                    c = safety.build_card(safety.combine([Fake(frozenset(cats), lang, other)]), region=code, ui_lang=lang)
                    for text in c.text().splitlines():
                        # the line names come from the data (checked above); judge our words
                        assert problems(text) == [], (code, text)

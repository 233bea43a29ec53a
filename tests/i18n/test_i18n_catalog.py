"""The catalog is complete in every language, and the language is chosen by one rule."""

from __future__ import annotations

import string
import tomllib

import pytest

from openness import i18n


def _fields(text: str) -> list[tuple[str, str | None, str | None]]:
    return sorted((name, conv, spec) for _, name, spec, conv in string.Formatter().parse(text) if name is not None)


LANGS = i18n.available()
OTHERS = [lang for lang in LANGS if lang != i18n.DEFAULT]


def test_there_is_more_than_english():
    assert "ur" in LANGS and "en" in LANGS


@pytest.mark.parametrize("lang", OTHERS)
def test_every_key_exists_in_both_directions(lang):
    en, other = i18n.strings("en"), i18n.strings(lang)
    assert sorted(set(en) - set(other)) == [], f"missing in {lang}"
    assert sorted(set(other) - set(en)) == [], f"in {lang} but not in en"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_string_keeps_the_same_placeholders(lang):
    en, other = i18n.strings("en"), i18n.strings(lang)
    wrong = {k: (_fields(en[k]), _fields(other[k])) for k in en if k in other and _fields(en[k]) != _fields(other[k])}
    assert wrong == {}


@pytest.mark.parametrize("lang", OTHERS)
def test_every_file_of_a_language_has_its_english_twin(lang):
    mine = {p.name for p in (i18n.HERE / lang).glob("*.toml")}
    english = {p.name for p in (i18n.HERE / "en").glob("*.toml")}
    assert mine == english


def test_urdu_strings_are_written_in_urdu():
    """A string that has words in it has Urdu letters in it (not English left in place)."""
    ur = i18n.strings("ur")
    untranslated = []
    for key, text in ur.items():
        bare = text
        for _, name, _, _ in string.Formatter().parse(text):
            if name:
                bare = bare.replace("{" + name, "").replace("}", "")
        letters = [c for c in bare if c.isalpha()]
        has_urdu = any("\u0600" <= c <= "\u06ff" for c in letters)
        # commands, codes and marks (openness crisis, TTY, », ...) may stay as they are
        latin_words = [w for w in bare.replace("{", " ").split() if w.isascii() and w.isalpha() and w.islower()]
        if len(latin_words) >= 3 and not has_urdu:
            untranslated.append(key)
    assert untranslated == []


def test_a_string_missing_in_urdu_falls_back_to_english_alone(monkeypatch):
    real = i18n.strings

    def fake(lang):
        table = dict(real(lang))
        if lang == "ur":
            table.pop("answer.none")
        return table

    monkeypatch.setattr(i18n, "strings", fake)
    i18n.set_language("ur")
    assert i18n.t("answer.none") == "(none)"  # the missing one, in English
    assert i18n.t("answer.yes") == "ہاں"  # its neighbours stay Urdu


def test_a_broken_translation_falls_back_to_english(monkeypatch):
    real = i18n.strings

    def fake(lang):
        table = dict(real(lang))
        if lang == "ur":
            table["config.saved"] = "محفوظ: {kee}"
        return table

    monkeypatch.setattr(i18n, "strings", fake)
    i18n.set_language("ur")
    assert i18n.t("config.saved", key="region") == "Saved: region."


def test_catalog_files_parse_and_have_no_empty_strings():
    for f in i18n.HERE.glob("*/*.toml"):
        with open(f, "rb") as fh:
            tomllib.load(fh)
    for lang in LANGS:
        assert all(v.strip() for v in i18n.strings(lang).values()), lang


# -- which language ----------------------------------------------------------------


@pytest.mark.parametrize(
    "env, lang, region",
    [
        ({"LANG": "ur_PK.UTF-8"}, "ur", "PK"),
        ({"LANG": "ur_IN.UTF-8"}, "ur", "IN"),
        ({"LANG": "ur_IN.utf8@latin"}, "ur", "IN"),
        ({"LANG": "en_GB.UTF-8"}, "en", "GB"),
        ({"LANG": "C.UTF-8"}, "en", None),
        ({"LANG": "fr_FR.UTF-8"}, "en", "FR"),  # a language we don't have: English
        ({"LC_ALL": "ur_PK.UTF-8", "LANG": "en_US.UTF-8"}, "ur", "PK"),  # LC_ALL wins
        ({"LC_MESSAGES": "ur_PK.UTF-8", "LANG": "en_US.UTF-8"}, "ur", "PK"),
        ({"LANGUAGE": "ur:en", "LANG": "en_GB.UTF-8"}, "ur", "GB"),
        ({"LANGUAGE": "ur", "LANG": "C"}, "en", None),  # gettext ignores LANGUAGE under C
        ({}, "en", None),
    ],
)
def test_the_locale_picks_language_and_country(env, lang, region):
    assert i18n.choose_language(environ=env) == lang
    assert i18n.territory_from_locale(env) == region


def test_flag_then_environment_then_setting_then_locale():
    env = {"LANG": "en_US.UTF-8"}
    assert i18n.choose_language(None, "ur", env) == "ur"
    assert i18n.choose_language("en", "ur", {**env, "OPENNESS_LANG": "ur"}) == "en"
    assert i18n.choose_language(None, "en", {**env, "OPENNESS_LANG": "ur"}) == "ur"
    assert i18n.choose_language("UR", None, env) == "ur"
    assert i18n.choose_language("ur_PK", None, env) == "ur"
    assert i18n.choose_language(None, None, {"LANG": "ur_PK.UTF-8"}) == "ur"
    with pytest.raises(i18n.UnknownLanguage):
        i18n.choose_language("fr", None, env)
    with pytest.raises(i18n.UnknownLanguage):
        i18n.choose_language(None, None, {"OPENNESS_LANG": "xx"})


def test_direction():
    assert i18n.direction("ur") == "rtl" and i18n.direction("en") == "ltr"

"""Every exercise text and every emotion word exists in every language the content uses."""

from __future__ import annotations

import string

from openness import i18n


def _all_texts(library):
    for ex in library.exercises.values():
        for text in ex.texts():
            yield ex.id, text
    for quadrant, words in library.vocabulary.quadrants.items():
        for w in words:
            yield f"emotions.yaml:{quadrant}", w.label


def _languages(library) -> set[str]:
    langs: set[str] = set()
    for _, text in _all_texts(library):
        langs |= text.languages()
    return langs


def test_content_languages_match_the_catalog(library):
    assert _languages(library) == set(i18n.available())


def test_no_text_lacks_a_language_that_exists(library):
    langs = _languages(library)
    missing = [(where, text.en[:50], sorted(langs - text.languages())) for where, text in _all_texts(library)
               if text.languages() != langs]
    assert missing == []


def test_translations_keep_the_placeholders(library):
    def names(s: str) -> set[str]:
        return {n for _, n, _, _ in string.Formatter().parse(s) if n}

    wrong = []
    for where, text in _all_texts(library):
        for lang in text.languages():
            if names(text.get(lang)) != names(text.en):
                wrong.append((where, lang, text.en[:40]))
    assert wrong == []


def test_the_checker_notices_a_missing_language(library):
    """The test above is not vacuous: a text with only English is caught."""
    from openness.content.model import LocalText

    only_en = LocalText(en="Hello")
    assert only_en.languages() != _languages(library)
    assert only_en.get("ur") == "Hello"  # and it still shows, in English


def test_urdu_emotion_words_are_distinct_within_a_quadrant(library):
    for words in library.vocabulary.quadrants.values():
        labels = [w.label.get("ur") for w in words]
        assert len(labels) == len(set(labels))

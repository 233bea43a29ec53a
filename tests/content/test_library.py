"""The shipped content loads, cites its sources, and bad files are explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.content.loader import builtin_dir, load_library
from openness.content.model import QUADRANTS
from openness.errors import DataError

EXPECTED = {
    "checkin",
    "name-emotions",
    "start-small",
    "guardedness-check",
    "barriers",
    "self-compassion",
    "respond-to-openness",
    "abandonment-fears",
    "say-it",
}


def test_every_exercise_the_issue_names_is_shipped(library):
    assert EXPECTED <= set(library.exercises)
    assert library.problems == []


def test_every_exercise_cites_a_known_article_and_section(library):
    for ex in library.exercises.values():
        for src in ex.sources():
            article = library.sources.articles[src.article]
            assert src.section in article.sections, (ex.id, src.section)


def test_the_three_articles_are_named(library):
    seeds = {a.seed for a in library.sources.articles.values()}
    assert seeds == {"000_4ba4e747080dfe0c.txt", "001_d6f37c149cd807a4.txt", "003_d11f6cdfe1277de2.txt"}


def test_vocabulary_has_at_least_80_words_in_four_quadrants(library):
    vocab = library.vocabulary
    assert set(vocab.quadrants) == set(QUADRANTS)
    assert sum(len(w) for w in vocab.quadrants.values()) >= 80
    assert all(len(words) >= 15 for words in vocab.quadrants.values())


def test_emotion_exercises_ask_the_picker(library):
    for ex_id in ("checkin", "name-emotions", "say-it"):
        kinds = [s.kind for s in library.exercises[ex_id].steps]
        assert "emotion" in kinds, ex_id


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


GOOD_USER = """\
id: my-own
title: {en: "My therapist's exercise"}
summary: {en: "Three breaths, then one word."}
minutes: 2
source: {article: "my-therapist", section: "session 4"}
steps:
  - id: word
    kind: text
    prompt: {en: "One word for now?"}
"""


def test_user_exercises_load_beside_builtin_ones(tmp_path):
    user = tmp_path / "exercises"
    _write(user, "my-own.yaml", GOOD_USER)
    lib = load_library(user)
    assert "my-own" in lib.exercises
    assert lib.problems == []


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        (GOOD_USER.replace("minutes: 2", "minutes: 2\ncolour: blue"), 5, "colour"),
        (GOOD_USER.replace("kind: text", "kind: txt"), 8, "steps.0.kind"),
        (GOOD_USER.replace('prompt: {en: "One word for now?"}', 'prompt: {en: "One word for now?"\n'), 11, "starts on line 9"),
        (GOOD_USER + "  - id: again\n    kind: info\n    text: {en: x}\n    when: {step: later, is: x}\n", 13, "later"),
    ],
)
def test_a_broken_user_file_is_reported_by_name_and_line_and_the_rest_still_work(tmp_path, text, line, fragment):
    user = tmp_path / "exercises"
    _write(user, "my-own.yaml", text)
    lib = load_library(user)
    assert "my-own" not in lib.exercises
    assert EXPECTED <= set(lib.exercises)
    assert len(lib.problems) == 1
    problem = lib.problems[0]
    assert "my-own.yaml" in problem
    assert f"line {line}" in problem
    assert fragment in problem


def test_a_broken_builtin_file_stops_with_a_clear_message(tmp_path):
    base = tmp_path / "builtin"
    base.mkdir()
    for name in ("sources.yaml", "emotions.yaml"):
        (base / name).write_text((builtin_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    (base / "checkin.yaml").write_text("id: checkin\ntitle: [", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_library(None, base=base)
    assert "checkin.yaml" in err.value.message


def test_condition_values_must_be_real_options(tmp_path):
    text = GOOD_USER.replace(
        """  - id: word
    kind: text
    prompt: {en: "One word for now?"}
""",
        """  - id: pick
    kind: choice
    prompt: {en: "Pick"}
    options: [{id: a, label: {en: A}}, {id: b, label: {en: B}}]
  - id: after
    kind: info
    text: {en: "ok"}
    when: {step: pick, is: c}
""",
    )
    user = tmp_path / "exercises"
    _write(user, "my-own.yaml", text)
    lib = load_library(user)
    assert lib.problems and "'c' is not an option" in lib.problems[0]

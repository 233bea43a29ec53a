"""The guided flows, driven by a scripted prompter: no terminal involved."""

from __future__ import annotations

import pytest

from openness.flows import runner
from openness.flows.guided import first_run, run_guided
from openness.settings import Settings


class MemoryJournal:
    def __init__(self):
        self.records = []

    def add(self, record):
        self.records.append(record)
        return record.id


def guided(library, prompter, exercise_id, journal=None, **kw):
    journal = journal if journal is not None else MemoryJournal()
    kw.setdefault("journal_on", True)
    kw.setdefault("save", None)
    result = run_guided(
        library.exercises[exercise_id],
        library,
        prompter,
        lang="en",
        region="US",
        open_journal=lambda: journal,
        **kw,
    )
    return result, journal


def example_answers(exercise):
    out = {}
    for step in exercise.steps:
        if step.asks:
            assert step.example is not None, (exercise.id, step.id)
            out[step.id] = step.example
    return out


@pytest.mark.parametrize(
    "exercise_id",
    ["checkin", "name-emotions", "start-small", "guardedness-check", "barriers", "self-compassion",
     "respond-to-openness", "abandonment-fears", "say-it"],
)
def test_every_exercise_shows_crisis_lines_before_its_first_question(library, scripted, exercise_id):
    p = scripted(example_answers(library.exercises[exercise_id]))
    result, journal = guided(library, p, exercise_id)
    kinds = [k for k, _ in p.shown]
    assert kinds[0] == "crisis"
    panel = p.shown[0][1]
    text = " ".join(line.how for line in panel.lines)
    for number in ("988", "741741", "1-800-799-7233", "911"):
        assert number in text
    assert "not a crisis service" in panel.footer
    assert p.asked, "the exercise asked nothing"
    assert journal.records and journal.records[0].exercise == exercise_id


def test_checkin_records_the_named_feeling_and_the_note(library, scripted):
    answers = {
        "feeling": {"pleasantness": "unpleasant", "energy": "low", "words": ["lonely"], "intensity": 7},
        "naming_felt": "relieved",
        "note": "Talked to nobody today.",
    }
    p = scripted(answers)
    result, journal = guided(library, p, "checkin")
    rec = journal.records[0]
    assert rec.kind == "checkin"
    assert rec.answers["feeling"]["words"] == ["lonely"]
    assert rec.answers["feeling"]["intensity"] == 7
    assert rec.text == "Talked to nobody today."
    # the picker asked pleasantness, then energy, then words, then intensity
    assert p.asked[:4] == ["feeling.pleasantness", "feeling.energy", "feeling.words", "feeling.intensity"]
    assert result.outcome.suggestion in library.exercises


def test_suggestions_follow_the_answers(library):
    ex = library.exercises["checkin"]
    low = {"feeling": {"pleasantness": "unpleasant", "energy": "low", "words": [], "intensity": 5}, "naming_felt": "mixed"}
    high = {"feeling": {"pleasantness": "pleasant", "energy": "high", "words": [], "intensity": 5}, "naming_felt": "mixed"}
    assert runner.suggestion(ex, low) != runner.suggestion(ex, high)


def test_conditions_skip_the_branch_not_taken(library, scripted):
    ex = library.exercises["start-small"]
    plan = {"mode": "plan", "person": "Sam", "level": "opinion", "share_text": "", "predicted": 4, "timing": "today"}
    p = scripted(plan)
    result, _ = guided(library, p, "start-small")
    assert "expected" not in result.outcome.answers
    assert "actual" not in p.asked
    assert set(plan) - {"share_text"} <= set(result.outcome.answers)


def test_placeholders_show_earlier_answers(library, scripted):
    ex = library.exercises["say-it"]
    answers = example_answers(ex)
    p = scripted(answers)
    guided(library, p, "say-it")
    assert answers["what_happened"] in p.said()


def test_nothing_is_saved_when_the_person_says_no(library, scripted):
    answers = example_answers(library.exercises["self-compassion"])
    answers["save"] = False
    p = scripted(answers, interactive=True)
    result, journal = guided(library, p, "self-compassion")
    assert journal.records == []
    assert result.saved is False
    assert "save" in p.asked


def test_journal_off_means_not_asked_and_not_saved(library, scripted):
    answers = example_answers(library.exercises["self-compassion"])
    p = scripted(answers, interactive=True)
    result, journal = guided(library, p, "self-compassion", journal_on=False)
    assert journal.records == [] and "save" not in p.asked
    assert "journal is off" in p.said()


def test_explicit_save_wins_over_the_setting(library, scripted):
    answers = example_answers(library.exercises["self-compassion"])
    p = scripted(answers)
    result, journal = guided(library, p, "self-compassion", journal_on=False, save=True)
    assert len(journal.records) == 1


def test_ctrl_c_half_way_propagates_and_saves_nothing(library, scripted):
    class Interrupting(scripted):
        def scale(self, *a, **k):
            raise KeyboardInterrupt

    answers = example_answers(library.exercises["self-compassion"])
    p = Interrupting(answers)
    journal = MemoryJournal()
    with pytest.raises(KeyboardInterrupt):
        guided(library, p, "self-compassion", journal=journal)
    assert journal.records == []


def test_first_run_explains_and_defaults_the_journal_off(scripted):
    p = scripted({"first_run": {"journal": False, "safety_check": True, "region_ok": True}}, interactive=True)
    s = first_run(p, Settings(), "US", {"US": "United States", "PK": "Pakistan"})
    said = p.said()
    assert "not therapy" in said and "not a crisis service" in said and "stays on this computer" in said
    assert s.first_run_done and s.journal is False and s.region == "US" and s.safety_check is True


def test_first_run_can_change_the_region(scripted):
    p = scripted({"first_run": {"journal": True, "safety_check": False, "region_ok": False, "region": "PK"}}, interactive=True)
    s = first_run(p, Settings(), "US", {"US": "United States", "PK": "Pakistan"})
    assert s.region == "PK" and s.journal is True and s.safety_check is False


def test_several_words_read_as_a_sentence():
    assert runner.join_words(["tired"]) == "tired"
    assert runner.join_words(["tired", "sad"]) == "tired and sad"
    assert runner.join_words(["a", "b", "c"]) == "a, b and c"

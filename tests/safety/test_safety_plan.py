"""The personal safety plan: six Stanley-Brown parts, built by asking or from a
file, kept in the journal (encrypted when the journal is), latest one wins."""

from __future__ import annotations

import json
import sys
import types

import pytest

from openness.cli import run
from openness.errors import UsageError
from openness.flows import safety_plan
from openness.flows.crisis import build_panel
from openness.flows.safety_plan import PARTS, SafetyPlan, build, from_answers, split_items

SECRET = "Call my sister Noor on 0300 5550101"


def cli(capsys, *args):
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_six_parts_of_the_stanley_brown_plan_in_order():
    from openness import i18n

    assert len(PARTS) == 6
    titles = [i18n.strings("en")[f"safety_plan.part.{p}.title"] for p in PARTS]
    assert titles == [
        "Warning signs",
        "Things I can do on my own",
        "People and places that distract me",
        "People I can ask for help",
        "Professionals and services",
        "Making my surroundings safer",
    ]
    for p in PARTS:
        for field in ("title", "what", "prompt", "help"):
            assert f"safety_plan.part.{p}.{field}" in i18n.strings("ur")


def test_items_are_one_a_line_with_bullets_and_blanks_dropped():
    assert split_items("- a walk\n\n* music\n  tea  \n") == ("a walk", "music", "tea")


def test_from_answers_lists_text_clearing_and_keeping():
    existing = SafetyPlan(parts={"people": ("Noor",), "safer": ("stay with Noor",)})
    plan = from_answers({"warning_signs": ["not sleeping", " ", "quiet"], "on_my_own": "walk\nmusic", "safer": []},
                        existing)
    assert plan.items("warning_signs") == ("not sleeping", "quiet")
    assert plan.items("on_my_own") == ("walk", "music")
    assert plan.items("people") == ("Noor",)  # left out: kept
    assert plan.items("safer") == ()  # an empty list clears
    with pytest.raises(UsageError, match="not a part of the plan"):
        from_answers({"reasons": ["x"]})
    with pytest.raises(UsageError, match="list of lines"):
        from_answers({"people": {"a": 1}})
    with pytest.raises(UsageError):
        from_answers({"people": ["x"] * 50})


def full_answers(**over):
    answers = {p: "" for p in PARTS}
    answers.update(over)
    return answers


def test_asking_builds_a_plan_and_editing_keeps_what_is_not_changed(scripted):
    p = scripted(full_answers(warning_signs="not sleeping\npulling away", people=SECRET))
    plan = safety_plan.ask(p, None)
    assert plan.items("warning_signs") == ("not sleeping", "pulling away")
    assert plan.items("people") == (SECRET,)
    answers = {"change_warning_signs": False}
    answers.update({"change_people": True, "people": "Noor", **{x: "" for x in PARTS if x not in ("warning_signs", "people")}})
    p2 = scripted(answers)
    again = safety_plan.ask(p2, plan)
    assert again.items("warning_signs") == ("not sleeping", "pulling away")
    assert again.items("people") == ("Noor",)
    assert "not sleeping" in p2.said()  # what is there now is shown before asking


def test_build_shows_support_lines_first_and_stores_through_the_callable(scripted):
    kept = []
    p = scripted(full_answers(people=SECRET))
    result = build(p, panel=build_panel("US"), existing=None, journal_on=True, store=kept.append)
    assert p.shown[0][0] == "crisis"
    assert result.saved and kept == [result.plan]


def test_journal_off_explains_and_asks_in_a_terminal(scripted):
    kept = []
    p = scripted({**full_answers(people=SECRET), "save": False}, interactive=True)
    result = build(p, panel=build_panel("US"), existing=None, journal_on=False, store=kept.append)
    said = p.said()
    assert "journal is off" in said and "worth keeping" in said
    assert not result.saved and kept == []
    assert SECRET in said.split("not kept", 1)[1]  # shown once more to copy somewhere safe


def test_journal_off_without_a_terminal_explains_and_keeps(scripted):
    kept = []
    p = scripted(full_answers(people=SECRET))
    result = build(p, panel=build_panel("US"), existing=None, journal_on=False, store=kept.append)
    assert "journal is off" in p.said() and result.saved and kept


def test_an_empty_plan_is_not_kept(scripted):
    kept = []
    result = build(scripted(full_answers()), panel=build_panel("US"), existing=None, journal_on=True, store=kept.append)
    assert not result.saved and kept == []


# -- on the command line ----------------------------------------------------------


def plan_file(tmp_path, text: str):
    f = tmp_path / "plan.yaml"
    f.write_text(text, encoding="utf-8")
    return f


def test_build_from_a_file_then_show_and_json(capsys, tmp_path):
    f = plan_file(tmp_path, f"warning_signs: [not sleeping]\npeople: [{json.dumps(SECRET)}]\n")
    code, out, err = cli(capsys, "safety-plan", "--answers", str(f))
    assert code == 0, err
    assert out.index("988") < out.index("Your safety plan")  # support lines first
    assert "kept on this computer" in out
    code, out, _ = cli(capsys, "safety-plan", "show")
    assert code == 0 and SECRET in " ".join(out.split()) and "Making my surroundings safer" in out
    code, out, _ = cli(capsys, "safety-plan", "show", "--json")
    data = json.loads(out)
    assert set(data) == {"id", "created", "parts"}
    assert list(data["parts"]) == list(PARTS)
    assert data["parts"]["people"] == [SECRET] and data["parts"]["safer"] == []


def test_latest_plan_wins_and_a_file_can_change_one_part(capsys, tmp_path):
    cli(capsys, "safety-plan", "--answers", str(plan_file(tmp_path, "people: [Noor]\nsafer: [stay with Noor]\n")))
    cli(capsys, "safety-plan", "--answers", str(plan_file(tmp_path, "people: [Ali]\n")))
    code, out, _ = cli(capsys, "safety-plan", "show", "--json")
    parts = json.loads(out)["parts"]
    assert parts["people"] == ["Ali"] and parts["safer"] == ["stay with Noor"]


def test_no_plan_yet(capsys):
    code, out, _ = cli(capsys, "safety-plan", "show")
    assert code == 0 and "don't have a safety plan yet" in out
    code, out, _ = cli(capsys, "safety-plan", "show", "--json")
    assert json.loads(out) is None


def test_no_terminal_and_no_file_says_how(capsys):
    code, out, err = cli(capsys, "safety-plan")
    assert code == 2 and "--answers" in err


def test_the_plan_is_stored_encrypted_when_the_journal_is(capsys, tmp_path, home, monkeypatch):
    monkeypatch.setenv("OPENNESS_NEW_PASSPHRASE", "a long passphrase")
    monkeypatch.setenv("OPENNESS_PASSPHRASE", "a long passphrase")
    cli(capsys, "config", "set", "journal", "on")
    f = plan_file(tmp_path, "people: [\"zebrafish-noor 0300\"]\n")
    assert cli(capsys, "safety-plan", "--answers", str(f))[0] == 0
    code, out, err = cli(capsys, "journal", "encrypt")
    assert code == 0, err
    assert cli(capsys, "safety-plan", "--answers", str(plan_file(tmp_path, "safer: [\"zebrafish-safe\"]\n")))[0] == 0
    for path in home.iterdir():
        if path.is_file():
            assert b"zebrafish" not in path.read_bytes(), path.name
    code, out, _ = cli(capsys, "safety-plan", "show", "--json")
    parts = json.loads(out)["parts"]
    assert parts["people"] == ["zebrafish-noor 0300"] and parts["safer"] == ["zebrafish-safe"]


def test_what_the_plan_says_is_never_screened(capsys, tmp_path, monkeypatch):
    calls = []
    module = types.ModuleType("openness.safety.screen")
    module.screen = lambda text: calls.append(text)
    monkeypatch.setitem(sys.modules, "openness.safety.screen", module)
    code, out, _ = cli(capsys, "safety-plan", "--answers", str(plan_file(tmp_path, "warning_signs: [hard days]\n")))
    assert code == 0 and calls == [] and "Thank you for writing" not in out


def test_a_plan_reads_as_a_plan_in_the_journal(capsys, tmp_path):
    cli(capsys, "safety-plan", "--answers", str(plan_file(tmp_path, "people: [Noor]\n")))
    code, out, _ = cli(capsys, "--plain", "journal", "list")
    assert "Your safety plan" in out
    entry = json.loads(cli(capsys, "journal", "list", "--json")[1])[0]
    assert entry["kind"] == "safety_plan"
    code, out, _ = cli(capsys, "--plain", "journal", "show", entry["id"])
    assert "People I can ask for help" in out and "- Noor" in out and "['Noor']" not in out

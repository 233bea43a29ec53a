"""The command line, run in-process through the one exit point `cli.run`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from openness.cli import run

ALL = ["checkin", "name-emotions", "start-small", "guardedness-check", "barriers", "self-compassion",
       "respond-to-openness", "abandonment-fears", "say-it"]


def cli(capsys, *args):
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_exercises_list_json_shape_is_stable(capsys):
    code, out, _ = cli(capsys, "exercises", "list", "--json")
    assert code == 0
    items = json.loads(out)
    assert {i["id"] for i in items} == set(ALL) - {"checkin"}
    for item in items:
        assert set(item) == {"id", "title", "summary", "minutes", "source", "steps"}
        assert set(item["source"]) == {"article", "section"}
        assert isinstance(item["minutes"], int) and isinstance(item["steps"], int)


def test_exercises_show_names_its_source(capsys):
    code, out, _ = cli(capsys, "exercises", "show", "start-small")
    assert code == 0
    assert "Start small and build gradually" in " ".join(out.split())
    code, out, _ = cli(capsys, "exercises", "show", "start-small", "--json")
    detail = json.loads(out)
    assert detail["source"]["title"].startswith("Building Authentic Connections")
    assert [s["id"] for s in detail["steps"]][:1] == ["mode"]


@pytest.mark.parametrize("exercise_id", ALL)
def test_every_exercise_runs_from_its_own_template(capsys, tmp_path, exercise_id):
    code, template, _ = cli(capsys, "exercises", "template", exercise_id)
    assert code == 0
    f = tmp_path / "answers.yaml"
    f.write_text(template, encoding="utf-8")
    code, out, err = cli(capsys, "exercises", "run", exercise_id, "--answers", str(f), "--save")
    assert code == 0, err
    first_question = out.index("?")
    assert out.index("988") < first_question and out.index("741741") < first_question
    assert "Kept in your journal" in out
    code, out, _ = cli(capsys, "journal", "list", "--json")
    entries = json.loads(out)
    assert len(entries) == 1 and entries[0]["exercise"] == exercise_id


def test_checkin_from_answers_saves_to_the_journal(capsys, tmp_path, home):
    f = tmp_path / "a.yaml"
    f.write_text(
        "feeling: {pleasantness: unpleasant, energy: high, words: [anxious], intensity: 6}\n"
        "naming_felt: uneasy\nnote: 'a hard call with my sister'\nsave: true\n",
        encoding="utf-8",
    )
    code, out, err = cli(capsys, "checkin", "--answers", str(f))
    assert code == 0, err
    code, out, _ = cli(capsys, "journal", "list", "--json")
    [entry] = json.loads(out)
    assert set(entry) == {"id", "created", "kind", "exercise", "completed", "answers", "text"}
    assert entry["kind"] == "checkin" and entry["text"] == "a hard call with my sister"
    assert entry["created"][-6] in "+-"  # a UTC offset
    code, out, _ = cli(capsys, "journal", "show", entry["id"][:8])
    assert code == 0 and "anxious" in out and "6 of 10" in out
    # private files: folder 0700, journal 0600
    assert (home.stat().st_mode & 0o777) == 0o700
    assert ((home / "journal.sqlite3").stat().st_mode & 0o777) == 0o600


def test_without_a_terminal_or_answers_a_flow_exits_2_with_one_line(capsys):
    code, out, err = cli(capsys, "checkin")
    assert code == 2
    assert err.count("\n") == 1 and "--answers" in err
    assert "Traceback" not in err


def test_markup_and_escape_sequences_in_a_note_are_shown_as_written(capsys, tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text(
        'feeling: {pleasantness: pleasant, energy: low, words: [calm], intensity: 2}\n'
        'naming_felt: mixed\nnote: "[red]not red[/red] \\e[31mplain\\e]0;title\\a"\nsave: true\n',
        encoding="utf-8",
    )
    code, out, err = cli(capsys, "checkin", "--answers", str(f))
    assert code == 0, err
    assert "[red]not red[/red]" in out
    assert "\x1b" not in out and "\a" not in out
    assert "^[[31mplain" in out
    code, out, _ = cli(capsys, "journal", "list", "-n", "1", "--json")
    assert json.loads(out)[0]["text"].startswith("[red]not red[/red] \x1b[31m")


def test_a_wrong_answer_in_the_file_names_the_step(capsys, tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("mode: sometimes\n", encoding="utf-8")
    code, out, err = cli(capsys, "exercises", "run", "start-small", "--answers", str(f))
    assert code == 2 and "mode" in err and "plan" in err


def test_broken_yaml_answers_file(capsys, tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("mode: [plan\n", encoding="utf-8")
    code, out, err = cli(capsys, "exercises", "run", "start-small", "--answers", str(f))
    assert code == 2 and "not valid YAML" in err and "Traceback" not in err


def test_unknown_exercise(capsys):
    code, out, err = cli(capsys, "exercises", "run", "nope")
    assert code == 2 and "nope" in err


def test_config_set_and_show(capsys, home):
    assert cli(capsys, "config", "set", "region", "pk")[0] == 0
    assert cli(capsys, "config", "set", "journal", "on")[0] == 0
    code, out, _ = cli(capsys, "config", "show", "--json")
    data = json.loads(out)
    assert data["region"] == "PK" and data["journal"] is True
    assert ((home / "settings.json").stat().st_mode & 0o777) == 0o600
    code, out, err = cli(capsys, "config", "set", "region", "Atlantis")
    assert code == 2 and "Atlantis" in err
    code, out, err = cli(capsys, "config", "set", "journal", "maybe")
    assert code == 2


def test_region_follows_the_locale_then_defaults_to_us(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    code, out, _ = cli(capsys, "crisis")
    assert "116 123" in out and "999" in out
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, out, _ = cli(capsys, "crisis")
    assert "988" in out
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    code, out, _ = cli(capsys, "crisis")
    assert "findahelpline.com" in out


def test_crisis_region_option_and_all(capsys):
    code, out, _ = cli(capsys, "crisis", "--region", "GB")
    assert code == 0 and "Samaritans" in out and "116 123" in out
    code, all_out, _ = cli(capsys, "crisis", "--region", "US", "--all")
    assert "SAMHSA" in all_out and "Trevor" not in all_out  # unconfirmed entries never shown
    code, out, err = cli(capsys, "crisis", "--region", "XX")
    assert code == 2


def test_journal_list_before_any_journal(capsys):
    code, out, _ = cli(capsys, "journal", "list", "--json")
    assert code == 0 and json.loads(out) == []


def test_a_corrupt_journal_is_explained_and_left_alone(capsys, home):
    home.mkdir(parents=True, exist_ok=True)
    j = home / "journal.sqlite3"
    junk = b"this is not a database, and it must not be overwritten" * 100
    j.write_bytes(junk)
    code, out, err = cli(capsys, "journal", "list")
    assert code != 0 and "damaged" in err and "Traceback" not in err
    assert j.read_bytes() == junk


def test_broken_settings_file_is_explained(capsys, home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text("{nope", encoding="utf-8")
    code, out, err = cli(capsys, "config", "show")
    assert code != 0 and "settings" in err and "Traceback" not in err


def test_a_user_exercise_with_a_mistake_is_reported_but_others_run(capsys, home, tmp_path):
    folder = home / "exercises"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text("id: mine\ntitle: {en: Mine}\nsummary: {en: x}\nminutes: 2\n"
                                       "source: {article: own, section: one}\nsteps:\n  - id: a\n    kind: nope\n",
                                       encoding="utf-8")
    code, out, err = cli(capsys, "exercises", "list")
    assert code == 0
    assert "mine.yaml, line 8" in out and "self-compassion" in out


def test_version_and_help(capsys):
    code, out, _ = cli(capsys, "--version")
    assert code == 0 and out.startswith("openness ")
    code, out, _ = cli(capsys, "--help")
    assert code == 0 and "openness crisis" in out


def test_ctrl_c_becomes_exit_130_and_one_line(capsys, monkeypatch):
    from openness import commands

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "guided", interrupted)
    code, out, err = cli(capsys, "checkin")
    assert code == 130 and err.startswith("openness: Stopped") and "Traceback" not in err


def test_an_unexpected_error_is_one_line_without_a_traceback(capsys, monkeypatch):
    from openness import commands

    def broken(*a, **k):
        raise ValueError("secret words the person wrote")

    monkeypatch.setattr(commands, "exercises_list", broken)
    code, out, err = cli(capsys, "exercises", "list")
    assert code == 1 and "ValueError" in err and "secret" not in err and "Traceback" not in err

"""The journal commands through the one exit point, with the JSON shapes pinned."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from openness.cli import run

from journal_helpers import PASS, file_bytes

JRNL_EXPORT = {
    "tags": {"@work": 1},
    "entries": [
        {"title": "Called in sick.", "body": "Used the time to clean the house.", "date": "2024-03-29",
         "time": "09:00", "tags": [], "starred": False},
        {"title": "Long talk with @work people.", "body": "", "date": "2024-03-30", "time": "18:45",
         "tags": ["@work"], "starred": True},
    ],
}


def cli(capsys, *args):
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys, text):
    code, out, err = cli(capsys, "journal", "add", "--json", text)
    assert code == 0, err
    return json.loads(out)["id"]


def test_add_list_show_json_shapes(capsys):
    first = add(capsys, "first words")
    second = add(capsys, "second words")
    code, out, _ = cli(capsys, "journal", "list", "--json")
    entries = json.loads(out)
    assert [e["id"] for e in entries] == [second, first]
    assert all(set(e) == {"id", "created", "kind", "exercise", "completed", "answers", "text"} for e in entries)
    code, out, _ = cli(capsys, "journal", "list", "--kind", "note", "--since", "1d", "-n", "1", "--json")
    assert [e["id"] for e in json.loads(out)] == [second]
    code, out, _ = cli(capsys, "journal", "list", "--kind", "checkin", "--json")
    assert json.loads(out) == []
    code, _, err = cli(capsys, "journal", "list", "--kind", "diary")
    assert code == 2 and "checkin, exercise, note" in err
    code, _, err = cli(capsys, "journal", "list", "--since", "last tuesday")
    assert code == 2 and "--since" in err
    code, out, _ = cli(capsys, "journal", "show", first[-8:], "--json")
    assert json.loads(out)["text"] == "first words"


def test_search_json_shape_and_marks(capsys):
    wanted = add(capsys, "Tea with my grandmother; grandmother laughed.")
    add(capsys, "Nothing related.")
    code, out, _ = cli(capsys, "journal", "search", "grandmother", "--json")
    assert code == 0
    hits = json.loads(out)
    assert [h["id"] for h in hits] == [wanted]
    h = hits[0]
    assert set(h) == {"id", "created", "kind", "exercise", "score", "snippet", "highlights"}
    assert [h["snippet"][s:e] for s, e in h["highlights"]] == ["grandmother", "grandmother"]
    code, out, _ = cli(capsys, "journal", "search", "grandmother")
    assert "»grandmother«" in out  # marked without colour, since this output is piped
    code, out, _ = cli(capsys, "--plain", "journal", "search", "grandmother")
    assert "»grandmother«" in out
    code, out, _ = cli(capsys, "journal", "search", "unicorn")
    assert code == 0 and "No entries match" in out


def test_typed_text_is_shown_as_written(capsys):
    add(capsys, "[red]not markup[/red] and \x1b[31mno escape")
    code, out, _ = cli(capsys, "journal", "list")
    assert "[red]not markup" in out and "\x1b" not in out and "^[" in out


def test_add_reads_piped_text_and_refuses_empty(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("written through a pipe\n"))
    code, out, _ = cli(capsys, "journal", "add")
    assert code == 0 and "Kept in your journal" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("   \n"))
    code, _, err = cli(capsys, "journal", "add")
    assert code == 2 and "empty" in err


def test_edit_from_a_pipe(capsys, monkeypatch):
    import io

    rid = add(capsys, "before")
    monkeypatch.setattr("sys.stdin", io.StringIO("after\n"))
    code, out, _ = cli(capsys, "journal", "edit", rid[:10])
    assert code == 0 and "Changed" in out
    code, out, _ = cli(capsys, "journal", "show", rid, "--json")
    assert json.loads(out)["text"] == "after"


def test_delete_asks_unless_yes(capsys):
    rid = add(capsys, "to be deleted")
    code, _, err = cli(capsys, "journal", "delete", rid)
    assert code == 2 and "--yes" in err
    code, out, _ = cli(capsys, "journal", "delete", rid, "--yes")
    assert code == 0 and rid in out
    code, out, _ = cli(capsys, "journal", "list", "--json")
    assert json.loads(out) == []


def test_wipe(capsys, home):
    add(capsys, "one")
    add(capsys, "two")
    code, _, err = cli(capsys, "journal", "wipe")
    assert code == 2 and "--yes" in err
    code, out, _ = cli(capsys, "journal", "wipe", "--yes")
    assert code == 0 and "2 entries" in out
    assert b"two" not in file_bytes(home / "journal.sqlite3")


def test_export_json_round_trips_through_import(capsys, tmp_path, home, monkeypatch):
    ids = [add(capsys, f"entry number {i}") for i in range(3)]
    out_file = tmp_path / "export.json"
    code, out, _ = cli(capsys, "journal", "export", "--format", "json", "-o", str(out_file))
    assert code == 0 and "Exported 3 entries" in out
    assert stat.S_IMODE(os.stat(out_file).st_mode) == 0o600
    code, original, _ = cli(capsys, "journal", "list", "--json", "-n", "10")
    # another computer: a fresh home
    monkeypatch.setenv("OPENNESS_HOME", str(tmp_path / "other"))
    code, out, _ = cli(capsys, "journal", "import", str(out_file), "--json")
    assert code == 0 and json.loads(out) == {"added": 3, "updated": 0, "unchanged": 0, "total": 3}
    code, out, _ = cli(capsys, "journal", "import", str(out_file), "--json")
    assert json.loads(out) == {"added": 0, "updated": 0, "unchanged": 3, "total": 3}
    code, copy, _ = cli(capsys, "journal", "list", "--json", "-n", "10")
    assert json.loads(copy) == json.loads(original)
    assert {e["id"] for e in json.loads(copy)} == set(ids)


def test_export_to_stdout_is_clean_json(capsys):
    add(capsys, "x")
    code, out, _ = cli(capsys, "journal", "export")
    doc = json.loads(out)
    assert doc["format"] == "openness-journal" and doc["version"] == 1 and len(doc["entries"]) == 1
    assert set(doc["entries"][0]) == {"id", "created", "kind", "exercise", "completed", "answers", "text", "updated"}


def test_export_md_and_csv(capsys, tmp_path):
    import csv
    import io

    add(capsys, "A line, with \"quotes\" and a comma")
    code, out, _ = cli(capsys, "journal", "export", "--format", "md")
    assert out.startswith("# Journal") and "A line, with \"quotes\"" in out
    code, out, _ = cli(capsys, "journal", "export", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:4] == ["id", "created", "updated", "kind"] and rows[1][6] == "A line, with \"quotes\" and a comma"
    code, _, err = cli(capsys, "journal", "export", "--format", "pdf")
    assert code == 2 and "json, md, csv" in err


def test_a_jrnl_export_imported_twice_is_kept_once(capsys, tmp_path):
    f = tmp_path / "jrnl.json"
    f.write_text(json.dumps(JRNL_EXPORT), encoding="utf-8")
    code, out, _ = cli(capsys, "journal", "import", str(f), "--json")
    assert code == 0 and json.loads(out)["added"] == 2
    code, out, _ = cli(capsys, "journal", "import", str(f), "--json")
    assert json.loads(out) == {"added": 0, "updated": 0, "unchanged": 2, "total": 2}
    code, out, _ = cli(capsys, "journal", "list", "--json")
    entries = json.loads(out)
    assert len(entries) == 2
    assert entries[1]["text"] == "Called in sick.\nUsed the time to clean the house."
    assert entries[1]["created"].startswith("2024-03-29T09:00")
    assert entries[0]["answers"] == {"tags": ["@work"], "starred": True}


@pytest.mark.parametrize("content,message", [
    ("not json", "not a JSON file"),
    (json.dumps({"hello": 1}), "neither an openness export nor a jrnl"),
    (json.dumps({"format": "openness-journal", "version": 1, "entries": [{"id": "x"}]}), "Entry number 1"),
])
def test_import_refuses_what_it_cannot_read(capsys, tmp_path, content, message):
    f = tmp_path / "in.json"
    f.write_text(content, encoding="utf-8")
    code, _, err = cli(capsys, "journal", "import", str(f))
    assert code == 3 and message in err
    code, out, _ = cli(capsys, "journal", "list", "--json")
    assert json.loads(out) == []


def test_encrypt_by_script_then_use_with_the_environment(capsys, monkeypatch, home):
    add(capsys, "secret pomegranate")
    monkeypatch.setenv("OPENNESS_NEW_PASSPHRASE", PASS)
    code, out, err = cli(capsys, "journal", "encrypt")
    assert code == 0, err
    assert b"pomegranate" not in file_bytes(home / "journal.sqlite3")
    code, _, err = cli(capsys, "journal", "list")
    assert code == 2 and "OPENNESS_PASSPHRASE" in err
    monkeypatch.setenv("OPENNESS_PASSPHRASE", "wrong one entirely")
    code, _, err = cli(capsys, "journal", "list")
    assert code == 1 and "does not open" in err
    monkeypatch.setenv("OPENNESS_PASSPHRASE", PASS)
    code, out, _ = cli(capsys, "journal", "search", "pomegranate", "--json")
    assert len(json.loads(out)) == 1
    code, out, _ = cli(capsys, "journal", "status", "--json")
    assert json.loads(out) == {"file": str(home / "journal.sqlite3"), "exists": True, "entries": 1, "drafts": 0,
                               "encrypted": True, "open_add": False}
    monkeypatch.setenv("OPENNESS_NEW_PASSPHRASE", "short")
    code, _, err = cli(capsys, "journal", "passphrase")
    assert code == 2 and "at least 8" in err
    monkeypatch.setenv("OPENNESS_NEW_PASSPHRASE", "another good passphrase")
    code, out, _ = cli(capsys, "journal", "passphrase")
    assert code == 0 and "changed" in out
    monkeypatch.setenv("OPENNESS_PASSPHRASE", "another good passphrase")
    code, out, _ = cli(capsys, "journal", "decrypt")
    assert code == 0
    assert b"pomegranate" in file_bytes(home / "journal.sqlite3")


def test_add_without_passphrase_from_the_command_line(capsys, monkeypatch):
    monkeypatch.setenv("OPENNESS_NEW_PASSPHRASE", PASS)
    code, _, err = cli(capsys, "journal", "encrypt", "--add-without-passphrase")
    assert code == 0, err
    monkeypatch.delenv("OPENNESS_NEW_PASSPHRASE")
    rid = add(capsys, "added with no passphrase at hand")
    code, _, err = cli(capsys, "journal", "show", rid)
    assert code == 2
    monkeypatch.setenv("OPENNESS_PASSPHRASE", PASS)
    code, out, _ = cli(capsys, "journal", "show", rid, "--json")
    assert json.loads(out)["text"] == "added with no passphrase at hand"
    code, out, _ = cli(capsys, "journal", "add-without-passphrase", "off")
    assert code == 0
    monkeypatch.delenv("OPENNESS_PASSPHRASE")
    code, _, err = cli(capsys, "journal", "add", "now it asks")
    assert code == 2 and "OPENNESS_PASSPHRASE" in err


def test_listing_with_no_journal_creates_nothing(capsys, home):
    code, out, _ = cli(capsys, "journal", "list", "--json")
    assert code == 0 and json.loads(out) == []
    assert not (home / "journal.sqlite3").exists()


def test_nothing_in_the_data_folder_shows_a_chosen_feeling_once_encrypted(capsys, monkeypatch, home):
    from openness.journal.store import Journal
    from journal_helpers import checkin

    with Journal.open(home / "journal.sqlite3") as j:
        j.add(checkin(["lonely"], "a walk by the canal"))
    code, out, _ = cli(capsys, "journal", "list")  # builds the labels cache
    assert code == 0 and "lonely" in out
    monkeypatch.setenv("OPENNESS_NEW_PASSPHRASE", PASS)
    assert cli(capsys, "journal", "encrypt")[0] == 0
    monkeypatch.setenv("OPENNESS_PASSPHRASE", PASS)
    code, out, _ = cli(capsys, "journal", "list")
    assert "lonely" in out
    for f in home.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            assert b"lonely" not in data and b"canal" not in data, f.name

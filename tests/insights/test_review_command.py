"""`openness review` through the one exit point: 60 columns, NO_COLOR, --plain, --json, empty and encrypted journals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from openness.cli import run
from openness.journal.store import Journal

import handmade as hm

CHART_GLYPHS = set("▁▂▃▄▅▆▇█▏▎▍▌▋▊▉·▪■○●◉│┤└─")


def cli(capsys, *args):
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(home: Path, rows) -> Path:
    path = home / "journal.sqlite3"
    with Journal.open(path) as j:
        for r in rows:
            j.add(r)
    return path


@pytest.fixture
def journal(home):
    return write(home, hm.entries())


def test_terminal_review_fits_60_columns_without_colour(capsys, journal, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    code, out, err = cli(capsys, "review")
    assert code == 0, err
    assert "\x1b" not in out  # NO_COLOR: no escape sequences at all
    too_wide = [line for line in out.splitlines() if cell_len(line.rstrip()) > 60]
    assert too_wide == []
    flat = " ".join(out.split())
    for heading in ("Feelings you named most", "How strong the feelings were", "Days you wrote in your journal",
                    "Sharing, one small step at a time", "Talking to yourself like a friend",
                    "The guardedness self-check over time"):
        assert heading in flat
    assert "Times you named how you felt: 5." in flat
    assert "Average strength: 5.2 of 10 (ratings: 5)." in flat
    assert "On average it went 1.0 points easier than you expected (from 3 shares)." in flat
    assert "8.0 before" not in flat and "7.0 before the kinder rewrite, 6.3 after it (times: 3)" in flat
    # the calendar legend names each mark, so the grid reads without colour
    assert "· no entry ▪ 1 ■ 2 █ 3 or more" in flat
    # free text stays out unless asked for
    assert "Told nobody" not in out and hm.THOUGHT not in out and "Ayesha" not in out
    # no scores, no streaks, no telling people what they should do
    assert not re.search(r"\b(score:|streak|you should)\b", flat, re.I)


def test_plain_review_is_sentences_without_charts(capsys, journal):
    code, out, _ = cli(capsys, "review", "--plain")
    assert code == 0
    assert not (set(out) & CHART_GLYPHS)
    flat = " ".join(out.split())
    assert "Unpleasant, low energy: 2 of 5 (40%)." in flat
    assert "First half of the period: 5.7 on average (ratings: 3). Second half: 4.5 (ratings: 2)." in flat
    assert "Feeling: lonely; Times: 2" in flat
    assert "Step: an opinion (step 2); Planned: 2; Shared: 1" in flat
    assert "Response: Warmly; Times: 1" in flat
    assert "Question: People you can be your real self with; 2026-03-01: No one right now; 2026-03-12: One person" in flat
    assert "Month: Mar 2026; Days with an entry: 12; Entries: 18" in flat
    # the global flag does the same
    code, out2, _ = cli(capsys, "--plain", "review")
    assert out2 == out


def test_ascii_terminal_gets_ascii_charts(capsys, journal, monkeypatch):
    import io

    from openness.ui import review as view
    from openness.ui.render import Display, make_console
    from openness.ui.review_labels import Labels
    from openness.content.loader import load_library
    from openness.insights import build

    buf = io.StringIO()
    console = make_console(buf, width=60)
    monkeypatch.setattr(type(console), "encoding", property(lambda self: "ascii"))
    view.show(Display(console), build(hm.entries(), now=hm.NOW), Labels(load_library(), "en"))
    out = buf.getvalue()
    assert out.isascii()
    assert "o 1" in " ".join(out.split()) and "#" in out


def test_include_notes_shows_the_words_as_written(capsys, journal):
    code, out, _ = cli(capsys, "review", "--include-notes")
    assert code == 0
    assert "In your own words" in out
    assert hm.NOTE_TEXT in out  # markup and tags shown as written, never interpreted
    assert hm.THOUGHT in out


def test_json_shape_is_stable(capsys, journal):
    code, out, _ = cli(capsys, "review", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"schema", "period", "counts", "little_data", "emotions", "intensity_by_day",
                         "intensity_halves", "calendar", "ladder", "self_compassion", "guardedness"}
    assert data["schema"] == 1
    assert set(data["period"]) == {"since", "until"} and data["period"]["since"] is None
    assert data["counts"] == {"entries": 18, "checkins": 4, "exercises": 13, "notes": 1, "days_with_entries": 12,
                              "feelings": 5}
    assert set(data["emotions"]) == {"n", "words", "quadrants", "intensity"}
    assert data["emotions"]["words"][0] == {"id": "lonely", "count": 2}
    assert data["emotions"]["intensity"] == {"n": 5, "mean": 5.2}
    assert data["intensity_by_day"][0] == {"date": "2026-03-02", "n": 2, "mean": 7.0, "min": 6, "max": 8}
    assert data["calendar"][1] == {"date": "2026-03-02", "entries": 3}
    lad = data["ladder"]
    assert set(lad) == {"plans", "followups", "shared", "not_yet_shared", "levels", "expected_vs_actual", "responses"}
    assert set(lad["levels"][0]) == {"level", "planned", "predicted", "done", "expected", "actual"}
    assert lad["expected_vs_actual"] == {"n": 3, "expected_mean": 6.0, "actual_mean": 5.0, "easier_by": 1.0,
                                         "easier": 2, "same": 0, "harder": 1}
    assert data["self_compassion"]["sessions"][0] == {"date": "2026-03-03", "before": 8, "after": 5}
    assert set(data["self_compassion"]) == {"n", "before_mean", "after_mean", "felt_less", "felt_same", "felt_more", "sessions"}
    check = data["guardedness"]["checks"][0]
    assert check == {"date": "2026-03-01", "answers": {"trusted_people": "none", "want_closer": True, "basis": "past",
                                                       "signs": ["loneliness", "isolated"]}}
    assert "notes" not in data and "Told nobody" not in out
    code, out, _ = cli(capsys, "review", "--json", "--include-notes")
    assert any(n["text"] == hm.NOTE_TEXT for n in json.loads(out)["notes"])


def test_since_a_date(capsys, journal):
    code, out, _ = cli(capsys, "review", "--json", "--since", "2026-03-09")
    data = json.loads(out)
    assert data["period"]["since"] == "2026-03-09" and data["counts"]["entries"] == 6


def test_empty_journal_and_no_journal_get_a_kind_line(capsys, home):
    code, out, err = cli(capsys, "review")
    assert code == 0 and err == ""
    assert "Your journal has no entries yet." in " ".join(out.split())
    assert not (home / "journal.sqlite3").exists()  # looking never creates a journal
    write(home, [])
    code, out, _ = cli(capsys, "review", "--plain")
    assert code == 0 and "no entries yet" in out
    code, out, _ = cli(capsys, "review", "--json")
    data = json.loads(out)
    assert data["counts"]["entries"] == 0 and data["emotions"]["intensity"]["mean"] is None
    code, out, _ = cli(capsys, "review", "--since", "7d")
    assert "There are no entries in this period." in " ".join(out.split())


def test_little_data_line_is_kind(capsys, home):
    write(home, hm.entries()[:2])
    code, out, _ = cli(capsys, "review")
    flat = " ".join(out.split())
    assert "There are only 2 entries so far; patterns get clearer with a few more, whenever you feel like it." in flat


def test_bad_since_is_a_usage_error(capsys, journal):
    code, out, err = cli(capsys, "review", "--since", "last tuesday")
    assert code == 2
    assert "--since takes 7d, 30d" in err and "last tuesday" not in err
    assert "Traceback" not in err


def test_json_and_report_together_is_a_usage_error(capsys, journal, tmp_path):
    code, _, err = cli(capsys, "review", "--json", "--report", str(tmp_path / "r.html"))
    assert code == 2 and "Choose one" in err


def test_urdu_review_uses_the_urdu_catalog(capsys, journal, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = cli(capsys, "--lang", "ur", "review")
    assert code == 0
    assert "پیچھے مڑ کر دیکھنا" in out
    assert "اوسط شدت: 10 میں سے 5.2 (نمبر: 5)" in " ".join(out.split())


def test_encrypted_journal_is_read_with_its_passphrase(capsys, journal, monkeypatch):
    if not hasattr(Journal, "encrypt"):
        pytest.skip("this journal has no encryption yet")
    _, before, _ = cli(capsys, "review", "--json")
    monkeypatch.setenv("OPENNESS_NEW_PASSPHRASE", "a long passphrase")
    code, _, err = cli(capsys, "journal", "encrypt")
    assert code == 0, err
    monkeypatch.delenv("OPENNESS_NEW_PASSPHRASE")
    assert b"Told nobody" not in journal.read_bytes()
    monkeypatch.setenv("OPENNESS_PASSPHRASE", "a long passphrase")
    code, after, err = cli(capsys, "review", "--json")
    assert code == 0, err
    assert json.loads(after) == json.loads(before)
    monkeypatch.setenv("OPENNESS_PASSPHRASE", "not the passphrase")
    code, out, err = cli(capsys, "review")
    assert code != 0 and "Traceback" not in err and out == ""

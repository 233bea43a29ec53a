"""Drafts: Ctrl-C half way keeps the answers so far; the next run offers to resume or discard."""

from __future__ import annotations

import pytest

from openness import commands
from openness.context import AppContext
from openness.errors import ExitCode, OpennessError
from openness.journal.store import Journal

from journal_helpers import PASS

FEELING = {"pleasantness": "unpleasant", "energy": "low", "words": ["lonely"], "intensity": 7}


def ctx_with(prompter) -> AppContext:
    ctx = AppContext.create()
    ctx = ctx.with_settings(journal=True, first_run_done=True)
    ctx.prompter_factory = lambda c, answers_file: prompter
    return ctx


def interrupted_at(scripted, key: str):
    class Interrupting(scripted):
        def _get(self, k):
            if k == key:
                raise KeyboardInterrupt
            return super()._get(k)

    return Interrupting


def test_ctrl_c_keeps_a_draft_and_the_next_run_resumes_it(scripted, home):
    first = interrupted_at(scripted, "note")({"feeling": FEELING, "naming_felt": "relieved"}, interactive=True)
    with pytest.raises(OpennessError) as e:
        commands.guided(ctx_with(first), "checkin")
    assert e.value.code == ExitCode.INTERRUPTED and "kept as a draft" in e.value.message
    with Journal.open(home / "journal.sqlite3") as j:
        (draft,) = j.drafts("checkin")
        assert draft["answers"] == {"feeling": FEELING, "naming_felt": "relieved"}
        assert j.count() == 0

    # the next run: no answer for the feeling is scripted, so asking it again would fail
    second = scripted({"draft": "resume", "note": "finished later", "save": True}, interactive=True)
    result = commands.guided(ctx_with(second), "checkin")
    assert "draft" in second.asked and not any(k.startswith("feeling") for k in second.asked)
    assert result.saved and result.record.answers["feeling"] == FEELING
    assert second.shown[0][0] == "crisis"  # support lines before the question about the draft
    with Journal.open(home / "journal.sqlite3") as j:
        assert j.drafts() == [] and j.count() == 1


def test_a_discarded_draft_is_gone_and_the_exercise_starts_again(scripted, home):
    first = interrupted_at(scripted, "naming_felt")({"feeling": FEELING}, interactive=True)
    with pytest.raises(OpennessError):
        commands.guided(ctx_with(first), "checkin")
    again = {"draft": "discard", "feeling": {**FEELING, "intensity": 2}, "naming_felt": "mixed", "note": "", "save": True}
    second = scripted(again, interactive=True)
    result = commands.guided(ctx_with(second), "checkin")
    assert result.record.answers["feeling"]["intensity"] == 2
    with Journal.open(home / "journal.sqlite3") as j:
        assert j.drafts() == []


def test_no_draft_is_kept_when_the_journal_is_off(scripted, home):
    p = interrupted_at(scripted, "note")({"feeling": FEELING, "naming_felt": "relieved"}, interactive=True)
    ctx = ctx_with(p).with_settings(journal=False)
    with pytest.raises(KeyboardInterrupt):
        commands.guided(ctx, "checkin")
    assert not (home / "journal.sqlite3").exists()


def test_an_encrypted_journal_keeps_its_draft_sealed(scripted, home, monkeypatch):
    with Journal.open(home / "journal.sqlite3") as j:
        j.encrypt(PASS)
    p = interrupted_at(scripted, "note")({"feeling": FEELING, "naming_felt": "relieved"}, interactive=True)
    with pytest.raises(OpennessError):
        commands.guided(ctx_with(p), "checkin")  # no passphrase needed to keep the draft
    data = b"".join(f.read_bytes() for f in home.iterdir() if f.name.startswith("journal.sqlite3"))
    assert b"lonely" not in data and b"relieved" not in data and b"checkin" not in data
    monkeypatch.setenv("OPENNESS_PASSPHRASE", PASS)
    second = scripted({"draft": "resume", "note": "done", "save": True}, interactive=True)
    result = commands.guided(ctx_with(second), "checkin")
    assert result.record.answers["naming_felt"] == "relieved"
    with Journal.open(home / "journal.sqlite3", passphrase=lambda: PASS) as j:
        assert j.drafts() == [] and j.recent(1)[0].answers["feeling"] == FEELING

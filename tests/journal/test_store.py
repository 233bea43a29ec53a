"""The journal file: entries, filters, ids, migrations and refusing files it should not touch."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import datetime, timedelta

import pytest

from openness.errors import DataError, UsageError
from openness.journal.store import APP_ID, MIGRATIONS, SCHEMA_VERSION, Journal
from openness.records import Record

from journal_helpers import checkin, note


def test_entries_come_back_newest_first_and_filtered(journal):
    now = datetime.now().astimezone()
    old = note("an old note", created=now - timedelta(days=10))
    c = checkin(["lonely"], "a quiet evening")
    c.created = now - timedelta(hours=2)
    n = note("today's note", created=now)
    for r in (old, c, n):
        journal.add(r)
    assert [r.id for r in journal.recent(10)] == [n.id, c.id, old.id]
    assert [r.id for r in journal.recent(10, kind="checkin")] == [c.id]
    assert [r.id for r in journal.recent(10, since=now - timedelta(days=1))] == [n.id, c.id]
    assert [r.id for r in journal.entries()] == [old.id, c.id, n.id]
    assert journal.recent(1)[0].text == "today's note"


def test_an_entry_is_found_by_the_start_or_the_end_of_its_id(journal):
    r = note("hello")
    journal.add(r)
    assert journal.get(r.id[:6]).id == r.id
    assert journal.get(r.id[-8:]).id == r.id
    with pytest.raises(UsageError):
        journal.get("ab")
    with pytest.raises(UsageError):
        journal.get("ffffffff")


def test_update_and_delete(journal):
    r = note("first words")
    journal.add(r)
    from dataclasses import replace

    journal.update(replace(r, text="second words"))
    assert journal.get(r.id).text == "second words"
    from openness.journal.search import search

    assert [h.record.id for h in search(journal, "second")] == [r.id]
    assert search(journal, "first") == []
    assert journal.delete(r.id) is True
    assert journal.count() == 0 and journal.delete(r.id) is False


def test_files_are_private(jpath, journal):
    journal.add(note("x"))
    assert stat.S_IMODE(os.stat(jpath.parent).st_mode) == 0o700
    for p in jpath.parent.iterdir():
        if p.name.startswith(jpath.name):
            assert stat.S_IMODE(os.stat(p).st_mode) == 0o600, p.name


def _v1_journal(path, records):
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[1].split(";"):
        if statement.strip():
            conn.execute(statement)
    for r in records:
        body = json.dumps({"kind": r.kind, "exercise": r.exercise, "answers": r.answers, "text": r.text,
                           "completed": True}).encode()
        ms = int(r.created.timestamp() * 1000)
        conn.execute("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (r.id, r.created.isoformat(timespec="seconds"), ms, ms, r.kind, r.exercise, body))
    conn.execute("INSERT INTO meta VALUES ('migration.1', 'then')")
    conn.execute(f"PRAGMA application_id = {APP_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_a_version_1_journal_is_migrated_and_recorded(jpath):
    jpath.parent.mkdir(parents=True)
    records = [note("written before the upgrade", created=datetime.now().astimezone() - timedelta(hours=1)),
               checkin(["hopeful"], "a walk")]
    _v1_journal(jpath, records)
    with Journal.open(jpath) as j:
        assert [r.id for r in j.entries()] == [r.id for r in records]
        from openness.journal.search import search

        assert [h.record.id for h in search(j, "upgrade")] == [records[0].id]
        assert [h.record.id for h in search(j, "hopeful")] == [records[1].id]
        steps = {k for (k,) in j.conn.execute("SELECT key FROM meta WHERE key LIKE 'migration.%'")}
        assert steps == {f"migration.{v}" for v in range(1, SCHEMA_VERSION + 1)}
        assert j.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_newer_journal_is_refused_and_left_untouched(jpath):
    with Journal.open(jpath) as j:
        j.add(note("keep me"))
        j.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = jpath.read_bytes()
    with pytest.raises(DataError) as e:
        Journal.open(jpath)
    assert "newer" in e.value.message
    assert jpath.read_bytes() == before


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b"SQLite format 3\x00" + os.urandom(4000)])
def test_a_corrupt_file_is_refused_and_left_untouched(jpath, content):
    jpath.parent.mkdir(parents=True)
    jpath.write_bytes(content)
    with pytest.raises(DataError) as e:
        Journal.open(jpath)
    assert "damaged" in e.value.message
    assert jpath.read_bytes() == content


def test_another_programs_database_is_not_touched(jpath):
    jpath.parent.mkdir(parents=True)
    conn = sqlite3.connect(jpath)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = jpath.read_bytes()
    with pytest.raises(DataError) as e:
        Journal.open(jpath)
    assert "not an openness journal" in e.value.message
    assert jpath.read_bytes() == before


def test_an_unreadable_journal_gets_a_clear_message(jpath):
    with Journal.open(jpath) as j:
        j.add(note("x"))
    os.chmod(jpath, 0)
    try:
        if os.access(jpath, os.R_OK):  # root reads anything
            pytest.skip("running as root")
        with pytest.raises(DataError) as e:
            Journal.open(jpath)
        assert "cannot be opened" in e.value.message
    finally:
        os.chmod(jpath, 0o600)


def test_a_locked_journal_says_so(jpath):
    with Journal.open(jpath) as j:
        j.add(note("x"))
    holder = sqlite3.connect(jpath, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        j = Journal.open(jpath)
        j.conn.execute("PRAGMA busy_timeout = 50")
        from openness.errors import OpennessError

        with pytest.raises(OpennessError) as e:
            j.add(note("y"))
        assert "busy" in e.value.message
        j.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Journal.open(jpath) as j:
        assert j.count() == 1


def test_records_keep_their_time_zone(journal):
    r = Record(kind="note", exercise=None, answers={}, text="x",
               created=datetime(2026, 1, 2, 3, 4, 5).astimezone())
    journal.add(r)
    assert journal.get(r.id).created == r.created


def test_a_folder_made_too_open_is_made_private_again(jpath):
    jpath.parent.mkdir(parents=True)
    os.chmod(jpath.parent, 0o755)
    with Journal.open(jpath) as j:
        j.add(note("x"))
    os.chmod(jpath, 0o644)
    with Journal.open(jpath) as j:
        assert j.count() == 1
    assert stat.S_IMODE(os.stat(jpath.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(jpath).st_mode) == 0o600

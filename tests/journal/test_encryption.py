"""Encryption at rest, checked as an attacker with a copy of the folder would check it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from openness.errors import OpennessError, UsageError
from openness.journal.store import Journal
from openness.records import Record

from journal_helpers import PASS, checkin, file_bytes, note

SECRETS = ["Marguerite", "pomegranate", "lighthouse", "Zanzibar"]


def _fill(j: Journal) -> list[Record]:
    records = [
        note(f"I told {SECRETS[0]} about the {SECRETS[1]} tree"),
        checkin(["lonely", "drained"], f"walked to the {SECRETS[2]}"),
        Record(kind="exercise", exercise="say-it", answers={"need": f"trip to {SECRETS[3]}"}, text=f"trip to {SECRETS[3]}"),
    ]
    for r in records:
        j.add(r)
    return records


def _leaks(data: bytes) -> list[str]:
    words = SECRETS + ["lonely", "drained", "say-it", "checkin", "walked"]  # ("exercise" is a column name)
    found = []
    for w in words:
        for form in (w.encode(), w.lower().encode(), w.encode("utf-16-le")):
            if form in data:
                found.append(w)
    return found


def test_an_encrypted_file_shows_no_word_the_person_wrote_or_chose(jpath):
    with Journal.open(jpath) as j:
        records = _fill(j)
        j.save_draft("01900000-0000-7000-8000-000000000001", "checkin", {"note": f"draft about {SECRETS[0]}"})
        assert _leaks(file_bytes(jpath))  # the test can see words when they are there
        j.encrypt(PASS)
        assert _leaks(file_bytes(jpath)) == []
        j.add(note(f"after encryption, {SECRETS[1]} again"))
        assert _leaks(file_bytes(jpath)) == []
        cols = j.conn.execute("SELECT count(*) FROM entries WHERE kind IS NOT NULL OR exercise IS NOT NULL").fetchone()[0]
        assert cols == 0
        tables = {n for (n,) in j.conn.execute("SELECT name FROM sqlite_master")}
        assert not any(n.startswith("entries_fts") for n in tables)  # no plaintext index
    assert _leaks(file_bytes(jpath)) == []
    with Journal.open(jpath, passphrase=lambda: PASS) as j:
        texts = {r.id: r.text for r in j.entries()}
        assert all(texts[r.id] == r.text for r in records) and len(texts) == 4
        assert j.get(records[1].id).answers["feeling"]["words"] == ["lonely", "drained"]
        assert j.drafts("checkin")[0]["answers"]["note"].endswith(SECRETS[0])


def test_a_wrong_passphrase_gets_a_clear_message_and_changes_nothing(jpath):
    with Journal.open(jpath) as j:
        _fill(j)
        j.encrypt(PASS)
    before = file_bytes(jpath)
    with Journal.open(jpath, passphrase=lambda: "not the passphrase", tries=3) as j:
        with pytest.raises(OpennessError) as e:
            j.recent(5)
        assert "does not open" in e.value.message
        with pytest.raises(OpennessError):
            j.change_passphrase("a new passphrase here")
    assert file_bytes(jpath) == before
    with Journal.open(jpath, passphrase=lambda: PASS) as j:
        assert len(j.recent(5)) == 3


def test_without_a_passphrase_source_reading_says_what_to_do(jpath):
    with Journal.open(jpath) as j:
        _fill(j)
        j.encrypt(PASS)
    with Journal.open(jpath) as j:
        with pytest.raises(UsageError) as e:
            j.recent(1)
        assert "OPENNESS_PASSPHRASE" in e.value.message
        with pytest.raises(UsageError):
            j.add(note("adding needs it too, unless the person chose otherwise"))


def test_changing_the_passphrase(jpath):
    with Journal.open(jpath) as j:
        _fill(j)
        j.encrypt(PASS)
    with Journal.open(jpath, passphrase=lambda: PASS) as j:
        j.change_passphrase("the second passphrase")
    with Journal.open(jpath, passphrase=lambda: PASS) as j:
        with pytest.raises(OpennessError):
            j.recent(1)
    with Journal.open(jpath, passphrase=lambda: "the second passphrase") as j:
        assert len(j.recent(5)) == 3


def test_add_without_passphrase_mode(jpath):
    with Journal.open(jpath) as j:
        _fill(j)
        j.encrypt(PASS, open_add=True)
    with Journal.open(jpath) as j:  # no passphrase source at all
        assert j.open_add
        r = note(f"added while locked: {SECRETS[2]}")
        j.add(r)
        assert j.conn.execute("SELECT sealed FROM entries WHERE id = ?", (r.id,)).fetchone()[0] == 2
        with pytest.raises(UsageError):
            j.get(r.id)
    assert _leaks(file_bytes(jpath)) == []
    with Journal.open(jpath, passphrase=lambda: PASS) as j:
        assert j.get(r.id).text.endswith(SECRETS[2])
        # unlocking moved it under the data key
        assert j.conn.execute("SELECT sealed FROM entries WHERE id = ?", (r.id,)).fetchone()[0] == 1
        j.set_open_add(False)
    with Journal.open(jpath) as j:
        with pytest.raises(UsageError):
            j.add(note("now adding asks for the passphrase"))


def test_decrypting_brings_back_search(jpath):
    from openness.journal.search import search

    with Journal.open(jpath) as j:
        records = _fill(j)
        j.encrypt(PASS)
    with Journal.open(jpath, passphrase=lambda: PASS) as j:
        assert [h.record.id for h in search(j, SECRETS[1])] == [records[0].id]  # decrypt and scan
        j.decrypt()
        assert not j.encrypted
        assert [h.record.id for h in search(j, SECRETS[1])] == [records[0].id]  # the index again
        assert j.get(records[1].id).kind == "checkin"
    assert SECRETS[0].encode() in file_bytes(jpath)


def test_wipe_leaves_no_words_behind(jpath):
    with Journal.open(jpath) as j:
        _fill(j)
        j.save_draft("01900000-0000-7000-8000-000000000002", "checkin", {"note": SECRETS[3]})
        assert j.wipe() == 3
        assert j.count() == 0 and not j.has_drafts()
    assert _leaks(file_bytes(jpath)) == []


def test_deleting_an_entry_removes_its_words_from_the_file(jpath):
    with Journal.open(jpath) as j:
        records = _fill(j)
        j.delete(records[0].id)
    data = file_bytes(jpath)
    assert SECRETS[0].encode() not in data and SECRETS[1].encode() not in data
    assert SECRETS[2].encode() in data


CHANGER = r"""
import sys
from openness.journal.store import Journal
path, old, new = sys.argv[1:]
with Journal.open(path, passphrase=lambda: old) as j:
    print("go", flush=True)
    j.change_passphrase(new)
print("done", flush=True)
"""


def test_a_passphrase_change_killed_half_way_leaves_the_old_or_the_new(jpath):
    with Journal.open(jpath) as j:
        _fill(j)
        j.encrypt(PASS)
    phrases = [PASS]
    for i in range(6):
        old, new = phrases[-1], f"passphrase number {i}"
        p = subprocess.Popen([sys.executable, "-c", CHANGER, str(jpath), old, new], stdout=subprocess.PIPE)
        assert p.stdout.readline() == b"go\n"
        time.sleep((i % 3) * 0.012)  # before, during and after the key derivation and the write
        p.send_signal(signal.SIGKILL)
        p.wait()
        opened = []
        for phrase in (old, new):
            with Journal.open(jpath, passphrase=lambda phrase=phrase: phrase) as j:
                try:
                    j.unlock()
                    opened.append(phrase)
                    assert len(j.recent(5)) == 3 and j.integrity_ok()
                except OpennessError:
                    pass
        assert len(opened) == 1, opened
        phrases.append(opened[0])

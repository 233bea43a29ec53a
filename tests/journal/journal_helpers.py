"""Helpers for the journal tests: records and raw file bytes."""

from __future__ import annotations

from pathlib import Path

from openness.records import Record

PASS = "a long enough passphrase"


def note(text: str, **kw) -> Record:
    return Record(kind="note", exercise=None, answers={}, text=text, **kw)


def checkin(words: list[str], text: str = "") -> Record:
    feeling = {"pleasantness": "unpleasant", "energy": "low", "words": words, "intensity": 6}
    return Record(kind="checkin", exercise="checkin", answers={"feeling": feeling, "note": text}, text=text)


def file_bytes(path: Path) -> bytes:
    """Everything an attacker with a copy of the folder would have: the file and its sidecars."""
    out = b""
    for p in sorted(path.parent.iterdir()):
        if p.name.startswith(path.name):
            out += p.read_bytes()
    return out

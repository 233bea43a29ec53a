"""Fixtures for the journal tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.journal.store import Journal


@pytest.fixture
def jpath(home: Path) -> Path:
    return home / "journal.sqlite3"


@pytest.fixture
def journal(jpath: Path):
    j = Journal.open(jpath)
    yield j
    j.close()

"""The installed `openness review` in a pseudo-terminal on an encrypted journal: one passphrase prompt."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from openness.journal.store import Journal

import handmade as hm

pexpect = pytest.importorskip("pexpect")
EXE = Path(sys.executable).with_name("openness")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\r")
PHRASE = "a long passphrase"

pytestmark = [
    pytest.mark.skipif(not EXE.exists(), reason="openness is not installed next to this Python"),
    pytest.mark.skipif(not hasattr(Journal, "encrypt"), reason="this journal has no encryption yet"),
]


def test_review_asks_for_the_passphrase_once(home):
    home.mkdir(parents=True, exist_ok=True)
    with Journal.open(home / "journal.sqlite3") as j:
        for r in hm.entries():
            j.add(r)
    env = dict(os.environ, OPENNESS_HOME=str(home), NO_COLOR="1", LANG="C.UTF-8", OPENNESS_NEW_PASSPHRASE=PHRASE)
    env.pop("OPENNESS_PASSPHRASE", None)
    done = subprocess.run([str(EXE), "journal", "encrypt"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    env.pop("OPENNESS_NEW_PASSPHRASE")
    env.pop("COLUMNS", None)
    child = pexpect.spawn(str(EXE), ["review"], env=env, encoding="utf-8", timeout=20, dimensions=(50, 60))
    child.logfile_read = io.StringIO()
    child.expect("Passphrase")
    child.sendline(PHRASE)
    child.expect(pexpect.EOF)
    child.close()
    shown = ANSI.sub("", child.logfile_read.getvalue())
    assert child.exitstatus == 0, shown
    assert shown.count("Passphrase") == 1
    flat = " ".join(shown.split())
    assert "Looking back" in flat and "Average strength: 5.2 of 10 (ratings: 5)." in flat
    assert PHRASE not in shown  # typed without echo

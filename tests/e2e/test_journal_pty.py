"""The journal in a real pseudo-terminal: Ctrl-C half way keeps a draft, the next run resumes it;
the passphrase is asked without echo."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

EXE = Path(sys.executable).with_name("openness")
DOWN, ENTER, SPACE = "\x1b[B", "\r", " "
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")

pytestmark = pytest.mark.skipif(not EXE.exists(), reason="openness is not installed next to this Python")


def spawn(home: Path, *args: str, **extra: str):
    env = dict(os.environ)
    env.update(OPENNESS_HOME=str(home), NO_COLOR="1", PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", LANG="C.UTF-8", **extra)
    env.pop("COLUMNS", None)
    env.pop("OPENNESS_PASSPHRASE", None)
    child = pexpect.spawn(str(EXE), list(args), env=env, encoding="utf-8", timeout=20, dimensions=(40, 80))
    child.logfile_read = io.StringIO()
    return child


def plain(text: str) -> str:
    return ANSI.sub("", text)


def journal_on(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text(json.dumps({"first_run_done": True, "journal": True}))


def name_a_feeling(child) -> None:
    child.expect("pleasant or more unpleasant")
    child.send(DOWN + ENTER)
    child.expect("energy")
    child.send(DOWN + ENTER)
    child.expect("Which words")
    child.send(SPACE + ENTER)
    child.expect("How strong")
    child.send(ENTER)


def test_ctrl_c_mid_exercise_then_resume(home):
    journal_on(home)
    child = spawn(home, "checkin")
    name_a_feeling(child)
    child.expect(r"put a name to it")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    text = plain(child.logfile_read.getvalue())
    assert child.exitstatus == 130 and "Traceback" not in text
    assert "kept as a draft" in text

    child = spawn(home, "checkin")
    child.expect("unfinished")
    before = plain(child.before)
    assert "988" in before  # the support lines still come first
    child.send(ENTER)  # pick up where I left off
    child.expect(r"put a name to it")
    assert "pleasant or more unpleasant" not in plain(child.before)
    child.send(ENTER)
    child.expect(r"\?")
    child.send("finished after a break")
    child.send("\x1b" + ENTER)
    child.expect("Keep this in your journal")
    child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    out = subprocess.run([str(EXE), "journal", "list", "--json"], capture_output=True, text=True,
                         env={**os.environ, "OPENNESS_HOME": str(home)})
    [entry] = json.loads(out.stdout)
    assert entry["answers"]["feeling"]["pleasantness"] == "unpleasant" and entry["text"] == "finished after a break"
    status = subprocess.run([str(EXE), "journal", "status", "--json"], capture_output=True, text=True,
                            env={**os.environ, "OPENNESS_HOME": str(home)})
    assert json.loads(status.stdout)["drafts"] == 0


def test_the_passphrase_is_asked_twice_without_echo(home):
    subprocess.run([str(EXE), "journal", "add", "a private line"], check=True, capture_output=True,
                   env={**os.environ, "OPENNESS_HOME": str(home)})
    child = spawn(home, "journal", "encrypt")
    child.expect("Choose a passphrase:")
    child.sendline("sesame street 42")
    child.expect("Type it again:")
    child.sendline("sesame street 42")
    child.expect(pexpect.EOF)
    child.close()
    text = plain(child.logfile_read.getvalue())
    assert child.exitstatus == 0 and "encrypted now" in text
    assert "sesame" not in text  # never echoed
    child = spawn(home, "journal", "list")
    child.expect("Passphrase for your journal:")
    child.sendline("not it")
    child.expect("Passphrase for your journal:")
    child.sendline("sesame street 42")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and "a private line" in plain(child.logfile_read.getvalue())


def test_a_closed_terminal_keeps_the_answers_given(home):
    journal_on(home)
    child = spawn(home, "checkin")
    name_a_feeling(child)
    child.expect(r"put a name to it")
    child.close(force=True)  # the window is closed: SIGHUP
    status = subprocess.run([str(EXE), "journal", "status", "--json"], capture_output=True, text=True,
                            env={**os.environ, "OPENNESS_HOME": str(home)})
    assert json.loads(status.stdout)["drafts"] == 1

"""The installed `openness` command in a real pseudo-terminal, as a person uses it."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

EXE = Path(sys.executable).with_name("openness")
DOWN, ENTER, SPACE = "\x1b[B", "\r", " "
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")

pytestmark = pytest.mark.skipif(not EXE.exists(), reason="openness is not installed next to this Python")


def spawn(home: Path, *args: str, cols: int = 80, rows: int = 40):
    env = dict(os.environ)
    env.update(OPENNESS_HOME=str(home), NO_COLOR="1", PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", LANG="C.UTF-8")
    env.pop("COLUMNS", None)
    child = pexpect.spawn(str(EXE), list(args), env=env, encoding="utf-8", timeout=40, dimensions=(rows, cols))
    child.logfile_read = io.StringIO()  # everything the terminal showed
    return child


def plain(text: str) -> str:
    return ANSI.sub("", text)


def test_first_checkin_with_arrow_keys_and_enter(home):
    child = spawn(home, "checkin")
    seen = ""
    # first run: what openness is and is not, then the journal question (default no)
    child.expect("keep a private journal")
    seen += child.before
    # the support lines come before the very first question
    assert "988" in plain(seen) and "741741" in plain(seen) and "911" in plain(seen)
    child.send("y")
    child.expect("Keep this check on")
    child.send(ENTER)
    child.expect("Is that right")
    child.send(ENTER)
    child.expect("pleasant or more unpleasant")
    child.send(DOWN + ENTER)  # unpleasant
    child.expect("energy")
    child.send(DOWN + ENTER)  # lower energy
    child.expect("Which words")
    child.send(SPACE + ENTER)  # the first word
    child.expect("How strong")
    child.send(ENTER)  # the middle of the scale
    child.expect(r"put a name to it|naming")
    child.send(ENTER)
    child.expect(r"\?")
    child.send("a small [bold]note[/bold]")
    child.send("\x1b" + ENTER)  # Esc then Enter finishes a note of several lines
    child.expect(r"Keep this in your journal")
    child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "not therapy" in plain(seen)
    out = subprocess.run([str(EXE), "journal", "list", "--json"], capture_output=True, text=True,
                         env={**os.environ, "OPENNESS_HOME": str(home)})
    [entry] = json.loads(out.stdout)
    assert entry["kind"] == "checkin"
    assert entry["answers"]["feeling"]["pleasantness"] == "unpleasant"
    assert entry["answers"]["feeling"]["energy"] == "low"
    assert entry["answers"]["feeling"]["intensity"] == 5
    assert entry["text"] == "a small [bold]note[/bold]"


def _skip_first_run(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text(json.dumps({"first_run_done": True, "journal": True}))


def test_ctrl_c_half_way_exits_130_without_a_traceback(home):
    _skip_first_run(home)
    child = spawn(home, "exercises", "run", "self-compassion")
    child.expect("self-critical thought")
    child.expect(r"\(you can leave|Esc then Enter|\n|\?")  # the prompt is drawn and waiting for keys
    time.sleep(0.3)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    text = plain(child.logfile_read.getvalue())
    assert child.exitstatus == 130
    assert "Traceback" not in text and "Stopped" in text


def test_a_narrow_window_wraps_without_overflowing(home):
    _skip_first_run(home)
    child = spawn(home, "checkin", cols=60)
    child.expect("pleasant or more unpleasant")
    screen = plain(child.before)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    lines = [line for line in screen.split("\n") if line.strip()]
    assert lines and max(len(line) for line in lines) <= 60
    assert "988" in screen

"""$EDITOR: a private file, removed on every way out; a crash's leftover is removed next time."""

from __future__ import annotations

import os
import shlex
import stat
import sys

import pytest

from openness.errors import OpennessError
from openness.journal import editor

FAKE_EDITOR = """
import os, stat, sys
path = sys.argv[1]
with open(os.environ["EDITOR_LOG"], "w") as log:
    log.write(f"{path}\\n{oct(stat.S_IMODE(os.stat(path).st_mode))}\\n{oct(stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode))}\\n")
    log.write(open(path).read())
open(path, "w").write(os.environ.get("EDITOR_TEXT", ""))
sys.exit(int(os.environ.get("EDITOR_EXIT", "0")))
"""


@pytest.fixture
def fake_editor(tmp_path):
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR)
    log = tmp_path / "editor.log"
    env = {"EDITOR": shlex.join([sys.executable, str(script)]), "EDITOR_LOG": str(log)}
    return env, log


def test_the_file_is_private_and_removed(fake_editor, home):
    env, log = fake_editor
    env = {**env, "EDITOR_TEXT": "what I wrote"}
    os.environ.update(env)
    try:
        text = editor.edit(home / "tmp", "the old text", dict(os.environ))
    finally:
        for k in env:
            os.environ.pop(k, None)
    path, mode, folder_mode, seen = log.read_text().split("\n", 3)
    assert text == "what I wrote" and seen == "the old text"
    assert mode == "0o600" and folder_mode == "0o700"
    assert not os.path.exists(path) and os.listdir(home / "tmp") == []


def test_a_failing_editor_changes_nothing_and_leaves_nothing(fake_editor, home):
    env, log = fake_editor
    with pytest.raises(OpennessError):
        editor.edit(home / "tmp", "x", {**env, "EDITOR_EXIT": "1"})
    assert os.listdir(home / "tmp") == []
    with pytest.raises(OpennessError):
        editor.edit(home / "tmp", "x", {"EDITOR": "/no/such/editor"})
    assert os.listdir(home / "tmp") == []


def test_no_editor_is_a_clear_message(home):
    with pytest.raises(OpennessError) as e:
        editor.edit(home / "tmp", "", {})
    assert "EDITOR" in e.value.message


def test_a_crash_leftover_is_removed_at_the_next_start(home, capsys):
    folder = home / "tmp"
    folder.mkdir(parents=True)
    left = folder / "entry-abc123.txt"
    left.write_text("words left behind by a crash")
    from openness.cli import run

    assert run(["journal", "add", "a new entry"]) == 0
    assert not left.exists()

"""Writing an entry in the person's own editor, without leaving a copy behind.

The text goes in a file only its owner can read (0600, in the private 0700
scratch folder), which is removed on every way out: the editor finishing,
Ctrl-C, a closed terminal (SIGHUP) or SIGTERM. A file left by a crash or
SIGKILL is removed the next time openness opens the journal.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from openness.errors import OpennessError, UsageError
from openness.i18n import t
from openness.paths import ensure_private_dir

PREFIX = "entry-"


def editor_command(environ: dict[str, str]) -> list[str]:
    raw = environ.get("VISUAL") or environ.get("EDITOR")
    if not raw:
        raise UsageError(t("journal.no_editor"))
    try:
        cmd = shlex.split(raw)
    except ValueError:
        cmd = []
    if not cmd:
        raise UsageError(t("journal.no_editor"))
    return cmd


def cleanup(folder: Path) -> int:
    """Remove scratch files a crash left behind. Returns how many."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        if name.startswith(PREFIX):
            try:
                _shred(folder / name)
                removed += 1
            except OSError:
                pass
    return removed


def _shred(path: Path) -> None:
    try:
        size = path.stat().st_size
        with open(path, "r+b") as fh:  # best effort: overwrite before unlinking
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        pass
    path.unlink()


@contextmanager
def _signals_end_the_edit() -> Iterator[None]:
    """A closed terminal or SIGTERM unwinds like Ctrl-C, so the file is removed."""

    def stop(signum, frame):  # noqa: ARG001
        raise KeyboardInterrupt

    old = {}
    for sig in (signal.SIGHUP, signal.SIGTERM):
        try:
            old[sig] = signal.signal(sig, stop)
        except (ValueError, OSError):  # not the main thread
            pass
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def edit(folder: Path, initial: str, environ: dict[str, str]) -> str:
    """Open `initial` in $VISUAL/$EDITOR and return what was saved."""
    cmd = editor_command(environ)
    ensure_private_dir(folder)
    fd, name = tempfile.mkstemp(prefix=PREFIX, suffix=".txt", dir=folder)
    path = Path(name)
    try:
        with _signals_end_the_edit():
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                os.fchmod(fh.fileno(), 0o600)
                fh.write(initial)
            try:
                done = subprocess.run([*cmd, str(path)])
            except OSError:
                raise OpennessError(t("journal.editor_failed", editor=cmd[0])) from None
            if done.returncode != 0:
                raise OpennessError(t("journal.editor_failed", editor=cmd[0]))
            return path.read_text(encoding="utf-8")
    finally:
        try:
            _shred(path)
        except OSError:
            pass

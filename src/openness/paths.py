"""Where openness keeps its files.

OPENNESS_HOME, when set, holds everything (settings, journal, the user's own
exercises); otherwise the platform's data and config folders are used.
Folders are created private (0700) and files written here are 0600.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

APP = "openness"


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path

    @property
    def journal(self) -> Path:
        return self.data / "journal.sqlite3"

    @property
    def settings(self) -> Path:
        return self.config / "settings.json"

    @property
    def user_exercises(self) -> Path:
        return self.data / "exercises"

    @property
    def tmp(self) -> Path:
        """A private scratch folder (for the editor); cleaned at start."""
        return self.data / "tmp"


def default_paths(environ: dict[str, str] | None = None) -> Paths:
    env = os.environ if environ is None else environ
    home = env.get("OPENNESS_HOME")
    if home:
        root = Path(home).expanduser()
        return Paths(data=root, config=root)
    import platformdirs

    return Paths(
        data=Path(platformdirs.user_data_dir(APP, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP, appauthor=False)),
    )


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) and make it readable by its owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


@contextmanager
def private_writer(path: Path, *, binary: bool = False) -> Iterator[IO]:
    """Write a file that appears whole or not at all, readable only by its owner (0600).

    The data goes to a temporary file beside `path`, which is synced and then
    renamed over it; on any error (Ctrl-C, a full disk) the temporary file is
    removed and `path` is left as it was. The folder is not changed.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # even if an old temporary file was there with another mode
        mode = "wb" if binary else "w"
        kwargs = {} if binary else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_private_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` in openness's own private folder (made 0700), atomically, 0600."""
    ensure_private_dir(path.parent)
    with private_writer(path, binary=True) as fh:
        fh.write(data)

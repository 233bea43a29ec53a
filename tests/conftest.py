"""Every test runs with its own OPENNESS_HOME, no colour and a fixed width.

Tests never touch the real home folder.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

os.environ["NO_COLOR"] = "1"
os.environ["COLUMNS"] = "80"
os.environ.setdefault("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = tmp_path / "home"
    monkeypatch.setenv("OPENNESS_HOME", str(h))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    for var in ("LC_ALL", "LC_MESSAGES", "OPENNESS_LANG", "OPENNESS_PASSPHRASE", "OPENNESS_PLAIN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    from openness import i18n

    i18n.set_language("en")
    yield h
    i18n.set_language("en")


@pytest.fixture
def library():
    from openness.content.loader import load_library

    return load_library()


class ScriptedPrompter:
    """A Prompter that answers from a dict and records everything it was shown."""

    interactive = False

    def __init__(self, answers: dict, interactive: bool = False) -> None:
        self.answers = answers
        self.interactive = interactive
        self.shown: list[tuple[str, object]] = []
        self.asked: list[str] = []

    def _get(self, key: str):
        value = self.answers
        for part in key.split("."):
            value = value[part]
        self.asked.append(key)
        return value

    def heading(self, text):
        self.shown.append(("heading", text))

    def say(self, text):
        self.shown.append(("say", text))

    def crisis(self, panel):
        self.shown.append(("crisis", panel))

    def choice(self, key, prompt, options, help=None):
        v = self._get(key)
        assert v in [o for o, _ in options], (key, v)
        return v

    def multi(self, key, prompt, options, help=None, minimum=0):
        v = self._get(key)
        assert all(x in [o for o, _ in options] for x in v), (key, v)
        return list(v)

    def scale(self, key, prompt, low, high, low_label, high_label, help=None):
        v = self._get(key)
        assert low <= v <= high
        return v

    def text(self, key, prompt, optional, multiline, help=None):
        try:
            return self._get(key)
        except KeyError:
            if optional:
                return ""
            raise

    def yesno(self, key, prompt, default=None, help=None):
        return self._get(key)

    def said(self) -> str:
        return "\n".join(str(v) for k, v in self.shown if k in ("say", "heading"))


@pytest.fixture
def scripted():
    return ScriptedPrompter


@pytest.fixture
def out():
    return io.StringIO()

"""What a flow needs from whoever shows it: the Prompter interface.

`ui` implements it for a terminal (questionary and rich, or plain numbered
lines); `flows.answers` implements it from a file of answers. Keys are the
step ids, with a dot for the parts of an emotion answer
(`feeling.pleasantness`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence


@dataclass(frozen=True)
class Line:
    """One crisis or support line, ready to show."""

    name: str
    how: str  # e.g. "call or text 988"
    extra: str | None = None  # hours, languages


@dataclass(frozen=True)
class Panel:
    title: str
    intro: str
    lines: tuple[Line, ...]
    footer: str


class Prompter(Protocol):
    interactive: bool

    def heading(self, text: str) -> None: ...

    def say(self, text: str) -> None: ...

    def crisis(self, panel: Panel) -> None: ...

    def choice(self, key: str, prompt: str, options: Sequence[tuple[str, str]], help: str | None = None) -> str: ...

    def multi(
        self, key: str, prompt: str, options: Sequence[tuple[str, str]], help: str | None = None, minimum: int = 0
    ) -> list[str]: ...

    def scale(
        self, key: str, prompt: str, low: int, high: int, low_label: str, high_label: str, help: str | None = None
    ) -> int: ...

    def text(self, key: str, prompt: str, optional: bool, multiline: bool, help: str | None = None) -> str: ...

    def yesno(self, key: str, prompt: str, default: bool | None = None, help: str | None = None) -> bool: ...

"""Output for a terminal or a pipe, through rich, with markup always off."""

from __future__ import annotations

import os
import sys
from typing import Any, Iterable, TextIO

from openness.flows.prompter import Panel
from openness.ui.text import clean


def make_console(file: TextIO | None = None, *, plain: bool = False, width: int | None = None,
                 bidi: str | None = None, environ: dict[str, str] | None = None):
    """A rich console for `file`; `bidi` is the setting (auto, logical, visual), see ui/bidi.py."""
    from rich.console import Console

    from openness import i18n
    from openness.ui import bidi as bidi_mod

    f = file or sys.stdout
    env = os.environ if environ is None else environ
    no_color = plain or bool(env.get("NO_COLOR"))
    try:
        terminal = bool(f.isatty())
    except (AttributeError, ValueError):
        terminal = False
    mode = bidi_mod.choose(bidi, dict(env), terminal=terminal, plain=plain, rtl=i18n.direction() == "rtl")
    out: Any = f
    if terminal and i18n.direction() == "rtl":
        out = bidi_mod.BidiFile(f, mode, vte=bool(env.get("VTE_VERSION")))
    elif plain:
        out = bidi_mod.BidiFile(f, "strip")  # a screen reader needn't hear trailing spaces
    console = Console(
        file=out,
        no_color=no_color,
        color_system=None if no_color else "auto",
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        width=width,
    )
    console.openness_bidi = mode  # type: ignore[attr-defined]
    if isinstance(out, bidi_mod.BidiFile):
        out.width = lambda: console.width
    return console


class Display:
    """Shows what a flow says. `plain` means: no boxes, no colour, one idea a line."""

    def __init__(self, console: Any, *, plain: bool = False) -> None:
        self.console = console
        self.plain = plain

    @property
    def bidi(self) -> str:
        """"logical" or "visual" (ui/bidi.py); "logical" for anything that isn't a terminal."""
        return getattr(self.console, "openness_bidi", "logical")

    def for_prompt(self, line: str, width: int | None = None) -> str:
        """One line for a prompt_toolkit question (which bypasses the console): in display
        order in visual mode, right-aligned within `width` if given."""
        from openness.i18n import direction

        if direction() != "rtl" or not getattr(self.console, "is_terminal", False):
            return line
        from openness.ui import bidi

        return bidi.visual(line, width) if self.bidi == "visual" else bidi.logical(line)

    def hanging(self, s: str, width: int | None = None, style: str | None = None):
        """A list line ("- name: how", "12. label", "  note") wrapped between words, its
        later lines indented under its first word, not back at the margin."""
        import re

        from rich.text import Text

        s = clean(s)
        m = re.match(r"(\s*(?:[-*]|\d+[.)])?\s+)", s)
        if not m or "\n" in s:
            return Text(s, style=style or "")
        lead = m.group(1)
        width = width or self.console.width or 80
        pad = " " * len(lead)
        parts = Text(s[len(lead):]).wrap(self.console, max(10, width - len(lead)))
        return Text(lead + ("\n" + pad).join(p.plain.rstrip() for p in parts), style=style or "")

    def item(self, prefix: str, text: str) -> None:
        """One numbered choice or bullet on its own line(s)."""
        self.console.print(self.hanging(f"{prefix}{text}"))

    def _text(self, s: str, style: str | None = None):
        from rich.text import Text

        return Text(clean(s), style=style or "")

    def blank(self) -> None:
        self.console.print()

    def heading(self, text: str) -> None:
        self.console.print()
        self.console.print(self._text(text, None if self.plain else "bold"))

    def say(self, text: str) -> None:
        self.console.print(self._text(text))

    def note(self, text: str) -> None:
        self.console.print(self._text(text, None if self.plain else "dim"))

    def echo(self, prompt: str, answer: str, user_text: bool = False) -> None:
        self.console.print(self._text(prompt, None if self.plain else "bold"))
        self.console.print(self._text("  " + answer.replace("\n", "\n  ")))

    def crisis(self, panel: Panel) -> None:
        lines = [panel.intro, ""]
        for line in panel.lines:
            lines.append(f"- {line.name}: {line.how}")
            if line.extra:
                lines += ["  " + x for x in line.extra.split("\n")]
        lines += ["", panel.footer]
        if self.plain:
            self.console.print(self._text(panel.title))
            for s in lines:
                if s:
                    self.console.print(self.hanging(s))
            self.console.print()
            return
        from rich.panel import Panel as RichPanel
        from rich.text import Text

        body = Text()
        inner = max(20, (self.console.width or 80) - 4)  # the panel's borders and padding
        for i, s in enumerate(lines):
            if i:
                body.append("\n")
            body.append(self.hanging(s, inner))
        self.console.print(RichPanel(body, title=clean(panel.title), title_align="left", border_style="cyan", expand=False))

    def table(self, headers: Iterable[str], rows: Iterable[Iterable[str]], title: str | None = None) -> None:
        headers = list(headers)
        rows = [list(r) for r in rows]
        if self.plain:
            if title:
                self.console.print(self._text(title))
            for r in rows:
                self.console.print(self._text("; ".join(f"{h}: {v}" for h, v in zip(headers, r) if v)))
            return
        from rich.table import Table

        tab = Table(title=clean(title) if title else None, show_edge=False, header_style="bold", expand=False)
        for h in headers:
            tab.add_column(clean(h), overflow="fold")
        for r in rows:
            tab.add_row(*(self._text(v) for v in r))
        self.console.print(tab)

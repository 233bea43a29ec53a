"""Urdu in any terminal: logical order where the terminal does bidi, visual where it doesn't.

openness always builds and wraps text in logical order (the order it is
typed and stored in). What reaches the terminal depends on the mode:

* `logical`: the text as it is. Right for pipes, files, screen readers and
  terminals that reorder right-to-left text themselves (GNOME Terminal and
  other VTE terminals, Konsole, mlterm). On a terminal, lines with Urdu get
  small invisible helpers: a right-to-left mark at the start, so the line is
  laid out right to left even when it begins with a Latin name; an isolate
  around runs of digits with spaces or colons (0808 2000 247, 2026-11-22
  14:03), so they keep their order; and, on VTE, "autodetect the paragraph
  direction" (DECSET 2501) for the run, switched back off at exit.
* `visual`: each finished line is shaped (letters joined, arabic-reshaper)
  and reordered for display (python-bidi), then right-aligned; box edges are
  mirrored so panels and tables still close. For terminals that show
  characters strictly left to right: tmux, screen, xterm, the Linux console,
  and most others. We also send "bidi explicit mode" (SM 8), which tells a
  terminal that does reorder not to reorder again.

`choose` decides: never visual for a pipe or a file; then OPENNESS_BIDI or
the `bidi` setting (auto, logical, visual); then `--plain` (screen readers
need logical order); then what the environment says about the terminal.
"""

from __future__ import annotations

import atexit
import re
from typing import Any, TextIO

MODES = ("auto", "logical", "visual")

# Hebrew, Arabic (and Urdu), Syriac, Thaana, NKo, and the Arabic presentation forms
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")
_STRONG = re.compile("[A-Za-z\u00c0-\u024f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")
_SGR = re.compile(r"\x1b\[[0-9;]*m")
_BOX = re.compile("[\u2500-\u257f]")
# digits joined by spaces, dashes, dots, colons or slashes: phone numbers, dates, times
_NUMBERS = re.compile(r"[+(]?\d[\d)]*(?:[ \-./:]\(?\d[\d)]*)+")
_MARKS = re.compile("[\u200e\u200f\u2066-\u2069\u202a-\u202e]")
_MIRROR = str.maketrans("╭╮╰╯┌┐└┘├┤┏┓┗┛┣┫╔╗╚╝╠╣┍┑┕┙┝┥", "╮╭╯╰┐┌┘└┤├┓┏┛┗┫┣╗╔╝╚╣╠┑┍┙┕┥┝")

LRI, RLI, PDI, RLM = "\u2066", "\u2067", "\u2069", "\u200f"
LRE, PDF = "\u202a", "\u202c"
VTE_AUTODETECT_ON, VTE_AUTODETECT_OFF = "\x1b[?2501h", "\x1b[?2501l"
EXPLICIT_ON, EXPLICIT_OFF = "\x1b[8h", "\x1b[8l"  # BDSM: "the text is already in display order"


def has_rtl(text: str) -> bool:
    return bool(_RTL.search(text))


def choose(setting: str | None, environ: dict[str, str], *, terminal: bool, plain: bool, rtl: bool) -> str:
    """"logical" or "visual" for this run's output (see the module docstring)."""
    if not terminal or not rtl:
        return "logical"
    asked = (environ.get("OPENNESS_BIDI") or setting or "auto").strip().lower()
    if asked in ("logical", "visual"):
        return asked
    if plain:
        return "logical"
    term = environ.get("TERM", "")
    if environ.get("TMUX") or term.startswith(("screen", "tmux")):
        return "visual"  # tmux and screen draw cell by cell, whatever the terminal outside
    if (environ.get("VTE_VERSION") or environ.get("KONSOLE_VERSION") or environ.get("MLTERM")
            or term.startswith("mlterm") or environ.get("TERM_PROGRAM") == "Apple_Terminal"):
        return "logical"
    if (term.startswith(("xterm", "linux", "rxvt", "alacritty", "foot", "st-", "kitty", "vt"))
            or environ.get("WT_SESSION") or environ.get("TERM_PROGRAM") in ("vscode", "WezTerm")):
        return "visual"
    return "logical"


def isolate_numbers(line: str, start: str = LRI, end: str = PDI) -> str:
    """Wrap digit groups with inner spaces or separators in a left-to-right isolate."""
    return _NUMBERS.sub(lambda m: start + m.group(0) + end if not m.group(0).isdigit() else m.group(0), line)


_reshaper: Any = None


def _shape(text: str) -> str:
    global _reshaper
    if _reshaper is None:
        from arabic_reshaper import ArabicReshaper

        # no ligatures: one character stays one cell, so rich's layout still fits
        _reshaper = ArabicReshaper(configuration={"delete_harakat": True, "support_ligatures": False})
    return _reshaper.reshape(text)


def visual(line: str, width: int | None = None) -> str:
    """One finished line in display order: shaped, reordered, right-aligned if it has no box."""
    if not (has_rtl(line) or _BOX.search(line)):
        return line
    # colour is dropped on these lines (nothing is said by colour alone); a box line
    # without Urdu (a table rule, a row of digits) is mirrored too, to stay in line
    plain = _SGR.sub("", line)
    # python-bidi's classic algorithm mirrors brackets (the newer one does not); it
    # predates isolates, so numbers get a left-to-right embedding instead
    from bidi.algorithm import get_display

    out = get_display(_shape(isolate_numbers(plain, LRE, PDF)), base_dir="R")
    out = _MARKS.sub("", out).translate(_MIRROR)
    if width and not _BOX.search(out):
        from rich.cells import cell_len

        out = out.rstrip()
        out = " " * max(0, width - cell_len(out)) + out
    return out


def logical(line: str) -> str:
    """One finished line in logical order, with the helpers a bidi terminal needs."""
    if not has_rtl(line):
        return line
    line = isolate_numbers(line)
    if _BOX.search(line):
        # keep the box left to right; lay out each Urdu cell right to left inside it
        return re.sub(r"([│┃║])([^│┃║]*[\u0590-\u08ff][^│┃║]*)(?=[│┃║])",
                      lambda m: m.group(1) + RLI + m.group(2) + PDI, line)
    lead = len(line) - len(line.lstrip(" "))
    return line[:lead] + RLM + line[lead:]


class BidiFile:
    """A text stream that passes each finished line through `visual` or `logical`
    (or, with mode "strip", only drops the spaces rich leaves at the end of a line)."""

    def __init__(self, raw: TextIO, mode: str, *, width: Any = None, vte: bool = False) -> None:
        self.raw = raw
        self.mode = mode
        self.width = width
        self._pending = ""
        self._started = False
        self._vte = vte

    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        if self.mode == "strip":
            return
        on, off = (EXPLICIT_ON, EXPLICIT_OFF) if self.mode == "visual" else (
            (VTE_AUTODETECT_ON, VTE_AUTODETECT_OFF) if self._vte else ("", ""))
        if on:
            self.raw.write(on)
            atexit.register(self._stop, off)

    def _stop(self, off: str) -> None:
        try:
            self.raw.write(off)
            self.raw.flush()
        except (OSError, ValueError):
            pass

    def _line(self, line: str) -> str:
        if self.mode == "strip":
            return line.rstrip(" ")
        if self.mode != "visual":
            return logical(line.rstrip(" "))
        width = self.width() if callable(self.width) else self.width
        return visual(line, width)

    def write(self, s: str) -> int:
        self._start()
        text = self._pending + s
        *done, self._pending = text.split("\n")
        for line in done:
            self.raw.write(self._line(line) + "\n")
        return len(s)

    def flush(self) -> None:
        if self._pending:  # a prompt waiting on the same line: show it now
            line = self._pending
            self._pending = ""
            # a prompt stays where the cursor is; only reorder it, don't pad it across the screen
            self.raw.write(visual(line) if self.mode == "visual" else line if self.mode == "strip" else logical(line))
        self.raw.flush()

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding, ...
        return getattr(self.raw, name)

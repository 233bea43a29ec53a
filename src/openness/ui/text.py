"""Make any text safe to print: what a person wrote is shown as written.

Control characters (escape sequences, bells, carriage returns) are shown as
visible codes instead of being obeyed, so a note can never recolour the
terminal, move the cursor or set the window title. Markup such as `[red]` is
never interpreted because openness prints through rich Text objects with
markup off.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _visible(m: re.Match[str]) -> str:
    ch = m.group(0)
    code = ord(ch)
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"\\u{code:04x}"


def clean(text: str) -> str:
    """`text` with control characters made visible (newlines and tabs kept)."""
    return _CONTROL.sub(_visible, text)

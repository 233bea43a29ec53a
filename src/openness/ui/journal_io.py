"""Terminal pieces the journal commands need: a passphrase asked without echo,
a yes/no or typed confirmation, and a progress bar shown only in a terminal.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Any, Callable, Iterator, TextIO

from openness.i18n import t
from openness.ui.text import clean


def ask_secret(prompt: str) -> str:
    """Read a secret from the terminal without showing it."""
    import getpass

    return getpass.getpass(clean(prompt) + " ", stream=sys.stderr)


def ask_line(console: Any, prompt: str, stdin: TextIO) -> str:
    console.print(clean(prompt) + " ", end="")
    try:
        console.file.flush()
    except (OSError, ValueError):
        pass
    line = stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")


@contextmanager
def progress(total: int, label: str, *, enabled: bool, file: TextIO | None = None) -> Iterator[Callable[[int], None]]:
    """Yield `tick(n)`; draws a bar on `file` (stderr) only when `enabled`."""
    if not enabled or total <= 0:
        yield lambda n: None
        return
    import os

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=file or sys.stderr, no_color=bool(os.environ.get("NO_COLOR")), highlight=False, markup=False)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(clean(label), total=total)
        yield lambda n: bar.advance(task, n)


def search_line(snippet: str, highlights: list[tuple[int, int]], *, marked: bool):
    """A search snippet as rich Text: matches in bold and underlined, and also
    wrapped in » « when there is no styling (plain, NO_COLOR), so the mark never
    depends on colour."""
    from rich.text import Text

    out = Text()
    pos = 0
    for s, e in highlights:
        out.append(clean(snippet[pos:s]))
        word = clean(snippet[s:e])
        if marked:
            out.append(t("journal.mark_open") + word + t("journal.mark_close"))
        else:
            out.append(word, style="bold underline")
        pos = e
    out.append(clean(snippet[pos:]))
    return out


def search_results(display: Any, hits: list, library: Any, lang: str) -> None:
    """Search results: id, when, what, and the matching words marked in a snippet."""
    import os

    from openness.ui.views import entry_title

    if not hits:
        display.say(t("journal.search_empty"))
        return
    console = display.console
    marked = display.plain or bool(os.environ.get("NO_COLOR")) or not console.is_terminal
    if display.plain:
        for h in hits:
            r = h.record
            head = f"{r.id[-8:]}; {r.created.strftime('%Y-%m-%d %H:%M')}; {entry_title(r, library, lang)}"
            console.print(clean(head), markup=False, highlight=False)
            console.print(search_line("  " + h.snippet, [(s + 2, e + 2) for s, e in h.highlights], marked=True))
        return
    from rich.table import Table
    from rich.text import Text

    tab = Table(show_edge=False, header_style="bold", expand=False)
    for h in (t("journal.col_id"), t("journal.col_when"), t("journal.col_what"), t("journal.col_match")):
        tab.add_column(clean(h), overflow="fold")
    for h in hits:
        r = h.record
        tab.add_row(Text(r.id[-8:]), Text(r.created.strftime("%Y-%m-%d %H:%M")),
                    Text(clean(entry_title(r, library, lang))), search_line(h.snippet, h.highlights, marked=marked))
    console.print(tab)

"""Show the safety card and the safety plan.

The card is calm: plain ASCII bullets, no colour that carries meaning, a
muted border only when boxes are on. In a terminal it waits for Enter (r
shows more lines); it is never a gate: any other key, or the end of input,
simply continues. Piped or from an answers file it just prints.
"""

from __future__ import annotations

from typing import Any, Callable

from openness.ui.render import Display
from openness.ui.text import clean


def card_lines(card) -> list[str]:
    out = [*card.opening]
    out += ["  - " + x for x in card.lines]
    out += list(card.notes)
    for heading, items in card.plan:
        out.append(heading)
        out += ["  - " + x for x in items]
    out.append(card.closing)
    return [x for x in out if x]


def show_card(
    display: Display,
    card,
    *,
    wait: bool = False,
    stdin: Any = None,
    more: Callable[[], Any] | None = None,
) -> None:
    lines = card_lines(card)
    console = display.console
    console.print()
    if display.plain:
        for s in lines:
            console.print(display._text(s))
    else:
        from rich.panel import Panel
        from rich.text import Text

        body = Text("\n".join(clean(s) for s in lines))
        console.print(Panel(body, border_style="dim", expand=False))
    if not wait:
        console.print()
        return
    console.print(display._text(card.keys))
    try:
        answer = (stdin.readline() if stdin is not None else "").strip().casefold()
    except (EOFError, KeyboardInterrupt, OSError, ValueError):
        return
    if answer == "r" and more is not None:
        display.crisis(more())


def show_plan(display: Display, plan, *, lang: str | None = None, when: str | None = None) -> None:
    from openness.flows import safety_plan
    from openness.flows.crisis import tr

    display.heading(tr(lang, "safety_plan.title"))
    if when:
        display.note(tr(lang, "safety_plan.made", when=when))
    for part in safety_plan.PARTS:
        display.heading(safety_plan.title(part, lang))
        items = plan.items(part)
        if not items:
            display.note("  " + tr(lang, "safety_plan.empty_part"))
        for item in items:
            display.say("  - " + item)
    display.blank()
    display.note(tr(lang, "safety_plan.lines_hint"))

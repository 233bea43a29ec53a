"""Interactive prompts in a terminal.

`TerminalPrompter` uses questionary (arrow keys, space to tick, Enter).
`PlainPrompter` asks one numbered question a line and reads the answer as a
number or a word: for screen readers and `--plain`. Both raise
KeyboardInterrupt on Ctrl-C so the caller can keep a draft.
"""

from __future__ import annotations

import sys
from typing import Any, Sequence

from openness.i18n import t
from openness.ui.render import Display
from openness.ui.text import clean


class _Shows:
    """The output half of a Prompter, passed through to a Display."""

    interactive = True

    def __init__(self, display: Display) -> None:
        self.display = display

    def heading(self, text: str) -> None:
        self.display.heading(text)

    def say(self, text: str) -> None:
        self.display.say(text)

    def crisis(self, panel) -> None:
        self.display.crisis(panel)


class TerminalPrompter(_Shows):
    def __init__(self, display: Display, *, input: Any = None, output: Any = None) -> None:
        super().__init__(display)
        self._io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}

    def _style(self):
        import os

        from questionary import Style

        if os.environ.get("NO_COLOR"):
            return Style([("qmark", ""), ("question", "bold"), ("answer", ""), ("pointer", "bold"),
                          ("highlighted", "reverse"), ("selected", ""), ("instruction", "")])
        return Style([("qmark", "fg:ansicyan"), ("question", "bold"), ("answer", "fg:ansicyan"),
                      ("pointer", "fg:ansicyan bold"), ("highlighted", "fg:ansicyan"), ("instruction", "fg:ansibrightblack")])

    def _wrap(self, prompt: str) -> str:
        """Break a long question between words (prompt_toolkit would cut words in two)."""
        import textwrap

        width = max(20, (self.display.console.width or 80) - 4)
        lines = textwrap.wrap(clean(prompt), width=width, break_long_words=False) or [clean(prompt)]
        return "\n  ".join(self.display.for_prompt(line, width) for line in lines)

    def _hint(self, hint: str) -> str:
        """Key hints go on their own line, under the question."""
        return "\n  " + self.display.for_prompt(clean(hint))

    def _choice(self, label: str, value: Any):
        import questionary

        return questionary.Choice(title=self.display.for_prompt(clean(label)), value=value)

    def _ask(self, question, prompt: str, shown: Any = None) -> Any:
        """Ask, then replace the live prompt with a tidy, word-wrapped record of the answer."""
        question.application.erase_when_done = True
        answer = question.unsafe_ask(patch_stdout=False)
        if answer is None:  # questionary returns None when the prompt is cut short
            raise KeyboardInterrupt
        self.display.echo(prompt, shown(answer) if shown else str(answer), user_text=shown is None)
        return answer

    def _help(self, help: str | None) -> None:
        if help:
            self.display.note(help)

    def choice(self, key, prompt, options: Sequence[tuple[str, str]], help=None) -> str:
        import questionary

        self._help(help)
        choices = [self._choice(label, oid) for oid, label in options]
        q = questionary.select(self._wrap(prompt), choices=choices, qmark="?", style=self._style(),
                               instruction=self._hint(t("prompt.select_hint")), use_shortcuts=len(choices) <= 9, **self._io)
        return self._ask(q, prompt, dict(options).get)

    def multi(self, key, prompt, options, help=None, minimum: int = 0) -> list[str]:
        import questionary

        self._help(help)
        choices = [self._choice(label, oid) for oid, label in options]

        def enough(sel: list) -> bool | str:
            return True if len(sel) >= minimum else t("prompt.pick_at_least", minimum=minimum)

        q = questionary.checkbox(self._wrap(prompt), choices=choices, qmark="?", style=self._style(),
                                 instruction=self._hint(t("prompt.multi_hint")), validate=enough, **self._io)
        labels = dict(options)
        return list(self._ask(q, prompt, lambda sel: t("list.sep").join(labels[x] for x in sel) or t("answer.none")))

    def scale(self, key, prompt, low, high, low_label, high_label, help=None) -> int:
        import questionary

        self._help(help)
        choices = []
        for n in range(low, high + 1):
            title = str(n)
            if n == low:
                title = f"{n}  {low_label}"
            elif n == high:
                title = f"{n}  {high_label}"
            choices.append(self._choice(title, n))
        q = questionary.select(self._wrap(prompt), choices=choices, qmark="?", style=self._style(),
                               default=choices[(high - low) // 2], instruction=self._hint(t("prompt.scale_hint")), **self._io)
        return int(self._ask(q, prompt, str))

    def text(self, key, prompt, optional, multiline, help=None) -> str:
        import questionary

        self._help(help)
        hint = t("prompt.multiline_hint") if multiline else None
        if optional:
            hint = t("prompt.optional_hint") + (" " + hint if hint else "")

        def needed(v: str) -> bool | str:
            return True if optional or v.strip() else t("prompt.needs_answer")

        q = questionary.text(self._wrap(prompt), multiline=multiline, qmark="?", style=self._style(),
                             instruction=self._hint(hint) if hint else None, validate=needed, **self._io)
        return self._ask(q, prompt, lambda v: v if v.strip() else t("answer.skipped"))

    def yesno(self, key, prompt, default=None, help=None) -> bool:
        import questionary

        self._help(help)
        from openness.i18n import direction

        if direction() == "rtl":
            # y/n keys don't exist on an Urdu keyboard: two choices, arrows (or 1, 2) and Enter
            yes, no = self._choice(t("answer.yes"), True), self._choice(t("answer.no"), False)
            q = questionary.select(self._wrap(prompt), choices=[yes, no], qmark="?", style=self._style(),
                                   default=no if default is False else yes,
                                   instruction=self._hint(t("prompt.select_hint")), use_shortcuts=True, **self._io)
        else:
            q = questionary.confirm(self._wrap(prompt), default=True if default is None else default, qmark="?",
                                    style=self._style(), **self._io)
        return bool(self._ask(q, prompt, lambda v: t("answer.yes") if v else t("answer.no")))


class PlainPrompter(_Shows):
    """Numbered questions, one per line; answers by number or word. No colour, no boxes."""

    def __init__(self, display: Display, *, stdin: Any = None) -> None:
        super().__init__(display)
        self.stdin = stdin or sys.stdin

    def _line(self, prompt: str) -> str:
        self.display.console.print(clean(prompt) + " ", end="")
        self.display.console.file.flush()
        line = self.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\n")

    def _pick(self, text: str, options: Sequence[tuple[str, str]]) -> str | None:
        # a number in any digit set (2, ۲, ٢), the option's id, or its label
        from openness.i18n.words import pick

        return pick(text, options)

    def _list(self, prompt: str, options, help) -> None:
        self.display.say(prompt)
        if help:
            self.display.say(help)
        for i, (_, label) in enumerate(options, 1):
            self.display.item(f"{i}. ", label)

    def choice(self, key, prompt, options, help=None) -> str:
        self._list(prompt, options, help)
        while True:
            got = self._pick(self._line(t("prompt.plain_number")), options)
            if got is not None:
                return got
            self.display.say(t("prompt.plain_again", count=len(options)))

    def multi(self, key, prompt, options, help=None, minimum: int = 0) -> list[str]:
        self._list(prompt, options, help)
        while True:
            from openness.i18n.words import pick_many

            got = pick_many(self._line(t("prompt.plain_numbers")), options)
            if got is not None and len(got) >= minimum:
                return got
            self.display.say(t("prompt.plain_again_many", count=len(options), minimum=minimum))

    def scale(self, key, prompt, low, high, low_label, high_label, help=None) -> int:
        self.display.say(prompt)
        if help:
            self.display.say(help)
        self.display.say(t("prompt.plain_scale", low=low, high=high, low_label=low_label, high_label=high_label))
        while True:
            from openness.i18n.words import number

            n = number(self._line(t("prompt.plain_number")))
            if n is not None and low <= n <= high:
                return n
            self.display.say(t("prompt.plain_scale_again", low=low, high=high))

    def text(self, key, prompt, optional, multiline, help=None) -> str:
        self.display.say(prompt)
        if help:
            self.display.say(help)
        if optional:
            self.display.say(t("prompt.plain_optional"))
        if multiline:
            self.display.say(t("prompt.plain_multiline"))
            lines: list[str] = []
            while True:
                line = self._line(">")
                if not line.strip() and (lines or optional):
                    break
                if line.strip():
                    lines.append(line)
            return "\n".join(lines)
        while True:
            line = self._line(">")
            if line.strip() or optional:
                return line
            self.display.say(t("prompt.needs_answer"))

    def yesno(self, key, prompt, default=None, help=None) -> bool:
        self.display.say(prompt)
        if help:
            self.display.say(help)
        from openness.i18n.words import fold, yes_no

        # one choice a line, numbered, like every other question
        self.display.item("1. ", t("answer.yes"))
        self.display.item("2. ", t("answer.no"))
        if default is not None:
            self.display.say(t("prompt.plain_default", answer=t("answer.yes") if default else t("answer.no")))
        while True:
            raw = self._line(t("prompt.plain_yesno"))
            if not raw.strip() and default is not None:
                return default
            got = yes_no(raw)
            if got is None and fold(raw) in (fold(t("answer.yes")), fold(t("answer.no"))):
                got = fold(raw) == fold(t("answer.yes"))
            if got is not None:
                return got
            self.display.say(t("prompt.plain_yesno_again"))

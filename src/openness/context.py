"""AppContext: everything a command needs from the outside world, in one place.

Paths, settings, language and region, whether there is a terminal, and
factories for the console, the prompter, the content library and the
journal. Tests build their own (or swap one factory) instead of patching.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, TextIO

from openness import i18n, settings as settings_mod
from openness.errors import UsageError
from openness.i18n import t
from openness.paths import Paths, default_paths


@dataclass
class AppContext:
    paths: Paths
    settings: settings_mod.Settings
    lang: str
    plain: bool = False
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    width: int | None = None
    # tests may replace these
    prompter_factory: Callable[["AppContext", Path | None], Any] | None = None
    _library: Any = None
    _console: Any = None

    # -- construction --------------------------------------------------------

    @classmethod
    def create(cls, *, lang: str | None = None, plain: bool = False, environ: dict[str, str] | None = None) -> "AppContext":
        env = dict(os.environ if environ is None else environ)
        paths = default_paths(env)
        s = settings_mod.load(paths.settings)
        try:
            chosen = i18n.choose_language(lang, s.language, env)
        except i18n.UnknownLanguage as exc:
            raise UsageError(t("cli.unknown_language", lang=exc.code, languages=", ".join(i18n.available()))) from None
        i18n.set_language(chosen)
        plain = plain or bool(env.get("OPENNESS_PLAIN"))
        return cls(paths=paths, settings=s, lang=chosen, plain=plain, environ=env)

    # -- region and settings -------------------------------------------------

    @property
    def region(self) -> str:
        from openness.safety.resources import resolve_region

        return resolve_region(self.settings.region, i18n.territory_from_locale(self.environ))

    def save_settings(self, new: settings_mod.Settings) -> None:
        settings_mod.save(self.paths.settings, new)
        self.settings = new

    # -- terminals -----------------------------------------------------------

    @property
    def interactive(self) -> bool:
        try:
            return self.stdin.isatty() and self.stdout.isatty()
        except (AttributeError, ValueError):
            return False

    def console(self):
        if self._console is None:
            from openness.ui.render import make_console

            self._console = make_console(self.stdout, plain=self.plain, width=self.width,
                                         bidi=getattr(self.settings, "bidi", None), environ=self.environ)
        return self._console

    def display(self):
        from openness.ui.render import Display

        return Display(self.console(), plain=self.plain)

    def err_display(self):
        """A Display on stderr, for what must not mix into JSON on stdout."""
        import sys

        from openness.ui.render import Display, make_console

        console = make_console(sys.stderr, plain=self.plain, width=self.width,
                               bidi=getattr(self.settings, "bidi", None), environ=self.environ)
        return Display(console, plain=self.plain)

    def prompter(self, answers_file: Path | None = None):
        """The prompter for a flow: from a file of answers, or the terminal."""
        if self.prompter_factory is not None:
            return self.prompter_factory(self, answers_file)
        if answers_file is not None:
            from openness.flows.answers import AnswersPrompter, read_answers

            return AnswersPrompter(read_answers(answers_file), self.display())
        if not self.interactive:
            raise UsageError(t("cli.needs_terminal"))
        if self.plain:
            from openness.ui.prompts import PlainPrompter

            return PlainPrompter(self.display(), stdin=self.stdin)
        from openness.ui.prompts import TerminalPrompter

        return TerminalPrompter(self.display())

    # -- content and journal -------------------------------------------------

    def library(self):
        if self._library is None:
            from openness.content.loader import load_library

            self._library = load_library(self.paths.user_exercises)
        return self._library

    def journal(self, *, create: bool = True):
        """The journal; an encrypted one asks for its passphrase only when it needs it."""
        from openness.journal.editor import cleanup
        from openness.journal.store import Journal

        cleanup(self.paths.tmp)  # an editor's file left by a crash
        tries = 1 if self.environ.get("OPENNESS_PASSPHRASE") else 3
        return Journal.open(self.paths.journal, create=create, passphrase=self.passphrase, tries=tries)

    # -- passphrase ----------------------------------------------------------

    def passphrase(self) -> str:
        """The journal's passphrase: OPENNESS_PASSPHRASE, else asked without echo in a terminal."""
        given = self.environ.get("OPENNESS_PASSPHRASE")
        if given:
            return given
        if not self._can_ask_secret():
            raise UsageError(t("journal.needs_passphrase"))
        from openness.ui.journal_io import ask_secret

        return ask_secret(t("journal.passphrase_prompt"))

    def new_passphrase(self, *, env: str = "OPENNESS_NEW_PASSPHRASE", minimum: int = 8) -> str:
        """A passphrase being set: from `env`, else typed twice without echo. Never stored."""
        given = self.environ.get(env)
        if not given and not self._can_ask_secret():
            raise UsageError(t("journal.needs_new_passphrase"))
        if not given:
            from openness.ui.journal_io import ask_secret

            given = ask_secret(t("journal.new_passphrase_prompt"))
            if len(given) >= minimum and ask_secret(t("journal.new_passphrase_again")) != given:
                raise UsageError(t("journal.passphrase_mismatch"))
        if len(given) < minimum:
            raise UsageError(t("journal.passphrase_short", n=minimum))
        return given

    def _can_ask_secret(self) -> bool:
        try:
            return self.stdin.isatty()
        except (AttributeError, ValueError):
            return False

    def with_settings(self, **changes: Any) -> "AppContext":
        return replace(self, settings=replace(self.settings, **changes))

"""A Prompter that takes its answers from a file, so no terminal is needed.

The file is YAML: a mapping from step id to answer. Emotion answers are a
mapping of their parts. What is asked is still shown, with the answer, so a
scripted run reads like a transcript.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from openness.errors import UsageError
from openness.flows.prompter import Panel
from openness.i18n import t

_MISSING = object()


def read_answers(path: Path) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(t("answers.missing_file", path=str(path))) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(t("answers.unreadable", path=str(path), problem=getattr(exc, "strerror", None) or exc.__class__.__name__)) from None
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise UsageError(t("answers.bad_yaml", path=str(path), line=(mark.line + 1) if mark else "?")) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UsageError(t("answers.not_mapping", path=str(path)))
    return data


class AnswersPrompter:
    interactive = False

    def __init__(self, answers: dict[str, Any], display: Any) -> None:
        self.answers = answers
        self.display = display
        self.used: set[str] = set()

    # what is shown goes straight to the display
    def heading(self, text: str) -> None:
        self.display.heading(text)

    def say(self, text: str) -> None:
        self.display.say(text)

    def crisis(self, panel: Panel) -> None:
        self.display.crisis(panel)

    def _get(self, key: str) -> Any:
        value: Any = self.answers
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                return _MISSING
            value = value[part]
        self.used.add(key.split(".")[0])
        return value

    def _need(self, key: str) -> Any:
        value = self._get(key)
        if value is _MISSING:
            raise UsageError(t("answers.no_answer", key=key))
        return value

    @staticmethod
    def _option(key: str, value: Any, options: Sequence[tuple[str, str]]) -> str:
        ids = [o for o, _ in options]
        if isinstance(value, bool):
            value = str(value).lower()
        text = str(value).strip()
        if text in ids:
            return text
        from openness.i18n.words import pick

        # a number in any digit set (2, ۲, ٢), the id, or the label, in Urdu or English
        found = pick(text, options)
        if found is not None:
            return found
        raise UsageError(t("answers.bad_option", key=key, value=text, options=", ".join(ids)))

    def choice(self, key, prompt, options, help=None) -> str:
        value = self._option(key, self._need(key), options)
        self.display.echo(prompt, dict(options)[value])
        return value

    def multi(self, key, prompt, options, help=None, minimum: int = 0) -> list[str]:
        raw = self._get(key)
        if raw is _MISSING or raw is None:
            raw = []
        if isinstance(raw, str):
            from openness.i18n.words import split_many

            raw = split_many(raw)  # "1, 3" or "اداس، تنہا" on one line
        if not isinstance(raw, list):
            raw = [raw]
        values = [self._option(key, v, options) for v in raw]
        values = list(dict.fromkeys(values))
        if len(values) < minimum:
            raise UsageError(t("answers.too_few", key=key, minimum=minimum))
        labels = dict(options)
        self.display.echo(prompt, t("list.sep").join(labels[v] for v in values) or t("answer.none"))
        return values

    def scale(self, key, prompt, low, high, low_label, high_label, help=None) -> int:
        raw = self._need(key)
        try:
            from openness.i18n.words import number

            if isinstance(raw, bool):
                raise ValueError
            n = number(str(raw))
            if n is None:
                raise ValueError
            value = n
        except ValueError:
            raise UsageError(t("answers.bad_scale", key=key, low=low, high=high)) from None
        if not low <= value <= high:
            raise UsageError(t("answers.bad_scale", key=key, low=low, high=high))
        self.display.echo(prompt, str(value))
        return value

    def text(self, key, prompt, optional, multiline, help=None) -> str:
        raw = self._get(key)
        if raw is _MISSING or raw is None:
            if not optional:
                raise UsageError(t("answers.no_answer", key=key))
            raw = ""
        value = str(raw)
        self.display.echo(prompt, value if value else t("answer.skipped"), user_text=True)
        return value

    def yesno(self, key, prompt, default=None, help=None) -> bool:
        raw = self._get(key)
        if raw is _MISSING or raw is None:
            if default is None:
                raise UsageError(t("answers.no_answer", key=key))
            raw = default
        if isinstance(raw, str):
            from openness.i18n.words import yes_no
            from openness.settings import parse_bool

            said = yes_no(raw, numbers=False)  # yes/no, ہاں/نہیں, haan/nahi
            raw = said if said is not None else parse_bool(raw, key)
        if not isinstance(raw, bool):
            raise UsageError(t("answers.bad_yesno", key=key))
        self.display.echo(prompt, t("answer.yes") if raw else t("answer.no"))
        return raw

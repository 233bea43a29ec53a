"""Words for the ids in a review, in the person's language, from the content library.

Shared by the terminal view and the HTML page. Labels come from the
exercise files and the emotion vocabulary, so a new language or a reworded
option shows up in the review without code changes. An id the library does
not know (an old entry, a hand-edited journal) is shown as the id itself,
made safe to print.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from openness.i18n import t
from openness.ui.text import clean


class Labels:
    def __init__(self, library: Any, lang: str) -> None:
        self.library = library
        self.lang = lang

    def _step(self, exercise: str, step: str):
        ex = self.library.exercises.get(exercise) if self.library is not None else None
        if ex is None:
            return None
        try:
            return ex.step(step)
        except KeyError:
            return None

    def word(self, word_id: str) -> str:
        w = self.library.vocabulary.word(word_id) if self.library is not None else None
        return w.label.get(self.lang) if w is not None else clean(str(word_id))

    def option(self, exercise: str, step: str, value: Any) -> str:
        s = self._step(exercise, step)
        for o in (s.options or ()) if s is not None else ():
            if o.id == value:
                return o.label.get(self.lang)
        return clean(str(value))

    def level(self, level: str) -> str:
        return self.option("start-small", "level", level)

    def response(self, response: str) -> str:
        return self.option("start-small", "response", response)

    def exercise(self, exercise_id: str | None, kind: str) -> str:
        if kind == "checkin":
            return t("review.kind_checkin")
        if kind == "note":
            return t("review.kind_note")
        ex = self.library.exercises.get(exercise_id) if (self.library is not None and exercise_id) else None
        return ex.title.get(self.lang) if ex is not None else clean(str(exercise_id or kind))

    def question(self, question: str) -> str:
        """A short name for a guardedness question (the catalog's, else the exercise's prompt)."""
        key = f"review.guard_q.{question}"
        short = t(key)
        if short != key:
            return short
        s = self._step("guardedness-check", question)
        if s is not None and s.prompt is not None:
            return s.prompt.get(self.lang)
        return clean(question)

    def answers(self, question: str, value: Any) -> list[str]:
        """An answer as a list of short phrases (one for most questions, several for a multi choice)."""
        if value is None:
            return []
        s = self._step("guardedness-check", question)
        if isinstance(value, bool):
            return [t("review.yes") if value else t("review.no")]
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        out = []
        for v in values:
            label = None
            for o in (s.options or ()) if s is not None else ():
                if o.id == v:
                    label = o.label.get(self.lang)
            out.append(label if label is not None else clean(str(v)))
        return out

    @staticmethod
    def month(n: int) -> str:
        return t(f"review.month.m{n}")

    @staticmethod
    def weekdays() -> list[str]:
        return [t(f"review.weekday.d{i}") for i in range(1, 8)]

    @staticmethod
    def day(d: date) -> str:
        return d.isoformat()


def number(x: float | None) -> str:
    """An average as people read it: one decimal place."""
    return "-" if x is None else f"{x:.1f}"


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"

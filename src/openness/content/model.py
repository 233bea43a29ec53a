"""The shape of exercise content, as frozen models. No I/O here.

See docs/exercise-format.md for the file format these models validate.
"""

from __future__ import annotations

import re
import string
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

ExerciseId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=40)]
StepId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(_[a-z]+)?$")]

QUADRANTS = ("pleasant-high", "pleasant-low", "unpleasant-high", "unpleasant-low")
STEP_KINDS = ("info", "choice", "multi", "scale", "text", "yesno", "emotion")
EMOTION_PARTS = ("pleasantness", "energy", "words", "intensity")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class LocalText(Model):
    """Text in one or more languages; English is required."""

    model_config = ConfigDict(extra="allow", frozen=True)
    en: Annotated[str, StringConstraints(min_length=1)]

    @model_validator(mode="after")
    def _langs(self) -> "LocalText":
        for code, value in (self.model_extra or {}).items():
            if not re.fullmatch(r"[a-z]{2,3}", code):
                raise ValueError(f"{code!r} is not a language code")
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"the {code} text must be non-empty text")
        return self

    def get(self, lang: str) -> str:
        if lang == "en":
            return self.en
        extra = self.model_extra or {}
        return extra.get(lang) or self.en

    def languages(self) -> set[str]:
        return {"en", *(self.model_extra or {})}


class Source(Model):
    article: Annotated[str, StringConstraints(min_length=1)]
    section: Annotated[str, StringConstraints(min_length=1)]


class Option(Model):
    id: StepId
    label: LocalText
    hint: LocalText | None = None


class Condition(Model):
    step: str | None = None
    is_: str | int | bool | None = Field(default=None, alias="is")
    has: str | None = None
    at_least: int | None = None
    at_most: int | None = None
    answered: bool | None = None
    all_: list["Condition"] | None = Field(default=None, alias="all")
    any_: list["Condition"] | None = Field(default=None, alias="any")
    not_: "Condition | None" = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _one_form(self) -> "Condition":
        combinators = [n for n in ("all_", "any_", "not_") if getattr(self, n) is not None]
        tests = [n for n in ("is_", "has", "at_least", "at_most", "answered") if getattr(self, n) is not None]
        if combinators:
            if len(combinators) > 1 or tests or self.step is not None:
                raise ValueError("use one of all, any or not on its own")
            return self
        if self.step is None:
            raise ValueError("a condition needs a step (or all, any, not)")
        if not tests:
            raise ValueError("a condition needs one test: is, has, at_least, at_most or answered")
        if len(tests) > 1 and set(tests) != {"at_least", "at_most"}:
            raise ValueError("a condition takes one test (at_least with at_most is the exception)")
        return self

    def steps(self) -> set[str]:
        """The step ids (before any dot) this condition reads."""
        out: set[str] = set()
        if self.step is not None:
            out.add(self.step.split(".")[0])
        for sub in (self.all_ or []) + (self.any_ or []) + ([self.not_] if self.not_ else []):
            out |= sub.steps()
        return out

    def holds(self, answers: dict[str, Any]) -> bool:
        if self.all_ is not None:
            return all(c.holds(answers) for c in self.all_)
        if self.any_ is not None:
            return any(c.holds(answers) for c in self.any_)
        if self.not_ is not None:
            return not self.not_.holds(answers)
        assert self.step is not None
        value = lookup(answers, self.step)
        if self.answered is not None:
            given = value not in (None, "", [])
            return given == self.answered
        if value is None:
            return False
        if self.is_ is not None:
            return value == self.is_
        if self.has is not None:
            return isinstance(value, list) and self.has in value
        ok = True
        if self.at_least is not None:
            ok = ok and isinstance(value, int) and value >= self.at_least
        if self.at_most is not None:
            ok = ok and isinstance(value, int) and value <= self.at_most
        return ok


def lookup(answers: dict[str, Any], path: str) -> Any:
    value: Any = answers
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


class Step(Model):
    id: StepId
    kind: Literal["info", "choice", "multi", "scale", "text", "yesno", "emotion"]
    text: LocalText | None = None
    prompt: LocalText | None = None
    help: LocalText | None = None
    options: tuple[Option, ...] | None = None
    min: int | None = None
    max: int | None = None
    low: LocalText | None = None
    high: LocalText | None = None
    optional: bool = False
    multiline: bool = False
    default: bool | None = None
    example: Any = None
    when: Condition | None = None
    source: Source | None = None

    @model_validator(mode="after")
    def _fits_kind(self) -> "Step":
        k = self.kind
        need: dict[str, tuple[str, ...]] = {
            "info": ("text",),
            "choice": ("prompt", "options"),
            "multi": ("prompt", "options"),
            "scale": ("prompt", "low", "high"),
            "text": ("prompt",),
            "yesno": ("prompt",),
            "emotion": ("prompt",),
        }
        allowed: dict[str, set[str]] = {
            "info": {"text"},
            "choice": {"prompt", "help", "options", "example"},
            "multi": {"prompt", "help", "options", "min", "example"},
            "scale": {"prompt", "help", "min", "max", "low", "high", "example"},
            "text": {"prompt", "help", "optional", "multiline", "example"},
            "yesno": {"prompt", "help", "default", "example"},
            "emotion": {"prompt", "help", "example"},
        }
        for key in need[k]:
            if getattr(self, key) is None:
                raise ValueError(f"a {k} step needs {key}")
        common = {"id", "kind", "when", "source"}
        for key in self.model_fields_set - common - allowed[k]:
            raise ValueError(f"a {k} step does not take {key}")
        if self.options is not None:
            ids = [o.id for o in self.options]
            if len(ids) != len(set(ids)):
                raise ValueError("option ids must be unique")
            if len(ids) < 2:
                raise ValueError("give at least two options")
        if k == "scale" and self.scale_range[0] >= self.scale_range[1]:
            raise ValueError("min must be below max")
        return self

    @property
    def scale_range(self) -> tuple[int, int]:
        return (0 if self.min is None else self.min, 10 if self.max is None else self.max)

    @property
    def asks(self) -> bool:
        return self.kind != "info"

    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options or ())

    def texts(self) -> list[LocalText]:
        out = [x for x in (self.text, self.prompt, self.help, self.low, self.high) if x is not None]
        for o in self.options or ():
            out.append(o.label)
            if o.hint is not None:
                out.append(o.hint)
        return out


class Suggestion(Model):
    exercise: ExerciseId
    when: Condition | None = None


class Exercise(Model):
    id: ExerciseId
    title: LocalText
    summary: LocalText
    minutes: Annotated[int, Field(ge=1, le=60)]
    source: Source
    steps: tuple[Step, ...] = Field(min_length=1)
    suggest: tuple[Suggestion, ...] = ()

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)

    def texts(self) -> list[LocalText]:
        out = [self.title, self.summary]
        for s in self.steps:
            out.extend(s.texts())
        return out

    def sources(self) -> list[Source]:
        return [self.source] + [s.source for s in self.steps if s.source is not None]


def placeholders(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


class Word(Model):
    id: StepId
    label: LocalText


class Vocabulary(Model):
    quadrants: dict[str, tuple[Word, ...]]

    @field_validator("quadrants")
    @classmethod
    def _four(cls, v: dict[str, tuple[Word, ...]]) -> dict[str, tuple[Word, ...]]:
        if set(v) != set(QUADRANTS):
            raise ValueError(f"quadrants must be exactly {', '.join(QUADRANTS)}")
        seen: set[str] = set()
        for words in v.values():
            for w in words:
                if w.id in seen:
                    raise ValueError(f"word id {w.id!r} appears twice")
                seen.add(w.id)
        return v

    def quadrant(self, pleasantness: str, energy: str) -> tuple[Word, ...]:
        return self.quadrants[f"{pleasantness}-{energy}"]

    def word(self, word_id: str) -> Word | None:
        for words in self.quadrants.values():
            for w in words:
                if w.id == word_id:
                    return w
        return None

    def quadrant_of(self, word_id: str) -> str | None:
        for name, words in self.quadrants.items():
            if any(w.id == word_id for w in words):
                return name
        return None


class Article(Model):
    title: str
    title_en: str | None = None
    publisher: str
    date: str | None = None
    seed: str
    language: LangCode
    sections: tuple[str, ...] = Field(min_length=1)


class Sources(Model):
    articles: dict[str, Article]

"""Run one exercise: show its steps in order, skip what its conditions rule out,
ask through the Prompter, and return the answers.

`answers` may arrive half filled (a resumed draft); `on_answer` is called after
each answer so the caller can keep a draft.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from openness.flows.prompter import Prompter
from openness.i18n import t

OnAnswer = Callable[[str, Any], None]


@dataclass
class Outcome:
    exercise: str
    answers: dict[str, Any]
    shown: list[str] = field(default_factory=list)  # step ids shown or asked, in order
    suggestion: str | None = None


def label(step, value: Any, lang: str, vocab) -> str:
    """An answer as words, for placeholders and summaries."""
    if value is None:
        return ""
    if step.kind == "choice":
        for o in step.options or ():
            if o.id == value:
                return o.label.get(lang)
        return str(value)
    if step.kind == "multi":
        return join_words([o.label.get(lang) for o in step.options or () if o.id in value])
    if step.kind == "yesno":
        return t("answer.yes") if value else t("answer.no")
    if step.kind == "emotion":
        return emotion_words(value, lang, vocab)
    return str(value)


def join_words(words: list[str]) -> str:
    """["a", "b", "c"] -> "a, b and c" (in the current language)."""
    if len(words) < 2:
        return "".join(words)
    return t("list.and", rest=t("list.sep").join(words[:-1]), last=words[-1])


def emotion_words(value: dict, lang: str, vocab) -> str:
    words = [w.label.get(lang) for wid in value.get("words", []) if (w := vocab.word(wid)) is not None]
    return join_words(words) if words else t("emotion.unnamed")


def fill(text: str, answers: dict[str, Any], steps: dict[str, Any], lang: str, vocab) -> str:
    """Put earlier answers into an info text's {placeholders}."""
    from openness.content.model import lookup, placeholders

    values: dict[str, str] = {}
    for name in placeholders(text):
        head, _, part = name.partition(".")
        step = steps.get(head)
        if step is None:
            values[name] = ""
        elif step.kind == "emotion" and part == "words":
            values[name] = emotion_words(answers.get(head) or {}, lang, vocab)
        elif part:
            values[name] = str(lookup(answers, name) or "")
        else:
            values[name] = label(step, answers.get(head), lang, vocab)
    out = text
    for name, val in values.items():
        out = out.replace("{" + name + "}", val)
    return out


def ask_emotion(step, prompter: Prompter, lang: str, vocab, prompt: str, help: str | None) -> dict[str, Any]:
    key = step.id
    prompter.say(prompt)
    pleasant = prompter.choice(
        f"{key}.pleasantness",
        t("emotion.pleasantness"),
        [("pleasant", t("emotion.pleasant")), ("unpleasant", t("emotion.unpleasant"))],
        help,
    )
    energy = prompter.choice(
        f"{key}.energy",
        t("emotion.energy"),
        [("high", t("emotion.high")), ("low", t("emotion.low"))],
    )
    words = vocab.quadrant(pleasant, energy)
    chosen = prompter.multi(
        f"{key}.words",
        t("emotion.words"),
        [(w.id, w.label.get(lang)) for w in words],
        t("emotion.words_help"),
    )
    intensity = prompter.scale(
        f"{key}.intensity", t("emotion.intensity"), 0, 10, t("emotion.intensity_low"), t("emotion.intensity_high")
    )
    return {"pleasantness": pleasant, "energy": energy, "words": chosen, "intensity": intensity}


def run(
    exercise,
    vocab,
    prompter: Prompter,
    lang: str,
    answers: dict[str, Any] | None = None,
    on_answer: OnAnswer | None = None,
) -> Outcome:
    answers = dict(answers or {})
    out = Outcome(exercise=exercise.id, answers=answers)
    steps = {s.id: s for s in exercise.steps}
    for step in exercise.steps:
        if step.when is not None and not step.when.holds(answers):
            answers.pop(step.id, None)
            continue
        out.shown.append(step.id)
        if step.kind == "info":
            prompter.say(fill(step.text.get(lang), answers, steps, lang, vocab))
            continue
        if step.id in answers:  # resumed from a draft
            continue
        value = ask(step, prompter, lang, vocab)
        answers[step.id] = value
        if on_answer is not None:
            on_answer(step.id, value)
    out.suggestion = suggestion(exercise, answers)
    return out


def ask(step, prompter: Prompter, lang: str, vocab) -> Any:
    prompt = step.prompt.get(lang)
    help = step.help.get(lang) if step.help else None
    k = step.kind
    if k == "choice":
        return prompter.choice(step.id, prompt, [(o.id, o.label.get(lang)) for o in step.options], help)
    if k == "multi":
        return prompter.multi(
            step.id, prompt, [(o.id, o.label.get(lang)) for o in step.options], help, minimum=step.min or 0
        )
    if k == "scale":
        lo, hi = step.scale_range
        return prompter.scale(step.id, prompt, lo, hi, step.low.get(lang), step.high.get(lang), help)
    if k == "text":
        return prompter.text(step.id, prompt, step.optional, step.multiline, help)
    if k == "yesno":
        return prompter.yesno(step.id, prompt, step.default, help)
    if k == "emotion":
        return ask_emotion(step, prompter, lang, vocab, prompt, help)
    raise AssertionError(k)


def suggestion(exercise, answers: dict[str, Any]) -> str | None:
    for rule in exercise.suggest:
        if rule.when is None or rule.when.holds(answers):
            return rule.exercise
    return None


def free_text(exercise, answers: dict[str, Any]) -> str:
    """The words a person wrote in an exercise, in step order, for the journal's text."""
    parts = []
    for step in exercise.steps:
        if step.kind == "text":
            v = answers.get(step.id)
            if isinstance(v, str) and v.strip():
                parts.append(v.strip())
    return "\n\n".join(parts)

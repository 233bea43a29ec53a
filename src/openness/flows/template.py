"""A complete answers file for an exercise, with example values, as YAML text."""

from __future__ import annotations

import json

from openness.i18n import t


def _scalar(value) -> str:
    # JSON is valid YAML for scalars and lists, and quotes what needs quoting
    return json.dumps(value, ensure_ascii=False)


def _default_example(step, vocab):
    k = step.kind
    if k == "choice":
        return step.options[0].id
    if k == "multi":
        return [step.options[0].id]
    if k == "scale":
        lo, hi = step.scale_range
        return (lo + hi) // 2
    if k == "text":
        return ""
    if k == "yesno":
        return True if step.default is None else step.default
    if k == "emotion":
        word = vocab.quadrant("unpleasant", "low")[0].id
        return {"pleasantness": "unpleasant", "energy": "low", "words": [word], "intensity": 5}
    return None


def answers_template(exercise, vocab, lang: str) -> str:
    lines = [
        t("template.header1", id=exercise.id),
        t("template.header2", id=exercise.id),
        "",
    ]
    for step in exercise.steps:
        if not step.asks:
            continue
        value = step.example if step.example is not None else _default_example(step, vocab)
        prompt = " ".join(step.prompt.get(lang).split())
        lines.append(f"# {prompt}")
        if step.when is not None:
            lines.append("# " + t("template.conditional"))
        if step.kind in ("choice", "multi"):
            lines.append("# " + t("template.options", options=", ".join(step.option_ids())))
        elif step.kind == "scale":
            lo, hi = step.scale_range
            lines.append("# " + t("template.scale", low=lo, high=hi))
        elif step.kind == "text" and step.optional:
            lines.append("# " + t("template.optional"))
        elif step.kind == "emotion":
            lines.append("# " + t("template.emotion"))
        if step.kind == "emotion":
            lines.append(f"{step.id}:")
            for part in ("pleasantness", "energy", "words", "intensity"):
                lines.append(f"  {part}: {_scalar(value[part])}")
        else:
            lines.append(f"{step.id}: {_scalar(value)}")
        lines.append("")
    lines.append("# " + t("template.save"))
    lines.append("save: false")
    return "\n".join(lines) + "\n"

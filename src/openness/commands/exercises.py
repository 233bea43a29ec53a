"""Listing, showing and templating exercises."""

from __future__ import annotations

from typing import Any

from openness.context import AppContext


def exercise_summary(ex, lang: str) -> dict[str, Any]:
    return {
        "id": ex.id,
        "title": ex.title.get(lang),
        "summary": ex.summary.get(lang),
        "minutes": ex.minutes,
        "source": {"article": ex.source.article, "section": ex.source.section},
        "steps": len(ex.steps),
    }


def exercises_list(ctx: AppContext) -> list[dict[str, Any]]:
    return [exercise_summary(e, ctx.lang) for e in ctx.library().listed()]


def exercise_detail(ctx: AppContext, exercise_id: str) -> dict[str, Any]:
    lib = ctx.library()
    ex = lib.get(exercise_id)
    lang = ctx.lang
    out = exercise_summary(ex, lang)
    art = lib.sources.articles.get(ex.source.article)
    if art is not None:
        out["source"]["title"] = art.title
        out["source"]["publisher"] = art.publisher
    steps = []
    for s in ex.steps:
        d: dict[str, Any] = {"id": s.id, "kind": s.kind}
        if s.text is not None:
            d["text"] = s.text.get(lang)
        if s.prompt is not None:
            d["prompt"] = s.prompt.get(lang)
        if s.options:
            d["options"] = [{"id": o.id, "label": o.label.get(lang)} for o in s.options]
        if s.kind == "scale":
            d["min"], d["max"] = s.scale_range
        if s.when is not None:
            d["conditional"] = True
        steps.append(d)
    out["steps"] = steps
    return out


def exercise_template(ctx: AppContext, exercise_id: str) -> str:
    from openness.flows.template import answers_template

    lib = ctx.library()
    return answers_template(lib.get(exercise_id), lib.vocabulary, ctx.lang)

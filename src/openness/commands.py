"""What each command does, as plain functions over an AppContext.

cli.py parses arguments and calls exactly one of these; these return data
(or drive a flow through the prompter) and never parse arguments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openness.context import AppContext
from openness.errors import UsageError
from openness.i18n import t


# -- guided flows ---------------------------------------------------------------


def _answers_and_save(ctx: AppContext, answers_file: Path | None, save: bool | None):
    prompter = ctx.prompter(answers_file)
    answers = getattr(prompter, "answers", None)
    if isinstance(answers, dict) and "save" in answers:
        raw = answers.pop("save")
        if save is None:
            if isinstance(raw, str):
                from openness.settings import parse_bool

                raw = parse_bool(raw, "save")
            if not isinstance(raw, bool):
                raise UsageError(t("answers.bad_yesno", key="save"))
            save = raw
    return prompter, save


def guided(ctx: AppContext, exercise_id: str, answers_file: Path | None = None, save: bool | None = None):
    from openness.flows.guided import first_run, run_guided

    lib = ctx.library()
    exercise = lib.get(exercise_id)
    prompter, save = _answers_and_save(ctx, answers_file, save)
    for problem in lib.problems:
        ctx.display().note(problem)
    crisis_shown = False
    if prompter.interactive and not ctx.settings.first_run_done:
        from openness.flows.crisis import build_panel
        from openness.safety.resources import book

        prompter.crisis(build_panel(ctx.region))  # support lines come before any question
        crisis_shown = True
        names = {code: reg.name for code, reg in book().regions.items()}
        before = ctx.region
        ctx.save_settings(first_run(prompter, ctx.settings, ctx.region, names))
        crisis_shown = ctx.region == before  # a new region gets its own lines

    journal_holder: list[Any] = []

    def open_journal():
        j = ctx.journal()
        journal_holder.append(j)
        return j

    try:
        return run_guided(
            exercise,
            lib,
            prompter,
            lang=ctx.lang,
            region=ctx.region,
            journal_on=ctx.settings.journal,
            open_journal=open_journal,
            save=save,
            show_crisis=not crisis_shown,
        )
    finally:
        for j in journal_holder:
            j.close()


# -- exercises --------------------------------------------------------------------


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


# -- crisis -----------------------------------------------------------------------


def crisis_panel(ctx: AppContext, region: str | None, full: bool):
    from openness.flows.crisis import build_panel
    from openness.safety.resources import region_codes

    code = ctx.region
    if region:
        code = region.strip().upper()
        code = "GB" if code == "UK" else code
        if code not in region_codes():
            raise UsageError(t("cli.unknown_region", region=region, regions=", ".join(region_codes())))
    return build_panel(code, full=full)


# -- config -----------------------------------------------------------------------


def config_show(ctx: AppContext) -> dict[str, Any]:
    s = ctx.settings
    return {
        "region": ctx.region,
        "region_setting": s.region,
        "language": ctx.lang,
        "language_setting": s.language,
        "journal": s.journal,
        "safety_check": s.safety_check,
        "data_folder": str(ctx.paths.data),
        "settings_file": str(ctx.paths.settings),
    }


def config_set(ctx: AppContext, key: str, value: str) -> None:
    from openness.safety.resources import region_codes
    from openness.settings import with_value

    ctx.save_settings(with_value(ctx.settings, key, value, region_codes()))


# -- journal ----------------------------------------------------------------------


def journal_list(ctx: AppContext, n: int) -> list:
    if n < 1:
        raise UsageError(t("journal.n_positive"))
    if not ctx.paths.journal.exists():
        return []
    with ctx.journal(create=False) as j:
        return j.recent(n)


def journal_show(ctx: AppContext, ref: str):
    with ctx.journal(create=False) as j:
        return j.get(ref)

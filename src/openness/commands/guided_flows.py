"""Guided flows: the check-in and the exercises, with drafts and the card after an entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openness.context import AppContext
from openness.errors import UsageError
from openness.i18n import t
from openness.commands.safety import own_lines, safety_after_entry


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

        prompter.crisis(build_panel(ctx.region, own=own_lines(ctx)))  # support lines come before any question
        crisis_shown = True
        from openness.flows.crisis import region_name

        names = {code: region_name(code) for code in book().regions}  # in the reader's language
        before = ctx.region
        ctx.save_settings(first_run(prompter, ctx.settings, ctx.region, names))
        crisis_shown = ctx.region == before  # a new region gets its own lines

    journal_holder: list[Any] = []

    def open_journal():
        if not journal_holder:
            journal_holder.append(ctx.journal())
        return journal_holder[0]

    from openness.journal.drafts import DraftKeeper

    try:
        keeper = None
        if save is not False and (ctx.settings.journal or save):  # answers are kept as a draft as they come
            found, crisis_shown = _draft_for(ctx, prompter, exercise, open_journal, crisis_shown)
            keeper = DraftKeeper(open_journal, exercise.id, draft_id=found and found["id"],
                                 answers=found and found["answers"])
        try:
            result = run_guided(
                exercise,
                lib,
                prompter,
                lang=ctx.lang,
                region=ctx.region,
                journal_on=ctx.settings.journal,
                open_journal=open_journal,
                save=save,
                show_crisis=not crisis_shown,
                answers=keeper.answers if keeper else None,
                on_answer=keeper.on_answer if keeper else None,
                own_lines=own_lines(ctx),
                after_entry=lambda texts, saved: safety_after_entry(
                    ctx, texts, saved=saved, interactive=prompter.interactive,
                    journal=journal_holder[0] if journal_holder else None),
            )
        except (KeyboardInterrupt, EOFError) as exc:
            if keeper is not None and keeper.kept:
                from openness.errors import ExitCode, OpennessError

                code = ExitCode.INTERRUPTED if isinstance(exc, KeyboardInterrupt) else ExitCode.USAGE
                raise OpennessError(t("journal.draft_kept"), code) from None
            raise
        if keeper is not None:
            keeper.finish()
        return result
    finally:
        for j in journal_holder:
            j.close()


def _draft_for(ctx: AppContext, prompter, exercise, open_journal, crisis_shown: bool):
    """Offer to resume or discard a kept draft of this exercise.

    Returns the draft to resume (or None) and whether the support lines have been shown.
    """
    if not prompter.interactive or not ctx.paths.journal.exists():
        return None, crisis_shown
    j = open_journal()
    if not j.has_drafts():
        return None, crisis_shown
    if not crisis_shown:
        from openness.flows.crisis import build_panel

        prompter.crisis(build_panel(ctx.region, own=own_lines(ctx)))  # support lines come before any question
    if j.encrypted and not j.unlocked:
        prompter.say(t("journal.draft_locked"))
        try:
            j.unlock()
        except KeyboardInterrupt:
            return None, True
    drafts = j.drafts(exercise.id)
    if not drafts:
        return None, True
    newest = drafts[0]
    from datetime import datetime

    when = datetime.fromtimestamp(newest["updated"] / 1000).astimezone().strftime("%Y-%m-%d %H:%M")
    choice = prompter.choice(
        "draft",
        t("journal.draft_found", title=exercise.title.get(ctx.lang), when=when),
        [("resume", t("journal.draft_resume")), ("discard", t("journal.draft_discard"))],
    )
    for older in drafts[1:]:
        j.delete_draft(older["id"])
    if choice == "discard":
        j.delete_draft(newest["id"])
        prompter.say(t("journal.draft_discarded"))
        return None, True
    return newest, True

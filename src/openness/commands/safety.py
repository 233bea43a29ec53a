"""Support lines (the panel, the person's own lines), the card after an entry, and the safety plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openness.context import AppContext
from openness.errors import UsageError
from openness.i18n import t


def crisis_panel(ctx: AppContext, region: str | None, full: bool):
    from openness.flows.crisis import build_panel
    from openness.safety.resources import region_codes

    code = ctx.region
    if region:
        code = region.strip().upper()
        code = "GB" if code == "UK" else code
        if code not in region_codes():
            raise UsageError(t("cli.unknown_region", region=region, regions=", ".join(region_codes())))
    problems: list[str] = []
    panel = build_panel(code, full=full, own=own_lines(ctx, problems))
    if problems:
        from dataclasses import replace

        panel = replace(panel, footer="\n".join([panel.footer, *problems]))
    return panel


def crisis_context(lang: str | None, plain: bool) -> tuple[AppContext, list[str]]:
    """A context for `openness crisis` that works whatever state the settings are in.

    Settings that cannot be read give the defaults (and a note), never an error.
    """
    from openness.errors import OpennessError

    try:
        return AppContext.create(lang=lang, plain=plain), []
    except OpennessError as exc:
        from openness import i18n
        from openness.paths import default_paths
        from openness.settings import Settings

        chosen = lang if lang in i18n.available() else (i18n.language_from_locale() or i18n.DEFAULT)
        i18n.set_language(chosen)
        ctx = AppContext(paths=default_paths(), settings=Settings(), lang=chosen, plain=plain)
        return ctx, [t("safety.cli.settings_problem"), exc.message]


def own_lines(ctx: AppContext, problems: list[str] | None = None) -> list:
    """The person's own support lines; a file that cannot be read adds a note to `problems`."""
    from openness.errors import OpennessError
    from openness.safety.resources import OWN_FILE, load_own

    try:
        return load_own(ctx.paths.config / OWN_FILE)
    except OpennessError as exc:
        if problems is not None:
            problems.append(exc.message)
        return []


def crisis_add(ctx: AppContext, name: str, contact: str, note: str | None = None) -> None:
    from openness.safety.resources import OWN_FILE, add_own

    add_own(ctx.paths.config / OWN_FILE, name, contact, note)


def crisis_remove(ctx: AppContext, name: str) -> None:
    from openness.safety.resources import OWN_FILE, remove_own

    remove_own(ctx.paths.config / OWN_FILE, name)




def safety_after_entry(ctx: AppContext, texts: list[str], *, saved: bool = True, interactive: bool = False,
                       journal: Any = None, to_stderr: bool = False):
    """Check what someone just wrote and, if it calls for it, show one calm card.

    Call it AFTER the entry is saved (or after the person chose not to keep
    it). It never raises: the entry is already safe, so a check that cannot
    run says so quietly. `journal` is the open journal, if there is one (used
    to show the safety plan without asking for a passphrase again).
    Returns the Card shown, or None.
    """
    if not ctx.settings.safety_check:
        return None
    from openness.flows.crisis import build_panel
    from openness.flows.safety import Session, check_and_card

    session = ctx.__dict__.setdefault("_safety_session", Session())
    own = own_lines(ctx)
    try:
        from openness.safety.screen import screen

        card = check_and_card(
            texts,
            screen=screen,
            region=ctx.region,
            ui_lang=ctx.lang,
            own=own,
            load_plan=lambda: _plan_for_card(ctx, journal),
            saved=saved,
            privacy_tip=not _journal_encrypted(ctx, journal),
            session=session,
        )
    except Exception:  # never an error after the entry is saved; and never a word of what was written
        ctx.display().note(t("safety.card.could_not_check"))
        return None
    if card is None:
        return None
    from openness.ui.card import show_card

    show_card(
        ctx.err_display() if to_stderr else ctx.display(),
        card,
        wait=bool(interactive) and ctx.interactive,
        stdin=ctx.stdin,
        more=lambda: build_panel(ctx.region, full=True, lang=card.lang, own=own),
    )
    return card


def _journal_encrypted(ctx: AppContext, journal: Any = None) -> bool:
    from openness.errors import OpennessError

    if journal is not None:
        return bool(getattr(journal, "encrypted", False))
    if not ctx.paths.journal.exists():
        return False
    try:
        with ctx.journal(create=False) as j:
            return bool(getattr(j, "encrypted", False))
    except OpennessError:
        return False


def _plan_for_card(ctx: AppContext, journal: Any = None):
    """The safety plan to show with the card, without ever asking for a passphrase.

    A locked journal gives LOCKED (the card then says how to see the plan).
    """
    from openness.errors import OpennessError
    from openness.flows import safety_plan

    def read(j):
        if getattr(j, "encrypted", False) and not getattr(j, "unlocked", True):
            return safety_plan.LOCKED
        return safety_plan.latest(j)

    try:
        if journal is not None:
            return read(journal)
        if not ctx.paths.journal.exists():
            return None
        with ctx.journal(create=False) as j:
            return read(j)
    except OpennessError:
        return None


def _answers_file_save(data: dict, save: bool | None) -> bool | None:
    if "save" not in data:
        return save
    raw = data.pop("save")
    if save is not None:
        return save
    if isinstance(raw, str):
        from openness.settings import parse_bool

        raw = parse_bool(raw, "save")
    if not isinstance(raw, bool):
        raise UsageError(t("answers.bad_yesno", key="save"))
    return raw


def safety_plan_build(ctx: AppContext, answers_file: Path | None = None, save: bool | None = None):
    """Make or change the safety plan, asking in a terminal or reading an answers file."""
    from openness.flows import safety_plan
    from openness.flows.crisis import build_panel

    if answers_file is not None and ctx.prompter_factory is None:
        from openness.flows.answers import AnswersPrompter, read_answers

        data: dict | None = read_answers(answers_file)
        prompter = AnswersPrompter(data, ctx.display())
    else:
        prompter = ctx.prompter(answers_file)
        data = getattr(prompter, "answers", None) if answers_file is not None else None
    if data is not None:
        save = _answers_file_save(data, save)
    holder: list[Any] = []

    def journal():
        if not holder:
            holder.append(ctx.journal())
        return holder[0]

    try:
        existing = safety_plan.latest(journal()) if ctx.paths.journal.exists() else None
        return safety_plan.build(
            prompter,
            panel=build_panel(ctx.region, own=own_lines(ctx)),
            existing=existing,
            journal_on=ctx.settings.journal,
            store=lambda plan: journal().add(safety_plan.to_record(plan)),
            answers=data,
            save=save,
        )
    finally:
        for j in holder:
            j.close()


def safety_plan_latest(ctx: AppContext):
    """The newest safety plan, or None."""
    from openness.flows import safety_plan

    if not ctx.paths.journal.exists():
        return None
    with ctx.journal(create=False) as j:
        return safety_plan.latest(j)

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


# -- safety: the card after an entry, and the safety plan ---------------------------


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
        "bidi": getattr(ctx.console(), "openness_bidi", "logical"),
        "bidi_setting": s.bidi,
        "data_folder": str(ctx.paths.data),
        "settings_file": str(ctx.paths.settings),
    }


def config_set(ctx: AppContext, key: str, value: str) -> None:
    from openness.safety.resources import region_codes
    from openness.settings import with_value

    ctx.save_settings(with_value(ctx.settings, key, value, region_codes()))


# -- journal ----------------------------------------------------------------------

JOURNAL_KINDS = ("checkin", "exercise", "note")


def _since(text: str | None):
    """--since: a date (2026-01-31), a date and time, or a number of days back (7d)."""
    from datetime import datetime, timedelta

    if not text:
        return None
    raw = text.strip().lower()
    try:
        if raw.endswith("d") and raw[:-1].isdigit():
            start = datetime.now().astimezone() - timedelta(days=int(raw[:-1]))
            return start.replace(hour=0, minute=0, second=0, microsecond=0)
        when = datetime.fromisoformat(raw)
    except ValueError:
        raise UsageError(t("journal.bad_since")) from None
    return when if when.tzinfo is not None else when.astimezone()


def _kind(kind: str | None) -> str | None:
    if kind is None:
        return None
    k = kind.strip().lower().replace("-", "")
    if k not in JOURNAL_KINDS:
        raise UsageError(t("journal.bad_kind", kinds=", ".join(JOURNAL_KINDS)))
    return k


def _progress_on(ctx: AppContext) -> bool:
    import sys

    try:
        return ctx.stdout.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def journal_list(ctx: AppContext, n: int, since: str | None = None, kind: str | None = None) -> list:
    if n < 1:
        raise UsageError(t("journal.n_positive"))
    start, k = _since(since), _kind(kind)
    if not ctx.paths.journal.exists():
        return []
    with ctx.journal(create=False) as j:
        return j.recent(n, kind=k, since=start)


def journal_labels(ctx: AppContext):
    """Exercise titles and emotion words for listings, cached so a listing stays quick."""
    from openness.content.loader import builtin_dir
    from openness.journal.labels import labels

    cache = ctx.paths.data / "cache" / "labels.json.z"
    return labels(cache, [builtin_dir(), ctx.paths.user_exercises], ctx.lang, ctx.library)


def journal_show(ctx: AppContext, ref: str):
    with ctx.journal(create=False) as j:
        return j.get(ref)


def journal_search(ctx: AppContext, query: str, n: int = 20) -> list:
    from openness.journal.search import search, terms

    if n < 1:
        raise UsageError(t("journal.n_positive"))
    if not terms(query):
        raise UsageError(t("journal.search_no_words"))
    if not ctx.paths.journal.exists():
        return []
    with ctx.journal(create=False) as j:
        return search(j, query, n)


def _read_text(ctx: AppContext, initial: str = "") -> str:
    """Text for an entry: typed in the editor in a terminal, else read from stdin."""
    try:
        tty = ctx.stdin.isatty()
    except (AttributeError, ValueError):
        tty = False
    if tty:
        from openness.journal.editor import edit

        return edit(ctx.paths.tmp, initial, ctx.environ)
    return ctx.stdin.read()


def journal_add(ctx: AppContext, text: str | None = None):
    from openness.records import Record

    if text is None:
        text = _read_text(ctx)
    text = text.strip()
    if not text:
        raise UsageError(t("journal.empty_text"))
    record = Record(kind="note", exercise=None, answers={}, text=text)
    with ctx.journal() as j:
        j.add(record)
    return record


def journal_edit(ctx: AppContext, ref: str, text: str | None = None):
    """Change a note's text. Returns the changed record, or None if nothing changed."""
    from dataclasses import replace

    with ctx.journal(create=False) as j:
        record = j.get(ref)
        if record.kind != "note":
            raise UsageError(t("journal.only_notes_edit"))
        new = (_read_text(ctx, record.text) if text is None else text).strip()
        if not new:
            raise UsageError(t("journal.empty_text"))
        if new == record.text.strip():
            return None
        changed = replace(record, text=new)
        j.update(changed)
        return changed


def _confirmed(ctx: AppContext, prompt: str, accept: tuple[str, ...], needs_yes: str) -> bool:
    if not ctx.interactive:
        raise UsageError(needs_yes)
    from openness.ui.journal_io import ask_line

    answer = ask_line(ctx.console(), prompt, ctx.stdin).strip().casefold()
    return answer in {a.casefold() for a in accept}


def journal_delete(ctx: AppContext, ref: str, yes: bool = False):
    """Delete one entry. Returns its record, or None if the person kept it."""
    with ctx.journal(create=False) as j:
        record = j.get(ref)
        if not yes:
            when = record.created.strftime("%Y-%m-%d %H:%M")
            ok = _confirmed(ctx, t("journal.delete_ask", when=when), ("y", "yes", t("journal.yes")),
                            t("journal.delete_needs_yes"))
            if not ok:
                return None
        j.delete(record.id)
        return record


def journal_wipe(ctx: AppContext, yes: bool = False) -> int | None:
    """Remove every entry and draft. Returns how many entries, or None if the person stopped."""
    if not ctx.paths.journal.exists():
        return 0
    with ctx.journal(create=False) as j:
        if not yes:
            word = t("journal.wipe_word")
            ok = _confirmed(ctx, t("journal.wipe_ask", n=j.count(), word=word), (word, "wipe"), t("journal.wipe_needs_yes"))
            if not ok:
                return None
        return j.wipe()


def _describe(ctx: AppContext):
    """For the Markdown export: an entry's title and its questions with answers."""
    from openness.flows.runner import label
    from openness.ui.views import entry_title

    lib, lang = ctx.library(), ctx.lang

    def describe(record):
        pairs = []
        ex = lib.exercises.get(record.exercise) if record.exercise else None
        if ex is not None:
            for step in ex.steps:
                if step.id in record.answers and step.asks:
                    value = record.answers[step.id]
                    shown = label(step, value, lang, lib.vocabulary) or t("answer.skipped")
                    if step.kind == "emotion" and isinstance(value, dict):
                        shown = t("journal.emotion_line", words=shown, intensity=value.get("intensity", "?"))
                    pairs.append((step.prompt.get(lang), shown))
        else:
            pairs = [(k, str(v)) for k, v in record.answers.items()]
        return entry_title(record, lib, lang), pairs

    return describe


def journal_export(ctx: AppContext, fmt: str, output: Path | None = None) -> int:
    from openness.journal import export as ex

    fmt = fmt.strip().lower()
    fmt = "md" if fmt == "markdown" else fmt
    if fmt not in ex.FORMATS:
        raise UsageError(t("journal.bad_format", formats=", ".join(ex.FORMATS)))
    describe = _describe(ctx) if fmt == "md" else None
    if not ctx.paths.journal.exists():
        with ex.private_output(output, ctx.stdout) as out:
            return ex.export(fmt, iter(()), out, lambda n: None, describe, t("journal.md_heading"))
    from openness.ui.journal_io import progress

    with ctx.journal(create=False) as j:
        if j.encrypted:
            j.unlock()
        total = j.count()
        with progress(total, t("journal.progress_export"), enabled=output is not None and _progress_on(ctx)) as tick:
            with ex.private_output(output, ctx.stdout) as out:
                return ex.export(fmt, j.entries_with_times(), out, tick, describe, t("journal.md_heading"))


def journal_import(ctx: AppContext, path: Path) -> dict[str, int]:
    from openness.journal.importers import read
    from openness.ui.journal_io import progress

    source = read(path)
    with ctx.journal() as j:
        if j.encrypted and not j.open_add:
            j.unlock()
        with progress(source.total, t("journal.progress_import"), enabled=_progress_on(ctx)) as tick:
            counts = j.merge(source.records(), tick=tick)
    counts["total"] = source.total
    return counts


def journal_encrypt(ctx: AppContext, open_add: bool = False) -> None:
    from openness.ui.journal_io import progress

    with ctx.journal() as j:
        if j.encrypted:
            raise UsageError(t("journal.already_encrypted"))
        phrase = ctx.new_passphrase(env="OPENNESS_NEW_PASSPHRASE" if ctx.environ.get("OPENNESS_NEW_PASSPHRASE")
                                    else "OPENNESS_PASSPHRASE")
        with progress(j.count(), t("journal.progress_encrypt"), enabled=_progress_on(ctx)) as tick:
            j.encrypt(phrase, open_add=open_add, tick=tick)


def journal_decrypt(ctx: AppContext) -> None:
    from openness.ui.journal_io import progress

    with ctx.journal(create=False) as j:
        if not j.encrypted:
            raise UsageError(t("journal.not_encrypted"))
        j.unlock()
        with progress(j.count(), t("journal.progress_decrypt"), enabled=_progress_on(ctx)) as tick:
            j.decrypt(tick=tick)


def journal_passphrase(ctx: AppContext) -> None:
    with ctx.journal(create=False) as j:
        if not j.encrypted:
            raise UsageError(t("journal.not_encrypted"))
        j.unlock()
        j.change_passphrase(ctx.new_passphrase())


def journal_open_add(ctx: AppContext, on: bool) -> None:
    with ctx.journal(create=False) as j:
        j.set_open_add(on)


def journal_status(ctx: AppContext) -> dict[str, Any]:
    out: dict[str, Any] = {"file": str(ctx.paths.journal), "exists": ctx.paths.journal.exists(),
                           "entries": 0, "drafts": 0, "encrypted": False, "open_add": False}
    if out["exists"]:
        with ctx.journal(create=False) as j:
            out.update(entries=j.count(), drafts=j.draft_count(), encrypted=j.encrypted, open_add=j.open_add)
    return out


# -- review -------------------------------------------------------------------------


def review(ctx: AppContext, since: str | None = None, include_notes: bool = False, now=None):
    """The review figures (an `insights.Review`) for entries since `since` (7d, 30d, a date, or all).

    An empty or missing journal gives an empty review; an encrypted one asks
    for its passphrase once, through the journal.
    """
    from openness.insights import SinceError, build, parse_since
    from openness.insights.figures import GUARD_QUESTIONS
    from openness.records import now_local

    now = now or now_local()
    try:
        start = parse_since(since, now)
    except SinceError:
        raise UsageError(t("review.bad_since")) from None
    guard = ctx.library().exercises.get("guardedness-check")
    questions = tuple(s.id for s in guard.steps if s.asks) if guard is not None else GUARD_QUESTIONS
    if not ctx.paths.journal.exists():
        return build([], now=now, since=start, guard_questions=questions, include_notes=include_notes)
    with ctx.journal(create=False) as j:
        return build(j.entries(since=start), now=now, since=start, guard_questions=questions, include_notes=include_notes)


def review_report(ctx: AppContext, rv, target: Path, now=None) -> Path:
    """Write the review as one HTML page at `target`, readable by its owner only (0600)."""
    import os

    from openness.records import now_local
    from openness.ui.report import build_report
    from openness.ui.review_labels import Labels

    path = Path(target).expanduser()
    if path.is_dir():
        raise UsageError(t("review.report_is_folder"))
    if not path.parent.resolve().is_dir():
        raise UsageError(t("review.report_no_folder"))
    if ctx.paths.journal.exists() and path.resolve() == ctx.paths.journal.resolve():
        raise UsageError(t("review.report_is_journal"))
    page = build_report(rv, Labels(ctx.library(), ctx.lang), lang=ctx.lang, generated=now or now_local())
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), 0o600)  # even if an old temp file was there with another mode
            fh.write(page)
        os.replace(tmp, path)  # the page appears whole or not at all, and never readable by others
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path

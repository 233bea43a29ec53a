"""The command line: parse arguments, call one function, show its result.

No logic lives here. Heavy imports (questionary, yaml, sqlite3, rich) happen
inside the commands that use them, so `openness --help` starts fast. `main`
is the one exit point: every known error and Ctrl-C becomes a message and an
exit code, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from openness import i18n
from openness.errors import ExitCode, OpennessError
from openness.i18n import t


def _ctx(state: dict):
    from openness.context import AppContext

    if "ctx" not in state:
        state["ctx"] = AppContext.create(lang=state.get("lang"), plain=state.get("plain", False))
    return state["ctx"]


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def build_app(state: dict | None = None) -> typer.Typer:
    state = {} if state is None else state
    app = typer.Typer(
        name="openness",
        help=t("cli.help"),
        epilog=t("cli.epilog"),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    def version_cb(value: bool) -> None:
        if value:
            from openness import __version__

            sys.stdout.write(f"openness {__version__}\n")
            raise typer.Exit()

    @app.callback()
    def root(
        lang: Optional[str] = typer.Option(None, "--lang", help=t("cli.opt_lang"), metavar="CODE"),
        plain: bool = typer.Option(False, "--plain", help=t("cli.opt_plain")),
        version: bool = typer.Option(False, "--version", callback=version_cb, is_eager=True, help=t("cli.opt_version")),
    ) -> None:
        state["lang"] = lang
        state["plain"] = plain

    answers_opt = typer.Option(None, "--answers", "-a", help=t("cli.opt_answers"), metavar="FILE", dir_okay=False)
    save_opt = typer.Option(None, "--save/--no-save", help=t("cli.opt_save"), show_default=False)

    @app.command(help=t("cli.checkin_help"))
    def checkin(answers: Optional[Path] = answers_opt, save: Optional[bool] = save_opt) -> None:
        from openness import commands

        commands.guided(_ctx(state), "checkin", answers, save)

    # -- crisis lines and the safety plan ----------------------------------------
    crisis_app = typer.Typer(help=t("cli.crisis_help"))
    app.add_typer(crisis_app, name="crisis")

    @crisis_app.callback(invoke_without_command=True)
    def crisis(
        tctx: typer.Context,
        region: Optional[str] = typer.Option(None, "--region", help=t("cli.opt_region"), metavar="CODE"),
        all_: bool = typer.Option(False, "--all", help=t("cli.opt_all")),
    ) -> None:
        if tctx.invoked_subcommand is not None:
            return
        from openness import commands

        notes: list[str] = []
        if "ctx" not in state:  # works whatever state the settings are in
            state["ctx"], notes = commands.crisis_context(state.get("lang"), state.get("plain", False))
        ctx = state["ctx"]
        d = ctx.display()
        d.crisis(commands.crisis_panel(ctx, region, all_))
        for n in notes:
            d.note(n)

    @crisis_app.command("add", help=t("safety.cli.crisis_add_help"))
    def crisis_add(
        name: str = typer.Argument(..., metavar="NAME", help=t("safety.cli.arg_name")),
        contact: str = typer.Argument(..., metavar="CONTACT", help=t("safety.cli.arg_contact")),
        note: Optional[str] = typer.Option(None, "--note", help=t("safety.cli.opt_note"), metavar="TEXT"),
    ) -> None:
        from openness import commands

        ctx = _ctx(state)
        commands.crisis_add(ctx, name, contact, note)
        d = ctx.display()
        d.say(t("safety.own.added"))
        d.crisis(commands.crisis_panel(ctx, None, False))

    @crisis_app.command("remove", help=t("safety.cli.crisis_remove_help"))
    def crisis_remove(name: str = typer.Argument(..., metavar="NAME", help=t("safety.cli.arg_name"))) -> None:
        from openness import commands

        ctx = _ctx(state)
        commands.crisis_remove(ctx, name)
        ctx.display().say(t("safety.own.removed"))

    plan_app = typer.Typer(help=t("safety.cli.plan_help"))
    app.add_typer(plan_app, name="safety-plan")

    @plan_app.callback(invoke_without_command=True)
    def safety_plan(tctx: typer.Context, answers: Optional[Path] = answers_opt, save: Optional[bool] = save_opt) -> None:
        if tctx.invoked_subcommand is not None:
            return
        from openness import commands

        commands.safety_plan_build(_ctx(state), answers, save)

    @plan_app.command("show", help=t("safety.cli.plan_show_help"))
    def safety_plan_show(as_json: bool = typer.Option(False, "--json", help=t("cli.opt_json"))) -> None:
        from openness import commands
        from openness.flows.safety_plan import to_json

        ctx = _ctx(state)
        plan = commands.safety_plan_latest(ctx)
        if as_json:
            _print_json(None if plan is None else to_json(plan))
            return
        if plan is None:
            ctx.display().say(t("safety_plan.none_yet"))
            return
        from openness.ui.card import show_plan

        show_plan(ctx.display(), plan, when=plan.created.strftime("%Y-%m-%d") if plan.created else None)

    # -- exercises ---------------------------------------------------------------
    ex_app = typer.Typer(help=t("cli.exercises_help"), no_args_is_help=True)
    app.add_typer(ex_app, name="exercises")

    json_opt = typer.Option(False, "--json", help=t("cli.opt_json"))

    @ex_app.command("list", help=t("cli.exercises_list_help"))
    def ex_list(as_json: bool = json_opt) -> None:
        from openness import commands

        ctx = _ctx(state)
        items = commands.exercises_list(ctx)
        if as_json:
            _print_json(items)
            return
        d = ctx.display()
        d.table(
            [t("exercises.col_id"), t("exercises.col_title"), t("exercises.col_minutes")],
            [(e["id"], e["title"] + "\n" + e["summary"], str(e["minutes"])) for e in items],
        )
        d.say(t("exercises.list_hint"))
        for p in ctx.library().problems:
            d.note(p)

    @ex_app.command("show", help=t("cli.exercises_show_help"))
    def ex_show(exercise_id: str = typer.Argument(..., metavar="ID"), as_json: bool = json_opt) -> None:
        from openness import commands

        ctx = _ctx(state)
        detail = commands.exercise_detail(ctx, exercise_id)
        if as_json:
            _print_json(detail)
            return
        d = ctx.display()
        d.heading(detail["title"])
        d.say(detail["summary"])
        src = detail["source"]
        d.note(t("exercises.source", title=src.get("title", src["article"]), section=src["section"]))
        for i, s in enumerate(detail["steps"], 1):
            d.say(f"{i}. {s.get('prompt') or s.get('text')}")
        d.say(t("exercises.run_hint", id=detail["id"]))

    @ex_app.command("template", help=t("cli.exercises_template_help"))
    def ex_template(exercise_id: str = typer.Argument(..., metavar="ID")) -> None:
        from openness import commands

        sys.stdout.write(commands.exercise_template(_ctx(state), exercise_id))

    @ex_app.command("run", help=t("cli.exercises_run_help"))
    def ex_run(
        exercise_id: str = typer.Argument(..., metavar="ID"),
        answers: Optional[Path] = answers_opt,
        save: Optional[bool] = save_opt,
    ) -> None:
        from openness import commands

        commands.guided(_ctx(state), exercise_id, answers, save)

    # -- config ------------------------------------------------------------------
    cfg_app = typer.Typer(help=t("cli.config_help"), no_args_is_help=True)
    app.add_typer(cfg_app, name="config")

    @cfg_app.command("show", help=t("cli.config_show_help"))
    def cfg_show(as_json: bool = json_opt) -> None:
        from openness import commands

        ctx = _ctx(state)
        data = commands.config_show(ctx)
        if as_json:
            _print_json(data)
            return
        from openness.ui.views import mapping

        mapping(ctx.display(), data)

    @cfg_app.command("set", help=t("cli.config_set_help"))
    def cfg_set(key: str = typer.Argument(..., metavar="KEY"), value: str = typer.Argument(..., metavar="VALUE")) -> None:
        from openness import commands

        ctx = _ctx(state)
        commands.config_set(ctx, key, value)
        ctx.display().say(t("config.saved", key=key))

    # -- journal -----------------------------------------------------------------
    j_app = typer.Typer(help=t("cli.journal_help"), no_args_is_help=True)
    app.add_typer(j_app, name="journal")

    @j_app.command("list", help=t("cli.journal_list_help"))
    def j_list(
        n: int = typer.Option(10, "-n", help=t("cli.opt_n")),
        since: Optional[str] = typer.Option(None, "--since", help=t("journal_cli.list_since"), metavar="DATE"),
        kind: Optional[str] = typer.Option(None, "--kind", help=t("journal_cli.list_kind"), metavar="KIND"),
        as_json: bool = json_opt,
    ) -> None:
        _journal_list(state, n, since, kind, as_json)

    @j_app.command("show", help=t("cli.journal_show_help"))
    def j_show(entry_id: str = typer.Argument(..., metavar="ID"), as_json: bool = json_opt) -> None:
        from openness import commands
        from openness.journal.store import entry_json

        ctx = _ctx(state)
        record = commands.journal_show(ctx, entry_id)
        if as_json:
            _print_json(entry_json(record))
            return
        from openness.ui.views import entry_full

        entry_full(ctx.display(), record, ctx.library(), ctx.lang)

    @j_app.command("search", help=t("journal_cli.search_help"))
    def j_search(
        query: list[str] = typer.Argument(..., metavar="QUERY"),
        n: int = typer.Option(20, "-n", help=t("journal_cli.search_n")),
        as_json: bool = json_opt,
    ) -> None:
        _journal_search(state, query, n, as_json)

    @j_app.command("add", help=t("journal_cli.add_help"))
    def j_add(text: Optional[list[str]] = typer.Argument(None, metavar="[TEXT]"), as_json: bool = json_opt) -> None:
        _journal_add(state, text, as_json)

    @j_app.command("edit", help=t("journal_cli.edit_help"))
    def j_edit(entry_id: str = typer.Argument(..., metavar="ID")) -> None:
        from openness import commands

        ctx = _ctx(state)
        changed = commands.journal_edit(ctx, entry_id)
        ctx.display().say(t("journal.edited", id=changed.id) if changed else t("journal.unchanged"))
        if changed is not None:
            commands.safety_after_entry(ctx, [changed.text], saved=True, interactive=ctx.interactive)

    yes_opt = typer.Option(False, "--yes", "-y", help=t("journal_cli.yes_opt"))

    @j_app.command("delete", help=t("journal_cli.delete_help"))
    def j_delete(entry_id: str = typer.Argument(..., metavar="ID"), yes: bool = yes_opt) -> None:
        from openness import commands

        ctx = _ctx(state)
        record = commands.journal_delete(ctx, entry_id, yes)
        ctx.display().say(t("journal.deleted", id=record.id) if record else t("journal.not_deleted"))

    @j_app.command("export", help=t("journal_cli.export_help"))
    def j_export(
        fmt: str = typer.Option("json", "--format", "-f", help=t("journal_cli.format_opt"), metavar="FORMAT"),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help=t("journal_cli.output_opt"), metavar="FILE",
                                              dir_okay=False),
    ) -> None:
        from openness import commands

        ctx = _ctx(state)
        n = commands.journal_export(ctx, fmt, output)
        if output is not None:
            ctx.display().say(t("journal.exported", n=n, path=str(output)))

    @j_app.command("import", help=t("journal_cli.import_help"))
    def j_import(path: Path = typer.Argument(..., metavar="FILE", dir_okay=False), as_json: bool = json_opt) -> None:
        from openness import commands

        ctx = _ctx(state)
        counts = commands.journal_import(ctx, path)
        if as_json:
            _print_json(counts)
            return
        ctx.display().say(t("journal.imported", **counts))

    @j_app.command("wipe", help=t("journal_cli.wipe_help"))
    def j_wipe(yes: bool = yes_opt) -> None:
        from openness import commands

        ctx = _ctx(state)
        n = commands.journal_wipe(ctx, yes)
        ctx.display().say(t("journal.not_wiped") if n is None else t("journal.wiped", n=n))

    @j_app.command("encrypt", help=t("journal_cli.encrypt_help"))
    def j_encrypt(open_add: bool = typer.Option(False, "--add-without-passphrase", help=t("journal_cli.open_add_opt"))) -> None:
        from openness import commands

        ctx = _ctx(state)
        commands.journal_encrypt(ctx, open_add)
        d = ctx.display()
        d.say(t("journal.encrypted_done"))
        if open_add:
            d.say(t("journal.open_add_note"))

    @j_app.command("decrypt", help=t("journal_cli.decrypt_help"))
    def j_decrypt() -> None:
        from openness import commands

        ctx = _ctx(state)
        commands.journal_decrypt(ctx)
        ctx.display().say(t("journal.decrypted_done"))

    @j_app.command("passphrase", help=t("journal_cli.passphrase_help"))
    def j_passphrase() -> None:
        from openness import commands

        ctx = _ctx(state)
        commands.journal_passphrase(ctx)
        ctx.display().say(t("journal.passphrase_changed"))

    @j_app.command("add-without-passphrase", help=t("journal_cli.open_add_help"))
    def j_open_add(value: str = typer.Argument(..., metavar="on|off")) -> None:
        from openness import commands
        from openness.settings import parse_bool

        ctx = _ctx(state)
        on = parse_bool(value, "add-without-passphrase")
        commands.journal_open_add(ctx, on)
        ctx.display().say(t("journal.open_add_on") if on else t("journal.open_add_off"))

    @j_app.command("status", help=t("journal_cli.status_help"))
    def j_status(as_json: bool = json_opt) -> None:
        from openness import commands

        ctx = _ctx(state)
        info = commands.journal_status(ctx)
        if as_json:
            _print_json(info)
            return
        yes, no = t("journal.yes"), t("journal.no")
        ctx.display().table(
            [t("config.col_key"), t("config.col_value")],
            [
                (t("journal.status_file"), info["file"]),
                (t("journal.status_entries"), str(info["entries"])),
                (t("journal.status_drafts"), str(info["drafts"])),
                (t("journal.status_encrypted"), yes if info["encrypted"] else no),
                (t("journal.status_open_add"), yes if info["open_add"] else no),
            ],
        )

    # -- review ------------------------------------------------------------------

    @app.command(help=t("review.help"))
    def review(
        since: Optional[str] = typer.Option(None, "--since", metavar="7d|30d|DATE", help=t("review.opt_since")),
        as_json: bool = typer.Option(False, "--json", help=t("cli.opt_json")),
        report: Optional[Path] = typer.Option(None, "--report", metavar="FILE.html", help=t("review.opt_report")),
        include_notes: bool = typer.Option(False, "--include-notes", help=t("review.opt_include_notes")),
        plain: bool = typer.Option(False, "--plain", help=t("review.opt_plain")),
    ) -> None:
        from openness import commands
        from openness.errors import UsageError

        if as_json and report is not None:
            raise UsageError(t("review.json_and_report"))
        state["plain"] = state.get("plain") or plain
        ctx = _ctx(state)
        rv = commands.review(ctx, since, include_notes)
        if as_json:
            from openness.insights.export import review_json

            _print_json(review_json(rv))
            return
        d = ctx.display()
        if report is not None:
            path = commands.review_report(ctx, rv, report)
            d.say(t("review.report_saved", path=str(path)))
            d.say(t("review.report_private"))
            d.say(t("review.report_notes_included") if include_notes else t("review.report_notes_left_out"))
            return
        from openness.ui.review import show
        from openness.ui.review_labels import Labels

        show(d, rv, Labels(ctx.library(), ctx.lang))

    return app


# -- the journal's everyday commands ---------------------------------------------


def _journal_list(state: dict, n: int, since: str | None, kind: str | None, as_json: bool) -> None:
    from openness import commands
    from openness.journal.store import entry_json

    ctx = _ctx(state)
    records = commands.journal_list(ctx, n, since, kind)
    if as_json:
        _print_json([entry_json(r) for r in records])
        return
    from openness.ui.views import entries_table

    entries_table(ctx.display(), records, commands.journal_labels(ctx) if records else None, ctx.lang)


def _journal_search(state: dict, query: list[str], n: int, as_json: bool) -> None:
    from openness import commands
    from openness.journal.search import hit_json

    ctx = _ctx(state)
    hits = commands.journal_search(ctx, " ".join(query), n)
    if as_json:
        _print_json([hit_json(h) for h in hits])
        return
    from openness.ui.journal_io import search_results

    search_results(ctx.display(), hits, commands.journal_labels(ctx) if hits else None, ctx.lang)


def _journal_add(state: dict, text: list[str] | None, as_json: bool) -> None:
    from openness import commands

    ctx = _ctx(state)
    record = commands.journal_add(ctx, " ".join(text) if text else None)
    if as_json:
        _print_json({"id": record.id, "created": record.created.isoformat(timespec="seconds")})
    else:
        ctx.display().say(t("journal.added", id=record.id))
    # saved first, exactly as written; then, if it calls for it, one calm card (never on stdout for --json)
    commands.safety_after_entry(ctx, [record.text], saved=True, interactive=ctx.interactive and not as_json,
                                to_stderr=as_json)


def _early_language(argv: list[str]) -> None:
    """Pick the language for help texts before the app is built."""
    lang = None
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1]
    import os

    setting = None
    if lang is None and not os.environ.get("OPENNESS_LANG"):
        try:
            from openness import settings
            from openness.paths import default_paths

            setting = settings.load(default_paths().settings).language
        except OpennessError:
            setting = None
    try:
        i18n.set_language(i18n.choose_language(lang, setting))
    except i18n.UnknownLanguage:  # the command itself says so, in English
        i18n.set_language(i18n.DEFAULT)


def run(argv: list[str] | None = None, state: dict | None = None) -> int:
    """Run the command line and return the exit code. The one exit point."""
    from typer._click import exceptions as click_exc  # typer vendors click
    from typer import Abort, Exit

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        _early_language(args)
        state = {} if state is None else state
        app = build_app(state)
        result = app(args=args, prog_name="openness", standalone_mode=False)
        code = int(result or 0) if isinstance(result, int) else 0
        if code == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into a return value of 130
            _stderr(t("error.interrupted"))
        return code
    except OpennessError as exc:
        _stderr(exc.message)
        return exc.code
    except (KeyboardInterrupt, Abort):
        _stderr(t("error.interrupted"))
        return ExitCode.INTERRUPTED
    except Exit as exc:
        if exc.exit_code == ExitCode.INTERRUPTED:
            _stderr(t("error.interrupted"))
        return exc.exit_code
    except click_exc.ClickException as exc:
        exc.show()
        return exc.exit_code
    except EOFError:
        _stderr(t("error.eof"))
        return ExitCode.USAGE
    except OSError as exc:
        import errno

        if exc.errno == errno.ENOSPC:
            _stderr(t("error.disk_full"))
        elif exc.errno == errno.EPIPE:
            return ExitCode.OK
        else:
            _stderr(t("error.os", problem=exc.strerror or exc.__class__.__name__))
        return ExitCode.ERROR
    except Exception as exc:  # never a traceback: it could hold what the person wrote
        _stderr(t("error.unexpected", kind=exc.__class__.__name__))
        return ExitCode.ERROR


def _stderr(message: str) -> None:
    from openness.ui.text import clean

    line = clean(t("error.prefix", message=message)).replace("\n", " ")
    try:
        if sys.stderr.isatty():  # in a terminal, break between words; in a pipe it stays one line
            import shutil
            import textwrap

            width = shutil.get_terminal_size((80, 24)).columns - 1
            line = "\n".join(textwrap.wrap(line, width=max(20, width), break_long_words=False)) or line
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def main() -> None:
    code = run()
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    sys.exit(int(code))

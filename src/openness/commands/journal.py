"""The journal commands: list, search, add, edit, delete, export, import, wipe, encryption."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openness.context import AppContext
from openness.errors import UsageError
from openness.i18n import t


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

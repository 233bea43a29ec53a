"""Looking back: the review figures and the HTML report."""

from __future__ import annotations

from pathlib import Path

from openness.context import AppContext
from openness.errors import UsageError
from openness.i18n import t


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
    from openness.paths import private_writer

    with private_writer(path) as fh:  # the page appears whole or not at all, never readable by others
        fh.write(page)
    return path

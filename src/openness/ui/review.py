"""`openness review` in the terminal: the figures as short charts and tables.

Charts are characters (see ui/charts.py), so they read the same without
colour. With `--plain` there are no charts and no boxes: every figure is
said in a sentence or a simple "label: value" line, for screen readers.
Everything fits in 60 columns.
"""

from __future__ import annotations

from typing import Any, Sequence

from openness.i18n import t
from openness.insights.figures import QUADRANTS, Review
from openness.ui import charts
from openness.ui.review_labels import Labels, number, percent
from openness.ui.text import clean

TOP_WORDS = 8
RECENT_REWRITES = 8
MAX_CHART = 80  # wider terminals get the same chart, not a stretched one


class ReviewView:
    def __init__(self, display: Any, labels: Labels, *, glyphs: charts.Glyphs | None, width: int) -> None:
        self.d = display
        self.console = display.console
        self.plain = display.plain
        self.g = None if self.plain else glyphs
        self.labels = labels
        self.width = max(40, width)

    # -- printing helpers ----------------------------------------------------

    def _lines(self, lines: Sequence[str], indent: int = 2) -> None:
        from rich.text import Text

        for line in lines:
            self.console.print(Text(" " * indent + line, no_wrap=True, overflow="crop"))

    def _say(self, text: str) -> None:
        self.d.say(text)

    def _table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], numeric_from: int = 1) -> None:
        if self.plain:
            self.d.table(headers, rows)
            return
        from rich import box
        from rich.padding import Padding
        from rich.table import Table
        from rich.text import Text

        tab = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold", expand=False)
        for i, h in enumerate(headers):
            right = i >= numeric_from
            tab.add_column(clean(h), justify="right" if right else "left", overflow="fold")
        for r in rows:
            tab.add_row(*(Text(clean(v)) for v in r))
        self.console.print(Padding(tab, (0, 0, 0, 2), expand=False))

    def _bars(self, rows: Sequence[tuple[str, float, str]], maximum: float) -> None:
        """label, value, shown value: one bar per line."""
        assert self.g is not None
        label_w = min(18, max(len(r[0]) for r in rows))
        value_w = max(len(r[2]) for r in rows)
        room = min(MAX_CHART, self.width) - 2 - label_w - 1 - 1 - value_w
        room = max(5, min(room, 36))
        lines = []
        for label, value, shown in rows:
            more = "…" if self.g.full == "█" else "~"
            name = label if len(label) <= label_w else label[: label_w - 1] + more
            b = charts.bar(value, maximum, room, self.g)
            lines.append(f"{name.ljust(label_w)} {b.ljust(room)} {shown.rjust(value_w)}")
        self._lines(lines)

    # -- the review ----------------------------------------------------------

    def show(self, rv: Review) -> None:
        self.d.heading(t("review.title"))
        self._period(rv)
        if rv.empty:
            self._say(t("review.empty_period") if rv.since else t("review.empty"))
            return
        c = rv.counts
        self._say(
            t("review.counts", entries=c.entries, days=c.days, checkins=c.checkins, exercises=c.exercises, notes=c.notes)
        )
        if rv.little_data:
            self._say(self._little(rv))
        self.feelings(rv)
        self.intensity(rv)
        self.calendar(rv)
        self.ladder(rv)
        self.self_compassion(rv)
        self.guardedness(rv)
        if rv.notes is not None:
            self.notes(rv)
        self.d.blank()
        self.d.note(t("review.footer"))

    def _period(self, rv: Review) -> None:
        if rv.since:
            self.d.note(t("review.period", start=rv.since.isoformat(), end=rv.until.isoformat()))
        elif not rv.empty:
            self.d.note(t("review.period_all", start=rv.calendar.start.isoformat(), end=rv.until.isoformat()))

    def _little(self, rv: Review) -> str:
        n = rv.counts.entries
        scope = "period" if rv.since else "so_far"
        return t(f"review.little_{scope}_one" if n == 1 else f"review.little_{scope}", n=n)

    # -- feelings ------------------------------------------------------------

    def feelings(self, rv: Review) -> None:
        e = rv.emotions
        self.d.heading(t("review.feelings_title"))
        if e.n == 0:
            self._say(t("review.feelings_none"))
            return
        self._say(t("review.feelings_from", n=e.n))
        top = e.words[:TOP_WORDS]
        if top:
            if self.g is None:
                self._table(
                    [t("review.col_feeling"), t("review.col_times")],
                    [(self.labels.word(w.word), str(w.count)) for w in top],
                )
            else:
                self._bars([(self.labels.word(w.word), w.count, str(w.count)) for w in top], top[0].count)
            if len(e.words) > TOP_WORDS:
                self.d.note(t("review.feelings_more", n=len(e.words) - TOP_WORDS))
        else:
            self._say(t("review.feelings_no_words"))
        if e.placed:
            self._say(t("review.quadrants_intro", n=e.placed))
            q = dict(e.quadrants)
            if self.plain:
                for name in QUADRANTS:
                    self._say(
                        t(
                            "review.quadrant_line",
                            quadrant=t(f"review.quad.{name}"),
                            count=q[name],
                            total=e.placed,
                            percent=percent(q[name], e.placed),
                        )
                    )
            else:

                def cell(name: str) -> str:
                    return f"{q[name]} ({percent(q[name], e.placed)})"

                self._table(
                    ["", t("review.unpleasant"), t("review.pleasant")],
                    [
                        (t("review.high_energy"), cell("unpleasant-high"), cell("pleasant-high")),
                        (t("review.low_energy"), cell("unpleasant-low"), cell("pleasant-low")),
                    ],
                )

    # -- intensity -----------------------------------------------------------

    def intensity(self, rv: Review) -> None:
        i = rv.intensity
        self.d.heading(t("review.intensity_title"))
        if i.n == 0:
            self._say(t("review.intensity_none"))
            return
        if self.g is not None:
            label_w = 2
            room = min(MAX_CHART, self.width) - 2 - label_w - 2
            per, bs = charts.bins(i.days, rv.calendar.start, rv.until, room)
            rows = charts.columns_chart([b.mean for b in bs], self.g)
            rows.append(charts.axis_dates(bs[0].start.isoformat(), bs[-1].end.isoformat(), len(bs), label_w + 2))
            self._lines(rows)
            if per == 1:
                self.d.note(t("review.intensity_per_day", gap=self.g.gap))
            else:
                self.d.note(t("review.intensity_per_days", days=per, gap=self.g.gap))
        self._say(t("review.intensity_mean", mean=number(i.mean), n=i.n))
        if i.first_half_n and i.second_half_n:
            self._say(
                t(
                    "review.intensity_halves",
                    first=number(i.first_half_mean),
                    first_n=i.first_half_n,
                    second=number(i.second_half_mean),
                    second_n=i.second_half_n,
                )
            )

    # -- calendar ------------------------------------------------------------

    def calendar(self, rv: Review) -> None:
        cal = rv.calendar
        self.d.heading(t("review.calendar_title"))
        total = (cal.end - cal.start).days + 1
        self._say(t("review.calendar_days", days=len(cal.days), total=total))
        counts = cal.as_dict()
        if self.g is not None:
            lines, shown, weeks = charts.calendar_grid(
                counts, cal.start, cal.end, min(MAX_CHART, self.width) - 2, self.g, self.labels.weekdays(), self.labels.month
            )
            self._lines(lines)
            m = self.g.days
            self.d.note(t("review.calendar_legend", none=m[0], one=m[1], two=m[2], more=m[3]))
            if shown < weeks:
                self.d.note(t("review.calendar_recent", weeks=shown, total=weeks))
        else:
            months: dict[tuple[int, int], list[int]] = {}
            for day, n in counts.items():
                months.setdefault((day.year, day.month), []).append(n)
            rows = [
                (f"{self.labels.month(mo)} {yr}", str(len(v)), str(sum(v))) for (yr, mo), v in sorted(months.items())
            ]
            if rows:
                self._table([t("review.col_month"), t("review.col_days"), t("review.col_entries")], rows)

    # -- the sharing ladder --------------------------------------------------

    def ladder(self, rv: Review) -> None:
        lad = rv.ladder
        self.d.heading(t("review.ladder_title"))
        if lad.plans == 0 and lad.followups == 0:
            self._say(t("review.ladder_none"))
            return
        self._say(t("review.ladder_counts", plans=lad.plans, shared=lad.shared, not_yet=lad.not_yet))
        rows = [
            (self.labels.level(lv.level), str(lv.planned), str(lv.done))
            for lv in lad.levels
            if lv.planned or lv.done or not self.plain  # the whole ladder as a picture; in words, only what happened
        ]
        self._table([t("review.col_step"), t("review.col_planned"), t("review.col_done")], rows)
        if lad.pairs:
            if self.g is not None:
                self._say(t("review.ladder_compare_intro", n=lad.pairs))
                self._bars(
                    [
                        (t("review.expected"), lad.expected_mean or 0, number(lad.expected_mean)),
                        (t("review.actual"), lad.actual_mean or 0, number(lad.actual_mean)),
                    ],
                    10,
                )
                per_level = [lv for lv in lad.levels if lv.pairs]
                if len(per_level) > 1:
                    self._table(
                        [t("review.col_step"), t("review.expected"), t("review.actual"), t("review.col_n")],
                        [
                            (self.labels.level(lv.level), number(lv.expected_mean), number(lv.actual_mean), str(lv.pairs))
                            for lv in per_level
                        ],
                    )
            else:
                self._say(
                    t("review.ladder_compare_plain", n=lad.pairs, expected=number(lad.expected_mean), actual=number(lad.actual_mean))
                )
            self._say(ladder_summary(lad))
        responded = [(r, n) for r, n in lad.responses if n]
        if responded:
            self._say(t("review.responses_intro"))
            if self.g is None:
                self._table(
                    [t("review.col_response"), t("review.col_times")],
                    [(self.labels.response(r), str(n)) for r, n in responded],
                )
            else:
                self._bars([(self.labels.response(r), n, str(n)) for r, n in responded], max(n for _, n in responded))

    # -- self-compassion -----------------------------------------------------

    def self_compassion(self, rv: Review) -> None:
        sc = rv.self_compassion
        self.d.heading(t("review.compassion_title"))
        if sc.n == 0:
            self._say(t("review.compassion_none"))
            return
        self._say(t("review.compassion_means", n=sc.n, before=number(sc.before_mean), after=number(sc.after_mean)))
        self._say(t("review.compassion_moves", less=sc.less, same=sc.same, more=sc.more))
        recent = sc.sessions[-RECENT_REWRITES:]
        if self.g is not None:
            arrow = "→" if self.g.full == "█" else "->"
            lines = [
                f"{s.day.isoformat()}  {charts.scale_pair(s.before, s.after, self.g)}  {s.before:>2} {arrow} {s.after:>2}"
                for s in recent
            ]
            self._lines(lines)
            self.d.note(t("review.compassion_legend", before=self.g.before, after=self.g.after, both=self.g.both))
        else:
            self._table(
                [t("review.col_date"), t("review.before"), t("review.after")],
                [(s.day.isoformat(), str(s.before), str(s.after)) for s in recent],
            )
        if sc.n > len(recent):
            self.d.note(t("review.compassion_recent", shown=len(recent), n=sc.n))

    # -- guardedness ---------------------------------------------------------

    def guardedness(self, rv: Review) -> None:
        g = rv.guardedness
        self.d.heading(t("review.guard_title"))
        if not g.checks:
            self._say(t("review.guard_none"))
            return
        room = 3 if self.width >= 90 else 2
        checks = pick_checks(g.checks, room)
        self._say(t("review.guard_intro"))
        if len(checks) < len(g.checks):
            self.d.note(t("review.guard_some", shown=len(checks), n=len(g.checks)))
        rows = []
        for q in g.questions:
            if all(c.answer(q) is None for c in checks):
                continue
            rows.append([self.labels.question(q)] + ["\n".join(self.labels.answers(q, c.answer(q))) or "-" for c in checks])
        if self.plain:
            rows = [[r[0]] + [v.replace("\n", ", ") for v in r[1:]] for r in rows]
        self._table([t("review.col_question")] + [c.day.isoformat() for c in checks], rows, numeric_from=99)

    # -- free text (only with --include-notes) -------------------------------

    def notes(self, rv: Review) -> None:
        from rich.text import Text

        self.d.heading(t("review.notes_title"))
        if not rv.notes:
            self._say(t("review.notes_none"))
            return
        for w in rv.notes:
            self.d.note(f"{w.created.strftime('%Y-%m-%d %H:%M')}  {self.labels.exercise(w.exercise, w.kind)}")
            self.console.print(Text(clean(w.text)))
            self.d.blank()


def pick_checks(checks: Sequence, room: int) -> list:
    """At most `room` checks to show side by side: the first and the most recent ones."""
    checks = list(checks)
    if len(checks) <= room:
        return checks
    return [checks[0]] + checks[len(checks) - (room - 1) :]


def ladder_summary(lad) -> str:
    """The plain sentence that follows from expected against actual discomfort."""
    diff = lad.easier_by
    n = lad.pairs
    suffix = "_one" if n == 1 else ""
    if diff is None:
        return ""
    if abs(diff) < 0.05:
        return t(f"review.ladder_as_expected{suffix}", n=n)
    if diff > 0:
        return t(f"review.ladder_easier{suffix}", diff=number(diff), n=n)
    return t(f"review.ladder_harder{suffix}", diff=number(-diff), n=n)


def show(display: Any, rv: Review, labels: Labels, *, width: int | None = None) -> None:
    console = display.console
    glyphs = charts.glyphs_for(getattr(console, "encoding", "utf-8"))
    ReviewView(display, labels, glyphs=glyphs, width=width or console.width).show(rv)

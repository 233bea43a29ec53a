"""The review as one self-contained, printable HTML page.

Pure string building: no network, no files, no scripts. Styles are inline,
charts are inline SVG, and a Content-Security-Policy forbids loading
anything at all, so the page works offline and cannot reach out even if a
journal entry held a link. Every piece of text is HTML-escaped. Shapes and
sizes carry the meaning (hollow and filled marks, bar lengths, square
sizes), so it prints well in black and white.

Free text the person wrote is left out unless they ask for it, and the page
says which it is.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from html import escape
from typing import Any, Iterable, Sequence

from openness.i18n import t
from openness.insights.figures import Review
from openness.ui import charts
from openness.ui.review import ladder_summary, pick_checks
from openness.ui.review_labels import Labels, number, percent

RTL = {"ar", "fa", "he", "ur", "ps", "sd", "ug", "yi"}
FONTS = {
    "ur": '"Noto Nastaliq Urdu", "Noto Naskh Arabic", "Jameel Noori Nastaleeq", serif',
    "default": 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif',
}
TOP_WORDS = 12
RECENT_REWRITES = 24
GUARD_COLUMNS = 5
INK = "#1f4e5a"

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: FONT; color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 52rem;
  padding: 0 1.25rem; line-height: LINE; font-size: 16px; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 0 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #1f4e5a; }
header { border: 1px solid #b9c7ca; border-radius: 6px; padding: 1rem 1.25rem; background: #f6f9f9; }
header ul { margin: .4rem 0; padding-inline-start: 1.25rem; }
.muted { color: #4a4a4a; font-size: .92rem; }
section { margin: 2rem 0; break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { padding: .3rem .6rem; text-align: start; vertical-align: top; border-bottom: 1px solid #d9d9d9; }
th { font-weight: 600; border-bottom: 1px solid #777; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date, th.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
.figure { margin: .5rem 0 1rem; }
svg { display: block; max-width: 100%; height: auto; }
svg.inline { display: inline-block; vertical-align: middle; }
svg.wide { width: 100%; }
svg text { font-family: FONT; font-size: 11px; fill: #333; }
.mark { fill: #1f4e5a; }
.hollow { fill: #fff; stroke: #1f4e5a; stroke-width: 2; }
.line { stroke: #1f4e5a; stroke-width: 2; fill: none; }
.grid { stroke: #ccc; stroke-width: 1; }
.empty-day { fill: none; stroke: #b5b5b5; stroke-width: 1; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: .25rem 0 .75rem; font-size: .92rem; }
.legend span { display: inline-flex; align-items: center; gap: .35rem; }
.quad td { width: 11rem; height: 5.5rem; text-align: center; vertical-align: middle; border: 1px solid #bbb; }
.quad th { border: none; }
.quad .count { font-size: 1.1rem; font-weight: 600; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; border-inline-start: 3px solid #b9c7ca;
  padding-inline-start: .75rem; margin: .25rem 0 1rem; }
.summary-line { font-weight: 600; }
[dir="rtl"] svg.bar { transform: scaleX(-1); }
footer { margin-top: 2.5rem; border-top: 1px solid #ccc; padding-top: .75rem; }
@page { margin: 16mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  header { background: none; }
  section { margin: 1.25rem 0; }
  svg, table { break-inside: avoid; page-break-inside: avoid; }
}
"""


_OPTION = re.compile(r"(--[a-z][a-z-]*)")


def _ltr_numbers(html: str) -> str:
    """Phone numbers, dates and times with spaces in them (0311 778 6264, 2026-11-22 02:20)
    keep their order inside right-to-left text."""
    from openness.ui.bidi import _NUMBERS

    return _NUMBERS.sub(lambda m: m.group(0) if m.group(0).isdigit() else f'<bdi dir="ltr">{m.group(0)}</bdi>', html)


def _e(s: Any) -> str:
    """Escaped text; a command-line option keeps its own direction inside right-to-left text."""
    return _ltr_numbers(_OPTION.sub(r'<bdi dir="ltr">\1</bdi>', escape(str(s), quote=False)))


def _attr(s: Any) -> str:
    return escape(str(s), quote=True)


# -- small SVG pieces --------------------------------------------------------------


def bar_svg(value: float, maximum: float, width: int = 180) -> str:
    w = 0 if maximum <= 0 else max(2.0 if value > 0 else 0.0, round(value / maximum * width, 1))
    return (
        f'<svg class="inline bar" width="{width}" height="14" viewBox="0 0 {width} 14" aria-hidden="true">'
        f'<rect class="mark" x="0" y="2" width="{w}" height="10" rx="1"></rect></svg>'
    )


def pair_svg(before: float | None, after: float | None, width: int = 220) -> str:
    """Two marks on a 0-10 line: hollow for the first value, filled for the second."""
    pad = 8
    span = width - 2 * pad

    def x(v: float) -> float:
        return round(pad + v / 10 * span, 1)

    parts = [
        f'<svg class="inline pair" width="{width}" height="22" viewBox="0 0 {width} 22" aria-hidden="true">',
        f'<line class="grid" x1="{pad}" y1="11" x2="{width - pad}" y2="11"></line>',
    ]
    for v in range(0, 11):
        parts.append(f'<line class="grid" x1="{x(v)}" y1="{8 if v % 5 else 5}" x2="{x(v)}" y2="{14 if v % 5 else 17}"></line>')
    if before is not None and after is not None:
        parts.append(f'<line class="line" x1="{x(before)}" y1="11" x2="{x(after)}" y2="11"></line>')
    if before is not None:
        parts.append(f'<circle class="hollow" cx="{x(before)}" cy="11" r="6"></circle>')
    if after is not None:
        parts.append(f'<circle class="mark" cx="{x(after)}" cy="11" r="4.5"></circle>')
    parts.append("</svg>")
    return "".join(parts)


def legend_pair(first: str, second: str) -> str:
    hollow = '<svg class="inline" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><circle class="hollow" cx="8" cy="8" r="6"></circle></svg>'
    filled = '<svg class="inline" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><circle class="mark" cx="8" cy="8" r="4.5"></circle></svg>'
    return (
        f'<div class="legend"><span>{hollow} {_e(first)}</span><span>{filled} {_e(second)}</span>'
        f'<span class="muted">{_e(t("review.report.scale_note"))}</span></div>'
    )


def intensity_svg(days: Sequence, start: date, end: date) -> str:
    w, h = 720, 230
    left, right, top, bottom = 34, 12, 12, 190
    per, bs = charts.bins(days, start, end, 120)
    n = len(bs)
    step = (w - left - right) / max(n, 1)

    def x(i: int) -> float:
        return round(left + step * (i + 0.5), 1)

    def y(v: float) -> float:
        return round(bottom - v / 10 * (bottom - top), 1)

    out = [
        f'<svg class="chart wide" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" direction="ltr" '
        f'aria-label="{_attr(t("review.report.intensity_label"))}">'
    ]
    for v in (0, 5, 10):
        out.append(f'<line class="grid" x1="{left}" y1="{y(v)}" x2="{w - right}" y2="{y(v)}"></line>')
        out.append(f'<text x="{left - 6}" y="{y(v) + 4}" text-anchor="end">{v}</text>')
    run: list[str] = []
    for i, b in enumerate(bs):
        if b.mean is None:
            if len(run) > 1:
                out.append(f'<polyline class="line" points="{" ".join(run)}"></polyline>')
            run = []
            continue
        run.append(f"{x(i)},{y(b.mean)}")
    if len(run) > 1:
        out.append(f'<polyline class="line" points="{" ".join(run)}"></polyline>')
    for i, b in enumerate(bs):
        if b.mean is None:
            continue
        when = b.start.isoformat() if b.start == b.end else f"{b.start.isoformat()} – {b.end.isoformat()}"
        tip = t("review.report.point", when=when, mean=number(b.mean), n=b.n)
        out.append(f'<circle class="mark" cx="{x(i)}" cy="{y(b.mean)}" r="3.5"><title>{escape(tip)}</title></circle>')
    if bs:
        out.append(f'<text x="{left}" y="{bottom + 20}" text-anchor="start">{_e(bs[0].start.isoformat())}</text>')
        out.append(f'<text x="{w - right}" y="{bottom + 20}" text-anchor="end">{_e(bs[-1].end.isoformat())}</text>')
    out.append("</svg>")
    note = t("review.report.per_day") if per == 1 else t("review.report.per_days", days=per)
    return "".join(out) + f'<p class="muted">{_e(note)}</p>'


def _day_square(count: int, cx: float, cy: float, tip: str) -> str:
    title = f"<title>{escape(tip)}</title>"
    if count <= 0:
        return f'<rect class="empty-day" x="{cx - 2.5}" y="{cy - 2.5}" width="5" height="5">{title}</rect>'
    size = {1: 6.0, 2: 9.0}.get(count, 12.0)
    return f'<rect class="mark" x="{cx - size / 2}" y="{cy - size / 2}" width="{size}" height="{size}" rx="1">{title}</rect>'


def calendar_svgs(counts: dict[date, int], start: date, end: date, labels: Labels) -> str:
    cell = 16
    first_monday = start - timedelta(days=start.weekday())
    weeks_total = (end - first_monday).days // 7 + 1
    per_block = 53
    names = labels.weekdays()
    out = []
    for b0 in range(0, weeks_total, per_block):
        weeks = min(per_block, weeks_total - b0)
        left, top = 44, 20
        w, h = left + weeks * cell + 6, top + 7 * cell + 4
        block = [
            f'<svg class="chart" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" direction="ltr" '
            f'aria-label="{_attr(t("review.report.calendar_label"))}">'
        ]
        for k in (0, 2, 4, 6):
            block.append(f'<text x="{left - 6}" y="{top + k * cell + 11}" text-anchor="end">{_e(names[k])}</text>')
        next_free = 0.0  # where the next month's name may start, so names never overlap
        for wi in range(weeks):
            monday = first_monday + timedelta(weeks=b0 + wi)
            firsts = [monday + timedelta(days=k) for k in range(7) if (monday + timedelta(days=k)).day == 1]
            label_day = max(monday, start) if wi == 0 else (firsts[0] if firsts else None)
            x0 = left + wi * cell
            if label_day is not None and x0 >= next_free:
                text = labels.month(label_day.month)
                if wi == 0 or label_day.month == 1:
                    text += f" {label_day.year}"
                block.append(f'<text x="{x0}" y="{top - 7}" text-anchor="start">{_e(text)}</text>')
                next_free = x0 + 6 * len(text) + 4  # about 6 px a character at 11 px
            for k in range(7):
                d = monday + timedelta(days=k)
                if not (start <= d <= end):
                    continue
                c = counts.get(d, 0)
                tip = t("review.report.day_tip", date=d.isoformat(), n=c)
                block.append(_day_square(c, left + wi * cell + cell / 2, top + k * cell + cell / 2, tip))
        block.append("</svg>")
        out.append('<div class="figure">' + "".join(block) + "</div>")
    legend_items = []
    for c, key in ((0, "review.report.legend_none"), (1, "review.report.legend_one"), (2, "review.report.legend_two"), (3, "review.report.legend_more")):
        sq = f'<svg class="inline" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">{_day_square(c, 8, 8, "")}</svg>'
        legend_items.append(f"<span>{sq} {_e(t(key))}</span>")
    return "".join(out) + f'<div class="legend">{"".join(legend_items)}</div>'


def quadrant_table(q: dict[str, int], total: int) -> str:
    def cell(name: str) -> str:
        n = q.get(name, 0)
        side = round(48 * (n / total) ** 0.5, 1) if total and n else 0  # area in proportion to the share
        square = (
            f'<svg class="inline" width="52" height="52" viewBox="0 0 52 52" aria-hidden="true">'
            f'<rect class="mark" x="{round((52 - side) / 2, 1)}" y="{round((52 - side) / 2, 1)}" width="{side}" height="{side}" rx="1"></rect></svg>'
        )
        return f'<td><div>{square}</div><div class="count">{n}</div><div class="muted">{percent(n, total)}</div></td>'

    return (
        '<table class="quad"><thead><tr><th></th>'
        f'<th scope="col">{_e(t("review.unpleasant"))}</th><th scope="col">{_e(t("review.pleasant"))}</th></tr></thead><tbody>'
        f'<tr><th scope="row">{_e(t("review.high_energy"))}</th>{cell("unpleasant-high")}{cell("pleasant-high")}</tr>'
        f'<tr><th scope="row">{_e(t("review.low_energy"))}</th>{cell("unpleasant-low")}{cell("pleasant-low")}</tr>'
        "</tbody></table>"
    )


def _table(headers: Sequence[tuple[str, str]], rows: Iterable[Sequence[tuple[str, str]]], cls: str = "") -> str:
    """headers and cells are (html, css class); the html must already be escaped."""
    head = "".join(f'<th scope="col" class="{c}">{h}</th>' for h, c in headers)
    body = "".join("<tr>" + "".join(f'<td class="{c}">{v}</td>' for v, c in r) + "</tr>" for r in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _p(text: str, cls: str = "") -> str:
    return f'<p class="{cls}">{_e(text)}</p>' if cls else f"<p>{_e(text)}</p>"


# -- sections -----------------------------------------------------------------------


def _section(sid: str, title: str, body: str) -> str:
    return f'<section id="{sid}" aria-labelledby="{sid}-h"><h2 id="{sid}-h">{_e(title)}</h2>{body}</section>'


def _header(rv: Review, generated: datetime, include_notes: bool) -> str:
    if rv.since:
        period = t("review.period", start=rv.since.isoformat(), end=rv.until.isoformat())
    elif rv.empty:
        period = t("review.report.period_empty", end=rv.until.isoformat())
    else:
        period = t("review.period_all", start=rv.calendar.start.isoformat(), end=rv.until.isoformat())
    contains = [t(f"review.report.contains_{k}") for k in ("feelings", "intensity", "calendar", "ladder", "compassion", "guard")]
    items = "".join(f"<li>{_e(c)}</li>" for c in contains)
    notes = t("review.report.notes_included") if include_notes else t("review.report.notes_left_out")
    return (
        '<header id="about">'
        f"<h1>{_e(t('review.report.title'))}</h1>"
        f"<p>{_e(period)}<br><span class=\"muted\">{_e(t('review.report.made', date=generated.strftime('%Y-%m-%d %H:%M')))}</span></p>"
        f"<p><strong>{_e(t('review.report.contains'))}</strong></p><ul>{items}</ul>"
        f'<p id="free-text-status"><strong>{_e(notes)}</strong></p>'
        f"<p class=\"muted\">{_e(t('review.report.not_assessment'))} {_e(t('review.report.offline'))}</p>"
        "</header>"
    )


def _summary(rv: Review) -> str:
    c = rv.counts
    rows = [
        (t("review.report.n_entries"), c.entries),
        (t("review.report.n_days"), c.days),
        (t("review.report.n_checkins"), c.checkins),
        (t("review.report.n_exercises"), c.exercises),
        (t("review.report.n_notes"), c.notes),
    ]
    body = _table([], [((_e(k), ""), (str(v), "num")) for k, v in rows])
    if rv.little_data:
        n = c.entries
        scope = "period" if rv.since else "so_far"
        body += _p(t(f"review.little_{scope}_one" if n == 1 else f"review.little_{scope}", n=n))
    return _section("summary", t("review.report.summary_title"), body)


def _feelings(rv: Review, labels: Labels) -> str:
    e = rv.emotions
    if e.n == 0:
        return _section("feelings", t("review.feelings_title"), _p(t("review.feelings_none")))
    body = _p(t("review.feelings_from", n=e.n))
    top = e.words[:TOP_WORDS]
    if top:
        body += _table(
            [(_e(t("review.col_feeling")), ""), (_e(t("review.col_times")), "num"), ("", "")],
            [((_e(labels.word(w.word)), ""), (str(w.count), "num"), (bar_svg(w.count, top[0].count), "")) for w in top],
        )
        if len(e.words) > TOP_WORDS:
            body += _p(t("review.feelings_more", n=len(e.words) - TOP_WORDS), "muted")
    if e.placed:
        body += _p(t("review.quadrants_intro", n=e.placed))
        body += quadrant_table(dict(e.quadrants), e.placed)
    return _section("feelings", t("review.feelings_title"), body)


def _intensity(rv: Review) -> str:
    i = rv.intensity
    if i.n == 0:
        return _section("intensity", t("review.intensity_title"), _p(t("review.intensity_none")))
    body = '<div class="figure">' + intensity_svg(i.days, rv.calendar.start, rv.until) + "</div>"
    body += _p(t("review.intensity_mean", mean=number(i.mean), n=i.n))
    if i.first_half_n and i.second_half_n:
        body += _p(
            t(
                "review.intensity_halves",
                first=number(i.first_half_mean),
                first_n=i.first_half_n,
                second=number(i.second_half_mean),
                second_n=i.second_half_n,
            )
        )
    return _section("intensity", t("review.intensity_title"), body)


def _calendar(rv: Review, labels: Labels) -> str:
    cal = rv.calendar
    total = (cal.end - cal.start).days + 1
    body = _p(t("review.calendar_days", days=len(cal.days), total=total))
    body += calendar_svgs(cal.as_dict(), cal.start, cal.end, labels)
    return _section("calendar", t("review.calendar_title"), body)


def _ladder(rv: Review, labels: Labels) -> str:
    lad = rv.ladder
    if lad.plans == 0 and lad.followups == 0:
        return _section("ladder", t("review.ladder_title"), _p(t("review.ladder_none")))
    body = _p(t("review.ladder_counts", plans=lad.plans, shared=lad.shared, not_yet=lad.not_yet))
    top = max([lv.planned for lv in lad.levels] + [lv.done for lv in lad.levels] + [1])
    body += _table(
        [(_e(t("review.col_step")), ""), (_e(t("review.col_planned")), "num"), ("", ""), (_e(t("review.col_done")), "num"), ("", "")],
        [
            (
                (_e(labels.level(lv.level)), ""),
                (str(lv.planned), "num"),
                (bar_svg(lv.planned, top, 110), ""),
                (str(lv.done), "num"),
                (bar_svg(lv.done, top, 110), ""),
            )
            for lv in lad.levels
        ],
    )
    if lad.pairs:
        body += _p(t("review.ladder_compare_intro", n=lad.pairs))
        body += legend_pair(t("review.expected"), t("review.actual"))
        rows = [
            (
                (_e(labels.level(lv.level)), ""),
                (pair_svg(lv.expected_mean, lv.actual_mean), ""),
                (_e(f"{number(lv.expected_mean)} {t('review.report.arrow')} {number(lv.actual_mean)}"), "num"),
                (str(lv.pairs), "num"),
            )
            for lv in lad.levels
            if lv.pairs
        ]
        rows.append(
            (
                ("<strong>" + _e(t("review.report.all_steps")) + "</strong>", ""),
                (pair_svg(lad.expected_mean, lad.actual_mean), ""),
                (_e(f"{number(lad.expected_mean)} {t('review.report.arrow')} {number(lad.actual_mean)}"), "num"),
                (str(lad.pairs), "num"),
            )
        )
        body += _table(
            [(_e(t("review.col_step")), ""), ("", ""), (_e(t("review.report.col_expected_actual")), "num"), (_e(t("review.col_n")), "num")],
            rows,
        )
        body += _p(ladder_summary(lad), "summary-line")
    responded = [(r, n) for r, n in lad.responses if n]
    if responded:
        body += _p(t("review.responses_intro"))
        top_r = max(n for _, n in responded)
        body += _table(
            [(_e(t("review.col_response")), ""), (_e(t("review.col_times")), "num"), ("", "")],
            [((_e(labels.response(r)), ""), (str(n), "num"), (bar_svg(n, top_r, 140), "")) for r, n in responded],
        )
    return _section("ladder", t("review.ladder_title"), body)


def _compassion(rv: Review) -> str:
    sc = rv.self_compassion
    if sc.n == 0:
        return _section("self-compassion", t("review.compassion_title"), _p(t("review.compassion_none")))
    body = _p(t("review.compassion_means", n=sc.n, before=number(sc.before_mean), after=number(sc.after_mean)))
    body += _p(t("review.compassion_moves", less=sc.less, same=sc.same, more=sc.more))
    body += legend_pair(t("review.before"), t("review.after"))
    recent = sc.sessions[-RECENT_REWRITES:]
    body += _table(
        [(_e(t("review.col_date")), "date"), ("", ""), (_e(t("review.report.col_before_after")), "num")],
        [((s.day.isoformat(), "date"), (pair_svg(s.before, s.after), ""), (f"{s.before} {t('review.report.arrow')} {s.after}", "num")) for s in recent],
    )
    if sc.n > len(recent):
        body += _p(t("review.compassion_recent", shown=len(recent), n=sc.n), "muted")
    return _section("self-compassion", t("review.compassion_title"), body)


def _guardedness(rv: Review, labels: Labels) -> str:
    g = rv.guardedness
    if not g.checks:
        return _section("guardedness", t("review.guard_title"), _p(t("review.guard_none")))
    checks = pick_checks(g.checks, GUARD_COLUMNS)
    body = _p(t("review.guard_intro"))
    if len(checks) < len(g.checks):
        body += _p(t("review.guard_some", shown=len(checks), n=len(g.checks)), "muted")
    rows = []
    for q in g.questions:
        if all(c.answer(q) is None for c in checks):
            continue
        cells = [(_e(labels.question(q)), "")]
        for c in checks:
            phrases = labels.answers(q, c.answer(q))
            cells.append(("<br>".join(_e(p) for p in phrases) or "-", ""))
        rows.append(cells)
    body += _table([(_e(t("review.col_question")), "")] + [(c.day.isoformat(), "date") for c in checks], rows)
    return _section("guardedness", t("review.guard_title"), body)


def _notes(rv: Review, labels: Labels) -> str:
    if not rv.notes:
        return _section("notes", t("review.notes_title"), _p(t("review.notes_none")))
    parts = []
    for w in rv.notes:
        parts.append(
            f'<p class="muted">{_e(w.created.strftime("%Y-%m-%d %H:%M"))} · {_e(labels.exercise(w.exercise, w.kind))}</p>'
            f'<div class="note" dir="auto">{_ltr_numbers(escape(w.text))}</div>'
        )
    return _section("notes", t("review.notes_title"), "".join(parts))


# -- the page -----------------------------------------------------------------------


def build_report(rv: Review, labels: Labels, *, lang: str, generated: datetime) -> str:
    include_notes = rv.notes is not None
    direction = "rtl" if lang.split("_")[0] in RTL else "ltr"
    font = FONTS.get(lang, FONTS["default"])
    css = CSS.replace("FONT", font).replace("LINE", "2.1" if lang == "ur" else "1.5")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_attr(lang)}" dir="{direction}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # nothing may be loaded from anywhere: the page is complete as it is
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="referrer" content="no-referrer">',
        '<meta name="robots" content="noindex">',
        f"<title>{escape(t('review.report.title'))}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        _header(rv, generated, include_notes),
        "<main>",
    ]
    if rv.empty:
        parts.append(_section("summary", t("review.report.summary_title"), _p(t("review.empty_period") if rv.since else t("review.empty"))))
    else:
        parts += [
            _summary(rv),
            _feelings(rv, labels),
            _intensity(rv),
            _calendar(rv, labels),
            _ladder(rv, labels),
            _compassion(rv),
            _guardedness(rv, labels),
        ]
        if include_notes:
            parts.append(_notes(rv, labels))
    parts += [
        "</main>",
        f'<footer><p class="muted">{_e(t("review.footer"))}</p></footer>',
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)

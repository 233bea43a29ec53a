"""Terminal charts as plain lines of characters.

Shapes carry the meaning, never colour, so every chart reads the same with
NO_COLOR, on paper and piped. Each function returns strings; the caller
decides where they go. `Glyphs.ascii()` is the fallback for terminals that
are not UTF-8. `--plain` draws no charts at all (the review says the same in
words), so nothing here has to be read aloud.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Mapping, Sequence


@dataclass(frozen=True)
class Glyphs:
    vfill: str  # 0..n fill levels of one cell, bottom-up (index 0 is empty)
    hfill: str  # 0..n fill levels of one cell, left to right
    full: str
    gap: str  # a column with no value
    vline: str
    tick: str
    hline: str
    corner: str
    days: tuple[str, str, str, str]  # no entry, 1, 2, 3 or more
    before: str
    after: str
    both: str
    between: str
    dot: str

    @classmethod
    def unicode(cls) -> "Glyphs":
        return cls(
            vfill=" ▁▂▃▄▅▆▇█",
            hfill=" ▏▎▍▌▋▊▉█",
            full="█",
            gap="·",
            vline="│",
            tick="┤",
            hline="─",
            corner="└",
            days=("·", "▪", "■", "█"),
            before="○",
            after="●",
            both="◉",
            between="─",
            dot="·",
        )

    @classmethod
    def ascii(cls) -> "Glyphs":
        return cls(
            vfill=" -#",
            hfill=" #",
            full="#",
            gap=".",
            vline="|",
            tick="+",
            hline="-",
            corner="+",
            days=(".", "o", "O", "#"),
            before="o",
            after="*",
            both="@",
            between="-",
            dot=".",
        )


def glyphs_for(encoding: str | None) -> Glyphs:
    enc = (encoding or "").lower().replace("-", "").replace("_", "")
    return Glyphs.unicode() if enc.startswith("utf") else Glyphs.ascii()


# -- bars -----------------------------------------------------------------------


def bar(value: float, maximum: float, width: int, g: Glyphs) -> str:
    """A horizontal bar of `width` cells at most, proportional to value/maximum."""
    if maximum <= 0 or value <= 0 or width <= 0:
        return ""
    steps = len(g.hfill) - 1
    units = round(value / maximum * width * steps)
    units = max(units, 1)  # anything counted gets at least a sliver
    full, part = divmod(min(units, width * steps), steps)
    return g.full * full + (g.hfill[part] if part else "")


# -- intensity over time ----------------------------------------------------------


@dataclass(frozen=True)
class Bin:
    start: date
    end: date
    n: int
    mean: float | None


def bins(days: Sequence, start: date, end: date, columns: int) -> tuple[int, list[Bin]]:
    """Group daily values (objects with .day, .n, .mean) into at most `columns` bins.

    Returns (days per bin, bins). A bin's mean is weighted by the number of
    ratings on each day, so it is the mean of all ratings inside it.
    """
    columns = max(1, columns)
    total = (end - start).days + 1
    if total < 1:
        return 1, []
    per = max(1, math.ceil(total / columns))
    count = math.ceil(total / per)
    sums = [0.0] * count
    ns = [0] * count
    for d in days:
        i = (d.day - start).days // per
        if 0 <= i < count:
            sums[i] += d.mean * d.n
            ns[i] += d.n
    out = []
    for i in range(count):
        b_start = start + timedelta(days=i * per)
        b_end = min(end, b_start + timedelta(days=per - 1))
        out.append(Bin(b_start, b_end, ns[i], sums[i] / ns[i] if ns[i] else None))
    return per, out


def columns_chart(values: Sequence[float | None], g: Glyphs, *, height: int = 5, top: float = 10) -> list[str]:
    """A column chart of values between 0 and `top`, with a y axis.

    None is drawn as a gap mark on the bottom row, so "no rating" and "0"
    look different.
    """
    steps = len(g.vfill) - 1
    units = [None if v is None else round(max(0.0, min(top, v)) / top * height * steps) for v in values]
    label_w = len(f"{top:g}")
    rows = []
    for r in range(height - 1, -1, -1):
        cells = []
        for u in units:
            if u is None:
                cells.append(g.gap if r == 0 else " ")
            else:
                cells.append(g.vfill[max(0, min(steps, u - r * steps))])
        if r == height - 1:
            label, axis = f"{top:g}", g.tick
        elif r == 0:
            label, axis = "0", g.tick
        else:
            label, axis = "", g.vline
        rows.append(label.rjust(label_w) + " " + axis + "".join(cells).rstrip())
    rows.append(" " * label_w + " " + g.corner + g.hline * len(values))
    return rows


def axis_dates(left: str, right: str, width: int, indent: int) -> str:
    """Two dates under a chart: one at the left edge, one at the right."""
    if width < len(left) + len(right) + 1:
        return " " * indent + left
    return " " * indent + left + " " * (width - len(left) - len(right)) + right


# -- calendar ----------------------------------------------------------------------


def day_mark(count: int, g: Glyphs) -> str:
    return g.days[min(max(count, 0), 3)]


def calendar_grid(
    counts: Mapping[date, int],
    start: date,
    end: date,
    width: int,
    g: Glyphs,
    weekday_names: Sequence[str],
    month_name: Callable[[int], str],
) -> tuple[list[str], int, int]:
    """Weeks as columns (Monday first), days as rows, one mark per day.

    Shows the most recent weeks that fit in `width`. Returns (lines, weeks
    shown, weeks in the period). Days outside the period are blank.
    """
    label_w = max(len(n) for n in weekday_names) + 1
    first_monday = start - timedelta(days=start.weekday())
    weeks_total = (end - first_monday).days // 7 + 1
    fit = max(1, (width - label_w) // 2)
    shown = min(weeks_total, fit)
    origin = first_monday + timedelta(weeks=weeks_total - shown)

    # a month's name above the week its first day falls in (the first column names
    # the month it starts in); where two would touch, the later month wins
    marks: list[tuple[int, str]] = []
    for w in range(shown):
        monday = origin + timedelta(weeks=w)
        if w == 0:
            marks.append((0, month_name(max(monday, start).month)))
            continue
        for k in range(7):
            d = monday + timedelta(days=k)
            if d.day == 1:
                marks.append((w * 2, month_name(d.month)))
                break
    header = [" "] * (shown * 2 + 8)
    limit = shown * 2 + 1  # stay inside the grid (its last cell has no space after it)
    for pos, name in reversed(marks):
        if pos + len(name) <= limit:
            header[pos : pos + len(name)] = list(name)
            limit = pos - 1
    lines = [" " * label_w + "".join(header).rstrip()]
    for k in range(7):
        cells = []
        for w in range(shown):
            d = origin + timedelta(weeks=w, days=k)
            cells.append(day_mark(counts.get(d, 0), g) if start <= d <= end else " ")
        lines.append(weekday_names[k].ljust(label_w) + " ".join(cells).rstrip())
    return lines, shown, weeks_total


# -- before and after on a 0-10 line ----------------------------------------------


def scale_pair(before: int, after: int, g: Glyphs, top: int = 10) -> str:
    """`before` and `after` as two marks on a line of top+1 cells (0 at the left)."""
    cells = [g.dot] * (top + 1)
    lo, hi = sorted((before, after))
    for i in range(lo + 1, hi):
        cells[i] = g.between
    if before == after:
        cells[before] = g.both
    else:
        cells[before] = g.before
        cells[after] = g.after
    return "".join(cells)

"""Terminal charts: shapes, not colour; ASCII when the terminal is not UTF-8; within the width given."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rich.cells import cell_len

from openness.insights.figures import DayValue
from openness.ui import charts

U, A = charts.Glyphs.unicode(), charts.Glyphs.ascii()


def test_glyphs_follow_the_encoding():
    assert charts.glyphs_for("utf-8") == U
    assert charts.glyphs_for("UTF8") == U
    assert charts.glyphs_for("ascii") == A
    assert charts.glyphs_for("latin-1") == A
    for name, value in vars(A).items():
        text = "".join(value) if isinstance(value, tuple) else value
        assert text.isascii(), name


def test_calendar_marks_are_four_different_characters():
    for g in (U, A):
        assert len(set(g.days)) == 4
        assert [charts.day_mark(n, g) for n in (0, 1, 2, 3, 9)] == [*g.days, g.days[3]]


def test_bar_is_proportional_and_never_wider_than_asked():
    assert charts.bar(10, 10, 20, A) == "#" * 20
    assert charts.bar(5, 10, 20, A) == "#" * 10
    assert charts.bar(0, 10, 20, A) == ""
    assert len(charts.bar(1, 1000, 20, U)) == 1  # anything counted shows at least a sliver
    assert cell_len(charts.bar(7, 10, 9, U)) <= 9


def test_bins_average_the_ratings_inside_each_column():
    start = date(2026, 3, 1)
    days = [DayValue(start, 1, 2.0, 2, 2), DayValue(start + timedelta(days=1), 3, 6.0, 4, 8), DayValue(start + timedelta(days=9), 1, 9.0, 9, 9)]
    per, bins = charts.bins(days, start, start + timedelta(days=9), 5)
    assert per == 2 and len(bins) == 5
    assert bins[0].n == 4 and bins[0].mean == pytest.approx((2 + 3 * 6) / 4)
    assert [b.mean for b in bins[1:4]] == [None, None, None]
    assert bins[4].mean == 9.0 and bins[4].end == start + timedelta(days=9)
    per, bins = charts.bins(days, start, start + timedelta(days=9), 50)
    assert per == 1 and len(bins) == 10


def test_column_chart_tells_zero_from_no_rating():
    rows = charts.columns_chart([0, None, 10, 5], A, height=5)
    bottom = rows[-2]
    body = bottom[bottom.index("+") + 1 :]
    assert body[0] == " " and body[1] == A.gap and body[2] == "#" and body[3] == "#"
    top = rows[0]
    assert top.startswith("10") and top.endswith("#")  # only the 10 reaches the top row
    assert rows[-1].endswith("-" * 4)


def test_calendar_grid_fits_the_width_and_keeps_the_latest_weeks():
    start, end = date(2025, 1, 1), date(2026, 3, 12)
    counts = {end: 1, end - timedelta(days=1): 2, end - timedelta(days=2): 5, start: 1}
    names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    lines, shown, total = charts.calendar_grid(counts, start, end, 58, U, names, lambda m: months[m])
    assert all(cell_len(line) <= 58 for line in lines)
    assert len(lines) == 8 and shown < total and shown == (58 - 4) // 2
    thursday = lines[1 + end.weekday()]  # 12 March 2026 is a Thursday
    assert thursday.endswith(U.days[1])
    assert lines[1 + (end - timedelta(days=1)).weekday()].endswith(U.days[2])
    assert lines[1 + (end - timedelta(days=2)).weekday()].endswith(U.days[3])
    assert "Mar" in lines[0] and "Feb" in lines[0]


def test_calendar_grid_leaves_days_outside_the_period_blank():
    start, end = date(2026, 3, 4), date(2026, 3, 5)  # a Wednesday and a Thursday
    lines, shown, total = charts.calendar_grid({}, start, end, 60, A, list("MTWTFSS"), lambda m: "Mar")
    assert shown == total == 1
    assert [line[2:] for line in lines[1:]] == ["", "", ".", ".", "", "", ""]


def test_scale_pair_marks_before_and_after_on_0_to_10():
    assert charts.scale_pair(8, 5, A) == ".....*--o.."
    assert charts.scale_pair(2, 2, A) == "..@........"
    assert charts.scale_pair(0, 10, U) == "○─────────●"

"""The review figures on a hand-made journal whose answers are worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from openness.insights import SinceError, build, parse_since
from openness.insights import figures as fg
from openness.records import Record

import handmade as hm


@pytest.fixture
def rv():
    return build(hm.entries(), now=hm.NOW)


def test_counts(rv):
    c = rv.counts
    assert (c.entries, c.checkins, c.exercises, c.notes) == (
        hm.EXPECTED["entries"], hm.EXPECTED["checkins"], hm.EXPECTED["exercises"], hm.EXPECTED["notes"])
    assert c.days == hm.EXPECTED["days"]
    assert c.feelings == hm.EXPECTED["feelings"]
    assert not rv.empty and not rv.little_data


def test_emotions_words_quadrants_and_mean(rv):
    e = rv.emotions
    assert e.n == 5
    assert [(w.word, w.count) for w in e.words] == hm.EXPECTED["words"]
    assert dict(e.quadrants) == hm.EXPECTED["quadrants"]
    assert e.placed == 5
    assert e.intensity_n == 5
    assert e.intensity_mean == pytest.approx(hm.EXPECTED["intensity_mean"])


def test_intensity_by_day_and_the_two_halves(rv):
    i = rv.intensity
    first = i.days[0]
    assert (first.day, first.n, first.mean, first.low, first.high) == (date(2026, 3, 2), 2, 7.0, 6, 8)
    assert [d.day.day for d in i.days] == [2, 4, 9, 10]
    assert i.first_half_mean == pytest.approx(hm.EXPECTED["first_half_mean"]) and i.first_half_n == 3
    assert i.second_half_mean == pytest.approx(hm.EXPECTED["second_half_mean"]) and i.second_half_n == 2


def test_an_entry_belongs_to_the_day_where_it_was_written(rv):
    cal = rv.calendar.as_dict()
    # 2 March: two check-ins in Karachi and the late note in New York (already 3 March in UTC)
    assert cal[date(2026, 3, 2)] == 3
    assert cal[date(2026, 3, 3)] == 2
    assert sum(cal.values()) == 18
    assert rv.calendar.start == date(2026, 3, 1) and rv.calendar.end == date(2026, 3, 12)


def test_the_sharing_ladder(rv):
    lad = rv.ladder
    assert (lad.plans, lad.followups, lad.shared, lad.not_yet) == (3, 4, 3, 1)
    assert lad.pairs == 3
    assert lad.expected_mean == pytest.approx(hm.EXPECTED["expected_mean"])
    assert lad.actual_mean == pytest.approx(hm.EXPECTED["actual_mean"])
    assert lad.easier_by == pytest.approx(hm.EXPECTED["easier_by"])
    assert (lad.easier, lad.same, lad.harder) == (2, 0, 1)
    by = {lv.level: lv for lv in lad.levels}
    assert [lv.level for lv in lad.levels] == list(fg.LEVELS)
    assert (by["opinion"].planned, by["opinion"].predicted_mean, by["opinion"].done) == (2, 6.0, 1)
    assert (by["worry"].planned, by["worry"].done, by["worry"].expected_mean, by["worry"].actual_mean) == (1, 1, 6.0, 8.0)
    assert (by["preference"].planned, by["preference"].done) == (0, 1)
    assert by["hope"].planned == by["hope"].done == 0 and by["hope"].expected_mean is None
    assert dict(lad.responses) == {"warm": 1, "neutral": 1, "dismissive": 1, "mixed": 0, "not_yet_shared": 1}
    # "not yet shared" keeps its expectation but has no actual discomfort
    assert lad.shares[-1].response == "not_yet_shared" and lad.shares[-1].actual is None


def test_the_easier_than_expected_example_from_the_issue():
    rows = [
        Record(kind="exercise", exercise="start-small", created=hm.at(d),
               answers={"mode": "followup", "level_done": "opinion", "expected": e, "actual": a, "response": "warm"}, text="")
        for d, e, a in ((1, 8, 5), (2, 6, 4), (3, 7, 5))
    ]
    lad = build(rows, now=hm.NOW).ladder
    assert round(lad.easier_by, 1) == 2.3
    from openness.ui.review import ladder_summary

    assert ladder_summary(lad) == "On average it went 2.3 points easier than you expected (from 3 shares)."


def test_self_compassion_before_and_after(rv):
    sc = rv.self_compassion
    assert [(s.before, s.after) for s in sc.sessions] == [(8, 5), (6, 6), (7, 8)]
    assert sc.n == 3
    assert sc.before_mean == pytest.approx(7.0)
    assert sc.after_mean == pytest.approx(19 / 3)
    assert (sc.less, sc.same, sc.more) == (1, 1, 1)


def test_guardedness_answers_side_by_side_without_a_score(rv):
    g = rv.guardedness
    assert [c.day for c in g.checks] == [date(2026, 3, 1), date(2026, 3, 12)]
    assert g.checks[0].answer("signs") == ("loneliness", "isolated")
    assert g.changed("trusted_people") and g.changed("basis") and g.changed("signs")
    assert not g.changed("want_closer")
    assert not any("score" in f for f in fg.Guardedness.__dataclass_fields__)


def test_free_text_is_kept_out_unless_asked_for():
    assert build(hm.entries(), now=hm.NOW).notes is None
    notes = build(hm.entries(), now=hm.NOW, include_notes=True).notes
    assert [w.text for w in notes if w.kind == "note"] == [hm.NOTE_TEXT]
    assert hm.THOUGHT in [w.text for w in notes]


def test_since_keeps_only_the_period():
    since = parse_since("2026-03-09", hm.NOW)
    rv = build(hm.entries(), now=hm.NOW, since=since)
    assert rv.since == date(2026, 3, 9)
    assert rv.counts.entries == 6  # 9 (2), 10, 11, 12 (2)
    assert rv.emotions.n == 2 and rv.ladder.followups == 2
    assert rv.calendar.start == date(2026, 3, 9)


def test_empty_and_little_data():
    empty = build([], now=hm.NOW)
    assert empty.empty and not empty.little_data
    assert empty.emotions.intensity_mean is None and empty.ladder.easier_by is None
    assert empty.calendar.days == ()
    two = build(hm.entries()[:2], now=hm.NOW)
    assert two.little_data and two.counts.entries == 2


def test_odd_answers_are_left_out_not_counted_as_zero():
    rows = [
        Record(kind="checkin", exercise="checkin", created=hm.at(1), text="",
               answers={"feeling": {"pleasantness": "pleasant", "energy": "high", "words": ["calm", "calm"], "intensity": "7"}}),
        Record(kind="checkin", exercise="checkin", created=hm.at(2), text="", answers={"feeling": "not a dict"}),
        Record(kind="exercise", exercise="self-compassion", created=hm.at(3), text="", answers={"before": 11, "after": 3}),
        Record(kind="exercise", exercise="start-small", created=hm.at(4), text="",
               answers={"mode": "followup", "expected": True, "actual": 2, "response": "warm"}),
    ]
    rv = build(rows, now=hm.NOW)
    assert rv.emotions.n == 1 and rv.emotions.intensity_n == 0
    assert [(w.word, w.count) for w in rv.emotions.words] == [("calm", 1)]  # a word twice in one answer counts once
    assert rv.self_compassion.n == 0
    assert rv.ladder.pairs == 0 and rv.ladder.shared == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("7d", datetime(2026, 3, 6, tzinfo=hm.PK)),
        ("30d", datetime(2026, 2, 11, tzinfo=hm.PK)),
        ("1d", datetime(2026, 3, 12, tzinfo=hm.PK)),
        (" 2026-03-01 ", datetime(2026, 3, 1, tzinfo=hm.PK)),
        (None, None),
        ("all", None),
    ],
)
def test_parse_since(text, expected):
    assert parse_since(text, hm.NOW) == expected


@pytest.mark.parametrize("text", ["7x", "0d", "2026-13-01", "yesterday", "-7d"])
def test_parse_since_refuses_what_it_does_not_understand(text):
    with pytest.raises(SinceError):
        parse_since(text, hm.NOW)


def test_ten_thousand_entries_reduce_to_small_figures():
    base = hm.at(1, 0)  # midnight: eight check-ins a day, 1250 days
    rows = [
        hm.checkin(base + timedelta(hours=3 * i), "unpleasant" if i % 3 else "pleasant", "low" if i % 2 else "high",
                   ["lonely"] if i % 3 else ["calm"], i % 11)
        for i in range(10_000)
    ]
    rv = build(rows, now=base + timedelta(days=1300))
    assert rv.emotions.n == 10_000
    assert sum(c for _, c in rv.emotions.quadrants) == 10_000
    assert rv.intensity.n == 10_000 and len(rv.intensity.days) == 1250
    assert rv.emotions.intensity_mean == pytest.approx(sum(i % 11 for i in range(10_000)) / 10_000)

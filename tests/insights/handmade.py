"""A small hand-made journal whose review figures are worked out by hand below.

Used by the insights, terminal and report tests. Times are in Karachi
(+05:00) except one evening entry written in New York (-04:00), which
belongs to the day it was written there, not the UTC day.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from openness.records import Record

PK = timezone(timedelta(hours=5))
NY = timezone(timedelta(hours=-4))
NOW = datetime(2026, 3, 12, 18, 0, tzinfo=PK)

NOTE_TEXT = "Told nobody <script>alert(1)</script> [red]about it[/red]"
THOUGHT = "I always make things awkward"


def at(day: int, hour: int = 10, tz=PK) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=tz)


def feeling(p: str, e: str, words: list[str], intensity: int) -> dict:
    return {"pleasantness": p, "energy": e, "words": words, "intensity": intensity}


def checkin(when, p, e, words, intensity, note: str = "") -> Record:
    answers = {"feeling": feeling(p, e, words, intensity), "naming_felt": "mixed"}
    if note:
        answers["note"] = note
    return Record(kind="checkin", exercise="checkin", answers=answers, text=note, created=when)


def exercise(when, exercise_id: str, answers: dict, text: str = "") -> Record:
    return Record(kind="exercise", exercise=exercise_id, answers=answers, text=text, created=when)


def entries() -> list[Record]:
    rows = [
        # the guardedness self-check, first time
        exercise(at(1, 9), "guardedness-check",
                 {"trusted_people": "none", "want_closer": True, "basis": "past", "signs": ["loneliness", "isolated"]}),
        exercise(at(1, 11), "start-small",
                 {"mode": "plan", "person": "Sam", "level": "opinion", "predicted": 7, "timing": "this_week"}, "Sam"),
        checkin(at(2, 9), "unpleasant", "low", ["lonely", "tired"], 6),
        checkin(at(2, 21), "unpleasant", "high", ["anxious"], 8),
        # 23:30 in New York on 2 March is 3 March in UTC and in Karachi: it belongs to 2 March
        Record(kind="note", exercise=None, answers={}, text=NOTE_TEXT, created=datetime(2026, 3, 2, 23, 30, tzinfo=NY)),
        exercise(at(3, 8), "start-small",
                 {"mode": "plan", "person": "Ayesha", "level": "worry", "predicted": 8, "timing": "later"}, "Ayesha"),
        exercise(at(3, 12), "self-compassion",
                 {"thought": THOUGHT, "before": 8, "friend": "You are not", "rewrite": "Sometimes", "after": 5},
                 THOUGHT),
        checkin(at(4), "pleasant", "low", ["calm"], 3),
        exercise(at(5), "start-small",
                 {"mode": "plan", "person": "Sam", "level": "opinion", "predicted": 5, "timing": "today"}, "Sam"),
        exercise(at(6), "start-small",
                 {"mode": "followup", "level_done": "opinion", "expected": 7, "response": "warm", "actual": 4}),
        exercise(at(7), "self-compassion",
                 {"thought": "x", "before": 6, "friend": "y", "rewrite": "z", "after": 6}, "x"),
        exercise(at(8), "start-small",
                 {"mode": "followup", "level_done": "preference", "expected": 5, "response": "neutral", "actual": 3}),
        checkin(at(9), "unpleasant", "low", ["lonely"], 5),
        exercise(at(9, 15), "start-small",
                 {"mode": "followup", "level_done": "worry", "expected": 6, "response": "dismissive", "actual": 8}),
        exercise(at(10), "name-emotions",
                 {"feeling": feeling("pleasant", "high", ["hopeful"], 4), "naming_felt": "relieved"}),
        exercise(at(11), "start-small",
                 {"mode": "followup", "level_done": "opinion", "expected": 6, "response": "not_yet_shared"}),
        exercise(at(12, 9), "self-compassion",
                 {"thought": "w", "before": 7, "friend": "v", "rewrite": "u", "after": 8}, "w"),
        exercise(at(12, 10), "guardedness-check",
                 {"trusted_people": "one", "want_closer": True, "basis": "both", "signs": ["none"]}),
    ]
    return sorted(rows, key=lambda r: r.created)


# The answers, worked out by hand from the entries above.
EXPECTED = {
    "entries": 18,
    "checkins": 4,
    "notes": 1,
    "exercises": 13,
    "days": 12,  # 1-12 March, every day has something (the New York note is on the 2nd)
    "feelings": 5,  # four check-ins and one name-emotions
    "words": [("lonely", 2), ("anxious", 1), ("calm", 1), ("hopeful", 1), ("tired", 1)],
    "quadrants": {"pleasant-high": 1, "pleasant-low": 1, "unpleasant-high": 1, "unpleasant-low": 2},
    "intensity_mean": 26 / 5,  # 6 + 8 + 3 + 5 + 4
    "first_half_mean": 17 / 3,  # 2, 4 March (middle day is 6 March): 6, 8, 3
    "second_half_mean": 4.5,  # 9, 10 March: 5, 4
    "expected_mean": 6.0,  # 7, 5, 6
    "actual_mean": 5.0,  # 4, 3, 8
    "easier_by": 1.0,  # (3 + 2 - 2) / 3
}

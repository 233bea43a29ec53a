"""The figures of a review, computed from journal entries.

Each function takes the entries (oldest first, as the journal yields them)
and returns a frozen dataclass. Averages always travel with the number of
answers they come from, and a missing answer is left out rather than
counted as zero. Nothing here judges: no score, no streak, no target.

The day of an entry is the calendar day where it was written (its own UTC
offset), because that is the day the person lived it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterable, Sequence

from openness.records import Record

QUADRANTS = ("pleasant-high", "pleasant-low", "unpleasant-high", "unpleasant-low")
EMOTION_STEP = "feeling"  # the step id of the emotion picker (checkin, name-emotions, say-it)
LEVELS = ("preference", "opinion", "minor_frustration", "worry", "hope", "deeper_feeling")
RESPONSES = ("warm", "neutral", "dismissive", "mixed", "not_yet_shared")
NOT_YET = "not_yet_shared"
GUARD_QUESTIONS = ("trusted_people", "want_closer", "basis", "signs")
LITTLE_DATA = 5  # fewer entries than this: say kindly that patterns need a few more


# -- small helpers ---------------------------------------------------------------


def _day(r: Record) -> date:
    return r.created.date()


def _scale(value: Any, lo: int = 0, hi: int = 10) -> int | None:
    """A 0-10 answer, or None when it is missing or not a number in range."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if value != value or value < lo or value > hi:  # NaN or out of range
        return None
    return int(round(value))


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _feeling(r: Record) -> dict[str, Any] | None:
    value = r.answers.get(EMOTION_STEP) if isinstance(r.answers, dict) else None
    return value if isinstance(value, dict) else None


def _is(r: Record, exercise: str) -> bool:
    return r.exercise == exercise and isinstance(r.answers, dict)


# -- counts ----------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    entries: int
    checkins: int
    exercises: int
    notes: int
    days: int  # days with at least one entry
    feelings: int  # entries with a named feeling (check-ins and emotion exercises)


def counts(entries: Iterable[Record]) -> Counts:
    n = checkins = exercises = notes = feelings = 0
    days: set[date] = set()
    for r in entries:
        n += 1
        days.add(_day(r))
        if r.kind == "checkin":
            checkins += 1
        elif r.kind == "note":
            notes += 1
        else:
            exercises += 1
        if _feeling(r) is not None:
            feelings += 1
    return Counts(entries=n, checkins=checkins, exercises=exercises, notes=notes, days=len(days), feelings=feelings)


# -- feelings --------------------------------------------------------------------


@dataclass(frozen=True)
class WordCount:
    word: str  # the vocabulary id
    count: int


@dataclass(frozen=True)
class Emotions:
    n: int  # feelings recorded (each check-in or emotion exercise counts once)
    words: tuple[WordCount, ...]  # every word named, most often first (ties by id)
    quadrants: tuple[tuple[str, int], ...]  # (quadrant, feelings in it), in QUADRANTS order
    placed: int  # feelings with both pleasantness and energy given (the quadrants' total)
    intensity_n: int
    intensity_mean: float | None

    def quadrant(self, name: str) -> int:
        return dict(self.quadrants)[name]


def emotions(entries: Iterable[Record]) -> Emotions:
    n = 0
    words: dict[str, int] = {}
    quads = dict.fromkeys(QUADRANTS, 0)
    strengths: list[int] = []
    for r in entries:
        f = _feeling(r)
        if f is None:
            continue
        n += 1
        seen: set[str] = set()
        for w in f.get("words") or ():
            if isinstance(w, str) and w not in seen:  # a word twice in one answer counts once
                seen.add(w)
                words[w] = words.get(w, 0) + 1
        q = f"{f.get('pleasantness')}-{f.get('energy')}"
        if q in quads:
            quads[q] += 1
        s = _scale(f.get("intensity"))
        if s is not None:
            strengths.append(s)
    ranked = tuple(WordCount(w, c) for w, c in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])))
    return Emotions(
        n=n,
        words=ranked,
        quadrants=tuple((q, quads[q]) for q in QUADRANTS),
        placed=sum(quads.values()),
        intensity_n=len(strengths),
        intensity_mean=mean(strengths),
    )


# -- intensity over time ---------------------------------------------------------


@dataclass(frozen=True)
class DayValue:
    day: date
    n: int
    mean: float
    low: int
    high: int


@dataclass(frozen=True)
class Intensity:
    days: tuple[DayValue, ...]  # days with at least one rated feeling, oldest first
    n: int
    mean: float | None
    # the trend in words: the period's rated days split at the middle date
    first_half_n: int
    first_half_mean: float | None
    second_half_n: int
    second_half_mean: float | None


def intensity(entries: Iterable[Record]) -> Intensity:
    by_day: dict[date, list[int]] = {}
    for r in entries:
        f = _feeling(r)
        if f is None:
            continue
        s = _scale(f.get("intensity"))
        if s is not None:
            by_day.setdefault(_day(r), []).append(s)
    days = tuple(
        DayValue(day=d, n=len(v), mean=sum(v) / len(v), low=min(v), high=max(v)) for d, v in sorted(by_day.items())
    )
    allv = [x for v in by_day.values() for x in v]
    first: list[int] = []
    second: list[int] = []
    if len(days) >= 2:
        start, end = days[0].day, days[-1].day
        middle = start + (end - start) / 2
        for d, v in by_day.items():
            (first if d <= middle else second).extend(v)
    return Intensity(
        days=days,
        n=len(allv),
        mean=mean(allv),
        first_half_n=len(first),
        first_half_mean=mean(first),
        second_half_n=len(second),
        second_half_mean=mean(second),
    )


# -- calendar --------------------------------------------------------------------


@dataclass(frozen=True)
class DayCount:
    day: date
    count: int


@dataclass(frozen=True)
class Calendar:
    start: date
    end: date
    days: tuple[DayCount, ...]  # days with at least one entry, oldest first

    def as_dict(self) -> dict[date, int]:
        return {d.day: d.count for d in self.days}


def calendar(entries: Iterable[Record], start: date | None, end: date) -> Calendar:
    """Entries per day. `start` None means from the first entry's day."""
    per: dict[date, int] = {}
    for r in entries:
        d = _day(r)
        per[d] = per.get(d, 0) + 1
    first = start or (min(per) if per else end)
    last = max(end, max(per)) if per else end
    return Calendar(start=first, end=last, days=tuple(DayCount(d, c) for d, c in sorted(per.items())))


# -- the sharing ladder (start-small) --------------------------------------------


@dataclass(frozen=True)
class LevelRow:
    level: str
    planned: int  # plans made for this step
    predicted_n: int
    predicted_mean: float | None  # how uncomfortable the plans guessed it would be
    done: int  # follow-ups where it was shared (not "not yet")
    pairs: int  # follow-ups with both an expected and an actual discomfort
    expected_mean: float | None
    actual_mean: float | None


@dataclass(frozen=True)
class Share:
    day: date
    level: str | None
    expected: int | None
    actual: int | None
    response: str | None


@dataclass(frozen=True)
class Ladder:
    plans: int
    followups: int
    shared: int  # follow-ups saying it was shared
    not_yet: int  # follow-ups saying "I haven't shared it yet"
    levels: tuple[LevelRow, ...]  # all six steps, in ladder order
    pairs: int  # shares with both numbers
    expected_mean: float | None
    actual_mean: float | None
    easier_by: float | None  # mean of (expected - actual): above 0 means easier than expected
    easier: int  # shares that went easier than expected
    same: int
    harder: int
    responses: tuple[tuple[str, int], ...]  # (response, count), in RESPONSES order, then any others
    shares: tuple[Share, ...]  # every follow-up, oldest first


def ladder(entries: Iterable[Record]) -> Ladder:
    planned = dict.fromkeys(LEVELS, 0)
    predicted: dict[str, list[int]] = {lv: [] for lv in LEVELS}
    done = dict.fromkeys(LEVELS, 0)
    exp_by: dict[str, list[int]] = {lv: [] for lv in LEVELS}
    act_by: dict[str, list[int]] = {lv: [] for lv in LEVELS}
    responses: dict[str, int] = dict.fromkeys(RESPONSES, 0)
    shares: list[Share] = []
    diffs: list[int] = []
    exps: list[int] = []
    acts: list[int] = []
    plans = followups = shared = not_yet = 0
    for r in entries:
        if not _is(r, "start-small"):
            continue
        a = r.answers
        mode = a.get("mode")
        if mode == "plan":
            plans += 1
            lv = a.get("level")
            if lv in planned:
                planned[lv] += 1
                p = _scale(a.get("predicted"))
                if p is not None:
                    predicted[lv].append(p)
        elif mode == "followup":
            followups += 1
            lv = a.get("level_done")
            lv = lv if lv in done else None
            resp = a.get("response") if isinstance(a.get("response"), str) else None
            if resp is not None:
                responses[resp] = responses.get(resp, 0) + 1
            e = _scale(a.get("expected"))
            act = None
            if resp == NOT_YET:
                not_yet += 1
            else:
                shared += 1
                act = _scale(a.get("actual"))
                if lv is not None:
                    done[lv] += 1
                if e is not None and act is not None:
                    exps.append(e)
                    acts.append(act)
                    diffs.append(e - act)
                    if lv is not None:
                        exp_by[lv].append(e)
                        act_by[lv].append(act)
            shares.append(Share(day=_day(r), level=lv, expected=e, actual=act, response=resp))
    levels = tuple(
        LevelRow(
            level=lv,
            planned=planned[lv],
            predicted_n=len(predicted[lv]),
            predicted_mean=mean(predicted[lv]),
            done=done[lv],
            pairs=len(exp_by[lv]),
            expected_mean=mean(exp_by[lv]),
            actual_mean=mean(act_by[lv]),
        )
        for lv in LEVELS
    )
    return Ladder(
        plans=plans,
        followups=followups,
        shared=shared,
        not_yet=not_yet,
        levels=levels,
        pairs=len(diffs),
        expected_mean=mean(exps),
        actual_mean=mean(acts),
        easier_by=mean(diffs),
        easier=sum(1 for d in diffs if d > 0),
        same=sum(1 for d in diffs if d == 0),
        harder=sum(1 for d in diffs if d < 0),
        responses=tuple((k, v) for k, v in responses.items() if v or k in RESPONSES),
        shares=tuple(shares),
    )


# -- self-compassion -------------------------------------------------------------


@dataclass(frozen=True)
class Rewrite:
    day: date
    before: int
    after: int


@dataclass(frozen=True)
class SelfCompassion:
    sessions: tuple[Rewrite, ...]  # exercises with both numbers, oldest first
    before_mean: float | None
    after_mean: float | None
    less: int  # the thought felt less strong after the rewrite
    same: int
    more: int

    @property
    def n(self) -> int:
        return len(self.sessions)


def self_compassion(entries: Iterable[Record]) -> SelfCompassion:
    out: list[Rewrite] = []
    for r in entries:
        if not _is(r, "self-compassion"):
            continue
        b, a = _scale(r.answers.get("before")), _scale(r.answers.get("after"))
        if b is not None and a is not None:
            out.append(Rewrite(day=_day(r), before=b, after=a))
    return SelfCompassion(
        sessions=tuple(out),
        before_mean=mean([s.before for s in out]),
        after_mean=mean([s.after for s in out]),
        less=sum(1 for s in out if s.after < s.before),
        same=sum(1 for s in out if s.after == s.before),
        more=sum(1 for s in out if s.after > s.before),
    )


# -- the guardedness self-check --------------------------------------------------


@dataclass(frozen=True)
class Check:
    created: datetime
    answers: tuple[tuple[str, Any], ...]  # (question id, answer) for the questions answered

    @property
    def day(self) -> date:
        return self.created.date()

    def answer(self, question: str) -> Any:
        return dict(self.answers).get(question)


@dataclass(frozen=True)
class Guardedness:
    questions: tuple[str, ...]
    checks: tuple[Check, ...]  # oldest first

    def changed(self, question: str) -> bool:
        """Whether the answer to `question` differs between the first and the latest check."""
        if len(self.checks) < 2:
            return False
        return self.checks[0].answer(question) != self.checks[-1].answer(question)


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    return value


def guardedness(entries: Iterable[Record], questions: Sequence[str] = GUARD_QUESTIONS) -> Guardedness:
    checks = []
    for r in entries:
        if not _is(r, "guardedness-check"):
            continue
        ans = tuple((q, _frozen(r.answers[q])) for q in questions if r.answers.get(q) not in (None, ""))
        if ans:
            checks.append(Check(created=r.created, answers=ans))
    return Guardedness(questions=tuple(questions), checks=tuple(checks))


# -- what was written (only when asked for) --------------------------------------


@dataclass(frozen=True)
class Written:
    created: datetime
    kind: str
    exercise: str | None
    text: str


def written(entries: Iterable[Record]) -> tuple[Written, ...]:
    return tuple(
        Written(created=r.created, kind=r.kind, exercise=r.exercise, text=r.text.strip())
        for r in entries
        if isinstance(r.text, str) and r.text.strip()
    )


# -- the whole review ------------------------------------------------------------


@dataclass(frozen=True)
class Review:
    since: date | None  # None: every entry
    until: date
    counts: Counts
    emotions: Emotions
    intensity: Intensity
    calendar: Calendar
    ladder: Ladder
    self_compassion: SelfCompassion
    guardedness: Guardedness
    notes: tuple[Written, ...] | None  # None unless free text was asked for

    @property
    def empty(self) -> bool:
        return self.counts.entries == 0

    @property
    def little_data(self) -> bool:
        return 0 < self.counts.entries < LITTLE_DATA


def build(
    entries: Iterable[Record],
    *,
    now: datetime,
    since: datetime | None = None,
    guard_questions: Sequence[str] = GUARD_QUESTIONS,
    include_notes: bool = False,
) -> Review:
    """The whole review of `entries` (those on or after `since`, up to `now`)."""
    rows = list(entries)
    if since is not None:
        rows = [r for r in rows if r.created >= since]
    start = since.date() if since is not None else None
    return Review(
        since=start,
        until=now.date(),
        counts=counts(rows),
        emotions=emotions(rows),
        intensity=intensity(rows),
        calendar=calendar(rows, start, now.date()),
        ladder=ladder(rows),
        self_compassion=self_compassion(rows),
        guardedness=guardedness(rows, guard_questions),
        notes=written(rows) if include_notes else None,
    )

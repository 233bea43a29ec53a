"""The stable JSON shape of a review (`openness review --json`), pinned by a test.

Ids, never translated labels, so scripts can rely on them; dates as
YYYY-MM-DD; averages rounded to 2 decimals and always beside their count.
`schema` goes up only when the shape changes in a way that breaks readers.
"""

from __future__ import annotations

from typing import Any

from openness.insights.figures import Review

SCHEMA = 1


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def review_json(rv: Review) -> dict[str, Any]:
    c, e, i, lad, sc, g = rv.counts, rv.emotions, rv.intensity, rv.ladder, rv.self_compassion, rv.guardedness
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "period": {
            "since": rv.since.isoformat() if rv.since else None,
            "until": rv.until.isoformat(),
        },
        "counts": {
            "entries": c.entries,
            "checkins": c.checkins,
            "exercises": c.exercises,
            "notes": c.notes,
            "days_with_entries": c.days,
            "feelings": c.feelings,
        },
        "little_data": rv.little_data,
        "emotions": {
            "n": e.n,
            "words": [{"id": w.word, "count": w.count} for w in e.words],
            "quadrants": dict(e.quadrants),
            "intensity": {"n": e.intensity_n, "mean": _r(e.intensity_mean)},
        },
        "intensity_by_day": [
            {"date": d.day.isoformat(), "n": d.n, "mean": _r(d.mean), "min": d.low, "max": d.high} for d in i.days
        ],
        "intensity_halves": {
            "first": {"n": i.first_half_n, "mean": _r(i.first_half_mean)},
            "second": {"n": i.second_half_n, "mean": _r(i.second_half_mean)},
        },
        "calendar": [{"date": d.day.isoformat(), "entries": d.count} for d in rv.calendar.days],
        "ladder": {
            "plans": lad.plans,
            "followups": lad.followups,
            "shared": lad.shared,
            "not_yet_shared": lad.not_yet,
            "levels": [
                {
                    "level": lv.level,
                    "planned": lv.planned,
                    "predicted": {"n": lv.predicted_n, "mean": _r(lv.predicted_mean)},
                    "done": lv.done,
                    "expected": {"n": lv.pairs, "mean": _r(lv.expected_mean)},
                    "actual": {"n": lv.pairs, "mean": _r(lv.actual_mean)},
                }
                for lv in lad.levels
            ],
            "expected_vs_actual": {
                "n": lad.pairs,
                "expected_mean": _r(lad.expected_mean),
                "actual_mean": _r(lad.actual_mean),
                "easier_by": _r(lad.easier_by),
                "easier": lad.easier,
                "same": lad.same,
                "harder": lad.harder,
            },
            "responses": dict(lad.responses),
        },
        "self_compassion": {
            "n": sc.n,
            "before_mean": _r(sc.before_mean),
            "after_mean": _r(sc.after_mean),
            "felt_less": sc.less,
            "felt_same": sc.same,
            "felt_more": sc.more,
            "sessions": [{"date": s.day.isoformat(), "before": s.before, "after": s.after} for s in sc.sessions],
        },
        "guardedness": {
            "questions": list(g.questions),
            "checks": [
                {
                    "date": ch.day.isoformat(),
                    "answers": {q: list(v) if isinstance(v, tuple) else v for q, v in ch.answers},
                }
                for ch in g.checks
            ],
        },
    }
    if rv.notes is not None:
        out["notes"] = [
            {"created": w.created.isoformat(timespec="seconds"), "kind": w.kind, "exercise": w.exercise, "text": w.text}
            for w in rv.notes
        ]
    return out

"""`openness review` at scale, as whole processes.

Builds a journal of --entries (default 10,000) realistic entries spread over
about three years: mostly check-ins with a named feeling, some notes, and
the exercises the review reads (start-small plans and follow-ups,
self-compassion, the guardedness self-check) plus a few others. Then times,
as a person runs them (piped to /dev/null, median of --repeat runs):

  openness review                      the terminal review, 60 columns, NO_COLOR
  openness review --plain              sentences and simple tables
  openness review --json               the figures for scripts
  openness review --since 30d          one month
  openness review --report FILE.html   the printable page

and, with --encrypted, the same review of an encrypted copy of the journal
(OPENNESS_PASSPHRASE set, so the passphrase is not typed).

    .venv/bin/python benchmarks/review_bench.py [--entries 10000] [--repeat 7] [--encrypted]

Run by hand, never in CI. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

EXE = str(Path(sys.executable).with_name("openness"))
PASSPHRASE = "benchmark passphrase 42"
QUADRANT_WORDS = {
    ("pleasant", "high"): ["hopeful", "excited", "proud", "curious", "happy"],
    ("pleasant", "low"): ["calm", "relieved", "content", "grateful", "safe"],
    ("unpleasant", "high"): ["anxious", "angry", "nervous", "frustrated"],
    ("unpleasant", "low"): ["lonely", "tired", "sad", "numb"],
}
LEVELS = ["preference", "opinion", "minor_frustration", "worry", "hope", "deeper_feeling"]
NOTE = "Quiet day. I wanted to call my sister and tell her how the week went, but I kept putting it off."


def records(n: int, seed: int = 7):
    from openness.records import Record

    rng = random.Random(seed)
    now = datetime.now().astimezone()
    start = now - timedelta(days=3 * 365)
    step = (now - start) / n
    for i in range(n):
        when = start + step * i + timedelta(minutes=rng.randint(0, 30))
        roll = rng.random()
        if roll < 0.62:
            (p, e), words = rng.choice(list(QUADRANT_WORDS.items()))
            feeling = {"pleasantness": p, "energy": e, "words": rng.sample(words, rng.randint(1, 2)),
                       "intensity": rng.randint(0, 10)}
            note = NOTE if rng.random() < 0.3 else ""
            answers = {"feeling": feeling, "naming_felt": rng.choice(["uneasy", "relieved", "mixed"])}
            if note:
                answers["note"] = note
            yield Record(kind="checkin", exercise="checkin", answers=answers, text=note, created=when)
        elif roll < 0.72:
            yield Record(kind="note", exercise=None, answers={}, text=NOTE, created=when)
        elif roll < 0.80:
            yield Record(kind="exercise", exercise="start-small", text="Sam", created=when,
                         answers={"mode": "plan", "person": "Sam", "level": rng.choice(LEVELS),
                                  "predicted": rng.randint(2, 9), "timing": "this_week"})
        elif roll < 0.87:
            resp = rng.choice(["warm", "warm", "neutral", "mixed", "dismissive", "not_yet_shared"])
            a = {"mode": "followup", "level_done": rng.choice(LEVELS), "expected": rng.randint(3, 9), "response": resp}
            if resp != "not_yet_shared":
                a["actual"] = rng.randint(1, 8)
            yield Record(kind="exercise", exercise="start-small", answers=a, text="", created=when)
        elif roll < 0.93:
            yield Record(kind="exercise", exercise="self-compassion", text="I always get it wrong", created=when,
                         answers={"thought": "I always get it wrong", "before": rng.randint(5, 10), "friend": "No",
                                  "rewrite": "Sometimes", "after": rng.randint(2, 8)})
        elif roll < 0.96:
            yield Record(kind="exercise", exercise="guardedness-check", text="", created=when,
                         answers={"trusted_people": rng.choice(["none", "one", "two_or_more"]),
                                  "want_closer": rng.random() < 0.6, "basis": rng.choice(["past", "present", "both"]),
                                  "signs": rng.sample(["loneliness", "isolated", "pushing_away"], 2)})
        else:
            feeling = {"pleasantness": "pleasant", "energy": "low", "words": ["calm"], "intensity": rng.randint(0, 10)}
            yield Record(kind="exercise", exercise="name-emotions", text="", created=when,
                         answers={"feeling": feeling, "naming_felt": "relieved"})


def build(home: Path, n: int) -> None:
    from openness.journal.store import Journal

    home.mkdir(parents=True, exist_ok=True)
    with Journal.open(home / "journal.sqlite3") as j:
        for r in records(n):
            j.add(r)


def timed(cmd: list[str], env: dict[str, str], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, min(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--encrypted", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        t0 = time.perf_counter()
        build(home, args.entries)
        print(f"built a journal of {args.entries:,} entries in {time.perf_counter() - t0:.1f} s\n")
        env = {**os.environ, "OPENNESS_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "60"}
        env.pop("OPENNESS_PASSPHRASE", None)
        report = str(Path(tmp) / "review.html")
        cases = [
            ("openness review", [EXE, "review"]),
            ("openness review --plain", [EXE, "review", "--plain"]),
            ("openness review --json", [EXE, "review", "--json"]),
            ("openness review --since 30d", [EXE, "review", "--since", "30d"]),
            ("openness review --report FILE.html", [EXE, "review", "--report", report]),
            ("openness --version (start-up alone)", [EXE, "--version"]),
        ]
        rows = [(name, *timed(cmd, env, args.repeat)) for name, cmd in cases]
        if args.encrypted:
            enc = {**env, "OPENNESS_NEW_PASSPHRASE": PASSPHRASE}
            subprocess.run([EXE, "journal", "encrypt"], env=enc, stdout=subprocess.DEVNULL, check=True)
            enc = {**env, "OPENNESS_PASSPHRASE": PASSPHRASE}
            rows.append(("openness review (encrypted journal)", *timed([EXE, "review"], enc, args.repeat)))
        print(f"| command ({args.entries:,} entries) | median ms | best ms |")
        print("| --- | --- | --- |")
        for name, med, best in rows:
            print(f"| `{name}` | {med:.0f} | {best:.0f} |")


if __name__ == "__main__":
    main()

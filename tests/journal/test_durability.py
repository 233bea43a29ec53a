"""Nothing lost: parallel writers, and processes killed with SIGKILL while writing."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

from openness.journal.store import Journal

WRITER = r"""
import sys
from openness.journal.store import Journal
from openness.records import Record
path, n, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with Journal.open(path) as j:
    for i in range(n):
        r = Record(kind="note", exercise=None, answers={}, text=f"{tag} entry {i}")
        j.add(r)
        print(r.id, flush=True)  # reported only after the commit returned
"""


def test_four_processes_adding_250_entries_each_leave_exactly_1000(jpath):
    Journal.open(jpath).close()
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(jpath), "250", f"writer{w}"], stdout=subprocess.PIPE, text=True)
        for w in range(4)
    ]
    reported = set()
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0
        reported |= set(out.split())
    assert len(reported) == 1000
    with Journal.open(jpath) as j:
        assert j.count() == 1000
        assert {r.id for r in j.entries()} == reported
        assert j.integrity_ok()


def test_sigkill_at_random_moments_never_loses_a_reported_entry(jpath):
    rng = random.Random(1106)
    reported: set[str] = set()
    for round_ in range(8):
        p = subprocess.Popen([sys.executable, "-c", WRITER, str(jpath), "100000", f"round{round_}"],
                             stdout=subprocess.PIPE, text=True)
        time.sleep(0.25 + rng.random() * 0.35)  # past the start-up, into the writing
        p.send_signal(signal.SIGKILL)
        out, _ = p.communicate()
        reported |= set(out.split())
        with Journal.open(jpath) as j:
            assert j.integrity_ok()
            stored = {r.id for r in j.entries()}
        assert reported <= stored, f"lost {len(reported - stored)} in round {round_}"
    assert len(reported) > 8  # the loop really was writing when killed

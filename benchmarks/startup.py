"""Start-up time of the installed command, as whole processes.

Run by hand:  .venv/bin/python benchmarks/startup.py [--runs 20]
Compares `openness --help`, `openness --version` and `openness crisis` (the
panel every flow shows first) with `python -c pass` on this machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXE = str(Path(sys.executable).with_name("openness"))


def measure(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, min(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "OPENNESS_HOME": home, "NO_COLOR": "1"}
        cases = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("openness --version", [EXE, "--version"]),
            ("openness --help", [EXE, "--help"]),
            ("openness crisis", [EXE, "crisis"]),
            ("openness exercises list", [EXE, "exercises", "list"]),
        ]
        subprocess.run([EXE, "crisis"], stdout=subprocess.DEVNULL, env=env)  # warm the caches once
        print(f"{'command':28} {'median ms':>10} {'best ms':>9}")
        for name, cmd in cases:
            med, best = measure(cmd, args.runs, env)
            print(f"{name:28} {med:10.1f} {best:9.1f}")


if __name__ == "__main__":
    main()

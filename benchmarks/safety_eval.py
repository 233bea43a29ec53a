"""How well the local risky-language screen does on the labelled sets, and how fast.

Run by hand, not a test:

    PYTHONPATH=src python3 benchmarks/safety_eval.py [labelled.yaml ...] [--show]

With no file it reports the sets in tests/safety/data separately: the set the
rules were first written against (labelled_lines.yaml), the held-out set
written blind (heldout.yaml; its batches also one by one), and the check sets
(check/*.yaml: written blind, never trained on or tuned against, so the
honest figures), each with rules and model (as `screen` runs) and with the
rules alone; then the blind writers' sets (blind/*.yaml, the model's
training data) pooled, with the rules alone. For each language it prints: the number of
lines, recall on risk lines (a risk line counts as found when any category
fires), the false-alarm rate on the other lines, how often the category
itself was right, and how the concern-for-someone-else flag did ("n/m" flagged
of the lines about someone else, "(+k)" flagged wrongly elsewhere). Then the
time per entry over all the lines, and the time a fresh process takes
from importing the screen to the end of its first check of an ordinary line
(the median of several whole processes; this is what the first check-in or
journal entry of a run pays). With --show it also lists the lines it got
wrong (this prints the labelled lines, never anyone's journal).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DATA = ROOT / "tests" / "safety" / "data"
DEFAULTS = (DATA / "labelled_lines.yaml", DATA / "heldout.yaml", *sorted((DATA / "check").glob("*.yaml")))


def load(path: Path) -> list[dict]:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def evaluate(items: list[dict], screen) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for it in items:
        lang = it["lang"]
        st = out.setdefault(
            lang,
            {"n": 0, "risk": 0, "found": 0, "safe": 0, "alarms": 0, "cat_ok": 0, "other": 0, "other_found": 0, "other_false": 0, "misses": [], "false": []},
        )
        st["n"] += 1
        res = screen(it["text"])
        label = set(it.get("label") or [])
        if label:
            st["risk"] += 1
            if res.fired:
                st["found"] += 1
                if label & set(res.categories):
                    st["cat_ok"] += 1
            else:
                st["misses"].append(it["text"])
        else:
            st["safe"] += 1
            if res.fired:
                st["alarms"] += 1
                st["false"].append(f"{it['text']}  -> {sorted(res.categories)}")
        if it.get("other"):
            st["other"] += 1
            st["other_found"] += bool(res.concern_for_other)
        elif res.concern_for_other:
            st["other_false"] += 1
    return out


def timing(items: list[dict], screen, rounds: int = 20) -> tuple[float, float, float]:
    texts = [it["text"] for it in items]
    # a few longer entries of a few hundred characters, made from the lines
    long = [" ".join(texts[i : i + 6]) for i in range(0, len(texts), 6)]
    per: list[float] = []
    for _ in range(rounds):
        t = time.perf_counter()
        for x in texts:
            screen(x)
        per.append((time.perf_counter() - t) / len(texts) * 1000)
    t = time.perf_counter()
    for _ in range(5):
        for x in long:
            screen(x)
    long_ms = (time.perf_counter() - t) / (5 * len(long)) * 1000
    avg_len = sum(map(len, long)) / len(long)
    return statistics.median(per), long_ms, avg_len


FIRST_CHECK = """
import time
t = time.perf_counter()
from openness.safety.screen import screen
screen("I had a long day at work and felt tired")
print((time.perf_counter() - t) * 1000)
"""


def first_check(runs: int = 9) -> float:
    """Median ms, in a fresh process, from importing the screen to the end of its first check."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as an installed program runs
    env["PYTHONPATH"] = str(ROOT / "src")
    times = []
    for _ in range(runs + 1):
        out = subprocess.run([sys.executable, "-c", FIRST_CHECK], env=env, capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip()))
    return statistics.median(times[1:])  # the first run may write bytecode


def report(title: str, items: list[dict], screen, show: bool) -> None:
    stats = evaluate(items, screen)
    print(title)
    print(f"{'lang':<9}{'n':>5}{'risk':>6}{'recall':>8}{'safe':>6}{'false alarms':>14}{'category ok':>13}{'other flag':>12}")
    for lang in ("en", "ur", "roman_ur"):
        st = stats.get(lang)
        if not st:
            continue
        recall = st["found"] / st["risk"] if st["risk"] else float("nan")
        fa = st["alarms"] / st["safe"] if st["safe"] else float("nan")
        cat = st["cat_ok"] / st["found"] if st["found"] else float("nan")
        other = f"{st['other_found']}/{st['other']}" + (f" (+{st['other_false']})" if st["other_false"] else "")
        print(f"{lang:<9}{st['n']:>5}{st['risk']:>6}{recall:>8.3f}{st['safe']:>6}{fa:>14.3f}{cat:>13.3f}{other:>12}")
    urdu = [stats[k] for k in ("ur", "roman_ur") if k in stats]
    if urdu:
        risk = sum(s["risk"] for s in urdu)
        found = sum(s["found"] for s in urdu)
        safe = sum(s["safe"] for s in urdu)
        alarms = sum(s["alarms"] for s in urdu)
        rec = found / risk if risk else float("nan")
        far = alarms / safe if safe else float("nan")
        print(f"{'urdu all':<9}{sum(s['n'] for s in urdu):>5}{risk:>6}{rec:>8.3f}{safe:>6}{far:>14.3f}")
    if show:
        for lang, st in stats.items():
            for x in st["misses"]:
                print(f"MISS  [{lang}] {x}")
            for x in st["false"]:
                print(f"FALSE [{lang}] {x}")
    print()


def main(argv: list[str]) -> int:
    show = "--show" in argv
    args = [a for a in argv if not a.startswith("--")]
    paths = [Path(a) for a in args] or list(DEFAULTS)

    t0 = time.perf_counter()
    from openness.safety import screen as mod

    mod.check_rules()
    load_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    mod.check_rules(strict=True)
    strict_ms = (time.perf_counter() - t0) * 1000

    import functools

    rules_alone = functools.partial(mod.screen, learned=False)
    everything: list[dict] = []
    for path in paths:
        items = load(path)
        everything += items
        name = path.relative_to(DATA).as_posix() if path.is_relative_to(DATA) else path.name
        report(f"labelled set: {name} (rules and model)", items, mod.screen, show)
        report(f"labelled set: {name} (rules alone)", items, rules_alone, show=False)
        batches = sorted({it.get("batch", 1) for it in items})
        if len(batches) > 1:
            for b in batches:
                part = [it for it in items if it.get("batch", 1) == b]
                report(f"labelled set: {name}, batch {b} (rules alone)", part, rules_alone, show=False)
    if not args:
        blind = [it for p in sorted((DATA / "blind").glob("*.yaml")) for it in load(p)]
        report("blind writers' sets, pooled (rules alone; the model was trained on these)", blind, rules_alone, show=False)

    median_ms, long_ms, avg_len = timing(everything, mod.screen)
    print(f"first check in a fresh process (import, rules load, one ordinary line): {first_check():.1f} ms median")
    print(f"rules load (once, expressions compiled on first use): {load_ms:.1f} ms")
    print(f"compiling every expression besides (check_rules(strict=True)): {strict_ms:.1f} ms")
    print(f"per entry (one line): {median_ms:.3f} ms median")
    print(f"per entry (~{avg_len:.0f} characters): {long_ms:.3f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

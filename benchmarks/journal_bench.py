"""The journal at scale: openness beside jrnl on the same entries.

Builds journals of 1,000, 10,000 and 100,000 realistic entries (notes,
check-ins with emotion words, exercises; 5 to 40 words each; 6 in 10 name people as @tags; a few
mentioning "grandmother"), then times whole processes, as a person runs
them, piped to /dev/null:

  list of the last 10   openness journal list -n 10       jrnl -n 10
  search for a word     openness journal search WORD      jrnl -contains WORD
  add one entry         openness journal add TEXT         jrnl TEXT
  export to JSON        openness journal export -o FILE   jrnl --format json --file FILE

plus the peak memory (max resident set) of those commands, and the same for
an encrypted journal of 10,000 entries. Each timing is the median of
--repeat runs (jrnl's add at 100,000 takes minutes, so it runs once).

    .venv/bin/python benchmarks/journal_bench.py                      # openness only
    .venv/bin/python benchmarks/journal_bench.py --jrnl /tmp/jrnl-venv/bin/jrnl

jrnl is not a dependency: install it into its own venv
(python3 -m venv /tmp/jrnl-venv && /tmp/jrnl-venv/bin/pip install 'jrnl>=4,<5').
Run by hand, never in CI. Results go to stdout as a Markdown table and, with
--json FILE, as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OPENNESS = [sys.executable, "-m", "openness"]
WORD = "grandmother"
PASSPHRASE = "benchmark passphrase 42"

WORDS = """
today yesterday morning evening night work home family friend friends mother father sister brother partner
child children talked listened walked cooked called wrote slept woke felt thought noticed wanted needed tried
said asked told heard saw kept lost found hoped worried laughed cried waited rested worked missed remembered
quiet loud tired calm heavy light slow quick small big long short good hard easy strange new old close far
the a and but so because when after before while then again still just maybe really very almost always never
I me my we us our you your they them their he she his her it this that there here about with without for from
meeting lunch dinner tea coffee bus train rain sun walk park phone message letter book music song film news
office kitchen garden street window door room bed table chair week month weekend holiday birthday doctor
feel feeling felt anxious hopeful grateful lonely angry sad happy relieved nervous proud ashamed scared
open opening share shared sharing honest honestly careful trust trusted safe unsafe space time moment day
""".split()
TOPICS = ["work", "my sister", "my father", "the weekend", "a friend", "my partner", "the doctor", "money", "sleep"]
# Tuned so jrnl's own figures here land near the ones in the issue (export of
# 10,000 about 2 s, add at 100,000 in minutes): short entries, many naming people.
TAGGED = 0.6  # share of entries that name people as @tags
LENGTH = (5, 40)  # words per entry
PEOPLE = ["@Amina", "@Sam", "@Bilal", "@Maria", "@Jo", "@Ayesha", "@Tom", "@Hassan", "@Lena", "@Omar", "@Priya",
          "@Dan", "@Sara", "@Imran", "@Kate", "@Yusuf", "@Nadia", "@Chris", "@Fatima", "@Alex", "@Zain", "@Mei",
          "@Ravi", "@Hina", "@Leo", "@Noor", "@Ben", "@Sana", "@Ali", "@Eva"]


def sentence(rng: random.Random) -> str:
    n = rng.randint(6, 18)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", "?", "!"])


def entry_text(rng: random.Random) -> str:
    parts = [f"Thinking about {rng.choice(TOPICS)}."]
    if rng.random() < TAGGED:  # people, tagged the way jrnl users tag them
        parts.append(f"Saw {' and '.join(rng.sample(PEOPLE, rng.randint(1, 3)))}.")
    target = rng.randint(*LENGTH)
    words = 3
    while words < target:
        s = sentence(rng)
        if rng.random() < 0.004:
            s = s[:-1] + f" and my {WORD}."
        parts.append(s)
        words += s.count(" ") + 1
    return " ".join(parts)


def generate(n: int, seed: int = 7) -> list[dict]:
    """n entries, oldest first, about 3 a day, ending now."""
    from openness.content.loader import load_library

    rng = random.Random(seed)
    lib = load_library()
    vocab_words = [w.id for q in ("pleasant_high", "pleasant_low", "unpleasant_high", "unpleasant_low")
                   for w in _quadrant(lib, q)]
    exercises = [e for e in lib.exercises if e != "checkin"]
    start = datetime.now().astimezone() - timedelta(hours=8 * n)
    out = []
    for i in range(n):
        created = (start + timedelta(hours=8 * i, minutes=rng.randint(0, 400))).replace(second=0, microsecond=0)
        roll = rng.random()
        text = entry_text(rng)
        if roll < 0.5:
            out.append({"created": created, "kind": "note", "exercise": None, "answers": {}, "text": text})
        elif roll < 0.85:
            feeling = {"pleasantness": rng.choice(["pleasant", "unpleasant"]), "energy": rng.choice(["high", "low"]),
                       "words": rng.sample(vocab_words, rng.randint(1, 3)), "intensity": rng.randint(0, 10)}
            out.append({"created": created, "kind": "checkin", "exercise": "checkin",
                        "answers": {"feeling": feeling, "naming_felt": rng.choice(["uneasy", "relieved", "mixed"]),
                                    "note": text}, "text": text})
        else:
            out.append({"created": created, "kind": "exercise", "exercise": rng.choice(exercises),
                        "answers": {"reflection": text}, "text": text})
    return out


def _quadrant(lib, name: str):
    p, e = name.split("_")
    return lib.vocabulary.quadrant(p, e)


def build_openness(home: Path, entries: list[dict]) -> None:
    from openness.journal.store import Journal
    from openness.records import Record, new_id

    home.mkdir(parents=True, exist_ok=True)
    with Journal.open(home / "journal.sqlite3") as j:
        def items():
            for e in entries:
                ms = int(e["created"].timestamp() * 1000)
                rec = Record(kind=e["kind"], exercise=e["exercise"], answers=e["answers"], text=e["text"],
                             created=e["created"], id=new_id(ms))
                yield rec, ms
        j.merge(items())


def build_jrnl(folder: Path, entries: list[dict], encrypt_with: Path | None = None) -> Path:
    """A jrnl 4 journal file and its config, holding the same entries."""
    folder.mkdir(parents=True, exist_ok=True)
    journal = folder / "journal.txt"
    chunks = []
    for e in entries:
        title, _, body = e["text"].partition(". ")
        chunks.append(f"[{e['created'].strftime('%Y-%m-%d %H:%M')}] {title}.\n{body}\n\n")
    text = "".join(chunks)
    config = folder / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\n"
        f"encrypt: {'true' if encrypt_with else 'false'}\n"
        "highlight: false\nindent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n"
    )
    if encrypt_with is None:
        journal.write_text(text)
    else:  # encrypt with jrnl's own code, in jrnl's own venv
        helper = (
            "import sys\nfrom jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption\n"
            "e = Jrnlv3Encryption('default', {'journal': sys.argv[1], 'encrypt': True})\n"
            "e.password = sys.argv[2]\n"
            "open(sys.argv[1], 'wb').write(e.encrypt(sys.stdin.read()))\n"
        )
        subprocess.run([str(encrypt_with), "-c", helper, str(journal), PASSPHRASE], input=text.encode(), check=True)
    return config


def run(cmd: list[str], env: dict[str, str], stdin: bytes | None = None) -> tuple[float, int]:
    """Wall time (s) and peak memory (KiB) of one whole process.

    Memory comes from GNU time (%M), a small parent: a child forked from this
    big benchmark process would report this process's size as its own peak.
    """
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "peak-kib %M", *cmd], env=env, input=stdin,
                       stdin=None if stdin is not None else subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t0
    err = p.stderr.decode(errors="replace")
    if p.returncode != 0:
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    kib = int(err.rsplit("peak-kib ", 1)[1].split()[0])
    return elapsed, kib


def timed(cmd, env, repeat, stdin=None, warm=True) -> tuple[float, int]:
    if warm:
        first = run(cmd, env, stdin)  # the first run after building warms the disk cache; not counted
        if first[0] > 20:  # minutes per run: one is enough
            return first
    runs = [run(cmd, env, stdin) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def bench_openness(home: Path, repeat: int, encrypted: bool = False) -> dict:
    env = dict(os.environ, OPENNESS_HOME=str(home), NO_COLOR="1", COLUMNS="100")
    env.pop("OPENNESS_PASSPHRASE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled once, not on every run
    if encrypted:
        env["OPENNESS_PASSPHRASE"] = PASSPHRASE
    out = {}
    peak = 0
    for name, args in (("list", ["journal", "list", "-n", "10"]), ("search", ["journal", "search", WORD]),
                       ("add", ["journal", "add", "One more entry written for the benchmark."]),
                       ("export", ["journal", "export", "--format", "json", "-o", str(home / "export.json")])):
        secs, kib = timed(OPENNESS + args, env, repeat)
        out[name] = secs
        peak = max(peak, kib)
    out["peak_mib"] = peak / 1024
    return out


def bench_jrnl(jrnl: str, config: Path, repeat: int, size: int, add_once_above: int, stdin: bytes | None = None,
               only: tuple[str, ...] = ("list", "search", "add", "export")) -> dict:
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    base = [jrnl, "--config-file", str(config)]
    out = {}
    peak = 0
    cmds = {"list": ["-n", "10"], "search": ["-contains", WORD], "add": ["One more entry written for the benchmark."],
            "export": ["--format", "json", "--file", str(config.parent / "export.json")]}
    for name in only:
        slow = name == "add" and size > add_once_above
        secs, kib = timed(base + cmds[name], env, 1 if slow else repeat, stdin, warm=not slow)
        out[name] = secs
        peak = max(peak, kib)
    out["peak_mib"] = peak / 1024
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jrnl", help="path to a jrnl 4.x executable to measure beside openness")
    ap.add_argument("--jrnl-add-once-above", type=int, default=10000, help="run jrnl's slow add once above this size")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="openness-bench-"))
    results: dict = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}, "openness": {}, "jrnl": {}}
    try:
        for size in sizes:
            entries = generate(size)
            t0 = time.perf_counter()
            build_openness(work / f"o{size}", entries)
            print(f"built openness journal of {size} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            results["openness"][str(size)] = bench_openness(work / f"o{size}", args.repeat)
            print(f"openness {size}: {results['openness'][str(size)]}", file=sys.stderr)
            if args.jrnl:
                config = build_jrnl(work / f"j{size}", entries)
                results["jrnl"][str(size)] = bench_jrnl(args.jrnl, config, args.repeat, size, args.jrnl_add_once_above)
                print(f"jrnl {size}: {results['jrnl'][str(size)]}", file=sys.stderr)
        # the encrypted journal at 10,000
        entries = generate(10000)
        home = work / "oenc"
        build_openness(home, entries)
        from openness.journal.store import Journal

        t0 = time.perf_counter()
        with Journal.open(home / "journal.sqlite3") as j:
            j.encrypt(PASSPHRASE)
        results["openness_encrypt_10000_s"] = time.perf_counter() - t0
        results["openness"]["10000 encrypted"] = bench_openness(home, args.repeat, encrypted=True)
        print(f"openness encrypted: {results['openness']['10000 encrypted']}", file=sys.stderr)
        if args.jrnl:
            jpython = Path(args.jrnl).with_name("python")
            config = build_jrnl(work / "jenc", entries, encrypt_with=jpython)
            results["jrnl"]["10000 encrypted"] = bench_jrnl(
                args.jrnl, config, args.repeat, 10000, args.jrnl_add_once_above,
                stdin=(PASSPHRASE + "\n").encode(), only=("list", "search", "export"))
            print(f"jrnl encrypted: {results['jrnl']['10000 encrypted']}", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))


def table(results: dict) -> str:
    rows = ["| journal | command | openness (s) | jrnl 4.6 (s) | jrnl / openness |", "|---|---|---:|---:|---:|"]
    for size, ours in results["openness"].items():
        theirs = results["jrnl"].get(size, {})
        for cmd in ("list", "search", "add", "export", "peak_mib"):
            if cmd not in ours:
                continue
            o, j = ours[cmd], theirs.get(cmd)
            unit = " MiB" if cmd == "peak_mib" else ""
            label = "peak memory" if cmd == "peak_mib" else cmd
            ratio = f"{j / o:.1f}x" if j else ""
            jtext = f"{j:.3f}{unit}" if j else ""
            rows.append(f"| {size} | {label} | {o:.3f}{unit} | {jtext} | {ratio} |")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()

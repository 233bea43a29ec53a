"""Export: our own JSON (which import reads back), Markdown and CSV.

Entries are written one at a time, so memory stays flat at any size. A file
named with -o is written privately (0600) and atomically: it appears whole or
not at all.
"""

from __future__ import annotations

import csv
import json
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from openness.journal.store import entry_json
from openness.records import Record

FORMAT_NAME = "openness-journal"
FORMAT_VERSION = 1
FORMATS = ("json", "md", "csv")

Describe = Callable[[Record], tuple[str, list[tuple[str, str]]]]  # title, (question, answer) pairs


def _iso_ms(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).astimezone().isoformat(timespec="milliseconds")


def write_json(items: Iterable[tuple[Record, int]], out: TextIO, tick: Callable[[int], None]) -> int:
    out.write('{\n  "format": "%s",\n  "version": %d,\n  "exported": %s,\n  "entries": [' % (
        FORMAT_NAME, FORMAT_VERSION, json.dumps(datetime.now().astimezone().isoformat(timespec="seconds"))))
    n = 0
    for rec, updated in items:
        doc = entry_json(rec)
        doc["updated"] = _iso_ms(updated)
        out.write(("," if n else "") + "\n    " + json.dumps(doc, ensure_ascii=False))
        n += 1
        tick(1)
    out.write("\n  ]\n}\n" if n else "]\n}\n")
    return n


def write_csv(items: Iterable[tuple[Record, int]], out: TextIO, tick: Callable[[int], None]) -> int:
    w = csv.writer(out)
    w.writerow(["id", "created", "updated", "kind", "exercise", "completed", "text", "answers"])
    n = 0
    for rec, updated in items:
        w.writerow([
            rec.id, rec.created.isoformat(timespec="seconds"), _iso_ms(updated), rec.kind, rec.exercise or "",
            "yes" if rec.completed else "no", rec.text, json.dumps(rec.answers, ensure_ascii=False, sort_keys=True),
        ])
        n += 1
        tick(1)
    return n


def write_md(items: Iterable[tuple[Record, int]], out: TextIO, tick: Callable[[int], None], describe: Describe, heading: str) -> int:
    out.write(f"# {heading}\n")
    n = 0
    for rec, _ in items:
        title, pairs = describe(rec)
        out.write(f"\n## {rec.created.strftime('%Y-%m-%d %H:%M')} {title}\n\n")
        out.write(f"`{rec.id}`\n\n")
        for question, answer in pairs:
            answer = answer.replace("\n", "\n  ")
            out.write(f"- **{question}** {answer}\n")
        if rec.text and rec.kind == "note":
            out.write(("\n" if pairs else "") + rec.text.rstrip() + "\n")
        n += 1
        tick(1)
    return n


@contextmanager
def private_output(path: Path | None, stdout: TextIO) -> Iterator[TextIO]:
    """stdout, or `path` written 0600 through a temporary file renamed into place."""
    if path is None:
        yield stdout
        return
    from openness.paths import private_writer

    with private_writer(Path(path)) as fh:
        yield fh


def export(fmt: str, items: Iterable[tuple[Record, int]], out: TextIO, tick: Callable[[int], None],
           describe: Describe | None = None, heading: str = "") -> int:
    if fmt == "json":
        return write_json(items, out, tick)
    if fmt == "csv":
        return write_csv(items, out, tick)
    assert describe is not None
    return write_md(items, out, tick, describe, heading)



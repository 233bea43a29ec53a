"""Import: our own JSON export, and jrnl's (`jrnl --export json`).

Every entry gets a stable id, so importing a file twice, or an export from
another of the person's computers, merges by id and never duplicates. jrnl
entries carry no id, so theirs is made from the entry itself: a UUIDv7 whose
time is the entry's time and whose other bits come from a SHA-256 of its
date, time, title and body. The same jrnl entry always gets the same id.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from openness.errors import DataError
from openness.i18n import t
from openness.journal.export import FORMAT_NAME
from openness.records import Record

KINDS = ("checkin", "exercise", "note")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass
class Source:
    kind: str  # "openness" or "jrnl"
    total: int
    items: list[dict[str, Any]]
    path: Path

    def records(self) -> Iterator[tuple[Record, int]]:
        convert = _ours if self.kind == "openness" else _jrnl
        for i, item in enumerate(self.items, 1):
            try:
                yield convert(item)
            except (KeyError, TypeError, ValueError, AttributeError):
                raise DataError(t("journal.import_bad_entry", path=str(self.path), n=i)) from None


def read(path: Path) -> Source:
    try:
        with open(path, "rb") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise DataError(t("journal.import_missing", path=str(path))) from None
    except OSError as exc:
        raise DataError(t("journal.import_unreadable", path=str(path), problem=exc.strerror or "")) from None
    except (ValueError, UnicodeDecodeError):
        raise DataError(t("journal.import_not_json", path=str(path))) from None
    if isinstance(data, dict) and data.get("format") == FORMAT_NAME and isinstance(data.get("entries"), list):
        return Source("openness", len(data["entries"]), data["entries"], Path(path))
    if isinstance(data, dict) and isinstance(data.get("entries"), list) and all(
        isinstance(e, dict) and "date" in e and "title" in e for e in data["entries"]
    ):
        return Source("jrnl", len(data["entries"]), data["entries"], Path(path))
    raise DataError(t("journal.import_unknown", path=str(path)))


def _local(dt: datetime) -> datetime:
    return dt if dt.tzinfo is not None else dt.astimezone()


def _ms(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)


def _ours(item: dict[str, Any]) -> tuple[Record, int]:
    rid = str(item["id"]).lower()
    if not _UUID.match(rid) or item["kind"] not in KINDS:
        raise ValueError("bad entry")
    created = _local(datetime.fromisoformat(item["created"]))
    updated = _local(datetime.fromisoformat(item["updated"])) if item.get("updated") else created
    answers = item.get("answers") or {}
    if not isinstance(answers, dict) or not isinstance(item.get("text", ""), str):
        raise ValueError("bad entry")
    rec = Record(
        id=rid,
        created=created,
        kind=item["kind"],
        exercise=item.get("exercise"),
        answers=answers,
        text=item.get("text") or "",
        completed=bool(item.get("completed", True)),
    )
    return rec, _ms(updated)


def jrnl_id(date: str, time: str, title: str, body: str) -> str:
    """A UUIDv7-shaped id made from a jrnl entry, the same every time."""
    created = _local(datetime.fromisoformat(f"{date}T{time or '00:00'}"))
    digest = hashlib.sha256("\x1f".join(("jrnl", date, time, title, body)).encode("utf-8")).digest()
    rand = int.from_bytes(digest[:10], "big")
    value = (_ms(created) & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((rand >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _jrnl(item: dict[str, Any]) -> tuple[Record, int]:
    date, time = str(item["date"]), str(item.get("time") or "00:00")
    title, body = str(item.get("title") or ""), str(item.get("body") or "")
    created = _local(datetime.fromisoformat(f"{date}T{time}"))
    text = title.strip()
    if body.strip():
        text = (text + "\n" + body.strip()) if text else body.strip()
    answers: dict[str, Any] = {}
    tags = [str(x) for x in item.get("tags") or []]
    if tags:
        answers["tags"] = tags
    if item.get("starred"):
        answers["starred"] = True
    rec = Record(id=jrnl_id(date, time, title, body), created=created, kind="note", exercise=None, answers=answers, text=text)
    return rec, _ms(created)

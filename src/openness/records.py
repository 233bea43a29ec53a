"""Plain records that pass between the flows and the journal. No I/O here."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


def new_id(now_ms: int | None = None) -> str:
    """A UUIDv7 (RFC 9562): time-ordered, globally unique, safe to merge across machines."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b, 62 bits
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def now_local() -> datetime:
    """The current time with the machine's UTC offset."""
    return datetime.now().astimezone()


@dataclass
class Record:
    """One thing a person chose to keep: a check-in, an exercise, or a free entry."""

    kind: str  # "checkin", "exercise" or "note"
    exercise: str | None
    answers: dict[str, Any]
    text: str  # the free text in it, for reading and search
    created: datetime = field(default_factory=now_local)
    id: str = field(default_factory=new_id)
    completed: bool = True

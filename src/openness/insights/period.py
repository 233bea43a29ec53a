"""The period a review covers: `--since 7d`, `--since 30d`, `--since 2026-03-01`."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta


class SinceError(ValueError):
    """The --since value is not one openness understands."""


_DAYS = re.compile(r"^(\d{1,5})\s*d$")


def parse_since(text: str | None, now: datetime) -> datetime | None:
    """The start of the period, as an aware datetime in `now`'s time zone.

    None, "" and "all" mean every entry. "Nd" means the last N calendar days,
    today included (so "7d" on a Sunday starts on Monday at midnight). A
    date (YYYY-MM-DD) means from the start of that day.
    """
    if text is None:
        return None
    value = text.strip().lower()
    if value in ("", "all"):
        return None
    m = _DAYS.match(value)
    if m:
        days = int(m.group(1))
        if days < 1:
            raise SinceError(text)
        first = now.date() - timedelta(days=days - 1)
        return _midnight(first, now)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise SinceError(text) from None
    return _midnight(day, now)


def _midnight(day: date, now: datetime) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=now.tzinfo)

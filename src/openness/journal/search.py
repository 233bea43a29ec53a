"""Full-text search: ranked, with the matching words marked.

A plain journal has an FTS5 index (ranked by bm25). An encrypted journal has
no index, since an index would show its words: every entry is decrypted and
scanned, which costs time in proportion to the journal's size (measured in
benchmarks/README.md). Highlighting is done here for both, so a result looks
the same either way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

from openness.records import Record

SNIPPET_CHARS = 120


@dataclass
class Hit:
    record: Record
    score: float
    snippet: str
    highlights: list[tuple[int, int]]  # [start, end) character ranges in `snippet`


def searchable(text: str, answers: dict[str, Any]) -> str:
    """The text an entry is found by: what was written, plus the emotion words chosen."""
    words: list[str] = []
    for value in answers.values():
        if isinstance(value, dict) and isinstance(value.get("words"), list):
            words.extend(str(w).replace("_", " ") for w in value["words"])
    return text + ("\n" + " ".join(words) if words else "")


def terms(query: str) -> list[str]:
    """The words of a query, as typed (punctuation and FTS syntax dropped)."""
    return [w for w in re.findall(r"\w+", query, flags=re.UNICODE) if w]


def fts_query(words: list[str]) -> str:
    """Every word must appear, as a word or the start of one."""
    return " AND ".join('"' + w.replace('"', "") + '"*' for w in words)


class _Folds(dict):
    """For str.translate: each character's case- and accent-free form, worked out once."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        kept = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)) or ch
        f = kept.casefold()
        if len(f) != 1:
            f = ch.lower() if len(ch.lower()) == 1 else ch
        self[code] = f
        return f


_FOLDS = _Folds()


def _fold(s: str) -> str:
    """Case- and accent-insensitive form of `s`, the same length character by character."""
    if s.isascii():
        return s.lower()
    return s.translate(_FOLDS)


def _patterns(words: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(r"(?<!\w)" + re.escape(_fold(w)), re.UNICODE) for w in words]


def _spans(text: str, patterns: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    folded = _fold(text)
    spans: list[tuple[int, int]] = []
    for p in patterns:
        for m in p.finditer(folded):
            end = m.end()
            while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                end += 1  # mark the whole word, as typed
            spans.append((m.start(), end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def snippet(text: str, words: list[str], width: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """A one-line window of `text` around its first match, and the match ranges in it."""
    flat = " ".join(text.split())
    spans = _spans(flat, _patterns(words))
    if not spans:
        cut = flat[:width]
        return (cut + ("…" if len(flat) > width else "")), []
    first = spans[0][0]
    start = max(0, first - width // 3)
    if start:
        space = flat.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = min(len(flat), start + width)
    prefix = "…" if start else ""
    suffix = "…" if end < len(flat) else ""
    shown = prefix + flat[start:end] + suffix
    shift = len(prefix) - start
    marks = [(max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start]
    return shown, marks


def search(journal, query: str, limit: int = 20) -> list[Hit]:
    words = terms(query)
    if not words:
        return []
    if journal.encrypted:
        found = _scan(journal.entries(), words, limit)
    else:
        found = journal.search_index(fts_query(words), limit)
    hits = []
    for record, score in found:
        text, marks = snippet(searchable(record.text, record.answers), words)
        hits.append(Hit(record=record, score=round(score, 3), snippet=text, highlights=marks))
    return hits


def _scan(records: Iterable[Record], words: list[str], limit: int) -> list[tuple[Record, float]]:
    """Decrypt-and-scan search: every word must start a word of the entry; more matches rank higher."""
    import heapq

    patterns = _patterns(words)
    best: list[tuple[float, str, Record]] = []
    for rec in records:
        folded = _fold(searchable(rec.text, rec.answers))
        score = 0.0
        for p in patterns:
            n = sum(1 for _ in p.finditer(folded))
            if not n:
                break
            score += n / (1.0 + len(folded) / 400.0)
        else:
            item = (score, rec.id, rec)  # ties: the newer id (UUIDv7) wins
            if len(best) < limit:
                heapq.heappush(best, item)
            elif item[:2] > best[0][:2]:
                heapq.heapreplace(best, item)
    best.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return [(rec, score) for score, _, rec in best]


def hit_json(hit: Hit) -> dict[str, Any]:
    """The stable JSON shape of one search result (pinned by a test)."""
    r = hit.record
    return {
        "id": r.id,
        "created": r.created.isoformat(timespec="seconds"),
        "kind": r.kind,
        "exercise": r.exercise,
        "score": hit.score,
        "snippet": hit.snippet,
        "highlights": [list(h) for h in hit.highlights],
    }

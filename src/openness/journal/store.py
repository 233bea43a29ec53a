"""The journal file: schema, migrations, and reading and writing entries.

One SQLite file (standard library) in the private data folder, 0600 in a 0700
folder. Writers wait for each other (busy timeout, WAL) so parallel processes
lose nothing. A file that is damaged, locked, unreadable or from a newer
openness gets a clear message and is never overwritten.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from openness.errors import DataError, OpennessError, UsageError
from openness.i18n import t
from openness.paths import ensure_private_dir
from openness.records import Record

SCHEMA_VERSION = 1
APP_ID = 0x4F50454E  # "OPEN", marks the file as an openness journal

MIGRATIONS: dict[int, str] = {
    1: """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE entries (
            id TEXT PRIMARY KEY,
            created TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL,
            kind TEXT,
            exercise TEXT,
            body BLOB NOT NULL
        );
        CREATE INDEX entries_by_time ON entries (created_ms, id);
    """,
}


def _ms(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)


def _explain(exc: sqlite3.Error, path: Path) -> OpennessError:
    msg = str(exc).lower()
    if "locked" in msg or "busy" in msg:
        return OpennessError(t("journal.locked", path=str(path)))
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return DataError(t("journal.corrupt", path=str(path)))
    if "readonly" in msg or "unable to open" in msg or "access permission" in msg:
        return DataError(t("journal.unreadable", path=str(path)))
    if "disk is full" in msg or "disk i/o" in msg:
        return OpennessError(t("journal.disk", path=str(path)))
    return DataError(t("journal.error", path=str(path), problem=exc.__class__.__name__))


class Journal:
    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> "Journal":
        path = Path(path)
        if not path.exists():
            if not create:
                raise UsageError(t("journal.none_yet"))
            ensure_private_dir(path.parent)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        elif not os.access(path, os.R_OK | os.W_OK):
            raise DataError(t("journal.unreadable", path=str(path)))
        os.chmod(path, 0o600)
        try:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA foreign_keys = ON")
            j = cls(conn, path)
            j._migrate()
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise _explain(exc, path) from None
        for extra in ("-wal", "-shm"):
            side = path.with_name(path.name + extra)
            if side.exists():
                os.chmod(side, 0o600)
        return j

    def _migrate(self) -> None:
        c = self.conn
        if self._version_ok():
            return
        with self.transaction():  # re-checked under the write lock: another process may have migrated
            if self._version_ok():
                return
            version = c.execute("PRAGMA user_version").fetchone()[0]
            for v in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[v].split(";"):  # executescript would commit early
                    if statement.strip():
                        c.execute(statement)
                c.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    (f"migration.{v}", datetime.now().astimezone().isoformat(timespec="seconds")),
                )
            c.execute(f"PRAGMA application_id = {APP_ID}")
            c.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _version_ok(self) -> bool:
        c = self.conn
        app_id = c.execute("PRAGMA application_id").fetchone()[0]
        version = c.execute("PRAGMA user_version").fetchone()[0]
        tables = c.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != APP_ID and tables:
            raise DataError(t("journal.not_ours", path=str(self.path)))
        if version > SCHEMA_VERSION:
            raise DataError(t("journal.newer", path=str(self.path)))
        return version == SCHEMA_VERSION

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- entries -------------------------------------------------------------

    @staticmethod
    def _body(record: Record) -> bytes:
        doc = {
            "kind": record.kind,
            "exercise": record.exercise,
            "answers": record.answers,
            "text": record.text,
            "completed": record.completed,
        }
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @staticmethod
    def _record(row: sqlite3.Row | tuple) -> Record:
        entry_id, created, body = row[0], row[1], row[2]
        doc = json.loads(bytes(body).decode("utf-8"))
        return Record(
            id=entry_id,
            created=datetime.fromisoformat(created),
            kind=doc["kind"],
            exercise=doc.get("exercise"),
            answers=doc.get("answers") or {},
            text=doc.get("text") or "",
            completed=doc.get("completed", True),
        )

    def add(self, record: Record) -> str:
        try:
            with self.transaction() as c:
                c.execute(
                    "INSERT INTO entries (id, created, created_ms, updated_ms, kind, exercise, body)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        record.id,
                        record.created.isoformat(timespec="seconds"),
                        _ms(record.created),
                        _ms(datetime.now().astimezone()),
                        record.kind,
                        record.exercise,
                        self._body(record),
                    ),
                )
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None
        return record.id

    def recent(self, n: int = 10, *, kind: str | None = None, since: datetime | None = None) -> list[Record]:
        sql = "SELECT id, created, body FROM entries"
        where, args = [], []
        if kind:
            where.append("kind = ?")
            args.append(kind)
        if since is not None:
            where.append("created_ms >= ?")
            args.append(_ms(since))
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_ms DESC, id DESC LIMIT ?"
        args.append(n)
        try:
            rows = self.conn.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None
        return [self._record(r) for r in rows]

    def entries(self, *, since: datetime | None = None, kind: str | None = None) -> Iterator[Record]:
        """Every entry (or those since `since`, of `kind`), oldest first, read lazily."""
        sql = "SELECT id, created, body FROM entries"
        where, args = [], []
        if kind:
            where.append("kind = ?")
            args.append(kind)
        if since is not None:
            where.append("created_ms >= ?")
            args.append(_ms(since))
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_ms, id"
        try:
            for row in self.conn.execute(sql, args):
                yield self._record(row)
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None

    def get(self, ref: str) -> Record:
        """An entry by id, or by an unambiguous start of its id (at least 4 characters)."""
        ref = ref.strip().lower()
        if len(ref) < 4:
            raise UsageError(t("journal.id_too_short"))
        try:
            rows = self.conn.execute(
                "SELECT id, created, body FROM entries WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                (ref, ref + "\U0010ffff"),
            ).fetchall()
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None
        if not rows:
            raise UsageError(t("journal.no_such_entry", id=ref))
        if len(rows) > 1 and rows[0][0] != ref:
            raise UsageError(t("journal.ambiguous_id", id=ref))
        return self._record(rows[0])

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM entries").fetchone()[0]


def entry_json(record: Record) -> dict[str, Any]:
    """The stable JSON shape of one entry (pinned by a test)."""
    return {
        "id": record.id,
        "created": record.created.isoformat(timespec="seconds"),
        "kind": record.kind,
        "exercise": record.exercise,
        "completed": record.completed,
        "answers": record.answers,
        "text": record.text,
    }

"""The journal file: schema, migrations, encryption at rest, and reading and
writing entries and drafts.

One SQLite file (standard library) in the private data folder, 0600 in a 0700
folder. Writers wait for each other (busy timeout, WAL, BEGIN IMMEDIATE) so
parallel processes lose nothing; every commit is synced (synchronous=FULL)
so an entry reported as kept survives a killed process. A file that is
damaged, locked, unreadable or from a newer openness gets a clear message
and is never overwritten. Deleted content is zeroed (secure_delete).

Plain journal: `kind` and `exercise` are columns and an FTS5 index serves
search. Encrypted journal (see crypto.py): the body is sealed, `kind` and
`exercise` are NULL and there is no text index, so the file shows only ids,
times and sizes.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from openness.errors import DataError, OpennessError, UsageError
from openness.i18n import t
from openness.paths import ensure_private_dir
from openness.records import Record

SCHEMA_VERSION = 2
APP_ID = 0x4F50454E  # "OPEN", marks the file as an openness journal

# How a body is stored (the `sealed` column).
PLAIN, LOCKED, SEALED = 0, 1, 2  # as JSON; under the data key; sealed to the public key

PassphraseSource = Callable[[], str]
Tick = Callable[[int], None]


def _migration_2(c: sqlite3.Connection) -> None:
    """A stable integer key (FTS rowid), drafts, the text index, the encoding column."""
    c.execute(
        """CREATE TABLE entries_v2 (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL,
            kind TEXT,
            exercise TEXT,
            sealed INTEGER NOT NULL DEFAULT 0,
            body BLOB NOT NULL
        )"""
    )
    c.execute(
        "INSERT INTO entries_v2 (id, created, created_ms, updated_ms, kind, exercise, body)"
        " SELECT id, created, created_ms, updated_ms, kind, exercise, body FROM entries ORDER BY created_ms, id"
    )
    c.execute("DROP TABLE entries")
    c.execute("ALTER TABLE entries_v2 RENAME TO entries")
    c.execute("CREATE INDEX entries_by_time ON entries (created_ms, id)")
    c.execute("CREATE INDEX entries_pending ON entries (seq) WHERE sealed = 2")
    c.execute(
        """CREATE TABLE drafts (
            id TEXT PRIMARY KEY,
            exercise TEXT,
            updated_ms INTEGER NOT NULL,
            sealed INTEGER NOT NULL DEFAULT 0,
            body BLOB NOT NULL
        )"""
    )
    _create_fts(c)
    for seq, body in c.execute("SELECT seq, body FROM entries").fetchall():
        c.execute("INSERT INTO entries_fts (rowid, text) VALUES (?, ?)", (seq, _index_text(_doc(body))))


def _create_fts(c: sqlite3.Connection) -> None:
    c.execute("CREATE VIRTUAL TABLE entries_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')")


MIGRATIONS: dict[int, str | Callable[[sqlite3.Connection], None]] = {
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
    2: _migration_2,
}


def _ms(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)


def _now_ms() -> int:
    return _ms(datetime.now().astimezone())


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


def _doc(body: bytes) -> dict[str, Any]:
    return json.loads(bytes(body).decode("utf-8"))


def _index_text(doc: dict[str, Any]) -> str:
    """What search looks through: the words written, and the emotion words chosen."""
    from openness.journal.search import searchable

    return searchable(doc.get("text") or "", doc.get("answers") or {})


def _to_doc(record: Record) -> dict[str, Any]:
    return {
        "kind": record.kind,
        "exercise": record.exercise,
        "answers": record.answers,
        "text": record.text,
        "completed": record.completed,
    }


def _dump(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _from_doc(entry_id: str, created: str, doc: dict[str, Any]) -> Record:
    return Record(
        id=entry_id,
        created=datetime.fromisoformat(created),
        kind=doc["kind"],
        exercise=doc.get("exercise"),
        answers=doc.get("answers") or {},
        text=doc.get("text") or "",
        completed=doc.get("completed", True),
    )


class Journal:
    def __init__(self, conn: sqlite3.Connection, path: Path, passphrase: PassphraseSource | None = None, tries: int = 1) -> None:
        self.conn = conn
        self.path = path
        self._passphrase = passphrase
        self._tries = max(1, tries)
        self._keys = None  # crypto.Keys once unlocked
        self._keyfile = None  # crypto.KeyFile when encrypted
        self._keyfile_loaded = False

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, *, create: bool = True, passphrase: PassphraseSource | None = None, tries: int = 1
    ) -> "Journal":
        path = Path(path)
        if not path.exists():
            if not create:
                raise UsageError(t("journal.none_yet"))
            ensure_private_dir(path.parent)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                os.close(fd)
            except FileExistsError:  # another process made it a moment ago
                pass
        elif not os.access(path, os.R_OK | os.W_OK):
            raise DataError(t("journal.unreadable", path=str(path)))
        try:
            ensure_private_dir(path.parent)  # 0700 even if it was made by someone else
            os.chmod(path, 0o600)
        except OSError:
            raise DataError(t("journal.unreadable", path=str(path))) from None
        try:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            j = cls(conn, path, passphrase, tries)
            j._migrate()
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as exc:
            raise _explain(exc, path) from None
        for extra in ("-wal", "-shm"):
            side = path.with_name(path.name + extra)
            try:
                os.chmod(side, 0o600)
            except OSError:
                pass
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
                step = MIGRATIONS[v]
                if callable(step):
                    step(c)
                else:
                    for statement in step.split(";"):  # executescript would commit early
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

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        try:
            with self.transaction() as c:
                yield c
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None

    def _query(self, sql: str, args: Iterable[Any] = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None

    def close(self) -> None:
        self.conn.close()
        self._keys = None

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def integrity_ok(self) -> bool:
        return self._query("PRAGMA integrity_check")[0][0] == "ok"

    def _scrub(self) -> None:
        """Rewrite the file so nothing freed lingers, and empty the write-ahead log."""
        try:
            self.conn.execute("VACUUM")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None

    # -- keys ----------------------------------------------------------------

    def _load_keyfile(self):
        if not self._keyfile_loaded:
            from openness.journal import crypto

            rows = self._query("SELECT value FROM meta WHERE key = 'keys'")
            try:
                self._keyfile = crypto.KeyFile.from_json(rows[0][0]) if rows else None
            except crypto.Damaged:
                raise DataError(t("journal.corrupt", path=str(self.path))) from None
            self._keyfile_loaded = True
        return self._keyfile

    @property
    def encrypted(self) -> bool:
        return self._load_keyfile() is not None

    @property
    def open_add(self) -> bool:
        kf = self._load_keyfile()
        return bool(kf and kf.open_add)

    @property
    def unlocked(self) -> bool:
        return self._keys is not None

    def unlock(self, passphrase: str | None = None) -> None:
        """Open the keys with the passphrase (given, or asked through the source)."""
        from openness.journal import crypto

        kf = self._load_keyfile()
        if kf is None or self._keys is not None:
            return
        tries = 1 if passphrase is not None else self._tries
        for attempt in range(tries):
            phrase = passphrase if passphrase is not None else self._ask()
            try:
                self._keys = crypto.unlock(kf, phrase)
                break
            except crypto.WrongPassphrase:
                if attempt + 1 == tries:
                    raise OpennessError(t("journal.wrong_passphrase")) from None
            except crypto.Damaged:
                raise DataError(t("journal.corrupt", path=str(self.path))) from None
        self._settle_sealed()

    def _ask(self) -> str:
        if self._passphrase is None:
            raise UsageError(t("journal.needs_passphrase"))
        return self._passphrase()

    def _settle_sealed(self) -> None:
        """Re-encrypt entries and drafts that were added without the passphrase."""
        if not self._query("SELECT 1 FROM entries WHERE sealed = 2 LIMIT 1") and not self._query(
            "SELECT 1 FROM drafts WHERE sealed = 2 LIMIT 1"
        ):
            return
        with self._writing() as c:
            for table, ad in (("entries", b"entry:"), ("drafts", b"draft:")):
                key = "seq" if table == "entries" else "id"
                for k, rid, body in c.execute(f"SELECT {key}, id, body FROM {table} WHERE sealed = 2").fetchall():
                    plain = self._open_body(rid, SEALED, body, ad)
                    c.execute(f"UPDATE {table} SET sealed = 1, body = ? WHERE {key} = ?", (self._lock(rid, plain, ad), k))

    def _lock(self, rid: str, plain: bytes, ad: bytes) -> bytes:
        from openness.journal import crypto

        return crypto.seal_with(self._keys.data_key, plain, ad + rid.encode())

    def _encode(self, rid: str, plain: bytes, ad: bytes, *, may_seal: bool) -> tuple[int, bytes]:
        """How to store a body now: plain, under the data key, or sealed to the public key."""
        kf = self._load_keyfile()
        if kf is None:
            return PLAIN, plain
        if self._keys is None and may_seal:
            from openness.journal import crypto

            return SEALED, crypto.seal_to(kf.public_key, plain, ad + rid.encode())
        self.unlock()
        return LOCKED, self._lock(rid, plain, ad)

    def _open_body(self, rid: str, sealed: int, body: bytes, ad: bytes = b"entry:") -> bytes:
        if sealed == PLAIN:
            return bytes(body)
        from openness.journal import crypto

        self.unlock()
        try:
            if sealed == LOCKED:
                return crypto.open_with(self._keys.data_key, body, ad + rid.encode())
            return crypto.open_sealed(self._keys, self._keyfile.public_key, body, ad + rid.encode())
        except crypto.Damaged:
            raise DataError(t("journal.entry_damaged", id=rid)) from None

    def _record(self, row: tuple) -> Record:
        rid, created, sealed, body = row[0], row[1], row[2], row[3]
        try:
            return _from_doc(rid, created, _doc(self._open_body(rid, sealed, body)))
        except (ValueError, KeyError):
            raise DataError(t("journal.entry_damaged", id=rid)) from None

    # -- encryption on and off -------------------------------------------------

    def encrypt(self, passphrase: str, *, open_add: bool = False, tick: Tick | None = None) -> None:
        from openness.journal import crypto

        if self.encrypted:
            raise UsageError(t("journal.already_encrypted"))
        keyfile, keys = crypto.new_keys(passphrase, open_add=open_add)
        with self._writing() as c:
            c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('keys', ?)", (keyfile.to_json(),))
            self._keyfile, self._keyfile_loaded, self._keys = keyfile, True, keys
            self._rewrite(c, lambda rid, plain, ad: (LOCKED, self._lock(rid, plain, ad)), clear_columns=True, tick=tick)
            c.execute("DROP TABLE IF EXISTS entries_fts")
        self._scrub()

    def decrypt(self, *, tick: Tick | None = None) -> None:
        if not self.encrypted:
            raise UsageError(t("journal.not_encrypted"))
        self.unlock()
        with self._writing() as c:
            c.execute("DROP TABLE IF EXISTS entries_fts")
            _create_fts(c)
            self._rewrite(c, lambda rid, plain, ad: (PLAIN, plain), clear_columns=False, tick=tick)
            c.execute("DELETE FROM meta WHERE key = 'keys'")
        self._keyfile, self._keys = None, None
        self._scrub()

    def _rewrite(self, c: sqlite3.Connection, encode, *, clear_columns: bool, tick: Tick | None) -> None:
        last = -1
        while True:
            rows = c.execute(
                "SELECT seq, id, sealed, body FROM entries WHERE seq > ? ORDER BY seq LIMIT 500", (last,)
            ).fetchall()
            if not rows:
                break
            for seq, rid, sealed, body in rows:
                plain = self._open_body(rid, sealed, body)
                how, stored = encode(rid, plain, b"entry:")
                if clear_columns:
                    c.execute("UPDATE entries SET sealed = ?, body = ?, kind = NULL, exercise = NULL WHERE seq = ?",
                              (how, stored, seq))
                else:
                    doc = _doc(plain)
                    c.execute("UPDATE entries SET sealed = ?, body = ?, kind = ?, exercise = ? WHERE seq = ?",
                              (how, stored, doc.get("kind"), doc.get("exercise"), seq))
                    c.execute("INSERT INTO entries_fts (rowid, text) VALUES (?, ?)", (seq, _index_text(doc)))
            last = rows[-1][0]
            if tick:
                tick(len(rows))
        for rid, sealed, body in c.execute("SELECT id, sealed, body FROM drafts").fetchall():
            plain = self._open_body(rid, sealed, body, b"draft:")
            how, stored = encode(rid, plain, b"draft:")
            exercise = None if clear_columns else _doc(plain).get("exercise")
            c.execute("UPDATE drafts SET sealed = ?, body = ?, exercise = ? WHERE id = ?", (how, stored, exercise, rid))

    def change_passphrase(self, new: str) -> None:
        """Rewrap the data key under a new passphrase: one small atomic transaction."""
        from dataclasses import replace

        from openness.journal import crypto

        if not self.encrypted:
            raise UsageError(t("journal.not_encrypted"))
        self.unlock()
        kf = self._keyfile
        fresh = crypto.wrap(new, self._keys.data_key, kf.public_key, kf.wrapped_private, open_add=kf.open_add)
        with self._writing() as c:
            c.execute("UPDATE meta SET value = ? WHERE key = 'keys'", (fresh.to_json(),))
        self._keyfile = replace(fresh)
        self._scrub()

    def set_open_add(self, on: bool) -> None:
        from dataclasses import replace

        if not self.encrypted:
            raise UsageError(t("journal.not_encrypted"))
        self.unlock()  # only the owner may change how the journal is written
        kf = replace(self._keyfile, open_add=on)
        with self._writing() as c:
            c.execute("UPDATE meta SET value = ? WHERE key = 'keys'", (kf.to_json(),))
        self._keyfile = kf

    # -- entries -------------------------------------------------------------

    def add(self, record: Record) -> str:
        plain = _dump(_to_doc(record))
        how, stored = self._encode(record.id, plain, b"entry:", may_seal=self.open_add)
        clear = how == PLAIN
        with self._writing() as c:
            cur = c.execute(
                "INSERT INTO entries (id, created, created_ms, updated_ms, kind, exercise, sealed, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.id,
                    record.created.isoformat(timespec="seconds"),
                    _ms(record.created),
                    _now_ms(),
                    record.kind if clear else None,
                    record.exercise if clear else None,
                    how,
                    stored,
                ),
            )
            if clear:
                c.execute("INSERT INTO entries_fts (rowid, text) VALUES (?, ?)", (cur.lastrowid, _index_text(_to_doc(record))))
        return record.id

    def update(self, record: Record) -> None:
        """Replace an entry's content (same id and time)."""
        plain = _dump(_to_doc(record))
        how, stored = self._encode(record.id, plain, b"entry:", may_seal=False)
        clear = how == PLAIN
        with self._writing() as c:
            row = c.execute("SELECT seq FROM entries WHERE id = ?", (record.id,)).fetchone()
            if row is None:
                raise UsageError(t("journal.no_such_entry", id=record.id))
            c.execute(
                "UPDATE entries SET updated_ms = ?, kind = ?, exercise = ?, sealed = ?, body = ? WHERE seq = ?",
                (_now_ms(), record.kind if clear else None, record.exercise if clear else None, how, stored, row[0]),
            )
            if clear:
                c.execute("DELETE FROM entries_fts WHERE rowid = ?", (row[0],))
                c.execute("INSERT INTO entries_fts (rowid, text) VALUES (?, ?)", (row[0], _index_text(_to_doc(record))))
                c.execute("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')")  # drop the old words

    def delete(self, entry_id: str) -> bool:
        with self._writing() as c:
            row = c.execute("SELECT seq FROM entries WHERE id = ?", (entry_id,)).fetchone()
            if row is None:
                return False
            c.execute("DELETE FROM entries WHERE seq = ?", (row[0],))
            if not self.encrypted:
                c.execute("DELETE FROM entries_fts WHERE rowid = ?", (row[0],))
                c.execute("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')")  # drop its words from the index
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # a reader holds the log; the zeroed pages reach the file at the next checkpoint
        return True

    def wipe(self) -> int:
        """Remove every entry and draft; keep the encryption settings."""
        with self._writing() as c:
            n = c.execute("SELECT count(*) FROM entries").fetchone()[0]
            c.execute("DELETE FROM entries")
            c.execute("DELETE FROM drafts")
            if not self.encrypted:
                c.execute("DROP TABLE IF EXISTS entries_fts")
                _create_fts(c)
        self._scrub()
        return n

    def _select(self, where: list[str], args: list[Any], order: str, limit: int | None = None) -> str:
        sql = "SELECT id, created, sealed, body FROM entries"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY created_ms {order}, id {order}"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return sql

    def _filters(self, since: datetime | None, kind: str | None) -> tuple[list[str], list[Any]]:
        """WHERE clauses for `since` and `kind` (an encrypted journal's kind is inside the body)."""
        where, args = [], []
        if since is not None:
            where.append("created_ms >= ?")
            args.append(_ms(since))
        if kind and not self.encrypted:
            where.append("kind = ?")
            args.append(kind)
        return where, args

    def recent(self, n: int = 10, *, kind: str | None = None, since: datetime | None = None) -> list[Record]:
        """The newest `n` entries (of `kind`, since `since`), newest first."""
        where, args = self._filters(since, kind)
        if kind and not self.encrypted:
            return [self._record(r) for r in self._query(self._select(where, args, "DESC", n), args)]
        if not kind:
            return [self._record(r) for r in self._query(self._select(where, args, "DESC", n), args)]
        out: list[Record] = []  # encrypted: the kind is inside the body
        for rec in self._iter(self._select(where, args, "DESC"), args):
            if rec.kind == kind:
                out.append(rec)
                if len(out) >= n:
                    break
        return out

    def _rows(self, sql: str, args: list[Any]) -> Iterator[Any]:
        """Rows of `sql`, read a batch at a time so memory stays flat at any size."""
        try:
            cur = self.conn.execute(sql, args)
            while rows := cur.fetchmany(256):
                yield from rows
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None

    def _iter(self, sql: str, args: list[Any]) -> Iterator[Record]:
        for row in self._rows(sql, args):
            yield self._record(row)

    def entries(self, *, since: datetime | None = None, kind: str | None = None) -> Iterator[Record]:
        """Every entry (or those since `since`, of `kind`), oldest first, read lazily."""
        for rec, _ in self.entries_with_times(since=since, kind=kind):
            yield rec

    def entries_with_times(self, *, since: datetime | None = None, kind: str | None = None) -> Iterator[tuple[Record, int]]:
        """Like `entries`, with each entry's last-change time (ms), for export."""
        where, args = self._filters(since, kind)
        sql = "SELECT id, created, sealed, body, updated_ms FROM entries"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_ms, id"
        if self.encrypted:
            self.unlock()
        for row in self._rows(sql, args):
            rec = self._record(row)
            if kind and rec.kind != kind:  # an encrypted journal's kind is inside the body
                continue
            yield rec, row[4]

    def get(self, ref: str) -> Record:
        """An entry by id, or by an unambiguous start or end of its id (at least 4 characters)."""
        ref = ref.strip().lower()
        if len(ref) < 4:
            raise UsageError(t("journal.id_too_short"))
        rows = self._query(
            "SELECT id, created, sealed, body FROM entries WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (ref, ref + "\U0010ffff"),
        )
        if not rows and "%" not in ref and "_" not in ref:  # the end of an id, as lists show it
            rows = self._query("SELECT id, created, sealed, body FROM entries WHERE id LIKE ? LIMIT 2", ("%" + ref,))
        if not rows:
            raise UsageError(t("journal.no_such_entry", id=ref))
        if len(rows) > 1 and rows[0][0] != ref:
            raise UsageError(t("journal.ambiguous_id", id=ref))
        return self._record(rows[0])

    def count(self) -> int:
        return self._query("SELECT count(*) FROM entries")[0][0]

    def search_index(self, match: str, limit: int) -> list[tuple[Record, float]]:
        """Plain journals: the best `limit` entries for an FTS5 query, best first."""
        rows = self._query(
            "SELECT e.id, e.created, e.sealed, e.body, bm25(entries_fts) AS score"
            " FROM entries_fts JOIN entries e ON e.seq = entries_fts.rowid"
            " WHERE entries_fts MATCH ? ORDER BY score, e.created_ms DESC LIMIT ?",
            (match, limit),
        )
        return [(self._record(r), -r[4]) for r in rows]

    # -- import --------------------------------------------------------------

    def merge(self, items: Iterable[tuple[Record, int]], *, tick: Tick | None = None) -> dict[str, int]:
        """Add entries by id: new ones are added, newer versions replace older, the rest are left.

        Runs in batches of 500 per transaction; importing the same file again changes nothing.
        """
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        if self.encrypted and not self.open_add:
            self.unlock()
        batch: list[tuple[Record, int]] = []

        def flush() -> None:
            with self._writing() as c:
                for rec, updated in batch:
                    plain = _dump(_to_doc(rec))
                    how, stored = self._encode(rec.id, plain, b"entry:", may_seal=self.open_add)
                    clear = how == PLAIN
                    row = c.execute("SELECT seq, updated_ms FROM entries WHERE id = ?", (rec.id,)).fetchone()
                    if row is not None and row[1] >= updated:
                        counts["unchanged"] += 1
                        continue
                    values = (
                        rec.created.isoformat(timespec="seconds"), _ms(rec.created), updated,
                        rec.kind if clear else None, rec.exercise if clear else None, how, stored,
                    )
                    if row is None:
                        cur = c.execute(
                            "INSERT INTO entries (created, created_ms, updated_ms, kind, exercise, sealed, body, id)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values + (rec.id,))
                        seq = cur.lastrowid
                        counts["added"] += 1
                    else:
                        seq = row[0]
                        c.execute(
                            "UPDATE entries SET created = ?, created_ms = ?, updated_ms = ?, kind = ?, exercise = ?,"
                            " sealed = ?, body = ? WHERE seq = ?", values + (seq,))
                        if clear:
                            c.execute("DELETE FROM entries_fts WHERE rowid = ?", (seq,))
                        counts["updated"] += 1
                    if clear:
                        c.execute("INSERT INTO entries_fts (rowid, text) VALUES (?, ?)", (seq, _index_text(_to_doc(rec))))
            if tick:
                tick(len(batch))
            batch.clear()

        for item in items:
            batch.append(item)
            if len(batch) >= 500:
                flush()
        if batch:
            flush()
        return counts

    # -- drafts --------------------------------------------------------------

    def save_draft(self, draft_id: str, exercise: str, answers: dict[str, Any]) -> None:
        """Keep the answers given so far (sealed without asking, if the journal is encrypted)."""
        plain = _dump({"exercise": exercise, "answers": answers})
        how, stored = self._encode(draft_id, plain, b"draft:", may_seal=True)
        with self._writing() as c:
            c.execute(
                "INSERT OR REPLACE INTO drafts (id, exercise, updated_ms, sealed, body) VALUES (?, ?, ?, ?, ?)",
                (draft_id, exercise if how == PLAIN else None, _now_ms(), how, stored),
            )

    def has_drafts(self) -> bool:
        return bool(self._query("SELECT 1 FROM drafts LIMIT 1"))

    def draft_count(self) -> int:
        return self._query("SELECT count(*) FROM drafts")[0][0]

    def drafts(self, exercise: str | None = None) -> list[dict[str, Any]]:
        """Kept drafts (for `exercise`), newest first: id, exercise, updated (ms), answers."""
        if self.encrypted:
            rows = self._query("SELECT id, sealed, body, updated_ms FROM drafts ORDER BY updated_ms DESC")
        elif exercise is not None:
            rows = self._query(
                "SELECT id, sealed, body, updated_ms FROM drafts WHERE exercise = ? ORDER BY updated_ms DESC", (exercise,))
        else:
            rows = self._query("SELECT id, sealed, body, updated_ms FROM drafts ORDER BY updated_ms DESC")
        out = []
        for rid, sealed, body, updated in rows:
            try:
                doc = _doc(self._open_body(rid, sealed, body, b"draft:"))
            except (ValueError, KeyError):
                raise DataError(t("journal.entry_damaged", id=rid)) from None
            if exercise is None or doc.get("exercise") == exercise:
                out.append({"id": rid, "exercise": doc.get("exercise"), "updated": updated, "answers": doc.get("answers") or {}})
        return out

    def delete_draft(self, draft_id: str) -> None:
        with self._writing() as c:
            c.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))


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

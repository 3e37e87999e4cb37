"""Reading a built catalogue: plain DB-API (sqlite3 or psycopg), no ORM, never a write.

Every answer runs on one snapshot of one build generation:
- SQLite: a rebuild replaces the file (never changes it in place), so the file is opened
  read-only and immutable; a connection keeps reading the file it opened, and an answer notices a
  new file by its identity and reopens;
- PostgreSQL: an answer is one read-only repeatable-read transaction that reads the generation
  first and last; a rebuild renamed in between makes it retry on a fresh connection.
Connections are per thread (TUI workers) and never outlive their generation.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from mobility_tui.i18n import _
from mobility_tui.storage import SCHEMA_VERSION, SERVER_SCHEMA
from mobility_tui.storage.urls import DatabaseError, DatabaseUrl

T = TypeVar("T")
ATTEMPTS = 3


class NotBuilt(DatabaseError):
    """The database is missing or empty: `db build` has not run on it."""


class WrongSchema(DatabaseError):
    """The database was built by a version with another schema."""


@dataclass(frozen=True)
class Row:
    id: str
    kind: str
    country: str | None
    summary_json: str | None
    body_json: str | None

    @property
    def summary(self) -> dict[str, Any]:
        return json.loads(self.summary_json) if self.summary_json else {}

    @property
    def body(self) -> dict[str, Any]:
        return json.loads(self.body_json) if self.body_json else {}


class Snapshot:
    """One answer's view of the database: everything it reads comes from one generation."""

    def __init__(self, cursor, paramstyle: str, prefix: str, info: dict[str, str]):
        self._cursor = cursor
        self._paramstyle = paramstyle
        self._prefix = prefix
        self.info = info

    @property
    def generation(self) -> str:
        return self.info.get("generation", "")

    def _sql(self, text: str) -> str:
        text = text.replace("{p}", self._prefix)
        return text.replace("?", "%s") if self._paramstyle == "format" else text

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        self._cursor.execute(self._sql(sql), tuple(params))
        return list(self._cursor.fetchall())

    def _in(self, values: list[str]) -> str:
        return ",".join("?" * len(values))

    def records(self, ids: Iterable[str], with_body: bool = True) -> dict[str, Row]:
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Row] = {}
        body = "body" if with_body else "NULL"
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for row in self._rows(f"SELECT id, kind, country, summary, {body} FROM {{p}}record "
                                  f"WHERE id IN ({self._in(chunk)})", chunk):
                found[row[0]] = Row(*row)
        return found

    def record(self, record_id: str) -> Row | None:
        return self.records([record_id]).get(record_id)

    def by_kind(self, kind: str, with_body: bool = True, country: str | None = None,
                limit: int | None = None) -> list[Row]:
        body = "body" if with_body else "NULL"
        where, params = "kind = ?", [kind]
        if country is not None:
            where, params = where + " AND country = ?", [*params, country]
        tail = f" LIMIT {int(limit)}" if limit is not None else ""
        return [Row(*row) for row in self._rows(
            f"SELECT id, kind, country, summary, {body} FROM {{p}}record WHERE {where} "
            f"ORDER BY id{tail}", params)]

    def links_to(self, targets: Iterable[str], kind: str) -> list[tuple[str, str]]:
        """(source, target) links of this kind that point to one of `targets`."""
        wanted = list(dict.fromkeys(targets))
        if not wanted:
            return []
        return [(source, target) for source, target in self._rows(
            f"SELECT source, target FROM {{p}}link WHERE kind = ? AND target IN ({self._in(wanted)}) "
            "ORDER BY source, target", (kind, *wanted))]

    def index_parts(self) -> dict[str, bytes]:
        return {name: bytes(data) for name, data in self._rows("SELECT name, data FROM {p}search_part")}


def _read_info(cursor, paramstyle: str, prefix: str) -> dict[str, str]:
    sql = f"SELECT key, value FROM {prefix}build_info"
    cursor.execute(sql)
    return {key: value for key, value in cursor.fetchall()}


@dataclass
class _Connection:
    handle: Any
    identity: tuple = ()
    generation: str = ""


@dataclass
class Reader:
    """Read access to one catalogue database; safe to share between threads.

    Connections wait in a small pool between answers (TUI workers are short-lived threads, so
    per-thread connections would pile up); each is used by one answer at a time.
    """

    url: DatabaseUrl
    _idle: list[_Connection] = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    MAX_IDLE: int = 4

    @property
    def is_sqlite(self) -> bool:
        return self.url.backend == "sqlite"

    def answer(self, work: Callable[[Snapshot], T]) -> T:
        """Run `work` on one consistent snapshot; retried if a rebuild swaps the data mid-answer."""
        for _attempt in range(ATTEMPTS):
            result, consistent = self._attempt(work)
            if consistent:
                return result
        raise DatabaseError(_("The database at {url} kept changing while answering (it is being "
                              "rebuilt); try again in a moment.").format(url=self.url.masked))

    def info(self) -> dict[str, str]:
        return self.answer(lambda snapshot: dict(snapshot.info))

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for connection in idle:
            _close_quietly(connection.handle)

    # --- the pool ----------------------------------------------------------------------
    def _acquire(self, identity: tuple = ()) -> _Connection | None:
        with self._lock:
            while self._idle:
                connection = self._idle.pop()
                if connection.identity == identity:
                    return connection
                _close_quietly(connection.handle)  # another file or generation: never reused
        return None

    def _release(self, connection: _Connection) -> None:
        with self._lock:
            if len(self._idle) < self.MAX_IDLE:
                self._idle.append(connection)
                return
        _close_quietly(connection.handle)

    # --- per backend -------------------------------------------------------------------
    def _attempt(self, work: Callable[[Snapshot], T]) -> tuple[T, bool]:
        if self.is_sqlite:
            return self._attempt_sqlite(work)
        return self._attempt_postgres(work)

    def _attempt_sqlite(self, work):
        import sqlite3

        path = self.url.sqlite_path()
        assert path is not None
        identity = _file_identity(path)
        connection = self._acquire(identity) or self._open_sqlite(path, identity)
        try:
            cursor = connection.handle.cursor()
            info = _read_info(cursor, "qmark", "")
            _check_schema(info, self.url)
            result = work(Snapshot(cursor, "qmark", "", info))
        except sqlite3.Error as error:
            _close_quietly(connection.handle)
            if "no such table" in str(error):
                raise NotBuilt(describe_failure(self.url, error)) from None
            raise self._describe(error) from None
        except BaseException:
            _close_quietly(connection.handle)
            raise
        self._release(connection)
        # The file a connection reads never changes; a newer file is the next answer's.
        return result, True

    def _open_sqlite(self, path: Path, identity: tuple) -> _Connection:
        import sqlite3
        from urllib.parse import quote

        if not identity:
            raise NotBuilt(_("The database {path} has not been built yet; run `mobility-tui db "
                             "build`.").format(path=path))
        uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
        try:
            handle = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as error:
            raise self._describe(error) from None
        return _Connection(handle, identity)

    def _attempt_postgres(self, work):
        import psycopg

        connection = self._acquire(("pg",)) or self._open_postgres()
        prefix = f'"{SERVER_SCHEMA}".'
        try:
            with connection.handle.transaction():
                cursor = connection.handle.cursor()
                info = _read_info(cursor, "format", prefix)
                _check_schema(info, self.url)
                if connection.generation and info.get("generation") != connection.generation:
                    # A new build: never reuse a connection across generations.
                    _close_quietly(connection.handle)
                    return None, False
                connection.generation = info.get("generation", "")
                result = work(Snapshot(cursor, "format", prefix, info))
                cursor.execute(f"SELECT value FROM {prefix}build_info WHERE key = 'generation'")
                last = cursor.fetchone()
            if last is None or last[0] != connection.generation:
                _close_quietly(connection.handle)
                return None, False
        except psycopg.errors.UndefinedTable:
            _close_quietly(connection.handle)
            raise NotBuilt(_("The database at {url} has not been built yet; run `mobility-tui db "
                             "build` (with the same --database-url).").format(
                url=self.url.masked)) from None
        except psycopg.Error as error:
            _close_quietly(connection.handle)
            raise self._describe(error) from None
        except BaseException:
            _close_quietly(connection.handle)
            raise
        self._release(connection)
        return result, True

    def _open_postgres(self) -> _Connection:
        import psycopg

        try:
            handle = psycopg.connect(connect_timeout=5, autocommit=True,
                                     **_postgres_params(self.url))
        except psycopg.Error as error:
            raise self._describe(error) from None
        handle.read_only = True
        handle.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        return _Connection(handle, ("pg",))

    def _describe(self, error: Exception) -> DatabaseError:
        return DatabaseError(describe_failure(self.url, error))


def _postgres_params(url: DatabaseUrl) -> dict[str, Any]:
    params: dict[str, Any] = {key: value for key, value in url.query}
    for key, value in (("host", url.host), ("port", url.port), ("dbname", url.database),
                       ("user", url.user), ("password", url.password)):
        if value is not None:
            params[key] = value
    return params


def _check_schema(info: dict[str, str], url: DatabaseUrl) -> None:
    version = info.get("schema_version")
    if version != SCHEMA_VERSION:
        raise WrongSchema(_("The database at {url} was built by another version of mobility-tui "
                            "(schema {found}; this version reads {wanted}); rebuild it with "
                            "`mobility-tui db build`.").format(
            url=url.masked, found=version or "?", wanted=SCHEMA_VERSION))


def _file_identity(path: Path) -> tuple:
    try:
        stat = os.stat(path)
    except OSError:
        return ()
    return (stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _close_quietly(handle) -> None:
    try:
        handle.close()
    except Exception:  # noqa: BLE001 - closing is best effort
        pass


def describe_failure(url: DatabaseUrl, error: Exception) -> str:
    """One sentence for an error from the database driver; never the password."""
    text = str(getattr(error, "orig", None) or error).strip().splitlines()
    reason = url.scrub(text[0]) if text else error.__class__.__name__
    lowered = reason.lower()
    masked = url.masked
    if "no such table" in lowered or "does not exist" in lowered and "relation" in lowered:
        return _("The database at {url} has not been built yet; run `mobility-tui db build` (with "
                 "the same --database-url).").format(url=masked)
    if "password authentication failed" in lowered or "authentication" in lowered:
        return _("The database at {url} refused the user name or password.").format(url=masked)
    if any(words in lowered for words in (
            "could not connect", "connection refused", "timeout", "could not translate host name",
            "connection failed", "failed to resolve host", "name or service not known")):
        return _("The database server at {url} cannot be reached.").format(url=masked)
    if "does not exist" in lowered and "database" in lowered:
        return _("The database at {url} does not exist.").format(url=masked)
    if "unable to open database file" in lowered:
        return _("The database file at {url} cannot be opened.").format(url=masked)
    if "file is not a database" in lowered or "malformed" in lowered:
        return _("The file at {url} is not a mobility-tui database; rebuild it with `mobility-tui "
                 "db build`.").format(url=masked)
    if "permission denied" in lowered:
        return _("The database at {url} cannot be read with this user's rights ({reason}).").format(
            url=masked, reason=reason)
    return _("The database at {url} cannot be used ({reason}).").format(url=masked, reason=reason)

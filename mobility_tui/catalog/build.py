"""Build the whole database from the data files in one go, and swap it in atomically.

Only this module writes a database. SQLite: everything is written to a temporary file beside
the target (no journal: the file is new), synced, given the old file's mode and group, and
renamed into place, so a reader sees the old file or the new one and a failed build changes
nothing. PostgreSQL: everything is written to a fresh schema, then one transaction renames it into
place. Each build has a generation number (the previous one + 1) that readers use to notice it.
A build holds a lock for its whole run and removes what killed builds left behind.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mobility_tui.catalog.documents import build_documents
from mobility_tui.catalog.loader import Catalog, load_catalog
from mobility_tui.catalog.signature import cache_file, data_signature, remember
from mobility_tui.i18n import _, ngettext
from mobility_tui.resources import bundled_data_dir
from mobility_tui.search import build_index
from mobility_tui.storage import SCHEMA_VERSION, SERVER_SCHEMA
from mobility_tui.storage.reader import describe_failure
from mobility_tui.storage.urls import DatabaseError, DatabaseUrl, parse_url

Progress = Callable[[str], None]
BUNDLED = "bundled"
# Held by a PostgreSQL build for its whole run; two desks rebuilding at once take turns.
BUILD_LOCK = 7243050


@dataclass(frozen=True)
class BuildResult:
    records: int
    qualifications: int
    regulations: int
    generation: int
    catalog: Catalog


def _silent(_message: str) -> None:
    pass


def build_database(url: str, data_dir: Path | None = None, progress: Progress = _silent,
                   grant_read: Sequence[str] = ()) -> BuildResult:
    """Validate the data, then replace the database at `url` with one built from it."""
    target = parse_url(url)
    origin = BUNDLED if data_dir is None else str(Path(data_dir).resolve())
    data_dir = bundled_data_dir() if data_dir is None else Path(data_dir)
    progress(_("Reading and checking the data files in {folder}…").format(folder=data_dir))
    catalog = load_catalog(data_dir)
    records, links, entries = build_documents(catalog)
    parts = build_index(entries)
    progress(ngettext("Writing {count} record to the database…",
                      "Writing {count} records to the database…", len(records)).format(
        count=len(records)))
    rows = {
        "record": [vars(record) for record in records],
        "link": [vars(link) for link in links],
        "search_part": [{"name": name, "data": data} for name, data in parts.items()],
    }
    signature = data_signature(data_dir)
    info = {"fingerprint": catalog.fingerprint, "signature": signature,
            "origin": origin, "schema_version": SCHEMA_VERSION,
            "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    if target.backend == "sqlite":
        generation = _write_sqlite(target, rows, info)
    else:
        generation = _write_server(target, rows, info, list(grant_read))
    if origin == BUNDLED:
        remember(signature, catalog.fingerprint, cache_file())
    result = BuildResult(len(records), len(catalog.qualifications) + len(catalog.occupations),
                         len(catalog.regulations), generation, catalog)
    progress(_("Database ready (generation {generation}): {records} records, {qualifications} "
               "qualifications and occupations, {regulations} regulation entries.").format(
        generation=generation, records=result.records, qualifications=result.qualifications,
        regulations=result.regulations))
    return result


def _tables():
    from mobility_tui import models

    return {"record": models.Record.__table__, "link": models.Link.__table__,
            "search_part": models.SearchPart.__table__, "build_info": models.BuildInfo.__table__}


def _fill(connection, rows: dict[str, list[dict]], info: dict[str, str]) -> None:
    from sqlmodel import SQLModel

    tables = _tables()  # imports the models, so the metadata knows every table
    SQLModel.metadata.create_all(connection)
    for name, items in rows.items():
        for start in range(0, len(items), 5000):
            connection.execute(tables[name].insert(), items[start:start + 5000])
    connection.execute(tables["build_info"].insert(),
                       [{"key": key, "value": value} for key, value in info.items()])


# --- SQLite ------------------------------------------------------------------------------

@contextmanager
def _file_lock(target: Path) -> Iterator[None]:
    import fcntl

    lock_path = target.with_name(f".{target.name}.lock")
    try:
        handle = open(lock_path, "a+")  # noqa: SIM115 - held for the whole build
    except OSError as error:
        raise DatabaseError(_("The database {path} could not be written ({reason}).").format(
            path=target, reason=error.strerror or error.__class__.__name__)) from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _previous_generation_sqlite(target: Path) -> int:
    import sqlite3
    from urllib.parse import quote

    if not target.exists():
        return 0
    try:
        connection = sqlite3.connect(f"file:{quote(str(target.resolve()))}?mode=ro&immutable=1",
                                     uri=True)
        try:
            row = connection.execute(
                "SELECT value FROM build_info WHERE key = 'generation'").fetchone()
        finally:
            connection.close()
        return int(row[0]) if row else 0
    except (sqlite3.Error, ValueError):
        return 0


def _write_sqlite(target_url: DatabaseUrl, rows: dict, info: dict[str, str]) -> int:
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import SQLAlchemyError

    target = target_url.sqlite_path()
    assert target is not None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(_("The folder {folder} cannot be created ({reason}).").format(
            folder=target.parent, reason=error.strerror)) from None
    with _file_lock(target):
        remove_leftovers_sqlite(target)
        generation = _previous_generation_sqlite(target) + 1
        temporary = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.building")
        engine = create_engine(f"sqlite:///{temporary}")

        @event.listens_for(engine, "connect")
        def _no_journal(dbapi_connection, _record):  # a new file: nothing to roll back to
            dbapi_connection.execute("PRAGMA journal_mode=OFF")
            dbapi_connection.execute("PRAGMA synchronous=OFF")

        try:
            with engine.begin() as connection:
                _fill(connection, rows, {**info, "generation": str(generation)})
            engine.dispose()
            _sync(temporary)
            _keep_mode_and_group(temporary, target)
            os.replace(temporary, target)
            _sync_folder(target.parent)
        except (SQLAlchemyError, OSError) as error:
            raise DatabaseError(_("The database {path} could not be written ({reason}).").format(
                path=target, reason=getattr(error, "strerror", None) or error.__class__.__name__)
            ) from None
        finally:
            engine.dispose()
            temporary.unlink(missing_ok=True)
    return generation


def remove_leftovers_sqlite(target: Path) -> None:
    """Delete what builds killed mid-way left (temporary files, journals). Called under the
    build lock; readers open the file immutable and never leave a journal of their own, so a
    journal beside the target can only be a dead writer's and must not be rolled onto a new file."""
    for leftover in target.parent.glob(f".{target.name}.*.building*"):
        try:
            pid = int(leftover.name[len(target.name) + 2:].split(".")[0])
            os.kill(pid, 0)
        except ProcessLookupError:
            leftover.unlink(missing_ok=True)
        except (ValueError, PermissionError, OSError):
            continue  # not ours to judge, or the process still runs
    for suffix in ("-journal", "-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)


def _keep_mode_and_group(new: Path, old: Path) -> None:
    """A rebuilt shared file keeps the permissions an administrator gave the old one."""
    try:
        stat = os.stat(old)
    except FileNotFoundError:
        return
    os.chmod(new, stat.st_mode & 0o7777)
    try:
        os.chown(new, -1, stat.st_gid)
    except PermissionError:
        pass  # not a member of that group: the mode still holds


def _sync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# --- PostgreSQL --------------------------------------------------------------------------

def server_engine(url: DatabaseUrl, schema: str | None = None):
    """A SQLAlchemy engine for a server URL, built from its parts (any password works)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import URL

    sa_url = URL.create(f"postgresql+{url.driver or 'psycopg'}", username=url.user,
                        password=url.password, host=url.host, port=url.port,
                        database=url.database, query=dict(url.query))
    engine = create_engine(sa_url, connect_args={"connect_timeout": 5})
    if schema is not None:
        engine = engine.execution_options(schema_translate_map={None: schema})
    return engine


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _write_server(url: DatabaseUrl, rows: dict, info: dict[str, str], grant_read: list[str]) -> int:
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    building = f"{SERVER_SCHEMA}_build_{uuid.uuid4().hex[:12]}"
    retired = f"{SERVER_SCHEMA}_old_{uuid.uuid4().hex[:12]}"
    engine = server_engine(url)
    try:
        with engine.connect() as lock:
            lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": BUILD_LOCK})
            lock.commit()
            with engine.begin() as connection:
                _drop_leftover_schemas(connection)
                previous = _previous_server_info(connection)
                connection.execute(text(f"CREATE SCHEMA {_quote(building)}"))
            generation = int(previous.get("generation", "0") or 0) + 1
            roles = sorted(set(filter(None, previous.get("read_roles", "").split(","))) | set(grant_read))
            full_info = {**info, "generation": str(generation), "read_roles": ",".join(roles)}
            with engine.execution_options(schema_translate_map={None: building}).begin() as connection:
                _fill(connection, rows, full_info)
                for role in roles:
                    connection.execute(text(f"GRANT USAGE ON SCHEMA {_quote(building)} TO {_quote(role)}"))
                    connection.execute(text(
                        f"GRANT SELECT ON ALL TABLES IN SCHEMA {_quote(building)} TO {_quote(role)}"))
            with engine.begin() as connection:
                exists = connection.execute(text(
                    "SELECT 1 FROM information_schema.schemata WHERE schema_name = :name"),
                    {"name": SERVER_SCHEMA}).first()
                if exists:
                    connection.execute(text(
                        f"ALTER SCHEMA {_quote(SERVER_SCHEMA)} RENAME TO {_quote(retired)}"))
                connection.execute(text(
                    f"ALTER SCHEMA {_quote(building)} RENAME TO {_quote(SERVER_SCHEMA)}"))
            # Waits for readers still inside the old schema, then frees it.
            with engine.begin() as connection:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {_quote(retired)} CASCADE"))
            lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": BUILD_LOCK})
            lock.commit()
    except SQLAlchemyError as error:
        _drop_quietly(engine, building)
        raise DatabaseError(describe_failure(url, error)) from None
    finally:
        engine.dispose()
    return generation


def _previous_server_info(connection) -> dict[str, str]:
    from sqlalchemy import text

    exists = connection.execute(text(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = :schema "
        "AND table_name = 'build_info'"), {"schema": SERVER_SCHEMA}).first()
    if not exists:
        return {}
    return {key: value for key, value in connection.execute(text(
        f"SELECT key, value FROM {_quote(SERVER_SCHEMA)}.build_info"))}


def _drop_leftover_schemas(connection) -> None:
    """Schemas of builds that died (we hold the build lock: no build is running)."""
    from sqlalchemy import text

    for (stale,) in connection.execute(text(
            "SELECT schema_name FROM information_schema.schemata "
            "WHERE schema_name LIKE :build OR schema_name LIKE :old"),
            {"build": f"{SERVER_SCHEMA}\\_build\\_%", "old": f"{SERVER_SCHEMA}\\_old\\_%"}):
        connection.execute(text(f"DROP SCHEMA {_quote(stale)} CASCADE"))


def _drop_quietly(engine, schema: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {_quote(schema)} CASCADE"))
    except SQLAlchemyError:
        pass

"""Build the whole database from the data files in one go, and swap it in atomically.

SQLite: everything is written to a temporary file beside the target, then `os.replace` puts it
in place, so a reader sees the old file or the new one and a failed build changes nothing.
PostgreSQL: everything is written to a fresh schema, then one transaction renames it into place.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mobility_tui.catalog.loader import SCHEMA_VERSION, Catalog, fingerprint, load_catalog
from mobility_tui.database import (
    SERVER_SCHEMA,
    DatabaseError,
    create_engine_for,
    describe_failure,
    sqlite_path,
)
from mobility_tui.i18n import _, ngettext
from mobility_tui.resources import bundled_data_dir

Progress = Callable[[str], None]
BUNDLED = "bundled"


@dataclass(frozen=True)
class BuildResult:
    qualifications: int
    regulations: int
    courses: int
    guide_steps: int


def _silent(_message: str) -> None:
    pass


def build_database(url: str, data_dir: Path | None = None, progress: Progress = _silent) -> BuildResult:
    """Validate the data, then replace the database at `url` with one built from it."""
    origin = BUNDLED if data_dir is None else str(Path(data_dir).resolve())
    data_dir = bundled_data_dir() if data_dir is None else Path(data_dir)
    progress(_("Reading and checking the data files in {folder}…").format(folder=data_dir))
    catalog = load_catalog(data_dir)
    rows = _rows(catalog, origin)
    progress(ngettext("Writing {count} record to the database…",
                      "Writing {count} records to the database…", len(rows)).format(count=len(rows)))
    path = sqlite_path(url)
    if path is not None:
        _write_sqlite(path, rows)
    else:
        _write_server(url, rows)
    result = BuildResult(len(catalog.qualifications), len(catalog.regulations),
                         len(catalog.courses), len(catalog.guide_steps))
    progress(_("Database ready: {qualifications} qualifications, {regulations} regulation entries, "
               "{courses} courses, {steps} guide steps.").format(
        qualifications=result.qualifications, regulations=result.regulations,
        courses=result.courses, steps=result.guide_steps))
    return result


def _rows(catalog: Catalog, origin: str) -> list:
    from mobility_tui import models

    rows: list = []
    for record in catalog.qualifications:
        rows.append(models.Qualification(
            id=record.id, country=record.country, type=record.type, code=record.code,
            eqf_level=record.eqf_level, national_level=record.national_level,
            programme_id=record.programme, name=record.name.as_dict(),
            titles=record.titles.as_dict(), aliases=record.aliases.as_dict(),
            description=record.description.as_dict() if record.description else None,
            note=record.note.as_dict() if record.note else None,
            specialisations=[item.as_dict() for item in record.specialisations],
            sources=list(record.sources), verified=record.verified,
            source_file=catalog.files[record.id].name))
        for position, counterpart in enumerate(record.counterparts):
            rows.append(models.Counterpart(
                qualification_id=record.id, target_id=counterpart.target, position=position,
                relation=counterpart.relation,
                track=counterpart.track.as_dict() if counterpart.track else None,
                rationale=counterpart.rationale.as_dict(), sources=list(counterpart.sources)))
    for regulation in catalog.regulations:
        rows.append(models.Regulation(
            id=regulation.id, country=regulation.country, regulated=regulation.regulated,
            occupation=regulation.occupation.as_dict(), authority_name=regulation.authority.name,
            authority_url=regulation.authority.url, valid_from=regulation.valid_from,
            fee=regulation.fee, processing_time=regulation.processing_time,
            swedish_level=regulation.swedish_level,
            language_requirement=(regulation.language_requirement.as_dict()
                                  if regulation.language_requirement else None),
            notes=regulation.notes.as_dict() if regulation.notes else None,
            steps=[step.as_dict() for step in regulation.steps],
            sources=list(regulation.sources), verified=regulation.verified))
        rows.extend(models.RegulationLink(regulation_id=regulation.id, qualification_id=target)
                    for target in dict.fromkeys(regulation.applies_to))
    for course in catalog.courses:
        rows.append(models.Course(
            id=course.id, provider=course.provider, name=course.name.as_dict(),
            levels=list(course.levels), mode=course.mode, location=course.location,
            country=course.country, cost=course.cost, url=course.url,
            description=course.description.as_dict() if course.description else None,
            sources=list(course.sources), verified=course.verified))
    for step in catalog.guide_steps:
        rows.append(models.GuideStep(
            id=step.id, order=step.order, scenarios=list(step.scenarios),
            title=step.title.as_dict(), body=step.body.as_dict(),
            authority_name=step.authority.name, authority_url=step.authority.url,
            sources=list(step.sources), verified=step.verified))
    info = {"fingerprint": catalog.fingerprint, "origin": origin, "schema_version": SCHEMA_VERSION,
            "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    rows.extend(models.BuildInfo(key=key, value=value) for key, value in info.items())
    return rows


def _fill(engine, rows: list) -> None:
    from sqlmodel import Session, SQLModel

    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(rows)
        session.commit()


def _write_sqlite(target: Path, rows: list) -> None:
    from sqlalchemy.exc import SQLAlchemyError

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(_("The folder {folder} cannot be created ({reason}).").format(
            folder=target.parent, reason=error.strerror)) from None
    _remove_abandoned_builds(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.building")
    engine = create_engine_for(f"sqlite:///{temporary}")
    try:
        _fill(engine, rows)
        engine.dispose()
        os.replace(temporary, target)
    except (SQLAlchemyError, OSError) as error:
        raise DatabaseError(_("The database {path} could not be written ({reason}).").format(
            path=target, reason=getattr(error, "strerror", None) or error.__class__.__name__)) from None
    finally:
        engine.dispose()
        temporary.unlink(missing_ok=True)


def _remove_abandoned_builds(target: Path) -> None:
    """Delete temporary files of builds whose process died (killed, power cut)."""
    for leftover in target.parent.glob(f".{target.name}.*.building"):
        try:
            pid = int(leftover.name[len(target.name) + 2:].split(".")[0])
            os.kill(pid, 0)
        except ProcessLookupError:
            leftover.unlink(missing_ok=True)
        except (ValueError, PermissionError, OSError):
            continue  # not ours to judge, or the process still runs


def _write_server(url: str, rows: list) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    building = f"{SERVER_SCHEMA}_build_{uuid.uuid4().hex[:12]}"
    retired = f"{SERVER_SCHEMA}_old_{uuid.uuid4().hex[:12]}"
    engine = create_engine_for(url, schema=building)
    try:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{building}"'))
        _fill(engine, rows)
        # The swap is one short transaction: readers see the old schema or the new one. The
        # advisory lock keeps two desks rebuilding at once from interleaving their renames.
        with engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(7243051)"))
            for (stale,) in connection.execute(text(
                    "SELECT schema_name FROM information_schema.schemata "
                    "WHERE schema_name LIKE :pattern"), {"pattern": f"{SERVER_SCHEMA}_old_%"}):
                # Retired by an earlier build: no reader can still be inside it.
                connection.execute(text(f'DROP SCHEMA "{stale}" CASCADE'))
            exists = connection.execute(text(
                "SELECT 1 FROM information_schema.schemata WHERE schema_name = :name"),
                {"name": SERVER_SCHEMA}).first()
            if exists:
                connection.execute(text(f'ALTER SCHEMA "{SERVER_SCHEMA}" RENAME TO "{retired}"'))
            connection.execute(text(f'ALTER SCHEMA "{building}" RENAME TO "{SERVER_SCHEMA}"'))
    except SQLAlchemyError as error:
        _drop_quietly(engine, building)
        raise DatabaseError(describe_failure(url, error)) from None
    finally:
        engine.dispose()


def _drop_quietly(engine, schema: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    except SQLAlchemyError:
        pass


def read_build_info(engine) -> dict[str, str]:
    """What the database was built from, or {} when it has not been built."""
    from sqlalchemy.exc import OperationalError, ProgrammingError
    from sqlmodel import Session, select

    from mobility_tui.models import BuildInfo

    try:
        with Session(engine) as session:
            return {row.key: row.value for row in session.exec(select(BuildInfo))}
    except (OperationalError, ProgrammingError) as error:
        if "no such table" in str(error) or "does not exist" in str(error):
            return {}
        raise


def needs_build(engine) -> bool:
    """True when the database is missing, or was built from the shipped data and that changed."""
    info = read_build_info(engine)
    if not info:
        return True
    if info.get("origin") != BUNDLED:
        return False
    return (info.get("schema_version") != SCHEMA_VERSION
            or info.get("fingerprint") != fingerprint(bundled_data_dir()))

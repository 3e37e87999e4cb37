"""Open the database, building it first from the shipped data when it is missing or stale."""

from __future__ import annotations

from mobility_tui.catalog.build import Progress, build_database, needs_build
from mobility_tui.database import DatabaseError, create_engine_for, describe_failure, sqlite_path


def _silent(_message: str) -> None:
    pass


def open_database(url: str, progress: Progress = _silent):
    """An engine on a ready database (SQLAlchemy Engine)."""
    from sqlalchemy.exc import SQLAlchemyError

    path = sqlite_path(url)
    if path is not None and not path.exists():
        build_database(url, progress=progress)
    engine = create_engine_for(url)
    try:
        if needs_build(engine):
            engine.dispose()
            build_database(url, progress=progress)
    except SQLAlchemyError as error:
        engine.dispose()
        raise DatabaseError(describe_failure(url, error)) from None
    return engine

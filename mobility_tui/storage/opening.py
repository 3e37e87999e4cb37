"""Open the catalogue a command reads: build the embedded one when needed, never any other.

The embedded default (the SQLite file in the user's own data folder) is built on first use and
rebuilt after an upgrade of the app or its data, so the quick start stays one command. Any
database named by --database-url or the environment, and every PostgreSQL database, is created
or replaced only by `mobility-tui db build`: the other commands only read it, and say once when
it was built from other data than the installed copy.
"""

from __future__ import annotations

from collections.abc import Callable

from mobility_tui.i18n import _
from mobility_tui.storage.reader import NotBuilt, Reader, WrongSchema
from mobility_tui.storage.urls import ChosenDatabase, DatabaseError, parse_url

Notify = Callable[[str], None]
BUNDLED = "bundled"


def _silent(_message: str) -> None:
    pass


def installed_data_fingerprint() -> str:
    from mobility_tui.catalog.signature import cache_file, installed_fingerprint
    from mobility_tui.resources import bundled_data_dir

    return installed_fingerprint(bundled_data_dir(), cache_file())


def open_catalogue(chosen: ChosenDatabase, progress: Notify = _silent,
                   notice: Notify = _silent) -> Reader:
    """A reader on a ready database. `progress` hears about a first-use build, `notice` (once)
    about an office database built from data other than the installed copy."""
    reader = Reader(parse_url(chosen.url))
    try:
        info = reader.info()
    except (NotBuilt, WrongSchema):
        if not chosen.embedded:
            raise
        return _rebuild(reader, chosen, progress)
    except DatabaseError:
        if not chosen.embedded or not _is_damaged_file(reader):
            raise
        return _rebuild(reader, chosen, progress)
    if info.get("origin") == BUNDLED and info.get("fingerprint") != installed_data_fingerprint():
        if chosen.embedded:
            return _rebuild(reader, chosen, progress)
        notice(_("The database at {url} was built from other data than this installation's "
                 "(built {when}); its answers may differ. An administrator can rebuild it with "
                 "`mobility-tui db build`.").format(url=reader.url.masked,
                                                   when=info.get("built_at", "?")))
    return reader


def _is_damaged_file(reader: Reader) -> bool:
    path = reader.url.sqlite_path()
    return path is not None and path.exists()


def _rebuild(reader: Reader, chosen: ChosenDatabase, progress: Notify) -> Reader:
    from mobility_tui.catalog.build import build_database

    reader.close()
    build_database(chosen.url, progress=progress)
    return Reader(parse_url(chosen.url))

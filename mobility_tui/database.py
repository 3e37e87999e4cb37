"""Where the database is, how to open it, and how to say what went wrong without the password."""

from __future__ import annotations

import os
import re
from pathlib import Path

from mobility_tui.i18n import _

ENV_DATABASE_URL = "MOBILITY_TUI_DATABASE_URL"
# On a server the tables live in this schema; a rebuild fills a new schema and renames it.
SERVER_SCHEMA = "mobility"


class DatabaseError(Exception):
    """The database cannot be used; the message is one sentence for a person."""


def default_database_url() -> str:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("mobility-tui", appauthor=False))
    return f"sqlite:///{folder / 'mobility.sqlite3'}"


def resolve_database_url(cli_value: str | None) -> str:
    return cli_value or os.environ.get(ENV_DATABASE_URL) or default_database_url()


_PASSWORD_IN_URL = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s]*(?=@)", re.IGNORECASE)


def mask_url(url: str) -> str:
    """The URL with any password replaced by ***, also when the URL is malformed."""
    masked = _PASSWORD_IN_URL.sub(lambda m: m.group("head") + "***", url)
    return re.sub(r"(password=)[^&\s]*", r"\1***", masked, flags=re.IGNORECASE)


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None for a server database."""
    parsed = _parse(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        raise DatabaseError(_("An in-memory SQLite database cannot be used; give a file path."))
    return Path(parsed.database)


def _parse(url: str):  # -> sqlalchemy.engine.URL
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url)
    except (ArgumentError, ValueError):
        raise DatabaseError(
            _("The database URL {url} is not valid.").format(url=mask_url(url))
        ) from None


def create_engine_for(url: str, *, schema: str = SERVER_SCHEMA):
    """An engine for the URL; on a server, table names resolve in `schema`."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    parsed = _parse(url)
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(
            _("The database URL {url} names an unsupported database; use sqlite or postgresql.")
            .format(url=mask_url(url)))
    try:
        if backend == "sqlite":
            return create_engine(parsed, connect_args={"timeout": 30})
        engine = create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 5})
        return engine.execution_options(schema_translate_map={None: schema})
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as error:
        raise DatabaseError(_("The database URL {url} cannot be used ({reason}).").format(
            url=mask_url(url), reason=error.__class__.__name__)) from None


def describe_failure(url: str, error: Exception) -> str:
    """One sentence for an error from the database driver; never the password."""
    text = str(getattr(error, "orig", None) or error).strip().splitlines()
    reason = mask_url(text[0]) if text else error.__class__.__name__
    lowered = reason.lower()
    if "password authentication failed" in lowered or "authentication" in lowered:
        return _("The database at {url} refused the user name or password.").format(url=mask_url(url))
    if "could not connect" in lowered or "connection refused" in lowered or "timeout" in lowered \
            or "could not translate host name" in lowered or "connection failed" in lowered \
            or "failed to resolve host" in lowered or "name or service not known" in lowered:
        return _("The database server at {url} cannot be reached.").format(url=mask_url(url))
    if "does not exist" in lowered and "database" in lowered:
        return _("The database at {url} does not exist.").format(url=mask_url(url))
    return _("The database at {url} cannot be used ({reason}).").format(
        url=mask_url(url), reason=reason)

"""Database URLs: where the database is, and how to name it without its password.

Parsed by hand (not by SQLAlchemy) so the read path stays light, and so that any password —
with spaces, "@", "/" or other characters, encoded or not — is found and masked.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote

from mobility_tui.i18n import _

ENV_DATABASE_URL = "MOBILITY_TUI_DATABASE_URL"
MASK = "***"


class DatabaseError(Exception):
    """The database cannot be used; the message is one sentence for a person."""


@dataclass(frozen=True)
class DatabaseUrl:
    raw: str
    backend: str  # sqlite | postgresql
    driver: str | None
    user: str | None = None
    password: str | None = None
    host: str | None = None
    port: int | None = None
    database: str | None = None  # the file path for SQLite
    query: tuple[tuple[str, str], ...] = ()

    @property
    def masked(self) -> str:
        return mask_url(self.raw)

    def sqlite_path(self) -> Path | None:
        if self.backend != "sqlite":
            return None
        if not self.database or self.database == ":memory:":
            raise DatabaseError(_("An in-memory SQLite database cannot be used; give a file path."))
        return Path(self.database)

    def scrub(self, text: str) -> str:
        """`text` with this URL's password (plain or percent-encoded) replaced, wherever it is."""
        text = text.replace(self.raw, self.masked)
        secret = self.password
        if secret:
            for form in {secret, self._raw_password()} - {""}:
                text = text.replace(form, MASK)
        return text

    def _raw_password(self) -> str:
        userinfo = _userinfo(self.raw)
        return userinfo.partition(":")[2] if userinfo else ""


def _userinfo(url: str) -> str:
    _scheme, sep, rest = url.partition("://")
    if not sep:
        return ""
    at = rest.rfind("@")
    return rest[:at] if at != -1 else ""


def parse_url(url: str) -> DatabaseUrl:
    """Split a database URL; raises DatabaseError (with the password masked) when it is not one."""
    scheme, sep, rest = url.partition("://")
    if not sep or not re.fullmatch(r"[a-z][a-z0-9+.-]*", scheme, flags=re.IGNORECASE):
        raise DatabaseError(_("The database URL {url} is not valid.").format(url=mask_url(url)))
    backend, _plus, driver = scheme.lower().partition("+")
    if backend in ("postgres", "postgresql"):
        backend = "postgresql"
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(
            _("The database URL {url} names an unsupported database; use sqlite or postgresql.")
            .format(url=mask_url(url)))
    if backend == "sqlite":
        path, _q, query = rest.partition("?")
        # sqlite:///relative/file and sqlite:////absolute/file, as SQLAlchemy reads them.
        database = path[1:] if path.startswith("/") else path
        return DatabaseUrl(url, backend, driver or None, database=unquote(database) or None,
                           query=tuple(parse_qsl(query)))
    at = rest.rfind("@")
    userinfo, location = (rest[:at], rest[at + 1:]) if at != -1 else ("", rest)
    user, _colon, password = userinfo.partition(":")
    hostport, _slash, tail = location.partition("/")
    database, _q, query = tail.partition("?")
    port: int | None = None
    match = re.fullmatch(r"(\[[^\]]+\]|[^:]*)(?::(\d*))?", hostport)
    if match is None:
        raise DatabaseError(_("The database URL {url} is not valid.").format(url=mask_url(url)))
    host: str | None = match.group(1).strip("[]") or None
    if match.group(2):
        port = int(match.group(2))
    return DatabaseUrl(url, backend, driver or None, user=unquote(user) or None,
                       password=unquote(password) if _colon else None, host=host, port=port,
                       database=unquote(database) or None, query=tuple(parse_qsl(query)))


def mask_url(url: str) -> str:
    """The URL with any password replaced by ***, also when the URL is malformed."""
    scheme, sep, rest = url.partition("://")
    if sep:
        at = rest.rfind("@")
        if at != -1:
            user, colon, _password = rest[:at].partition(":")
            rest = f"{user}{colon}{MASK if colon else ''}{rest[at:]}"
        url = f"{scheme}{sep}{rest}"
    return re.sub(r"(password=)[^&]*", rf"\g<1>{MASK}", url, flags=re.IGNORECASE)


def default_database_url() -> str:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("mobility-tui", appauthor=False))
    return f"sqlite:///{folder / 'mobility.sqlite3'}"


@dataclass(frozen=True)
class ChosenDatabase:
    url: str
    embedded: bool  # the default file in the user's data folder: built on first use


def choose_database(cli_value: str | None) -> ChosenDatabase:
    """The database a command uses: --database-url, else the environment, else the embedded file."""
    given = cli_value or os.environ.get(ENV_DATABASE_URL)
    if given:
        return ChosenDatabase(given, embedded=False)
    return ChosenDatabase(default_database_url(), embedded=True)

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from mobility_tui import i18n
from mobility_tui.cli import main

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    """No test touches the user's database or depends on the machine's locale."""
    home = tmp_path_factory.mktemp("home")
    # The embedded default database (and the caches) live under these, as on a user's machine.
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("MOBILITY_TUI_DATABASE_URL", raising=False)
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def run(capsys):
    """Run the command line in this process, as a person would type it."""

    def _run(*args: str) -> CliResult:
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return _run


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A writable copy of the small test catalogue."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def built_fixture_db(data_dir, db_url, run) -> str:
    result = run("--database-url", db_url, "db", "build", "--data-dir", str(data_dir))
    assert result.code == 0, result.err
    return db_url


@pytest.fixture(scope="session")
def shipped_db_url(tmp_path_factory) -> str:
    """The real, shipped catalogue built once for the whole session."""
    from mobility_tui.catalog.build import build_database

    url = f"sqlite:///{tmp_path_factory.mktemp('shipped') / 'shipped.sqlite3'}"
    build_database(url)
    return url


def run_subprocess(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mobility_tui", *args], capture_output=True,
                          text=True, env=env, stdin=subprocess.DEVNULL, timeout=120, **kwargs)


POSTGRES_URL = os.environ.get("MOBILITY_TUI_TEST_POSTGRES_URL")


@pytest.fixture
def postgres_url() -> str:
    """A throwaway PostgreSQL database (.ci/run starts one); skipped locally without a server."""
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must start PostgreSQL and set MOBILITY_TUI_TEST_POSTGRES_URL (.ci/run)")
        pytest.skip("no PostgreSQL server: set MOBILITY_TUI_TEST_POSTGRES_URL to run this test")
    return POSTGRES_URL


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend_url(request, tmp_path) -> str:
    """The same test on the embedded SQLite file and on a PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'backend.sqlite3'}"
    return request.getfixturevalue("postgres_url")


def reader_for(url: str):
    """A light reader on a built database (what every command but `db build` uses)."""
    from mobility_tui.storage.reader import Reader
    from mobility_tui.storage.urls import parse_url

    return Reader(parse_url(url))


def services_for(url: str):
    from mobility_tui.services.bundle import Services

    return Services.on(reader_for(url))


def chosen(url: str):
    """The database the TUI opens, given as --database-url would give it."""
    from mobility_tui.storage.urls import ChosenDatabase

    return ChosenDatabase(url, embedded=False)

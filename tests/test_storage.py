"""Opening a database: only `db build` writes one; desks read; versions and generations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mobility_tui.catalog.build import build_database
from mobility_tui.services.qualifications import QualificationService
from mobility_tui.storage.opening import open_catalogue
from mobility_tui.storage.reader import NotBuilt, WrongSchema
from mobility_tui.storage.urls import ChosenDatabase, mask_url, parse_url
from tests.conftest import reader_for

PASSWORDS = ["my secret pw", "Pw_42@x", "p%40ss/wörd:;?#", "a@b@c"]


def sqlite_file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def set_info(url: str, key: str, value: str) -> None:
    with sqlite3.connect(sqlite_file(url)) as connection:
        connection.execute("UPDATE build_info SET value = ? WHERE key = ?", (value, key))


def test_the_embedded_default_is_built_on_first_use_and_not_again(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'first.sqlite3'}"
    messages: list[str] = []
    reader = open_catalogue(ChosenDatabase(url, embedded=True), progress=messages.append)
    assert sqlite_file(url).exists() and reader.info()["origin"] == "bundled"
    assert any("Database ready" in message for message in messages)
    messages.clear()
    open_catalogue(ChosenDatabase(url, embedded=True), progress=messages.append)
    assert messages == []


def test_the_embedded_default_is_rebuilt_after_an_upgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'stale.sqlite3'}"
    open_catalogue(ChosenDatabase(url, embedded=True))
    set_info(url, "fingerprint", "from-an-older-release")
    messages: list[str] = []
    reader = open_catalogue(ChosenDatabase(url, embedded=True), progress=messages.append)
    assert any("Database ready" in message for message in messages)
    assert reader.info()["fingerprint"] != "from-an-older-release"


def test_db_build_corrects_a_remembered_fingerprint(tmp_path):
    """An edit in place can leave the folder signature as it was; the build has just hashed the
    files, so afterwards no desk is told its fresh database was built from other data."""
    from mobility_tui.catalog.signature import cache_file, data_signature, remember
    from mobility_tui.resources import bundled_data_dir

    remember(data_signature(bundled_data_dir()), "before-the-edit", cache_file())
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    build_database(url)
    notices: list[str] = []
    open_catalogue(ChosenDatabase(url, embedded=False), notice=notices.append)
    assert notices == []


def test_a_desk_never_changes_a_database_it_was_given(tmp_path, run):
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    build_database(url)  # the bundled data, as an administrator builds it
    set_info(url, "fingerprint", "built-elsewhere")
    before = sqlite_file(url).read_bytes()
    result = run("--database-url", url, "search", "lähihoitaja", "--json")
    assert result.code == 0 and result.json()[0]["id"] == "fi-pt-sosiaali-ja-terveysalan"
    assert sqlite_file(url).read_bytes() == before  # still "built-elsewhere": nothing rebuilt
    assert result.err.count("built from other data than this installation's") == 1


def test_a_missing_database_names_the_command_that_builds_it(tmp_path, run):
    url = f"sqlite:///{tmp_path / 'nothing-here.sqlite3'}"
    result = run("--database-url", url, "search", "kokki")
    assert result.code == 1 and "mobility-tui db build" in result.err
    assert result.err.count("\n") == 1 and not sqlite_file(url).exists()


def test_a_database_of_another_schema_is_refused_in_one_sentence(built_fixture_db, run):
    set_info(built_fixture_db, "schema_version", "1")
    result = run("--database-url", built_fixture_db, "show", "se-vo")
    assert result.code == 1 and result.err.count("\n") == 1
    assert "another version of mobility-tui" in result.err and "mobility-tui db build" in result.err
    with pytest.raises(WrongSchema):
        reader_for(built_fixture_db).info()


def test_an_old_database_without_build_info_is_refused(tmp_path, run):
    url = f"sqlite:///{tmp_path / 'v0.sqlite3'}"
    with sqlite3.connect(sqlite_file(url)) as connection:
        connection.execute("CREATE TABLE qualification (id TEXT)")
    result = run("--database-url", url, "list")
    assert result.code == 1 and "mobility-tui db build" in result.err
    assert "OperationalError" not in result.err and result.err.count("\n") == 1
    with pytest.raises(NotBuilt):
        open_catalogue(ChosenDatabase(url, embedded=False))


@pytest.mark.parametrize("password", PASSWORDS)
def test_no_part_of_a_password_is_ever_shown(run, password):
    url = f"postgresql+psycopg://mobility:{password}@127.0.0.1:1/nowhere"
    for args in (["list"], ["search", "kokki", "--json"], ["db", "build"]):
        result = run("--database-url", url, *args)
        assert result.code == 1 and result.err.count("\n") >= 1
        shown = result.out + result.err
        for part in {password, *password.split(), *password.split("@")} - {""}:
            if len(part) >= 2:
                assert part not in shown, (part, shown)


@pytest.mark.parametrize("password", PASSWORDS)
def test_the_url_parser_finds_any_password(password):
    url = parse_url(f"postgresql+psycopg://mobility:{password}@db.example:5433/mob")
    assert (url.user, url.host, url.port, url.database) == ("mobility", "db.example", 5433, "mob")
    assert password not in url.masked and url.masked.startswith("postgresql+psycopg://mobility:***@")
    assert password not in url.scrub(f"failed: {password} at {url.raw}")
    assert "password=***" in mask_url("postgresql://h/db?password=hunter2&sslmode=require")


def test_a_rebuild_is_noticed_and_the_index_is_reloaded(data_dir, db_url):
    build_database(db_url, data_dir)
    service = QualificationService(reader_for(db_url))
    assert service.search("rekkakuski").hits[0].summary.id == "fi-pt-logistiikan"
    first = service.generation
    path = data_dir / "fi" / "fi-pt-logistiikan.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('"rekkakuski"', '"rahtikuski"'),
                    encoding="utf-8")
    build_database(db_url, data_dir)
    answer = service.search("rahtikuski")
    assert service.generation != first
    assert answer.hits[0].summary.id == "fi-pt-logistiikan" and answer.hits[0].confidence == "exact"


def test_connections_never_outlive_their_file(data_dir, db_url):
    build_database(db_url, data_dir)
    reader = reader_for(db_url)
    assert reader.info()["generation"] == "1"
    build_database(db_url, data_dir)
    assert reader.info()["generation"] == "2"  # the pooled connection to the old file is dropped
    assert len(reader._idle) == 1

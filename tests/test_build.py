"""Building the database: complete, atomic, and never leaving a half-written file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mobility_tui.catalog import build as build_module
from mobility_tui.catalog.build import build_database, needs_build, read_build_info
from mobility_tui.catalog.loader import CatalogError
from mobility_tui.database import DatabaseError, create_engine_for
from mobility_tui.services.connection import open_database
from mobility_tui.services.qualifications import QualificationService


def sqlite_file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def count(url: str, table: str) -> int:
    with sqlite3.connect(sqlite_file(url)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_build_writes_every_record_and_its_origin(data_dir, db_url):
    result = build_database(db_url, data_dir)
    assert (result.qualifications, result.regulations, result.courses, result.guide_steps) == (4, 1, 2, 2)
    assert count(db_url, "counterpart") == 3
    assert count(db_url, "regulationlink") == 1
    info = read_build_info(create_engine_for(db_url))
    assert info["origin"] == str(data_dir.resolve())
    assert len(info["fingerprint"]) == 64


def test_build_leaves_no_temporary_files(data_dir, db_url):
    build_database(db_url, data_dir)
    folder = sqlite_file(db_url).parent
    assert [p.name for p in folder.iterdir() if p.name.endswith(".building")] == []


def test_invalid_data_leaves_the_previous_database_answering(data_dir, db_url):
    build_database(db_url, data_dir)
    before = sqlite_file(db_url).read_bytes()
    (data_dir / "se" / "se-vo.toml").write_text("broken = [", encoding="utf-8")
    with pytest.raises(CatalogError):
        build_database(db_url, data_dir)
    assert sqlite_file(db_url).read_bytes() == before
    hits = QualificationService(create_engine_for(db_url)).search("lähihoitaja")
    assert hits[0].qualification.id == "fi-pt-sosiaali-ja-terveysalan"


def test_a_build_failing_midway_keeps_the_old_database(data_dir, db_url, monkeypatch):
    build_database(db_url, data_dir)
    before = sqlite_file(db_url).read_bytes()

    def fail_after_some_rows(engine, rows):
        from sqlmodel import Session, SQLModel

        SQLModel.metadata.create_all(engine)
        with Session(engine) as session:
            session.add_all(rows[:3])
            session.commit()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module, "_fill", fail_after_some_rows)
    with pytest.raises(DatabaseError, match="could not be written"):
        build_database(db_url, data_dir)
    assert sqlite_file(db_url).read_bytes() == before
    folder = sqlite_file(db_url).parent
    assert not any(p.name.endswith(".building") for p in folder.iterdir())
    assert QualificationService(create_engine_for(db_url)).get("se-vo").summary.code == "VO"


def test_open_database_builds_the_shipped_data_on_first_use(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'first.sqlite3'}"
    messages: list[str] = []
    engine = open_database(url, progress=messages.append)
    assert sqlite_file(url).exists()
    assert any("Database ready" in message for message in messages)
    assert not needs_build(engine)
    assert read_build_info(engine)["origin"] == "bundled"
    # A second open does not rebuild.
    messages.clear()
    open_database(url, progress=messages.append)
    assert messages == []


def test_stale_shipped_database_is_rebuilt(tmp_path):
    url = f"sqlite:///{tmp_path / 'stale.sqlite3'}"
    open_database(url)
    with sqlite3.connect(sqlite_file(url)) as connection:
        connection.execute("UPDATE buildinfo SET value = 'old' WHERE key = 'fingerprint'")
    assert needs_build(create_engine_for(url))
    messages: list[str] = []
    open_database(url, progress=messages.append)
    assert any("Database ready" in message for message in messages)


def test_database_built_from_own_data_is_not_replaced(data_dir, db_url):
    build_database(db_url, data_dir)
    engine = open_database(db_url)
    assert {s.id for s in QualificationService(engine).list()} == {
        "fi-pt-sosiaali-ja-terveysalan", "fi-pt-logistiikan", "se-vo", "se-vo-underskoterska"}

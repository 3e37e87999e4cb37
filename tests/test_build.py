"""Building the database: complete, atomic, stored index, generations, and no left-overs."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from mobility_tui.catalog import build as build_module
from mobility_tui.catalog.build import build_database
from mobility_tui.catalog.loader import CatalogError
from mobility_tui.services.qualifications import QualificationService
from mobility_tui.storage import SCHEMA_VERSION
from mobility_tui.storage.urls import DatabaseError
from tests.conftest import reader_for


def sqlite_file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def rows(url: str, sql: str) -> list[tuple]:
    with sqlite3.connect(sqlite_file(url)) as connection:
        return connection.execute(sql).fetchall()


def test_build_writes_every_record_links_index_and_info(data_dir, db_url):
    result = build_database(db_url, data_dir)
    assert (result.records, result.qualifications, result.regulations) == (24, 5, 1)
    kinds = dict(rows(db_url, "SELECT kind, count(*) FROM record GROUP BY kind"))
    assert kinds == {"qualification": 4, "occupation": 1, "regulation": 1, "course": 2, "guide": 2,
                     "route": 1, "demand": 2, "next-step": 2, "rule": 5, "place": 4}
    links = set(rows(db_url, "SELECT source, target, kind FROM link"))
    assert ("fi-pt-logistiikan", "se-vo", "counterpart") in links
    assert ("se-reg-underskoterska", "se-vo-underskoterska", "regulation") in links
    assert ("fi-pt-logistiikan", "route-test-validation", "route") in links
    assert {name for (name,) in rows(db_url, "SELECT name FROM search_part")} >= {
        "meta", "label_text", "trigram_keys", "trigram_postings", "short_keys"}
    info = dict(rows(db_url, "SELECT key, value FROM build_info"))
    assert info["origin"] == str(data_dir.resolve()) and len(info["fingerprint"]) == 64
    assert info["schema_version"] == SCHEMA_VERSION and info["generation"] == "1"


def test_every_build_has_the_next_generation(data_dir, db_url):
    assert [build_database(db_url, data_dir).generation for _ in range(3)] == [1, 2, 3]
    assert reader_for(db_url).info()["generation"] == "3"


def test_sources_are_tagged_with_their_kind_and_publisher(data_dir, db_url):
    build_database(db_url, data_dir)
    detail = QualificationService(reader_for(db_url)).get("fi-pt-sosiaali-ja-terveysalan")
    [source] = detail.sources
    assert source.kind == "register" and source.publisher.startswith("Opetushallitus")
    regulation = detail.regulation[0]
    assert regulation.sources[0].kind == "authority"


def test_build_leaves_no_temporary_files(data_dir, db_url):
    build_database(db_url, data_dir)
    folder = sqlite_file(db_url).parent
    assert [p.name for p in folder.iterdir() if ".building" in p.name] == []


def test_invalid_data_leaves_the_previous_database_answering(data_dir, db_url):
    build_database(db_url, data_dir)
    before = sqlite_file(db_url).read_bytes()
    (data_dir / "se" / "se-vo.toml").write_text("broken = [", encoding="utf-8")
    with pytest.raises(CatalogError):
        build_database(db_url, data_dir)
    assert sqlite_file(db_url).read_bytes() == before
    answer = QualificationService(reader_for(db_url)).search("lähihoitaja")
    assert answer.hits[0].summary.id == "fi-pt-sosiaali-ja-terveysalan"


def test_a_build_failing_midway_keeps_the_old_database(data_dir, db_url, monkeypatch):
    build_database(db_url, data_dir)
    before = sqlite_file(db_url).read_bytes()
    real_fill = build_module._fill

    def fail_after_some_rows(connection, rows, info):
        real_fill(connection, {"record": rows["record"][:3], "link": [], "search_part": []}, info)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module, "_fill", fail_after_some_rows)
    with pytest.raises(DatabaseError, match="could not be written"):
        build_database(db_url, data_dir)
    assert sqlite_file(db_url).read_bytes() == before
    assert not any(".building" in p.name for p in sqlite_file(db_url).parent.iterdir())
    assert QualificationService(reader_for(db_url)).get("se-vo").summary.code == "VO"


def test_a_hot_journal_of_a_killed_writer_is_never_rolled_onto_the_new_file(data_dir, db_url):
    build_database(db_url, data_dir)
    target = sqlite_file(db_url)
    # A journal beside the database, as a writer killed mid-transaction leaves it.
    journal = target.with_name(target.name + "-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 4088)
    leftover = target.with_name(f".{target.name}.999999.deadbeef.building-journal")
    leftover.write_bytes(b"junk")
    build_database(db_url, data_dir)
    assert not journal.exists() and not leftover.exists()
    assert QualificationService(reader_for(db_url)).get("se-vo").summary.code == "VO"


def test_a_rebuilt_shared_file_keeps_its_mode_and_group(data_dir, db_url):
    build_database(db_url, data_dir)
    target = sqlite_file(db_url)
    groups = os.getgroups()
    group = groups[-1] if groups else os.getgid()
    os.chown(target, -1, group)
    os.chmod(target, 0o640)
    build_database(db_url, data_dir)
    after = target.stat()
    assert stat.S_IMODE(after.st_mode) == 0o640 and after.st_gid == group


def test_a_read_only_database_file_is_read(data_dir, db_url, run):
    build_database(db_url, data_dir)
    target = sqlite_file(db_url)
    target.chmod(0o444)
    target.parent.chmod(0o555)
    try:
        result = run("--database-url", db_url, "search", "lähihoitaja", "--json")
    finally:
        target.parent.chmod(0o755)
    assert result.code == 0 and result.json()[0]["id"] == "fi-pt-sosiaali-ja-terveysalan"

"""The same models, build and services on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.exc import OperationalError

from mobility_tui.catalog import build as build_module
from mobility_tui.catalog.build import build_database
from mobility_tui.database import DatabaseError, create_engine_for
from mobility_tui.services.connection import open_database
from mobility_tui.services.qualifications import QualificationService

QUERIES = ["lähihoitaja", "sahkoasentaja", "kokki", "rekkakuski", "undersköterska", "grundexamen",
           "merkonomi", "parturi kampaaja", "barnskötare", "metsakoneenkuljettaja"]


def top_ids(url: str, query: str) -> list[str]:
    service = QualificationService(create_engine_for(url))
    return [hit.qualification.id for hit in service.search(query, limit=5)]


def test_services_answer_the_same_on_each_backend(backend_url, data_dir, tmp_path):
    build_database(backend_url, data_dir)
    reference = f"sqlite:///{tmp_path / 'reference.sqlite3'}"
    build_database(reference, data_dir)
    ours = QualificationService(create_engine_for(backend_url))
    theirs = QualificationService(create_engine_for(reference))
    for record_id in ("fi-pt-sosiaali-ja-terveysalan", "se-vo-underskoterska", "se-vo"):
        assert ours.get(record_id).to_json() == theirs.get(record_id).to_json()
    assert [s.id for s in ours.list()] == [s.id for s in theirs.list()]


@pytest.mark.postgres
def test_same_top_five_on_sqlite_and_postgresql(postgres_url, tmp_path):
    sqlite_url = f"sqlite:///{tmp_path / 'shipped.sqlite3'}"
    build_database(sqlite_url)
    build_database(postgres_url)
    for query in QUERIES:
        assert top_ids(postgres_url, query) == top_ids(sqlite_url, query), query


def test_rebuild_while_reading_never_shows_empty_or_partial(backend_url, data_dir):
    build_database(backend_url, data_dir)
    engine = create_engine_for(backend_url)
    expected = {s.id for s in QualificationService(engine).list()}
    answers: list[object] = []
    stop = threading.Event()

    def read_in_a_loop() -> None:
        while not stop.is_set():
            try:
                service = QualificationService(engine)  # fresh service: no cached rows
                answers.append({s.id for s in service.list()})
                answers.append(service.get("fi-pt-sosiaali-ja-terveysalan").counterparts[0].relation)
            except OperationalError as error:  # pragma: no cover - what this test is looking for
                answers.append(error)

    reader = threading.Thread(target=read_in_a_loop)
    reader.start()
    try:
        for _ in range(4):
            build_database(backend_url, data_dir)
    finally:
        stop.set()
        reader.join(timeout=30)
    ids_seen = [answer for answer in answers if isinstance(answer, set)]
    assert ids_seen and all(answer == expected for answer in ids_seen)
    assert all(answer == "partial" for answer in answers if isinstance(answer, str))
    assert not [answer for answer in answers if isinstance(answer, Exception)]


@pytest.mark.postgres
def test_failed_postgresql_build_keeps_the_old_data(postgres_url, data_dir, monkeypatch):
    from sqlalchemy import text

    build_database(postgres_url, data_dir)

    def fail_midway(engine, rows):
        from sqlalchemy.exc import DBAPIError
        from sqlmodel import Session, SQLModel

        SQLModel.metadata.create_all(engine)
        with Session(engine) as session:
            session.add_all(rows[:2])
            session.commit()
        raise DBAPIError("INSERT", {}, Exception("disk full"))

    monkeypatch.setattr(build_module, "_fill", fail_midway)
    with pytest.raises(DatabaseError):
        build_database(postgres_url, data_dir)
    engine = create_engine_for(postgres_url)
    assert len(QualificationService(engine).list()) == 4
    with engine.connect() as connection:
        leftovers = connection.execute(text(
            "SELECT schema_name FROM information_schema.schemata "
            "WHERE schema_name LIKE 'mobility_build_%'")).all()
    assert leftovers == []


@pytest.mark.postgres
def test_wrong_password_is_one_sentence_without_the_password(postgres_url, run):
    from sqlalchemy.engine import make_url

    url = make_url(postgres_url).set(password="Sup3r-Secret-pw").render_as_string(hide_password=False)
    result = run("--database-url", url, "search", "kokki", "--json")
    assert result.code == 1 and result.out == ""
    assert "Sup3r-Secret-pw" not in result.err
    assert "refused the user name or password" in result.err and result.err.count("\n") == 1


def test_unreachable_server_is_one_sentence_without_the_password(run):
    url = "postgresql+psycopg://mobility:Sup3r-Secret-pw@127.0.0.1:1/nowhere"
    result = run("--database-url", url, "list")
    assert result.code == 1 and "Sup3r-Secret-pw" not in result.err
    assert "cannot be reached" in result.err and result.err.count("\n") == 1


@pytest.mark.parametrize("url", ["postgresql+psycopg://u:Sup3r-Secret-pw@[bad/db", "not a url at all",
                                 "mysql://u:Sup3r-Secret-pw@localhost/db"])
def test_malformed_or_unsupported_urls_are_one_sentence(run, url):
    result = run("--database-url", url, "list")
    assert result.code == 1 and "Sup3r-Secret-pw" not in result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err


def test_open_database_on_an_empty_database_builds_it(backend_url):
    if backend_url.startswith("postgresql"):
        from sqlalchemy import text

        with create_engine_for(backend_url).begin() as connection:
            connection.execute(text('DROP SCHEMA IF EXISTS "mobility" CASCADE'))
    engine = open_database(backend_url)
    assert len(QualificationService(engine).list()) > 40

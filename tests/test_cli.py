"""The command line keeps ../shared/CONTRACT.md: JSON shapes, exit codes, one-sentence errors."""

from __future__ import annotations

import json
import os

import pytest

from mobility_tui import __version__
from tests.conftest import run_subprocess

ODD_QUERIES = ["", "   ", "x" * 10_000, "\x00\x01\x1b[31m\x07", "\x1b]0;pwned\x07", "🚚👩‍⚕️",
               "'; DROP TABLE qualification; --", "%_%", "ä\u0308\u0301" * 50, "مرحبا שלום",
               "\u202eevil", "\n\n\t"]


def test_version(run):
    result = run("--version")
    assert result.code == 0 and result.out.strip() == f"mobility-tui {__version__}"


def test_search_json_shape(run, built_fixture_db):
    result = run("--database-url", built_fixture_db, "search", "lahihoitaja", "--json")
    assert result.code == 0
    hits = result.json()
    first = hits[0]
    assert first["id"] == "fi-pt-sosiaali-ja-terveysalan"
    assert first["country"] == "FI" and first["type"] == "perustutkinto"
    assert first["code"] == "371101" and first["eqf_level"] == 4
    assert first["name"] == {"fi": "Sosiaali- ja terveysalan perustutkinto",
                             "sv": "Grundexamen inom social- och hälsovårdsbranschen",
                             "en": "Vocational qualification in Social and Health Care"}
    assert first["titles"] == {"fi": ["lähihoitaja"], "sv": ["närvårdare"], "en": ["practical nurse"]}
    assert 0 <= first["score"] <= 100 and first["matched"] == "lähihoitaja"
    assert first["kind"] == "qualification" and first["confidence"] == "exact"


def test_search_country_and_limit(run, built_fixture_db):
    result = run("--database-url", built_fixture_db, "search", "hoitaja", "--country", "se",
                 "--limit", "1", "--json")
    hits = [item for item in result.json() if item["kind"] != "next-step"]
    assert result.code == 0 and len(hits) == 1 and all(h["country"] == "SE" for h in hits)


def test_options_also_after_the_command(run, built_fixture_db):
    result = run("search", "rekkakuski", "--database-url", built_fixture_db, "--json")
    assert result.code == 0 and result.json()[0]["id"] == "fi-pt-logistiikan"


def test_show_json_shape(run, built_fixture_db):
    result = run("--database-url", built_fixture_db, "show", "fi-pt-sosiaali-ja-terveysalan", "--json")
    assert result.code == 0
    detail = result.json()
    assert detail["verified"] == "2026-11-01"
    assert detail["sources"][0].startswith("https://")
    partial, none = detail["counterparts"]
    assert partial["id"] == "se-vo-underskoterska" and partial["country"] == "SE"
    assert partial["relation"] == "partial"
    assert partial["name"]["sv"] == "Undersköterska"
    assert partial["rationale"]["en"] == "Same level; the title needs an application."
    assert partial["sources"] == ["https://norric.org/?p=592"]
    assert partial["gaps"] == [] and partial["direction"] == {"from": "FI", "to": "SE"}
    assert none["id"] is None and none["relation"] == "none"
    assert none["rationale"] == {"fi": "", "sv": "", "en": "No upper-secondary counterpart in Sweden."}
    [rule] = detail["regulation"]
    assert rule["country"] == "SE" and rule["regulated"] is True
    assert rule["direction"] == {"from": "FI", "to": "SE"}
    assert rule["form"] == "protected-title" and rule["route"] == "general-system"
    assert rule["authority"] == {"name": "Socialstyrelsen", "url": "https://www.socialstyrelsen.se/"}
    assert rule["steps"] == [{"fi": "Hae todistusta.", "sv": "Ansök om bevis.",
                              "en": "Apply for the certificate."}]
    assert rule["fee"] == {"amount": 320, "currency": "SEK"} and rule["valid_from"] == "2023-07-01"
    assert [item["region"] for item in detail["demand"]] == ["Norrbotten", "Lappi"]
    assert detail["demand"][0]["level"] == "shortage" and detail["demand"][1]["outdated"] is True


def test_show_swedish_record_lists_the_finnish_decisions_and_programme(run, built_fixture_db):
    detail = run("--database-url", built_fixture_db, "show", "se-vo-underskoterska", "--json").json()
    assert detail["programme"] == "se-vo"
    assert [c["id"] for c in detail["counterparts"]] == ["fi-pt-sosiaali-ja-terveysalan"]
    # Regulation is shown for where the holder is going (Finland); Sweden's own rule is "at home".
    assert detail["direction"] == {"from": "SE", "to": "FI"}
    assert detail["regulation"] == []
    assert detail["home_regulation"][0]["id"] == "se-reg-underskoterska"
    programme = run("--database-url", built_fixture_db, "show", "se-vo", "--json").json()
    assert programme["yrkesutgangar"] == ["se-vo-underskoterska"]


def test_show_human_output_mentions_stale_records(run, built_fixture_db):
    result = run("--database-url", built_fixture_db, "show", "fi-pt-logistiikan")
    assert result.code == 0
    assert "Vocational qualification in Logistics" in result.out
    assert "more than a year ago" in result.out
    assert "fi-pt-logistiikan" not in result.out  # no internal ids for people


def test_show_unknown_id_is_one_sentence_and_exit_1(run, built_fixture_db):
    result = run("--database-url", built_fixture_db, "show", "no-such-id", "--json")
    assert result.code == 1 and result.out == ""
    assert result.err.strip() == "No qualification or occupation has the id “no-such-id”."


def test_list_json_and_country(run, built_fixture_db):
    items = run("--database-url", built_fixture_db, "list", "--country", "SE", "--json").json()
    assert {item["id"] for item in items} == {"se-vo", "se-vo-underskoterska"}
    finnish = run("--database-url", built_fixture_db, "list", "--country", "FI", "--json").json()
    assert {item["kind"] for item in finnish} == {"qualification", "occupation"}


def test_human_search_output_fits_80_columns(run, built_fixture_db):
    result = run("--database-url", built_fixture_db, "search", "lähihoitaja")
    assert result.code == 0 and "Vocational qualification in Social and Health Care" in result.out
    assert "exact" in result.out and "%" not in result.out
    assert all(len(line) <= 80 for line in result.out.splitlines())


def test_no_hits_is_success_with_where_to_turn(run, built_fixture_db):
    result = run("--database-url", built_fixture_db, "search", "qwxzv")
    assert result.code == 0 and "Nothing in the catalogue matches" in result.out
    assert "Where to turn next" in result.out and "Border advice service" in result.out
    items = run("--database-url", built_fixture_db, "search", "qwxzv", "--json").json()
    assert {item["kind"] for item in items} == {"next-step"}


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_give_valid_json(run, built_fixture_db, query):
    result = run("--database-url", built_fixture_db, "search", query, "--json")
    assert result.code == 0
    assert isinstance(json.loads(result.out), list)
    assert "\x1b" not in result.out and "Traceback" not in result.err


@pytest.mark.parametrize("args", [["search"], ["search", "x", "--limit", "0"], ["frobnicate"],
                                  ["--lang", "de", "list"], ["search", "x", "--country", "NO"],
                                  ["db"]])
def test_bad_usage_exits_2_with_one_line(run, args):
    result = run(*args)
    assert result.code == 2
    assert result.err.count("\n") == 1 and "Traceback" not in result.err


def test_db_check_ok_and_broken(run, data_dir):
    ok = run("db", "check", "--data-dir", str(data_dir))
    assert ok.code == 0 and "24 records checked" in ok.out
    (data_dir / "se" / "se-vo.toml").write_text("eqf_level = 42\n", encoding="utf-8")
    broken = run("db", "check", "--data-dir", str(data_dir))
    assert broken.code == 1 and broken.out == ""
    lines = broken.err.strip().splitlines()
    assert any("field eqf_level" in line for line in lines)
    assert lines[-1].endswith("nothing was built.")


def test_db_build_reports_progress_on_stderr_only(run, data_dir, db_url):
    result = run("--database-url", db_url, "db", "build", "--data-dir", str(data_dir))
    assert result.code == 0 and result.out == ""
    assert "Database ready (generation 1): 24 records, 5 qualifications and occupations" in result.err


def test_unusable_database_url_is_one_sentence_without_password(run):
    result = run("--database-url", "mysql://user:s3cret@localhost/db", "list")
    assert result.code == 1 and "s3cret" not in result.err
    assert result.err.count("\n") == 1


def test_subprocess_json_has_nothing_else_on_stdout(tmp_path, data_dir):
    env = {**os.environ, "MOBILITY_TUI_DATABASE_URL": f"sqlite:///{tmp_path / 'sub.sqlite3'}"}
    built = run_subprocess("db", "build", "--data-dir", str(data_dir), env=env)
    assert built.returncode == 0 and built.stdout == ""
    result = run_subprocess("search", "närvårdare", "--json", env=env)
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["id"] == "fi-pt-sosiaali-ja-terveysalan"


@pytest.mark.parametrize("query", ["-:", "--x", "-", "--json-ish", "-1"])
def test_queries_starting_with_a_dash_are_text(run, built_fixture_db, query):
    result = run("--database-url", built_fixture_db, "search", query, "--json")
    assert result.code == 0 and isinstance(result.json(), list)
    result = run("--database-url", built_fixture_db, "search", "--limit", "2", query, "--json")
    assert result.code == 0


def test_show_id_starting_with_a_dash_is_not_found(run, built_fixture_db):
    result = run("--database-url", built_fixture_db, "show", "-x")
    assert result.code == 1 and "No qualification or occupation has the id" in result.err


def test_vocabulary_matches_the_schema():
    from typing import get_args

    from mobility_tui import vocabulary
    from mobility_tui.catalog import schema

    assert get_args(schema.CefrLevel) == vocabulary.CEFR_LEVELS
    assert get_args(schema.Scenario) == vocabulary.SCENARIOS
    assert get_args(schema.Mode) == vocabulary.MODES
    assert get_args(schema.Country) == vocabulary.COUNTRIES


def test_every_command_and_option_has_help_text():
    import argparse

    from mobility_tui.cli.parser import build_parser

    def walk(parser: argparse.ArgumentParser):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    assert choice.help, f"{parser.prog} {choice.dest} has no help"
                for sub in action.choices.values():
                    yield from walk(sub)
            else:
                yield parser.prog, action

    for prog, action in walk(build_parser()):
        assert action.help, f"{prog} {action.option_strings or action.dest} has no help"


def test_a_narrow_terminal_never_breaks_an_address(run, built_fixture_db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    shown = run("--database-url", built_fixture_db, "show", "fi-pt-logistiikan", "--json").json()
    text = run("--database-url", built_fixture_db, "show", "fi-pt-logistiikan").out
    addresses = [source["url"] if isinstance(source, dict) else source for source in shown["sources"]]
    assert addresses and any(len(address) > 40 for address in addresses)
    for address in addresses:
        assert address in text  # whole on one line, so a click or a copy gets all of it
    prose = [line for line in text.splitlines() if "http" not in line]
    assert max(len(line) for line in prose) <= 40

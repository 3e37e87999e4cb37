"""`search --batch`: an employer's list of applicants' diplomas, as files really come."""

from __future__ import annotations

import csv
import io
import json

import pytest


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.out.splitlines()]


def batch(run, url: str, path, *args: str):
    return run("--database-url", url, "search", "--batch", str(path), *args)


def test_blank_lines_are_skipped_and_each_answer_keeps_its_line(run, built_fixture_db, tmp_path):
    source = tmp_path / "list.txt"
    source.write_bytes("\ufefflähihoitaja\r\n\r\n   \nrekkakuski\nlähihoitaja\n".encode())
    result = batch(run, built_fixture_db, source, "--json")
    assert result.code == 0
    answers = lines(result)
    assert [(item["line"], item["query"]) for item in answers] == [
        (1, "lähihoitaja"), (4, "rekkakuski"), (5, "lähihoitaja")]  # the BOM is not in the query
    assert answers[0]["results"][0]["id"] == "fi-pt-sosiaali-ja-terveysalan"
    assert answers[0]["results"] == answers[2]["results"]  # a duplicate gets the same answer
    assert answers[1]["results"][0]["id"] == "fi-pt-logistiikan"


def test_a_ten_thousand_character_line_is_answered(run, built_fixture_db, tmp_path):
    source = tmp_path / "long.txt"
    source.write_text("lähihoitaja " * 834 + "\nrekkakuski\n", encoding="utf-8")
    result = batch(run, built_fixture_db, source, "--json")
    assert result.code == 0
    answers = lines(result)
    assert len(answers) == 2 and len(answers[0]["query"]) > 9_990
    assert answers[1]["results"][0]["id"] == "fi-pt-logistiikan"


def test_a_csv_column_by_name_with_any_delimiter(run, built_fixture_db, tmp_path):
    for delimiter in (",", ";", "\t"):
        source = tmp_path / "applicants.csv"
        source.write_text(delimiter.join(["name", "diploma"]) + "\n"
                          + delimiter.join(["Aino", "lähihoitaja"]) + "\n"
                          + delimiter.join(["Erik", ""]) + "\n"
                          + delimiter.join(["Pekka", "rekkakuski"]) + "\n", encoding="utf-8")
        answers = lines(batch(run, built_fixture_db, source, "--column", "diploma", "--json"))
        assert [(item["line"], item["query"]) for item in answers] == [
            (2, "lähihoitaja"), (4, "rekkakuski")], delimiter


def test_a_missing_column_is_a_usage_error_naming_the_columns(run, built_fixture_db, tmp_path):
    source = tmp_path / "applicants.csv"
    source.write_text("name,diploma\nAino,lähihoitaja\n", encoding="utf-8")
    result = batch(run, built_fixture_db, source, "--column", "tutkinto", "--json")
    assert result.code == 2 and result.out == ""
    assert "tutkinto" in result.err and "name, diploma" in result.err
    assert result.err.count("\n") == 1


def test_csv_output_has_the_best_match_and_is_safe_in_a_spreadsheet(run, built_fixture_db, tmp_path):
    source = tmp_path / "list.txt"
    source.write_text("lähihoitaja\nvalaanpyytaja\n=HYPERLINK(\"http://x\")\n", encoding="utf-8")
    result = batch(run, built_fixture_db, source, "--format", "csv")
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert rows[0]["id"] == "fi-pt-sosiaali-ja-terveysalan" and rows[0]["confidence"] == "exact"
    assert rows[0]["country"] == "FI" and rows[0]["eqf_level"] == "4"
    assert rows[1]["query"] == "valaanpyytaja" and rows[1]["id"] == "" and rows[1]["best_match"] == ""
    assert rows[2]["query"].startswith("'=")  # shown as text, never run as a formula


def test_text_output_is_one_line_per_query(run, built_fixture_db, tmp_path):
    source = tmp_path / "list.txt"
    source.write_text("lähihoitaja\nvalaanpyytaja\n", encoding="utf-8")
    result = batch(run, built_fixture_db, source)
    assert result.out.splitlines()[0].startswith("1: lähihoitaja → ")
    assert result.out.splitlines()[1] == "2: valaanpyytaja — no close match"


def test_standard_input(run, built_fixture_db, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"rekkakuski\n")))
    answers = lines(run("--database-url", built_fixture_db, "search", "--batch", "-", "--json"))
    assert answers[0]["query"] == "rekkakuski"


def test_an_empty_file_says_so(run, built_fixture_db, tmp_path):
    source = tmp_path / "empty.txt"
    source.write_text("\n\n", encoding="utf-8")
    result = batch(run, built_fixture_db, source, "--json")
    assert result.code == 0 and result.out == "" and "no queries" in result.err


@pytest.mark.parametrize("make", ["missing", "folder"])
def test_an_unreadable_file_is_one_sentence(run, built_fixture_db, tmp_path, make):
    path = tmp_path / "nothing.txt"
    if make == "folder":
        path.mkdir()
    result = batch(run, built_fixture_db, path, "--json")
    assert result.code == 1 and result.out == "" and result.err.count("\n") == 1
    assert "nothing.txt" in result.err and "Traceback" not in result.err


def test_a_query_and_a_batch_together_are_refused(run, built_fixture_db, tmp_path):
    source = tmp_path / "list.txt"
    source.write_text("x\n", encoding="utf-8")
    result = run("--database-url", built_fixture_db, "search", "lähihoitaja", "--batch", str(source))
    assert result.code == 2 and "not both" in result.err

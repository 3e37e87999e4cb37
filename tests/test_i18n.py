"""Three languages throughout: catalogues complete and current, output translated, dates localized."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from mobility_tui import i18n
from mobility_tui.i18n import detect_language, pick, pick_text
from tests.conftest import run_subprocess

ROOT = Path(__file__).resolve().parent.parent


def code_messages() -> set[str]:
    """Every message in the code, extracted with Babel as `pybabel extract` does."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mappings = [(entry["pattern"], entry["method"]) for entry in config["tool"]["babel"]["mappings"]]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    found = set()
    for _filename, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map=mappings, keywords=keywords):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def catalog(lang: str):
    with (ROOT / "locale" / lang / "LC_MESSAGES" / "mobility_tui.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def test_there_is_a_lot_to_say():
    assert len(code_messages()) >= 60


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_catalogue_is_complete_current_and_not_fuzzy(lang):
    messages = code_messages()
    po = catalog(lang)
    ids = {message.id if isinstance(message.id, str) else message.id[0] for message in po if message.id}
    assert sorted(messages - ids) == [], "in the code but not in the catalogue: run pybabel update"
    assert sorted(ids - messages) == [], "in the catalogue but no longer in the code"
    untranslated = [message.id for message in po if message.id and (
        message.fuzzy or not (all(message.string) if isinstance(message.string, tuple)
                              else message.string))]
    assert untranslated == []
    problems = [(message.id, errors) for message, errors in po.check() if errors]
    assert problems == []  # placeholders match


def test_english_catalogue_is_current_too():
    po = catalog("en")
    ids = {message.id if isinstance(message.id, str) else message.id[0] for message in po if message.id}
    assert ids == code_messages()


@pytest.mark.parametrize("environ, expected", [
    ({"LANG": "sv_SE.UTF-8"}, "sv"), ({"LC_ALL": "fi_FI.UTF-8", "LANG": "sv_SE.UTF-8"}, "fi"),
    ({"LC_MESSAGES": "fi_FI"}, "fi"), ({"LANG": "de_DE.UTF-8"}, "en"), ({"LC_ALL": "C"}, "en"),
    ({}, "en"), ({"LC_ALL": "", "LANG": "sv_FI.UTF-8"}, "sv"),
])
def test_language_detection(environ, expected):
    assert detect_language(environ) == expected


def test_fallback_order_and_marker():
    only_english = {"en": "Assistant nurse"}
    assert pick(only_english, "fi").is_fallback and pick(only_english, "fi").lang == "en"
    assert pick_text(only_english, "sv") == "[en] Assistant nurse"
    assert pick_text({"fi": "lähihoitaja", "sv": "närvårdare"}, "en") == "[sv] närvårdare"
    assert pick_text({"fi": "lähihoitaja", "en": "practical nurse"}, "sv") == "[en] practical nurse"
    assert pick_text({"fi": "lähihoitaja", "en": "practical nurse"}, "fi") == "lähihoitaja"


@pytest.mark.parametrize("lang, words", [
    ("fi", ["Vastine Ruotsissa", "osittain vastaava", "Lähteet", "Tarkistettu 1. marraskuuta 2026",
            "Lappi"]),
    ("sv", ["Motsvarighet i Sverige", "delvis motsvarande", "Källor", "Kontrollerad 1 november 2026",
            "320\u00a0kr"]),
    ("en", ["Counterpart in Sweden", "partial match", "Sources",
            "Checked against the sources on November 1, 2026", "SEK320"]),
])
def test_show_speaks_the_language_with_localized_dates(run, built_fixture_db, lang, words):
    result = run("--lang", lang, "--database-url", built_fixture_db, "show",
                 "fi-pt-sosiaali-ja-terveysalan")
    assert result.code == 0
    for word in words:
        assert word in result.out


def test_record_text_follows_the_language(run, built_fixture_db):
    sv = run("--lang", "sv", "--database-url", built_fixture_db, "search", "lahihoitaja").out
    assert "Grundexamen inom social- och hälsovårdsbranschen" in sv
    fi = run("--lang", "fi", "--database-url", built_fixture_db, "search", "lahihoitaja").out
    assert "Sosiaali- ja terveysalan perustutkinto" in fi


def test_help_and_usage_errors_are_translated(run):
    assert "användning: " in run("--lang", "sv", "--help").out
    error = run("--lang", "fi", "show")
    assert error.code == 2 and "pakollisia" in error.err
    error = run("--lang", "fi", "search")
    assert error.code == 2 and error.err.count("\n") == 1 and "--batch" in error.err
    assert error.err != run("--lang", "en", "search").err  # said in Finnish


def test_lang_environment_variable_without_flag(tmp_path, data_dir):
    env = {**os.environ, "MOBILITY_TUI_DATABASE_URL": f"sqlite:///{tmp_path / 'lang.sqlite3'}",
           "LANG": "sv_SE.UTF-8"}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    run_subprocess("db", "build", "--data-dir", str(data_dir), env=env)
    result = run_subprocess("search", "lahihoitaja", env=env)
    assert result.returncode == 0
    assert "träff" in result.stdout and "Grundexamen inom social- och hälsovårdsbranschen" in result.stdout


def test_unknown_language_value_is_refused():
    with pytest.raises(ValueError):
        i18n.set_language("de")


def test_list_fallback_has_the_same_order_and_marker():
    from mobility_tui.i18n import pick_list_text

    titles = {"fi": ["lähihoitaja"], "sv": ["närvårdare", "akutvårdare"]}
    assert pick_list_text(titles, "sv") == "närvårdare och akutvårdare"
    assert pick_list_text(titles, "en") == "[sv] närvårdare and akutvårdare"
    assert pick_list_text({"fi": ["kokki"]}, "sv") == "[fi] kokki"
    assert pick_list_text({}, "fi") == ""

"""Never crash, never lose the database, never pass something dangerous through."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mobility_tui.catalog.build import build_database
from mobility_tui.cli import main
from mobility_tui.services.qualifications import QualificationService
from tests.conftest import FIXTURE_DATA, chosen, reader_for


@pytest.fixture(scope="module")
def module_db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('reliability') / 'db.sqlite3'}"
    build_database(url, FIXTURE_DATA)
    return url


def call(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.sampled_from([
    "\x00", "\x1b[2J\x1b[H", "\x1b]52;c;cHduZWQ=\x07", "x" * 12_000, "a\u0308" * 500,
    "\u202e\u2066abc", "%_%", "'; DROP TABLE qualification; --", "\ud7ff\ue000\U0010ffff"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=ANY_TEXT)
def test_search_with_any_text_gives_json(module_db, query):
    # "--" as a script passes any text: even a query spelled like an option ("--json").
    code, out, err = call("--database-url", module_db, "search", "--json", "--", query)
    assert code == 0, err
    assert isinstance(json.loads(out), list)
    assert "Traceback" not in err


@settings(max_examples=150, deadline=None)
@given(query=ANY_TEXT, country=st.sampled_from([None, "FI", "SE"]), limit=st.integers(1, 50))
def test_search_service_with_any_text(module_db, query, country, limit):
    answer = QualificationService(reader_for(module_db)).search(query, country, limit)
    assert len(answer.hits) <= limit
    assert all(0 <= hit.score <= 100 and (country is None or hit.summary.country == country)
               and hit.confidence in ("exact", "close", "weak") for hit in answer.hits)


@settings(max_examples=100, deadline=None)
@given(record_id=ANY_TEXT.filter(lambda text: text not in {
    "fi-pt-sosiaali-ja-terveysalan", "fi-pt-logistiikan", "se-vo", "se-vo-underskoterska",
    "fi-occ-test-taksinkuljettaja"}))
def test_show_with_any_id_is_one_sentence_and_exit_1(module_db, record_id):
    code, out, err = call("--database-url", module_db, "show", "--json", "--", record_id)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("No qualification or occupation has the id")
    assert "\x1b" not in err and "\x00" not in err


# --- broken data: check names everything, build refuses and the old database keeps answering ---

def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


BREAKAGES = {
    "bad toml": (lambda d: (d / "se" / "se-vo.toml").write_text("id = [", encoding="utf-8"),
                 ["se-vo.toml", "not valid TOML"]),
    "missing field": (lambda d: _replace(d / "se" / "se-vo.toml", "eqf_level = 4\n", ""),
                      ["se-vo", "eqf_level", "required"]),
    "wrong type": (lambda d: _replace(d / "se" / "se-vo.toml", "eqf_level = 4", "eqf_level = true"),
                   ["se-vo", "eqf_level"]),
    "duplicate id": (lambda d: shutil.copy(d / "se" / "se-vo.toml", d / "fi" / "se-vo.toml"),
                     ["se-vo", "field id", "another record"]),
    "dangling counterpart": (lambda d: _replace(d / "fi" / "fi-pt-logistiikan.toml",
                                                'target = "se-vo"', 'target = "se-gone"'),
                             ["fi-pt-logistiikan", "counterparts[1].target", "se-gone"]),
    "http url": (lambda d: _replace(d / "se" / "se-vo.toml", '"https://norric', '"http://norric'),
                 ["se-vo", "sources[1]", "https://"]),
    "nul byte": (lambda d: _replace(d / "se" / "se-vo.toml", 'sv = "Vård',
                                    'sv = "V\\u0000ård'), ["se-vo", "NUL"]),
    "url with a space": (lambda d: _replace(d / "se" / "se-vo.toml", '"https://norric.org/',
                                            '"https://norric.org/a b'),
                         ["se-vo", "sources[1]", "spaces or control characters"]),
    "url with an escape": (lambda d: _replace(d / "se" / "se-vo.toml", '"https://norric.org/',
                                              '"https://norric.org/\\u001b]0;x\\u0007'),
                           ["se-vo", "sources[1]", "control characters"]),
    "rule on an unknown fact": (lambda d: _replace(d / "rules" / "rule-tax-test-frontier.toml",
                                                   "home_every =", "commute_by ="),
                                ["rule-tax-test-frontier", "when.commute_by", "not a fact"]),
    "rule with a bad value": (lambda d: _replace(d / "rules" / "rule-tax-test-frontier.toml",
                                                 'home_country = "FI"', 'home_country = "NO"'),
                              ["rule-tax-test-frontier", "when.home_country", "value"]),
    "unknown field": (lambda d: _replace(d / "se" / "se-vo.toml", "code =", "kode = 1\ncode ="),
                      ["se-vo", "kode", "not a known field"]),
    "wrong encoding": (lambda d: (d / "se" / "se-vo.toml").write_bytes(
        "id = \"se-vo\"\nname = { sv = \"Vård\" }\n".encode("latin-1")), ["se-vo.toml", "UTF-8"]),
    "empty file": (lambda d: (d / "se" / "se-vo.toml").write_text("", encoding="utf-8"),
                   ["se-vo.toml", "field id", "required"]),
    "50 MB file": (lambda d: (d / "se" / "se-huge.toml").write_bytes(b"#" * (50 * 1024 * 1024)),
                   ["se-huge.toml", "larger than 1 MB"]),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_broken_data_is_named_and_the_old_database_keeps_answering(run, data_dir, db_url, breakage):
    assert run("--database-url", db_url, "db", "build", "--data-dir", str(data_dir)).code == 0
    before = Path(db_url.removeprefix("sqlite:///")).read_bytes()
    damage, words = BREAKAGES[breakage]
    damage(data_dir)
    check = run("db", "check", "--data-dir", str(data_dir))
    assert check.code == 1
    assert any(all(word in line for word in words) for line in check.err.splitlines()), check.err
    build = run("--database-url", db_url, "db", "build", "--data-dir", str(data_dir))
    assert build.code == 1 and "nothing was built" in build.err
    assert Path(db_url.removeprefix("sqlite:///")).read_bytes() == before
    answer = run("--database-url", db_url, "search", "lähihoitaja", "--json")
    assert answer.json()[0]["id"] == "fi-pt-sosiaali-ja-terveysalan"


def test_check_dates_after_today_are_one_warning_not_an_error(run, data_dir):
    for name in ("se/se-vo.toml", "fi/fi-pt-logistiikan.toml"):
        path = data_dir / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("verified = 2026-11-01", "verified = 2999-01-01")
                        .replace("verified = 2024-01-15", "verified = 2999-01-02"), encoding="utf-8")
    result = run("db", "check", "--data-dir", str(data_dir))
    assert result.code == 0
    warnings = [line for line in result.err.splitlines() if "after this machine's date" in line]
    assert len(warnings) == 1 and "2 record(s)" in warnings[0] and "2999-01-02" in warnings[0]


# --- interrupted rebuilds ---

def big_data_dir(tmp_path: Path, copies: int) -> Path:
    """The test catalogue plus many extra records, so a build takes a while to kill."""
    target = tmp_path / "big"
    shutil.copytree(FIXTURE_DATA, target)
    template = (FIXTURE_DATA / "se" / "se-vo.toml").read_text(encoding="utf-8")
    for number in range(copies):
        record = f"se-extra-{number}"
        (target / "se" / f"{record}.toml").write_text(
            template.replace('id = "se-vo"', f'id = "{record}"'), encoding="utf-8")
    return target


@pytest.mark.parametrize("delay", [0.05, 0.3, 0.8, 1.5])
def test_killed_build_leaves_the_previous_database_answering(tmp_path, delay):
    url = f"sqlite:///{tmp_path / 'kill.sqlite3'}"
    build_database(url, FIXTURE_DATA)
    data = big_data_dir(tmp_path, 1500)
    env = {**os.environ, "MOBILITY_TUI_DATABASE_URL": url}
    process = subprocess.Popen([sys.executable, "-m", "mobility_tui", "db", "build", "--data-dir",
                                str(data)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    ids = {s.id for s in QualificationService(reader_for(url)).list()}
    # Either the old database, or (if the build won the race) the complete new one.
    assert ids in ({"fi-pt-sosiaali-ja-terveysalan", "fi-pt-logistiikan", "se-vo",
                    "se-vo-underskoterska", "fi-occ-test-taksinkuljettaja"},
                   ids if len(ids) == 1505 else None)
    # The next build cleans up what the killed one left behind.
    build_database(url, FIXTURE_DATA)
    assert not list(tmp_path.glob(".kill.sqlite3.*.building*"))


def test_unwritable_database_folder_is_one_sentence(run, data_dir):
    url = "sqlite:////dev/null/inside/a/file.sqlite3"
    result = run("--database-url", url, "db", "build", "--data-dir", str(data_dir))
    assert result.code == 1  # progress lines first, then the error in one sentence
    assert result.err.strip().splitlines()[-1] == \
        "The folder /dev/null/inside/a cannot be created (Not a directory)."


def test_missing_data_folder_is_one_sentence(run, tmp_path):
    result = run("db", "check", "--data-dir", str(tmp_path / "nowhere"))
    assert result.code == 1 and "does not exist" in result.err


# --- nothing dangerous from the data reaches a terminal or a plan ---

HOSTILE_NAME = '<script>alert(1)</script>"><img src=x onerror=alert(2)> *bold* [x](javascript:y) \x1b[31m'


@pytest.fixture
def hostile_db(data_dir, db_url) -> str:
    path = data_dir / "fi" / "fi-pt-logistiikan.toml"
    text = path.read_text(encoding="utf-8").replace(
        'en = "Vocational qualification in Logistics"',
        "en = " + json.dumps(HOSTILE_NAME)).replace(
        'rationale = { en = "Placeholder decision used by the tests." }',
        'rationale = { en = "<b onmouseover=alert(3)>hover</b> | table | # head" }')
    path.write_text(text, encoding="utf-8")
    build_database(db_url, data_dir)
    return db_url


def test_html_plan_is_inert(run, hostile_db):
    html = run("--database-url", hostile_db, "plan", "--qualification", "fi-pt-logistiikan",
               "--format", "html").out
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")  # only as escaped text
    assert "&lt;script&gt;" in html and "&lt;b onmouseover" in html
    assert "javascript:" not in html.split("&lt;script&gt;")[0]
    assert "\x1b" not in html
    assert 'href="javascript' not in html and "<b " not in html


def test_markdown_plan_is_inert(run, hostile_db):
    md = run("--database-url", hostile_db, "plan", "--qualification", "fi-pt-logistiikan").out
    assert "<script>" not in md and r"\<script\>" in md
    assert r"\*bold\*" in md and r"\[x\](javascript:y)" in md
    assert r"\<b onmouseover=alert(3)\>" in md and r"\| table \|" in md
    assert "\x1b" not in md


def test_terminal_output_never_carries_escape_sequences(run, hostile_db):
    for args in (["show", "fi-pt-logistiikan"], ["search", "logistiikan"], ["list"]):
        result = run("--database-url", hostile_db, *args)
        assert result.code == 0 and "\x1b" not in result.out


async def test_tui_shows_hostile_data_as_text(hostile_db):
    from textual.widgets import DataTable

    from mobility_tui.tui.app import create_app

    app = create_app(chosen(hostile_db), language="en")
    async with app.run_test(size=(100, 32)) as pilot:
        while app.services is None:
            await pilot.pause(0.05)
        await pilot.press(*"logistiikan")
        while app.screen.answer is None or app.screen.answer.query != "logistiikan":
            await pilot.pause(0.05)
        cell = app.screen.query_one("#results", DataTable).get_row_at(0)[1]
        assert cell.plain.startswith("<script>alert(1)</script>")  # shown literally
        assert "\x1b" not in cell.plain
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert app.is_running


def test_ctrl_c_in_a_long_batch_is_one_line_and_exit_130(built_fixture_db, tmp_path):
    source = tmp_path / "many.txt"
    source.write_text("".join(f"lähihoitaja {number}\n" for number in range(50_000)), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "mobility_tui", "--database-url", built_fixture_db, "search",
         "--batch", str(source), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
        # A job started in the background (as CI may be) inherits SIGINT ignored; a person's
        # terminal delivers it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert process.stdout is not None and json.loads(process.stdout.readline())["line"] == 1
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    assert err == "Interrupted.\n"

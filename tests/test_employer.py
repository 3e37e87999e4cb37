"""The employer's view of a foreign certificate: in the detail, as JSON, and as a one-page export
from the command line and from the TUI."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from mobility_tui.tui.app import create_app
from mobility_tui.tui.screens.detail import DetailScreen
from mobility_tui.tui.screens.save import SaveScreen
from tests.conftest import chosen
from tests.test_tui import open_detail, wait_for


def pdf_pages(path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


@pytest.mark.parametrize("record, authority", [
    ("fi-pt-sahko-ja-automaatioalan", "Elsäkerhetsverket"),
    ("fi-kk-sairaanhoitaja-amk", "Socialstyrelsen"),
    ("se-ee-elektriker", "Tukes"),
    ("se-hs-sjukskoterskeexamen", "Lupa- ja valvontavirasto"),
])
def test_the_employer_export_is_one_page(run, shipped_db_url, tmp_path, record, authority):
    from pypdf import PdfReader

    target = tmp_path / "certificate.pdf"
    result = run("--database-url", shipped_db_url, "show", record, "--employer", "--output", str(target))
    assert result.code == 0 and str(target) in result.err
    assert pdf_pages(target) == 1
    text = PdfReader(str(target)).pages[0].extract_text()
    assert "For an employer" in text and authority in text and "Trained to do" in text


def test_the_employer_page_names_level_counterpart_and_what_needs_a_licence(run, built_fixture_db):
    data = run("--database-url", built_fixture_db, "show", "fi-pt-sosiaali-ja-terveysalan",
               "--employer", "--json").json()
    assert data["eqf_level"] == 4 and data["description"]
    assert [(item["id"], item["decided_this_way"]) for item in data["counterparts"]][0] == (
        "se-vo-underskoterska", True)
    assert data["licence"] and any("Socialstyrelsen" in item for item in data["licence"])
    text = run("--database-url", built_fixture_db, "--lang", "sv", "show",
               "fi-pt-sosiaali-ja-terveysalan", "--employer", "--format", "md").out
    assert text.startswith("# För en arbetsgivare") and "Socialstyrelsen" in text


def test_an_existing_file_is_kept_without_force(run, built_fixture_db, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "page.html"
    target.write_text("keep me", encoding="utf-8")
    args = ("--database-url", built_fixture_db, "show", "fi-pt-logistiikan", "--output", str(target))
    kept = run(*args)
    assert kept.code == 1 and target.read_text(encoding="utf-8") == "keep me"
    replaced = run(*args, "--force")
    assert replaced.code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert list(folder.iterdir()) == [target]  # no temporary file left behind


@pytest.mark.parametrize("extra", [("--json", "--output", "x.pdf"), ("--format", "pdf"),
                                   ("--format", "md", "--output", "x.html")])
def test_document_options_that_cannot_work_are_usage_errors(run, built_fixture_db, tmp_path,
                                                            monkeypatch, extra):
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)
    result = run("--database-url", built_fixture_db, "show", "fi-pt-logistiikan", "--employer", *extra)
    assert result.code == 2 and result.out == "" and result.err.count("\n") == 1
    assert list(folder.iterdir()) == []


async def test_the_tui_saves_the_employer_page(built_fixture_db, tmp_path, monkeypatch):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    monkeypatch.chdir(tmp_path)
    app = create_app(chosen(built_fixture_db), language="en")
    async with app.run_test(size=(110, 34)) as pilot:
        await open_detail(pilot, "lahihoitaja")
        await pilot.press("e")
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveScreen))
        path = app.screen.query_one("#save-path", Input)
        assert path.value == str(tmp_path / "fi-pt-sosiaali-ja-terveysalan-employer.md")
        app.screen.query_one("#save-format", Select).value = "html"
        await wait_for(pilot, lambda: path.value.endswith("-employer.html"))
        await pilot.click("#save-save")
        target = tmp_path / "fi-pt-sosiaali-ja-terveysalan-employer.html"
        await wait_for(pilot, lambda: target.exists() and isinstance(app.screen, DetailScreen))
        assert "For an employer" in target.read_text(encoding="utf-8")

        # Saving again over it asks first, and keeps the file until asked twice.
        target.write_text("older", encoding="utf-8")
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveScreen))
        app.screen.query_one("#save-format", Select).value = "html"
        await pilot.pause(0.2)
        await pilot.click("#save-save")
        await wait_for(pilot, lambda: "exists already" in str(app.screen.query_one("#save-status").render()))
        assert target.read_text(encoding="utf-8") == "older"
        await pilot.pause(0.3)  # a button ignores a second press within its 0.2 s press effect
        await pilot.press("enter")  # the Save button keeps the focus
        await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen))
        assert "For an employer" in target.read_text(encoding="utf-8")

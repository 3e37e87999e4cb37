"""The advising plan: one direction, the officer's choices, four formats, written atomically."""

from __future__ import annotations

import errno
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mobility_tui.presentation.documents import escape_markdown, escape_markdown_block


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.links += [value for name, value in attrs if name in ("href", "src") and value]


def plan(run, url, *args, code=0):
    result = run("--database-url", url, "plan", *args)
    assert result.code == code, result.err
    return result


@pytest.mark.parametrize("lang, heading, relation", [
    ("en", "# Advising plan", "partial match"),
    ("fi", "# Ohjaussuunnitelma", "osittain vastaava"),
    ("sv", "# Vägledningsplan", "delvis motsvarande"),
])
def test_plan_for_a_regulated_qualification_in_three_languages(run, built_fixture_db, lang, heading,
                                                                relation):
    text = plan(run, built_fixture_db, "--lang", lang, "--qualification",
                "fi-pt-sosiaali-ja-terveysalan", "--swedish-level", "A2", "--client", "Aino").out
    assert text.startswith(heading)
    assert relation in text and "Aino" in text and "A2" in text
    assert "Socialstyrelsen" in text
    assert "- [ ] **" in text                              # the guide as a checklist
    assert "<https://www.haparanda.se/>" in text           # a course for an A2 speaker
    assert text.count("<https://norric.org/?p=592>") == 1  # each source once, at the end
    assert "fi-pt-sosiaali" not in text                    # no internal ids


def test_fee_in_the_shown_languages_format(run, built_fixture_db):
    english = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan").out
    swedish = plan(run, built_fixture_db, "--lang", "sv", "--qualification",
                   "fi-pt-sosiaali-ja-terveysalan").out
    finnish = plan(run, built_fixture_db, "--lang", "fi", "--qualification",
                   "fi-pt-sosiaali-ja-terveysalan").out
    assert "SEK\u00a0320" in english or "SEK320" in english or "SEK 320" in english
    assert "320\u00a0kr" in swedish
    assert "320\u00a0SEK" in finnish


def test_plan_carries_one_direction_only(run, built_fixture_db):
    data = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan",
                "--json").json()
    assert data["direction"] == {"from": "FI", "to": "SE"} and data["scenario"] == "commute-to-se"
    assert all(rule["country"] == "SE" for rule in data["qualification"]["regulation"])
    assert all("move-to-fi" not in step["scenarios"] and "commute-to-fi" not in step["scenarios"]
               or "commute-to-se" in step["scenarios"] for step in data["steps"])
    wrong = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan",
                 "--scenario", "move-to-fi", code=2)
    assert "other direction" in wrong.err and wrong.err.count("\n") == 1


def test_plan_json_is_one_object(run, built_fixture_db, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Call Socialstyrelsen on Monday.\n\nBring the diploma.", encoding="utf-8")
    data = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan",
                "--client", "Aino Virtanen", "--notes-file", str(notes), "--swedish-level", "b1",
                "--home", "Tornio", "--work", "Haparanda", "--json").json()
    assert set(data) >= {"client", "qualification", "scenario", "level", "sections", "references",
                         "courses", "steps", "situation", "notes", "direction", "generation"}
    assert data["client"] == "Aino Virtanen" and data["level"] == "B1"
    assert data["notes"].startswith("Call Socialstyrelsen")
    assert {section["key"] for section in data["sections"]} >= {
        "qualification", "counterparts", "regulation", "courses", "situation", "checklist", "notes"}
    assert data["situation"]["answers"][0]["rule"] == "rule-tax-test-frontier"
    assert len(data["references"]) == len(set(data["references"]))


def test_courses_are_ranked_by_fit_before_any_cut_and_can_be_chosen(run, built_fixture_db):
    data = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan",
                "--swedish-level", "A2", "--json").json()
    # The online B1 course is for health and social care: it fits this client's field first.
    assert [course["id"] for course in data["courses"]] == ["course-test-online-b1", "course-test-sfi"]
    chosen = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan",
                  "--course", "course-test-sfi", "--json").json()
    assert [course["id"] for course in chosen["courses"]] == ["course-test-sfi"]
    missing = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan",
                   "--course", "no-such-course", code=1)
    assert "No course has the id" in missing.err and missing.err.count("\n") == 1


def test_format_follows_the_file_name(run, built_fixture_db, tmp_path):
    html_file = tmp_path / "x.html"
    result = plan(run, built_fixture_db, "--qualification", "fi-pt-logistiikan", "--output",
                  str(html_file))
    assert html_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert str(html_file.resolve()) in result.err
    conflict = plan(run, built_fixture_db, "--qualification", "fi-pt-logistiikan", "--output",
                    str(tmp_path / "y.html"), "--format", "md", code=2)
    assert "does not match" in conflict.err


def test_the_message_names_the_real_path_written(run, built_fixture_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = plan(run, built_fixture_db, "--qualification", "fi-pt-logistiikan", "--output",
                  "client.md")
    assert (tmp_path / "client.md").exists()
    assert result.err.strip() == f"Plan saved to {tmp_path / 'client.md'}"


def test_a_pdf_plan_is_a_real_pdf(run, built_fixture_db, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "plan.pdf"
    plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan", "--client",
         "Aino", "--output", str(target))
    reader = PdfReader(str(target))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Advising plan" in text and "Aino" in text and "Socialstyrelsen" in text
    assert len(reader.pages) <= 2


@pytest.mark.parametrize("record", ["fi-pt-sahko-ja-automaatioalan", "fi-kk-sairaanhoitaja-amk",
                                    "se-vo-underskoterska"])
def test_a_typical_shipped_plan_fits_on_four_pages(run, shipped_db_url, tmp_path, record):
    from pypdf import PdfReader

    target = tmp_path / "plan.pdf"
    plan(run, shipped_db_url, "--qualification", record, "--swedish-level", "A2", "--client",
         "Client", "--output", str(target))
    assert len(PdfReader(str(target)).pages) <= 4


def test_html_plan_parses_has_no_script_and_only_https_links(run, built_fixture_db):
    html = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan",
                "--format", "html").out
    parser = _Structure()
    parser.feed(html)
    assert parser.tags[0] == "html" and "body" in parser.tags
    assert "script" not in parser.tags and "<script" not in html.lower()
    assert parser.links and all(link.startswith("https://") for link in parser.links)


def test_markdown_and_html_hold_the_same_sources(run, built_fixture_db):
    md = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan").out
    html = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan",
                "--format", "html").out
    for url in ("https://norric.org/?p=592", "https://www.socialstyrelsen.se/",
                "https://www.skatteverket.se/", "https://www.granstjanst.se/"):
        assert url in md and url in html


def test_plan_file_is_not_overwritten_without_force(run, built_fixture_db, tmp_path):
    target = tmp_path / "plan.md"
    args = ("--qualification", "fi-pt-sosiaali-ja-terveysalan", "--output", str(target))
    first = plan(run, built_fixture_db, *args)
    assert first.out == "" and str(target) in first.err
    target.write_text("client notes", encoding="utf-8")
    second = plan(run, built_fixture_db, *args, code=1)
    assert "exists already" in second.err
    assert target.read_text(encoding="utf-8") == "client notes"
    plan(run, built_fixture_db, *args, "--force")
    assert target.read_text(encoding="utf-8").startswith("# Advising plan")


def test_a_plan_onto_a_full_disk_leaves_nothing(run, built_fixture_db, tmp_path, monkeypatch):
    import mobility_tui.files as files

    def disk_full(_descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    folder = tmp_path / "plans"
    folder.mkdir()
    monkeypatch.setattr(files.os, "fsync", disk_full)
    target = folder / "plan.md"
    result = plan(run, built_fixture_db, "--qualification", "fi-pt-logistiikan", "--output",
                  str(target), code=1)
    assert result.err.count("\n") == 1 and "No space left on device" in result.err
    assert list(folder.iterdir()) == []  # no truncated file, no temporary file
    monkeypatch.undo()
    again = plan(run, built_fixture_db, "--qualification", "fi-pt-logistiikan", "--output",
                 str(target))
    assert "exists already" not in again.err and target.exists()


def test_unwritable_plan_path_is_one_sentence(run, built_fixture_db, tmp_path):
    result = plan(run, built_fixture_db, "--qualification", "fi-pt-logistiikan", "--output",
                  str(tmp_path / "missing" / "plan.md"), code=1)
    assert result.err.count("\n") == 1 and "cannot be written" in result.err


def test_unreadable_notes_file_is_one_sentence(run, built_fixture_db, tmp_path):
    result = plan(run, built_fixture_db, "--qualification", "fi-pt-logistiikan", "--notes-file",
                  str(tmp_path / "nowhere.txt"), code=1)
    assert result.err.count("\n") == 1 and "cannot be read" in result.err


def test_markdown_escaping_makes_data_inert():
    assert escape_markdown("*bold* [link](https://x) <b>|") == r"\*bold\* \[link\](https://x) \<b\>\|"
    assert escape_markdown("# heading") == r"\# heading"
    assert escape_markdown("1. heinäkuuta 2017") == "1. heinäkuuta 2017"  # inline: harmless
    assert escape_markdown_block("- item") == r"\- item"
    assert escape_markdown_block("1. item") == r"\1. item"
    assert escape_markdown("a\x1b[31mb\nc") == r"a\[31mb c"


def test_a_control_character_in_a_file_name_is_reported_safely(run, built_fixture_db, tmp_path):
    name = tmp_path / "plan[red]\x1b]0;x\x07.md"
    result = plan(run, built_fixture_db, "--qualification", "fi-pt-logistiikan", "--output", str(name))
    assert "\x1b" not in result.err and "\x07" not in result.err
    assert Path(name).exists()

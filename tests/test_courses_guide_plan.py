"""Courses, the guide and the advising plan: filters, order, content in three languages."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from mobility_tui.services.courses import suits_level
from mobility_tui.services.plan import escape_markdown, escape_markdown_block


@pytest.mark.parametrize("levels, level, expected", [
    (["A1", "A2", "B1"], "A1", True), (["A1", "A2", "B1"], "A2", True),
    (["A1", "A2", "B1"], "B1", False),        # leads nowhere above B1
    (["B1"], "A2", True), (["B1"], "A1", False), (["B1"], "B1", False),
    (["A2", "B1"], "A1", True), (["B2", "C1"], "A2", False),
])
def test_level_filter_rule(levels, level, expected):
    assert suits_level(levels, level) is expected


def test_courses_filters(run, built_fixture_db):
    def ids(*args):
        result = run("--database-url", built_fixture_db, "courses", *args, "--json")
        assert result.code == 0
        return [course["id"] for course in result.json()]

    assert ids() == ["course-test-sfi", "course-test-online-b1"]
    assert ids("--level", "A2") == ["course-test-sfi", "course-test-online-b1"]
    assert ids("--level", "a1") == ["course-test-sfi"]
    assert ids("--level", "B1") == []
    assert ids("--mode", "online") == ["course-test-online-b1"]
    assert ids("--place", "haparanda") == ["course-test-sfi"]
    assert ids("--level", "A2", "--mode", "classroom", "--place", "Hapar") == ["course-test-sfi"]


def test_course_json_shape(run, built_fixture_db):
    [course] = run("--database-url", built_fixture_db, "courses", "--mode", "online", "--json").json()
    assert course == {
        "id": "course-test-online-b1", "provider": "Test open university",
        "name": {"fi": "Ruotsin kieli B1", "sv": "", "en": "Swedish B1"}, "levels": ["B1"],
        "mode": "online", "location": None, "country": None, "cost": "EUR 15",
        "url": "https://www.oulu.fi/", "description": None,
        "sources": ["https://www.oulu.fi/"], "verified": "2026-11-01"}


def test_guide_order_scenarios_and_authorities(run, built_fixture_db):
    steps = run("--database-url", built_fixture_db, "guide", "--scenario", "commute-to-se",
                "--json").json()
    assert [step["id"] for step in steps] == ["guide-test-border-advice", "guide-test-tax"]
    assert [step["authority"]["name"] for step in steps] == ["Gränstjänsten", "Skatteverket"]
    assert steps[0]["scenarios"] == ["commute-to-se", "move-to-se"]
    move = run("--database-url", built_fixture_db, "guide", "--scenario", "move-to-se", "--json").json()
    assert [step["id"] for step in move] == ["guide-test-border-advice"]
    assert run("--database-url", built_fixture_db, "guide", "--scenario", "move-to-fi",
               "--json").json() == []


def test_shipped_guide_covers_commuting_to_sweden(run, shipped_db_url):
    steps = run("--database-url", shipped_db_url, "guide", "--scenario", "commute-to-se",
                "--json").json()
    assert len(steps) >= 8
    orders = [step["order"] for step in steps]
    assert orders == sorted(orders)
    authorities = " ".join(step["authority"]["name"] for step in steps)
    for name in ("Skatteverket", "Försäkringskassan", "Arbetsförmedlingen"):
        assert name in authorities
    assert all(step["authority"]["url"].startswith("https://") and step["sources"]
               for step in steps)
    for scenario in ("move-to-se", "move-to-fi", "commute-to-fi"):
        assert run("--database-url", shipped_db_url, "guide", "--scenario", scenario,
                   "--json").json()


def test_shipped_courses_are_real_enough(run, shipped_db_url):
    courses = run("--database-url", shipped_db_url, "courses", "--json").json()
    assert len(courses) >= 10
    assert {course["mode"] for course in courses} >= {"online", "classroom"}
    assert any(course["location"] == "Haparanda" for course in courses)
    assert all(course["url"].startswith("https://") and course["verified"] for course in courses)


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.links += [value for name, value in attrs if name in ("href", "src") and value]


def plan(run, url, *args):
    result = run("--database-url", url, "plan", *args)
    assert result.code == 0, result.err
    return result.out


@pytest.mark.parametrize("lang, heading, relation", [
    ("en", "# Advising plan", "partial match"),
    ("fi", "# Ohjaussuunnitelma", "osittain vastaava"),
    ("sv", "# Vägledningsplan", "delvis motsvarande"),
])
def test_plan_for_a_regulated_qualification_in_three_languages(run, built_fixture_db, lang,
                                                                heading, relation):
    text = plan(run, built_fixture_db, "--lang", lang, "--qualification",
                "fi-pt-sosiaali-ja-terveysalan", "--swedish-level", "A2")
    assert text.startswith(heading)
    assert relation in text
    assert "Socialstyrelsen" in text and "SEK 320" in text
    assert "- [ ] **" in text                              # the guide as a checklist
    assert "<https://www.haparanda.se/>" in text           # a course for an A2 speaker
    assert "<https://norric.org/?p=592>" in text           # every source, with its date


def test_plan_for_an_unregulated_one_says_no_entry(run, built_fixture_db):
    text = plan(run, built_fixture_db, "--qualification", "fi-pt-logistiikan")
    assert "No regulation entry is recorded" in text
    assert "more than a year ago" in text  # checked 2024-01-15


def test_html_plan_parses_has_no_script_and_only_https_links(run, built_fixture_db):
    html = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan",
                "--format", "html")
    parser = _Structure()
    parser.feed(html)
    assert parser.tags[0] == "html" and "body" in parser.tags
    assert "script" not in parser.tags and "<script" not in html.lower()
    assert parser.links and all(link.startswith("https://") for link in parser.links)
    assert "Assistant nurse" in html and "Socialstyrelsen" in html


def test_markdown_and_html_hold_the_same_sources(run, built_fixture_db):
    md = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan")
    html = plan(run, built_fixture_db, "--qualification", "fi-pt-sosiaali-ja-terveysalan",
                "--format", "html")
    for url in ("https://norric.org/?p=592", "https://www.socialstyrelsen.se/",
                "https://www.skatteverket.se/", "https://www.granstjanst.se/"):
        assert url in md and url in html


def test_plan_file_is_not_overwritten_without_force(run, built_fixture_db, tmp_path):
    target = tmp_path / "plan.md"
    args = ("--qualification", "fi-pt-sosiaali-ja-terveysalan", "--output", str(target))
    first = run("--database-url", built_fixture_db, "plan", *args)
    assert first.code == 0 and first.out == "" and str(target) in first.err
    target.write_text("client notes", encoding="utf-8")
    second = run("--database-url", built_fixture_db, "plan", *args)
    assert second.code == 1 and "exists already" in second.err
    assert target.read_text(encoding="utf-8") == "client notes"
    third = run("--database-url", built_fixture_db, "plan", *args, "--force")
    assert third.code == 0 and target.read_text(encoding="utf-8").startswith("# Advising plan")


def test_unwritable_plan_path_is_one_sentence(run, built_fixture_db, tmp_path):
    result = run("--database-url", built_fixture_db, "plan", "--qualification",
                 "fi-pt-logistiikan", "--output", str(tmp_path / "missing" / "plan.md"))
    assert result.code == 1 and result.err.count("\n") == 1
    assert "cannot be written" in result.err


def test_markdown_escaping_makes_data_inert():
    assert escape_markdown("*bold* [link](https://x) <b>|") == r"\*bold\* \[link\](https://x) \<b\>\|"
    assert escape_markdown("# heading") == r"\# heading"
    assert escape_markdown("1. heinäkuuta 2017") == "1. heinäkuuta 2017"  # inline: harmless
    assert escape_markdown_block("- item") == r"\- item"
    assert escape_markdown_block("1. item") == r"\1. item"
    assert escape_markdown("a\x1b[31mb\nc") == r"a\[31mb c"

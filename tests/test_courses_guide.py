"""Courses and the guide: filters by a course's range, places in both languages, order."""

from __future__ import annotations

import pytest

from mobility_tui.services.courses import suits_level


@pytest.mark.parametrize("levels, level, expected", [
    (["A1", "A2", "B1"], "A1", True), (["A1", "A2", "B1"], "B1", True),   # within the range
    (["B1"], "A2", True), (["B1"], "B1", True), (["B1"], "A1", False),     # one step below it
    (["A1", "A2", "B1"], "B2", False), (["B2", "C1"], "A2", False),
])
def test_level_filter_uses_the_whole_range(levels, level, expected):
    assert suits_level(levels, level) is expected


def ids(run, url, *args):
    result = run("--database-url", url, "courses", *args, "--json")
    assert result.code == 0, result.err
    return [course["id"] for course in result.json()]


def test_courses_filters(run, built_fixture_db):
    url = built_fixture_db
    assert ids(run, url) == ["course-test-sfi", "course-test-online-b1"]
    assert ids(run, url, "--level", "B1") == ["course-test-sfi", "course-test-online-b1"]
    assert ids(run, url, "--level", "a1") == ["course-test-sfi"]
    assert ids(run, url, "--mode", "online") == ["course-test-online-b1"]
    # A place by either language's name; online courses are shown whatever the place.
    assert ids(run, url, "--place", "Haaparanta") == ["course-test-sfi", "course-test-online-b1"]
    assert ids(run, url, "--place", "Luleå") == ["course-test-online-b1"]
    assert ids(run, url, "--place", "Hapar", "--mode", "classroom") == ["course-test-sfi"]


def test_course_json_shape(run, built_fixture_db):
    [course] = run("--database-url", built_fixture_db, "courses", "--mode", "online", "--json").json()
    assert course["id"] == "course-test-online-b1" and course["levels"] == ["B1"]
    assert course["mode"] == "online" and course["location"] is None and course["country"] is None
    assert course["cost"] == "EUR 15" and course["cost_text"] == {"fi": "15 euroa", "sv": "", "en": "EUR 15"}
    assert course["url"] == "https://www.oulu.fi/" and course["verified"] == "2026-11-01"


def test_cost_and_mode_are_shown_in_the_interface_language(run, built_fixture_db):
    text = run("--lang", "fi", "--database-url", built_fixture_db, "courses", "--mode", "online").out
    assert "15 euroa" in text and "EUR 15" not in text
    classroom = run("--database-url", built_fixture_db, "courses", "--mode", "classroom").out
    assert "Haparanda" in classroom and "online" not in classroom.lower().split("mode:")[1].split("\n")[0]


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
    assert all(step["authority"]["url"].startswith("https://") and step["sources"] for step in steps)
    for scenario in ("move-to-se", "move-to-fi", "commute-to-fi"):
        assert run("--database-url", shipped_db_url, "guide", "--scenario", scenario, "--json").json()


def test_shipped_courses_are_real_enough(run, shipped_db_url):
    courses = run("--database-url", shipped_db_url, "courses", "--json").json()
    assert len(courses) >= 10
    assert {course["mode"] for course in courses} >= {"online", "classroom"}
    assert any(course["location"] == "Haparanda" for course in courses)
    assert all(course["url"].startswith("https://") and course["verified"] for course in courses)
    b1 = run("--database-url", shipped_db_url, "courses", "--level", "B1", "--json").json()
    assert b1, "courses that teach B1 exist, so --level B1 finds them"

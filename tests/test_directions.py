"""Both directions, as a jobseeker goes through them: search in their own words, open the record,
make the plan. A nurse and an electrician from Finland to Sweden and from Sweden to Finland, on
the shipped catalogue: the destination's rules come first, the home country's are kept apart."""

from __future__ import annotations

import pytest

CASES = [
    # query, record, counterpart, destination rule, its authority, home rule
    ("sairaanhoitaja", "fi-kk-sairaanhoitaja-amk", "se-hs-sjukskoterskeexamen",
     "se-reg-sjukskoterska", "Socialstyrelsen", "fi-reg-sairaanhoitaja"),
    ("sjuksköterska", "se-hs-sjukskoterskeexamen", "fi-kk-sairaanhoitaja-amk",
     "fi-reg-sairaanhoitaja", "Lupa- ja valvontavirasto", "se-reg-sjukskoterska"),
    ("sähköasentaja", "fi-pt-sahko-ja-automaatioalan", "se-ee-elektriker",
     "se-reg-elinstallator", "Elsäkerhetsverket", "fi-reg-sahkotyot"),
    ("elektriker", "se-ee-elektriker", "fi-pt-sahko-ja-automaatioalan",
     "fi-reg-sahkotyot", "Tukes", "se-reg-elinstallator"),
]
OTHER = {"FI": "SE", "SE": "FI"}


@pytest.mark.parametrize("query, record, counterpart, rule, authority, home_rule", CASES)
def test_search_show_and_plan_go_the_same_way(run, shipped_db_url, query, record, counterpart,
                                              rule, authority, home_rule):
    found = run("--database-url", shipped_db_url, "search", query, "--json")
    assert found.code == 0
    assert found.json()[0]["id"] == record and found.json()[0]["confidence"] == "exact"

    shown = run("--database-url", shipped_db_url, "show", record, "--json").json()
    home = shown["country"]
    assert shown["direction"] == {"from": home, "to": OTHER[home]}
    assert counterpart in [item["id"] for item in shown["counterparts"]]
    destination = {item["id"]: item for item in shown["regulation"]}
    assert rule in destination and destination[rule]["country"] == OTHER[home]
    assert authority in destination[rule]["authority"]["name"]
    assert destination[rule]["regulated"] is True
    assert [item["id"] for item in shown["home_regulation"]] == [home_rule]
    assert all(item["country"] == OTHER[home] for item in shown["regulation"])

    plan = run("--database-url", shipped_db_url, "plan", "--qualification", record, "--json").json()
    assert plan["direction"] == shown["direction"]
    assert plan["scenario"] == ("commute-to-se" if home == "FI" else "commute-to-fi")
    assert [item["id"] for item in plan["qualification"]["regulation"]] == list(destination)
    assert all(url in plan["references"] for url in destination[rule]["sources"])
    wanted_language = "sv" if OTHER[home] == "SE" else "fi"
    assert all(wanted_language in course["teaches"] for course in plan["courses"])


@pytest.mark.parametrize("record, health", [("se-hs-sjukskoterskeexamen", True),
                                            ("se-ee-elektriker", False)])
def test_the_health_licence_step_is_on_a_nurses_checklist_only(run, shipped_db_url, record, health):
    plan = run("--database-url", shipped_db_url, "plan", "--qualification", record, "--json").json()
    steps = [step["id"] for step in plan["steps"]]
    assert ("guide-fi-health-care-licence" in steps) is health
    assert "guide-border-advice" in steps


def test_a_counterpart_decided_the_other_way_is_shown_on_the_plan_and_marked(run, shipped_db_url):
    # The electrician's counterpart was decided from the Finnish side: the plan says so, as show does.
    text = run("--database-url", shipped_db_url, "plan", "--qualification", "se-ee-elektriker").out
    section = text.split("## Counterpart in Finland", 1)[1].split("\n## ", 1)[0]
    assert "Further vocational qualification in Electrical Engineering and Automation Technology" in section
    assert "Decided for the other direction: From Finland to Sweden" in section
    assert "No counterpart decision" not in section
    # Its gaps were written for a Finnish holder in Sweden: not this holder's, so not shown.
    assert "would lack has not been compared" in section
    assert "What differs" not in section


def test_an_employer_is_not_given_the_other_directions_gaps(run, shipped_db_url):
    view = run("--database-url", shipped_db_url, "show", "se-ee-elektriker", "--employer",
               "--json").json()
    assert view["induction"] == [] and view["course"] == []
    assert len(view["licence"]) == 1 and "Tukes" in view["licence"][0]
    assert not any("Sweden" in item for item in view["licence"])


def test_a_scenario_for_the_other_direction_is_refused(run, shipped_db_url):
    result = run("--database-url", shipped_db_url, "plan", "--qualification", "se-ee-elektriker",
                 "--scenario", "move-to-se")
    assert result.code == 2 and "other direction" in result.err and result.out == ""

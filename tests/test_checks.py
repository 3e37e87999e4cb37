"""Situation checks on the shipped rules, from the authorities' own examples (each test names the
page its example comes from), both sides of every border of a condition, and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from mobility_tui.rules.situation import Situation
from tests.conftest import services_for


@pytest.fixture(scope="module")
def checks(shipped_db_url):
    return services_for(shipped_db_url).checks


def rules(checks, topic: str, **situation) -> list[str]:
    answer = checks.check(Situation(**situation))
    return [item.rule for item in answer.answers if item.topic == topic]


# Vero, "Rajankävijän verotus", detailed guidance of 2 January 2020, example 1: a nurse living in
# Tornio who works for the municipality of Haparanda and goes home every day is a frontier worker
# and pays tax on the salary in Finland.
# https://www.vero.fi/syventavat-vero-ohjeet/ohje-hakusivu/49150/rajank%C3%A4vij%C3%A4n-verotus3/
def test_vero_example_public_nurse_tornio_haparanda(checks):
    assert rules(checks, "tax", home="Tornio", work="Haparanda", home_every="day",
                 sector="public") == ["rule-tax-frontier-worker-fi"]


# Vero customer page "Rajankävijä": the municipalities need not touch each other, and Enontekiö
# borders Sweden. https://www.vero.fi/henkiloasiakkaat/verokortti-ja-veroilmoitus/suomesta_ulkomaille/toihin_ulkomaille/rajank%C3%A4vij%C3%A4n-verotus/
@pytest.mark.parametrize("home, work", [("Enontekiö", "Kiruna"), ("Kolari", "Haparanda"),
                                        ("Ylitornio", "Pajala"), ("Pello", "Övertorneå")])
def test_any_pair_of_listed_border_municipalities_qualifies(checks, home, work):
    assert rules(checks, "tax", home=home, work=work, home_every="week") == ["rule-tax-frontier-worker-fi"]


# Same Vero page, example 3: a person living in Utsjoki and working in Kiruna is not a frontier
# worker: Utsjoki does not border Sweden.
def test_vero_example_utsjoki_kiruna_is_not_a_frontier_worker(checks):
    found = rules(checks, "tax", home="Utsjoki", work="Kiruna", home_every="day")
    assert "rule-tax-frontier-worker-fi" not in found
    assert "rule-tax-not-border-municipality" in found and "rule-tax-work-country-se" in found


@pytest.mark.parametrize("home", ["Tornio", "Keminmaa", "Kemi"])
def test_a_listed_municipality_and_its_neighbours_off_the_list(checks, home):
    found = rules(checks, "tax", home=home, work="Haparanda", home_every="day")
    assert ("rule-tax-frontier-worker-fi" in found) is (home == "Tornio")


@pytest.mark.parametrize("home_every, frontier", [("day", True), ("week", True), ("month", False),
                                                  ("less", False)])
def test_going_home_at_least_weekly_is_the_border(checks, home_every, frontier):
    found = rules(checks, "tax", home="Tornio", work="Haparanda", home_every=home_every)
    assert ("rule-tax-frontier-worker-fi" in found) is frontier
    if not frontier:
        assert "rule-tax-work-country-se" in found


# Skatteverket, "Anställning – bo i Sverige med inkomst i Finland": a frontier worker living in a
# Swedish border municipality pays tax in Sweden; a Swedish public employer's pay is taxed in Sweden.
# https://www.skatteverket.se/privat/internationellt/foretagocharbeteifinland/finland/anstallningboisverigemedinkomstifinland.4.65fc817e1077c25b83280002546.html
def test_skatteverket_frontier_worker_living_in_sweden(checks):
    assert rules(checks, "tax", home="Haparanda", work="Tornio", home_every="day") == [
        "rule-tax-frontier-worker-se"]
    found = rules(checks, "tax", home="Luleå", work="Tornio", sector="public")
    assert {"rule-tax-not-border-municipality", "rule-tax-work-country-fi",
            "rule-tax-public-employer"} <= set(found)


def test_issue_example_rovaniemi_lulea_says_why_the_frontier_rule_does_not_apply(checks):
    answer = checks.check(Situation(home="Rovaniemi", work="Luleå"))
    tax = [item for item in answer.answers if item.topic == "tax"]
    assert [item.rule for item in tax][:2] == ["rule-tax-not-border-municipality", "rule-tax-work-country-se"]
    assert "list" in tax[0].text["en"] and tax[1].country == "SE"


# Kela, "Social security coverage in certain situations": Hans works at the health centre in
# Tornio and lives in Haparanda: he is covered in Finland, and frontier workers get care in both
# countries. https://kela.fi/from-other-countries-to-finland-certain-situations
def test_kela_example_hans(checks):
    found = rules(checks, "social-insurance", home="Haparanda", work="Tornio", home_every="day")
    assert found == ["rule-social-insured-fi", "rule-social-care-frontier"]


# Info Norden, "Gränsarbetare som bor i Finland": Maire lives in Oulu, works in Luleå on weekdays
# and goes home every weekend; Kalle lives in Rovaniemi, works in Gothenburg, goes home monthly.
# https://www.norden.org/sv/info-norden/gransarbetare-som-bor-i-finland
def test_info_norden_examples_maire_and_kalle(checks):
    assert rules(checks, "social-insurance", home="Oulu", work="Luleå", home_every="week") == [
        "rule-social-insured-se", "rule-social-care-frontier"]
    assert rules(checks, "unemployment", home="Rovaniemi", work="Göteborg", home_every="month",
                 status="unemployed") == ["rule-unemployment-fully-other-crossborder"]
    assert "rule-social-care-not-frontier" in rules(checks, "social-insurance", home="Rovaniemi",
                                                    work="Göteborg", home_every="month")


# KOKO-kassa, "Gränsarbetare": partly unemployed → the country of work; fully unemployed → the
# country of residence (Regulation 883/2004 art. 65). https://kokokassa.fi/sv/arbete-i-utomlands/gransarbetare/
@pytest.mark.parametrize("status, rule", [
    ("partly-unemployed", "rule-unemployment-partly"),
    ("unemployed", "rule-unemployment-fully-frontier-fi"),
    ("employed", "rule-unemployment-insured-se"),
])
def test_unemployment_follows_the_status(checks, status, rule):
    assert rule in rules(checks, "unemployment", home="Tornio", work="Haparanda", home_every="day",
                         status=status)


# Skolverket, "Rätt till sfi": Finnish citizens living in Finland near the border with permanent
# work in a Swedish municipality have the right to sfi.
# https://www.skolverket.se/regler-och-ansvar/ansvar-i-skolfragor/ratt-till-sfi
@pytest.mark.parametrize("home, work, citizenship, eligible", [
    ("Tornio", "Haparanda", "FI", True),
    ("Tornio", "Tornio", "FI", False),
    ("Tornio", "Haparanda", "EU", None),
])
def test_who_may_study_sfi(checks, home, work, citizenship, eligible):
    answer = checks.check(Situation(home=home, work=work, citizenship=citizenship))
    decided = [item.eligible for item in answer.answers if item.topic == "sfi" and item.eligible is not None]
    assert (decided[0] if decided else None) is eligible


# Prop. 2025/26:10: from 1 January 2026 the right to sfi lasts three years from first admission.
def test_the_sfi_time_limit_starts_on_its_date(checks):
    before = rules(checks, "sfi", home="Tornio", work="Haparanda", on=dt.date(2025, 12, 31))
    after = rules(checks, "sfi", home="Tornio", work="Haparanda", on=dt.date(2026, 1, 1))
    assert not any("three-year" in rule for rule in before)
    assert any("three-year" in rule for rule in after)


def test_every_topic_answers_the_border_commuter_with_sources(checks):
    answer = checks.check(Situation(home="Tornio", work="Haparanda", home_every="day", citizenship="FI"))
    assert {item.topic for item in answer.answers} == {"tax", "sfi", "unemployment", "social-insurance",
                                                        "registration"}
    for item in answer.answers:
        assert item.rule.startswith("rule-") and item.sources
        assert all(url.startswith("https://") for url in item.sources)
        assert item.text["fi"] and item.text["sv"] and item.text["en"]
    tax = next(item for item in answer.answers if item.topic == "tax")
    assert tax.country == "FI"


def test_a_place_outside_the_lists_is_not_decided_and_names_who_decides(checks):
    answer = checks.check(Situation(home="Atlantis", work="Haparanda"))
    tax = [item for item in answer.answers if item.topic == "tax"]
    assert len(tax) == 1 and tax[0].fallback and tax[0].authority.url.startswith("https://")
    assert answer.home.country is None and not answer.home.ambiguous


def test_a_name_on_both_sides_is_read_from_the_other_place(checks):
    # Övertorneå is the Swedish municipality and the Swedish name of Finland's Ylitornio.
    answer = checks.check(Situation(home="Övertorneå", work="Haparanda"))
    assert answer.home.country == "FI"
    answer = checks.check(Situation(home="Tornio", work="Övertorneå"))
    assert answer.work.country == "SE"


def test_check_command_json_shape(run, shipped_db_url):
    result = run("--database-url", shipped_db_url, "check", "--home", "Tornio", "--work", "Haparanda",
                 "--home-every", "day", "--citizenship", "FI", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["situation"]["home"] == "Tornio" and data["situation"]["home_place"]["country"] == "FI"
    for answer in data["answers"]:
        assert set(answer) >= {"topic", "country", "eligible", "text", "rule", "valid_from",
                               "valid_to", "sources", "verified"}
        assert answer["topic"] in ("tax", "sfi", "unemployment", "social-insurance", "registration")
        assert set(answer["text"]) == {"fi", "sv", "en"}
    text = run("--lang", "sv", "--database-url", shipped_db_url, "check", "--home", "Tornio",
               "--work", "Haparanda").out
    assert "Torneå" in text or "Tornio" in text
    assert "Skatteverket" in text or "Verohallinto" in text or "Vero" in text


def test_check_needs_both_places(run, shipped_db_url):
    result = run("--database-url", shipped_db_url, "check", "--home", "Tornio")
    assert result.code == 2 and result.err.count("\n") == 1

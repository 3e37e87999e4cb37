"""Honest search on the shipped catalogue: the right profession first, "no close match" outside
the catalogue, and never a dead end (issue: honest search; licensed professions)."""

from __future__ import annotations

import pytest

# Work the catalogue does not cover, and things that are no work at all: every item is weak.
OUT_OF_SCOPE = ["valaanpyytäjä", "astronautti", "lohikäärmeenkesyttäjä", "banaani", "ydinfyysikko",
                "rymdfarare", "whale hunter", "ninja", "uskonto", "kuninkaallinen hovimestari",
                "trollkarl", "noita", "space pilot", "kummitus"]

# What people type for licensed professions and degrees, and the record that must come first.
IN_SCOPE = [
    ("registered nurse", {"fi-kk-sairaanhoitaja-amk", "se-hs-sjukskoterskeexamen"}),
    ("sairaanhoitajan", {"fi-kk-sairaanhoitaja-amk"}),
    ("sairaanhoitajaksi", {"fi-kk-sairaanhoitaja-amk"}),
    ("sjukskötare (YH)", {"fi-kk-sairaanhoitaja-amk"}),
    ("sjuksköterska", {"se-hs-sjukskoterskeexamen"}),
    ("tandsköterska", {"se-yh-tandskoterska"}),
    ("taksinkuljettaja", {"fi-occ-taksinkuljettaja"}),
    ("taksikuski", {"fi-occ-taksinkuljettaja"}),
    ("lärarlegitimation", {"se-occ-larare"}),
    ("ingenjör (YH)", {"fi-kk-insinoori-amk-automaatiotekniikka", "fi-kk-insinoori-amk-energiatekniikka",
                       "fi-kk-insinoori-amk-konetekniikka", "fi-kk-insinoori-amk-rakennustekniikka",
                       "fi-kk-insinoori-amk-sahkotekniikka", "fi-kk-insinoori-amk-tietotekniikka"}),
    ("tradenom (YH)", {"fi-kk-tradenomi-amk", "fi-kk-tradenomi-amk-tietojenkasittely"}),
    ("socionom (YH)", {"fi-kk-sosionomi-amk"}),
    ("kätilö", {"fi-kk-katilo-amk"}),
    ("barnmorska", {"se-hs-barnmorskeexamen", "fi-kk-katilo-amk"}),
    ("läkare", {"se-hs-lakarexamen"}),
    ("lääkäri", {"fi-kk-laaketieteen-lisensiaatti"}),
    ("sh", {"fi-kk-sairaanhoitaja-amk"}),
    ("lähihoitajan", {"fi-pt-sosiaali-ja-terveysalan"}),
    ("undersköterska", {"se-vo-underskoterska"}),
    ("elinstallatör", {"se-ee-elektriker"}),
    ("sähköasentaja", {"fi-pt-sahko-ja-automaatioalan", "fi-at-sahko-ja-automaatioalan"}),
    ("fastighetsmäklare", {"se-occ-fastighetsmaklare"}),
    ("LKV", {"fi-occ-kiinteistonvalittaja"}),
]


def items(run, url: str, *args: str) -> list[dict]:
    result = run("--database-url", url, "search", *args, "--json")
    assert result.code == 0, result.err
    return result.json()


@pytest.mark.parametrize("query", OUT_OF_SCOPE)
def test_outside_the_catalogue_every_result_is_weak(run, shipped_db_url, query):
    found = items(run, shipped_db_url, query)
    records = [item for item in found if item["kind"] != "next-step"]
    assert all(item["confidence"] == "weak" for item in records), records[:2]
    steps = [item for item in found if item["kind"] == "next-step"]
    assert steps, "a weak answer must say where to go next"
    assert found[-len(steps):] == steps  # after the nearest entries
    for step in steps:
        assert set(step) >= {"kind", "id", "name", "authority", "why", "sources", "verified"}
        assert step["authority"]["url"].startswith("https://") and step["sources"]


@pytest.mark.parametrize("query, expected", IN_SCOPE, ids=[case[0] for case in IN_SCOPE])
def test_the_right_profession_comes_first(run, shipped_db_url, query, expected):
    first = items(run, shipped_db_url, query)[0]
    assert first["id"] in expected and first["confidence"] in ("exact", "close"), first["id"]


def test_occupations_are_searchable_and_shown_like_qualifications(run, shipped_db_url):
    [taxi] = [item for item in items(run, shipped_db_url, "taksinkuljettaja", "--limit", "1")]
    assert taxi["kind"] == "occupation" and taxi["country"] == "FI"
    assert {"id", "country", "name", "titles", "type", "eqf_level", "code"} <= set(taxi)
    shown = run("--database-url", shipped_db_url, "show", taxi["id"], "--json").json()
    assert shown["kind"] == "occupation" and shown["regulation"]


def test_no_close_match_is_said_with_the_nearest_apart_and_next_steps(run, shipped_db_url):
    result = run("--database-url", shipped_db_url, "search", "valaanpyytäjä")
    assert result.code == 0
    assert result.out.startswith("No close match for “valaanpyytäjä”")
    nearest = result.out.index("Nearest entries (not an answer)")
    turn = result.out.index("Where to turn next")
    assert nearest < turn and "%" not in result.out
    assert "Universitets- och högskolerådet" in result.out or "UHR" in result.out
    finnish = run("--lang", "fi", "--database-url", shipped_db_url, "search", "valaanpyytäjä")
    assert finnish.out.startswith("Ei läheistä osumaa haulle “valaanpyytäjä”")

"""The shipped data: coverage both ways, the fact-check findings fixed, and sampled facts as the
authorities' pages state them (each pinned fact names its page)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from mobility_tui.catalog.loader import load_catalog
from mobility_tui.catalog.schema import source_url
from mobility_tui.resources import bundled_data_dir

SWEDISH_PROGRAMMES = {
    "se-ba": "Bygg- och anläggningsprogrammet", "se-bf": "Barn- och fritidsprogrammet",
    "se-ee": "El- och energiprogrammet", "se-ft": "Fordons- och transportprogrammet",
    "se-ha": "Försäljnings- och serviceprogrammet", "se-ht": "Hotell- och turismprogrammet",
    "se-in": "Industritekniska programmet", "se-nb": "Naturbruksprogrammet",
    "se-rl": "Restaurang- och livsmedelsprogrammet", "se-vf": "VVS- och fastighetsprogrammet",
    "se-vo": "Vård- och omsorgsprogrammet", "se-fs": "Frisör- och stylistprogrammet",
    "se-hv": "Hantverksprogrammet",
}
# The 22 professions with legitimation from Socialstyrelsen (vemfargoravad.socialstyrelsen.se).
LEGITIMATION = ["apotekare", "arbetsterapeut", "audionom", "barnmorska", "biomedicinsk-analytiker",
                "dietist", "fysioterapeut", "halso-och-sjukvardskurator", "kiropraktor", "logoped",
                "lakare", "naprapat", "optiker", "ortopedingenjor", "psykolog", "psykoterapeut",
                "receptarie", "rontgensjukskoterska", "sjukhusfysiker", "sjukskoterska",
                "tandhygienist", "tandlakare"]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(bundled_data_dir())


@pytest.fixture(scope="module")
def by_id(catalog):
    return {record.id: record for record in catalog.records()}


def test_the_data_checks_without_problems_or_weak_source_warnings(catalog):
    assert [str(warning) for warning in catalog.warnings] == []


def test_all_43_finnish_perustutkinnot(catalog):
    basic = [q for q in catalog.qualifications if q.country == "FI" and q.type == "perustutkinto"]
    assert len(basic) == 43 and len({q.code for q in basic}) == 43
    for record in basic:
        assert record.name.fi and record.name.sv and record.name.en, record.id
        assert record.eqf_level == 4 and record.national_level == 4, record.id
        assert record.counterparts, f"{record.id} has no counterpart decision"


def test_further_and_specialist_qualifications(catalog):
    further = [q for q in catalog.qualifications if q.type in ("ammattitutkinto", "erikoisammattitutkinto")]
    assert len(further) >= 110
    for record in further:
        assert record.name.fi and record.name.sv and record.name.en, record.id
        assert record.eqf_level == (4 if record.type == "ammattitutkinto" else 5), record.id
        assert record.counterparts, f"{record.id} has no counterpart decision"
        for decision in record.counterparts:
            assert decision.relation != "undecided" or decision.ask is not None


def test_higher_education_degrees_both_ways(catalog):
    finnish = [q for q in catalog.qualifications if q.type == "korkeakoulututkinto"]
    swedish = [q for q in catalog.qualifications if q.type in ("högskoleexamen", "yrkeshögskoleexamen")]
    assert len(finnish) >= 35 and len(swedish) >= 20
    assert all(q.eqf_level in (6, 7) for q in finnish)
    titles = {title for q in finnish for title in q.titles.sv}
    assert {"sjukskötare (YH)", "ingenjör (YH)", "tradenom (YH)", "socionom (YH)"} <= titles
    # SE → FI decisions exist on the Swedish side too.
    assert sum(1 for q in swedish if q.counterparts) >= 20


def test_every_swedish_programme_is_present_and_gy25_is_applied(by_id):
    for record_id, name in SWEDISH_PROGRAMMES.items():
        record = by_id[record_id]
        assert record.name.sv == name and record.country == "SE" and record.eqf_level == 4
    assert by_id["se-hv"].note and "2025" in by_id["se-hv"].note.en
    # Gy25 (skolverket.se): from 2025-07-01 the directions anläggningsfordon and mark och anläggning
    # merged; the old ones stay findable for diplomas issued before.
    building = by_id["se-ba"]
    assert {"anläggningsfordon", "mark och anläggning"} <= {alias.lower() for alias in building.aliases.sv}
    assert "2025" in building.note.en and "anläggningsfordon" in building.note.sv


def test_every_legitimation_profession_and_protected_title_in_sweden(by_id):
    for slug in LEGITIMATION:
        rule = by_id[f"se-reg-{slug}"]
        assert rule.regulated and rule.form == "licence" and rule.country == "SE", slug
        assert "socialstyrelsen" in rule.authority.url
    for slug in ("underskoterska", "specialistsjukskoterska"):
        assert by_id[f"se-reg-{slug}"].form == "protected-title"
    for slug in ("larare", "forskollarare", "elinstallator", "taxiforare", "yrkesforare",
                 "fastighetsmaklare", "revisor", "advokat", "veterinar"):
        assert by_id[f"se-reg-{slug}"].regulated, slug
    for slug in ("ingenjor", "socionom"):  # said plainly: not regulated, UHR compares education
        rule = by_id[f"se-reg-{slug}"]
        assert not rule.regulated and "UHR" in rule.authority.name


def test_finnish_licensed_and_protected_titles(catalog, by_id):
    finnish = [rule for rule in catalog.regulations if rule.country == "FI"]
    licensed_health = [rule for rule in finnish if rule.form == "licence"
                       and "lvv.fi" in rule.authority.url]
    protected = [rule for rule in finnish if rule.form == "protected-title"]
    assert len(licensed_health) >= 19 and len(protected) >= 13  # LVV's lists: 19 licensed, 13 protected
    for slug in ("sosiaalityontekija", "sosionomi", "geronomi", "kuntoutuksen-ohjaaja"):
        assert by_id[f"fi-reg-{slug}"].form == "licence", slug  # licensed social welfare professionals
    for slug in ("opettaja", "varhaiskasvatuksen-opettaja", "sahkotyot", "taksinkuljettaja",
                 "ammattipatevyys", "kiinteistonvalittaja", "tilintarkastaja", "asianajaja", "elainlaakari"):
        assert by_id[f"fi-reg-{slug}"].regulated, slug
    assert not by_id["fi-reg-insinoori"].regulated


def test_regulation_routes_and_fees_as_the_authorities_state_them(by_id):
    # Socialstyrelsen's fee list valid from 2020-03-02: SEK 2,900 for läkare, SEK 870 for most titles;
    # doctors and nurses trained in the EU are recognised automatically (2005/36/EC).
    # https://legitimation.socialstyrelsen.se/sv
    lakare, nurse = by_id["se-reg-lakare"], by_id["se-reg-sjukskoterska"]
    assert (lakare.fee.amount, lakare.fee.currency, lakare.route) == (2900, "SEK", "automatic")
    assert (nurse.fee.amount, nurse.route) == (870, "automatic")
    assert by_id["se-reg-fysioterapeut"].route == "general-system"
    # Skolverket, lärarlegitimation: SEK 1,500. https://www.skolverket.se/
    assert by_id["se-reg-larare"].fee.amount == 1500 and "Skolverket" in by_id["se-reg-larare"].authority.name
    # Finland: Lupa- ja valvontavirasto licenses health professionals since 2026-01-01 (lvv.fi).
    assert "Lupa- ja valvontavirasto" in by_id["fi-reg-sairaanhoitaja"].authority.name
    assert by_id["fi-reg-sairaanhoitaja"].route == "automatic"
    assert by_id["fi-reg-fysioterapeutti"].route == "general-system"


def test_finding_elinstallator_has_the_eea_route_and_covers_the_specialist_qualification(by_id):
    # Elsäkerhetsverket, "Utbildning från annat land än Sverige"; lag (2016:145); fee SEK 1,660
    # since 2020-11-20. https://www.elsakerhetsverket.se/
    rule = by_id["se-reg-elinstallator"]
    texts = " ".join(filter(None, [rule.notes and rule.notes.en, rule.compensation and rule.compensation.en,
                                   *(step.en or "" for step in rule.steps)]))
    sources = " ".join(source_url(source) for source in rule.sources)
    assert "2016:145" in texts + sources
    assert "SETI" in texts or "seti.fi" in sources
    assert rule.fee.amount == 1660 and rule.fee.currency == "SEK"
    assert {"fi-eat-sahko-ja-automaatioalan", "fi-at-sahko-ja-automaatioalan"} <= set(rule.applies_to)


def test_finding_underskoterska_prerequisites_and_route(by_id):
    # Socialstyrelsen, "Skyddad yrkestitel för undersköterska – utbildad utanför Sverige".
    rule = by_id["se-reg-underskoterska"]
    prerequisites = " ".join(item.en or "" for item in rule.prerequisites)
    assert "samordningsnummer" in prerequisites and "identity" in prerequisites.lower()
    assert rule.route == "general-system" and rule.compensation is not None
    assert rule.fee.amount == 320 and rule.valid_from == dt.date(2023, 7, 1)
    assert rule.valid_to == dt.date(2033, 6, 30) or "2033" in (rule.notes.en if rule.notes else "")


def test_finding_no_s1_for_nordic_frontier_workers_as_a_rule(by_id):
    # Kela: the S1 certificate is normally not used between Finland and the other Nordic countries.
    step = by_id["guide-commute-se-social-insurance"]
    assert "Kela" in step.body.en and "not" in step.body.en.split("S1", 1)[1][:200]


def test_finding_the_tax_step_names_the_finnish_tax_return(by_id):
    # Vero: a Finnish resident who is not a frontier worker still files a Finnish tax return.
    body = by_id["guide-commute-se-tax"].body
    assert "tax return" in body.en and "veroilmoitus" in body.fi


def test_finding_the_project_course_ends_and_its_level_is_an_estimate(by_id):
    course = by_id["course-oamk-roots-and-future"]
    assert course.ends == dt.date(2027, 1, 31)
    assert "estimate" in course.description.en


def test_finding_fishing_has_an_honest_decision_and_the_swedish_licence(by_id):
    fishing = by_id["fi-pt-kalatalouden"]
    targets = {decision.target for decision in fishing.counterparts}
    assert "se-occ-yrkesfiskare" in targets
    licence = by_id["se-reg-yrkesfiske"]
    assert licence.regulated and "Havs- och vattenmyndigheten" in licence.authority.name
    assert "fi-pt-kalatalouden" in licence.applies_to


def test_every_partial_decision_lists_its_gaps(catalog):
    basic_or_regulated = [record for record in catalog.qualifications
                          if record.type == "perustutkinto"]
    regulated_ids = {target for rule in catalog.regulations if rule.regulated for target in rule.applies_to}
    basic_or_regulated += [record for record in [*catalog.qualifications, *catalog.occupations]
                           if record.id in regulated_ids and getattr(record, "type", "") != "perustutkinto"]
    for record in basic_or_regulated:
        for number, decision in enumerate(record.counterparts, start=1):
            if decision.relation == "partial":
                assert decision.gaps, f"{record.id} counterparts[{number}] has no gaps"
                for gap in decision.gaps:
                    assert gap.routes or gap.ask


def test_demand_is_dated_and_sourced(catalog):
    by_region = Counter(figure.region for figure in catalog.demand)
    assert by_region["Norrbotten"] >= 40
    assert by_region["Lappi"] >= 7  # all the Lapland ELY centre's 2025 barometer names
    for figure in catalog.demand:
        assert figure.period_start <= figure.period_end and figure.sources


def test_every_record_has_https_sources_and_a_check_date(catalog):
    for record in catalog.records():
        assert record.sources and all(source_url(source).startswith("https://")
                                      for source in record.sources), record.id
        assert record.verified <= dt.date.today(), record.id


def test_no_record_id_is_written_into_text_for_people(catalog):
    import re

    ids = re.compile(r"\b(fi|se)-(pt|at|eat|kk|reg|occ|hs|yh|yp|vo|ba|ee)-[a-z0-9-]+\b")
    for record in catalog.records():
        dump = record.model_dump()
        texts = [value for key in ("description", "note", "notes", "body", "why", "text")
                 for value in (dump.get(key) or {}).values() if isinstance(value, str)]
        for decision in dump.get("counterparts", []):
            texts += [value for value in decision["rationale"].values() if value]
        for text in texts:
            assert not ids.search(text), f"{record.id}: {ids.search(text).group(0)}"

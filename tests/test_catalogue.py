"""The shipped catalogue's coverage: the product is the data."""

from __future__ import annotations

import datetime as dt

import pytest

from mobility_tui.catalog.loader import load_catalog
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


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(bundled_data_dir())


def test_all_43_finnish_perustutkinnot(catalog):
    basic = [q for q in catalog.qualifications if q.country == "FI" and q.type == "perustutkinto"]
    assert len(basic) == 43
    assert len({q.code for q in basic}) == 43
    for record in basic:
        assert record.name.fi and record.name.sv and record.name.en, record.id
        assert record.eqf_level == 4 and record.national_level == 4, record.id
        assert record.code and record.code.isdigit() and len(record.code) == 6, record.id
        assert record.description and record.description.fi and record.description.sv \
            and record.description.en, record.id
        assert record.counterparts, f"{record.id} has no counterpart decision"
        for decision in record.counterparts:
            assert decision.sources and all(url.startswith("https://") for url in decision.sources)
            assert decision.rationale.fi and decision.rationale.sv and decision.rationale.en, record.id


def test_every_swedish_programme_is_present(catalog):
    programmes = {q.id: q for q in catalog.qualifications if q.type == "gymnasieprogram"}
    assert set(SWEDISH_PROGRAMMES) <= set(programmes)
    for record_id, name in SWEDISH_PROGRAMMES.items():
        record = programmes[record_id]
        assert record.name.sv == name and record.country == "SE" and record.eqf_level == 4
    assert programmes["se-hv"].note and "2025" in programmes["se-hv"].note.en


def test_yrkesutgangar_name_their_programme(catalog):
    outcomes = [q for q in catalog.qualifications if q.type == "yrkesutgång"]
    assert {"se-vo-underskoterska", "se-bf-barnskotare"} <= {q.id for q in outcomes}
    assert all(q.programme in SWEDISH_PROGRAMMES for q in outcomes)


def test_regulation_covers_the_regulated_swedish_occupations(catalog):
    rules = {rule.id: rule for rule in catalog.regulations}
    assert rules["se-reg-underskoterska"].regulated and rules["se-reg-underskoterska"].fee == "SEK 320"
    assert rules["se-reg-underskoterska"].valid_from == dt.date(2023, 7, 1)
    assert rules["se-reg-elinstallator"].regulated
    assert not rules["se-reg-frisor"].regulated and not rules["se-reg-barnskotare"].regulated
    assert rules["fi-reg-lahihoitaja"].country == "FI"


def test_every_record_has_sources_and_a_check_date(catalog):
    for record in [*catalog.qualifications, *catalog.regulations, *catalog.courses,
                   *catalog.guide_steps]:
        assert record.sources and all(url.startswith("https://") for url in record.sources)
        assert record.verified <= dt.date.today()

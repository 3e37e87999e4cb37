"""Validation: every problem is reported with file, record and field."""

from __future__ import annotations

import pytest

from mobility_tui.catalog.loader import CatalogError, load_catalog


def problems_for(data_dir) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(data_dir)
    return [str(problem) for problem in caught.value.problems]


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_catalogue_loads_every_kind(data_dir):
    catalog = load_catalog(data_dir)
    assert {q.id for q in catalog.qualifications} == {
        "fi-pt-sosiaali-ja-terveysalan", "fi-pt-logistiikan", "se-vo", "se-vo-underskoterska"}
    assert [r.id for r in catalog.regulations] == ["se-reg-underskoterska"]
    assert sorted(c.id for c in catalog.courses) == ["course-test-online-b1", "course-test-sfi"]
    assert sorted(g.id for g in catalog.guide_steps) == ["guide-test-border-advice", "guide-test-tax"]
    nurse = next(q for q in catalog.qualifications if q.id == "fi-pt-sosiaali-ja-terveysalan")
    assert nurse.titles.sv == ["närvårdare"]
    assert nurse.counterparts[1].relation == "none" and nurse.counterparts[1].target is None
    assert len(catalog.fingerprint) == 64


def test_toml_syntax_error_names_the_file_and_line(data_dir):
    (data_dir / "se" / "se-vo.toml").write_text('id = "se-vo"\nname = {\n', encoding="utf-8")
    [problem] = problems_for(data_dir)
    assert problem.startswith(str(data_dir / "se" / "se-vo.toml")) or "se/se-vo.toml" in problem
    assert "not valid TOML" in problem and "line" in problem


def test_missing_field_names_record_and_field(data_dir):
    edit(data_dir / "se" / "se-vo.toml", "eqf_level = 4\n", "")
    [problem] = problems_for(data_dir)
    assert "se-vo.toml" in problem
    assert "record se-vo" in problem and "field eqf_level" in problem and "is required" in problem


def test_unknown_field_is_an_error_not_ignored(data_dir):
    edit(data_dir / "se" / "se-vo.toml", "code = ", "titels = []\ncode = ")
    [problem] = problems_for(data_dir)
    assert "field titels" in problem and "not a known field" in problem


def test_wrong_type_is_reported(data_dir):
    edit(data_dir / "se" / "se-vo.toml", "eqf_level = 4", 'eqf_level = "four"')
    [problem] = problems_for(data_dir)
    assert "field eqf_level" in problem and "wrong type" in problem


@pytest.mark.parametrize("level", ["0", "9"])
def test_eqf_outside_one_to_eight(data_dir, level):
    edit(data_dir / "se" / "se-vo.toml", "eqf_level = 4", f"eqf_level = {level}")
    [problem] = problems_for(data_dir)
    assert "field eqf_level" in problem and "out of range" in problem


def test_http_url_is_rejected_with_its_position(data_dir):
    edit(data_dir / "se" / "se-vo.toml", 'sources = ["https://', 'sources = ["http://')
    [problem] = problems_for(data_dir)
    assert "field sources[1]" in problem and "https://" in problem


def test_undecided_needs_who_decides(data_dir):
    edit(data_dir / "fi" / "fi-pt-logistiikan.toml",
         'ask = { name = "UHR", url = "https://www.uhr.se/" }\n', "")
    [problem] = problems_for(data_dir)
    assert "counterparts[2].ask" in problem and "who decides" in problem


def test_a_gap_needs_a_route_or_who_to_ask(data_dir):
    edit(data_dir / "fi" / "fi-pt-logistiikan.toml",
         'ask = { name = "Transportstyrelsen", url = "https://www.transportstyrelsen.se/" }\n', "")
    [problem] = problems_for(data_dir)
    assert "counterparts[1].gaps[2].routes" in problem


def test_a_route_must_exist(data_dir):
    edit(data_dir / "fi" / "fi-pt-logistiikan.toml", '"route-test-validation"', '"route-gone"')
    [problem] = problems_for(data_dir)
    assert "counterparts[1].gaps[1].routes[1]" in problem and "route-gone" in problem


def test_a_regulated_occupation_names_its_form(data_dir):
    edit(data_dir / "regulation" / "se-reg-underskoterska.toml", 'form = "protected-title"\n', "")
    [problem] = problems_for(data_dir)
    assert "field form" in problem and "regulated" in problem


def test_a_degree_names_its_kind(data_dir):
    edit(data_dir / "se" / "se-vo.toml", 'type = "gymnasieprogram"', 'type = "högskoleexamen"')
    [problem] = problems_for(data_dir)
    assert "field degree" in problem


def test_a_rule_that_cannot_be_evaluated_names_file_rule_and_field(data_dir):
    edit(data_dir / "rules" / "rule-tax-test-frontier.toml", "home_every =", "home_often =")
    [problem] = problems_for(data_dir)
    assert "rule-tax-test-frontier.toml" in problem and "record rule-tax-test-frontier" in problem
    assert "field when.home_often" in problem


def test_a_decision_resting_only_on_other_sources_is_a_warning(data_dir):
    edit(data_dir / "fi" / "fi-pt-logistiikan.toml", 'sources = ["https://norric.org/?p=592"]',
         'sources = ["https://example.com/advertorial"]')
    catalog = load_catalog(data_dir)
    [warning] = [str(item) for item in catalog.warnings]
    assert "counterparts[1].sources" in warning and "other" in warning


def test_a_source_may_carry_its_own_kind(data_dir):
    edit(data_dir / "fi" / "fi-pt-logistiikan.toml", 'sources = ["https://norric.org/?p=592"]',
         'sources = [{ url = "https://example.com/law-copy", kind = "law" }]')
    assert load_catalog(data_dir).warnings == []
    edit(data_dir / "fi" / "fi-pt-logistiikan.toml", 'kind = "law"', 'kind = "gossip"')
    [problem] = problems_for(data_dir)
    assert "counterparts[1].sources[1].kind" in problem

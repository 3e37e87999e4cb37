"""Validation: every problem is reported with file, record and field."""

from __future__ import annotations

import datetime as dt

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


def test_future_check_date_is_rejected(data_dir):
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    edit(data_dir / "se" / "se-vo.toml", "verified = 2026-11-01", f"verified = {tomorrow}")
    [problem] = problems_for(data_dir)
    assert "field verified" in problem and "future" in problem


def test_duplicate_ids_name_both_files(data_dir):
    copy = data_dir / "se" / "copy" / "se-vo.toml"
    copy.parent.mkdir()
    copy.write_text((data_dir / "se" / "se-vo.toml").read_text(encoding="utf-8"), encoding="utf-8")
    [problem] = problems_for(data_dir)
    assert "field id" in problem and "another record" in problem
    assert problem.count("se-vo.toml") == 2


def test_counterpart_to_a_missing_id(data_dir):
    edit(data_dir / "fi" / "fi-pt-sosiaali-ja-terveysalan.toml",
         'target = "se-vo-underskoterska"', 'target = "se-nowhere"')
    [problem] = problems_for(data_dir)
    assert "record fi-pt-sosiaali-ja-terveysalan" in problem
    assert "field counterparts[1].target" in problem and "se-nowhere" in problem


def test_counterpart_needs_a_target_unless_none(data_dir):
    edit(data_dir / "fi" / "fi-pt-sosiaali-ja-terveysalan.toml",
         'relation = "none"', 'relation = "partial"')
    [problem] = problems_for(data_dir)
    assert "field counterparts[2].target" in problem and "is required" in problem


def test_regulation_pointing_to_missing_qualification(data_dir):
    edit(data_dir / "regulation" / "se-reg-underskoterska.toml",
         'applies_to = ["se-vo-underskoterska"]', 'applies_to = ["se-vo-underskoterska", "se-x"]')
    [problem] = problems_for(data_dir)
    assert "field applies_to[2]" in problem and "se-x" in problem


def test_wrong_relation_lists_the_choices(data_dir):
    edit(data_dir / "fi" / "fi-pt-sosiaali-ja-terveysalan.toml",
         'relation = "partial"', 'relation = "similar"')
    [problem] = problems_for(data_dir)
    assert "counterparts[1].relation" in problem and "'equivalent'" in problem


def test_every_problem_is_reported_not_just_the_first(data_dir):
    edit(data_dir / "se" / "se-vo.toml", "eqf_level = 4\n", "")
    edit(data_dir / "courses" / "course-test-sfi.toml", 'mode = "classroom"', 'mode = "tv"')
    (data_dir / "guide" / "guide-test-tax.toml").write_bytes(b"id = \"guide-test-tax\"\xff\n")
    problems = problems_for(data_dir)
    assert len(problems) == 3
    assert any("se-vo.toml" in p and "eqf_level" in p for p in problems)
    assert any("course-test-sfi" in p and "field mode" in p for p in problems)
    assert any("guide-test-tax.toml" in p and "UTF-8" in p for p in problems)


def test_empty_file_reports_missing_fields(data_dir):
    (data_dir / "se" / "se-vo.toml").write_text("", encoding="utf-8")
    problems = problems_for(data_dir)
    assert any("(no id)" in p and "field id" in p for p in problems)
    # The yrkesutgång that points to the now-broken programme is reported too.
    assert any("se-vo-underskoterska" in p and "field programme" in p for p in problems)


def test_huge_file_is_refused_without_parsing(data_dir):
    (data_dir / "se" / "se-big.toml").write_bytes(b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    [problem] = problems_for(data_dir)
    assert "se-big.toml" in problem and "larger than 1 MB" in problem


def test_file_name_must_match_id(data_dir):
    (data_dir / "se" / "se-vo.toml").rename(data_dir / "se" / "vo.toml")
    [problem] = problems_for(data_dir)
    assert "vo.toml" in problem and "field id" in problem and "se-vo.toml" in problem


def test_country_must_match_folder(data_dir):
    edit(data_dir / "se" / "se-vo.toml", 'country = "SE"', 'country = "FI"')
    problems = problems_for(data_dir)
    assert any("field country" in p and "SE" in p for p in problems)


def test_record_outside_known_folders(data_dir):
    (data_dir / "stray.toml").write_text('id = "x"\n', encoding="utf-8")
    [problem] = problems_for(data_dir)
    assert "stray.toml" in problem and "known folder" in problem


def test_missing_data_folder(tmp_path):
    [problem] = problems_for(tmp_path / "nowhere")
    assert "does not exist" in problem

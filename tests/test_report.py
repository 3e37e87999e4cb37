"""`db report`: the numbers a progress report quotes, counted again here from the raw files."""

from __future__ import annotations

import collections
import datetime as dt
import tomllib
from pathlib import Path

FOLDER_KIND = {"fi": "qualification", "se": "qualification", "occupations": "occupation",
               "regulation": "regulation", "courses": "course", "demand": "demand",
               "guide": "guide", "next-steps": "next-step", "places": "place", "routes": "route",
               "rules": "rule"}


def raw_records(data_dir: Path) -> list[tuple[str, dict]]:
    return [(FOLDER_KIND[path.parent.name], tomllib.loads(path.read_text(encoding="utf-8")))
            for path in sorted(data_dir.glob("*/*.toml"))]


def report(run, data_dir: Path) -> dict:
    result = run("db", "report", "--data-dir", str(data_dir), "--json")
    assert result.code == 0, result.err
    return result.json()


def test_counts_match_the_files(run, data_dir):
    records = raw_records(data_dir)
    numbers = report(run, data_dir)
    assert numbers["records_by_kind"] == dict(collections.Counter(kind for kind, _ in records))
    holders = [body for kind, body in records if kind in ("qualification", "occupation")]
    relations = collections.Counter(item["relation"] for body in holders
                                    for item in body.get("counterparts", []))
    assert {key: value for key, value in numbers["decisions"].items() if value} == dict(relations)
    gaps = sum(len(item.get("gaps", [])) for body in holders for item in body.get("counterparts", []))
    assert numbers["gaps"]["gaps"] == gaps
    year_ago = dt.date.today() - dt.timedelta(days=365)
    assert numbers["out_of_date"] == sorted(body["id"] for _, body in records
                                            if body["verified"] < year_ago)
    regulated = collections.Counter(body["country"] for kind, body in records
                                    if kind == "regulation" and body["regulated"])
    assert {country: value["regulated"] for country, value in numbers["regulation"]["by_country"].items()} \
        == dict(regulated)
    outdated = sum(1 for kind, body in records if kind == "demand" and body["period_end"] < dt.date.today())
    assert numbers["demand"]["outdated"] == outdated


def test_a_new_decision_is_counted(run, data_dir):
    before = report(run, data_dir)["decisions"]
    path = data_dir / "se" / "se-vo.toml"
    body = tomllib.loads(path.read_text(encoding="utf-8"))
    assert not body.get("counterparts")
    path.write_text(path.read_text(encoding="utf-8") + '''
[[counterparts]]
relation = "undecided"
rationale = { fi = "Ei verrattu.", sv = "Inte jämförd.", en = "Not compared." }
ask = { name = "Opetushallitus", url = "https://www.oph.fi" }
sources = ["https://www.oph.fi"]
''', encoding="utf-8")
    after = report(run, data_dir)
    assert after["decisions"]["undecided"] == before["undecided"] + 1
    assert after["decisions_by_direction"]["SE->FI"]["undecided"] == 1


def test_the_shipped_report_counts_every_record(run):
    from mobility_tui.resources import bundled_data_dir

    numbers = report(run, bundled_data_dir())
    assert sum(numbers["records_by_kind"].values()) == len(list(bundled_data_dir().glob("*/*.toml")))
    assert numbers["decisions_by_direction"]["FI->SE"] and numbers["decisions_by_direction"]["SE->FI"]

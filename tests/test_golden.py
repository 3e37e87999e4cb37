"""The public search cases (../shared/golden/search_cases.tsv, copied here) on the shipped data."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mobility_tui.text import fold

CASES_FILE = Path(__file__).parent / "search_cases.tsv"


def load_cases() -> list[tuple[str, str, list[str]]]:
    lines = [line for line in CASES_FILE.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return [(row["query"], row["country"], row["expect"].split("|")) for row in rows]


CASES = load_cases()


def matches(item: dict, country: str, expected: list[str]) -> bool:
    if item["country"] != country:
        return False
    texts = [*item["name"].values(), *(t for ts in item["titles"].values() for t in ts)]
    folded = [fold(text) for text in texts]
    return any(fold(want) in text for want in expected for text in folded)


def answer(run, url: str, query: str) -> list[dict]:
    result = run("--database-url", url, "search", query, "--limit", "10", "--json")
    assert result.code == 0, result.err
    return [item for item in result.json() if item["kind"] != "next-step"]


def rank_of(run, url: str, query: str, country: str, expected: list[str]) -> int | None:
    for position, item in enumerate(answer(run, url, query), start=1):
        if matches(item, country, expected):
            return position
    return None


@pytest.mark.parametrize("query, country, expected", CASES, ids=[case[0] for case in CASES])
def test_case_is_in_top_three(run, shipped_db_url, query, country, expected):
    rank = rank_of(run, shipped_db_url, query, country, expected)
    assert rank is not None and rank <= 3, f"{query!r} found at rank {rank}"


@pytest.mark.parametrize("query, country, expected", CASES, ids=[case[0] for case in CASES])
def test_case_is_exact_or_close_at_rank_one(run, shipped_db_url, query, country, expected):
    items = answer(run, shipped_db_url, query)
    assert items[0]["confidence"] in ("exact", "close"), items[0]
    expected_items = [item for item in items if matches(item, country, expected)]
    assert expected_items and expected_items[0]["confidence"] in ("exact", "close")


def test_at_least_ninety_percent_at_rank_one(run, shipped_db_url):
    ranks = [rank_of(run, shipped_db_url, *case) for case in CASES]
    first = sum(1 for rank in ranks if rank == 1)
    assert first / len(CASES) >= 0.9, f"{first}/{len(CASES)} at rank 1: {ranks}"

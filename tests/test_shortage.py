"""The shortage mark in a result list: a current figure reads as current, an old one says the
period it was for, and a figure for the record's own country is not "the other side"."""

from __future__ import annotations

import datetime as dt

import pytest

from mobility_tui.i18n import set_language
from mobility_tui.presentation.records import shortage_mark
from mobility_tui.services.results import Summary

TODAY = dt.date.today()


def figure(region: str, country: str, days_from_today: int) -> dict[str, str]:
    end = TODAY + dt.timedelta(days=days_from_today)
    return {"region": region, "country": country, "period_start": (end - dt.timedelta(days=180)).isoformat(),
            "period_end": end.isoformat(), "level": "shortage"}


def summary(*shortage: dict[str, str]) -> Summary:
    return Summary(id="fi-x", kind="qualification", country="FI", type="ammattitutkinto", degree=None,
                   code=None, eqf_level=4, national_level=4, name={"fi": "X"}, titles={},
                   shortage=list(shortage))


@pytest.fixture(autouse=True)
def english():
    set_language("en")


def test_a_current_figure_names_the_regions():
    mark = shortage_mark(summary(figure("Norrbotten", "SE", 30), figure("national", "SE", 30)))
    assert mark == "shortage: Norrbotten, Sweden"


def test_an_old_figure_says_until_when_it_held():
    mark = shortage_mark(summary(figure("national", "SE", -400), figure("Norrbotten", "SE", -200)))
    assert mark.startswith("shortage in Norrbotten (a figure for the period to ")
    assert str((TODAY - dt.timedelta(days=200)).year) in mark


def test_a_current_figure_wins_over_an_old_one():
    assert shortage_mark(summary(figure("Norrbotten", "SE", -200), figure("national", "SE", 10))) \
        == "shortage: Sweden"


def test_the_records_own_country_is_not_marked():
    assert shortage_mark(summary(figure("Lappi", "FI", 30))) == ""


def test_json_keeps_old_figures_and_flags_them():
    data = summary(figure("Norrbotten", "SE", -200), figure("national", "SE", 10)).to_json()
    assert [(item["region"], item["outdated"]) for item in data["shortage"]] \
        == [("Norrbotten", True), ("national", False)]

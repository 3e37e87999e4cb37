"""One person's situation, as typed, and the facts rules are tested against."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

FRONTIER_BORDER = "FI-SE"


@dataclass(frozen=True)
class Situation:
    home: str
    work: str
    home_every: str = "day"
    citizenship: str | None = None  # None: the home country's
    sector: str = "private"
    status: str = "employed"
    works_in: str = "one"
    on: dt.date = field(default_factory=dt.date.today)

    def to_json(self) -> dict[str, Any]:
        return {"home": self.home, "work": self.work, "home_every": self.home_every,
                "citizenship": self.citizenship, "sector": self.sector, "status": self.status,
                "works_in": self.works_in, "on": self.on.isoformat()}


@dataclass(frozen=True)
class PlaceFacts:
    """What is known of a municipality: None when the name is not in the place list."""

    id: str | None
    country: str | None
    name: dict[str, str] | None
    borders: tuple[str, ...] = ()
    ambiguous: bool = False


def facts_of(situation: Situation, home: PlaceFacts, work: PlaceFacts) -> dict[str, Any]:
    """The facts a rule condition can name (rules/conditions.py), for this situation."""
    citizenship = situation.citizenship or home.country or "other"
    facts: dict[str, Any] = {
        "home_known": home.country is not None,
        "work_known": work.country is not None,
        "home_every": situation.home_every,
        "citizenship": citizenship,
        "sector": situation.sector,
        "status": situation.status,
        "works_in": situation.works_in,
        "home_border": FRONTIER_BORDER in home.borders,
        "work_border": FRONTIER_BORDER in work.borders,
    }
    if home.country is not None:
        facts["home_country"] = home.country
    if work.country is not None:
        facts["work_country"] = work.country
    if home.country is not None and work.country is not None:
        facts["cross_border"] = home.country != work.country
    return facts

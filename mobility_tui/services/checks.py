"""Situation checks: what the dated rules say about tax, SFI, unemployment, social insurance
and registration for one person's situation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from mobility_tui.rules.evaluate import matching_rules
from mobility_tui.rules.situation import PlaceFacts, Situation, facts_of
from mobility_tui.services.places import Place, PlaceService
from mobility_tui.services.results import Authority, Checked, LocalText, full_text, is_stale
from mobility_tui.storage.reader import Reader


@dataclass(frozen=True)
class Answer:
    topic: str
    country: str | None
    eligible: bool | None
    text: LocalText
    rule: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    authority: Authority
    sources: list[str]
    checked: Checked
    fallback: bool  # an "otherwise" rule: the rules did not decide

    def ended(self, today: dt.date | None = None) -> bool:
        return self.valid_to is not None and self.valid_to < (today or dt.date.today())

    def to_json(self) -> dict[str, Any]:
        return {"topic": self.topic, "country": self.country, "eligible": self.eligible,
                "text": full_text(self.text), "rule": self.rule,
                "valid_from": self.valid_from.isoformat() if self.valid_from else None,
                "valid_to": self.valid_to.isoformat() if self.valid_to else None,
                "authority": self.authority.to_json(), "sources": list(self.sources),
                "verified": self.checked.verified.isoformat(), "stale": self.checked.stale,
                "ended": self.ended(), "undecided": self.fallback}


@dataclass(frozen=True)
class CheckAnswer:
    situation: Situation
    home: PlaceFacts
    work: PlaceFacts
    answers: list[Answer]

    def to_json(self) -> dict[str, Any]:
        def place(facts: PlaceFacts) -> dict[str, Any]:
            return {"id": facts.id, "country": facts.country, "name": facts.name,
                    "border_municipality": "FI-SE" in facts.borders, "ambiguous": facts.ambiguous}

        return {"situation": {**self.situation.to_json(), "home_place": place(self.home),
                              "work_place": place(self.work)},
                "answers": [answer.to_json() for answer in self.answers]}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class CheckService:
    def __init__(self, reader: Reader, places: PlaceService):
        self.reader = reader
        self.places = places

    def place_facts(self, typed: str, other: str) -> PlaceFacts:
        """The municipality a name means; a name used on both sides of the border (Övertorneå)
        is read as the one in the other country than `other`, when that decides it."""
        found = self.places.find(typed)
        if len(found) > 1:
            other_places = self.places.find(other)
            other_countries = {place.country for place in other_places}
            narrowed = [place for place in found if place.country not in other_countries]
            found = narrowed if len(narrowed) == 1 else found
        if len(found) != 1:
            return PlaceFacts(None, None, None, ambiguous=len(found) > 1)
        place: Place = found[0]
        return PlaceFacts(place.id, place.country, dict(place.name), tuple(place.borders))

    def check(self, situation: Situation) -> CheckAnswer:
        home = self.place_facts(situation.home, situation.work)
        work = self.place_facts(situation.work, situation.home)
        facts = facts_of(situation, home, work)
        rules = self.reader.answer(lambda snapshot: [row.body for row in snapshot.by_kind("rule")])
        answers = [Answer(
            rule["topic"], rule.get("country"), rule.get("eligible"), rule["text"], rule["id"],
            _date(rule.get("valid_from")), _date(rule.get("valid_to")),
            Authority.of(rule["authority"]),  # type: ignore[arg-type]
            [source["url"] for source in rule.get("sources", [])],
            Checked(dt.date.fromisoformat(rule["verified"]), rule.get("verification", "checked")),
            bool(rule.get("otherwise")))
            for rule in matching_rules(rules, facts, situation.on)]
        return CheckAnswer(situation, home, work, answers)


__all__ = ["Answer", "CheckAnswer", "CheckService", "is_stale"]

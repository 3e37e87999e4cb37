"""Plain result objects returned by the services; `to_json()` gives the contract's shapes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

LocalText = dict[str, str]
EMPTY_TEXT: LocalText = {"fi": "", "sv": "", "en": ""}


def full_text(text: LocalText | None) -> LocalText:
    """Always all three keys, as the JSON contract promises; missing languages are ""."""
    return {lang: (text or {}).get(lang, "") for lang in ("fi", "sv", "en")}


@dataclass(frozen=True)
class QualificationSummary:
    id: str
    country: str
    type: str
    code: str | None
    eqf_level: int
    national_level: int | None
    name: LocalText
    titles: dict[str, list[str]]
    programme: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "country": self.country, "type": self.type, "code": self.code,
            "eqf_level": self.eqf_level, "national_level": self.national_level,
            "name": full_text(self.name),
            "titles": {lang: list(self.titles.get(lang, [])) for lang in ("fi", "sv", "en")},
            "programme": self.programme,
        }


@dataclass(frozen=True)
class SearchHit:
    qualification: QualificationSummary
    score: float
    matched: str

    def to_json(self) -> dict[str, Any]:
        return {**self.qualification.to_json(), "score": self.score, "matched": self.matched}


@dataclass(frozen=True)
class CounterpartView:
    """A counterpart decision as seen from the record shown (FI → SE, or SE ← FI)."""

    qualification: QualificationSummary | None  # None when relation is "none"
    relation: str
    rationale: LocalText
    track: LocalText | None
    sources: list[str]
    decided_from: str  # the id of the Finnish record that holds the decision

    def to_json(self) -> dict[str, Any]:
        other = self.qualification
        return {
            "id": other.id if other else None,
            "country": other.country if other else None,
            "type": other.type if other else None,
            "eqf_level": other.eqf_level if other else None,
            "name": full_text(other.name if other else None),
            "relation": self.relation,
            "rationale": full_text(self.rationale),
            "track": full_text(self.track) if self.track else None,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class RegulationView:
    id: str
    country: str
    occupation: LocalText
    regulated: bool
    authority_name: str
    authority_url: str
    steps: list[LocalText]
    valid_from: dt.date | None
    fee: str | None
    processing_time: str | None
    swedish_level: str | None
    language_requirement: LocalText | None
    notes: LocalText | None
    sources: list[str]
    verified: dt.date

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "country": self.country, "occupation": full_text(self.occupation),
            "regulated": self.regulated,
            "authority": {"name": self.authority_name, "url": self.authority_url},
            "steps": [full_text(step) for step in self.steps],
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "fee": self.fee, "processing_time": self.processing_time,
            "swedish_level": self.swedish_level,
            "language_requirement": (full_text(self.language_requirement)
                                     if self.language_requirement else None),
            "notes": full_text(self.notes) if self.notes else None,
            "sources": list(self.sources), "verified": self.verified.isoformat(),
        }


@dataclass(frozen=True)
class QualificationDetail:
    summary: QualificationSummary
    description: LocalText | None
    note: LocalText | None
    specialisations: list[LocalText]
    aliases: dict[str, list[str]]
    programme: QualificationSummary | None
    counterparts: list[CounterpartView]
    regulation: list[RegulationView]
    sources: list[str]
    verified: dt.date
    yrkesutgangar: list[QualificationSummary] = field(default_factory=list)

    def is_stale(self, today: dt.date | None = None) -> bool:
        """Checked more than a year ago: the screen and the plan say so plainly."""
        today = today or dt.date.today()
        return (today - self.verified).days > 365

    def to_json(self) -> dict[str, Any]:
        return {
            **self.summary.to_json(),
            "description": full_text(self.description) if self.description else None,
            "note": full_text(self.note) if self.note else None,
            "specialisations": [full_text(item) for item in self.specialisations],
            "aliases": {lang: list(self.aliases.get(lang, [])) for lang in ("fi", "sv", "en")},
            "yrkesutgangar": [item.id for item in self.yrkesutgangar],
            "counterparts": [item.to_json() for item in self.counterparts],
            "regulation": [item.to_json() for item in self.regulation],
            "sources": list(self.sources),
            "verified": self.verified.isoformat(),
            "stale": self.is_stale(),
        }


@dataclass(frozen=True)
class CourseView:
    id: str
    provider: str
    name: LocalText
    levels: list[str]
    mode: str
    location: str | None
    country: str | None
    cost: str | None
    url: str
    description: LocalText | None
    sources: list[str]
    verified: dt.date

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "provider": self.provider, "name": full_text(self.name),
            "levels": list(self.levels), "mode": self.mode, "location": self.location,
            "country": self.country, "cost": self.cost, "url": self.url,
            "description": full_text(self.description) if self.description else None,
            "sources": list(self.sources), "verified": self.verified.isoformat(),
        }


@dataclass(frozen=True)
class GuideStepView:
    id: str
    order: int
    scenarios: list[str]
    title: LocalText
    body: LocalText
    authority_name: str
    authority_url: str
    sources: list[str]
    verified: dt.date

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "order": self.order, "scenarios": list(self.scenarios),
            "title": full_text(self.title), "body": full_text(self.body),
            "authority": {"name": self.authority_name, "url": self.authority_url},
            "sources": list(self.sources), "verified": self.verified.isoformat(),
        }

"""Plain result objects returned by the services; `to_json()` gives the contract's shapes.

Plain (not frozen) dataclasses: every command imports this module, and a frozen dataclass
costs twice as much to create; nothing here is changed after it is made.

They are built from stored documents (catalog/documents.py) and hold data only: what a person
sees is decided in presentation/, for the interface language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

LocalText = dict[str, str]
LANGS = ("fi", "sv", "en")
STALE_AFTER_DAYS = 365


def full_text(text: LocalText | None) -> LocalText:
    """Always all three keys, as the JSON contract promises; missing languages are ""."""
    return {lang: (text or {}).get(lang, "") for lang in LANGS}


def full_lists(lists: dict[str, list[str]] | None) -> dict[str, list[str]]:
    return {lang: list((lists or {}).get(lang, [])) for lang in LANGS}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def is_stale(verified: dt.date, today: dt.date | None = None) -> bool:
    """Checked more than a year ago (a check date after today is never stale: the clock may be
    behind; `db check` reports that once)."""
    today = today or dt.date.today()
    return (today - verified).days > STALE_AFTER_DAYS


@dataclass
class Source:
    url: str
    kind: str  # law | authority | register | provider | other
    publisher: str | None = None

    @classmethod
    def many(cls, items: list[dict[str, Any]] | None) -> list[Source]:
        return [cls(item["url"], item.get("kind", "other"), item.get("publisher"))
                for item in items or []]


def urls(sources: list[Source]) -> list[str]:
    return [source.url for source in sources]


@dataclass
class Checked:
    """When a record's facts were last compared with its sources."""

    verified: dt.date
    verification: str = "checked"  # checked | written

    @property
    def stale(self) -> bool:
        return is_stale(self.verified)

    def to_json(self) -> dict[str, Any]:
        return {"verified": self.verified.isoformat(), "verification": self.verification,
                "stale": self.stale}


@dataclass
class Authority:
    name: str
    url: str

    @classmethod
    def of(cls, value: dict[str, str] | None) -> Authority | None:
        return cls(value["name"], value["url"]) if value else None

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "url": self.url}


@dataclass
class Summary:
    """A qualification or occupation as search results and lists show it."""

    id: str
    kind: str  # qualification | occupation
    country: str
    type: str
    degree: str | None
    code: str | None
    eqf_level: int | None
    national_level: int | None
    name: LocalText
    titles: dict[str, list[str]]
    programme: str | None = None
    field: str | None = None
    regulated: dict[str, bool] = dc_field(default_factory=dict)  # country -> regulated there
    shortage: list[dict[str, str]] = dc_field(default_factory=list)
    counterparts: list[dict[str, Any]] = dc_field(default_factory=list)  # id, relation, name
    checked: Checked | None = None

    @classmethod
    def of(cls, data: dict[str, Any]) -> Summary:
        return cls(
            id=data["id"], kind=data.get("kind", "qualification"), country=data["country"],
            type=data["type"], degree=data.get("degree"), code=data.get("code"),
            eqf_level=data.get("eqf_level"), national_level=data.get("national_level"),
            name=dict(data["name"]), titles=dict(data.get("titles") or {}),
            programme=data.get("programme"), field=data.get("field"),
            regulated=dict(data.get("regulated") or {}), shortage=list(data.get("shortage") or []),
            counterparts=list(data.get("counterparts") or []),
            checked=Checked(dt.date.fromisoformat(data["verified"]),
                            data.get("verification", "checked")) if data.get("verified") else None)

    @property
    def other_country(self) -> str:
        return "SE" if self.country == "FI" else "FI"

    def current_shortage(self, today: dt.date | None = None) -> list[dict[str, str]]:
        today = today or dt.date.today()
        return [item for item in self.shortage if dt.date.fromisoformat(item["period_end"]) >= today]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "country": self.country, "type": self.type,
            "degree": self.degree, "code": self.code, "eqf_level": self.eqf_level,
            "national_level": self.national_level, "name": full_text(self.name),
            "titles": full_lists(self.titles), "programme": self.programme, "field": self.field,
            "regulated": dict(self.regulated),
            "shortage": [{**item, "outdated": dt.date.fromisoformat(item["period_end"]) < dt.date.today()}
                         for item in self.shortage],
        }


@dataclass
class SearchHit:
    summary: Summary
    score: float
    matched: str
    confidence: str  # exact | close | weak

    @property
    def answers(self) -> bool:
        """An exact or close match may be presented as an answer; a weak one never."""
        return self.confidence in ("exact", "close")

    def to_json(self) -> dict[str, Any]:
        return {**self.summary.to_json(), "score": self.score, "matched": self.matched,
                "confidence": self.confidence}


@dataclass
class NextStep:
    id: str
    name: LocalText
    authority: Authority
    why: LocalText
    countries: list[str]
    when: str
    sources: list[Source]
    checked: Checked

    def to_json(self) -> dict[str, Any]:
        return {"kind": "next-step", "id": self.id, "name": full_text(self.name),
                "authority": self.authority.to_json(), "why": full_text(self.why),
                "sources": urls(self.sources), "verified": self.checked.verified.isoformat()}


@dataclass
class SearchAnswer:
    query: str
    hits: list[SearchHit]
    next_steps: list[NextStep]  # given when no hit is exact or close

    @property
    def answered(self) -> bool:
        return any(hit.answers for hit in self.hits)

    def items_json(self) -> list[dict[str, Any]]:
        return [hit.to_json() for hit in self.hits] + [step.to_json() for step in self.next_steps]


@dataclass
class RouteRef:
    """A way to close a gap: a route record, a course, or a qualification (e.g. a yrkespaket)."""

    kind: str  # course | validation | compensation | authority
    id: str
    name: LocalText
    url: str
    provider: str | None = None
    location: str | None = None
    mode: str | None = None
    length: LocalText | None = None
    cost: LocalText | None = None
    ends: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "name": full_text(self.name), "url": self.url,
                "provider": self.provider, "location": self.location, "mode": self.mode,
                "length": full_text(self.length) if self.length else None,
                "cost": full_text(self.cost) if self.cost else None,
                "ends": self.ends.isoformat() if self.ends else None}


@dataclass
class GapView:
    text: LocalText
    area: str
    employer: str | None
    routes: list[RouteRef]
    ask: Authority | None
    sources: list[Source]

    def to_json(self) -> dict[str, Any]:
        return {"text": full_text(self.text), "area": self.area, "employer": self.employer,
                "routes": [route.to_json() for route in self.routes],
                "ask": self.ask.to_json() if self.ask else None, "sources": urls(self.sources)}


@dataclass
class CounterpartView:
    """A counterpart decision as seen from the record shown."""

    other: Summary | None  # None for "none" and "undecided"
    relation: str  # equivalent | partial | none | undecided
    rationale: LocalText
    track: LocalText | None
    ask: Authority | None
    day_one: LocalText | None
    gaps: list[GapView]
    sources: list[Source]
    decided_from: str  # the id of the record that holds the decision
    direction: tuple[str, str]  # (from country, to country) of the decision

    def to_json(self) -> dict[str, Any]:
        other = self.other
        return {
            "id": other.id if other else None,
            "country": other.country if other else self.direction[1],
            "type": other.type if other else None,
            "eqf_level": other.eqf_level if other else None,
            "name": full_text(other.name if other else None),
            "relation": self.relation,
            "rationale": full_text(self.rationale),
            "track": full_text(self.track) if self.track else None,
            "ask": self.ask.to_json() if self.ask else None,
            "day_one": full_text(self.day_one) if self.day_one else None,
            "gaps": [gap.to_json() for gap in self.gaps],
            "direction": {"from": self.direction[0], "to": self.direction[1]},
            "decided_from": self.decided_from,
            "sources": urls(self.sources),
        }


@dataclass
class Fee:
    amount: float
    currency: str


@dataclass
class RegulationView:
    id: str
    country: str
    direction: tuple[str, str]
    regulated: bool
    form: str | None
    route: str | None
    occupation: LocalText
    authority: Authority
    valid_from: dt.date | None
    valid_to: dt.date | None
    fee: Fee | None
    fee_note: LocalText | None
    processing_time: LocalText | None
    swedish_level: str | None
    language_requirement: LocalText | None
    compensation: LocalText | None
    documents: list[LocalText]
    prerequisites: list[LocalText]
    notes: LocalText | None
    steps: list[LocalText]
    sources: list[Source]
    checked: Checked

    @classmethod
    def of(cls, body: dict[str, Any]) -> RegulationView:
        direction = body.get("direction") or {}
        fee = body.get("fee")
        return cls(
            id=body["id"], country=body["country"],
            direction=(direction.get("from", ""), direction.get("to", body["country"])),
            regulated=bool(body["regulated"]), form=body.get("form"), route=body.get("route"),
            occupation=body["occupation"], authority=Authority.of(body["authority"]),  # type: ignore[arg-type]
            valid_from=_date(body.get("valid_from")), valid_to=_date(body.get("valid_to")),
            fee=Fee(fee["amount"], fee["currency"]) if fee else None,
            fee_note=body.get("fee_note"), processing_time=body.get("processing_time"),
            swedish_level=body.get("swedish_level"),
            language_requirement=body.get("language_requirement"),
            compensation=body.get("compensation"), documents=list(body.get("documents") or []),
            prerequisites=list(body.get("prerequisites") or []), notes=body.get("notes"),
            steps=list(body.get("steps") or []), sources=Source.many(body.get("sources")),
            checked=Checked(dt.date.fromisoformat(body["verified"]),
                            body.get("verification", "checked")))

    def ended(self, today: dt.date | None = None) -> bool:
        return self.valid_to is not None and self.valid_to < (today or dt.date.today())

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "country": self.country,
            "direction": {"from": self.direction[0], "to": self.direction[1]},
            "occupation": full_text(self.occupation), "regulated": self.regulated,
            "form": self.form, "route": self.route,
            "authority": self.authority.to_json(),
            "steps": [full_text(step) for step in self.steps],
            "documents": [full_text(item) for item in self.documents],
            "prerequisites": [full_text(item) for item in self.prerequisites],
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "ended": self.ended(),
            "fee": {"amount": self.fee.amount, "currency": self.fee.currency} if self.fee else None,
            "fee_note": full_text(self.fee_note) if self.fee_note else None,
            "processing_time": full_text(self.processing_time) if self.processing_time else None,
            "swedish_level": self.swedish_level,
            "language_requirement": (full_text(self.language_requirement)
                                     if self.language_requirement else None),
            "compensation": full_text(self.compensation) if self.compensation else None,
            "notes": full_text(self.notes) if self.notes else None,
            "sources": urls(self.sources), **self.checked.to_json(),
        }


@dataclass
class DemandView:
    id: str
    occupation: LocalText
    country: str
    region: str
    level: str
    period_start: dt.date
    period_end: dt.date
    outlook: LocalText | None
    sources: list[Source]
    checked: Checked

    @classmethod
    def of(cls, body: dict[str, Any]) -> DemandView:
        return cls(body["id"], body["occupation"], body["country"], body["region"], body["level"],
                   dt.date.fromisoformat(body["period_start"]),
                   dt.date.fromisoformat(body["period_end"]), body.get("outlook"),
                   Source.many(body.get("sources")),
                   Checked(dt.date.fromisoformat(body["verified"]), body.get("verification", "checked")))

    def outdated(self, today: dt.date | None = None) -> bool:
        """The period the figure is for has passed: shown with its date, never as current."""
        return self.period_end < (today or dt.date.today())

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "occupation": full_text(self.occupation), "country": self.country,
                "region": self.region, "level": self.level,
                "period": f"{self.period_start.isoformat()}/{self.period_end.isoformat()}",
                "outdated": self.outdated(), "outlook": full_text(self.outlook) if self.outlook else None,
                "sources": urls(self.sources), "verified": self.checked.verified.isoformat()}


@dataclass
class Detail:
    """One qualification or occupation with everything `show` and the plan need."""

    summary: Summary
    description: LocalText | None
    note: LocalText | None
    specialisations: list[LocalText]
    aliases: dict[str, list[str]]
    scope: dict[str, Any] | None
    programme: Summary | None
    yrkesutgangar: list[Summary]
    counterparts: list[CounterpartView]
    regulation: list[RegulationView]  # where the holder is going (the other country)
    home_regulation: list[RegulationView]  # the record's own country, for the other direction
    demand: list[DemandView]
    sources: list[Source]
    checked: Checked

    @property
    def direction(self) -> tuple[str, str]:
        return (self.summary.country, self.summary.other_country)

    def is_stale(self) -> bool:
        return self.checked.stale

    def to_json(self) -> dict[str, Any]:
        return {
            **self.summary.to_json(),
            "direction": {"from": self.direction[0], "to": self.direction[1]},
            "description": full_text(self.description) if self.description else None,
            "note": full_text(self.note) if self.note else None,
            "specialisations": [full_text(item) for item in self.specialisations],
            "aliases": full_lists(self.aliases),
            "scope": dict(self.scope) if self.scope else None,
            "yrkesutgangar": [item.id for item in self.yrkesutgangar],
            "counterparts": [item.to_json() for item in self.counterparts],
            "regulation": [item.to_json() for item in self.regulation],
            "home_regulation": [item.to_json() for item in self.home_regulation],
            "demand": [item.to_json() for item in self.demand],
            "sources": urls(self.sources),
            "source_kinds": {source.url: source.kind for source in self.sources},
            **self.checked.to_json(),
        }


@dataclass
class CourseView:
    id: str
    provider: str
    name: LocalText
    teaches: str
    levels: list[str]
    mode: str
    location: str | None
    country: str | None
    fields: list[str]
    cost: LocalText | None
    ends: dt.date | None
    url: str
    description: LocalText | None
    sources: list[Source]
    checked: Checked

    @classmethod
    def of(cls, body: dict[str, Any]) -> CourseView:
        return cls(body["id"], body["provider"], body["name"], body.get("teaches", "sv"),
                   list(body["levels"]), body["mode"], body.get("location"), body.get("country"),
                   list(body.get("fields") or []), body.get("cost"), _date(body.get("ends")),
                   body["url"], body.get("description"), Source.many(body.get("sources")),
                   Checked(dt.date.fromisoformat(body["verified"]), body.get("verification", "checked")))

    def ended(self, today: dt.date | None = None) -> bool:
        return self.ends is not None and self.ends < (today or dt.date.today())

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "provider": self.provider, "name": full_text(self.name),
            "teaches": self.teaches, "levels": list(self.levels), "mode": self.mode,
            "location": self.location, "country": self.country, "fields": list(self.fields),
            "cost": self.cost.get("en") if self.cost else None,
            "cost_text": full_text(self.cost) if self.cost else None,
            "ends": self.ends.isoformat() if self.ends else None, "ended": self.ended(),
            "url": self.url,
            "description": full_text(self.description) if self.description else None,
            "sources": urls(self.sources), **self.checked.to_json(),
        }


@dataclass
class GuideStepView:
    id: str
    order: int
    scenarios: list[str]
    title: LocalText
    body: LocalText
    authority: Authority
    sources: list[Source]
    checked: Checked
    fields: list[str] = dc_field(default_factory=list)  # empty: for every field

    @classmethod
    def of(cls, body: dict[str, Any]) -> GuideStepView:
        return cls(body["id"], body["order"], list(body["scenarios"]), body["title"], body["body"],
                   Authority.of(body["authority"]), Source.many(body.get("sources")),  # type: ignore[arg-type]
                   Checked(dt.date.fromisoformat(body["verified"]), body.get("verification", "checked")),
                   list(body.get("fields") or []))

    def concerns(self, field: str | None) -> bool:
        """Whether the step is for a holder of this field (an unknown field gets every step)."""
        return not self.fields or field is None or field in self.fields

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "order": self.order, "scenarios": list(self.scenarios),
            "fields": list(self.fields), "title": full_text(self.title), "body": full_text(self.body),
            "authority": self.authority.to_json(),
            "sources": urls(self.sources), **self.checked.to_json(),
        }

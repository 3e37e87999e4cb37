"""The shape of every record kind in data/qualifications/ (see data/README.md).

Validation happens here, at the edge: unknown fields are errors, URLs must be https without
spaces or control characters, no text may hold a NUL byte. Cross-record checks (duplicate ids,
dangling links, rule conditions) are in loader.py and rules.py.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

from mobility_tui.vocabulary import (
    CEFR_LEVELS,
    COUNTRIES,
    FIELDS,
    MODES,
    SCENARIOS,
)

Country = Literal["FI", "SE"]
assert COUNTRIES == ("FI", "SE")
Relation = Literal["equivalent", "partial", "none", "undecided"]
QualificationType = Literal[
    "perustutkinto",
    "ammattitutkinto",
    "erikoisammattitutkinto",
    "korkeakoulututkinto",
    "gymnasieprogram",
    "yrkesutgång",
    "yrkespaket",
    "högskoleexamen",
    "yrkeshögskoleexamen",
]
# The kind of a higher-education degree, named in the record (issue: AMK and university alike).
DegreeKind = Literal[
    "amk", "ylempi-amk", "kandidaatti", "maisteri", "lisensiaatti",     # korkeakoulututkinto
    "högskoleexamen", "kandidatexamen", "magisterexamen", "masterexamen",  # högskoleexamen,
    "yrkesexamen-grundniva", "yrkesexamen-avancerad",                    # general and professional
    "yrkeshögskoleexamen", "kvalificerad-yrkeshögskoleexamen",          # yrkeshögskoleexamen
]
DEGREE_KINDS_BY_TYPE: dict[str, set[str]] = {
    "korkeakoulututkinto": {"amk", "ylempi-amk", "kandidaatti", "maisteri", "lisensiaatti"},
    "högskoleexamen": {"högskoleexamen", "kandidatexamen", "magisterexamen", "masterexamen",
                       "yrkesexamen-grundniva", "yrkesexamen-avancerad"},
    "yrkeshögskoleexamen": {"yrkeshögskoleexamen", "kvalificerad-yrkeshögskoleexamen"},
}
ScopeUnit = Literal["osp", "op", "hp", "yh-poang", "gymnasiepoang", "weeks", "hours"]
Scenario = Literal["move-to-se", "commute-to-se", "move-to-fi", "commute-to-fi"]
assert SCENARIOS == ("move-to-se", "commute-to-se", "move-to-fi", "commute-to-fi")
Mode = Literal["online", "classroom", "blended"]
assert MODES == ("online", "classroom", "blended")
CefrLevel = Literal["A1", "A2", "B1", "B2", "C1", "C2"]
assert CEFR_LEVELS == ("A1", "A2", "B1", "B2", "C1", "C2")
Field_ = Literal[
    "health", "social", "education", "technology", "electrical", "construction", "transport",
    "business", "it", "hospitality", "agriculture-forestry", "security", "arts", "law", "science",
    "beauty", "maritime",
]
assert set(FIELDS) == set(Field_.__args__)  # type: ignore[attr-defined]
SourceKind = Literal["law", "authority", "register", "provider", "other"]
Verification = Literal["checked", "written"]
RegulationForm = Literal["licence", "protected-title", "authorisation", "certificate", "eligibility"]
RecognitionRoute = Literal["automatic", "general-system", "mutual-recognition", "national"]
RouteKind = Literal["course", "validation", "compensation", "authority"]
GapArea = Literal["competence", "scope", "regulated-task", "workplace-learning", "language",
                  "licence"]
EmployerView = Literal["induction", "course", "licence"]
DemandLevel = Literal["shortage", "balance", "surplus"]
Language = Literal["fi", "sv", "en"]
NextStepWhen = Literal["regulated", "not-regulated", "any"]
Topic = Literal["tax", "sfi", "unemployment", "social-insurance", "registration"]
Border = Literal["FI-SE", "FI-NO"]

RecordId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=100)]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise ValueError("nul_byte")
    return text


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                     AfterValidator(_no_nul)]


def _require_https(url: str) -> str:
    if _CONTROL.search(url) or re.search(r"\s", url):
        raise ValueError("url_characters")
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError("not_https")
    return url


HttpsUrl = Annotated[str, AfterValidator(_require_https)]
# A check date after today is a warning of `db check` (the clock may be wrong), not an error.
CheckDate = dt.date


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class LocalText(_Strict):
    """The same text in Finnish, Swedish and English; at least one of them."""

    fi: NonEmpty | None = None
    sv: NonEmpty | None = None
    en: NonEmpty | None = None

    @model_validator(mode="after")
    def _at_least_one(self) -> LocalText:
        if not (self.fi or self.sv or self.en):
            raise ValueError("no_language")
        return self

    def as_dict(self) -> dict[str, str]:
        return {lang: text for lang, text in self.model_dump().items() if text}


class LocalList(_Strict):
    fi: list[NonEmpty] = []
    sv: list[NonEmpty] = []
    en: list[NonEmpty] = []

    def as_dict(self) -> dict[str, list[str]]:
        return self.model_dump()


class Authority(_Strict):
    name: NonEmpty
    url: HttpsUrl


class SourceRef(_Strict):
    """A source with its kind given in the record (otherwise publishers.toml decides)."""

    url: HttpsUrl
    kind: SourceKind


def _source_shape(value: Any) -> str:
    return "url" if isinstance(value, str) else "ref"


# Tagged, so a bad source gets one clear error, not one per shape it might have had.
Source = Annotated[Annotated[HttpsUrl, Tag("url")] | Annotated[SourceRef, Tag("ref")],
                   Discriminator(_source_shape)]
SOURCE_TAGS = ("url", "ref")
Sources = Annotated[list[Source], Field(min_length=1)]


def source_url(source: str | SourceRef) -> str:
    return source if isinstance(source, str) else source.url


class Sourced(_Strict):
    sources: Sources
    verified: CheckDate
    # "written": `verified` is the day the record was written from its sources; nobody has
    # compared it with them since. Shown as such, never as a check.
    verification: Verification = "checked"


class Scope(_Strict):
    amount: Annotated[int, Field(ge=1, le=100000)]
    unit: ScopeUnit


class Gap(_Strict):
    """One concrete difference behind a `partial` decision, and how to close it."""

    text: LocalText
    area: GapArea
    employer: EmployerView | None = None
    routes: list[RecordId] = []
    ask: Authority | None = None  # who to ask when no route closes the gap
    sources: Sources

    @model_validator(mode="after")
    def _route_or_ask(self) -> Gap:
        if not self.routes and self.ask is None:
            raise ValueError("route_or_ask")
        return self


class CounterpartRecord(_Strict):
    target: RecordId | None = None
    relation: Relation
    track: LocalText | None = None
    rationale: LocalText
    ask: Authority | None = None  # who decides instead (none / undecided)
    day_one: LocalText | None = None  # what the holder can do from the first day at work
    gaps: list[Gap] = []
    sources: Sources

    @model_validator(mode="after")
    def _target_unless_none(self) -> CounterpartRecord:
        if self.target is None and self.relation not in ("none", "undecided"):
            raise ValueError("target_required")
        if self.relation == "undecided" and self.ask is None:
            raise ValueError("ask_required")
        return self


class QualificationRecord(Sourced):
    id: RecordId
    country: Country
    type: QualificationType
    degree: DegreeKind | None = None
    code: NonEmpty | None = None
    eqf_level: Annotated[int, Field(ge=1, le=8)]
    national_level: Annotated[int, Field(ge=1, le=8)] | None = None
    programme: RecordId | None = None
    field: Field_ | None = None
    scope: Scope | None = None
    name: LocalText
    titles: LocalList = LocalList()
    aliases: LocalList = LocalList()
    description: LocalText | None = None
    note: LocalText | None = None
    specialisations: list[LocalText] = []
    counterparts: list[CounterpartRecord] = []

    @model_validator(mode="after")
    def _type_rules(self) -> QualificationRecord:
        if self.type == "yrkesutgång" and not self.programme:
            raise ValueError("programme_required")
        allowed = DEGREE_KINDS_BY_TYPE.get(self.type)
        if allowed is not None and self.degree not in allowed:
            raise ValueError("degree_required")
        if allowed is None and self.degree is not None:
            raise ValueError("degree_not_allowed")
        return self


class OccupationRecord(Sourced):
    """Work that is regulated (or asked about) but has no single qualification: taxi driver."""

    id: RecordId
    country: Country
    field: Field_ | None = None
    name: LocalText
    titles: LocalList = LocalList()
    aliases: LocalList = LocalList()
    description: LocalText | None = None
    note: LocalText | None = None
    counterparts: list[CounterpartRecord] = []


class Fee(_Strict):
    amount: Annotated[int | float, Field(ge=0)]
    currency: Literal["SEK", "EUR"]


class RegulationRecord(Sourced):
    id: RecordId
    country: Country  # where the work is (or is not) regulated; steps are for the other country
    regulated: bool
    form: RegulationForm | None = None
    route: RecognitionRoute | None = None
    applies_to: Annotated[list[RecordId], Field(min_length=1)]
    occupation: LocalText
    authority: Authority
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    fee: Fee | None = None
    fee_note: LocalText | None = None
    processing_time: LocalText | None = None
    swedish_level: CefrLevel | None = None
    language_requirement: LocalText | None = None
    compensation: LocalText | None = None
    documents: list[LocalText] = []
    prerequisites: list[LocalText] = []
    notes: LocalText | None = None
    steps: list[LocalText] = []

    @model_validator(mode="after")
    def _form_when_regulated(self) -> RegulationRecord:
        if self.regulated and self.form is None:
            raise ValueError("form_required")
        if not self.regulated and self.form is not None:
            raise ValueError("form_not_allowed")
        return self


class CourseRecord(Sourced):
    id: RecordId
    provider: NonEmpty
    name: LocalText
    teaches: Literal["sv", "fi"] = "sv"
    levels: Annotated[list[CefrLevel], Field(min_length=1)]
    mode: Mode
    location: NonEmpty | None = None
    country: Country | None = None
    fields: list[Field_] = []
    cost: LocalText | None = None
    ends: dt.date | None = None
    url: HttpsUrl
    description: LocalText | None = None


class RouteRecord(Sourced):
    """A way to close a gap: a bridging course, a validation, a compensation measure."""

    id: RecordId
    kind: RouteKind
    name: LocalText
    provider: Authority
    country: Country | None = None
    location: NonEmpty | None = None
    mode: Mode | None = None
    length: LocalText | None = None
    cost: LocalText | None = None
    languages: list[Language] = []
    url: HttpsUrl
    description: LocalText | None = None
    ends: dt.date | None = None


class GuideStepRecord(Sourced):
    id: RecordId
    order: Annotated[int, Field(ge=0)]
    scenarios: Annotated[list[Scenario], Field(min_length=1)]
    fields: list[Field_] = []  # a plan shows the step only for these fields; empty: for everyone
    title: LocalText
    body: LocalText
    authority: Authority


class DemandRecord(Sourced):
    """What a public employment service's barometer says of an occupation in a region."""

    id: RecordId
    occupation: LocalText
    applies_to: Annotated[list[RecordId], Field(min_length=1)]
    country: Country
    region: NonEmpty  # as the source names it: "Norrbotten", "Lappi", or "national"
    level: DemandLevel
    period_start: dt.date
    period_end: dt.date
    outlook: LocalText | None = None

    @model_validator(mode="after")
    def _period_in_order(self) -> DemandRecord:
        if self.period_end < self.period_start:
            raise ValueError("period_order")
        return self


class NextStepRecord(Sourced):
    """Where to turn when the catalogue has no close answer."""

    id: RecordId
    order: Annotated[int, Field(ge=0)]
    countries: Annotated[list[Country], Field(min_length=1)]  # where the person wants to work
    when: NextStepWhen = "any"
    name: LocalText
    authority: Authority
    why: LocalText


ConditionValue = bool | str | list[str]


class RuleRecord(Sourced):
    """One dated rule of a situation check; `when`/`unless` are checked in rules/conditions.py."""

    id: RecordId
    topic: Topic
    country: Country | None = None
    order: Annotated[int, Field(ge=0)]
    when: dict[str, Any] = {}
    unless: dict[str, Any] = {}
    otherwise: bool = False  # applies only when no other rule of the topic does
    eligible: bool | None = None
    text: LocalText
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    authority: Authority


class PlaceRecord(Sourced):
    id: RecordId
    country: Country
    name: LocalText
    aliases: list[NonEmpty] = []
    code: NonEmpty | None = None
    region: NonEmpty
    borders: list[Border] = []


# Which record kind lives in which folder of the data directory.
RECORD_KINDS: dict[str, type[Sourced]] = {
    "fi": QualificationRecord,
    "se": QualificationRecord,
    "occupations": OccupationRecord,
    "regulation": RegulationRecord,
    "courses": CourseRecord,
    "routes": RouteRecord,
    "guide": GuideStepRecord,
    "demand": DemandRecord,
    "next-steps": NextStepRecord,
    "rules": RuleRecord,
    "places": PlaceRecord,
}


class Publisher(_Strict):
    prefix: HttpsUrl
    name: NonEmpty
    kind: SourceKind


class PublisherFile(_Strict):
    publisher: list[Publisher] = []

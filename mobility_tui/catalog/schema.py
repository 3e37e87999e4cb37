"""The shape of every record kind in data/qualifications/ (see data/README.md).

Validation happens here, at the edge: unknown fields are errors, URLs must be https, dates
cannot lie in the future. Cross-record checks (duplicate ids, dangling links) are in loader.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

Country = Literal["FI", "SE"]
Relation = Literal["equivalent", "partial", "none"]
QualificationType = Literal[
    "perustutkinto",
    "ammattitutkinto",
    "erikoisammattitutkinto",
    "gymnasieprogram",
    "yrkesutgång",
]
Scenario = Literal["move-to-se", "commute-to-se", "move-to-fi", "commute-to-fi"]
Mode = Literal["online", "classroom", "blended"]
CefrLevel = Literal["A1", "A2", "B1", "B2", "C1", "C2"]

RecordId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=100)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _require_https(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError("not_https")
    return url


def _not_in_future(day: dt.date) -> dt.date:
    if day > dt.date.today():
        raise ValueError("future_date")
    return day


HttpsUrl = Annotated[str, AfterValidator(_require_https)]
CheckDate = Annotated[dt.date, AfterValidator(_not_in_future)]


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


class Sourced(_Strict):
    sources: Annotated[list[HttpsUrl], Field(min_length=1)]
    verified: CheckDate


class CounterpartRecord(_Strict):
    target: RecordId | None = None
    relation: Relation
    track: LocalText | None = None
    rationale: LocalText
    sources: Annotated[list[HttpsUrl], Field(min_length=1)]

    @model_validator(mode="after")
    def _target_unless_none(self) -> CounterpartRecord:
        if self.target is None and self.relation != "none":
            raise ValueError("target_required")
        return self


class QualificationRecord(Sourced):
    id: RecordId
    country: Country
    type: QualificationType
    code: NonEmpty | None = None
    eqf_level: Annotated[int, Field(ge=1, le=8)]
    national_level: Annotated[int, Field(ge=1, le=8)] | None = None
    programme: RecordId | None = None
    name: LocalText
    titles: LocalList = LocalList()
    aliases: LocalList = LocalList()
    description: LocalText | None = None
    note: LocalText | None = None
    specialisations: list[LocalText] = []
    counterparts: list[CounterpartRecord] = []

    @model_validator(mode="after")
    def _programme_for_yrkesutgang(self) -> QualificationRecord:
        if self.type == "yrkesutgång" and not self.programme:
            raise ValueError("programme_required")
        return self


class RegulationRecord(Sourced):
    id: RecordId
    country: Country
    regulated: bool
    applies_to: Annotated[list[RecordId], Field(min_length=1)]
    occupation: LocalText
    authority: Authority
    valid_from: dt.date | None = None
    fee: NonEmpty | None = None
    processing_time: NonEmpty | None = None
    swedish_level: CefrLevel | None = None
    language_requirement: LocalText | None = None
    notes: LocalText | None = None
    steps: list[LocalText] = []


class CourseRecord(Sourced):
    id: RecordId
    provider: NonEmpty
    name: LocalText
    levels: Annotated[list[CefrLevel], Field(min_length=1)]
    mode: Mode
    location: NonEmpty | None = None
    country: Country | None = None
    cost: NonEmpty | None = None
    url: HttpsUrl
    description: LocalText | None = None


class GuideStepRecord(Sourced):
    id: RecordId
    order: Annotated[int, Field(ge=0)]
    scenarios: Annotated[list[Scenario], Field(min_length=1)]
    title: LocalText
    body: LocalText
    authority: Authority


# Which record kind lives in which folder of the data directory.
RECORD_KINDS: dict[str, type[Sourced]] = {
    "fi": QualificationRecord,
    "se": QualificationRecord,
    "regulation": RegulationRecord,
    "courses": CourseRecord,
    "guide": GuideStepRecord,
}

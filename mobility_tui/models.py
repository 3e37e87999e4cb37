"""The database schema: one place for every table (SQLModel, on SQLite or PostgreSQL).

Localized text is stored as JSON objects {"fi": …, "sv": …, "en": …}: records are read whole
and never queried by their text (search runs on the in-memory index, see search.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


def _json(**kwargs: Any) -> Any:
    return Field(default=None, sa_column=Column(JSON, **kwargs))


class Qualification(SQLModel, table=True):
    id: str = Field(primary_key=True)
    country: str = Field(index=True)
    type: str
    code: str | None = None
    eqf_level: int
    national_level: int | None = None
    programme_id: str | None = None
    name: dict[str, str] = _json(nullable=False)
    titles: dict[str, list[str]] = _json(nullable=False)
    aliases: dict[str, list[str]] = _json(nullable=False)
    description: dict[str, str] | None = _json()
    note: dict[str, str] | None = _json()
    specialisations: list[dict[str, str]] = _json(nullable=False)
    sources: list[str] = _json(nullable=False)
    verified: dt.date
    source_file: str


class Counterpart(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    qualification_id: str = Field(index=True)
    target_id: str | None = Field(default=None, index=True)
    position: int
    relation: str
    track: dict[str, str] | None = _json()
    rationale: dict[str, str] = _json(nullable=False)
    sources: list[str] = _json(nullable=False)


class Regulation(SQLModel, table=True):
    id: str = Field(primary_key=True)
    country: str
    regulated: bool
    occupation: dict[str, str] = _json(nullable=False)
    authority_name: str
    authority_url: str
    valid_from: dt.date | None = None
    fee: str | None = None
    processing_time: str | None = None
    swedish_level: str | None = None
    language_requirement: dict[str, str] | None = _json()
    notes: dict[str, str] | None = _json()
    steps: list[dict[str, str]] = _json(nullable=False)
    sources: list[str] = _json(nullable=False)
    verified: dt.date


class RegulationLink(SQLModel, table=True):
    regulation_id: str = Field(primary_key=True)
    qualification_id: str = Field(primary_key=True, index=True)


class Course(SQLModel, table=True):
    id: str = Field(primary_key=True)
    provider: str
    name: dict[str, str] = _json(nullable=False)
    levels: list[str] = _json(nullable=False)
    mode: str
    location: str | None = None
    country: str | None = None
    cost: str | None = None
    url: str
    description: dict[str, str] | None = _json()
    sources: list[str] = _json(nullable=False)
    verified: dt.date


class GuideStep(SQLModel, table=True):
    id: str = Field(primary_key=True)
    order: int
    scenarios: list[str] = _json(nullable=False)
    title: dict[str, str] = _json(nullable=False)
    body: dict[str, str] = _json(nullable=False)
    authority_name: str
    authority_url: str
    sources: list[str] = _json(nullable=False)
    verified: dt.date


class BuildInfo(SQLModel, table=True):
    """What the database was built from: decides whether the shipped data needs a rebuild."""

    key: str = Field(primary_key=True)
    value: str

"""The database schema (SQLModel, on SQLite or PostgreSQL): written only by `db build`.

Records are stored as JSON documents with a few columns to find them by; answers read them
through the light reader in storage/reader.py (plain DB-API, no ORM on the read path). The
schema version in `build_info` tells a reader whether it can read the database at all.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, LargeBinary, Text
from sqlmodel import Field, SQLModel

# Bump when a reader of this version could misread a database built by the previous one.
SCHEMA_VERSION = "3"


class Record(SQLModel, table=True):
    """One record of any kind: its document, and the summary search results and lists show."""

    # Records of a kind (and country) in id order: the first page of a list reads only that
    # page, however large the catalogue (an empty search box at 100,000 records).
    __table_args__ = (Index("ix_record_kind_id", "kind", "id"),
                      Index("ix_record_kind_country_id", "kind", "country", "id"))

    id: str = Field(primary_key=True)
    kind: str  # qualification | occupation | regulation | course | route | …
    country: str | None = Field(default=None, index=True)
    summary: str | None = Field(default=None, sa_column=Column(Text))
    body: str = Field(sa_column=Column(Text, nullable=False))


class Link(SQLModel, table=True):
    """A pointer between records, stored both ways findable (counterpart, regulation, …)."""

    source: str = Field(primary_key=True)
    target: str = Field(primary_key=True, index=True)
    kind: str = Field(primary_key=True)


class SearchPart(SQLModel, table=True):
    """One array of the stored search index (search/index.py)."""

    __tablename__ = "search_part"
    name: str = Field(primary_key=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class BuildInfo(SQLModel, table=True):
    """What the database was built from: schema version, generation, data fingerprint, …"""

    __tablename__ = "build_info"
    key: str = Field(primary_key=True)
    value: str

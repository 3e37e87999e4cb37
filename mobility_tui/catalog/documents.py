"""Turn a validated catalogue into what the database stores: documents, links, index entries.

A document is the record as JSON, with every source tagged by its kind and publisher, and the
few facts an answer needs from other records worked out once here (direction of a regulation,
where a qualification is regulated, where its work is in short supply). Pure functions of the
catalogue: the database stays a build product of the data files.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from mobility_tui.catalog.loader import Catalog
from mobility_tui.catalog.publishers import Publishers
from mobility_tui.catalog.schema import (
    CourseRecord,
    DemandRecord,
    GuideStepRecord,
    NextStepRecord,
    OccupationRecord,
    PlaceRecord,
    QualificationRecord,
    RegulationRecord,
    RouteRecord,
    RuleRecord,
    Sourced,
)
from mobility_tui.search import Entry, Label

KINDS: dict[type, str] = {
    QualificationRecord: "qualification",
    OccupationRecord: "occupation",
    RegulationRecord: "regulation",
    CourseRecord: "course",
    RouteRecord: "route",
    GuideStepRecord: "guide",
    DemandRecord: "demand",
    NextStepRecord: "next-step",
    RuleRecord: "rule",
    PlaceRecord: "place",
}
OTHER_COUNTRY = {"FI": "SE", "SE": "FI"}


@dataclass(frozen=True)
class StoredRecord:
    id: str
    kind: str
    country: str | None
    summary: str | None
    body: str


@dataclass(frozen=True)
class StoredLink:
    source: str
    target: str
    kind: str


def _sources(value: Any, publishers: Publishers) -> Any:
    """Every `sources` list, at any depth, as [{"url", "kind", "publisher"}]."""
    if isinstance(value, dict):
        return {key: (_tagged(item, publishers) if key == "sources" else _sources(item, publishers))
                for key, item in value.items()}
    if isinstance(value, list):
        return [_sources(item, publishers) for item in value]
    return value


def _tagged(sources: list, publishers: Publishers) -> list[dict[str, str | None]]:
    tagged = []
    for source in sources:
        url = source["url"] if isinstance(source, dict) else source
        kind = source["kind"] if isinstance(source, dict) else None
        publisher = publishers.find(url)
        tagged.append({"url": url, "kind": kind or publishers.kind_of(url),
                       "publisher": publisher.name if publisher else None})
    return tagged


def _dump(record: Sourced, publishers: Publishers) -> dict[str, Any]:
    raw = record.model_dump(mode="json", exclude_none=True)
    return _sources(raw, publishers)


def _labels(record: QualificationRecord | OccupationRecord) -> list[Label]:
    labels = [Label(text, "name", lang) for lang, text in record.name.as_dict().items()]
    for kind, lists in (("title", record.titles), ("alias", record.aliases)):
        labels.extend(Label(text, kind, lang) for lang, texts in lists.as_dict().items()
                      for text in texts)
    code = getattr(record, "code", None)
    if code:
        labels.append(Label(code, "code"))
    return labels


def build_documents(catalog: Catalog) -> tuple[list[StoredRecord], list[StoredLink], list[Entry]]:
    publishers = catalog.publishers
    links: list[StoredLink] = []
    regulated: dict[str, dict[str, bool]] = defaultdict(dict)
    for regulation in catalog.regulations:
        for target in dict.fromkeys(regulation.applies_to):
            links.append(StoredLink(regulation.id, target, "regulation"))
            known = regulated[target].get(regulation.country, False)
            regulated[target][regulation.country] = known or regulation.regulated
    demand: dict[str, list[dict[str, str]]] = defaultdict(list)
    for figure in catalog.demand:
        for target in dict.fromkeys(figure.applies_to):
            links.append(StoredLink(figure.id, target, "demand"))
            demand[target].append({"country": figure.country, "region": figure.region,
                                   "level": figure.level,
                                   "period_end": figure.period_end.isoformat()})
    names = {record.id: record.name.as_dict() for record in catalog.work()}
    records: list[StoredRecord] = []
    entries: list[Entry] = []
    for record in catalog.records():
        kind = KINDS[type(record)]
        body = _dump(record, publishers)
        summary = None
        country = getattr(record, "country", None)
        if isinstance(record, QualificationRecord | OccupationRecord):
            summary = _summary(record, kind, regulated.get(record.id, {}),
                               demand.get(record.id, []), names)
            entries.append(Entry(record.id, record.country, _labels(record)))
            seen_targets: set[str] = set()
            for counterpart in record.counterparts:
                if counterpart.target and counterpart.target not in seen_targets:
                    seen_targets.add(counterpart.target)
                    links.append(StoredLink(record.id, counterpart.target, "counterpart"))
                for gap in counterpart.gaps:
                    links.extend(StoredLink(record.id, route, "route") for route in gap.routes)
            programme = getattr(record, "programme", None)
            if programme:
                links.append(StoredLink(record.id, programme, "programme"))
        if isinstance(record, RegulationRecord):
            body["direction"] = {"from": OTHER_COUNTRY[record.country], "to": record.country}
        records.append(StoredRecord(record.id, kind, country,  # type: ignore[attr-defined]
                                    json.dumps(summary, ensure_ascii=False) if summary else None,
                                    json.dumps(body, ensure_ascii=False)))
    unique_links = list(dict.fromkeys(links))
    return records, unique_links, entries


def _summary(record: QualificationRecord | OccupationRecord, kind: str,
             regulated: dict[str, bool], demand: list[dict[str, str]],
             names: dict[str, dict[str, str]]) -> dict[str, Any]:
    return {
        "id": record.id, "kind": kind, "country": record.country,
        "type": getattr(record, "type", "occupation"),
        "degree": getattr(record, "degree", None),
        "code": getattr(record, "code", None),
        "eqf_level": getattr(record, "eqf_level", None),
        "national_level": getattr(record, "national_level", None),
        "programme": getattr(record, "programme", None),
        "field": record.field,
        "name": record.name.as_dict(),
        "titles": record.titles.as_dict(),
        "regulated": regulated,
        "shortage": [item for item in demand if item["level"] == "shortage"],
        # The record's own decisions, in brief: what a batch look-up lists beside the record.
        "counterparts": [{"id": decision.target, "relation": decision.relation,
                          "name": names.get(decision.target or "", {})}
                         for decision in record.counterparts],
        "verified": record.verified.isoformat(),
        "verification": record.verification,
    }

"""The numbers a coordinator puts in a progress report, counted from the data files."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from mobility_tui.catalog.documents import KINDS
from mobility_tui.catalog.loader import Catalog
from mobility_tui.catalog.publishers import SOURCE_KINDS

STALE_AFTER_DAYS = 365
OLDEST_SHOWN = 10


@dataclass(frozen=True)
class Report:
    today: dt.date
    records_by_kind: dict[str, int]
    qualifications: dict[str, dict[str, int]]  # country -> type -> count
    decisions: dict[str, int]  # relation -> count
    decisions_by_direction: dict[str, dict[str, int]]  # "FI->SE" -> relation -> count
    partial_with_gaps: int
    partial_without_gaps: int
    gaps: int
    gaps_only_ask: int
    regulation: dict[str, dict[str, int]]  # country -> {"regulated", "not_regulated", forms…}
    qualifications_with_regulation: int
    qualifications_without_regulation: int
    sources_by_kind: dict[str, int]
    decisions_resting_only_on_other: int
    oldest_checks: list[dict[str, str]]
    out_of_date: list[str]
    not_rechecked: list[str]
    ended: list[str]
    demand: dict[str, dict[str, int]] = field(default_factory=dict)  # country -> level -> count
    demand_outdated: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "records_by_kind": self.records_by_kind,
            "qualifications_by_country_and_type": self.qualifications,
            "decisions": self.decisions,
            "decisions_by_direction": self.decisions_by_direction,
            "gaps": {"partial_with_gaps": self.partial_with_gaps,
                     "partial_without_gaps": self.partial_without_gaps,
                     "gaps": self.gaps, "gaps_only_ask": self.gaps_only_ask},
            "regulation": {"by_country": self.regulation,
                           "qualifications_with_regulation": self.qualifications_with_regulation,
                           "qualifications_without_regulation": self.qualifications_without_regulation},
            "sources_by_kind": self.sources_by_kind,
            "decisions_resting_only_on_other": self.decisions_resting_only_on_other,
            "oldest_checks": self.oldest_checks,
            "out_of_date": self.out_of_date,
            "not_rechecked": self.not_rechecked,
            "ended": self.ended,
            "demand": {"by_country": self.demand, "outdated": self.demand_outdated},
        }


def make_report(catalog: Catalog, today: dt.date | None = None) -> Report:
    today = today or dt.date.today()
    records = catalog.records()
    kinds = Counter(KINDS[type(record)] for record in records)
    qualifications: dict[str, Counter] = {}
    for record in catalog.work():
        qualifications.setdefault(record.country, Counter())[getattr(record, "type", "occupation")] += 1
    decisions: Counter = Counter()
    by_direction: dict[str, Counter] = {}
    partial_with = partial_without = gaps = only_ask = weak_decisions = 0
    for record in catalog.work():
        other = "SE" if record.country == "FI" else "FI"
        for decision in record.counterparts:
            decisions[decision.relation] += 1
            by_direction.setdefault(f"{record.country}->{other}", Counter())[decision.relation] += 1
            if decision.relation == "partial":
                if decision.gaps:
                    partial_with += 1
                else:
                    partial_without += 1
            gaps += len(decision.gaps)
            only_ask += sum(1 for gap in decision.gaps if not gap.routes)
            if all(catalog.publishers.kind_of(source) == "other" for source in decision.sources):
                weak_decisions += 1
    regulation: dict[str, Counter] = {}
    linked: set[str] = set()
    for rule in catalog.regulations:
        counts = regulation.setdefault(rule.country, Counter())
        counts["regulated" if rule.regulated else "not_regulated"] += 1
        if rule.form:
            counts[rule.form] += 1
        linked.update(rule.applies_to)
    work_ids = {record.id for record in catalog.work()}
    sources: Counter = Counter({kind: 0 for kind in SOURCE_KINDS})
    for any_record in records:
        for source in _all_sources(any_record.model_dump()):
            kind = source["kind"] if isinstance(source, dict) else catalog.publishers.kind_of(source)
            sources[kind] += 1
    oldest = sorted(records, key=lambda record: (record.verified, record.id))[:OLDEST_SHOWN]
    ended = sorted(
        [record.id for record in catalog.regulations if record.valid_to and record.valid_to < today]
        + [record.id for record in catalog.rules if record.valid_to and record.valid_to < today]
        + [course.id for course in catalog.courses if course.ends and course.ends < today]
        + [route.id for route in catalog.routes if route.ends and route.ends < today])
    demand: dict[str, Counter] = {}
    for figure in catalog.demand:
        demand.setdefault(figure.country, Counter())[figure.level] += 1
    return Report(
        today=today,
        records_by_kind=dict(sorted(kinds.items())),
        qualifications={country: dict(sorted(counts.items()))
                        for country, counts in sorted(qualifications.items())},
        decisions={relation: decisions.get(relation, 0)
                   for relation in ("equivalent", "partial", "none", "undecided")},
        decisions_by_direction={key: dict(sorted(value.items()))
                                for key, value in sorted(by_direction.items())},
        partial_with_gaps=partial_with, partial_without_gaps=partial_without, gaps=gaps,
        gaps_only_ask=only_ask,
        regulation={country: dict(sorted(counts.items())) for country, counts in sorted(regulation.items())},
        qualifications_with_regulation=len(work_ids & linked),
        qualifications_without_regulation=len(work_ids - linked),
        sources_by_kind=dict(sources),
        decisions_resting_only_on_other=weak_decisions,
        oldest_checks=[{"id": record.id, "verified": record.verified.isoformat(),
                        "verification": record.verification} for record in oldest],
        out_of_date=sorted(record.id for record in records
                           if (today - record.verified).days > STALE_AFTER_DAYS),
        not_rechecked=sorted(record.id for record in records
                             if record.verification == "written"),
        ended=ended,
        demand={country: dict(sorted(counts.items())) for country, counts in sorted(demand.items())},
        demand_outdated=sum(1 for figure in catalog.demand if figure.period_end < today),
    )


def _all_sources(value: Any):
    """Every source reference in a dumped record, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                yield from item
            else:
                yield from _all_sources(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_sources(item)

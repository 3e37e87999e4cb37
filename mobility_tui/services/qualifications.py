"""Qualifications and occupations: search, list, and the detail with counterparts, regulation,
gaps, routes and demand. Every answer reads one snapshot of one build generation."""

from __future__ import annotations

import builtins
import threading
from typing import Any

from mobility_tui.i18n import _
from mobility_tui.search import SearchIndex
from mobility_tui.services.errors import NotFound, quote_input
from mobility_tui.services.results import (
    Authority,
    Checked,
    CounterpartView,
    DemandView,
    Detail,
    GapView,
    NextStep,
    RegulationView,
    RouteRef,
    SearchAnswer,
    SearchHit,
    Source,
    Summary,
)
from mobility_tui.storage.reader import Reader, Snapshot

SEARCHABLE = ("qualification", "occupation")


class QualificationService:
    """Reads one database; the stored search index is loaded once per build generation."""

    def __init__(self, reader: Reader):
        self.reader = reader
        self._index: tuple[str, SearchIndex] | None = None
        self._lock = threading.Lock()
        self._next_steps: tuple[str, dict[str | None, list[NextStep]]] | None = None
        self.generation: str | None = None

    # --- the index ---------------------------------------------------------------------
    def index_for(self, snapshot: Snapshot) -> SearchIndex:
        with self._lock:
            if self._index is None or self._index[0] != snapshot.generation:
                self._index = (snapshot.generation, SearchIndex(snapshot.index_parts()))
            self.generation = snapshot.generation
            return self._index[1]

    # --- answers -----------------------------------------------------------------------
    def search(self, query: str, country: str | None = None, limit: int = 10) -> SearchAnswer:
        def work(snapshot: Snapshot) -> SearchAnswer:
            matches = self.index_for(snapshot).search(query, country=country, limit=limit)
            rows = snapshot.records((match.record_id for match in matches), with_body=False)
            hits = [SearchHit(Summary.of(rows[match.record_id].summary), match.score, match.label,
                              match.confidence) for match in matches if match.record_id in rows]
            answer = SearchAnswer(query, hits, [])
            if answer.answered:
                return answer
            return SearchAnswer(query, hits, self._steps(snapshot, country))

        return self.reader.answer(work)

    def _steps(self, snapshot: Snapshot, country: str | None) -> list[NextStep]:
        """The next steps, read once per generation (a batch asks for them again and again)."""
        with self._lock:
            if self._next_steps is None or self._next_steps[0] != snapshot.generation:
                self._next_steps = (snapshot.generation, {})
            cached = self._next_steps[1]
        if country not in cached:
            cached[country] = next_steps(snapshot, country)
        return cached[country]

    def list(self, country: str | None = None) -> list[Summary]:
        def work(snapshot: Snapshot) -> list[Summary]:
            self.generation = snapshot.generation
            rows = [row for kind in SEARCHABLE
                    for row in snapshot.by_kind(kind, with_body=False, country=country)]
            return [Summary.of(row.summary) for row in rows]

        items = self.reader.answer(work)
        return sorted(items, key=_list_order)

    def browse(self, country: str | None = None, limit: int = 300) -> builtins.list[Summary]:
        """The first records of the catalogue (by id: country, kind, name), for an empty search
        box: reads only `limit` records, however large the catalogue."""
        def work(snapshot: Snapshot) -> list[Summary]:
            self.generation = snapshot.generation
            rows = [row for kind in SEARCHABLE
                    for row in snapshot.by_kind(kind, with_body=False, country=country, limit=limit)]
            return [Summary.of(row.summary) for row in rows[:limit]]

        return self.reader.answer(work)

    def load_index(self) -> None:
        """Load the stored search index now (the TUI does it off the UI thread at start)."""
        self.reader.answer(self.index_for)

    def get(self, record_id: str) -> Detail:
        return self.reader.answer(lambda snapshot: self._detail(snapshot, record_id))

    def _detail(self, snapshot: Snapshot, record_id: str) -> Detail:
        self.generation = snapshot.generation
        row = snapshot.record(record_id)
        if row is None or row.kind not in SEARCHABLE:
            raise NotFound(_("No qualification or occupation has the id {id}.").format(
                id=quote_input(record_id)))
        body, summary = row.body, Summary.of(row.summary)
        decisions = _decisions(snapshot, record_id, body)
        others = [other for _holder, decision, other, _direction in decisions if other]
        related = [record_id, *others]
        regulation_ids = [source for source, _target in snapshot.links_to(related, "regulation")]
        demand_ids = [source for source, _target in snapshot.links_to(related, "demand")]
        programme_children = [source for source, _target in snapshot.links_to([record_id], "programme")]
        route_ids = [route for _h, decision, _o, _d in decisions
                     for gap in decision.get("gaps", []) for route in gap.get("routes", [])]
        summary_ids = [*others, *programme_children]
        if body.get("programme"):
            summary_ids.append(body["programme"])
        summaries = {key: Summary.of(value.summary) for key, value in
                     snapshot.records(summary_ids, with_body=False).items()}
        rows = snapshot.records([*regulation_ids, *demand_ids, *route_ids])
        bodies = {key: value.body for key, value in rows.items()}
        routes = {route_id: _route(rows[route_id].kind, bodies[route_id])
                  for route_id in route_ids if route_id in rows}
        counterparts = [_counterpart(holder, decision, summaries.get(other) if other else None,
                                     direction, routes)
                        for holder, decision, other, direction in decisions]
        regulations = [RegulationView.of(bodies[key]) for key in dict.fromkeys(regulation_ids)
                       if key in bodies]
        direct = {source for source, _t in snapshot.links_to([record_id], "regulation")}
        demand = sorted((DemandView.of(bodies[key]) for key in dict.fromkeys(demand_ids)
                         if key in bodies),
                        key=lambda item: (item.country != summary.other_country, item.region,
                                          item.id))
        return Detail(
            summary=summary, description=body.get("description"), note=body.get("note"),
            specialisations=list(body.get("specialisations") or []),
            aliases=dict(body.get("aliases") or {}), scope=body.get("scope"),
            programme=summaries.get(body.get("programme") or ""),
            yrkesutgangar=sorted((summaries[key] for key in programme_children if key in summaries),
                                 key=lambda item: item.id),
            counterparts=counterparts,
            regulation=sorted((item for item in regulations if item.country != summary.country),
                              key=lambda item: (not item.regulated, item.id)),
            home_regulation=sorted((item for item in regulations
                                    if item.country == summary.country and item.id in direct),
                                   key=lambda item: item.id),
            demand=demand, sources=Source.many(body.get("sources")),
            checked=Checked(summary.checked.verified if summary.checked else _today(),
                            body.get("verification", "checked")))


def _today():
    import datetime as dt

    return dt.date.today()


def _list_order(item: Summary) -> tuple:
    basic = item.type in ("perustutkinto", "gymnasieprogram")
    return (item.country, item.kind != "qualification", not basic, item.type,
            (item.name.get("fi") or item.name.get("sv") or "").casefold(), item.id)


def _decisions(snapshot: Snapshot, record_id: str, body: dict[str, Any]):
    """(holder id, decision, other record id, (from, to)) for the record shown: its own
    decisions, or, when it holds none, the other country's decisions that point to it."""
    own = body.get("counterparts") or []
    country = body["country"]
    other_country = "SE" if country == "FI" else "FI"
    if own:
        return [(record_id, decision, decision.get("target"), (country, other_country))
                for decision in own]
    holders = [source for source, _target in snapshot.links_to([record_id], "counterpart")]
    found = []
    for holder_id, holder in snapshot.records(holders).items():
        for decision in holder.body.get("counterparts") or []:
            if decision.get("target") == record_id:
                found.append((holder_id, decision, holder_id, (holder.country, country)))
    return found


def _counterpart(holder: str, decision: dict[str, Any], other: Summary | None,
                 direction: tuple[str, str], routes: dict[str, RouteRef]) -> CounterpartView:
    gaps = [GapView(gap["text"], gap["area"], gap.get("employer"),
                    [routes[route] for route in gap.get("routes", []) if route in routes],
                    Authority.of(gap.get("ask")), Source.many(gap.get("sources")))
            for gap in decision.get("gaps", [])]
    return CounterpartView(other, decision["relation"], decision["rationale"], decision.get("track"),
                           Authority.of(decision.get("ask")), decision.get("day_one"), gaps,
                           Source.many(decision.get("sources")), holder, direction)


def _route(record_kind: str, body: dict[str, Any]) -> RouteRef:
    """A route record, a course, or a qualification used as a route, as one shape."""
    import datetime as dt

    ends = body.get("ends")
    if record_kind == "route":
        provider = body["provider"]
        return RouteRef(body["kind"], body["id"], body["name"], body["url"], provider["name"],
                        body.get("location"),
                        body.get("mode"), body.get("length"), body.get("cost"),
                        dt.date.fromisoformat(ends) if ends else None)
    if record_kind == "course":
        return RouteRef("course", body["id"], body["name"], body["url"], body["provider"],
                        body.get("location"), body.get("mode"), None, body.get("cost"),
                        dt.date.fromisoformat(ends) if ends else None)
    sources = body.get("sources") or [{"url": ""}]
    return RouteRef("course", body["id"], body["name"], sources[0]["url"])


def next_steps(snapshot: Snapshot, country: str | None) -> list[NextStep]:
    """Where to go next when nothing is close: for a diploma of `country` (if given), the
    steps for working in the other country and the border advice."""
    import datetime as dt

    wanted = None if country is None else ("SE" if country == "FI" else "FI")
    steps = []
    for row in snapshot.by_kind("next-step"):
        body = row.body
        if wanted is not None and wanted not in body["countries"]:
            continue
        steps.append((body["order"], body["id"], NextStep(
            body["id"], body["name"], Authority.of(body["authority"]), body["why"],  # type: ignore[arg-type]
            list(body["countries"]), body.get("when", "any"), Source.many(body.get("sources")),
            Checked(dt.date.fromisoformat(body["verified"]), body.get("verification", "checked")))))
    return [step for _order, _id, step in sorted(steps, key=lambda item: item[:2])]

"""Qualifications: search, list, and the detail with counterparts and regulation."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, select

from mobility_tui.i18n import _
from mobility_tui.models import Counterpart, Qualification, Regulation, RegulationLink
from mobility_tui.search import Label, SearchIndex
from mobility_tui.services.errors import NotFound, quote_input
from mobility_tui.services.results import (
    CounterpartView,
    QualificationDetail,
    QualificationSummary,
    RegulationView,
    SearchHit,
)


def summarize(row: Qualification) -> QualificationSummary:
    return QualificationSummary(
        id=row.id, country=row.country, type=row.type, code=row.code, eqf_level=row.eqf_level,
        national_level=row.national_level, name=dict(row.name), titles=dict(row.titles),
        programme=row.programme_id)


def _labels(rows: Iterable[Qualification]) -> Iterable[Label]:
    for row in rows:
        for kind, texts in (("name", {k: [v] for k, v in row.name.items()}),
                            ("title", row.titles), ("alias", row.aliases)):
            for values in texts.values():
                for value in values:
                    yield Label(row.id, row.country, value, kind)
        if row.code:
            yield Label(row.id, row.country, row.code, "code")


class QualificationService:
    """Reads qualifications from one database; the search index is built once, on first use."""

    def __init__(self, engine):
        self._engine = engine
        self._summaries: dict[str, QualificationSummary] | None = None
        self._index: SearchIndex | None = None

    def _load(self) -> tuple[dict[str, QualificationSummary], SearchIndex]:
        if self._summaries is None or self._index is None:
            with Session(self._engine) as session:
                rows = list(session.exec(select(Qualification)))
            self._summaries = {row.id: summarize(row) for row in rows}
            self._index = SearchIndex(_labels(rows))
        return self._summaries, self._index

    def search(self, query: str, country: str | None = None, limit: int = 10) -> list[SearchHit]:
        summaries, index = self._load()
        return [SearchHit(summaries[match.record_id], match.score, match.label)
                for match in index.search(query, country=country, limit=limit)]

    def list(self, country: str | None = None) -> list[QualificationSummary]:
        summaries, _index = self._load()
        chosen = [item for item in summaries.values() if country in (None, item.country)]
        return sorted(chosen, key=lambda item: (item.country, item.type != "perustutkinto"
                                                and item.type != "gymnasieprogram",
                                                item.name.get("fi") or item.name.get("sv") or ""))

    def get(self, qualification_id: str) -> QualificationDetail:
        with Session(self._engine) as session:
            row = session.get(Qualification, qualification_id)
            if row is None:
                raise NotFound(_("No qualification has the id {id}.").format(
                    id=quote_input(qualification_id)))
            summaries, _index = self._load()  # loaded once per service, like the index
            if row.id not in summaries:  # the database was rebuilt since: load it afresh
                self._summaries = None
                summaries, _index = self._load()
            counterparts = self._counterparts(session, row, summaries)
            regulated_ids = [row.id] + [view.qualification.id for view in counterparts
                                        if view.qualification is not None]
            yrkesutgangar = sorted((item for item in summaries.values()
                                    if item.programme == row.id), key=lambda item: item.id)
            return QualificationDetail(
                summary=summaries[row.id], description=row.description, note=row.note,
                specialisations=list(row.specialisations), aliases=dict(row.aliases),
                programme=summaries.get(row.programme_id) if row.programme_id else None,
                counterparts=counterparts,
                regulation=self._regulation(session, regulated_ids, row.country),
                sources=list(row.sources), verified=row.verified, yrkesutgangar=yrkesutgangar)

    @staticmethod
    def _counterparts(session: Session, row: Qualification,
                      summaries: dict[str, QualificationSummary]) -> list[CounterpartView]:
        # A Finnish record holds its decisions; a Swedish one shows the decisions that point to it.
        if row.country == "FI":
            decisions = session.exec(select(Counterpart).where(
                Counterpart.qualification_id == row.id).order_by(Counterpart.position))
            return [CounterpartView(summaries.get(item.target_id) if item.target_id else None,
                                    item.relation, item.rationale, item.track, item.sources, row.id)
                    for item in decisions]
        decisions = session.exec(select(Counterpart).where(
            Counterpart.target_id == row.id).order_by(Counterpart.qualification_id,
                                                      Counterpart.position))
        return [CounterpartView(summaries[item.qualification_id], item.relation, item.rationale,
                                item.track, item.sources, item.qualification_id)
                for item in decisions]

    @staticmethod
    def _regulation(session: Session, qualification_ids: list[str],
                    home_country: str) -> list[RegulationView]:
        links = session.exec(select(RegulationLink).where(
            RegulationLink.qualification_id.in_(qualification_ids)))  # type: ignore[attr-defined]
        regulation_ids = list(dict.fromkeys(link.regulation_id for link in links))
        if not regulation_ids:
            return []
        rows = session.exec(select(Regulation).where(
            Regulation.id.in_(regulation_ids)))  # type: ignore[attr-defined]
        views = [RegulationView(
            id=item.id, country=item.country, occupation=item.occupation, regulated=item.regulated,
            authority_name=item.authority_name, authority_url=item.authority_url,
            steps=list(item.steps), valid_from=item.valid_from, fee=item.fee,
            processing_time=item.processing_time, swedish_level=item.swedish_level,
            language_requirement=item.language_requirement, notes=item.notes,
            sources=list(item.sources), verified=item.verified) for item in rows]
        # The other country's rules first: that is where the person is going.
        return sorted(views, key=lambda view: (view.country == home_country, view.id))

"""Practical steps for moving or commuting across the border, in order."""

from __future__ import annotations

from sqlmodel import Session, select

from mobility_tui.models import GuideStep
from mobility_tui.services.results import GuideStepView


class GuideService:
    def __init__(self, engine):
        self._engine = engine

    def steps(self, scenario: str | None = None) -> list[GuideStepView]:
        with Session(self._engine) as session:
            rows = list(session.exec(select(GuideStep)))
        chosen = [row for row in rows if scenario is None or scenario in row.scenarios]
        return [GuideStepView(
            id=row.id, order=row.order, scenarios=list(row.scenarios), title=dict(row.title),
            body=dict(row.body), authority_name=row.authority_name,
            authority_url=row.authority_url, sources=list(row.sources), verified=row.verified)
            for row in sorted(chosen, key=lambda row: (row.order, row.id))]

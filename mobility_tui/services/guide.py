"""Practical steps for moving or commuting across the border, in order."""

from __future__ import annotations

from mobility_tui.services.results import GuideStepView
from mobility_tui.storage.reader import Reader


class GuideService:
    def __init__(self, reader: Reader):
        self.reader = reader

    def steps(self, scenario: str | None = None) -> list[GuideStepView]:
        steps = self.reader.answer(
            lambda snapshot: [GuideStepView.of(row.body) for row in snapshot.by_kind("guide")])
        chosen = [step for step in steps if scenario is None or scenario in step.scenarios]
        return sorted(chosen, key=lambda step: (step.order, step.id))

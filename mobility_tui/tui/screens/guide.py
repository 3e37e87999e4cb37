"""Practical steps for a scenario: move or commute, to Sweden or to Finland."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Select

from mobility_tui.i18n import N_
from mobility_tui.presentation import words
from mobility_tui.presentation.listing import guide_page
from mobility_tui.tui.bindings import Key, localized
from mobility_tui.tui.screens.base import BaseScreen
from mobility_tui.tui.widgets.page_view import PageView
from mobility_tui.vocabulary import SCENARIOS


class GuideScreen(BaseScreen):
    KEYS = [Key("escape", "app.section('search')", N_("Back"))]

    def __init__(self, scenario: str = "commute-to-se") -> None:
        super().__init__()
        self.scenario = scenario

    def recreate(self) -> GuideScreen:
        return localized(GuideScreen)(self.scenario)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Select([(words.label(words.SCENARIOS, key), key) for key in SCENARIOS],
                     value=self.scenario, allow_blank=False, id="scenario")
        yield PageView(id="guide")
        yield Footer()

    def reload(self) -> None:
        self.load()

    @on(Select.Changed, "#scenario")
    def _scenario_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL and event.value != self.scenario:
            self.scenario = str(event.value)
            self.load()

    @work(thread=True, exclusive=True, group="guide", exit_on_error=False)
    def load(self) -> None:
        services = self.services
        if services is None:
            return
        steps = services.guide.steps(self.scenario)
        self.app.call_from_thread(self._show, steps)

    def _show(self, steps: list) -> None:
        self.generation = self.app.generation  # type: ignore[attr-defined]
        self.query_one("#guide", PageView).show(guide_page(steps, self.scenario), with_title=False)

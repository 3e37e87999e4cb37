"""Practical steps for a scenario: move or commute, to Sweden or to Finland."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Select, Static

from mobility_tui import labels
from mobility_tui.i18n import N_, _, format_date, pick_text
from mobility_tui.tui.bindings import Key
from mobility_tui.tui.screens.base import BaseScreen
from mobility_tui.tui.widgets.record_text import clean
from mobility_tui.vocabulary import SCENARIOS


class GuideScreen(BaseScreen):
    KEYS = [Key("escape", "app.pop_screen", N_("Back"))]

    def __init__(self, scenario: str = "commute-to-se") -> None:
        super().__init__()
        self.scenario = scenario
        self.steps: list = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Select([(labels.label(labels.SCENARIOS, key), key) for key in SCENARIOS],
                     value=self.scenario, allow_blank=False, id="scenario")
        with VerticalScroll(id="guide"):
            yield Static(self._steps_text(), id="guide-steps")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def _steps_text(self) -> Text:
        text = Text()
        if not self.steps:
            return text.append(_("No guide steps are recorded for this scenario yet."))
        for number, step in enumerate(self.steps, start=1):
            text.append(f"{number}. {clean(pick_text(step.title))}\n", style="bold")
            text.append(clean(pick_text(step.body)) + "\n")
            text.append("   " + _("Authority: {name} <{url}>").format(
                name=clean(step.authority_name), url=clean(step.authority_url)) + "\n",
                style="cyan")
            text.append("   " + _("Checked on {date}").format(date=format_date(step.verified))
                        + "\n\n", style="dim")
        return text

    @on(Select.Changed, "#scenario")
    def _scenario_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL and event.value != self.scenario:
            self.scenario = str(event.value)
            self.load()

    @work(thread=True, exclusive=True, group="guide", exit_on_error=False)
    def load(self) -> None:
        services = self.app.services  # type: ignore[attr-defined]
        if services is None:
            return
        steps = services.guide.steps(self.scenario)
        self.app.call_from_thread(self._show, steps)

    def _show(self, steps: list) -> None:
        self.steps = steps
        self.query_one("#guide-steps", Static).update(self._steps_text())

"""Two records side by side: the one shown and a counterpart. The column heads stay put while
the rows scroll."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Footer, Header, Static

from mobility_tui.i18n import N_, _, pick_text
from mobility_tui.presentation import words
from mobility_tui.presentation.compare import comparison_rows
from mobility_tui.presentation.records import gap_entry
from mobility_tui.services.results import Detail
from mobility_tui.text import strip_controls
from mobility_tui.tui.bindings import Key, localized
from mobility_tui.tui.screens.base import BaseScreen
from mobility_tui.tui.widgets.page_view import TONES, blocks_text


class CompareScreen(BaseScreen):
    KEYS = [
        Key("escape", "app.pop_screen", N_("Back")),
        Key("n", "next_counterpart", N_("Next counterpart")),
    ]

    def __init__(self, left: Detail, position: int = 0) -> None:
        super().__init__()
        self.left = left
        self.targets = [item for item in left.counterparts if item.other is not None]
        self.target_ids = [item.other.id for item in self.targets if item.other is not None]
        self.position = position
        self.right: Detail | None = None

    def recreate(self) -> CompareScreen:
        return localized(CompareScreen)(self.left, self.position)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Grid(id="compare-head", classes="compare-grid"):
            yield from self._heads()
        with VerticalScroll(id="compare"):
            with Grid(id="compare-grid", classes="compare-grid"):
                yield from self._cells()
        yield Footer()

    def _heads(self) -> ComposeResult:
        yield Static("", classes="compare-label")
        yield Static(Text(strip_controls(pick_text(self.left.summary.name)), style="bold"),
                     classes="compare-head")
        if self.right is None:
            message = _("Loading…") if self.targets else _(
                "This record has no counterpart to compare with.")
            yield Static(message, classes="compare-head", markup=False)
        else:
            yield Static(Text(strip_controls(pick_text(self.right.summary.name)), style="bold"),
                         classes="compare-head")

    def _cells(self) -> ComposeResult:
        if self.right is None:
            return
        decision = self.targets[self.position]
        for name, left_value, right_value in comparison_rows(self.left, self.right):
            yield Static(Text(name, style="bold"), classes="compare-label")
            yield Static(Text(strip_controls(left_value)), classes="compare-cell")
            yield Static(Text(strip_controls(right_value)), classes="compare-cell")
        yield Static(Text(_("Relation"), style="bold"), classes="compare-label")
        relation = Text(words.label(words.RELATIONS, decision.relation),
                        style=TONES[words.RELATION_TONE.get(decision.relation, "")])
        relation.append("\n" + strip_controls(pick_text(decision.rationale)))
        yield Static(relation, classes="compare-wide")
        yield Static(Text(_("Differences to bridge"), style="bold"), classes="compare-label")
        if decision.gaps:
            gaps = blocks_text([gap_entry(gap) for gap in decision.gaps])
        else:
            gaps = Text(_("No gaps are listed for this decision."))
        yield Static(gaps, classes="compare-wide")

    def on_mount(self) -> None:
        self.query_one("#compare").focus()
        if self.target_ids:
            self.load(self.target_ids[self.position])

    def reload(self) -> None:
        if self.target_ids:
            self.load(self.target_ids[self.position])

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def load(self, record_id: str) -> None:
        services = self.services
        if services is None:
            return
        detail = services.qualifications.get(record_id)
        self.app.call_from_thread(self._loaded, detail, services.qualifications.generation)  # type: ignore[arg-type]

    async def _loaded(self, detail: Detail, generation: str | None) -> None:
        self.right, self.generation = detail, generation
        await self.recompose()
        self.query_one("#compare").focus()

    def action_next_counterpart(self) -> None:
        if len(self.targets) > 1:
            self.position = (self.position + 1) % len(self.targets)
            self.load(self.target_ids[self.position])

"""Two qualifications side by side, row by row (a Finnish one and its Swedish counterpart)."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Footer, Header, Static

from mobility_tui import labels
from mobility_tui.i18n import N_, _, pick_list_text, pick_text
from mobility_tui.services.results import QualificationDetail
from mobility_tui.tui.bindings import Key
from mobility_tui.tui.screens.base import BaseScreen
from mobility_tui.tui.widgets import record_text as view


def _regulation_summary(detail: QualificationDetail, country: str) -> str:
    rules = [rule for rule in detail.regulation if rule.country == country]
    if not rules:
        return _("no entry")
    return "; ".join(
        f"{pick_text(rule.occupation)}: "
        f"{_('regulated') if rule.regulated else _('not regulated')} ({rule.authority_name})"
        for rule in rules)


class CompareScreen(BaseScreen):
    KEYS = [
        Key("escape", "app.pop_screen", N_("Back")),
        Key("n", "next_counterpart", N_("Next counterpart")),
        Key("q", "app.quit", N_("Quit"), show=False),
    ]

    def __init__(self, left: QualificationDetail) -> None:
        super().__init__()
        self.left = left
        self.targets = [item for item in left.counterparts if item.qualification is not None]
        self.position = 0
        self.right: QualificationDetail | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="compare"):
            with Grid(id="compare-grid"):
                yield from self._cells()
        yield Footer()

    def _cells(self) -> ComposeResult:
        left, right = self.left, self.right
        yield Static("", classes="compare-label")
        yield Static(Text(view.clean(pick_text(left.summary.name)), style="bold"),
                     classes="compare-head")
        if right is None:
            message = _("Loading…") if self.targets else _(
                "This qualification has no counterpart to compare with.")
            yield Static(message, classes="compare-head", markup=False)
            return
        yield Static(Text(view.clean(pick_text(right.summary.name)), style="bold"),
                     classes="compare-head")
        decision = self.targets[self.position]
        other_country = right.summary.country
        rows = [
            (_("Country"), labels.label(labels.COUNTRIES, left.summary.country),
             labels.label(labels.COUNTRIES, right.summary.country)),
            (_("Type"), labels.label(labels.TYPES, left.summary.type),
             labels.label(labels.TYPES, right.summary.type)),
            (_("Level"), view.level_text(left.summary), view.level_text(right.summary)),
            (_("Occupational titles"), pick_list_text(left.summary.titles),
             pick_list_text(right.summary.titles)),
            (_("Trained to do"), pick_text(left.description) if left.description else "—",
             pick_text(right.description) if right.description else "—"),
            (_("Regulation in {country}").format(
                country=labels.label(labels.COUNTRIES, other_country)),
             _regulation_summary(left, other_country), _regulation_summary(right, other_country)),
        ]
        for name, left_value, right_value in rows:
            yield Static(Text(name, style="bold"), classes="compare-label")
            yield Static(Text(view.clean(left_value)), classes="compare-cell")
            yield Static(Text(view.clean(right_value)), classes="compare-cell")
        yield Static(Text(_("Relation"), style="bold"), classes="compare-label")
        yield Static(Text(labels.label(labels.RELATIONS, decision.relation),
                          style=view.RELATION_STYLE[decision.relation]), classes="compare-wide")
        yield Static(Text(_("Differences to bridge"), style="bold"), classes="compare-label")
        yield Static(Text(view.clean(pick_text(decision.rationale))), classes="compare-wide")

    def on_mount(self) -> None:
        self.after_recompose()
        if self.targets:
            self.load(self.targets[self.position].qualification.id)

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def load(self, qualification_id: str) -> None:
        detail = self.app.services.qualifications.get(qualification_id)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._loaded, detail)

    async def _loaded(self, detail: QualificationDetail) -> None:
        self.right = detail
        self.sub_title = f"{self.left.summary.id} ⇄ {detail.summary.id}"
        await self.recompose()
        self.after_recompose()

    def after_recompose(self) -> None:
        self.query_one("#compare").focus()

    def action_next_counterpart(self) -> None:
        if len(self.targets) > 1:
            self.position = (self.position + 1) % len(self.targets)
            self.load(self.targets[self.position].qualification.id)

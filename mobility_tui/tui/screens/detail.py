"""One qualification: names, level, titles, what the holder can do, counterparts, regulation."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from mobility_tui.i18n import N_, _, pick_text
from mobility_tui.tui.bindings import Key
from mobility_tui.tui.screens.base import BaseScreen
from mobility_tui.tui.widgets import record_text as view


class DetailScreen(BaseScreen):
    KEYS = [
        Key("escape", "app.pop_screen", N_("Back")),
        Key("c", "compare", N_("Compare")),
        Key("p", "plan", N_("Plan")),
        Key("q", "app.quit", N_("Quit"), show=False),
    ]

    def __init__(self, qualification_id: str) -> None:
        super().__init__()
        self.qualification_id = qualification_id
        self.detail = None
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="detail"):
            yield from self._sections()
        yield Footer()

    def _sections(self) -> ComposeResult:
        detail = self.detail
        if detail is None:
            yield Static(self.error or _("Loading…"), id="detail-status", markup=False)
            return
        yield Static(Text(view.clean(pick_text(detail.summary.name)), style="bold reverse"),
                     id="detail-title")
        yield Static(view.facts(detail), id="detail-facts")
        if detail.note:
            yield Static(Text(view.clean(pick_text(detail.note)), style="italic"))
        # What the person came for first: the counterpart and what stands in the way.
        yield Static(view.heading(_("Counterparts in the other country")), classes="heading")
        yield Static(view.counterpart_text(detail), id="detail-counterparts", classes="section")
        yield Static(view.heading(_("Regulation")), classes="heading")
        yield Static(view.regulation_text(detail.regulation), id="detail-regulation",
                     classes="section")
        if detail.description:
            yield Static(view.heading(_("What the holder is trained to do")), classes="heading")
            yield Static(Text(view.clean(pick_text(detail.description))), classes="section")
        if detail.specialisations:
            yield Static(view.heading(_("Competence areas")), classes="heading")
            yield Static(Text("\n".join("• " + view.clean(pick_text(item))
                                        for item in detail.specialisations)), classes="section")
        yield Static(view.heading(_("Sources")), classes="heading")
        yield Static(view.sources_text(detail.sources, detail.verified), classes="section")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load(self) -> None:
        from mobility_tui.services.errors import NotFound

        services = self.app.services  # type: ignore[attr-defined]
        try:
            detail = services.qualifications.get(self.qualification_id)
        except NotFound as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._loaded, detail)

    async def _loaded(self, detail) -> None:
        self.detail = detail
        self.sub_title = detail.summary.id
        await self.recompose()
        self.after_recompose()

    async def _failed(self, reason: str) -> None:
        self.error = reason
        await self.recompose()

    def after_recompose(self) -> None:
        # Focus the text, so the keys scroll it (and the footer shows its keys).
        self.query_one("#detail").focus()

    def action_compare(self) -> None:
        from mobility_tui.tui.screens.compare import CompareScreen

        if self.detail is not None:
            self.app.push_screen(CompareScreen(self.detail))

    def action_plan(self) -> None:
        from mobility_tui.tui.screens.plan import PlanScreen

        if self.detail is not None:
            self.app.push_screen(PlanScreen(self.detail.summary), self._plan_saved)

    def _plan_saved(self, path) -> None:
        if path is not None:
            self.notify(_("Plan saved to {path}").format(path=path), timeout=10)

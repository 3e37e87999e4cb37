"""One qualification or occupation: counterparts with gaps and routes first, then licences,
the employer's view, demand, what the holder can do, and the sources."""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.widgets import Footer, Header, Static

from mobility_tui.i18n import N_, _
from mobility_tui.presentation.blocks import Page
from mobility_tui.tui.bindings import Key, localized
from mobility_tui.tui.screens.base import BaseScreen
from mobility_tui.tui.widgets.page_view import PageView


class DetailScreen(BaseScreen):
    KEYS = [
        Key("escape", "app.pop_screen", N_("Back")),
        Key("c", "compare", N_("Compare")),
        Key("p", "plan", N_("Plan")),
        Key("e", "employer", N_("Employer view")),
        Key("s", "save", N_("Save page")),
    ]

    def __init__(self, record_id: str, employer_view: bool = False) -> None:
        super().__init__()
        self.record_id = record_id
        self.employer_view = employer_view
        self.detail = None
        self.page: Page | None = None  # what is on screen, for saving

    def recreate(self) -> DetailScreen:
        return localized(DetailScreen)(self.record_id, self.employer_view)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Loading…"), id="detail-status", markup=False)
        yield PageView(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail", PageView).focus()

    def reload(self) -> None:
        self.load()

    def show_status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#detail-status", Static)
        status.update(text)
        status.display = True

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Compare"), _("This record and its counterpart side by side"),
                            self.action_compare)
        yield SystemCommand(_("Plan"), _("Compose an advising plan for a client"), self.action_plan)
        yield SystemCommand(_("Employer view"), _("What the holder can do, and what needs a course "
                                                  "or licence first"), self.action_employer)
        yield SystemCommand(_("Save page"), _("This page as Markdown, HTML or PDF"), self.action_save)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load(self) -> None:
        services = self.services
        if services is None:
            return
        detail = services.qualifications.get(self.record_id)
        self.app.call_from_thread(self._loaded, detail, services.qualifications.generation)

    def _loaded(self, detail, generation: str | None) -> None:
        from mobility_tui.presentation.employer import employer_page
        from mobility_tui.presentation.records import detail_with_checked

        self.detail, self.generation = detail, generation
        self.sub_title = detail.summary.name.get("fi") or detail.summary.name.get("sv") or ""
        page = employer_page(detail) if self.employer_view else detail_with_checked(detail)
        self.page = page
        self.query_one("#detail", PageView).show(page)
        self.query_one("#detail-status", Static).update("")
        self.query_one("#detail-status", Static).display = False

    def action_compare(self) -> None:
        from mobility_tui.tui.screens.compare import CompareScreen

        if self.detail is not None:
            self.app.push_screen(localized(CompareScreen)(self.detail))

    def action_plan(self) -> None:
        from mobility_tui.tui.screens.plan import PlanScreen

        if self.detail is not None:
            self.app.push_screen(localized(PlanScreen)(self.detail.summary.id))

    def action_employer(self) -> None:
        self.employer_view = not self.employer_view
        if self.detail is not None:
            self._loaded(self.detail, self.generation)

    def action_save(self) -> None:
        from mobility_tui.tui.screens.save import SaveScreen

        if self.page is not None:
            stem = f"{self.record_id}-employer" if self.employer_view else self.record_id
            self.app.push_screen(localized(SaveScreen)(self.page, stem))

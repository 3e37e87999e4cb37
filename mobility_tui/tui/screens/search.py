"""The home screen: search as you type, filter by country, open a result."""

from __future__ import annotations

import time

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from mobility_tui.i18n import N_, _, ngettext, pick, pick_list_text, pick_text
from mobility_tui.text import strip_controls
from mobility_tui.tui.bindings import Key
from mobility_tui.tui.screens.base import BaseScreen

# Wait this long after a key press before searching: typing stays smooth.
DEBOUNCE_SECONDS = 0.03
MAX_RESULTS = 30
# An empty query browses the catalogue; a national one is too long to put in a table at once.
MAX_BROWSE = 300
COUNTRY_CYCLE = (None, "FI", "SE")


class SearchScreen(BaseScreen):
    KEYS = [
        Key("f3", "cycle_country", N_("Country")),
        Key("down", "focus_results", N_("Results"), show=False),
        Key("escape", "clear", N_("Clear"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self.country: str | None = None
        self.rows: list = []  # what the table shows: SearchHit or QualificationSummary
        self.shown_query: str | None = None  # the query `rows` answer
        self.status = _("Opening the database…")

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="search-bar"):
            yield Input(value=self.query_text, id="query", placeholder=_(
                "Type a qualification or job title, e.g. lähihoitaja"))
            yield Static(self._country_label(), id="country")
        yield Static(self.status, id="status", markup=False)
        yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self._setup_table()
        self.query_one("#query", Input).focus()
        if self.app.services is not None:  # type: ignore[attr-defined]
            self.catalog_ready()

    def after_recompose(self) -> None:
        self._setup_table()
        self._fill_table(self.rows)
        self.query_one("#query", Input).focus()

    def _setup_table(self) -> None:
        # Name and titles share what the fixed columns, cell padding and scrollbar leave over,
        # so nothing is cut off at 80 columns and wide terminals show more of each name.
        free = max(30, self.app.size.width - 26)
        table = self.query_one("#results", DataTable)
        table.clear(columns=True)
        table.add_column("", key="country", width=2)
        table.add_column(_("Name"), key="name", width=free * 2 // 3)
        table.add_column(_("Occupational titles"), key="titles", width=free - free * 2 // 3)
        table.add_column("EQF", key="eqf", width=3)
        table.add_column(_("Score"), key="score", width=5)

    def on_resize(self) -> None:
        self._setup_table()
        self._fill_table(self.rows)

    def _country_label(self) -> str:
        names = {None: _("All countries"), "FI": _("Finland"), "SE": _("Sweden")}
        return f"F3 {names[self.country]}"

    # Status and data arrive from the app.
    def show_status(self, text: str) -> None:
        self.status = strip_controls(text)
        self.query_one("#status", Static).update(self.status)

    def catalog_ready(self) -> None:
        self.run_search(self.query_text, self.country, debounce=False)

    # Events
    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.run_search(self.query_text, self.country)

    @on(Input.Submitted, "#query")
    def _query_submitted(self) -> None:
        table = self.query_one("#results", DataTable)
        if table.row_count:
            self._open_row(table.cursor_row)

    @on(DataTable.RowSelected, "#results")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._open_row(event.cursor_row)

    def _open_row(self, index: int) -> None:
        from mobility_tui.tui.screens.detail import DetailScreen

        if 0 <= index < len(self.rows):
            row = self.rows[index]
            summary = getattr(row, "qualification", row)
            self.app.push_screen(DetailScreen(summary.id))

    def action_focus_results(self) -> None:
        table = self.query_one("#results", DataTable)
        if table.row_count:
            table.focus()

    def action_clear(self) -> None:
        search_box = self.query_one("#query", Input)
        search_box.value = ""
        search_box.focus()

    def action_cycle_country(self) -> None:
        self.country = COUNTRY_CYCLE[(COUNTRY_CYCLE.index(self.country) + 1) % len(COUNTRY_CYCLE)]
        self.query_one("#country", Static).update(self._country_label())
        self.run_search(self.query_text, self.country, debounce=False)

    # The search itself runs off the UI thread; a newer key press cancels an older search.
    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str, country: str | None, debounce: bool = True) -> None:
        services = self.app.services  # type: ignore[attr-defined]
        if services is None:
            return
        if debounce:
            time.sleep(DEBOUNCE_SECONDS)
        if get_current_worker().is_cancelled:
            return
        if query.strip():
            rows: list = services.qualifications.search(query, country, MAX_RESULTS)
        else:
            rows = sorted(services.qualifications.list(country),
                          key=lambda item: (item.country, pick(item.name).text.casefold()))[:MAX_BROWSE]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_rows, query, rows)

    def _show_rows(self, query: str, rows: list) -> None:
        if query != self.query_text:
            return  # an answer to an older query
        self.rows = rows
        self.shown_query = query
        self._fill_table(rows)
        if not query.strip():
            self.show_status(_("Type what the diploma says, in Finnish, Swedish or English. "
                               "Below: every qualification (↓ to browse, Enter to open)."))
        elif rows:
            self.show_status(ngettext("{count} match for “{query}”", "{count} matches for “{query}”",
                                      len(rows)).format(count=len(rows), query=query[:40]))
        else:
            self.show_status(_("No match for “{query}”. Try a shorter word, an occupational "
                               "title (e.g. lähihoitaja) or the name in another language.")
                             .format(query=query[:40]))

    def _fill_table(self, rows: list) -> None:
        table = self.query_one("#results", DataTable)
        table.clear()
        for row in rows:
            summary = getattr(row, "qualification", row)
            score = getattr(row, "score", None)
            # Text(), not str: DataTable would read brackets in data as markup.
            table.add_row(summary.country, Text(strip_controls(pick_text(summary.name))),
                          Text(strip_controls(pick_list_text(summary.titles))), str(summary.eqf_level),
                          f"{score:.0f}" if score is not None else "", key=summary.id)

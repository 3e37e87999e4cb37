"""The home screen: search as you type, filter by country, open a result.

A result is an answer only when it is an exact or close match; otherwise the screen says there
is no close match, shows the nearest entries apart (dimmed, labelled "nearest") and where to
turn next. No score is shown.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from mobility_tui.i18n import N_, _, pick
from mobility_tui.presentation.records import next_step_blocks, search_row, search_summary
from mobility_tui.text import strip_controls
from mobility_tui.tui.bindings import Key, localized
from mobility_tui.tui.screens.base import BaseScreen
from mobility_tui.tui.widgets.page_view import blocks_text

# A key press that comes this soon after the one before it (a burst, a paste) waits this long
# before searching, so a newer key can cancel it first; a key after a pause searches at once.
DEBOUNCE_SECONDS = 0.015
MAX_RESULTS = 30
# An empty query browses the catalogue; a national one is too long to put in a table at once.
MAX_BROWSE = 100
COUNTRY_CYCLE = (None, "FI", "SE")


def shown_hits(answer) -> list:
    """The answers; the nearest entries only when there is no answer (then shown dimmed)."""
    answers = [hit for hit in answer.hits if hit.answers]
    return answers or list(answer.hits)


class SearchScreen(BaseScreen):
    KEYS = [
        Key("f3", "cycle_country", N_("Country")),
        Key("down", "focus_results", N_("Results"), show=False),
        Key("escape", "clear", N_("Clear"), show=False),
    ]
    DEFAULT_CSS = """
    SearchScreen #next-steps { height: auto; max-height: 40%; padding: 0 1; display: none; }
    SearchScreen #next-steps.shown { display: block; }
    """

    def __init__(self, query: str = "", country: str | None = None) -> None:
        super().__init__()
        self.query_text = query
        self.country = country
        self.answer = None  # SearchAnswer of the query shown, or None when browsing
        self.rows: list = []  # Summary of each table row
        self.status = _("Opening the database…")
        self._changed_at = 0.0  # when the search box last changed (time.monotonic)

    def recreate(self) -> SearchScreen:
        return localized(SearchScreen)(self.query_text, self.country)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="search-bar"):
            yield Input(value=self.query_text, id="query", placeholder=_(
                "Type a qualification, degree or job title, e.g. lähihoitaja"))
            yield Static(self._country_label(), id="country", markup=False)
        yield Static(self.status, id="status", markup=False)
        yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield Static("", id="next-steps", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._setup_table()
        self.query_one("#query", Input).focus()

    def _setup_table(self) -> None:
        # Name and titles share what the fixed columns, padding and scrollbar leave over, so
        # nothing is cut off at 80 columns and wide terminals show more of each name.
        free = max(30, self.app.size.width - 34)
        table = self.query_one("#results", DataTable)
        table.clear(columns=True)
        table.add_column("", key="country", width=2)
        table.add_column(_("Name"), key="name", width=free * 3 // 5)
        table.add_column(_("Occupational titles"), key="titles", width=free - free * 3 // 5)
        table.add_column("EQF", key="eqf", width=3)
        table.add_column(_("Match"), key="match", width=7)

    def on_resize(self) -> None:
        self._setup_table()
        self._fill_table()

    def _country_label(self) -> str:
        names = {None: _("All countries"), "FI": _("Finland"), "SE": _("Sweden")}
        return f"F3 {names[self.country]}"

    def show_status(self, text: str, error: bool = False) -> None:
        self.status = strip_controls(text)
        status = self.query_one("#status", Static)
        status.update(Text(self.status, style="bold red" if error else ""))

    def reload(self) -> None:
        self.run_search(self.query_text, self.country, debounce=False)

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Search only Finnish, only Swedish or all"),
                            _("Cycle the country filter (F3)"), self.action_cycle_country)

    # Events
    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        now = time.monotonic()
        in_a_burst = now - self._changed_at < DEBOUNCE_SECONDS
        self._changed_at = now
        self.run_search(self.query_text, self.country, debounce=in_a_burst)

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
            self.app.push_screen(localized(DetailScreen)(self.rows[index].id))

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
    def run_search(self, query: str, country: str | None, debounce: bool = False) -> None:
        services = self.services
        if services is None:
            return
        if debounce:
            time.sleep(DEBOUNCE_SECONDS)
        if get_current_worker().is_cancelled:
            return
        answer = None
        if query.strip():
            answer = services.qualifications.search(query, country, MAX_RESULTS)
            rows = [hit.summary for hit in shown_hits(answer)]
        else:
            rows = sorted(services.qualifications.browse(country, MAX_BROWSE),
                          key=lambda item: (item.country, pick(item.name).text.casefold()))
        generation = services.qualifications.generation
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, query, answer, rows, generation)

    def _show(self, query: str, answer, rows: list, generation: str | None) -> None:
        if query != self.query_text:
            return  # an answer to an older query
        self.answer, self.rows, self.generation = answer, rows, generation
        self._fill_table()
        steps = self.query_one("#next-steps", Static)
        if answer is None:
            self.show_status(_("Type what the diploma or job says, in Finnish, Swedish or English. "
                               "Below: every record (↓ to browse, Enter to open)."))
        else:
            self.show_status(search_summary(answer))
        if answer is not None and answer.next_steps:
            text = Text()
            text.append(_("Where to turn next") + "\n", style="bold underline")
            text.append_text(blocks_text(next_step_blocks(answer.next_steps)))
            text.rstrip()
            steps.update(text)
            steps.add_class("shown")
        else:
            steps.update("")
            steps.remove_class("shown")

    def _fill_table(self) -> None:
        table = self.query_one("#results", DataTable)
        table.clear()
        if self.answer is not None:
            for hit in shown_hits(self.answer):
                row = search_row(hit)
                style = "" if hit.answers else "dim"
                titles = row.titles + (f" · {row.shortage}" if row.shortage else "")
                # Text(), not str: DataTable would read brackets in data as markup.
                table.add_row(row.country, Text(row.name, style=style), Text(titles, style=style),
                              str(hit.summary.eqf_level or ""), Text(row.confidence, style=style),
                              key=row.record_id)
            return
        from mobility_tui.i18n import pick_list_text, pick_text

        for summary in self.rows:
            table.add_row(summary.country, Text(strip_controls(pick_text(summary.name))),
                          Text(strip_controls(pick_list_text(summary.titles))),
                          str(summary.eqf_level or ""), "", key=summary.id)

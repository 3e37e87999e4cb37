"""Language courses, filtered by level, mode, place and language; the chosen course's details
scroll below the list."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from mobility_tui.i18n import N_, _, pick_text
from mobility_tui.presentation import words
from mobility_tui.presentation.listing import courses_page
from mobility_tui.presentation.records import course_entry, course_levels, course_place
from mobility_tui.text import strip_controls
from mobility_tui.tui.bindings import Key, localized
from mobility_tui.tui.screens.base import BaseScreen
from mobility_tui.tui.widgets.page_view import PageView, blocks_text
from mobility_tui.vocabulary import CEFR_LEVELS, MODES


class CoursesScreen(BaseScreen):
    KEYS = [Key("escape", "app.section('search')", N_("Back"))]

    def __init__(self, level: str | None = None, mode: str | None = None, place: str = "",
                 teaches: str | None = None) -> None:
        super().__init__()
        self.level, self.mode, self.place, self.teaches = level, mode, place, teaches
        self.courses: list = []

    def recreate(self) -> CoursesScreen:
        return localized(CoursesScreen)(self.level, self.mode, self.place, self.teaches)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="course-filters"):
            yield Select([(_("My level: {level}").format(level=level), level) for level in CEFR_LEVELS],
                         prompt=_("Any level"), value=self.level or Select.NULL, id="level")
            yield Select([(words.label(words.MODES, mode), mode) for mode in MODES],
                         prompt=_("Any mode"), value=self.mode or Select.NULL, id="mode")
            yield Select([(_("Swedish"), "sv"), (_("Finnish"), "fi")], prompt=_("Any language"),
                         value=self.teaches or Select.NULL, id="teaches")
            yield Input(value=self.place, placeholder=_("Place, e.g. Haaparanta"), id="place")
        yield Static("", id="course-status", markup=False)
        yield DataTable(id="courses", cursor_type="row", zebra_stripes=True)
        yield PageView(id="course-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#courses", DataTable)
        for key, title, width in (("name", _("Course"), 32), ("provider", _("Provider"), 20),
                                  ("levels", _("Levels"), 7), ("mode", _("Mode"), 10),
                                  ("place", _("Place"), 12)):
            table.add_column(title, key=key, width=width)

    def reload(self) -> None:
        self.load()

    def show_status(self, text: str, error: bool = False) -> None:
        self.query_one("#course-status", Static).update(text)

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        value = None if event.value is Select.NULL else str(event.value)
        if event.select.id in ("level", "mode", "teaches"):
            setattr(self, str(event.select.id), value)
        self.load()

    @on(Input.Changed, "#place")
    def _place_changed(self, event: Input.Changed) -> None:
        self.place = event.value
        self.load()

    @on(DataTable.RowHighlighted, "#courses")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.courses):
            view = self.query_one("#course-detail", PageView)
            view.show(blocks_text([course_entry(self.courses[event.cursor_row])]))

    @work(thread=True, exclusive=True, group="courses", exit_on_error=False)
    def load(self) -> None:
        services = self.services
        if services is None:
            return
        courses = services.courses.list(self.level, self.mode, self.place or None, self.teaches)
        self.app.call_from_thread(self._show, courses, services.reader)

    def _show(self, courses: list, _reader) -> None:
        self.courses = courses
        self.generation = self.app.generation  # type: ignore[attr-defined]
        table = self.query_one("#courses", DataTable)
        table.clear()
        for course in courses:
            table.add_row(Text(strip_controls(pick_text(course.name))), Text(strip_controls(course.provider)),
                          course_levels(course), words.label(words.MODES, course.mode),
                          Text(strip_controls(course_place(course))), key=course.id)
        page = courses_page(courses, self.level, self.place)
        self.show_status(page.title + (" · " + page.subtitle[0].text if page.subtitle else ""))
        if not courses:
            self.query_one("#course-detail", PageView).show("")

"""Swedish-language courses, filtered by CEFR level, mode and place."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from mobility_tui import labels
from mobility_tui.i18n import N_, _, format_date, ngettext, pick_text
from mobility_tui.tui.bindings import Key
from mobility_tui.tui.screens.base import BaseScreen
from mobility_tui.tui.widgets.record_text import clean
from mobility_tui.vocabulary import CEFR_LEVELS, MODES


class CoursesScreen(BaseScreen):
    KEYS = [Key("escape", "app.pop_screen", N_("Back"))]

    def __init__(self) -> None:
        super().__init__()
        self.level: str | None = None
        self.mode: str | None = None
        self.place = ""
        self.courses: list = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="course-filters"):
            yield Select([(_("My level: {level}").format(level=level), level) for level in CEFR_LEVELS],
                         prompt=_("Any level"), value=self.level or Select.NULL, id="level")
            yield Select([(labels.label(labels.MODES, mode), mode)
                          for mode in MODES],
                         prompt=_("Any mode"), value=self.mode or Select.NULL, id="mode")
            yield Input(value=self.place, placeholder=_("Place, e.g. Haparanda"), id="place")
        yield Static("", id="course-status", markup=False)
        yield DataTable(id="courses", cursor_type="row", zebra_stripes=True)
        yield Static("", id="course-detail")
        yield Footer()

    def on_mount(self) -> None:
        self._setup_table()
        self.load()

    def after_recompose(self) -> None:
        self._setup_table()
        self._show(self.courses)

    def _setup_table(self) -> None:
        table = self.query_one("#courses", DataTable)
        table.clear(columns=True)
        for key, title, width in (("name", _("Course"), 30), ("provider", _("Provider"), 22),
                                  ("levels", _("Levels"), 7), ("mode", _("Mode"), 10),
                                  ("place", _("Place"), 12)):
            table.add_column(title, key=key, width=width)

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        value = None if event.value is Select.NULL else str(event.value)
        if event.select.id == "level":
            self.level = value
        elif event.select.id == "mode":
            self.mode = value
        self.load()

    @on(Input.Changed, "#place")
    def _place_changed(self, event: Input.Changed) -> None:
        self.place = event.value
        self.load()

    @on(DataTable.RowHighlighted, "#courses")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.courses):
            course = self.courses[event.cursor_row]
            text = Text()
            text.append(clean(pick_text(course.name)) + "\n", style="bold")
            text.append(_("Cost: {cost}").format(cost=clean(course.cost) or _("not published")))
            text.append(" · " + clean(course.url) + "\n")
            if course.description:
                text.append(clean(pick_text(course.description)) + "\n")
            text.append(_("Checked on {date}").format(date=format_date(course.verified)),
                        style="dim")
            self.query_one("#course-detail", Static).update(text)

    @work(thread=True, exclusive=True, group="courses", exit_on_error=False)
    def load(self) -> None:
        services = self.app.services  # type: ignore[attr-defined]
        if services is None:
            return
        courses = services.courses.list(self.level, self.mode, self.place or None)
        self.app.call_from_thread(self._show, courses)

    def _show(self, courses: list) -> None:
        self.courses = courses
        table = self.query_one("#courses", DataTable)
        table.clear()
        for course in courses:
            levels = "–".join(dict.fromkeys([course.levels[0], course.levels[-1]]))
            table.add_row(Text(clean(pick_text(course.name))), Text(clean(course.provider)),
                          levels, labels.label(labels.MODES, course.mode),
                          Text(clean(course.location) or "—"), key=course.id)
        status = (ngettext("{count} course", "{count} courses", len(courses)).format(
            count=len(courses)) if courses else _("No course matches these filters."))
        if self.level:
            status += " · " + _("Courses a person at {level} can start and get further with.") \
                .format(level=self.level)
        self.query_one("#course-status", Static).update(status)
        if not courses:
            self.query_one("#course-detail", Static).update("")

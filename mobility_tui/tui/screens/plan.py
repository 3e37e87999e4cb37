"""The plan composer: the officer picks the courses and steps, adds the client's name, the
situation and free notes, sees the direction, scenario and language level carried through, and
saves the plan (a file in the terminal; a download in the browser)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Header, Input, Label, Select, SelectionList, Static, TextArea

from mobility_tui.i18n import N_, _, pick_text
from mobility_tui.presentation import words
from mobility_tui.presentation.records import course_levels, course_place, direction_heading
from mobility_tui.text import strip_controls
from mobility_tui.tui.bindings import Key, localized
from mobility_tui.tui.saving import FORMATS, store, with_format
from mobility_tui.tui.screens.base import BaseScreen
from mobility_tui.vocabulary import CEFR_LEVELS


class PlanScreen(BaseScreen):
    KEYS = [
        Key("escape", "cancel", N_("Cancel")),
        Key("ctrl+s", "save", N_("Save")),
    ]

    def __init__(self, record_id: str, folder: Path | None = None) -> None:
        super().__init__()
        self.record_id = record_id
        self.folder = folder or Path.cwd()
        self.detail = None
        self.courses: list = []
        self.steps: list = []
        self.replace_path: Path | None = None  # the file the officer was warned exists

    def recreate(self) -> PlanScreen:
        return localized(PlanScreen)(self.record_id, self.folder)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Loading…"), id="plan-title", markup=False)
        with VerticalScroll(id="plan-form"):
            with Horizontal(classes="plan-row"):
                with Vertical(classes="plan-column"):
                    yield Label(_("Client's name"))
                    yield Input(id="plan-client", placeholder=_("shown on the plan"))
                    yield Label(_("Scenario"))
                    yield Select([], id="plan-scenario", prompt=_("Loading…"))
                    yield Label(_("Language level now"))
                    yield Select([(level, level) for level in CEFR_LEVELS],
                                 prompt=_("unknown"), id="plan-level")
                    yield Label(_("Where the client will work or study"))
                    yield Input(id="plan-place", placeholder=_("e.g. Haparanda"))
                    yield Label(_("Situation (optional): home and work municipality"))
                    with Horizontal(classes="plan-pair"):
                        yield Input(id="plan-home", placeholder=_("home, e.g. Tornio"))
                        yield Input(id="plan-work", placeholder=_("work, e.g. Haparanda"))
                with Vertical(classes="plan-column"):
                    yield Label(_("Courses (best fit first)"))
                    yield SelectionList(id="plan-courses")
                    yield Label(_("Checklist steps"))
                    yield SelectionList(id="plan-steps")
            yield Label(_("Notes for the client"))
            yield TextArea(id="plan-notes")
            with Horizontal(classes="plan-row"):
                yield Select(FORMATS, value="md", allow_blank=False, id="plan-format")
                yield Input(id="plan-path", placeholder=_("file name"))
            yield Static("", id="plan-status", markup=False)
            with Horizontal(id="plan-buttons"):
                yield Button(_("Save"), variant="primary", id="plan-save")
                yield Button(_("Cancel"), id="plan-cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#plan-path", Input).display = not self.app.is_web
        self.query_one("#plan-client", Input).focus()

    def reload(self) -> None:
        self.load()

    def show_status(self, text: str, error: bool = False) -> None:
        self.query_one("#plan-status", Static).update(strip_controls(text))

    # --- loading -------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="plan-load", exit_on_error=False)
    def load(self, scenario: str | None = None, level: str | None = None,
             place: str | None = None) -> None:
        from mobility_tui.services.plan import PlanRequest, choose_courses, default_scenario

        services = self.services
        if services is None:
            return
        detail = services.qualifications.get(self.record_id)
        scenario = scenario or default_scenario(detail.summary.country)
        request = PlanRequest(self.record_id, scenario, level, place=place)
        ranked = choose_courses(services, detail, request)
        teaches = "sv" if detail.direction[1] == "SE" else "fi"
        from mobility_tui.services.courses import Fit

        every = services.courses.ranked(Fit(detail.summary.field, level, place, teaches))
        steps = services.guide.steps(scenario)
        self.app.call_from_thread(self._loaded, detail, scenario, ranked, every, steps,
                                  services.qualifications.generation)

    def _loaded(self, detail, scenario: str, chosen: list, every: list, steps: list,
                generation: str | None) -> None:
        from mobility_tui.services.plan import SCENARIOS_BY_DIRECTION

        first_load = self.detail is None
        self.detail, self.generation = detail, generation
        self.courses, self.steps = every, steps
        name = strip_controls(pick_text(detail.summary.name))
        self.query_one("#plan-title", Static).update(
            _("Advising plan: {name}").format(name=name) + " — " + direction_heading(detail.direction))
        if first_load:
            scenarios = self.query_one("#plan-scenario", Select)
            scenarios.set_options([(words.label(words.SCENARIOS, key), key)
                                   for key in SCENARIOS_BY_DIRECTION[detail.direction]])
            scenarios.value = scenario
            self._set_path()
        chosen_ids = {course.id for course in chosen}
        courses = self.query_one("#plan-courses", SelectionList)
        kept = set(courses.selected) if not first_load else set()
        courses.clear_options()
        courses.add_options([(self._course_label(course), course.id,
                              course.id in (kept or chosen_ids)) for course in every])
        step_list = self.query_one("#plan-steps", SelectionList)
        step_list.clear_options()
        # Every step of the scenario is offered; those for other fields start unticked.
        step_list.add_options([(strip_controls(pick_text(step.title)), step.id,
                                step.concerns(detail.summary.field)) for step in steps])

    @staticmethod
    def _course_label(course) -> str:
        return strip_controls(f"{pick_text(course.name)} · {course_levels(course)} · {course_place(course)}")

    def _set_path(self) -> None:
        fmt = str(self.query_one("#plan-format", Select).value)
        path = self.folder / f"plan-{self.record_id}-{dt.date.today().isoformat()}.{fmt}"
        self.query_one("#plan-path", Input).value = str(path)

    # --- changes ---------------------------------------------------------------------------
    @on(Select.Changed, "#plan-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#plan-path", Input)
        path_input.value = str(with_format(Path(path_input.value), str(event.value)))

    @on(Select.Changed, "#plan-scenario")
    @on(Select.Changed, "#plan-level")
    def _choices_changed(self) -> None:
        if self.detail is not None:
            self.load(*self._choices())

    @on(Input.Submitted, "#plan-place")
    def _place_submitted(self) -> None:
        if self.detail is not None:
            self.load(*self._choices())

    def _choices(self) -> tuple[str | None, str | None, str | None]:
        scenario = self.query_one("#plan-scenario", Select).value
        level = self.query_one("#plan-level", Select).value
        place = self.query_one("#plan-place", Input).value.strip()
        return (None if scenario is Select.NULL else str(scenario),
                None if level is Select.NULL else str(level), place or None)

    # --- saving ----------------------------------------------------------------------------
    @on(Button.Pressed, "#plan-cancel")
    def action_cancel(self) -> None:
        self.app.pop_screen()

    @on(Button.Pressed, "#plan-save")
    def action_save(self) -> None:
        if self.detail is None:
            return
        path = Path(self.query_one("#plan-path", Input).value.strip() or ".")
        self.save(path, str(self.query_one("#plan-format", Select).value), path == self.replace_path)

    def _request(self):
        from mobility_tui.rules.situation import Situation
        from mobility_tui.services.plan import PlanRequest

        scenario, level, place = self._choices()
        home = self.query_one("#plan-home", Input).value.strip()
        work_place = self.query_one("#plan-work", Input).value.strip()
        situation = Situation(home=home, work=work_place) if home and work_place else None
        return PlanRequest(
            qualification_id=self.record_id, scenario=scenario, language_level=level,
            course_ids=tuple(self.query_one("#plan-courses", SelectionList).selected),
            step_ids=tuple(self.query_one("#plan-steps", SelectionList).selected),
            client=self.query_one("#plan-client", Input).value.strip(),
            notes=self.query_one("#plan-notes", TextArea).text, place=place or work_place or None,
            situation=situation)

    @work(thread=True, exclusive=True, group="plan-save", exit_on_error=False)
    def save(self, path: Path, fmt: str, replace: bool) -> None:
        from mobility_tui.files import PlanFileError
        from mobility_tui.presentation.plan import render_plan
        from mobility_tui.services.plan import make_plan

        request = self.app.call_from_thread(self._request)
        plan = make_plan(self.services, request)
        name = f"plan-{self.record_id}-{request.created.isoformat()}.{fmt}"
        try:
            where = store(self.app, render_plan(plan, fmt), path, fmt, replace, name)
        except PlanFileError as error:
            self.app.call_from_thread(self.show_status, str(error), True)
            return
        if where is None:
            self.app.call_from_thread(self._ask_replace, path)
        else:
            self.app.call_from_thread(self._saved, where)

    def _ask_replace(self, path: Path) -> None:
        self.replace_path = path
        self.show_status(_("{path} exists already. Press Save again to replace it, or change the "
                           "name.").format(path=path))

    def _saved(self, where: str) -> None:
        self.app.notify(strip_controls(_("Plan saved to {path}").format(path=where)), markup=False,
                        timeout=10)
        self.app.pop_screen()

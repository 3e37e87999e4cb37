"""Write the advising plan for the qualification shown, as Markdown or HTML, to a chosen file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from mobility_tui import labels
from mobility_tui.i18n import N_, _, pick_text
from mobility_tui.services.results import QualificationSummary
from mobility_tui.tui.bindings import Key, TranslatedBindings
from mobility_tui.tui.widgets.record_text import clean
from mobility_tui.vocabulary import CEFR_LEVELS, SCENARIOS


class PlanScreen(TranslatedBindings, ModalScreen[Path | None]):
    KEYS = [Key("escape", "cancel", N_("Cancel"))]

    def __init__(self, summary: QualificationSummary, folder: Path | None = None) -> None:
        super().__init__()
        self.install_bindings()
        self.summary = summary
        self.folder = folder or Path.cwd()
        # The file the person was warned exists; saving to it again replaces it.
        self.replace_path: Path | None = None

    def _default_path(self, fmt: str) -> str:
        return str(self.folder / f"plan-{self.summary.id}-{dt.date.today().isoformat()}.{fmt}")

    def compose(self) -> ComposeResult:
        scenario = "commute-to-se" if self.summary.country == "FI" else "commute-to-fi"
        with Vertical(id="plan-box"):
            yield Static(_("Advising plan: {name}").format(name=clean(pick_text(self.summary.name))),
                         id="plan-title", markup=False)
            yield Label(_("File"))
            yield Input(value=self._default_path("md"), id="plan-path")
            with Horizontal(id="plan-options"):
                yield Select([("Markdown", "md"), ("HTML", "html")], value="md",
                             allow_blank=False, id="plan-format")
                yield Select([(labels.label(labels.SCENARIOS, key), key) for key in SCENARIOS],
                             value=scenario, allow_blank=False, id="plan-scenario")
                yield Select([(_("Swedish now: {level}").format(level=level), level)
                              for level in CEFR_LEVELS], prompt=_("Swedish level unknown"),
                             id="plan-level")
            yield Static("", id="plan-status", markup=False)
            with Horizontal(id="plan-buttons"):
                yield Button(_("Save"), variant="primary", id="plan-save")
                yield Button(_("Cancel"), id="plan-cancel")

    def on_mount(self) -> None:
        self.query_one("#plan-path", Input).focus()

    @on(Select.Changed, "#plan-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#plan-path", Input)
        current = Path(path_input.value)
        if current.suffix in (".md", ".html"):
            path_input.value = str(current.with_suffix(f".{event.value}"))

    @on(Button.Pressed, "#plan-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#plan-save")
    @on(Input.Submitted, "#plan-path")
    def _save_pressed(self) -> None:
        level = self.query_one("#plan-level", Select).value
        path = Path(self.query_one("#plan-path", Input).value.strip())
        self.save(path, str(self.query_one("#plan-format", Select).value),
                  str(self.query_one("#plan-scenario", Select).value),
                  None if level is Select.NULL else str(level), path == self.replace_path)

    @work(thread=True, exclusive=True, group="plan", exit_on_error=False)
    def save(self, path: Path, fmt: str, scenario: str, level: str | None, force: bool) -> None:
        from mobility_tui.services.plan import PlanFileError, make_plan, render_plan, write_plan

        services = self.app.services  # type: ignore[attr-defined]
        plan = make_plan(services.qualifications, services.courses, services.guide,
                         self.summary.id, scenario, level)
        try:
            if not str(path):
                raise PlanFileError(_("Give a file name for the plan."))
            if path.exists() and not force:
                self.app.call_from_thread(self._ask_replace, path)
                return
            written = write_plan(render_plan(plan, fmt), path, force=force)
        except PlanFileError as error:
            self.app.call_from_thread(self._status, str(error))
            return
        self.app.call_from_thread(self.dismiss, written)

    def _ask_replace(self, path: Path) -> None:
        self.replace_path = path
        self._status(_("{path} exists already. Press Save again to replace it, or change the "
                       "name.").format(path=path))

    def _status(self, text: str) -> None:
        self.query_one("#plan-status", Static).update(clean(text))

"""Save the page on screen (the detail, or the employer's one-page view) as Markdown, HTML or
PDF: the same documents as `show ID [--employer] --output FILE`."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from mobility_tui.files import PlanFileError
from mobility_tui.i18n import N_, _
from mobility_tui.presentation.blocks import Page
from mobility_tui.text import strip_controls
from mobility_tui.tui.bindings import HasKeys, Key
from mobility_tui.tui.saving import FORMATS, store, with_format


class SaveScreen(HasKeys, ModalScreen[None]):
    KEYS = [Key("escape", "cancel", N_("Cancel"))]

    def __init__(self, page: Page, stem: str, folder: Path | None = None) -> None:
        super().__init__()
        self.page = page
        self.stem = stem  # the file name without extension
        self.folder = folder or Path.cwd()
        self.replace_path: Path | None = None  # the file the person was warned exists

    def compose(self) -> ComposeResult:
        with Vertical(id="save-box"):
            yield Label(strip_controls(_("Save: {title}").format(title=self.page.title)), id="save-title")
            with Horizontal(classes="save-row"):
                yield Select(FORMATS, value="md", allow_blank=False, id="save-format")
                yield Input(str(self.folder / f"{self.stem}.md"), id="save-path",
                            placeholder=_("file name"))
            yield Static("", id="save-status", markup=False)
            with Horizontal(classes="save-row"):
                yield Button(_("Save"), variant="primary", id="save-save")
                yield Button(_("Cancel"), id="save-cancel")

    def on_mount(self) -> None:
        self.query_one("#save-path", Input).display = not self.app.is_web
        self.query_one("#save-save", Button).focus()

    @on(Select.Changed, "#save-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#save-path", Input)
        path_input.value = str(with_format(Path(path_input.value), str(event.value)))

    @on(Button.Pressed, "#save-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save-save")
    @on(Input.Submitted, "#save-path")
    def _save_pressed(self) -> None:
        path = Path(self.query_one("#save-path", Input).value.strip() or ".")
        self.save(path, str(self.query_one("#save-format", Select).value), path == self.replace_path)

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def save(self, path: Path, fmt: str, replace: bool) -> None:
        from mobility_tui.presentation.documents import render

        try:
            where = store(self.app, render(self.page, fmt), path, fmt, replace, f"{self.stem}.{fmt}")
        except PlanFileError as error:
            self.app.call_from_thread(self._status, str(error))
            return
        if where is None:
            self.app.call_from_thread(self._ask_replace, path)
        else:
            self.app.call_from_thread(self._saved, where)

    def _status(self, text: str) -> None:
        self.query_one("#save-status", Static).update(strip_controls(text))

    def _ask_replace(self, path: Path) -> None:
        self.replace_path = path
        self._status(_("{path} exists already. Press Save again to replace it, or change the "
                       "name.").format(path=path))

    def _saved(self, where: str) -> None:
        self.app.notify(strip_controls(_("Saved to {path}").format(path=where)), markup=False,
                        timeout=10)
        self.dismiss(None)

"""What every screen shares: the global keys, a status line, reloading after a rebuild, and
how it is recreated in another language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import SystemCommand
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from mobility_tui.i18n import N_
from mobility_tui.tui.bindings import HasKeys, Key
from mobility_tui.tui.messages import CatalogChanged, Status

if TYPE_CHECKING:
    from mobility_tui.services.bundle import Services


class BaseScreen(HasKeys, Screen):
    KEYS = [
        Key("f1", "app.help", N_("Help")),
        Key("f2", "app.switch_language", N_("Language")),
        Key("f4", "app.section('search')", N_("Search")),
        Key("f5", "app.section('courses')", N_("Courses")),
        Key("f6", "app.section('guide')", N_("Guide")),
        Key("f7", "app.section('check')", N_("Situation")),
        Key("ctrl+q", "app.quit", N_("Quit")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.generation: str | None = None  # of the data this screen shows

    @property
    def services(self) -> Services | None:
        return self.app.services  # type: ignore[attr-defined]

    def recreate(self) -> BaseScreen:
        """A new screen in the current language with this one's state (for a language switch)."""
        raise NotImplementedError

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Commands this screen adds to the command palette (Ctrl+P)."""
        return ()

    def show_status(self, text: str, error: bool = False) -> None:
        """Put a line in the screen's status bar, if it has one."""

    def reload(self) -> None:
        """Read again what the screen shows (the database was opened or rebuilt)."""

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        # A screen's worker failed (the event does not bubble): say so here and in a notice.
        if event.state == WorkerState.ERROR:
            text = self.app.report_failure(event.worker.name, event.worker.error)  # type: ignore[attr-defined]
            self.show_status(text, error=True)

    @on(Status)
    def _status(self, message: Status) -> None:
        self.show_status(message.text, message.error)

    @on(CatalogChanged)
    def _catalog_changed(self, message: CatalogChanged) -> None:
        if message.generation != self.generation:
            self.reload()

    def on_screen_resume(self) -> None:
        # Back in front (another section, or a screen popped): catch up with a rebuild.
        current = self.app.generation  # type: ignore[attr-defined]
        if self.services is not None and current is not None and current != self.generation:
            self.reload()

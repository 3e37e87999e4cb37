"""The Textual app: wiring only. Screens live in tui/screens/, one class per module."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from mobility_tui import i18n
from mobility_tui.i18n import N_, _

if TYPE_CHECKING:
    from mobility_tui.services.bundle import Services
from mobility_tui.tui.bindings import Key, TranslatedBindings
from mobility_tui.tui.messages import BuildProgress, CatalogFailed, CatalogReady


class MobilityApp(TranslatedBindings, App[None]):
    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute: subclasses elsewhere find it too
    TITLE = "mobility-tui"
    KEYS = [
        Key("ctrl+q", "quit", N_("Quit"), priority=True),
        Key("f1", "help", N_("Help")),
        Key("f2", "switch_language", N_("Language")),
        Key("f5", "courses", N_("Courses")),
        Key("f6", "guide", N_("Guide")),
    ]

    def __init__(self, database_url: str | None = None, language: str | None = None,
                 services: Services | None = None):
        if language:
            i18n.set_language(language)
        super().__init__()
        self.install_bindings()
        self.database_url = database_url
        self.services: Services | None = services
        self.load_error: str | None = None

    def on_mount(self) -> None:
        from mobility_tui.tui.screens.search import SearchScreen

        self.title = "mobility-tui"
        self.sub_title = _("Finland ⇄ Sweden: qualifications, recognition, courses")
        self.push_screen(SearchScreen())

    def on_ready(self) -> None:
        # After the first frame: the database layer's imports would only delay it.
        if self.services is None:
            self.open_catalog()

    @work(thread=True, exclusive=True, group="catalog", exit_on_error=False)
    def open_catalog(self) -> None:
        # Imported here: the first frame does not wait for SQLModel.
        from mobility_tui.database import DatabaseError, resolve_database_url
        from mobility_tui.services.bundle import Services
        from mobility_tui.services.connection import open_database

        def progress(text: str) -> None:
            self.post_message(BuildProgress(text))

        try:
            engine = open_database(resolve_database_url(self.database_url), progress=progress)
            services = Services.on(engine)
            services.qualifications.list()  # warm the search index off the UI thread
        except DatabaseError as error:
            self.post_message(CatalogFailed(str(error)))
            return
        except Exception as error:  # a broken data file, for instance: say it, don't crash
            from mobility_tui.catalog.loader import CatalogError

            if isinstance(error, CatalogError):
                reason = _("The data files have problems; run `mobility-tui db check`.")
            else:
                reason = _("The database could not be opened ({kind}).").format(
                    kind=error.__class__.__name__)
            self.post_message(CatalogFailed(reason))
            return
        self.post_message(CatalogReady(services))

    @on(CatalogReady)
    def _catalog_ready(self, message: CatalogReady) -> None:
        self.services = message.services
        for screen in self.screen_stack:
            if hasattr(screen, "catalog_ready"):
                screen.catalog_ready()

    @on(CatalogFailed)
    def _catalog_failed(self, message: CatalogFailed) -> None:
        self.load_error = message.reason
        self.notify(message.reason, severity="error", timeout=30)
        for screen in self.screen_stack:
            if hasattr(screen, "show_status"):
                screen.show_status(message.reason)

    @on(BuildProgress)
    def _build_progress(self, message: BuildProgress) -> None:
        for screen in self.screen_stack:
            if hasattr(screen, "show_status"):
                screen.show_status(message.text)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        # One place for errors from any worker: tell the person, keep the app running.
        if event.state == WorkerState.ERROR:
            self.notify(_("Something went wrong: {error}").format(error=event.worker.error),
                        severity="error", timeout=15)

    def action_help(self) -> None:
        from mobility_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_courses(self) -> None:
        from mobility_tui.tui.screens.courses import CoursesScreen

        if not isinstance(self.screen, CoursesScreen):
            self.push_screen(CoursesScreen())

    def action_guide(self) -> None:
        from mobility_tui.tui.screens.guide import GuideScreen

        if not isinstance(self.screen, GuideScreen):
            self.push_screen(GuideScreen())

    async def action_switch_language(self, language: str | None = None) -> None:
        order = i18n.LANGUAGES
        current = i18n.current_language()
        language = language or order[(order.index(current) + 1) % len(order)]
        i18n.set_language(language)
        self.install_bindings()
        self.sub_title = _("Finland ⇄ Sweden: qualifications, recognition, courses")
        for screen in self.screen_stack:
            if isinstance(screen, TranslatedBindings):
                screen.install_bindings()
            if hasattr(screen, "retranslate"):
                await screen.retranslate()
        self.refresh_bindings()
        self.notify(_("Language: {name}").format(name=i18n.LANGUAGE_NAMES[language]), timeout=3)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for code, name in i18n.LANGUAGE_NAMES.items():
            yield SystemCommand(name, _("Switch the interface to {name}").format(name=name),
                                lambda code=code: self.run_action(f"switch_language('{code}')"))
        yield SystemCommand(_("Courses"), _("Swedish-language courses"), self.action_courses)
        yield SystemCommand(_("Guide"), _("Steps for moving or commuting"), self.action_guide)
        yield SystemCommand(_("Help"), _("Keys and what each screen does"), self.action_help)


def create_app(database_url: str | None = None, language: str | None = None,
               services: Services | None = None) -> MobilityApp:
    """The one factory used by the command line and the tests."""
    return MobilityApp(database_url=database_url, language=language, services=services)


def run_app(database_url: str | None = None, language: str | None = None) -> int:
    create_app(database_url, language).run()
    return 0

"""The Textual app: wiring only. Screens live in tui/screens/, one class per module.

Sections (search, courses, guide, situation check) are Textual modes, so F5/F6/F7 switch between
them instead of stacking screens. The database is opened after the first frame, in a worker; a
light poll notices a rebuild (a new generation) and tells the screens to read again.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from mobility_tui import i18n
from mobility_tui.i18n import _
from mobility_tui.text import strip_controls
from mobility_tui.tui.bindings import localized
from mobility_tui.tui.messages import CatalogChanged, CatalogFailed, CatalogReady, Status
from mobility_tui.tui.screens.base import BaseScreen

if TYPE_CHECKING:
    from mobility_tui.services.bundle import Services
    from mobility_tui.storage.urls import ChosenDatabase

# How often the app asks the database whether it was rebuilt.
POLL_SECONDS = 3.0


def _sections() -> dict[str, type[BaseScreen]]:
    from mobility_tui.tui.screens.check import CheckScreen
    from mobility_tui.tui.screens.courses import CoursesScreen
    from mobility_tui.tui.screens.guide import GuideScreen
    from mobility_tui.tui.screens.search import SearchScreen

    return {"search": SearchScreen, "courses": CoursesScreen, "guide": GuideScreen,
            "check": CheckScreen}


class MobilityApp(App[None]):
    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute: subclasses elsewhere find it too
    TITLE = "mobility-tui"

    def __init__(self, database: ChosenDatabase | None = None, language: str | None = None,
                 services: Services | None = None):
        if language:
            i18n.set_language(language)
        super().__init__()
        self.database = database
        self.services: Services | None = services
        self.generation: str | None = None
        self.section = "search"
        self._section_modes: set[str] = set()  # modes added so far, "search@fi" …

    # --- start -------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.title = "mobility-tui"
        self.sub_title = _("Finland ⇄ Sweden: qualifications, licences, courses, commuting")
        self.switch_mode(self._mode("search"))
        if self.services is not None:
            self._catalog_ready(CatalogReady(self.services))

    def on_ready(self) -> None:
        # After the first frame: the database layer's imports would only delay it.
        if self.services is None:
            self.open_catalog()
        self.set_interval(POLL_SECONDS, self.poll_generation)

    def _mode(self, section: str) -> str:
        """The mode of a section in the current language, added on first use."""
        name = f"{section}@{i18n.current_language()}"
        if name not in self._section_modes:
            screen_class = _sections()[section]
            self.add_mode(name, lambda: localized(screen_class)())
            self._section_modes.add(name)
        return name

    @work(thread=True, exclusive=True, group="catalog", exit_on_error=False)
    def open_catalog(self) -> None:
        # Imported here: the first frame does not wait for the database layer.
        from mobility_tui.services.bundle import Services
        from mobility_tui.storage.opening import open_catalogue
        from mobility_tui.storage.urls import DatabaseError, choose_database

        def progress(text: str) -> None:
            self.post_message(Status(text))

        notices: list[str] = []
        try:
            reader = open_catalogue(self.database or choose_database(None), progress=progress,
                                    notice=notices.append)
            services = Services.on(reader)
            services.qualifications.load_index()  # off the UI thread, once per generation
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
        for text in notices:
            self.post_message(Status(text))
        self.post_message(CatalogReady(services))

    @on(CatalogReady)
    def _catalog_ready(self, message: CatalogReady) -> None:
        self.services = message.services
        self.generation = message.services.qualifications.generation
        self._tell_screens(CatalogChanged(self.generation or ""))

    @on(CatalogFailed)
    def _catalog_failed(self, message: CatalogFailed) -> None:
        self.notify(strip_controls(message.reason), severity="error", timeout=30, markup=False)
        self._tell_screens(Status(message.reason, error=True))

    @on(Status)
    def _app_status(self, message: Status) -> None:
        self._tell_screens(Status(message.text, message.error))

    def _tell_screens(self, message: CatalogChanged | Status) -> None:
        for screen in self.screen_stack:
            screen.post_message(_copy(message))

    # --- rebuilds ----------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def poll_generation(self) -> None:
        services = self.services
        if services is None:
            return
        generation = services.reader.info().get("generation")
        if generation and generation != self.generation:
            self.call_from_thread(self._rebuilt, generation)

    def _rebuilt(self, generation: str) -> None:
        self.generation = generation
        self.notify(_("The database was rebuilt; the screens now show the new data."), timeout=8,
                    markup=False)
        self._tell_screens(CatalogChanged(generation))

    # --- failures ----------------------------------------------------------------------
    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        # The app's own workers (opening the database, polling); screens report theirs.
        if event.state == WorkerState.ERROR:
            text = self.report_failure(event.worker.name, event.worker.error)
            self._tell_screens(Status(text, error=True))

    def report_failure(self, worker: str, error: BaseException | None) -> str:
        """One place for a failed worker: log it, tell the person (markup-safe), keep running."""
        self.log.error(f"worker {worker} failed: {error!r}")
        text = _("Something went wrong: {error}").format(error=strip_controls(str(error))[:300])
        self.notify(text, severity="error", timeout=15, markup=False)
        return text

    # --- actions -----------------------------------------------------------------------
    def action_help(self) -> None:
        from mobility_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(localized(HelpScreen)())

    def action_section(self, section: str) -> None:
        if section in _sections():
            self.section = section
            self.switch_mode(self._mode(section))

    async def action_switch_language(self, language: str | None = None) -> None:
        order = i18n.LANGUAGES
        current = i18n.current_language()
        language = language or order[(order.index(current) + 1) % len(order)]
        if language == current:
            return
        # Screens read their words when made: make the current section's stack again in the new
        # language, with the same state; the other sections start afresh when next opened.
        stack = [screen for screen in self.screen_stack if isinstance(screen, BaseScreen)]
        i18n.set_language(language)
        self.sub_title = _("Finland ⇄ Sweden: qualifications, licences, courses, commuting")
        recreated = [screen.recreate() for screen in stack]
        for mode in sorted(self._section_modes - {self.current_mode}):
            await self.remove_mode(mode)
            self._section_modes.discard(mode)
        if recreated:
            base, *above = recreated
            name = f"{self.section}@{language}"
            self.add_mode(name, lambda: base)
            old = self.current_mode
            await self.switch_mode(name)
            self._section_modes = {name}
            await self.remove_mode(old)
            for screen in above:
                await self.push_screen(screen)
        self.refresh_bindings()
        self.notify(_("Language: {name}").format(name=i18n.LANGUAGE_NAMES[language]), timeout=3,
                    markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for code, name in i18n.LANGUAGE_NAMES.items():
            yield SystemCommand(name, _("Switch the interface to {name}").format(name=name),
                                lambda code=code: self.run_action(f"switch_language('{code}')"))
        for section, title, help_text in (
                ("search", _("Search"), _("Find a qualification, degree or occupation")),
                ("courses", _("Courses"), _("Language courses")),
                ("guide", _("Guide"), _("Steps for moving or commuting")),
                ("check", _("Situation check"), _("Tax, SFI, unemployment, insurance, registration"))):
            yield SystemCommand(title, help_text,
                                lambda section=section: self.action_section(section))
        yield SystemCommand(_("Help"), _("Keys and what each screen does"), self.action_help)
        if isinstance(screen, BaseScreen):
            yield from screen.palette_commands()


def _copy(message):
    """A fresh message object for each screen (a message is delivered once)."""
    return type(message)(**{key: value for key, value in vars(message).items()
                            if key in message.__dataclass_fields__})


def create_app(database: ChosenDatabase | None = None, language: str | None = None,
               services: Services | None = None) -> MobilityApp:
    """The one factory used by the command line, the browser server and the tests."""
    return MobilityApp(database=database, language=language, services=services)


def run_app(database: ChosenDatabase | None = None, language: str | None = None) -> int:
    create_app(database, language).run()
    return 0

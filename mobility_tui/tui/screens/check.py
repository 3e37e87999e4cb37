"""The situation check: a form on one side, the answers on the other, updated as the inputs
change. The same service and page as `mobility-tui check`."""

from __future__ import annotations

import datetime as dt
import time

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Header, Input, Label, Select
from textual.worker import get_current_worker

from mobility_tui.i18n import N_, _
from mobility_tui.presentation.checks import check_page
from mobility_tui.rules.situation import Situation
from mobility_tui.tui.bindings import Key, localized
from mobility_tui.tui.screens.base import BaseScreen
from mobility_tui.tui.widgets.page_view import PageView
from mobility_tui.vocabulary import CITIZENSHIPS, HOME_EVERY, SECTORS, STATUSES, WORKS_IN

DEBOUNCE_SECONDS = 0.15


def _options(values: tuple[str, ...], names: dict[str, str]) -> list[tuple[str, str]]:
    return [(names.get(value, value), value) for value in values]


class CheckScreen(BaseScreen):
    KEYS = [Key("escape", "app.section('search')", N_("Back"))]

    def __init__(self, situation: Situation | None = None) -> None:
        super().__init__()
        self.situation = situation or Situation(home="Tornio", work="Haparanda")
        self.place_names: list[str] = []

    def recreate(self) -> CheckScreen:
        return localized(CheckScreen)(self.situation)

    def compose(self) -> ComposeResult:
        situation = self.situation
        yield Header(show_clock=False)
        with Horizontal(id="check-body"):
            with VerticalScroll(id="check-form"):
                yield Label(_("Home municipality"))
                yield Input(situation.home, id="check-home")
                yield Label(_("Work municipality"))
                yield Input(situation.work, id="check-work")
                yield Label(_("Goes home"))
                yield Select(_options(HOME_EVERY, {
                    "day": _("every day"), "week": _("every week"), "month": _("every month"),
                    "less": _("less often")}), value=situation.home_every, allow_blank=False,
                    id="check-home-every")
                yield Label(_("Citizenship"))
                yield Select(_options(CITIZENSHIPS, {"FI": _("Finland"), "SE": _("Sweden"),
                                                     "EU": _("other EU/EEA"), "other": _("other")}),
                             value=situation.citizenship or Select.NULL, prompt=_("as the home country"),
                             id="check-citizenship")
                yield Label(_("Employer"))
                yield Select(_options(SECTORS, {"private": _("private"), "public": _("public")}),
                             value=situation.sector, allow_blank=False, id="check-sector")
                yield Label(_("Employment"))
                yield Select(_options(STATUSES, {"employed": _("employed"),
                                                 "partly-unemployed": _("partly unemployed"),
                                                 "unemployed": _("unemployed")}),
                             value=situation.status, allow_blank=False, id="check-status")
                yield Label(_("Works in"))
                yield Select(_options(WORKS_IN, {"one": _("one country"), "both": _("both countries")}),
                             value=situation.works_in, allow_blank=False, id="check-works-in")
                yield Label(_("Date (YYYY-MM-DD)"))
                yield Input(situation.on.isoformat(), id="check-on")
            yield PageView(id="check-answers")
        yield Footer()

    def reload(self) -> None:
        self.run_check()

    def on_mount(self) -> None:
        self.query_one("#check-home", Input).focus()

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        situation = self._read_form()
        if situation is not None:
            self.situation = situation
            self.run_check()

    def _read_form(self) -> Situation | None:
        def value(selector: str) -> str | None:
            chosen = self.query_one(selector, Select).value
            return None if chosen is Select.NULL else str(chosen)

        try:
            on_date = dt.date.fromisoformat(self.query_one("#check-on", Input).value.strip())
        except ValueError:
            return None
        home = self.query_one("#check-home", Input).value.strip()
        work_place = self.query_one("#check-work", Input).value.strip()
        if not home or not work_place:
            return None
        return Situation(home=home, work=work_place, home_every=value("#check-home-every") or "day",
                         citizenship=value("#check-citizenship"),
                         sector=value("#check-sector") or "private",
                         status=value("#check-status") or "employed",
                         works_in=value("#check-works-in") or "one", on=on_date)

    @work(thread=True, exclusive=True, group="check", exit_on_error=False)
    def run_check(self) -> None:
        services = self.services
        if services is None:
            return
        time.sleep(DEBOUNCE_SECONDS)
        if get_current_worker().is_cancelled:
            return
        situation = self.situation
        result = services.checks.check(situation)
        names = sorted({name for place in services.places.all() for name in place.name.values()})
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, result, names)

    def _show(self, result, names: list[str]) -> None:
        self.generation = self.app.generation  # type: ignore[attr-defined]
        if names != self.place_names:
            self.place_names = names
            for selector in ("#check-home", "#check-work"):
                self.query_one(selector, Input).suggester = SuggestFromList(names, case_sensitive=False)
        self.query_one("#check-answers", PageView).show(check_page(result))

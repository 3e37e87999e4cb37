"""The terminal UI driven as a person uses it (App.run_test + Pilot), on the test catalogue."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import DataTable, Input, Static

from mobility_tui.tui.app import create_app
from mobility_tui.tui.screens.compare import CompareScreen
from mobility_tui.tui.screens.courses import CoursesScreen
from mobility_tui.tui.screens.detail import DetailScreen
from mobility_tui.tui.screens.guide import GuideScreen
from mobility_tui.tui.screens.help import HelpScreen
from mobility_tui.tui.screens.plan import PlanScreen
from mobility_tui.tui.screens.search import SearchScreen

SIZE = (100, 32)


def screen_text(app) -> str:
    """Everything the screen's Static widgets show, as plain text."""
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def wait_for(pilot, predicate, timeout: float = 5.0) -> None:
    waited = 0.0
    while not predicate():
        await pilot.pause(0.05)
        waited += 0.05
        if waited > timeout:
            raise AssertionError("the screen never showed what was expected")


async def type_query(pilot, text: str) -> None:
    await pilot.press(*text)
    await wait_for(pilot, lambda: pilot.app.screen.shown_query == text)


async def wait_for_detail(pilot) -> None:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DetailScreen)
                   and pilot.app.screen.detail is not None)


async def open_detail(pilot, text: str) -> None:
    await type_query(pilot, text)
    await pilot.press("enter")
    await wait_for_detail(pilot)


@pytest.fixture
def app(built_fixture_db):
    return create_app(database_url=built_fixture_db, language="en")


async def test_search_without_diacritics_then_detail_shows_counterpart(app):
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query", Input).has_focus
        await type_query(pilot, "lahihoitaja")
        table = app.screen.query_one("#results", DataTable)
        assert table.get_row_at(0)[1].plain == "Vocational qualification in Social and Health Care"
        await pilot.press("enter")
        await wait_for_detail(pilot)
        text = screen_text(app)
        assert "Assistant nurse" in text and "partial match" in text
        assert "Socialstyrelsen" in text and "SEK 320" in text
        assert "371101" in text and "EQF 4 · NQF 4" in text


async def test_down_and_enter_from_the_results(app):
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "rekkakuski")
        await pilot.press("down", "enter")
        await wait_for_detail(pilot)
        assert app.screen.qualification_id == "fi-pt-logistiikan"
        assert "more than a year ago" in screen_text(app)  # checked 2024-01-15
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)


async def test_empty_query_lists_everything_and_no_hits_says_so(app):
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.query_one("#results", DataTable).row_count == 4)
        assert "every qualification" in str(app.screen.query_one("#status").render())
        await type_query(pilot, "qwxzv")
        assert "No match" in str(app.screen.query_one("#status").render())
        assert app.screen.query_one("#results", DataTable).row_count == 0


async def test_country_filter(app):
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.query_one("#results", DataTable).row_count == 4)
        await pilot.press("f3", "f3")  # all → FI → SE
        await wait_for(pilot, lambda: app.screen.query_one("#results", DataTable).row_count == 2)
        countries = {row[0] for row in (app.screen.query_one("#results", DataTable).get_row_at(i)
                                        for i in range(2))}
        assert countries == {"SE"}


async def test_compare_courses_guide_and_help(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_detail(pilot, "lähihoitaja")
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen)
                       and app.screen.right is not None)
        text = screen_text(app)
        assert "Vocational qualification in Social and Health Care" in text
        assert "Assistant nurse" in text and "Same level; the title needs an application." in text
        await pilot.press("escape", "escape", "f5")
        await wait_for(pilot, lambda: isinstance(app.screen, CoursesScreen)
                       and app.screen.courses)
        assert app.screen.query_one("#courses", DataTable).get_row_at(0)[1].plain == "Haparanda stad"
        await pilot.press("escape", "f6")
        await wait_for(pilot, lambda: isinstance(app.screen, GuideScreen) and app.screen.steps)
        assert "Skatteverket" in screen_text(app)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, GuideScreen)


async def test_write_a_plan_and_read_it_back(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await open_detail(pilot, "lahihoitaja")
        await pilot.press("p")
        assert isinstance(app.screen, PlanScreen)
        target = tmp_path / "client-plan.html"
        path_input = app.screen.query_one("#plan-path", Input)
        path_input.value = str(target)
        app.screen.query_one("#plan-format").value = "html"
        await pilot.pause()
        path_input.value = str(target)  # the format change re-suffixes; keep our name
        await pilot.click("#plan-save")
        await wait_for(pilot, lambda: target.exists())
        html = target.read_text(encoding="utf-8")
        assert "Vocational qualification in Social and Health Care" in html
        assert "Socialstyrelsen" in html and "<script" not in html
        await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen))


async def test_plan_does_not_overwrite_without_asking(app, tmp_path):
    target = tmp_path / "existing.md"
    target.write_text("keep me", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await open_detail(pilot, "lahihoitaja")
        await pilot.press("p")
        app.screen.query_one("#plan-path", Input).value = str(target)
        await pilot.click("#plan-save")
        await wait_for(pilot, lambda: "exists already" in str(
            app.screen.query_one("#plan-status").render()))
        assert target.read_text(encoding="utf-8") == "keep me"
        save = app.screen.query_one("#plan-save")
        await wait_for(pilot, lambda: not save.has_class("-active"))  # a button ignores double presses
        await pilot.click("#plan-save")
        await wait_for(pilot, lambda: target.read_text(encoding="utf-8") != "keep me")
        assert target.read_text(encoding="utf-8").startswith("# Advising plan")


ODD_INPUT = ["", "x" * 10_000, "\x00\x01\x07\x1b[2J\x1b]0;title\x07", "[bold]not markup[/]",
             "[/unclosed", "🚚👩‍⚕️ مرحبا שלום 日本語", "a\u0308\u0301" * 100, "\u202e\ufeff"]


@pytest.mark.parametrize("text", ODD_INPUT, ids=range(len(ODD_INPUT)))
async def test_odd_pasted_input_never_crashes(app, text):
    async with app.run_test(size=SIZE) as pilot:
        search_box = app.screen.query_one("#query", Input)
        search_box.post_message(events.Paste(text))
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.is_running
        status = str(app.screen.query_one("#status").render()) if isinstance(
            app.screen, SearchScreen) else ""
        assert "\x1b" not in status


def footer_descriptions(app) -> set[str]:
    return {binding.description for _key, (_node, binding, _enabled, _tooltip)
            in app.screen.active_bindings.items() if binding.show}


async def test_language_switches_at_runtime(app):
    async with app.run_test(size=SIZE) as pilot:
        assert {"Quit", "Help", "Language", "Country"} <= footer_descriptions(app)
        await pilot.press("f2")                     # English → suomi
        await pilot.pause()
        assert {"Lopeta", "Ohje", "Kieli", "Maa"} <= footer_descriptions(app)
        await pilot.press("f2")                     # → svenska
        await pilot.pause()
        assert {"Avsluta", "Hjälp", "Språk", "Land"} <= footer_descriptions(app)
        await type_query(pilot, "lahihoitaja")
        status = str(app.screen.query_one("#status").render())
        assert "träff" in status
        table = app.screen.query_one("#results", DataTable)
        assert table.get_row_at(0)[1].plain == "Grundexamen inom social- och hälsovårdsbranschen"
        await pilot.press("enter")
        await wait_for_detail(pilot)
        text = screen_text(app)
        assert "Motsvarigheter i det andra landet" in text and "delvis motsvarande" in text
        assert "Kontrollerad 1 november 2026" in text


async def test_started_in_finnish(built_fixture_db):
    app = create_app(database_url=built_fixture_db, language="fi")
    async with app.run_test(size=SIZE) as pilot:
        assert "Lopeta" in footer_descriptions(app)
        await pilot.press("f1")
        assert "ohje" in screen_text(app).lower()

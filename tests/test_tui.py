"""The terminal UI driven as a person uses it (App.run_test + Pilot), on the test catalogue."""

from __future__ import annotations

import subprocess
import sys

import pytest
from textual.widgets import DataTable, Input, Select, Static

from mobility_tui.catalog.build import build_database
from mobility_tui.tui import app as app_module
from mobility_tui.tui.app import create_app
from mobility_tui.tui.screens.check import CheckScreen
from mobility_tui.tui.screens.compare import CompareScreen
from mobility_tui.tui.screens.courses import CoursesScreen
from mobility_tui.tui.screens.detail import DetailScreen
from mobility_tui.tui.screens.guide import GuideScreen
from mobility_tui.tui.screens.plan import PlanScreen
from mobility_tui.tui.screens.search import SearchScreen
from mobility_tui.tui.widgets.page_view import PageView
from tests.conftest import FIXTURE_DATA, chosen

SIZE = (100, 32)


def text_of(app, selector: str) -> str:
    widget = app.screen.query_one(selector)
    if isinstance(widget, PageView):
        widget = widget.query_one("#page-body", Static)
    return str(widget.render())


async def wait_for(pilot, predicate, timeout: float = 8.0) -> None:
    waited = 0.0
    while not predicate():
        await pilot.pause(0.05)
        waited += 0.05
        if waited > timeout:
            raise AssertionError("the screen never showed what was expected")


async def ready(pilot) -> None:
    await wait_for(pilot, lambda: pilot.app.services is not None
                   and isinstance(pilot.app.screen, SearchScreen))


async def type_query(pilot, text: str) -> None:
    await ready(pilot)
    await pilot.press(*text)
    await wait_for(pilot, lambda: pilot.app.screen.answer is not None
                   and pilot.app.screen.answer.query == text)


async def open_detail(pilot, text: str) -> None:
    await type_query(pilot, text)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DetailScreen)
                   and pilot.app.screen.detail is not None)


def record_notices(app, monkeypatch) -> list[str]:
    """Every notification the app shows, as text (through its public notify)."""
    shown: list[str] = []
    original = app.notify

    def notify(message, *args, **kwargs):
        shown.append(str(message))
        return original(message, *args, **kwargs)

    monkeypatch.setattr(app, "notify", notify)
    return shown


@pytest.fixture
def app(built_fixture_db):
    return create_app(chosen(built_fixture_db), language="en")


async def test_search_without_diacritics_then_detail_shows_counterpart_gaps_and_demand(app):
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.screen.query_one("#query", Input).has_focus
        await type_query(pilot, "lahihoitaja")
        table = app.screen.query_one("#results", DataTable)
        assert table.get_row_at(0)[1].plain == "Vocational qualification in Social and Health Care"
        assert table.get_row_at(0)[4].plain == "exact"
        assert "Score" not in [str(column.label) for column in table.columns.values()]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.detail)
        shown = text_of(app, "#detail")
        assert "Counterpart in Sweden" in shown and "Assistant nurse" in shown
        assert "Norrbotten" in shown and "an old figure" in shown   # demand, the old one flagged
        assert "protected title" in shown and "320" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)


async def test_a_weak_search_says_so_and_shows_where_to_turn(app):
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "valaanpyytaja")
        assert text_of(app, "#status").startswith("No close match for “valaanpyytaja”") or \
            text_of(app, "#status").startswith("Nothing in the catalogue matches")
        steps = app.screen.query_one("#next-steps", Static)
        assert steps.has_class("shown") and "Border advice service" in str(steps.render())
        table = app.screen.query_one("#results", DataTable)
        assert all(table.get_row_at(row)[4].plain == "nearest" for row in range(table.row_count))


async def test_occupations_open_like_qualifications(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_detail(pilot, "taksikuski")
        assert app.screen.detail.summary.kind == "occupation"
        assert "Taxi driver" in text_of(app, "#detail")


async def test_command_palette_opens_and_its_commands_work(app):
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "CommandPalette")
        await pilot.press(*"Situation check")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CheckScreen))


async def test_sections_switch_instead_of_stacking(app):
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for key, screen_type in (("f5", CoursesScreen), ("f6", GuideScreen), ("f5", CoursesScreen),
                                 ("f7", CheckScreen), ("f6", GuideScreen), ("f4", SearchScreen)):
            await pilot.press(key)
            await wait_for(pilot, lambda screen_type=screen_type: isinstance(app.screen, screen_type))
            assert len(app.screen_stack) == 1


async def test_switching_language_keeps_the_query_and_translates_the_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "lahihoitaja")
        await pilot.press("f2")
        await wait_for(pilot, lambda: getattr(app.screen, "LANGUAGE", "") == "fi")
        await wait_for(pilot, lambda: app.screen.answer is not None)
        assert app.screen.query_one("#query", Input).value == "lahihoitaja"
        descriptions = {binding.description for binding in app.screen.BINDINGS}
        assert "Maa" in descriptions or "Ohje" in {b.description for b in app.screen.BINDINGS}
        assert text_of(app, "#status").startswith("1 osuma") or "osum" in text_of(app, "#status")


async def test_compare_keeps_its_heads_and_shows_level_scope_and_gaps(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_detail(pilot, "rekkakuski")
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.right)
        heads = app.screen.query_one("#compare-head")
        assert heads.parent is app.screen  # outside the scrolling part
        cells = " ".join(str(cell.render()) for cell in app.screen.query(".compare-label"))
        assert "Level" in cells and "Scope" in cells and "Differences to bridge" in cells
        wide = " ".join(str(cell.render()) for cell in app.screen.query(".compare-wide"))
        assert "YKB" in wide


async def test_plan_composer_writes_what_the_officer_chose(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_detail(pilot, "lahihoitaja")
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen) and app.screen.detail)
        client = app.screen.query_one("#plan-client", Input)
        assert client.has_focus
        await pilot.press(*"Pia Qvist")  # "p" and "q" are text here, not keys
        assert client.value == "Pia Qvist" and isinstance(app.screen, PlanScreen)
        app.screen.query_one("#plan-level", Select).value = "A2"
        app.screen.query_one("#plan-format", Select).value = "html"
        await pilot.pause(0.3)
        target = tmp_path / "plan.html"
        app.screen.query_one("#plan-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: target.exists())
        html = target.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and "Pia Qvist" in html and "A2" in html
        await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen))


async def test_situation_check_answers_as_the_inputs_change(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, CheckScreen)
                       and "Frontier worker" in text_of(app, "#check-answers"))
        home = app.screen.query_one("#check-home", Input)
        home.value = "Rovaniemi"
        await wait_for(pilot, lambda: "taxed in Sweden" in text_of(app, "#check-answers"))


async def test_courses_know_places_in_both_languages_and_show_online_ones(app):
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, CoursesScreen) and app.screen.courses)
        app.screen.query_one("#place", Input).value = "Haaparanta"
        await wait_for(pilot, lambda: [course.id for course in app.screen.courses] == [
            "course-test-sfi", "course-test-online-b1"])
        table = app.screen.query_one("#courses", DataTable)
        assert table.get_row_at(1)[4].plain == "online" and table.get_row_at(0)[4].plain == "Haparanda"


async def test_a_failing_worker_is_shown_not_swallowed(app, monkeypatch):
    notices = record_notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "lahihoitaja")

        def broken(_record_id):
            raise RuntimeError("disk on fire [bold]not markup[/bold]")

        monkeypatch.setattr(app.services.qualifications, "get", broken)
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("disk on fire" in notice for notice in notices))
        assert "disk on fire [bold]not markup[/bold]" in text_of(app, "#detail-status")
        assert app.is_running


async def test_a_rebuild_is_noticed_and_the_screen_reads_again(built_fixture_db, data_dir, monkeypatch):
    monkeypatch.setattr(app_module, "POLL_SECONDS", 0.2)
    app = create_app(chosen(built_fixture_db), language="en")
    notices = record_notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "rekkakuski")
        first = app.generation
        path = data_dir / "fi" / "fi-pt-logistiikan.toml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            '"Vocational qualification in Logistics"', '"Vocational qualification in Logistics (new)"'),
            encoding="utf-8")
        build_database(built_fixture_db, data_dir)
        await wait_for(pilot, lambda: app.generation != first)
        await wait_for(pilot, lambda: app.screen.query_one("#results", DataTable).get_row_at(0)[1].plain
                       .endswith("(new)"))
        assert any("rebuilt" in notice for notice in notices)


def test_without_a_terminal_it_says_so_instead_of_hanging(tmp_path):
    built = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    build_database(built, FIXTURE_DATA)
    result = subprocess.run([sys.executable, "-m", "mobility_tui", "--database-url", built],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert "needs a terminal" in result.stderr and result.stderr.count("\n") == 1

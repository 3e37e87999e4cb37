"""What the main screens look like at 80×24 and 120×40, in the three languages
(pytest-textual-snapshot).

Update the pictures after an intended change with `pytest tests/test_snapshots.py
--snapshot-update`, and look at them in snapshot_report.html before committing.
"""

from __future__ import annotations

import pytest

from mobility_tui.tui.app import create_app
from tests.conftest import chosen

SMALL, LARGE = (80, 24), (120, 40)


async def settle(pilot, predicate, timeout: float = 8.0) -> None:
    waited = 0.0
    while not predicate():
        await pilot.pause(0.05)
        waited += 0.05
        assert waited < timeout
    await pilot.pause(0.3)


def steady(run_before):
    """Run the steps, then stop every cursor blinking: a blink caught mid-phase would make the
    picture differ from run to run."""
    async def run(pilot) -> None:
        await run_before(pilot)
        for widget in pilot.app.screen.query("Input, TextArea"):
            widget.cursor_blink = False
        await pilot.pause(0.1)
    return run


async def ready(pilot) -> None:
    await settle(pilot, lambda: pilot.app.services is not None
                 and getattr(pilot.app.screen, "generation", None) is not None)


async def search_for(pilot, text: str) -> None:
    await ready(pilot)
    await pilot.press(*text)
    await settle(pilot, lambda: pilot.app.screen.answer is not None
                 and pilot.app.screen.answer.query == text)


async def open_detail(pilot, text: str) -> None:
    await search_for(pilot, text)
    await pilot.press("enter")
    await settle(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None)


@pytest.fixture
def snapshot_app(built_fixture_db):
    def make(language: str):
        return create_app(chosen(built_fixture_db), language=language)
    return make


@pytest.mark.parametrize("language, size", [("en", SMALL), ("sv", LARGE)])
def test_search_screen(snap_compare, snapshot_app, language, size):
    assert snap_compare(snapshot_app(language), terminal_size=size,
                        run_before=steady(lambda pilot: search_for(pilot, "lahihoitaja")))


@pytest.mark.parametrize("language, size", [("en", LARGE), ("fi", SMALL)])
def test_no_close_match(snap_compare, snapshot_app, language, size):
    assert snap_compare(snapshot_app(language), terminal_size=size,
                        run_before=steady(lambda pilot: search_for(pilot, "valaanpyytaja")))


@pytest.mark.parametrize("language, size", [("en", SMALL), ("fi", LARGE)])
def test_detail_screen(snap_compare, snapshot_app, language, size):
    # A record checked in 2024: the stale warning is part of the picture, and stays so.
    assert snap_compare(snapshot_app(language), terminal_size=size,
                        run_before=steady(lambda pilot: open_detail(pilot, "rekkakuski")))


@pytest.mark.parametrize("language, size", [("en", LARGE), ("sv", SMALL)])
def test_compare_screen(snap_compare, snapshot_app, language, size):
    async def run_before(pilot):
        await open_detail(pilot, "rekkakuski")
        await pilot.press("c")
        await settle(pilot, lambda: getattr(pilot.app.screen, "right", None) is not None)

    assert snap_compare(snapshot_app(language), terminal_size=size, run_before=steady(run_before))


@pytest.mark.parametrize("language, size", [("en", LARGE)])
def test_plan_composer(snap_compare, snapshot_app, language, size):
    async def run_before(pilot):
        await open_detail(pilot, "lahihoitaja")
        await pilot.press("p")
        await settle(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None
                     and pilot.app.screen.courses)
        pilot.app.screen.query_one("#plan-path").value = "plan.md"  # no date or folder in the picture

    assert snap_compare(snapshot_app(language), terminal_size=size, run_before=steady(run_before))


@pytest.mark.parametrize("language, size", [("en", LARGE), ("fi", SMALL)])
def test_situation_check(snap_compare, snapshot_app, language, size):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("f7")
        await settle(pilot, lambda: pilot.app.screen.__class__.__name__ == "CheckScreen")
        pilot.app.screen.query_one("#check-on").value = "2026-12-01"  # not today: a stable picture
        await settle(pilot, lambda: pilot.app.screen.generation is not None)
        await pilot.pause(0.5)

    assert snap_compare(snapshot_app(language), terminal_size=size, run_before=steady(run_before))


@pytest.mark.parametrize("language, size", [("en", SMALL), ("fi", LARGE)])
def test_courses_screen(snap_compare, snapshot_app, language, size):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("f5")
        await settle(pilot, lambda: getattr(pilot.app.screen, "courses", None))

    assert snap_compare(snapshot_app(language), terminal_size=size, run_before=steady(run_before))


@pytest.mark.parametrize("language, size", [("sv", SMALL)])
def test_help_screen(snap_compare, snapshot_app, language, size):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("f1")

    assert snap_compare(snapshot_app(language), terminal_size=size, run_before=steady(run_before))

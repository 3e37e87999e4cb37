"""What the main screens look like at 100×32, in two languages (pytest-textual-snapshot).

Update the pictures after an intended change with `pytest tests/test_snapshots.py
--snapshot-update`, and look at them in snapshot_report.html before committing.
"""

from __future__ import annotations

import pytest

from mobility_tui.tui.app import create_app

SIZE = (100, 32)


async def settle(pilot, predicate, timeout: float = 5.0) -> None:
    waited = 0.0
    while not predicate():
        await pilot.pause(0.05)
        waited += 0.05
        assert waited < timeout
    await pilot.pause(0.2)


async def search_for(pilot, text: str) -> None:
    await settle(pilot, lambda: pilot.app.screen.shown_query == "")
    await pilot.press(*text)
    await settle(pilot, lambda: pilot.app.screen.shown_query == text)


async def open_detail(pilot, text: str) -> None:
    await search_for(pilot, text)
    await pilot.press("enter")
    await settle(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None)


@pytest.fixture
def snapshot_app(built_fixture_db):
    def make(language: str):
        return create_app(database_url=built_fixture_db, language=language)
    return make


@pytest.mark.parametrize("language", ["en", "sv"])
def test_search_screen(snap_compare, snapshot_app, language):
    assert snap_compare(snapshot_app(language), terminal_size=SIZE,
                        run_before=lambda pilot: search_for(pilot, "lahihoitaja"))


@pytest.mark.parametrize("language", ["en", "fi"])
def test_detail_screen(snap_compare, snapshot_app, language):
    # A record checked in 2024: the stale warning is part of the picture, and stays so.
    assert snap_compare(snapshot_app(language), terminal_size=SIZE,
                        run_before=lambda pilot: open_detail(pilot, "rekkakuski"))


@pytest.mark.parametrize("language", ["en", "sv"])
def test_compare_screen(snap_compare, snapshot_app, language):
    async def run_before(pilot):
        await open_detail(pilot, "lahihoitaja")
        await pilot.press("c")
        await settle(pilot, lambda: getattr(pilot.app.screen, "right", None) is not None)

    assert snap_compare(snapshot_app(language), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("key, loaded, language", [
    ("f5", "courses", "en"), ("f5", "courses", "fi"), ("f6", "steps", "en"), ("f6", "steps", "sv")])
def test_courses_and_guide_screens(snap_compare, snapshot_app, key, loaded, language):
    async def run_before(pilot):
        await settle(pilot, lambda: pilot.app.services is not None)
        await pilot.press(key)
        await settle(pilot, lambda: getattr(pilot.app.screen, loaded, None))

    assert snap_compare(snapshot_app(language), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("language", ["en", "fi"])
def test_help_screen(snap_compare, snapshot_app, language):
    async def run_before(pilot):
        await settle(pilot, lambda: pilot.app.services is not None)
        await pilot.press("f1")

    assert snap_compare(snapshot_app(language), terminal_size=SIZE, run_before=run_before)

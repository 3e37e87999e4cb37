"""Swedish-language courses, filtered by CEFR level, mode and place."""

from __future__ import annotations

from sqlmodel import Session, select

from mobility_tui.models import Course
from mobility_tui.services.results import CourseView
from mobility_tui.text import fold
from mobility_tui.vocabulary import CEFR_LEVELS


def _rank(level: str) -> int:
    return CEFR_LEVELS.index(level)


def suits_level(levels: list[str], level: str) -> bool:
    """A person at `level` can start the course and gets further with it.

    `levels` are the levels a course teaches (data/README.md): it is open to someone one step
    below its first level and leads up to its last, so a B1 course suits a person at A2.
    """
    ranks = [_rank(item) for item in levels]
    return min(ranks) - 1 <= _rank(level) < max(ranks)


def to_view(row: Course) -> CourseView:
    return CourseView(
        id=row.id, provider=row.provider, name=dict(row.name), levels=list(row.levels),
        mode=row.mode, location=row.location, country=row.country, cost=row.cost, url=row.url,
        description=row.description, sources=list(row.sources), verified=row.verified)


class CourseService:
    def __init__(self, engine):
        self._engine = engine

    def list(self, level: str | None = None, mode: str | None = None,
             place: str | None = None) -> list[CourseView]:
        with Session(self._engine) as session:
            rows = list(session.exec(select(Course)))
        wanted_place = fold(place or "")
        chosen = [
            to_view(row) for row in rows
            if (level is None or suits_level(row.levels, level))
            and (mode is None or row.mode == mode)
            and (not wanted_place or wanted_place in fold(row.location or ""))
        ]
        return sorted(chosen, key=lambda view: (_rank(view.levels[0]), view.provider, view.id))

"""Language courses, filtered by CEFR level, mode and place, and ranked by fit for a client."""

from __future__ import annotations

import builtins
from dataclasses import dataclass

from mobility_tui.services.places import PlaceService
from mobility_tui.services.results import CourseView
from mobility_tui.storage.reader import Reader
from mobility_tui.vocabulary import CEFR_LEVELS


def _rank(level: str) -> int:
    return CEFR_LEVELS.index(level)


def suits_level(levels: list[str], level: str) -> bool:
    """A person at `level` can take the course: it is within the course's range, or one step
    below where it starts (data/README.md: a course is open from one step below its first level)."""
    ranks = [_rank(item) for item in levels]
    return min(ranks) - 1 <= _rank(level) <= max(ranks)


@dataclass(frozen=True)
class Fit:
    """What a course is judged against when a plan picks courses for a client."""

    field: str | None = None
    level: str | None = None
    place: str | None = None  # a place id (places/) or a name the place service knows
    teaches: str = "sv"


class CourseService:
    def __init__(self, reader: Reader, places: PlaceService):
        self.reader = reader
        self.places = places

    def all(self) -> list[CourseView]:
        return self.reader.answer(
            lambda snapshot: [CourseView.of(row.body) for row in snapshot.by_kind("course")])

    def list(self, level: str | None = None, mode: str | None = None,  # noqa: A003
             place: str | None = None, teaches: str | None = None) -> builtins.list[CourseView]:
        """Courses for these filters; an online course is shown whatever place is asked for.
        Courses that have ended are left out."""
        wanted_place = self.places.resolve(place) if place else None
        chosen = [
            course for course in self.all()
            if not course.ended()
            and (level is None or suits_level(course.levels, level))
            and (mode is None or course.mode == mode)
            and (teaches is None or course.teaches == teaches)
            and (not place or course.mode == "online"
                 or self.places.same_place(course.location, wanted_place, place))
        ]
        return sorted(chosen, key=lambda view: (_rank(view.levels[0]), view.provider, view.id))

    def ranked(self, fit: Fit) -> builtins.list[CourseView]:
        """Every course that has not ended, best fit for the client first: the client's field,
        level, place and mode, in that order of weight."""
        place = self.places.resolve(fit.place) if fit.place else None

        def score(course: CourseView) -> tuple:
            field_fit = bool(fit.field and fit.field in course.fields)
            general = not course.fields
            level_fit = fit.level is None or suits_level(course.levels, fit.level)
            near = course.mode == "online" or (
                place is not None and self.places.same_place(course.location, place, fit.place))
            return (-(course.teaches == fit.teaches), -level_fit, -field_fit, -general, -near,
                    _rank(course.levels[0]), course.id)

        return sorted((course for course in self.all() if not course.ended()), key=score)

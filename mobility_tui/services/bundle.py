"""All services on one database, as the TUI, the browser and the plan use them."""

from __future__ import annotations

from dataclasses import dataclass

from mobility_tui.services.checks import CheckService
from mobility_tui.services.courses import CourseService
from mobility_tui.services.guide import GuideService
from mobility_tui.services.places import PlaceService
from mobility_tui.services.qualifications import QualificationService
from mobility_tui.storage.reader import Reader


@dataclass(frozen=True)
class Services:
    reader: Reader
    qualifications: QualificationService
    courses: CourseService
    guide: GuideService
    places: PlaceService
    checks: CheckService

    @classmethod
    def on(cls, reader: Reader) -> Services:
        places = PlaceService(reader)
        return cls(reader, QualificationService(reader), CourseService(reader, places),
                   GuideService(reader), places, CheckService(reader, places))

"""All services on one database, as the TUI uses them."""

from __future__ import annotations

from dataclasses import dataclass

from mobility_tui.services.courses import CourseService
from mobility_tui.services.guide import GuideService
from mobility_tui.services.qualifications import QualificationService


@dataclass(frozen=True)
class Services:
    qualifications: QualificationService
    courses: CourseService
    guide: GuideService

    @classmethod
    def on(cls, engine) -> Services:
        return cls(QualificationService(engine), CourseService(engine), GuideService(engine))

"""The advising plan as data: one client, one qualification, the direction they are going, the
courses and steps the officer chose, the situation check and the officer's notes.

Everything comes from one build generation (each part is read through the same services, and
the plan records the generation it was made from); presentation/plan.py turns it into a page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from mobility_tui.i18n import _
from mobility_tui.services.courses import Fit
from mobility_tui.services.errors import NotFound, quote_input
from mobility_tui.services.results import CourseView, Detail, GuideStepView

# Courses a plan offers when the officer picks none: the best fitting few.
DEFAULT_COURSES = 4
SCENARIOS_BY_DIRECTION = {("FI", "SE"): ("commute-to-se", "move-to-se"),
                          ("SE", "FI"): ("commute-to-fi", "move-to-fi")}


class PlanError(ValueError):
    """The plan's inputs do not fit together (e.g. a scenario for the other direction)."""


@dataclass(frozen=True)
class PlanRequest:
    qualification_id: str
    scenario: str | None = None
    language_level: str | None = None
    course_ids: tuple[str, ...] | None = None  # None: the best fitting courses
    step_ids: tuple[str, ...] | None = None  # None: every step of the scenario
    client: str = ""
    notes: str = ""
    place: str | None = None
    situation: Any = None  # a rules.Situation when the officer filled in home and work
    created: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True)
class Plan:
    request: PlanRequest
    detail: Detail
    scenario: str
    courses: list[CourseView]
    steps: list[GuideStepView]
    answers: Any  # rules.CheckAnswer or None
    generation: str

    @property
    def direction(self) -> tuple[str, str]:
        return self.detail.direction

    def to_json(self) -> dict[str, Any]:
        return {
            "client": self.request.client or None,
            "created": self.request.created.isoformat(),
            "generation": self.generation,
            "direction": {"from": self.direction[0], "to": self.direction[1]},
            "scenario": self.scenario,
            "level": self.request.language_level,
            "qualification": self.detail.to_json(),
            "courses": [course.to_json() for course in self.courses],
            "steps": [step.to_json() for step in self.steps],
            "situation": self.answers.to_json() if self.answers is not None else None,
            "notes": self.request.notes or None,
            "references": self.references(),
        }

    def references(self) -> list[str]:
        """Every source of the facts the plan states, once, in the order the plan uses them.

        A course is cited by its own page and a checklist step by its authority's page (the
        plan shows no more of them); the app's guide shows the steps whole, with their sources.
        """
        urls: list[str] = [source.url for source in self.detail.sources]
        for view in self.detail.counterparts:
            urls.extend(source.url for source in view.sources)
            if view.direction[0] != self.detail.summary.country:
                continue  # a comparison made the other way round: its gaps are not shown
            for gap in view.gaps:
                urls.extend(source.url for source in gap.sources)
                urls.extend(route.url for route in gap.routes)
        for regulation in self.detail.regulation:
            urls.extend(source.url for source in regulation.sources)
        for figure in self.detail.demand:
            urls.extend(source.url for source in figure.sources)
        urls.extend(course.url for course in self.courses)
        urls.extend(step.authority.url for step in self.steps)
        if self.answers is not None:
            for answer in self.answers.answers:
                urls.extend(answer.sources)
        return list(dict.fromkeys(urls))


def default_scenario(country: str) -> str:
    # A Finnish diploma at the Tornio–Haparanda border usually means work in Sweden, home in Finland.
    return "commute-to-se" if country == "FI" else "commute-to-fi"


def make_plan(services, request: PlanRequest) -> Plan:
    detail = services.qualifications.get(request.qualification_id)
    generation = services.qualifications.generation
    scenario = request.scenario or default_scenario(detail.summary.country)
    if scenario not in SCENARIOS_BY_DIRECTION[detail.direction]:
        raise PlanError(_("The scenario {scenario} is for the other direction: a {country} "
                          "qualification goes to the other country.").format(
            scenario=scenario, country=detail.summary.country))
    courses = choose_courses(services, detail, request)
    steps = services.guide.steps(scenario)
    if request.step_ids is not None:  # the officer's choice, even of a step for another field
        wanted = set(request.step_ids)
        steps = [step for step in steps if step.id in wanted]
    else:
        steps = [step for step in steps if step.concerns(detail.summary.field)]
    answers = None
    if request.situation is not None:
        answers = services.checks.check(request.situation)
    if services.qualifications.generation != generation:
        # The database was rebuilt while the plan was being made: make it again, whole.
        return make_plan(services, request)
    return Plan(request, detail, scenario, courses, steps, answers, generation or "")


def choose_courses(services, detail: Detail, request: PlanRequest) -> list[CourseView]:
    teaches = "sv" if detail.direction[1] == "SE" else "fi"
    ranked = services.courses.ranked(Fit(detail.summary.field, request.language_level,
                                         request.place, teaches))
    if request.course_ids is None:
        return [course for course in ranked if course.teaches == teaches][:DEFAULT_COURSES]
    by_id = {course.id: course for course in ranked}
    missing = [course_id for course_id in request.course_ids if course_id not in by_id]
    if missing:
        raise NotFound(_("No course has the id {id}.").format(id=quote_input(missing[0])))
    return [by_id[course_id] for course_id in request.course_ids]

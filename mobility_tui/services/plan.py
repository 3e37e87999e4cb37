"""The advising plan: one qualification's counterpart, recognition steps, courses and the guide
for a scenario, written as Markdown or as one self-contained HTML file.

Both formats are rendered from the same context by Jinja2 templates (HTML with autoescape),
so they always hold the same content.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mobility_tui import labels
from mobility_tui.i18n import _, current_language, format_date, pick_list_text, pick_text
from mobility_tui.services.courses import CourseService
from mobility_tui.services.guide import GuideService
from mobility_tui.services.qualifications import QualificationService
from mobility_tui.services.results import CourseView, GuideStepView, QualificationDetail
from mobility_tui.text import strip_controls

FORMATS = ("md", "html")
MAX_COURSES = 6


class PlanFileError(Exception):
    """The plan cannot be written where asked; one sentence."""


@dataclass(frozen=True)
class Plan:
    detail: QualificationDetail
    scenario: str
    swedish_level: str | None
    courses: list[CourseView]
    steps: list[GuideStepView]
    created: dt.date


def default_scenario(country: str) -> str:
    # A Finnish diploma at the Tornio–Haparanda border usually means work in Sweden, home in Finland.
    return "commute-to-se" if country == "FI" else "commute-to-fi"


def make_plan(qualifications: QualificationService, courses: CourseService, guide: GuideService,
              qualification_id: str, scenario: str | None = None,
              swedish_level: str | None = None) -> Plan:
    detail = qualifications.get(qualification_id)
    scenario = scenario or default_scenario(detail.summary.country)
    chosen = courses.list(level=swedish_level)[:MAX_COURSES]
    return Plan(detail, scenario, swedish_level, chosen, guide.steps(scenario), dt.date.today())


def _https(url: str) -> str | None:
    return url if url.startswith("https://") else None


def plan_context(plan: Plan) -> dict[str, Any]:
    """Everything the templates show, already in the interface language."""
    detail, summary = plan.detail, plan.detail.summary
    level = f"EQF {summary.eqf_level}"
    if summary.national_level:
        level += f", {labels.national_framework(summary.country)} {summary.national_level}"
    sources: dict[str, str] = {}

    def cite(urls: list[str], day: dt.date) -> list[str]:
        for url in urls:
            sources.setdefault(url, format_date(day))
        return urls

    counterparts = [{
        "name": pick_text(view.qualification.name) if view.qualification else _("none"),
        "id": view.qualification.id if view.qualification else "",
        "relation": labels.label(labels.RELATIONS, view.relation),
        "track": pick_text(view.track) if view.track else "",
        "rationale": pick_text(view.rationale),
        "sources": cite(view.sources, detail.verified),
    } for view in detail.counterparts]
    regulation = [{
        "occupation": pick_text(view.occupation),
        "country": labels.label(labels.COUNTRIES, view.country),
        "regulated": view.regulated,
        "state": _("regulated") if view.regulated else _("not regulated"),
        "authority": view.authority_name, "authority_url": _https(view.authority_url),
        "valid_from": format_date(view.valid_from) if view.valid_from else "",
        "fee": view.fee or "", "processing_time": view.processing_time or "",
        "swedish_level": view.swedish_level or "",
        "language": pick_text(view.language_requirement) if view.language_requirement else "",
        "notes": pick_text(view.notes) if view.notes else "",
        "steps": [pick_text(step) for step in view.steps],
        "sources": cite(view.sources, view.verified), "verified": format_date(view.verified),
    } for view in detail.regulation]
    courses = [{
        "name": pick_text(course.name), "provider": course.provider,
        "levels": "–".join(dict.fromkeys([course.levels[0], course.levels[-1]])),
        "mode": labels.label(labels.MODES, course.mode), "location": course.location or "",
        "cost": course.cost or _("not published"), "url": _https(course.url),
        "verified": format_date(course.verified), "sources": cite(course.sources, course.verified),
    } for course in plan.courses]
    steps = [{
        "title": pick_text(step.title), "body": pick_text(step.body),
        "authority": step.authority_name, "authority_url": _https(step.authority_url),
        "verified": format_date(step.verified), "sources": cite(step.sources, step.verified),
    } for step in plan.steps]
    cite(detail.sources, detail.verified)
    return {
        "lang": current_language(),
        "title": _("Advising plan"),
        "created": format_date(plan.created),
        "qualification": {
            "name": pick_text(summary.name), "id": summary.id,
            "type": labels.label(labels.TYPES, summary.type),
            "code": summary.code or _("unknown"), "level": level,
            "titles": pick_list_text(summary.titles),
            "description": pick_text(detail.description) if detail.description else "",
            "verified": format_date(detail.verified), "stale": detail.is_stale(),
        },
        "counterparts": counterparts, "regulation": regulation,
        "swedish_level": plan.swedish_level or "",
        "courses": courses,
        "scenario": labels.label(labels.SCENARIOS, plan.scenario), "steps": steps,
        "sources": [{"url": url, "safe_url": _https(url), "checked": day}
                    for url, day in sources.items()],
        "t": _plan_words(),
    }


def _plan_words() -> dict[str, str]:
    return {
        "created": _("Made on {date} with mobility-tui."),
        "qualification": _("Your qualification"),
        "type": _("Type"), "code": _("Code"), "level": _("Level"),
        "titles": _("Occupational titles"), "trained": _("What the holder is trained to do"),
        "stale": _("This record was last checked on {date}, more than a year ago: check the "
                   "sources before relying on it."),
        "checked": _("Checked on {date}"),
        "counterparts": _("Counterpart in the other country"),
        "no_counterparts": _("No counterpart decision is recorded yet."),
        "relation": _("Relation"), "for_track": _("For: {track}"),
        "regulation": _("Recognition and licences"),
        "no_regulation": _("No regulation entry is recorded: ask the authority of the occupation "
                           "or the border advice service."),
        "authority": _("Authority"), "applies_from": _("Applies from"), "fee": _("Fee"),
        "processing_time": _("Processing time"), "language": _("Language"),
        "swedish_level": _("Swedish level required"),
        "steps": _("Steps"),
        "courses": _("Swedish courses"),
        "courses_for_level": _("Courses for a person at level {level}"),
        "no_courses": _("No course in the data matches; ask the border advice service."),
        "provider": _("Provider"), "levels": _("Levels"), "mode": _("Mode"),
        "place": _("Place"), "cost": _("Cost"),
        "checklist": _("Checklist: {scenario}"),
        "no_steps": _("No guide steps are recorded for this scenario yet."),
        "sources": _("Sources"),
        "disclaimer": _("This plan is guidance, not a decision: the authorities named above decide. "
                        "Check each source before you apply."),
    }


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def escape_markdown(value: Any) -> str:
    """Data text made inert inside a Markdown line: no emphasis, links, HTML or table breaks."""
    text = strip_controls(str(value)).replace("\r", "").replace("\n", " ")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def escape_markdown_block(value: Any) -> str:
    """As `escape_markdown`, for text that starts a line: it cannot start a list either."""
    return re.sub(r"^(\s*)([-+]|\d+\.)(\s)", r"\1\\\2\3", escape_markdown(value))


def markdown_url(value: Any) -> str:
    """An https address as a Markdown autolink; anything else as inert text."""
    url = strip_controls(str(value))
    if url.startswith("https://") and not re.search(r"[\s<>]", url):
        return f"<{url}>"
    return escape_markdown(url)


def _environment(autoescape: bool):
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(loader=PackageLoader("mobility_tui", "templates"),
                              autoescape=autoescape, undefined=StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters["md"] = escape_markdown
    environment.filters["mdblock"] = escape_markdown_block
    environment.filters["mdurl"] = markdown_url
    environment.filters["clean"] = lambda value: strip_controls(str(value))
    return environment


def render_plan(plan: Plan, fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(fmt)
    context = plan_context(plan)
    if fmt == "html":
        return _environment(autoescape=True).get_template("plan.html.j2").render(context)
    return _environment(autoescape=False).get_template("plan.md.j2").render(context)


def default_plan_name(plan: Plan, fmt: str) -> str:
    return f"plan-{plan.detail.summary.id}-{plan.created.isoformat()}.{fmt}"


def write_plan(text: str, path: Path, force: bool = False) -> Path:
    """Write the plan; an existing file is replaced only with `force`."""
    path = Path(path).expanduser()
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    try:
        descriptor = os.open(path, flags, 0o644)
    except FileExistsError:
        raise PlanFileError(_("The file {path} exists already; choose another name or replace "
                              "it on purpose (--force).").format(path=path)) from None
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else error.__class__.__name__
        if error.errno == errno.EISDIR:
            reason = _("it is a folder")
        raise PlanFileError(_("The plan cannot be written to {path} ({reason}).").format(
            path=path, reason=reason)) from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path.resolve()

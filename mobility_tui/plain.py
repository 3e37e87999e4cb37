"""Plain-text views of service results for the command line: localized, 80 columns, no colour.

Every value from the data passes `strip_controls`, so a data file can never send escape
sequences to the terminal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from mobility_tui import labels
from mobility_tui.i18n import _, format_date, ngettext, pick_list_text, pick_text
from mobility_tui.services.results import (
    QualificationDetail,
    QualificationSummary,
    RegulationView,
    SearchHit,
)
from mobility_tui.text import strip_controls

WIDTH = 80


def _clip(text: str, width: int) -> str:
    text = strip_controls(text).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _wrap(text: str, indent: str = "  ") -> list[str]:
    text = strip_controls(text)
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def search_results(hits: list[SearchHit], query: str) -> str:
    if not hits:
        return _("No qualification matches {query}. Try a shorter word, an occupational title "
                 "(e.g. lähihoitaja) or the name in another language.").format(
            query=f"“{_clip(query, 40)}”")
    lines = [ngettext("{count} match", "{count} matches", len(hits)).format(count=len(hits)), ""]
    for hit in hits:
        summary = hit.qualification
        head = f"{hit.score:5.1f}  {summary.country}  EQF {summary.eqf_level}  "
        lines.append(head + _clip(pick_text(summary.name), WIDTH - len(head)))
        detail = f"{summary.id}  · " + _("matched: {label}").format(label=hit.matched)
        lines.append(" " * 7 + _clip(detail, WIDTH - 7))
    return "\n".join(lines)


def qualification_list(items: list[QualificationSummary]) -> str:
    lines = [ngettext("{count} qualification", "{count} qualifications", len(items)).format(
        count=len(items)), ""]
    for summary in items:
        head = f"{summary.country}  EQF {summary.eqf_level}  "
        lines.append(head + _clip(pick_text(summary.name), WIDTH - len(head)))
        lines.append(" " * len(head) + _clip(summary.id, WIDTH - len(head)))
    return "\n".join(lines)


def _section(title: str) -> list[str]:
    return ["", title, "─" * min(len(title), WIDTH)]


def _regulation(view: RegulationView) -> list[str]:
    country = labels.label(labels.COUNTRIES, view.country)
    state = _("regulated") if view.regulated else _("not regulated")
    lines = [_clip(f"{pick_text(view.occupation)} — {country}: {state}", WIDTH)]
    lines.append(_clip("  " + _("Authority: {name} <{url}>").format(
        name=view.authority_name, url=view.authority_url), WIDTH))
    if view.valid_from:
        lines.append("  " + _("Applies from {date}").format(date=format_date(view.valid_from)))
    if view.fee:
        lines.append(_clip("  " + _("Fee: {fee}").format(fee=view.fee), WIDTH))
    if view.processing_time:
        lines.append(_clip("  " + _("Processing time: {time}").format(time=view.processing_time),
                           WIDTH))
    if view.language_requirement:
        lines.extend(_wrap(_("Language: {text}").format(
            text=pick_text(view.language_requirement))))
    if view.notes:
        lines.extend(_wrap(pick_text(view.notes)))
    for number, step in enumerate(view.steps, start=1):
        lines.extend(textwrap.wrap(strip_controls(pick_text(step)), WIDTH,
                                   initial_indent=f"  {number}. ", subsequent_indent="     "))
    return lines


def qualification_detail(detail: QualificationDetail) -> str:
    summary = detail.summary
    lines = [_clip(pick_text(summary.name), WIDTH), summary.id]
    for lang in ("fi", "sv", "en"):
        if summary.name.get(lang):
            lines.append(_clip(f"  {lang}: {summary.name[lang]}", WIDTH))
    level = f"EQF {summary.eqf_level}"
    if summary.national_level:
        level += f" · {labels.national_framework(summary.country)} {summary.national_level}"
    facts = [
        (_("Country"), labels.label(labels.COUNTRIES, summary.country)),
        (_("Type"), labels.label(labels.TYPES, summary.type)),
        (_("Code"), summary.code or _("unknown")),
        (_("Level"), level),
        (_("Occupational titles"), pick_list_text(summary.titles)),
    ]
    if detail.programme:
        facts.append((_("Programme"), pick_text(detail.programme.name)))
    width = max(len(name) for name, _value in facts) + 2
    lines.append("")
    lines.extend(_clip(f"{name + ':':<{width}}{value}", WIDTH) for name, value in facts)
    if detail.is_stale():
        lines.append("")
        lines.append(_("Warning: this record was last checked on {date}, more than a year ago.")
                     .format(date=format_date(detail.verified)))
    if detail.note:
        lines.extend([""] + _wrap(pick_text(detail.note), ""))
    if detail.description:
        lines.extend(_section(_("What the holder is trained to do")))
        lines.extend(_wrap(pick_text(detail.description), ""))
    if detail.specialisations:
        lines.extend(_section(_("Competence areas")))
        lines.extend(_clip("  • " + pick_text(item), WIDTH) for item in detail.specialisations)
    lines.extend(_section(_("Counterparts in the other country")))
    if not detail.counterparts:
        lines.append(_("No counterpart decision is recorded yet."))
    for view in detail.counterparts:
        relation = labels.label(labels.RELATIONS, view.relation)
        target = pick_text(view.qualification.name) if view.qualification else _("none")
        lines.append(_clip(f"• {target} — {relation}", WIDTH))
        if view.qualification:
            lines.append(_clip(f"  {view.qualification.id}", WIDTH))
        if view.track:
            lines.append(_clip("  " + _("For: {track}").format(track=pick_text(view.track)), WIDTH))
        lines.extend(_wrap(pick_text(view.rationale)))
    lines.extend(_section(_("Regulation")))
    if not detail.regulation:
        lines.append(_("No regulation entry is recorded for this qualification or its counterparts."))
    for view in detail.regulation:
        lines.extend(_regulation(view))
    lines.extend(_section(_("Sources")))
    lines.extend(_clip(f"  {url}", WIDTH) for url in detail.sources)
    lines.append(_("Checked on {date}").format(date=format_date(detail.verified)))
    return "\n".join(lines)


def problems(items: Iterable[object]) -> str:
    return "\n".join(strip_controls(str(item)) for item in items)


def course_list(courses: list, level: str | None) -> str:
    from mobility_tui.services.results import CourseView

    if not courses:
        return _("No course matches these filters.")
    lines = [ngettext("{count} course", "{count} courses", len(courses)).format(count=len(courses))]
    if level:
        lines.append(_("Courses a person at {level} can start and get further with.").format(
            level=level))
    for course in courses:
        assert isinstance(course, CourseView)
        lines.append("")
        lines.append(_clip(f"• {pick_text(course.name)}", WIDTH))
        levels = "–".join(dict.fromkeys([course.levels[0], course.levels[-1]]))
        place = course.location or labels.label(labels.MODES, "online")
        lines.append(_clip(f"  {course.provider} · {levels} · "
                           f"{labels.label(labels.MODES, course.mode)} · {place}", WIDTH))
        lines.append(_clip("  " + _("Cost: {cost}").format(
            cost=course.cost or _("not published")), WIDTH))
        lines.append(_clip(f"  {course.url}", WIDTH))
    return "\n".join(lines)


def guide_steps(steps: list, scenario: str | None) -> str:
    if not steps:
        return _("No guide steps are recorded for this scenario yet.")
    lines = [labels.label(labels.SCENARIOS, scenario) if scenario else _("All scenarios")]
    for number, step in enumerate(steps, start=1):
        lines.append("")
        lines.append(_clip(f"{number}. {pick_text(step.title)}", WIDTH))
        lines.extend(_wrap(pick_text(step.body), "   "))
        lines.append(_clip("   " + _("Authority: {name} <{url}>").format(
            name=step.authority_name, url=step.authority_url), WIDTH))
    return "\n".join(lines)

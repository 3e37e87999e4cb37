"""Pages for lists: the catalogue, courses, guide steps."""

from __future__ import annotations

from mobility_tui.i18n import _, ngettext, pick_list_text
from mobility_tui.presentation import formats, words
from mobility_tui.presentation.blocks import Entry, Page, Paragraph, Section, line, span
from mobility_tui.presentation.records import course_entry, guide_entry, kind_text, name
from mobility_tui.services.results import CourseView, GuideStepView, Summary


def list_page(items: list[Summary]) -> Page:
    entries = []
    for item in items:
        facts = [words.label(words.COUNTRIES, item.country)]
        if item.eqf_level:
            facts.append(formats.level(item))
        body = [Paragraph(line(span(kind_text(item), "muted")))]
        titles = pick_list_text(item.titles)
        if titles:
            body.append(Paragraph(line(titles)))
        entries.append(Entry(line(span(name(item), "strong"), span(f"  ({', '.join(facts)})", "muted")),
                             tuple(body)))
    title = ngettext("{count} qualification or occupation", "{count} qualifications and occupations",
                     len(items)).format(count=len(items))
    return Page(title, (), (Section("list", "", tuple(entries)),) if entries else ())


def courses_page(courses: list[CourseView], level: str | None, place: str | None) -> Page:
    if not courses:
        return Page(_("No course matches these filters."))
    title = ngettext("{count} course", "{count} courses", len(courses)).format(count=len(courses))
    subtitle = []
    if level:
        subtitle.append(_("Courses a person at {level} can take.").format(level=level))
    if place:
        subtitle.append(_("Online courses are shown whatever the place."))
    return Page(title, line(" ".join(subtitle)) if subtitle else (),
                (Section("courses", "", tuple(course_entry(course) for course in courses)),))


def guide_page(steps: list[GuideStepView], scenario: str | None) -> Page:
    title = words.label(words.SCENARIOS, scenario) if scenario else _("All scenarios")
    if not steps:
        return Page(title, line(_("No guide steps are recorded for this scenario yet.")))
    return Page(title, (), (Section("steps", "", tuple(
        guide_entry(number, step) for number, step in enumerate(steps, start=1))),))

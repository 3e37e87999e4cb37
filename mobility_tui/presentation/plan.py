"""The advising plan as a page: what the client takes home, in the interface language.

Short by design (a typical plan fits on four A4 pages): each source is listed once at the end,
no internal ids, only the direction the client is going.
"""

from __future__ import annotations

from mobility_tui.i18n import _, pick_list_text, pick_text
from mobility_tui.presentation import formats, words
from mobility_tui.presentation.blocks import (
    Block,
    Entry,
    Facts,
    Inlines,
    Items,
    Page,
    Paragraph,
    Section,
    line,
    link,
    span,
)
from mobility_tui.presentation.checks import answer_entry
from mobility_tui.presentation.records import (
    counterpart_blocks,
    course_levels,
    course_place,
    demand_blocks,
    direction_heading,
    kind_text,
    name,
    regulation_blocks,
)
from mobility_tui.services.plan import Plan
from mobility_tui.vocabulary import TOPICS


def plan_page(plan: Plan) -> Page:
    detail, request = plan.detail, plan.request
    summary = detail.summary
    subtitle = [_("Made on {date} with mobility-tui.").format(date=formats.date(request.created))]
    if request.client:
        subtitle.insert(0, _("For {client}.").format(client=request.client))
    subtitle.append(f"{direction_heading(plan.direction)}: {words.label(words.SCENARIOS, plan.scenario)}.")
    if request.language_level:
        subtitle.append(_("Language level now: {level}.").format(level=request.language_level))
    sections = [Section("qualification", _("Your qualification"), tuple(_qualification(plan)))]
    # The same counterparts as `show`: a decision made for the other direction is marked so.
    sections.append(Section("counterparts", _("Counterpart {where}").format(
        where=words.label(words.IN_COUNTRY, summary.other_country)), tuple(counterpart_blocks(detail))))
    sections.append(Section("regulation", _("Recognition and licences"),
                            tuple(_compact(regulation_blocks(detail)))))
    if detail.demand:
        sections.append(Section("demand", _("Where the work is"), tuple(demand_blocks(detail.demand))))
    sections.append(Section("courses", _("Language courses"), tuple(_courses(plan))))
    if plan.answers is not None:
        sections.append(Section("situation", _("Your situation: {home} → {work}").format(
            home=plan.answers.situation.home, work=plan.answers.situation.work),
            tuple(_situation(plan))))
    if plan.steps:
        sections.append(Section("checklist", _("Checklist: {scenario}").format(
            scenario=words.label(words.SCENARIOS, plan.scenario)), (Items(tuple(
                line(span(pick_text(step.title), "strong"), " — ",
                     link(step.authority.url, step.authority.name))
                for step in plan.steps), "checklist"), Paragraph(line(span(_(
                    "Each step is explained in full in the app's guide and on the authority's "
                    "page."), "muted"))))))
    if request.notes.strip():
        sections.append(Section("notes", _("Notes from your advisor"), tuple(
            Paragraph(line(text.strip())) for text in request.notes.split("\n\n") if text.strip())))
    sections.append(Section("disclaimer", "", (Paragraph(line(span(_(
        "This plan is guidance, not a decision: the authorities named above decide. Check each "
        "source before you apply."), "muted"))),)))
    title = _("Advising plan: {name}").format(name=name(summary))
    return Page(title, line(" ".join(subtitle)), tuple(sections), tuple(plan.references()))


def _qualification(plan: Plan) -> list[Block]:
    detail = plan.detail
    summary = detail.summary
    rows: list[tuple[str, Inlines]] = [(_("Type"), line(kind_text(summary)))]
    if summary.eqf_level:
        rows.append((_("Level"), line(formats.level(summary))))
    if summary.code:
        rows.append((_("Code"), line(summary.code)))
    if detail.scope:
        rows.append((_("Scope"), line(formats.scope(detail.scope))))
    titles = pick_list_text(summary.titles)
    if titles:
        rows.append((_("Occupational titles"), line(titles)))
    blocks: list[Block] = [Facts(tuple(rows))]
    if detail.checked.stale:
        blocks.append(Paragraph(line(formats.stale_warning(detail.checked)), "warning"))
    if detail.description:
        blocks.append(Paragraph(line(span(_("What the holder is trained to do: "), "strong"),
                                     pick_text(detail.description))))
    return blocks


def _compact(blocks: list[Block]) -> list[Block]:
    """Regulation entries without their per-entry check lines: the sources are listed at the end."""
    compact: list[Block] = []
    for block in blocks:
        if isinstance(block, Entry):
            inner = tuple(item for item in block.blocks
                          if not (isinstance(item, Paragraph) and item.parts
                                  and getattr(item.parts[0], "tone", "") == "muted"))
            compact.append(Entry(block.title, inner))
        else:
            compact.append(block)
    return compact


def _courses(plan: Plan) -> list[Block]:
    if not plan.courses:
        return [Paragraph(line(_("No course in the data matches; ask the border advice service.")))]
    items = []
    for course in plan.courses:
        cost = pick_text(course.cost) if course.cost else _("not published")
        items.append(line(span(pick_text(course.name), "strong"),
                          f" — {course.provider}, {course_levels(course)}, {course_place(course)}, "
                          f"{cost} ", link(course.url)))
    return [Items(tuple(items))]


def _situation(plan: Plan) -> list[Block]:
    blocks: list[Block] = []
    for topic in TOPICS:
        for answer in plan.answers.answers:
            if answer.topic == topic:
                entry = answer_entry(answer)
                blocks.append(Entry(line(span(words.label(words.TOPICS, topic), "strong"), " · ")
                                    + entry.title, entry.blocks[:2]))
    return blocks


def render_plan(plan: Plan, fmt: str) -> bytes:
    from mobility_tui.presentation.documents import render

    return render(plan_page(plan), fmt)

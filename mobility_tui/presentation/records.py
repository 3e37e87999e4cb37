"""The one place that decides what a person sees of a record, in the interface language.

The CLI text, the TUI, the comparison and the plan all render these pages, so a fact shown in
one face is shown in all. Internal ids are never shown here (only `--json` has them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass as _dataclass

from mobility_tui.i18n import _, ngettext, pick_list_text, pick_text
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
from mobility_tui.services.results import (
    CounterpartView,
    CourseView,
    DemandView,
    Detail,
    GapView,
    GuideStepView,
    NextStep,
    RegulationView,
    RouteRef,
    SearchAnswer,
    Source,
    Summary,
)
from mobility_tui.text import strip_controls


def name(summary: Summary) -> str:
    return strip_controls(pick_text(summary.name))


def kind_text(summary: Summary) -> str:
    text = words.label(words.TYPES, summary.type)
    if summary.degree:
        text += " · " + words.label(words.DEGREES, summary.degree)
    return text


def in_country(country: str) -> str:
    return words.label(words.IN_COUNTRY, country)


def direction_heading(direction: tuple[str, str]) -> str:
    """Who is going where: "From Finland to Sweden"."""
    return _("From {origin} to {destination}").format(
        origin=words.label(words.COUNTRIES, direction[0]),
        destination=words.label(words.COUNTRIES, direction[1]))


# --- the detail page ---------------------------------------------------------------------

def detail_page(detail: Detail) -> Page:
    summary = detail.summary
    sections = [Section("facts", _("In brief"), tuple(_facts(detail)))]
    sections.append(Section("counterparts", _("Counterpart {where}").format(
        where=in_country(summary.other_country)), tuple(counterpart_blocks(detail))))
    sections.append(Section("regulation", _("Licences and recognition {where}").format(
        where=in_country(summary.other_country)), tuple(regulation_blocks(detail))))
    employer = employer_blocks(detail)
    if employer:
        sections.append(Section("employer", _("For an employer {where}").format(
            where=in_country(summary.other_country)), tuple(employer)))
    if detail.demand:
        sections.append(Section("demand", _("Where the work is"), tuple(demand_blocks(detail.demand))))
    if detail.description:
        sections.append(Section("description", _("What the holder is trained to do"),
                                (Paragraph(line(pick_text(detail.description))),)))
    if detail.specialisations:
        sections.append(Section("specialisations", _("Competence areas"), (
            Items(tuple(line(pick_text(item)) for item in detail.specialisations)),)))
    if detail.yrkesutgangar:
        sections.append(Section("outcomes", _("Vocational outcomes of this programme"), (
            Items(tuple(line(name(item)) for item in detail.yrkesutgangar)),)))
    sections.append(Section("sources", _("Sources"), tuple(source_blocks(detail.sources))))
    subtitle = line(span(kind_text(summary), "muted"))
    return Page(name(summary), subtitle, tuple(sections))


def _facts(detail: Detail) -> list[Block]:
    summary = detail.summary
    rows: list[tuple[str, Inlines]] = []
    for lang in ("fi", "sv", "en"):
        if summary.name.get(lang):
            rows.append((lang, line(summary.name[lang])))
    rows.append((_("Country"), line(words.label(words.COUNTRIES, summary.country))))
    rows.append((_("Type"), line(kind_text(summary))))
    if summary.kind == "qualification":
        rows.append((_("Code"), line(summary.code or _("unknown"))))
        rows.append((_("Level"), line(formats.level(summary))))
    if detail.scope:
        rows.append((_("Scope"), line(formats.scope(detail.scope))))
    titles = pick_list_text(summary.titles)
    if titles:
        rows.append((_("Occupational titles"), line(titles)))
    if detail.programme:
        rows.append((_("Programme"), line(name(detail.programme))))
    home = home_regulation_text(detail)
    if home:
        rows.append((_("At home"), line(home)))
    blocks: list[Block] = [Facts(tuple(rows))]
    if detail.checked.stale:
        blocks.append(Paragraph(line(formats.stale_warning(detail.checked)), "warning"))
    if detail.note:
        blocks.append(Paragraph(line(pick_text(detail.note)), "note"))
    return blocks


def home_regulation_text(detail: Detail) -> str:
    """One line on the record's own country (steps there are for the other direction)."""
    regulated = [item for item in detail.home_regulation if item.regulated]
    if not regulated:
        return ""
    return "; ".join(_("{occupation}: {form} ({authority})").format(
        occupation=pick_text(item.occupation), form=words.label(words.FORMS, item.form).split(":")[0],
        authority=item.authority.name) for item in regulated)


def counterpart_blocks(detail: Detail) -> list[Block]:
    if not detail.counterparts:
        return [Paragraph(line(_("No counterpart decision is recorded yet. Ask the authority that "
                                 "compares education: UHR in Sweden, the Finnish National Agency "
                                 "for Education (OPH) in Finland.")))]
    return [counterpart_entry(view, detail.summary) for view in detail.counterparts]


def counterpart_entry(view: CounterpartView, shown: Summary) -> Entry:
    relation = words.label(words.RELATIONS, view.relation)
    tone = words.RELATION_TONE.get(view.relation, "")
    if view.other is not None:
        title = line(span(name(view.other), "strong"), "  ", span(relation, tone))
    else:
        title = line(span(relation, tone))
    blocks: list[Block] = []
    this_way = decided_this_way(view, shown)
    if not this_way:
        blocks.append(Paragraph(line(span(_("Decided for the other direction: {direction}").format(
            direction=direction_heading(view.direction)), "muted"))))
    facts: list[tuple[str, Inlines]] = []
    if view.other is not None and view.other.eqf_level:
        facts.append((_("Level"), line(formats.level(view.other))))
    if view.track:
        facts.append((_("For"), line(pick_text(view.track))))
    if facts:
        blocks.append(Facts(tuple(facts)))
    blocks.append(Paragraph(line(pick_text(view.rationale))))
    if not this_way:
        # Its gaps are what the other country's holder lacks here: the wrong way round for this one.
        blocks.append(Paragraph(line(_("What a holder going this way would lack has not been "
                                       "compared."))))
    elif view.day_one:
        blocks.append(Paragraph(line(span(_("From day one: "), "strong"), pick_text(view.day_one))))
    if this_way and view.gaps:
        blocks.append(Entry(line(span(_("What differs, and how to close it"), "strong")),
                            tuple(gap_entry(gap) for gap in view.gaps)))
    if view.ask is not None:
        blocks.append(Paragraph(line(_("Who decides: "), link(view.ask.url, view.ask.name))))
    return Entry(title, tuple(blocks))


def decided_this_way(view: CounterpartView, shown: Summary) -> bool:
    """Whether the comparison was made for the shown record's holder going abroad; one made the
    other way round keeps its relation, but its gaps and day-one work are not this holder's."""
    return view.direction[0] == shown.country


def gap_entry(gap: GapView) -> Entry:
    title = line(pick_text(gap.text))
    if gap.employer:
        title += line("  ", span(f"[{words.label(words.EMPLOYER_VIEWS, gap.employer)}]", "muted"))
    items = [route_line(route) for route in gap.routes]
    if gap.ask is not None:
        items.append(line(_("Ask: "), link(gap.ask.url, gap.ask.name)))
    return Entry(title, (Items(tuple(items)),) if items else ())


def route_line(route: RouteRef) -> Inlines:
    details = [words.label(words.ROUTE_KINDS, route.kind)]
    if route.provider:
        details.append(route.provider)
    if route.location:
        details.append(route.location)
    elif route.mode == "online":
        details.append(words.label(words.MODES, "online"))
    if route.length:
        details.append(pick_text(route.length))
    if route.cost:
        details.append(pick_text(route.cost))
    parts = line(link(route.url, strip_controls(pick_text(route.name))),
                 " (" + ", ".join(details) + ")")
    if route.ends is not None:
        tone = "bad" if route.ends < dt.date.today() else "warn"
        parts += line(" ", span(_("ends {date}").format(date=formats.date(route.ends)), tone))
    return parts


def regulation_blocks(detail: Detail) -> list[Block]:
    if not detail.regulation:
        return [Paragraph(line(_("No regulation entry is recorded for this work {where}. Ask the "
                                 "authority of the occupation or the border advice service.").format(
            where=in_country(detail.summary.other_country))))]
    return [regulation_entry(view) for view in detail.regulation]


def regulation_state(view: RegulationView) -> tuple[str, str]:
    if not view.regulated:
        return _("not regulated"), "good"
    return words.label(words.FORMS, view.form), "bad"


def regulation_entry(view: RegulationView) -> Entry:
    state, tone = regulation_state(view)
    title = line(span(pick_text(view.occupation), "strong"), " — ", span(state, tone))
    rows: list[tuple[str, Inlines]] = [
        (_("For"), line(direction_heading(view.direction))),
        (_("Authority"), line(link(view.authority.url, view.authority.name))),
    ]
    if view.route:
        rows.append((_("Route"), line(words.label(words.ROUTES, view.route))))
    if view.valid_from:
        rows.append((_("Applies from"), line(formats.date(view.valid_from))))
    if view.valid_to:
        ended = view.ended()
        rows.append((_("Until"), line(span(formats.date(view.valid_to), "bad" if ended else ""),
                                      span(" " + _("(has ended)") if ended else "", "bad"))))
    if view.fee:
        fee = line(formats.money(view.fee))
        if view.fee_note:
            fee += line(" — " + pick_text(view.fee_note))
        rows.append((_("Fee"), fee))
    elif view.regulated:
        rows.append((_("Fee"), line(span(_("not published"), "muted"))))
    if view.processing_time:
        rows.append((_("Processing time"), line(pick_text(view.processing_time))))
    if view.swedish_level:
        rows.append((_("Swedish level required"), line(view.swedish_level)))
    if view.language_requirement:
        rows.append((_("Language"), line(pick_text(view.language_requirement))))
    if view.compensation:
        rows.append((_("If the education differs"), line(pick_text(view.compensation))))
    blocks: list[Block] = [Facts(tuple(rows))]
    if view.notes:
        blocks.append(Paragraph(line(pick_text(view.notes))))
    if view.prerequisites:
        blocks.append(Entry(line(span(_("Check first"), "strong")),
                            (Items(tuple(line(pick_text(item)) for item in view.prerequisites)),)))
    if view.documents:
        blocks.append(Entry(line(span(_("Documents"), "strong")),
                            (Items(tuple(line(pick_text(item)) for item in view.documents)),)))
    if view.steps:
        blocks.append(Entry(line(span(_("Steps"), "strong")),
                            (Items(tuple(line(pick_text(step)) for step in view.steps), "numbered"),)))
    blocks.append(Paragraph(line(span(checked_line(view.checked), "muted"))))
    return Entry(title, tuple(blocks))


def checked_line(checked) -> str:
    text = formats.checked(checked)
    return text + (" — " + _("possibly out of date") if checked.stale else "")


EMPLOYER_GROUPS = ("day_one", "induction", "course", "licence")


def employer_view(detail: Detail) -> dict[str, list[str]]:
    """The employer's view, in the interface language: what the holder can do from day one, what
    needs induction at work or a course, and what needs a licence first."""
    groups: dict[str, list[str]] = {key: [] for key in EMPLOYER_GROUPS}
    this_way = [view for view in detail.counterparts if decided_this_way(view, detail.summary)]
    groups["day_one"] = [pick_text(view.day_one) for view in this_way if view.day_one]
    for view in this_way:
        for gap in view.gaps:
            if gap.employer in groups:
                groups[gap.employer].append(pick_text(gap.text))
    for regulation in detail.regulation:
        if regulation.regulated:
            groups["licence"].append(_("{occupation}: {form} from {authority}").format(
                occupation=pick_text(regulation.occupation),
                form=words.label(words.FORMS, regulation.form).split(":")[0],
                authority=regulation.authority.name))
    return {key: list(dict.fromkeys(items)) for key, items in groups.items()}


def employer_blocks(detail: Detail) -> list[Block]:
    titles = {"day_one": _("From day one"), "induction": _("Needs induction at work"),
              "course": _("Needs a course first"), "licence": _("Needs a licence first")}
    return [Entry(line(span(titles[key], "strong")), (Items(tuple(line(item) for item in items)),))
            for key, items in employer_view(detail).items() if items]


def demand_blocks(demand: list[DemandView]) -> list[Block]:
    items = []
    for figure in demand:
        level = words.label(words.DEMAND_LEVELS, figure.level)
        where = region_name({"region": figure.region, "country": figure.country})
        if figure.region != "national":
            where += f" ({words.label(words.COUNTRIES, figure.country)})"
        parts = line(span(where, "strong"),
                     ": ", pick_text(figure.occupation), " — ",
                     span(level, words.DEMAND_TONE.get(figure.level, "")), " · ",
                     span(formats.period(figure.period_start, figure.period_end), "muted"))
        if figure.outdated():
            parts += line(" ", span(_("(an old figure: this period has passed)"), "warn"))
        if figure.sources:
            parts += line(" ", link(figure.sources[0].url))
        items.append(parts)
    return [Items(tuple(items))]


def source_blocks(sources: list[Source], checked=None) -> list[Block]:
    blocks: list[Block] = [Items(tuple(
        line(link(source.url), span(f"  ({words.label(words.SOURCE_KINDS, source.kind)})", "muted"))
        for source in sources))]
    if checked is not None:
        blocks.append(Paragraph(line(span(checked_line(checked), "muted"))))
    return blocks


def detail_with_checked(detail: Detail) -> Page:
    page = detail_page(detail)
    sections = list(page.sections)
    sections[-1] = Section("sources", _("Sources"), tuple(source_blocks(detail.sources, detail.checked)))
    return Page(page.title, page.subtitle, tuple(sections))


# --- search --------------------------------------------------------------------------------

def search_summary(answer: SearchAnswer) -> str:
    query = answer.query.strip()[:60]
    if not answer.hits:
        return _("Nothing in the catalogue matches “{query}”.").format(query=query)
    if not answer.answered:
        return _("No close match for “{query}”. The nearest entries are below, apart: none of them "
                 "is an answer.").format(query=query)
    count = sum(1 for hit in answer.hits if hit.answers)
    return ngettext("{count} match for “{query}”", "{count} matches for “{query}”", count).format(
        count=count, query=query)


def shortage_mark(summary: Summary) -> str:
    """Where the other country's barometer reports a shortage of this work; an old figure says
    until when it held, so it never reads as current."""
    abroad = [item for item in summary.shortage if item["country"] != summary.country]
    if not abroad:
        return ""
    current = sorted({region_name(item) for item in summary.current_shortage()
                      if item["country"] != summary.country})
    if current:
        return _("shortage: {regions}").format(regions=", ".join(current))
    # The latest figure, a region's before the whole country's.
    latest = max(abroad, key=lambda item: (item["period_end"], item["region"] != "national"))
    return _("shortage in {region} (a figure for the period to {date})").format(
        region=region_name(latest), date=formats.date(dt.date.fromisoformat(latest["period_end"])))


def region_name(item: dict) -> str:
    """A barometer's region; "national" figures are for the whole country."""
    if item["region"] == "national":
        return words.label(words.COUNTRIES, item["country"])
    return item["region"]


def next_step_blocks(steps: list[NextStep]) -> list[Block]:
    return [Entry(line(span(pick_text(step.name), "strong")),
                  (Paragraph(line(pick_text(step.why))),
                   Paragraph(line(link(step.authority.url, step.authority.name)))))
            for step in steps]


# --- courses and guide -------------------------------------------------------------------

def course_levels(course: CourseView) -> str:
    return "–".join(dict.fromkeys([course.levels[0], course.levels[-1]]))


def course_place(course: CourseView) -> str:
    if course.mode == "online":
        return words.label(words.MODES, "online")
    return course.location or "—"


def course_entry(course: CourseView) -> Entry:
    rows: list[tuple[str, Inlines]] = [
        (_("Provider"), line(course.provider)),
        (_("Levels"), line(course_levels(course))),
        (_("Mode"), line(words.label(words.MODES, course.mode))),
        (_("Place"), line(course_place(course))),
        (_("Cost"), line(pick_text(course.cost) if course.cost else _("not published"))),
    ]
    if course.ends is not None:
        rows.append((_("Ends"), line(span(formats.date(course.ends), "warn"))))
    rows.append((_("Web page"), line(link(course.url))))
    blocks: list[Block] = [Facts(tuple(rows))]
    if course.description:
        blocks.append(Paragraph(line(pick_text(course.description))))
    blocks.append(Paragraph(line(span(checked_line(course.checked), "muted"))))
    return Entry(line(span(pick_text(course.name), "strong")), tuple(blocks))


def guide_entry(number: int, step: GuideStepView) -> Entry:
    return Entry(line(span(f"{number}. {pick_text(step.title)}", "strong")), (
        Paragraph(line(pick_text(step.body))),
        Paragraph(line(_("Authority: "), link(step.authority.url, step.authority.name))),
        Paragraph(line(span(checked_line(step.checked), "muted")))))


@_dataclass(frozen=True)
class SearchRow:
    """One result as a table row (TUI) or an entry (CLI): the same words in both."""

    record_id: str
    country: str
    name: str
    titles: str
    level: str
    confidence: str
    shortage: str


def search_row(hit) -> SearchRow:
    summary = hit.summary
    return SearchRow(summary.id, summary.country, name(summary),
                     strip_controls(pick_list_text(summary.titles)),
                     f"EQF {summary.eqf_level}" if summary.eqf_level else "",
                     words.label(words.CONFIDENCE, hit.confidence), shortage_mark(summary))


NEAREST_SHOWN = 5


def search_page(answer: SearchAnswer) -> Page:
    """Answers first; weak matches only when nothing else is there, apart and labelled as
    nearest entries, followed by where to turn next."""
    answers = [hit for hit in answer.hits if hit.answers]
    weaker = [hit for hit in answer.hits if not hit.answers]
    sections = []
    if answers:
        blocks: list[Block] = [_hit_entry(hit) for hit in answers]
        if weaker:
            blocks.append(Paragraph(line(span(ngettext(
                "{count} weaker match is not shown (--json lists it).",
                "{count} weaker matches are not shown (--json lists them).",
                len(weaker)).format(count=len(weaker)), "muted"))))
        sections.append(Section("results", _("Results"), tuple(blocks)))
    elif weaker:
        sections.append(Section("nearest", _("Nearest entries (not an answer)"),
                                tuple(_hit_entry(hit) for hit in weaker[:NEAREST_SHOWN])))
    if answer.next_steps:
        sections.append(Section("next-steps", _("Where to turn next"),
                                tuple(next_step_blocks(answer.next_steps))))
    return Page(search_summary(answer), (), tuple(sections))


def _hit_entry(hit) -> Entry:
    row = search_row(hit)
    facts = [words.label(words.COUNTRIES, row.country)]
    if row.level:
        facts.append(row.level)
    if hit.summary.kind == "occupation":
        facts.append(_("occupation"))
    title = line(span(row.name, "strong"), span(f"  ({', '.join(facts)})", "muted"),
                 "  ", span(row.confidence, "good" if hit.answers else "muted"))
    body: list[Block] = []
    if row.titles:
        body.append(Paragraph(line(row.titles)))
    if row.shortage:
        body.append(Paragraph(line(span(row.shortage, "good"))))
    return Entry(title, tuple(body))

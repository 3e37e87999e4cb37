"""The answers of a situation check, topic by topic, each with its rule's dates and sources."""

from __future__ import annotations

from mobility_tui.i18n import _, pick_text
from mobility_tui.presentation import formats, words
from mobility_tui.presentation.blocks import (
    Block,
    Entry,
    Facts,
    Inlines,
    Page,
    Paragraph,
    Section,
    line,
    link,
    span,
)
from mobility_tui.rules.situation import PlaceFacts
from mobility_tui.services.checks import Answer, CheckAnswer
from mobility_tui.vocabulary import TOPICS


def _home_every(value: str) -> str:
    return {"day": _("every day"), "week": _("every week"), "month": _("every month"),
            "less": _("less often than monthly")}.get(value, value)


def place_text(typed: str, facts: PlaceFacts) -> Inlines:
    if facts.country is None:
        reason = (_("the name fits more than one municipality") if facts.ambiguous
                  else _("not in the list of municipalities"))
        return line(span(typed, "strong"), " — ", span(reason, "warn"))
    parts = line(span(pick_text(facts.name), "strong"), " (",
                 words.label(words.COUNTRIES, facts.country), ")")
    if "FI-SE" in facts.borders:
        parts += line(" — ", span(_("border municipality of the Nordic tax treaty"), "good"))
    return parts


def check_page(result: CheckAnswer) -> Page:
    situation = result.situation
    rows: list[tuple[str, Inlines]] = [
        (_("Home"), place_text(situation.home, result.home)),
        (_("Work"), place_text(situation.work, result.work)),
        (_("Goes home"), line(_home_every(situation.home_every))),
        (_("Date checked for"), line(formats.date(situation.on))),
    ]
    sections = [Section("situation", _("The situation"), (Facts(tuple(rows)),))]
    for topic in TOPICS:
        answers = [answer for answer in result.answers if answer.topic == topic]
        blocks: list[Block] = [answer_entry(answer) for answer in answers]
        if not blocks:
            blocks = [Paragraph(line(span(_("No rule in the data answers this; ask the border advice "
                                            "service."), "warn")))]
        sections.append(Section(topic, words.label(words.TOPICS, topic), tuple(blocks)))
    return Page(_("Situation check: {home} → {work}").format(home=situation.home, work=situation.work),
                line(span(_("Guidance, not a decision: the authorities named decide."), "muted")),
                tuple(sections))


def answer_entry(answer: Answer) -> Entry:
    title_parts: list = []
    if answer.country:
        title_parts.append(span(words.label(words.COUNTRIES, answer.country), "strong"))
    if answer.eligible is not None:
        title_parts.append(span(_("eligible") if answer.eligible else _("not eligible"),
                                "good" if answer.eligible else "bad"))
    if answer.fallback:
        title_parts.append(span(_("the rules do not decide this case"), "warn"))
    title: Inlines = ()
    for index, part in enumerate(title_parts):
        title += (line(" · ") if index else ()) + (part,)
    blocks: list[Block] = [Paragraph(line(pick_text(answer.text)))]
    dates = []
    if answer.valid_from:
        dates.append(_("from {date}").format(date=formats.date(answer.valid_from)))
    if answer.valid_to:
        dates.append(_("until {date}").format(date=formats.date(answer.valid_to)))
    meta = line(_("Who decides: "), link(answer.authority.url, answer.authority.name))
    if dates:
        meta += line(" · " + _("In force {dates}").format(dates=" ".join(dates)))
    blocks.append(Paragraph(meta))
    if answer.ended():
        blocks.append(Paragraph(line(span(_("This rule has ended; check the authority's current "
                                            "page."), "bad")), "warning"))
    if answer.checked.stale:
        blocks.append(Paragraph(line(span(formats.stale_warning(answer.checked), "warn")), "warning"))
    blocks.append(Paragraph(line(span(_("Rule {rule}; sources: ").format(rule=answer.rule), "muted"),
                                 *[part for url in answer.sources for part in (link(url), span(" "))])))
    return Entry(title or line(words.label(words.TOPICS, answer.topic)), tuple(blocks))

"""The employer's view of a foreign certificate: one short page, in the employer's language."""

from __future__ import annotations

from typing import Any

from mobility_tui.i18n import _, current_language, pick_list_text, pick_text
from mobility_tui.presentation import formats, words
from mobility_tui.presentation.blocks import Facts, Page, Paragraph, Section, line, span
from mobility_tui.presentation.records import (
    checked_line,
    decided_this_way,
    employer_blocks,
    employer_view,
    in_country,
    kind_text,
    name,
)
from mobility_tui.services.results import Detail


def employer_page(detail: Detail) -> Page:
    summary = detail.summary
    rows = [(_("Level"), line(formats.level(summary)))] if summary.eqf_level else []
    rows.append((_("Type"), line(kind_text(summary))))
    titles = pick_list_text(summary.titles)
    if titles:
        rows.append((_("Occupational titles"), line(titles)))
    for view in detail.counterparts:
        if view.other is None:
            continue
        corresponds = line(name(view.other), " — ", span(words.label(words.RELATIONS, view.relation),
                                                         words.RELATION_TONE.get(view.relation, "")))
        if view.track:  # one decision per competence area: say which
            corresponds += line(" ", span(_("for: {track}").format(track=pick_text(view.track)), "muted"))
        if not decided_this_way(view, summary):
            corresponds += line(" ", span(_("(decided for the other direction)"), "muted"))
        rows.append((_("Counterpart {where}").format(where=in_country(summary.other_country)), corresponds))
    blocks = employer_blocks(detail)
    if not blocks:
        blocks = [Paragraph(line(_("No comparison with work {where} is recorded yet: ask UHR (Sweden) "
                                   "or the Finnish National Agency for Education (Finland).").format(
            where=in_country(summary.other_country))))]
    trained = ((Paragraph(line(span(_("Trained to do: "), "strong"), pick_text(detail.description))),)
               if detail.description else ())
    sections = [Section("facts", _("The certificate"), (Facts(tuple(rows)), *trained)),
                Section("employer", _("What the holder can do {where}").format(
                    where=in_country(summary.other_country)), tuple(blocks))]
    if detail.checked.stale:
        sections.insert(0, Section("warning", "", (Paragraph(
            line(span(formats.stale_warning(detail.checked), "warn")), "warning"),)))
    # One page: the sources go in the compact reference list, and the check date under the title.
    return Page(_("For an employer: {name}").format(name=name(summary)),
                line(span(checked_line(detail.checked), "muted")), tuple(sections),
                references=employer_references(detail), one_sheet=True)


def employer_references(detail: Detail) -> tuple[str, ...]:
    """The sources of what the page states: the record, its decisions made this way and their
    gaps, and the main page of each licence rule of the country the holder goes to."""
    urls = [source.url for source in detail.sources]
    for view in detail.counterparts:
        if decided_this_way(view, detail.summary):
            urls.extend(source.url for source in view.sources)
            urls.extend(source.url for gap in view.gaps for source in gap.sources)
    # A licence is one line here: its rule's first (main) source; `show` has them all.
    urls.extend(regulation.sources[0].url for regulation in detail.regulation
                if regulation.regulated and regulation.sources)
    return tuple(dict.fromkeys(urls))


def employer_json(detail: Detail) -> dict[str, Any]:
    """The same view for scripts, in the chosen language."""
    summary = detail.summary
    return {"id": summary.id, "lang": current_language(), "name": name(summary),
            "eqf_level": summary.eqf_level, "national_level": summary.national_level,
            "description": pick_text(detail.description) if detail.description else None,
            "counterparts": [{"id": view.other.id, "name": name(view.other), "relation": view.relation,
                              "decided_this_way": decided_this_way(view, summary)}
                             for view in detail.counterparts if view.other is not None],
            **employer_view(detail)}

"""The employer's view of a foreign certificate: one short page, in the employer's language."""

from __future__ import annotations

from typing import Any

from mobility_tui.i18n import _, current_language, pick_list_text
from mobility_tui.presentation import formats
from mobility_tui.presentation.blocks import Facts, Page, Paragraph, Section, line, span
from mobility_tui.presentation.records import (
    employer_blocks,
    employer_view,
    in_country,
    kind_text,
    name,
    source_blocks,
)
from mobility_tui.services.results import Detail


def employer_page(detail: Detail) -> Page:
    summary = detail.summary
    rows = [(_("Level"), line(formats.level(summary)))] if summary.eqf_level else []
    rows.append((_("Type"), line(kind_text(summary))))
    titles = pick_list_text(summary.titles)
    if titles:
        rows.append((_("Occupational titles"), line(titles)))
    blocks = employer_blocks(detail)
    if not blocks:
        blocks = [Paragraph(line(_("No comparison with work {where} is recorded yet: ask UHR (Sweden) "
                                   "or the Finnish National Agency for Education (Finland).").format(
            where=in_country(summary.other_country))))]
    sections = [Section("facts", _("The certificate"), (Facts(tuple(rows)),)),
                Section("employer", _("What the holder can do {where}").format(
                    where=in_country(summary.other_country)), tuple(blocks)),
                Section("sources", _("Sources"), tuple(source_blocks(detail.sources, detail.checked)))]
    if detail.checked.stale:
        sections.insert(0, Section("warning", "", (Paragraph(
            line(span(formats.stale_warning(detail.checked), "warn")), "warning"),)))
    return Page(_("For an employer: {name}").format(name=name(summary)), (), tuple(sections))


def employer_json(detail: Detail) -> dict[str, Any]:
    """The same view for scripts, in the chosen language."""
    return {"id": detail.summary.id, "lang": current_language(), "name": name(detail.summary),
            **employer_view(detail)}

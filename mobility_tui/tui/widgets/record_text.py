"""Rich Text views of service results for the TUI. Data text is never read as markup."""

from __future__ import annotations

from rich.text import Text

from mobility_tui import labels
from mobility_tui.i18n import _, format_date, pick_list_text, pick_text
from mobility_tui.services.results import QualificationDetail, RegulationView
from mobility_tui.text import strip_controls

RELATION_STYLE = {"equivalent": "bold green", "partial": "bold yellow", "none": "bold red"}


def clean(value: str | None) -> str:
    return strip_controls(value or "")


def heading(title: str) -> Text:
    return Text(title, style="bold underline")


def level_text(summary) -> str:
    level = f"EQF {summary.eqf_level}"
    if summary.national_level:
        level += f" · {labels.national_framework(summary.country)} {summary.national_level}"
    return level


def facts(detail: QualificationDetail) -> Text:
    summary = detail.summary
    rows = [
        (_("Country"), labels.label(labels.COUNTRIES, summary.country)),
        (_("Type"), labels.label(labels.TYPES, summary.type)),
        (_("Code"), summary.code or _("unknown")),
        (_("Level"), level_text(summary)),
        (_("Occupational titles"), pick_list_text(summary.titles)),
    ]
    if detail.programme:
        rows.append((_("Programme"), pick_text(detail.programme.name)))
    text = Text()
    for lang in ("fi", "sv", "en"):
        if summary.name.get(lang):
            text.append(f"{lang}  ", style="dim").append(clean(summary.name[lang]) + "\n")
    text.append("\n")
    for name, value in rows:
        text.append(f"{name}: ", style="bold").append(clean(value) + "\n")
    if detail.is_stale():
        text.append("\n").append(_("Warning: this record was last checked on {date}, more than a "
                                   "year ago.").format(date=format_date(detail.verified)),
                                 style="bold black on yellow")
    return text


def counterpart_text(detail: QualificationDetail) -> Text:
    text = Text()
    if not detail.counterparts:
        return text.append(_("No counterpart decision is recorded yet."))
    for view in detail.counterparts:
        name = pick_text(view.qualification.name) if view.qualification else _("none")
        text.append("• " + clean(name) + "  ", style="bold")
        text.append(labels.label(labels.RELATIONS, view.relation), style=RELATION_STYLE[view.relation])
        text.append("\n")
        if view.track:
            text.append("  " + _("For: {track}").format(track=clean(pick_text(view.track))) + "\n",
                        style="italic")
        text.append("  " + clean(pick_text(view.rationale)) + "\n\n")
    text.rstrip()
    return text


def regulation_text(views: list[RegulationView]) -> Text:
    text = Text()
    if not views:
        return text.append(_("No regulation entry is recorded for this qualification or its "
                             "counterparts."))
    for view in views:
        country = labels.label(labels.COUNTRIES, view.country)
        state = _("regulated") if view.regulated else _("not regulated")
        text.append(f"• {clean(pick_text(view.occupation))} — {country}: ", style="bold")
        text.append(state + "\n", style="bold red" if view.regulated else "bold green")
        text.append("  " + _("Authority: {name} <{url}>").format(
            name=clean(view.authority_name), url=clean(view.authority_url)) + "\n")
        if view.valid_from:
            text.append("  " + _("Applies from {date}").format(date=format_date(view.valid_from))
                        + "\n")
        if view.fee:
            text.append("  " + _("Fee: {fee}").format(fee=clean(view.fee)) + "\n")
        if view.processing_time:
            text.append("  " + _("Processing time: {time}").format(
                time=clean(view.processing_time)) + "\n")
        if view.swedish_level:
            text.append("  " + _("Swedish level required: {level}").format(
                level=view.swedish_level) + "\n")
        if view.language_requirement:
            text.append("  " + _("Language: {text}").format(
                text=clean(pick_text(view.language_requirement))) + "\n")
        if view.notes:
            text.append("  " + clean(pick_text(view.notes)) + "\n")
        for number, step in enumerate(view.steps, start=1):
            text.append(f"  {number}. " + clean(pick_text(step)) + "\n")
        text.append("\n")
    text.rstrip()
    return text


def sources_text(urls: list[str], verified) -> Text:
    text = Text()
    for url in urls:
        text.append("  " + clean(url) + "\n", style="underline")
    text.append(_("Checked on {date}").format(date=format_date(verified)), style="dim")
    return text

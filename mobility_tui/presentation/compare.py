"""Two records side by side, row by row: the same facts the detail shows, for both."""

from __future__ import annotations

from mobility_tui.i18n import _, pick_list_text, pick_text
from mobility_tui.presentation import formats, words
from mobility_tui.presentation.records import kind_text, regulation_state
from mobility_tui.services.results import Detail


def regulation_summary(detail: Detail, country: str) -> str:
    rules = [rule for rule in [*detail.regulation, *detail.home_regulation] if rule.country == country]
    if not rules:
        return _("no entry")
    return "; ".join(f"{pick_text(rule.occupation)}: {regulation_state(rule)[0].split(':')[0]} "
                     f"({rule.authority.name})" for rule in rules)


def comparison_rows(left: Detail, right: Detail) -> list[tuple[str, str, str]]:
    destination = right.summary.country
    return [
        (_("Country"), words.label(words.COUNTRIES, left.summary.country),
         words.label(words.COUNTRIES, right.summary.country)),
        (_("Type"), kind_text(left.summary), kind_text(right.summary)),
        (_("Level"), formats.level(left.summary) or "—", formats.level(right.summary) or "—"),
        (_("Scope"), formats.scope(left.scope) or _("unknown"), formats.scope(right.scope) or _("unknown")),
        (_("Occupational titles"), pick_list_text(left.summary.titles) or "—",
         pick_list_text(right.summary.titles) or "—"),
        (_("Trained to do"), pick_text(left.description) if left.description else "—",
         pick_text(right.description) if right.description else "—"),
        (_("Regulation {where}").format(where=words.label(words.IN_COUNTRY, destination)),
         regulation_summary(left, destination), regulation_summary(right, destination)),
    ]

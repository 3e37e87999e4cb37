"""`db report` for people: the same numbers as `--json`, with words."""

from __future__ import annotations

from mobility_tui.catalog.report import Report
from mobility_tui.i18n import _
from mobility_tui.presentation import words
from mobility_tui.presentation.blocks import Facts, Items, Page, Section, line


def _counts(counts: dict[str, int], table: dict[str, str] | None = None) -> str:
    return ", ".join(f"{words.label(table, key) if table else key} {value}"
                     for key, value in counts.items()) or "—"


def report_page(report: Report) -> Page:
    sections = [
        Section("records", _("Records"), (Facts(tuple(
            (kind, line(str(count))) for kind, count in report.records_by_kind.items())),)),
        Section("qualifications", _("Qualifications and occupations by country and type"), (Facts(tuple(
            (words.label(words.COUNTRIES, country), line(_counts(counts)))
            for country, counts in report.qualifications.items())),)),
        Section("decisions", _("Counterpart decisions"), (Facts((
            (_("All"), line(_counts(report.decisions, words.RELATIONS))),
            *((direction, line(_counts(counts, words.RELATIONS)))
              for direction, counts in report.decisions_by_direction.items()),
            (_("Partial, with gaps listed"), line(str(report.partial_with_gaps))),
            (_("Partial, no gaps listed"), line(str(report.partial_without_gaps))),
            (_("Gaps (with no route, only who to ask)"),
             line(f"{report.gaps} ({report.gaps_only_ask})")),
            (_("Resting only on sources of kind other"), line(str(report.decisions_resting_only_on_other))),
        )),)),
        Section("regulation", _("Regulation"), (Facts((
            *((words.label(words.COUNTRIES, country), line(_counts(counts)))
              for country, counts in report.regulation.items()),
            (_("Qualifications and occupations with a regulation entry"),
             line(str(report.qualifications_with_regulation))),
            (_("… without one"), line(str(report.qualifications_without_regulation))),
        )),)),
        Section("sources", _("Sources by kind"), (Facts(tuple(
            (words.label(words.SOURCE_KINDS, kind), line(str(count)))
            for kind, count in report.sources_by_kind.items())),)),
        Section("checks", _("Checks"), (Facts((
            (_("Checked more than a year ago"), line(str(len(report.out_of_date)))),
            (_("Written, not yet re-checked"), line(str(len(report.not_rechecked)))),
            (_("Rules, courses or routes that have ended"), line(", ".join(report.ended) or "—")),
            (_("Demand figures whose period has passed"), line(str(report.demand_outdated))),
        )), Items(tuple(line(f"{item['verified']}  {item['id']} ({item['verification']})")
                        for item in report.oldest_checks)))),
    ]
    if report.demand:
        sections.append(Section("demand", _("Demand figures"), (Facts(tuple(
            (words.label(words.COUNTRIES, country), line(_counts(counts, words.DEMAND_LEVELS)))
            for country, counts in report.demand.items())),)))
    return Page(_("Data report ({date})").format(date=report.today.isoformat()), (), tuple(sections))

"""Numbers, money, dates and levels in the interface language (Babel)."""

from __future__ import annotations

import datetime as dt

from mobility_tui.i18n import _, current_language, format_date
from mobility_tui.presentation import words
from mobility_tui.services.results import Checked, Fee, Summary


def money(fee: Fee, lang: str | None = None) -> str:
    """870 SEK as "870 kr" (sv), "870 SEK" (fi), "SEK 870" (en); cents only when there are any."""
    from babel.numbers import format_currency

    lang = lang or current_language()
    whole = float(fee.amount).is_integer()
    pattern = None
    if whole:
        pattern = "¤#,##0" if lang == "en" else "#,##0\u00a0¤"
    return format_currency(fee.amount, fee.currency, format=pattern, locale=lang,
                           currency_digits=not whole)


def date(value: dt.date) -> str:
    return format_date(value)


def level(summary: Summary) -> str:
    if summary.eqf_level is None:
        return ""
    text = f"EQF {summary.eqf_level}"
    if summary.national_level:
        text += f" · {words.national_framework(summary.country)} {summary.national_level}"
    return text


def scope(value: dict | None) -> str:
    if not value:
        return ""
    return words.label(words.SCOPE_UNITS, value["unit"]).format(amount=value["amount"])


def checked(value: Checked) -> str:
    if value.verification == "written":
        return _("Written on {date} from the sources below; not yet re-checked against them.").format(
            date=date(value.verified))
    return _("Checked against the sources on {date}").format(date=date(value.verified))


def stale_warning(value: Checked) -> str:
    return _("Possibly out of date: last checked on {date}, more than a year ago. Check the sources "
             "before relying on it.").format(date=date(value.verified))


def period(start: dt.date, end: dt.date) -> str:
    return f"{date(start)} – {date(end)}"

"""Display words for the data's codes (relation, type, mode, scenario), translated at display time."""

from __future__ import annotations

from mobility_tui.i18n import N_, gettext

RELATIONS = {
    "equivalent": N_("equivalent"),
    "partial": N_("partial match"),
    "none": N_("no counterpart"),
}
TYPES = {
    "perustutkinto": N_("vocational upper secondary qualification (perustutkinto)"),
    "ammattitutkinto": N_("further vocational qualification (ammattitutkinto)"),
    "erikoisammattitutkinto": N_("specialist vocational qualification (erikoisammattitutkinto)"),
    "gymnasieprogram": N_("national upper secondary programme (gymnasieprogram)"),
    "yrkesutgång": N_("vocational outcome of a programme (yrkesutgång)"),
}
COUNTRIES = {"FI": N_("Finland"), "SE": N_("Sweden")}
MODES = {"online": N_("online"), "classroom": N_("classroom"), "blended": N_("blended")}
SCENARIOS = {
    "move-to-se": N_("Move to Sweden"),
    "commute-to-se": N_("Live in Finland, work in Sweden"),
    "move-to-fi": N_("Move to Finland"),
    "commute-to-fi": N_("Live in Sweden, work in Finland"),
}


def label(table: dict[str, str], key: str | None) -> str:
    if key is None:
        return ""
    return gettext(table[key]) if key in table else key


def national_framework(country: str) -> str:
    return "NQF" if country == "FI" else "SeQF"

"""Display words for the data's codes, translated when shown (never at import)."""

from __future__ import annotations

from mobility_tui.i18n import N_, gettext

RELATIONS = {
    "equivalent": N_("equivalent"),
    "partial": N_("partial match"),
    "none": N_("no counterpart"),
    "undecided": N_("not compared yet"),
}
RELATION_TONE = {"equivalent": "good", "partial": "warn", "none": "bad", "undecided": "muted"}
TYPES = {
    "perustutkinto": N_("vocational upper secondary qualification (perustutkinto)"),
    "ammattitutkinto": N_("further vocational qualification (ammattitutkinto)"),
    "erikoisammattitutkinto": N_("specialist vocational qualification (erikoisammattitutkinto)"),
    "korkeakoulututkinto": N_("higher education degree (korkeakoulututkinto)"),
    "gymnasieprogram": N_("national upper secondary programme (gymnasieprogram)"),
    "yrkesutgång": N_("vocational outcome of a programme (yrkesutgång)"),
    "yrkespaket": N_("adult vocational package (Komvux yrkespaket)"),
    "högskoleexamen": N_("higher education degree (högskoleexamen)"),
    "yrkeshögskoleexamen": N_("higher vocational education degree (yrkeshögskoleexamen)"),
    "occupation": N_("occupation (no single qualification leads to it)"),
}
DEGREES = {
    "amk": N_("bachelor's level, university of applied sciences (AMK)"),
    "ylempi-amk": N_("master's level, university of applied sciences (ylempi AMK)"),
    "kandidaatti": N_("bachelor's degree, university (kandidaatti)"),
    "maisteri": N_("master's degree, university (maisteri)"),
    "lisensiaatti": N_("licentiate degree (lisensiaatti)"),
    "högskoleexamen": N_("higher education diploma, first cycle (högskoleexamen)"),
    "kandidatexamen": N_("bachelor's degree (kandidatexamen)"),
    "magisterexamen": N_("one-year master's degree (magisterexamen)"),
    "masterexamen": N_("two-year master's degree (masterexamen)"),
    "yrkesexamen-grundniva": N_("professional degree, first cycle (yrkesexamen)"),
    "yrkesexamen-avancerad": N_("professional degree, second cycle (yrkesexamen)"),
    "yrkeshögskoleexamen": N_("higher vocational education diploma (yrkeshögskoleexamen)"),
    "kvalificerad-yrkeshögskoleexamen": N_(
        "advanced higher vocational education diploma (kvalificerad yrkeshögskoleexamen)"),
}
COUNTRIES = {"FI": N_("Finland"), "SE": N_("Sweden")}
# "In Sweden" / "to Sweden" need their own words in Finnish (Ruotsissa / Ruotsiin).
IN_COUNTRY = {"FI": N_("in Finland"), "SE": N_("in Sweden")}
MODES = {"online": N_("online"), "classroom": N_("classroom"), "blended": N_("blended")}
SCENARIOS = {
    "move-to-se": N_("Move to Sweden"),
    "commute-to-se": N_("Live in Finland, work in Sweden"),
    "move-to-fi": N_("Move to Finland"),
    "commute-to-fi": N_("Live in Sweden, work in Finland"),
}
FORMS = {
    "licence": N_("licensed profession: only a licensed person may work with this title"),
    "protected-title": N_("protected title: only an approved person may use the title"),
    "authorisation": N_("authorisation needed for the work"),
    "certificate": N_("a certificate or licence is needed for the work"),
    "eligibility": N_("a formal eligibility is needed for the post"),
}
ROUTES = {
    "automatic": N_("automatic recognition of the education (EU directive 2005/36/EC)"),
    "general-system": N_("general system: the authority compares the education and may ask for an "
                         "adaptation period or an aptitude test"),
    "mutual-recognition": N_("mutual recognition of EU certificates"),
    "national": N_("national rules; no EU recognition route"),
}
ROUTE_KINDS = {
    "course": N_("course"), "validation": N_("validation"),
    "compensation": N_("compensation measure"), "authority": N_("authority"),
}
EMPLOYER_VIEWS = {
    "induction": N_("learned through induction at work"),
    "course": N_("needs a course"),
    "licence": N_("needs a licence first"),
}
DEMAND_LEVELS = {"shortage": N_("shortage of workers"), "balance": N_("balance"),
                 "surplus": N_("more jobseekers than jobs")}
DEMAND_TONE = {"shortage": "good", "balance": "", "surplus": "bad"}
CONFIDENCE = {"exact": N_("exact"), "close": N_("close"), "weak": N_("nearest")}
SOURCE_KINDS = {"law": N_("law"), "authority": N_("authority"), "register": N_("register"),
                "provider": N_("education provider"), "other": N_("other source")}
SCOPE_UNITS = {
    "osp": N_("{amount} competence points (osp)"), "op": N_("{amount} ECTS credits (op)"),
    "hp": N_("{amount} ECTS credits (hp)"), "yh-poang": N_("{amount} YH credits"),
    "gymnasiepoang": N_("{amount} upper secondary credits"), "weeks": N_("{amount} weeks"),
    "hours": N_("{amount} hours"),
}
TOPICS = {"tax": N_("Tax"), "sfi": N_("Swedish for immigrants (SFI)"),
          "unemployment": N_("Unemployment"), "social-insurance": N_("Social insurance and health care"),
          "registration": N_("Registration")}
FIELDS = {
    "health": N_("health care"), "social": N_("social care"), "education": N_("education"),
    "technology": N_("technology"), "electrical": N_("electrical work"),
    "construction": N_("construction"), "transport": N_("transport"), "business": N_("business"),
    "it": N_("information technology"), "hospitality": N_("hospitality"),
    "agriculture-forestry": N_("agriculture and forestry"), "security": N_("security"),
    "arts": N_("arts and media"), "law": N_("law"), "science": N_("science"),
    "beauty": N_("hair and beauty"), "maritime": N_("maritime"),
}


def label(table: dict[str, str], key: str | None) -> str:
    if key is None:
        return ""
    return gettext(table[key]) if key in table else key


def national_framework(country: str) -> str:
    return "NQF" if country == "FI" else "SeQF"

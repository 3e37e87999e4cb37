"""Interface language: gettext catalogues (fi, sv, en), locale detection and Babel formatting.

Catalogues ship as `.po` files and are compiled in memory on first use, so a source checkout and
an installed wheel behave the same and no compiled file can fall out of date with its source.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

from mobility_tui.resources import locale_dir

DOMAIN = "mobility_tui"
LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}

# When a record lacks text in the interface language, the next language a reader of that
# language is most likely to understand: Finns usually read Swedish, Swedes English.
FALLBACK_ORDER: dict[str, tuple[str, ...]] = {
    "fi": ("fi", "sv", "en"),
    "sv": ("sv", "en", "fi"),
    "en": ("en", "sv", "fi"),
}

_current = {"lang": DEFAULT_LANGUAGE}


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language from LC_ALL / LC_MESSAGES / LANG (the first one set wins), else English."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "").strip()
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in LANGUAGES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


@cache
def _catalog(lang: str) -> _gettext.NullTranslations:
    """The language's catalogue. English is the source language: its messages are the ids.
    Others are compiled from their .po file once and kept in the user's cache folder, keyed by
    the .po file's content, so no compiled file can fall out of date with its source."""
    po_path = locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == DEFAULT_LANGUAGE or not po_path.is_file():
        return _gettext.NullTranslations()
    source = po_path.read_bytes()
    cached = _compiled_path(lang, source)
    if cached is not None:
        try:
            with cached.open("rb") as handle:
                return _gettext.GNUTranslations(handle)
        except (OSError, ValueError):
            pass
    compiled = _compile(lang, source)
    if cached is not None:
        _store(cached, compiled)
    return _gettext.GNUTranslations(io.BytesIO(compiled))


def _compile(lang: str, source: bytes) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(source), locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _compiled_path(lang: str, source: bytes):
    import hashlib

    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - a dependency
        return None
    from pathlib import Path

    digest = hashlib.sha256(source).hexdigest()[:20]
    return Path(user_cache_dir("mobility-tui", appauthor=False)) / "locale" / f"{lang}-{digest}.mo"


def _store(path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        pass  # a cache that cannot be written only costs time


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current["lang"] = lang


def current_language() -> str:
    return _current["lang"]


def gettext(message: str) -> str:
    return _catalog(_current["lang"]).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog(_current["lang"]).ngettext(singular, plural, count)


_ = gettext


def N_(message: str) -> str:
    """Mark a string for extraction where it must be translated later, at display time."""
    return message


@dataclass(frozen=True)
class Picked:
    """A record's text in the language shown, and which language it really is."""

    text: str
    lang: str | None
    is_fallback: bool


def pick(texts: Mapping[str, str] | None, lang: str | None = None) -> Picked:
    """A record's text in the interface language, falling back per FALLBACK_ORDER."""
    lang = lang or current_language()
    texts = texts or {}
    for candidate in FALLBACK_ORDER[lang]:
        value = texts.get(candidate)
        if value:
            return Picked(value, candidate, candidate != lang)
    return Picked("", None, False)


def pick_text(texts: Mapping[str, str] | None, lang: str | None = None) -> str:
    """`pick`, with a visible marker such as "[sv]" when the text is in another language."""
    picked = pick(texts, lang)
    return f"[{picked.lang}] {picked.text}" if picked.is_fallback else picked.text


def pick_list_text(lists: Mapping[str, list[str]] | None, lang: str | None = None) -> str:
    """A record's list (e.g. occupational titles) as one phrase in the interface language,
    falling back like `pick_text`, with the same visible marker."""
    lang = lang or current_language()
    for candidate in FALLBACK_ORDER[lang]:
        values = (lists or {}).get(candidate)
        if values:
            text = format_list(values, lang)
            return text if candidate == lang else f"[{candidate}] {text}"
    return ""


def format_date(value: date, lang: str | None = None) -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format="long", locale=lang or current_language())


def format_list(items: Iterable[str], lang: str | None = None) -> str:
    from babel.lists import format_list as babel_format_list

    items = [item for item in items if item]
    return babel_format_list(items, locale=lang or current_language()) if items else ""

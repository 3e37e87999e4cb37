"""Key bindings whose descriptions follow the interface language, through Textual's public API.

Textual reads a class's `BINDINGS` when the class is created. A screen class here declares
`KEYS` with English message ids; `localized(ScreenClass)` gives (once per language) a subclass
whose `BINDINGS` carry the translated descriptions. Switching language recreates the screens
from their localized classes (see app.py), so the footer and the command palette speak the new
language.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple, TypeVar

from textual.binding import Binding

from mobility_tui.i18n import current_language, gettext


class Key(NamedTuple):
    keys: str
    action: str
    description: str  # an English message id, marked with N_()
    show: bool = True
    priority: bool = False


class HasKeys:
    """Mixin: the class's keys, as message ids, for `localized`."""

    KEYS: ClassVar[list[Key]] = []


T = TypeVar("T", bound=type)
_CACHE: dict[tuple[type, str], type] = {}


def translated_bindings(keys: list[Key]) -> list[Binding]:
    return [Binding(key.keys, key.action, gettext(key.description), show=key.show,
                    priority=key.priority) for key in keys]


def localized(cls: T) -> T:
    """`cls` with its KEYS as BINDINGS in the current interface language."""
    language = current_language()
    found = _CACHE.get((cls, language))
    if found is None:
        keys: list[Key] = []
        for base in reversed(cls.__mro__):
            keys.extend(base.__dict__.get("KEYS", []))
        found = type(cls.__name__, (cls,), {
            "BINDINGS": translated_bindings(keys), "__module__": cls.__module__,
            "__qualname__": cls.__qualname__, "LANGUAGE": language,
        })
        _CACHE[(cls, language)] = found
    return found  # type: ignore[return-value]

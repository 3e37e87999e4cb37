"""Key bindings whose descriptions follow the interface language.

Textual reads `BINDINGS` once, at import; our descriptions are gettext message ids that are
translated whenever the bindings are (re)installed, e.g. after switching language.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from mobility_tui.i18n import gettext


class Key(NamedTuple):
    keys: str
    action: str
    description: str  # an English message id, marked with N_()
    show: bool = True
    priority: bool = False


class TranslatedBindings:
    """Mixin for screens and the app: `KEYS` are installed translated, on init and on demand."""

    KEYS: ClassVar[list[Key]] = []

    def install_bindings(self) -> None:
        node: DOMNode = self  # type: ignore[assignment]
        merged = type(node)._merged_bindings
        bindings = merged.copy() if merged is not None else BindingsMap()
        for key in self.KEYS:
            for single in key.keys.split(","):
                bindings.key_to_bindings[single] = [Binding(
                    single, key.action, gettext(key.description), show=key.show,
                    priority=key.priority)]
        node._bindings = bindings

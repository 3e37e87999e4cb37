"""What every screen shares: translated bindings and recomposing when the language changes."""

from __future__ import annotations

from textual.screen import Screen

from mobility_tui.tui.bindings import TranslatedBindings


class BaseScreen(TranslatedBindings, Screen):
    def __init__(self) -> None:
        super().__init__()
        self.install_bindings()

    async def retranslate(self) -> None:
        """Called after a language switch: compose() reads its words through gettext again."""
        await self.recompose()
        self.after_recompose()

    def after_recompose(self) -> None:
        """Refill widgets from the screen's state after a recompose."""

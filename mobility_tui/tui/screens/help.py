"""Keys and what each screen is for."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from mobility_tui.i18n import N_, _
from mobility_tui.tui.bindings import Key, TranslatedBindings


class HelpScreen(TranslatedBindings, ModalScreen[None]):
    KEYS = [Key("escape,f1,q", "dismiss", N_("Close"))]

    def __init__(self) -> None:
        super().__init__()
        self.install_bindings()

    def compose(self) -> ComposeResult:
        text = Text()
        text.append(_("mobility-tui — help") + "\n\n", style="bold")
        rows = [
            ("F1", _("this help")),
            ("F2", _("switch language: suomi, svenska, English")),
            ("F3", _("search only Finnish, only Swedish or all qualifications")),
            ("F5", _("Swedish-language courses")),
            ("F6", _("steps for moving or commuting across the border")),
            ("↓ ↑ Enter", _("move through the results and open one")),
            ("c", _("compare the qualification with its counterpart")),
            ("p", _("write an advising plan (Markdown or HTML)")),
            ("Esc", _("back")),
            ("Ctrl+P", _("command palette")),
            ("Ctrl+Q", _("quit")),
        ]
        for key, meaning in rows:
            text.append(f"{key:<11}", style="bold").append(meaning + "\n")
        text.append("\n" + _("Type what the diploma says, in Finnish, Swedish or English: typos and "
                             "missing letters ä, ö, å are fine. Every answer shows its sources and "
                             "the date they were checked; the authorities named decide."))
        with VerticalScroll(id="help-box"):
            yield Static(text)

    async def retranslate(self) -> None:
        await self.recompose()

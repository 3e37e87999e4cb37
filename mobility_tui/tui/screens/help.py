"""Keys and what each screen is for."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from mobility_tui.i18n import N_, _
from mobility_tui.tui.bindings import HasKeys, Key


class HelpScreen(HasKeys, ModalScreen[None]):
    KEYS = [Key("escape,f1", "dismiss", N_("Close"))]

    def compose(self) -> ComposeResult:
        text = Text()
        text.append(_("mobility-tui — help") + "\n\n", style="bold")
        rows = [
            ("F1", _("this help")),
            ("F2", _("switch language: suomi, svenska, English")),
            ("F3", _("search only Finnish, only Swedish or all records")),
            ("F4", _("search")),
            ("F5", _("language courses")),
            ("F6", _("steps for moving or commuting across the border")),
            ("F7", _("situation check: tax, SFI, unemployment, insurance, registration")),
            ("↓ ↑ Enter", _("move through the results and open one")),
            ("c", _("compare the record with its counterpart")),
            ("p", _("compose an advising plan (Markdown, HTML or PDF)")),
            ("e", _("the employer's view of the record")),
            ("s", _("save the page shown (the employer's view fits one sheet)")),
            ("Esc", _("back")),
            ("Ctrl+P", _("command palette")),
            ("Ctrl+Q", _("quit")),
        ]
        for key, meaning in rows:
            text.append(f"{key:<11}", style="bold").append(meaning + "\n")
        text.append("\n" + _("Type what the diploma says, in Finnish, Swedish or English: typos and "
                             "missing letters ä, ö, å are fine. A result marked exact or close is an "
                             "answer; nearest entries are not. Every answer shows its sources and the "
                             "date they were checked; the authorities named decide."))
        with VerticalScroll(id="help-box"):
            yield Static(text)

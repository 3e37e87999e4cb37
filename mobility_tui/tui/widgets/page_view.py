"""The display model (presentation/blocks.py) as Rich text in a scrolling, focusable view.

Data text is only ever put into `rich.text.Text` objects, never parsed as markup, so brackets or
escape sequences in the data stay inert.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from mobility_tui.presentation.blocks import Block, Entry, Facts, Inlines, Items, Link, Page, Paragraph

TONES = {"": "", "strong": "bold", "muted": "dim", "good": "bold green", "warn": "bold yellow",
         "bad": "bold red"}
PARAGRAPH_TONES = {"warning": "black on yellow", "note": "italic"}


def inline_text(parts: Inlines, base: str = "") -> Text:
    text = Text(style=base)
    for part in parts:
        if isinstance(part, Link):
            if part.text:
                text.append(part.text + " ")
            text.append(part.url, Style(underline=True, link=part.url))
        else:
            text.append(part.text, TONES.get(part.tone, ""))
    return text


def blocks_text(blocks: tuple[Block, ...] | list[Block], indent: str = "") -> Text:
    out = Text()
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(indent)
            out.append_text(inline_text(block.parts, PARAGRAPH_TONES.get(block.tone, "")))
            out.append("\n")
        elif isinstance(block, Facts):
            for label, value in block.rows:
                out.append(f"{indent}{label}: ", "bold")
                out.append_text(inline_text(value))
                out.append("\n")
        elif isinstance(block, Items):
            for number, item in enumerate(block.items, start=1):
                marker = {"numbered": f"{number}. ", "checklist": "☐ "}.get(block.style, "• ")
                out.append(indent + marker)
                out.append_text(inline_text(item))
                out.append("\n")
        elif isinstance(block, Entry):
            out.append(indent + ("• " if not indent else ""))
            out.append_text(inline_text(block.title))
            out.append("\n")
            out.append_text(blocks_text(block.blocks, indent + "  "))
            if not indent:
                out.append("\n")
    return out


def page_text(page: Page, with_title: bool = True) -> Text:
    out = Text()
    if with_title:
        out.append(page.title + "\n", "bold reverse")
        if page.subtitle:
            out.append_text(inline_text(page.subtitle))
            out.append("\n")
    for section in page.sections:
        if section.title:
            out.append("\n" + section.title + "\n", "bold underline")
        out.append_text(blocks_text(section.blocks))
    out.rstrip()
    return out


class PageView(VerticalScroll, can_focus=True):
    """Shows one page; keys scroll it."""

    DEFAULT_CSS = """
    PageView { height: 1fr; padding: 0 1; }
    PageView > Static { width: 1fr; }
    """

    def __init__(self, text: Text | str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._initial = text

    def compose(self):
        yield Static(self._initial, markup=False, id="page-body")

    def show(self, content: Page | Text | str, with_title: bool = True) -> None:
        text = page_text(content, with_title) if isinstance(content, Page) else content
        self.query_one("#page-body", Static).update(text)
        self.scroll_home(animate=False)

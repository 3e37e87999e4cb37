"""The display model as plain text for the command line: wrapped to the terminal's width, never
clipped, addresses never cut (an address longer than the line gets a line of its own), and, when
the terminal supports them, addresses as OSC 8 hyperlinks."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass

from mobility_tui.presentation.blocks import (
    Block,
    Entry,
    Facts,
    Inlines,
    Items,
    Link,
    Page,
    Paragraph,
    Section,
)

DEFAULT_WIDTH = 80
MIN_WIDTH = 40
MAX_LABEL = 24


@dataclass(frozen=True)
class Style:
    width: int = DEFAULT_WIDTH
    hyperlinks: bool = False


def terminal_style(stream=None) -> Style:
    """Width and hyperlinks for where the text goes: the terminal's width when it is one
    (COLUMNS overrides), else 80 columns and plain addresses."""
    stream = stream or sys.stdout
    tty = hasattr(stream, "isatty") and stream.isatty()
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        width = int(columns)
    elif tty:
        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    else:
        width = DEFAULT_WIDTH
    hyperlinks = tty and os.environ.get("TERM", "") not in ("", "dumb", "linux") \
        and not os.environ.get("NO_HYPERLINKS")
    return Style(max(MIN_WIDTH, width), hyperlinks)


def _tokens(parts: Inlines, style: Style) -> list[tuple[str, int]]:
    """(text as printed, width on screen) of each unbreakable piece, spaces as their own pieces."""
    tokens: list[tuple[str, int]] = []
    for part in parts:
        if isinstance(part, Link):
            if part.text:
                tokens.extend(_words(part.text + " "))
            shown = f"<{part.url}>"
            printed = (f"\x1b]8;;{part.url}\x1b\\{shown}\x1b]8;;\x1b\\" if style.hyperlinks else shown)
            tokens.append((printed, len(shown)))
        else:
            tokens.extend(_words(part.text))
    return tokens


def _words(text: str) -> list[tuple[str, int]]:
    tokens: list[tuple[str, int]] = []
    for index, piece in enumerate(text.replace("\n", " \n ").split(" ")):
        if index:
            tokens.append((" ", 1))
        if piece:
            tokens.append((piece, len(piece)))
    return tokens


def wrap(parts: Inlines, style: Style, first: str = "", rest: str | None = None) -> list[str]:
    """Greedy wrapping of inline parts; a piece wider than the line stands alone, whole."""
    rest = first if rest is None else rest
    width = style.width
    lines: list[str] = []
    current, used = first, len(first)
    empty = True
    for text, size in _tokens(parts, style):
        if text == "\n":
            lines.append(current.rstrip())
            current, used, empty = rest, len(rest), True
            continue
        if text == " ":
            if not empty:
                current += " "
                used += 1
            continue
        if not empty and used + size > width:
            lines.append(current.rstrip())
            current, used = rest, len(rest)
        current += text
        used += size
        empty = False
    lines.append(current.rstrip())
    return lines


def render_blocks(blocks: tuple[Block, ...] | list[Block], style: Style, indent: str = "") -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.extend(wrap(block.parts, style, indent))
        elif isinstance(block, Facts):
            width = min(MAX_LABEL, max((len(label) for label, _value in block.rows), default=0) + 2)
            for label, value in block.rows:
                head = f"{indent}{label + ':':<{width}}"
                if len(label) + 2 > width:
                    lines.append(f"{indent}{label}:")
                    lines.extend(wrap(value, style, indent + " " * width))
                else:
                    lines.extend(wrap(value, style, head, indent + " " * width))
        elif isinstance(block, Items):
            for number, item in enumerate(block.items, start=1):
                marker = {"numbered": f"{number}. ", "checklist": "[ ] "}.get(block.style, "• ")
                lines.extend(wrap(item, style, indent + marker, indent + " " * len(marker)))
        elif isinstance(block, Entry):
            lines.extend(wrap(block.title, style, indent + "• " if not indent else indent,
                              indent + "  "))
            lines.extend(render_blocks(block.blocks, style, indent + "  "))
            if not indent:
                lines.append("")
    return lines


def render_section(section: Section, style: Style) -> list[str]:
    lines = ["", section.title, "─" * min(len(section.title), style.width)]
    body = render_blocks(section.blocks, style)
    while body and body[-1] == "":
        body.pop()
    return lines + body


def render_page(page: Page, style: Style) -> str:
    lines = [page.title]
    if page.subtitle:
        lines.extend(wrap(page.subtitle, style))
    for section in page.sections:
        lines.extend(render_section(section, style))
    if page.references:
        lines.extend(["", "─" * min(20, style.width)])
        for number, url in enumerate(page.references, start=1):
            lines.extend(wrap((Link(url),), style, f"[{number}] ", " " * (len(str(number)) + 3)))
    return "\n".join(lines).rstrip() + "\n"

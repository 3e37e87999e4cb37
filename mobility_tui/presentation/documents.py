"""The display model as a document: Markdown, self-contained HTML, or PDF (WeasyPrint).

Data text is made inert for each format: Markdown special characters are escaped, HTML is
escaped and only https addresses without spaces or control characters become links. WeasyPrint
renders the same HTML to PDF: a real layout engine in pure Python, no browser process.
"""

from __future__ import annotations

import html
import re

from mobility_tui.files import PlanFileError
from mobility_tui.i18n import _, current_language
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
from mobility_tui.text import strip_controls

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_SAFE_URL = re.compile(r"https://[^\s<>\"'\x00-\x1f\x7f-\x9f]+")


def safe_url(url: str) -> str | None:
    """An https address fit to be a link; anything else is shown as text only."""
    return url if _SAFE_URL.fullmatch(url) else None


# --- Markdown ----------------------------------------------------------------------------

def escape_markdown(value: object) -> str:
    """Data text made inert inside a Markdown line: no emphasis, links, HTML or table breaks."""
    text = strip_controls(str(value)).replace("\r", "").replace("\n", " ")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def escape_markdown_block(value: object) -> str:
    """As `escape_markdown`, for text that starts a line: it cannot start a list either."""
    return _no_list_start(escape_markdown(value))


def _no_list_start(line: str) -> str:
    """A line that Markdown would read as a list item ("- ", "+ ", "1. ") made plain text."""
    return re.sub(r"^(\s*)([-+]|\d+\.)(\s)", r"\1\\\2\3", line)


def _md_inline(parts: Inlines) -> str:
    out = []
    for part in parts:
        if isinstance(part, Link):
            url = safe_url(part.url)
            shown = f"<{url}>" if url else escape_markdown(part.url)
            out.append(f"{escape_markdown(part.text)} {shown}" if part.text else shown)
        elif part.tone == "strong" and part.text.strip():
            out.append(f"**{escape_markdown(part.text.strip())}**"
                       + (" " if part.text.endswith(" ") else ""))
        else:
            out.append(escape_markdown(part.text))
    return "".join(out)


def _md_blocks(blocks, depth: int) -> list[str]:
    lines: list[str] = []
    indent = "  " * depth
    for block in blocks:
        if isinstance(block, Paragraph):
            text = _no_list_start(_md_inline(block.parts))
            lines.append(f"{indent}> {text}" if block.tone == "warning" else f"{indent}{text}")
            lines.append("")
        elif isinstance(block, Facts):
            lines.extend(f"{indent}- {escape_markdown(label)}: {_md_inline(value)}"
                         for label, value in block.rows)
            lines.append("")
        elif isinstance(block, Items):
            for number, item in enumerate(block.items, start=1):
                marker = {"numbered": f"{number}.", "checklist": "- [ ]"}.get(block.style, "-")
                lines.append(f"{indent}{marker} {_md_inline(item)}")
            lines.append("")
        elif isinstance(block, Entry):
            if depth == 0:
                lines.append(f"### {_md_inline(block.title)}")
                lines.append("")
                lines.extend(_md_blocks(block.blocks, 0))
            else:
                lines.append(f"{indent}- {_md_inline(block.title)}")
                lines.extend(_md_blocks(block.blocks, depth + 1))
    return lines


def to_markdown(page: Page) -> str:
    lines = [f"# {escape_markdown(page.title)}", ""]
    if page.subtitle:
        lines.extend([f"_{_md_inline(page.subtitle).strip()}_", ""])
    for section in page.sections:
        if section.title:
            lines.extend([f"## {escape_markdown(section.title)}", ""])
        lines.extend(_md_blocks(section.blocks, 0))
    if page.references:
        lines.extend([f"## {escape_markdown(_('Sources'))}", ""])
        for number, url in enumerate(page.references, start=1):
            safe = safe_url(url)
            lines.append(f"{number}. " + (f"<{safe}>" if safe else escape_markdown(url)))
        lines.append("")
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n"


# --- HTML --------------------------------------------------------------------------------

_CSS = """
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 48rem; margin: 1.5rem auto;
       padding: 0 1rem; line-height: 1.4; color: #1b1b1b; font-size: 11pt; }
h1 { font-size: 1.45rem; margin: 0 0 0.2rem; }
h2 { font-size: 1.1rem; border-bottom: 2px solid #0a5a8c; padding-bottom: 0.1rem; margin: 1.2rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 0.8rem 0 0.3rem; }
p { margin: 0.3rem 0; }
.muted, .subtitle { color: #555; }
.strong { font-weight: 600; }
.good { color: #1d6b2f; font-weight: 600; } .warn { color: #8a5a00; font-weight: 600; }
.bad { color: #a11b1b; font-weight: 600; }
.warning, .note { background: #fff4d6; border-left: 4px solid #c98a00; padding: 0.3rem 0.6rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.3rem 0; }
dt { font-weight: 600; } dd { margin: 0; }
ul, ol { margin: 0.2rem 0; padding-left: 1.3rem; }
ul.checklist { list-style: none; padding-left: 0.2rem; }
ul.checklist li::before { content: "\\2610\\00a0"; }
a { color: #0a5a8c; overflow-wrap: anywhere; }
.refs { font-size: 7.5pt; column-count: 2; column-gap: 1.2rem; line-height: 1.25; }
.refs li { overflow-wrap: anywhere; }
@page { size: A4; margin: 12mm 13mm; }
@media print { body { margin: 0; max-width: none; font-size: 9pt; line-height: 1.3; }
               a { color: inherit; }
               h2 { break-after: avoid; }
               body.one-sheet { font-size: 8pt; line-height: 1.22; }
               body.one-sheet h2 { margin: 0.7rem 0 0.3rem; } body.one-sheet h3 { margin: 0.4rem 0 0.15rem; }
               body.one-sheet .refs { font-size: 6.5pt; } }
"""


def _html_inline(parts: Inlines) -> str:
    out = []
    for part in parts:
        if isinstance(part, Link):
            url = safe_url(part.url)
            label = html.escape(part.text) if part.text else ""
            if url:
                # A named link shows its name (the address is in the sources at the end, or
                # one click away); an unnamed one shows its address.
                shown = html.escape(url)
                out.append(f'<a href="{shown}">{label or shown}</a>')
            else:
                out.append(f"{label} {html.escape(part.url)}".strip())
        elif part.tone:
            out.append(f'<span class="{part.tone}">{html.escape(part.text)}</span>')
        else:
            out.append(html.escape(part.text))
    return "".join(out)


def _html_blocks(blocks: tuple[Block, ...], depth: int) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            css = f' class="{block.tone}"' if block.tone else ""
            out.append(f"<p{css}>{_html_inline(block.parts)}</p>")
        elif isinstance(block, Facts):
            out.append("<dl>" + "".join(f"<dt>{html.escape(label)}</dt><dd>{_html_inline(value)}</dd>"
                                        for label, value in block.rows) + "</dl>")
        elif isinstance(block, Items):
            tag = "ol" if block.style == "numbered" else "ul"
            css = ' class="checklist"' if block.style == "checklist" else ""
            out.append(f"<{tag}{css}>" + "".join(f"<li>{_html_inline(item)}</li>"
                                                 for item in block.items) + f"</{tag}>")
        elif isinstance(block, Entry):
            if depth == 0:
                out.append(f"<h3>{_html_inline(block.title)}</h3>")
                out.extend(_html_blocks(block.blocks, 1))
            else:
                out.append(f"<ul><li>{_html_inline(block.title)}"
                           + "".join(_html_blocks(block.blocks, depth + 1)) + "</li></ul>")
    return out


def _section_html(section: Section) -> list[str]:
    out = []
    if section.title:
        out.append(f'<h2 id="{html.escape(section.key)}">{html.escape(section.title)}</h2>')
    out.extend(_html_blocks(section.blocks, 0))
    return out


def to_html(page: Page) -> str:
    body = [f"<h1>{html.escape(page.title)}</h1>"]
    if page.subtitle:
        body.append(f'<p class="subtitle">{_html_inline(page.subtitle)}</p>')
    for section in page.sections:
        body.extend(_section_html(section))
    if page.references:
        body.append(f"<h2>{html.escape(_('Sources'))}</h2>")
        items = []
        for url in page.references:
            safe = safe_url(url)
            items.append(f'<li><a href="{html.escape(safe)}">{html.escape(safe)}</a></li>' if safe
                         else f"<li>{html.escape(url)}</li>")
        body.append('<ol class="refs">' + "".join(items) + "</ol>")
    return ("<!DOCTYPE html>\n"
            f'<html lang="{current_language()}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'\">\n"
            f"<title>{html.escape(page.title)}</title>\n<style>{_CSS}</style>\n</head>\n"
            + ('<body class="one-sheet">\n' if page.one_sheet else "<body>\n")
            + "\n".join(body) + "\n</body>\n</html>\n")


# --- PDF ---------------------------------------------------------------------------------

class PdfUnavailable(PlanFileError):
    """The PDF engine cannot run here; the message says what to install."""


def to_pdf(page: Page) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        raise PdfUnavailable(_("A PDF needs WeasyPrint and the Pango library (Debian: apt install "
                               "libpango-1.0-0 libpangoft2-1.0-0); write HTML instead and print "
                               "it from a browser ({reason}).").format(
            reason=error.__class__.__name__)) from None
    return HTML(string=to_html(page)).write_pdf()


def render(page: Page, fmt: str) -> bytes:
    """The page as a file's bytes: "md", "html" or "pdf"."""
    if fmt == "html":
        return to_html(page).encode("utf-8")
    if fmt == "pdf":
        return to_pdf(page)
    return to_markdown(page).encode("utf-8")

"""The display model: what a person sees, as plain data every face renders (CLI text, TUI,
Markdown, HTML). Built once per answer by presentation/ in the interface language; the faces
only lay it out. All text in it is already free of control characters."""

from __future__ import annotations

from dataclasses import dataclass, field

from mobility_tui.text import strip_controls

# Tones a face may show with colour or weight: "" (plain), strong, muted, good, warn, bad.


@dataclass(frozen=True)
class Span:
    text: str
    tone: str = ""


@dataclass(frozen=True)
class Link:
    url: str
    text: str = ""  # shown before the address; the address itself is always shown whole


Inline = Span | Link
Inlines = tuple[Inline, ...]


def span(text: object, tone: str = "") -> Span:
    return Span(strip_controls(str(text)).replace("\r", ""), tone)


def link(url: str, text: str = "") -> Link:
    return Link(strip_controls(url), strip_controls(text))


def line(*parts: Inline | str) -> Inlines:
    return tuple(span(part) if isinstance(part, str) else part for part in parts)


@dataclass(frozen=True)
class Paragraph:
    parts: Inlines
    tone: str = ""  # "" | note | warning


@dataclass(frozen=True)
class Facts:
    rows: tuple[tuple[str, Inlines], ...]


@dataclass(frozen=True)
class Items:
    """A list of short items (bullets, numbered steps, or a checklist)."""

    items: tuple[Inlines, ...]
    style: str = "bullet"  # bullet | numbered | checklist


@dataclass(frozen=True)
class Entry:
    """One thing with a title and details: a counterpart, a regulation, a course."""

    title: Inlines
    blocks: tuple[Block, ...] = ()


Block = Paragraph | Facts | Items | Entry


@dataclass(frozen=True)
class Section:
    key: str  # stable name (tests, anchors): e.g. "counterparts"
    title: str
    blocks: tuple[Block, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", strip_controls(self.title))


@dataclass(frozen=True)
class Page:
    title: str
    subtitle: Inlines = ()
    sections: tuple[Section, ...] = ()
    references: tuple[str, ...] = field(default_factory=tuple)  # collected once, at the end
    one_sheet: bool = False  # printed tighter, to fit one sheet (the employer's page)

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", strip_controls(self.title))

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)

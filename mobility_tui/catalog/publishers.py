"""Who publishes a source, and what kind of source that makes it (publishers.toml).

A record may tag a source itself (`{ url = "…", kind = "law" }`); a plain address takes the kind
of the longest publisher prefix it starts with, and is "other" when no publisher claims it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mobility_tui.catalog.schema import Publisher, SourceRef

PUBLISHERS_FILE = "publishers.toml"
# Weakest first: a decision that rests only on these is flagged by `db check`.
SOURCE_KINDS: tuple[str, ...] = ("law", "authority", "register", "provider", "other")


@dataclass(frozen=True)
class Publishers:
    entries: tuple[Publisher, ...] = field(default_factory=tuple)

    def find(self, url: str) -> Publisher | None:
        best: Publisher | None = None
        for entry in self.entries:
            if url.startswith(entry.prefix) and (best is None or len(entry.prefix) > len(best.prefix)):
                best = entry
        return best

    def kind_of(self, source: str | SourceRef) -> str:
        if isinstance(source, SourceRef):
            return source.kind
        publisher = self.find(source)
        return publisher.kind if publisher else "other"


def load_publishers(raw: dict) -> Publishers:
    from mobility_tui.catalog.schema import PublisherFile

    return Publishers(tuple(PublisherFile.model_validate(raw).publisher))

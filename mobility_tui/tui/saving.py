"""Putting a rendered document where the person wants it: a file beside them in a terminal, a
download in the browser (textual-serve), never the server's disk."""

from __future__ import annotations

import io
from pathlib import Path

FORMATS = (("Markdown", "md"), ("HTML", "html"), ("PDF", "pdf"))
MIME = {"md": "text/markdown", "html": "text/html", "pdf": "application/pdf"}
SUFFIXES = tuple(f".{fmt}" for _label, fmt in FORMATS)


def with_format(path: Path, fmt: str) -> Path:
    """The path with the format's extension, when it had one of ours."""
    return path.with_suffix(f".{fmt}") if path.suffix in SUFFIXES else path


def store(app, data: bytes, path: Path, fmt: str, replace: bool, download_name: str) -> str | None:
    """From a worker thread: deliver or write the file. Where it went, or None when the file
    exists and the person has not said to replace it. A write failure raises PlanFileError."""
    from mobility_tui.files import write_atomically

    if app.is_web:
        app.call_from_thread(app.deliver_binary, io.BytesIO(data), save_filename=download_name,
                             mime_type=MIME[fmt])
        return download_name
    if path.exists() and not replace:
        return None
    return str(write_atomically(data, path, force=replace))

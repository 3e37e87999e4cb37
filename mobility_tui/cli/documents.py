"""A page written as a document (`plan`, `show --output`): the format, and an atomic write."""

from __future__ import annotations

import argparse
import sys

from mobility_tui.cli.output import notice
from mobility_tui.cli.parser import DOCUMENT_FORMATS
from mobility_tui.i18n import _


def document_format(args: argparse.Namespace, command: str) -> str | None:
    """--format, else the output file's extension, else Markdown. None (after saying why on
    stderr) when the two disagree, for a PDF with nowhere to go, or with --json."""
    if args.json and (args.output is not None or args.format):
        print(_("mobility-tui {command}: --json prints to standard output; leave out --output and "
                "--format").format(command=command), file=sys.stderr)
        return None
    suffix = args.output.suffix.lower().lstrip(".") if args.output is not None else ""
    suffix = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    if args.format and suffix in DOCUMENT_FORMATS and suffix != args.format:
        print(_("mobility-tui {command}: --format {format} does not match the file name {name}").format(
            command=command, format=args.format, name=args.output), file=sys.stderr)
        return None
    fmt = args.format or (suffix if suffix in DOCUMENT_FORMATS else "md")
    if fmt == "pdf" and args.output is None:
        print(_("mobility-tui {command}: a PDF needs --output FILE").format(command=command),
              file=sys.stderr)
        return None
    return fmt


def write_document(page, fmt: str, args: argparse.Namespace, saved: str) -> None:
    """To standard output, or to --output through a temporary file (replacing one only with
    --force); `saved` is the message naming the path written."""
    from mobility_tui.presentation.documents import render

    data = render(page, fmt)
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    from mobility_tui.files import write_atomically

    path = write_atomically(data, args.output, force=args.force)
    notice(saved.format(path=path))

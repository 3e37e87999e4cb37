"""The command line (see ../shared/CONTRACT.md and docs/cli.md): parse, call a service, print.

Only what a command needs is imported: no ORM on the read path, Textual only for the TUI and
`serve`, so `--help`, `--version` and every `--json` command start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from mobility_tui import __version__, i18n
from mobility_tui.cli.parser import (
    EXIT_FAILURE,
    EXIT_OK,
    build_parser,
    language_from_argv,
    protect_free_text,
)
from mobility_tui.i18n import _

EXIT_INTERRUPTED = 130


def _say(message: str) -> None:
    from mobility_tui.text import strip_controls

    print(strip_controls(message), file=sys.stderr, flush=True)


def _fail(message: str) -> int:
    _say(message)
    return EXIT_FAILURE


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        # Ctrl+C at any moment, even before the imports finish: one line, no traceback.
        _say(_("Interrupted."))
        return EXIT_INTERRUPTED


def _main(argv: list[str]) -> int:
    requested = language_from_argv(argv)
    i18n.set_language(requested if requested in i18n.LANGUAGES else i18n.detect_language())
    argparse._ = i18n.gettext  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    parser = build_parser()
    try:
        args = parser.parse_args(protect_free_text(argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.version:
        print(f"mobility-tui {__version__}")
        return EXIT_OK
    from mobility_tui.cli import commands

    handler = getattr(commands, f"run_{getattr(args, 'handler', 'tui')}")
    return run_guarded(handler, args)


def run_guarded(handler, args: argparse.Namespace) -> int:
    """Run a command; every failure becomes one sentence on stderr (exit 1), never a traceback."""
    from mobility_tui.files import PlanFileError
    from mobility_tui.services.errors import NotFound
    from mobility_tui.storage.urls import DatabaseError

    try:
        return handler(args)
    except (DatabaseError, NotFound, PlanFileError) as error:
        return _fail(_scrub(str(error.args[0] if error.args else error), args))
    except KeyboardInterrupt:
        raise
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # the last guard: one sentence, never a traceback
        from mobility_tui.catalog.loader import CatalogError

        if isinstance(error, CatalogError):
            from mobility_tui.cli.output import print_problems

            print_problems(error.problems)
            _say(i18n.ngettext("{count} problem found; nothing was built.",
                               "{count} problems found; nothing was built.",
                               len(error.problems)).format(count=len(error.problems)))
            return EXIT_FAILURE
        if os.environ.get("MOBILITY_TUI_DEBUG"):
            raise
        return _fail(_scrub(_("Unexpected error ({kind}): {message}").format(
            kind=error.__class__.__name__, message=str(error)[:200]), args))


def _scrub(message: str, args: argparse.Namespace) -> str:
    """No password of the database URL in use ever reaches the terminal."""
    from mobility_tui.storage.urls import DatabaseError, choose_database, parse_url

    try:
        url = parse_url(choose_database(getattr(args, "database_url", None)).url)
    except DatabaseError:
        return message
    return url.scrub(message)

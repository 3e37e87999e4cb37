"""The command line (see ../shared/CONTRACT.md): parse, call a service, print.

Textual is imported only when the terminal UI is opened, so `--help`, `--version` and every
`--json` command start fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mobility_tui import __version__, i18n
from mobility_tui.i18n import N_, _
from mobility_tui.vocabulary import CEFR_LEVELS, COUNTRIES, MODES, SCENARIOS

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

# argparse's own words, so that its help and errors are translated with ours.
_ARGPARSE_MESSAGES = (
    N_("usage: "), N_("options"), N_("positional arguments"), N_("show this help message and exit"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("expected one argument"),
    N_("argument %(argument_name)s: %(message)s"), N_("invalid %(type)s value: %(value)r"),
)


class _Parser(argparse.ArgumentParser):
    """Usage errors as one sentence on stderr, exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def _language_from_argv(argv: Sequence[str]) -> str | None:
    for position, arg in enumerate(argv):
        if arg == "--lang" and position + 1 < len(argv):
            return argv[position + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


# Options of the commands whose one positional argument is free text typed by a person.
_FREE_TEXT_COMMANDS = {
    "search": {"--country": True, "--limit": True, "--json": False},
    "show": {"--json": False},
}
_COMMON_OPTIONS = {"--lang": True, "--database-url": True, "-h": False, "--help": False}


def _protect_free_text(argv: list[str]) -> list[str]:
    """Let a query or id start with "-" ("-:" or "--x" is still text to search for): move the
    first such argument behind "--", which argparse reads as "no more options"."""
    if "--" in argv:
        return argv
    command = next((arg for arg in argv if arg in _FREE_TEXT_COMMANDS), None)
    if command is None:
        return argv
    options = {**_COMMON_OPTIONS, **_FREE_TEXT_COMMANDS[command]}
    position = argv.index(command) + 1
    while position < len(argv):
        arg = argv[position]
        name = arg.split("=", 1)[0]
        if name in options:
            position += 2 if options[name] and "=" not in arg else 1
            continue
        if arg.startswith("-") and arg != "-":
            return argv[:position] + argv[position + 1:] + ["--", arg]
        position += 1
    return argv


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


_positive.__name__ = "number"


def _add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Accepted before and after the command; after it, an unset option keeps the earlier value.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=default,
                        help=_("interface language (default: from LC_ALL, LC_MESSAGES or LANG)"))
    parser.add_argument("--database-url", metavar="URL", default=default,
                        help=_("database URL (default: a SQLite file in the user data folder; "
                               "also MOBILITY_TUI_DATABASE_URL)"))


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON instead of text"))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mobility-tui", description=_(
        "Finnish and Swedish vocational qualifications side by side: counterparts, regulation, "
        "Swedish courses and practical steps for moving or commuting. Without a command, opens "
        "the terminal UI."))
    parser.add_argument("--version", action="store_true", help=_("print the version and exit"))
    _add_common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)

    db = commands.add_parser("db", help=_("build or check the database"))
    _add_common(db, top=False)
    db_commands = db.add_subparsers(dest="db_command", metavar=_("ACTION"), required=True,
                                    parser_class=_Parser)
    for name, help_text, handler in (
        ("build", _("(re)build the database from the data files, atomically"), _cmd_db_build),
        ("check", _("validate the data files and list every problem"), _cmd_db_check),
    ):
        sub = db_commands.add_parser(name, help=help_text, description=help_text)
        _add_common(sub, top=False)
        sub.add_argument("--data-dir", metavar="DIR", type=Path,
                         help=_("folder of data files (default: the data shipped with the app)"))
        sub.set_defaults(handler=handler)

    search = commands.add_parser("search", help=_("find qualifications by name or title"),
                                 description=_("find qualifications by name or title"))
    _add_common(search, top=False)
    search.add_argument("query", metavar=_("QUERY"), help=_("what the diploma or job is called"))
    search.add_argument("--country", choices=COUNTRIES, type=str.upper,
                        help=_("only this country's qualifications"))
    search.add_argument("--limit", type=_positive, default=10,
                        help=_("at most this many results (default: 10)"))
    _add_json(search)
    search.set_defaults(handler=_cmd_search)

    show = commands.add_parser("show", help=_("show one qualification with its counterparts"),
                               description=_("show one qualification with its counterparts"))
    _add_common(show, top=False)
    show.add_argument("id", metavar="ID", help=_("the qualification's id"))
    _add_json(show)
    show.set_defaults(handler=_cmd_show)

    listing = commands.add_parser("list", help=_("list all qualifications"),
                                  description=_("list all qualifications"))
    _add_common(listing, top=False)
    listing.add_argument("--country", choices=COUNTRIES, type=str.upper,
                         help=_("only this country's qualifications"))
    _add_json(listing)
    listing.set_defaults(handler=_cmd_list)

    courses = commands.add_parser("courses", help=_("Swedish-language courses"),
                                  description=_("Swedish-language courses"))
    _add_common(courses, top=False)
    courses.add_argument("--level", choices=CEFR_LEVELS, type=str.upper,
                         help=_("your Swedish level now (CEFR): courses you can start and "
                                "get further with"))
    courses.add_argument("--mode", choices=MODES,
                         help=_("only online, classroom or blended courses"))
    courses.add_argument("--place", help=_("only courses in this municipality"))
    _add_json(courses)
    courses.set_defaults(handler=_cmd_courses)

    guide = commands.add_parser("guide", help=_("practical steps for moving or commuting"),
                                description=_("practical steps for moving or commuting"))
    _add_common(guide, top=False)
    guide.add_argument("--scenario", choices=SCENARIOS, help=_("which move (default: all steps)"))
    _add_json(guide)
    guide.set_defaults(handler=_cmd_guide)

    plan = commands.add_parser("plan", help=_("write an advising plan for a client"),
                               description=_("write an advising plan for a client"))
    _add_common(plan, top=False)
    plan.add_argument("--qualification", required=True, metavar="ID",
                      help=_("the client's qualification id"))
    plan.add_argument("--scenario", choices=SCENARIOS,
                      help=_("which move (default: commuting to the other country)"))
    plan.add_argument("--swedish-level", choices=CEFR_LEVELS, type=str.upper,
                      help=_("the client's Swedish level now (CEFR)"))
    plan.add_argument("--format", choices=("md", "html"), default="md",
                      help=_("Markdown or HTML (default: md)"))
    plan.add_argument("--output", metavar="FILE", type=Path,
                      help=_("write to this file (default: print to standard output)"))
    plan.add_argument("--force", action="store_true",
                      help=_("replace the output file if it exists"))
    plan.set_defaults(handler=_cmd_plan)
    return parser


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _database_url(args: argparse.Namespace) -> str:
    from mobility_tui.database import resolve_database_url

    return resolve_database_url(args.database_url)


def _open(args: argparse.Namespace):
    from mobility_tui.services.connection import open_database

    return open_database(_database_url(args), progress=_progress)


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _cmd_db_build(args: argparse.Namespace) -> int:
    from mobility_tui.catalog.build import build_database

    build_database(_database_url(args), args.data_dir, progress=_progress)
    return EXIT_OK


def _cmd_db_check(args: argparse.Namespace) -> int:
    from mobility_tui.catalog.loader import load_catalog
    from mobility_tui.resources import bundled_data_dir

    catalog = load_catalog(args.data_dir or bundled_data_dir())
    count = (len(catalog.qualifications) + len(catalog.regulations) + len(catalog.courses)
             + len(catalog.guide_steps))
    print(i18n.ngettext("{count} record checked: no problems.",
                        "{count} records checked: no problems.", count).format(count=count))
    return EXIT_OK


def _answer(args: argparse.Namespace, result: Any, render: Callable[[], str]) -> int:
    """Print a service's answer: its JSON shape with --json, else the text for a person."""
    if args.json:
        items = result if isinstance(result, list) else None
        _print_json([item.to_json() for item in items] if items is not None else result.to_json())
    else:
        print(render())
    return EXIT_OK


def _cmd_search(args: argparse.Namespace) -> int:
    from mobility_tui import plain
    from mobility_tui.services.qualifications import QualificationService

    hits = QualificationService(_open(args)).search(args.query, args.country, args.limit)
    return _answer(args, hits, lambda: plain.search_results(hits, args.query))


def _cmd_show(args: argparse.Namespace) -> int:
    from mobility_tui import plain
    from mobility_tui.services.qualifications import QualificationService

    detail = QualificationService(_open(args)).get(args.id)
    return _answer(args, detail, lambda: plain.qualification_detail(detail))


def _cmd_list(args: argparse.Namespace) -> int:
    from mobility_tui import plain
    from mobility_tui.services.qualifications import QualificationService

    items = QualificationService(_open(args)).list(args.country)
    return _answer(args, items, lambda: plain.qualification_list(items))


def _cmd_courses(args: argparse.Namespace) -> int:
    from mobility_tui import plain
    from mobility_tui.services.courses import CourseService

    courses = CourseService(_open(args)).list(args.level, args.mode, args.place)
    return _answer(args, courses, lambda: plain.course_list(courses, args.level))


def _cmd_guide(args: argparse.Namespace) -> int:
    from mobility_tui import plain
    from mobility_tui.services.guide import GuideService

    steps = GuideService(_open(args)).steps(args.scenario)
    return _answer(args, steps, lambda: plain.guide_steps(steps, args.scenario))


def _cmd_plan(args: argparse.Namespace) -> int:
    from mobility_tui.services.courses import CourseService
    from mobility_tui.services.guide import GuideService
    from mobility_tui.services.plan import make_plan, render_plan, write_plan
    from mobility_tui.services.qualifications import QualificationService

    engine = _open(args)
    plan = make_plan(QualificationService(engine), CourseService(engine), GuideService(engine),
                     args.qualification, args.scenario, args.swedish_level)
    text = render_plan(plan, args.format)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    path = write_plan(text, args.output, force=args.force)
    print(_("Plan saved to {path}").format(path=path), file=sys.stderr)
    return EXIT_OK


def _run_tui(args: argparse.Namespace) -> int:
    from mobility_tui.tui.app import run_app

    return run_app(database_url=_database_url(args), language=i18n.current_language())


def _fail(message: str) -> int:
    from mobility_tui.text import strip_controls

    print(strip_controls(message), file=sys.stderr)
    return EXIT_FAILURE


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    requested = _language_from_argv(argv)
    i18n.set_language(requested if requested in i18n.LANGUAGES else i18n.detect_language())
    argparse._ = i18n.gettext  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    parser = build_parser()
    try:
        args = parser.parse_args(_protect_free_text(argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.version:
        print(f"mobility-tui {__version__}")
        return EXIT_OK
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)

    from mobility_tui.catalog.loader import CatalogError
    from mobility_tui.database import DatabaseError
    from mobility_tui.services.errors import NotFound
    from mobility_tui.services.plan import PlanFileError

    try:
        return handler(args) if handler else _run_tui(args)
    except CatalogError as error:
        from mobility_tui import plain

        print(plain.problems(error.problems), file=sys.stderr)
        print(i18n.ngettext("{count} problem found; nothing was built.",
                            "{count} problems found; nothing was built.",
                            len(error.problems)).format(count=len(error.problems)),
              file=sys.stderr)
        return EXIT_FAILURE
    except (DatabaseError, NotFound, PlanFileError) as error:
        return _fail(str(error.args[0] if error.args else error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # the last guard: one sentence, never a traceback
        if os.environ.get("MOBILITY_TUI_DEBUG"):
            raise
        return _fail(_("Unexpected error ({kind}): {message}").format(
            kind=error.__class__.__name__, message=str(error)[:200]))

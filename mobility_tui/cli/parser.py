"""The command line's words: every command and option, defined once, each with help text.

Kept light: building the parser imports no database, search or UI code.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mobility_tui import i18n
from mobility_tui.i18n import N_, _
from mobility_tui.vocabulary import (
    CEFR_LEVELS,
    CITIZENSHIPS,
    COUNTRIES,
    HOME_EVERY,
    MODES,
    SCENARIOS,
    SECTORS,
    STATUSES,
    WORKS_IN,
)

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
DOCUMENT_FORMATS = ("md", "html", "pdf")

# argparse's own words, so that its help and errors are translated with ours.
ARGPARSE_MESSAGES = (
    N_("usage: "), N_("options"), N_("positional arguments"), N_("show this help message and exit"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("expected one argument"),
    N_("argument %(argument_name)s: %(message)s"), N_("invalid %(type)s value: %(value)r"),
    N_("not allowed with argument %s"), N_("one of the arguments %s is required"),
)


class Parser(argparse.ArgumentParser):
    """Usage errors as one sentence on stderr, exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


positive.__name__ = "number"


def iso_date(value: str):
    import datetime as dt

    return dt.date.fromisoformat(value)


iso_date.__name__ = "date (YYYY-MM-DD)"


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


def _command(commands, name: str, help_text: str, handler: str) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=help_text, description=help_text)
    _add_common(sub, top=False)
    sub.set_defaults(handler=handler)
    return sub


def _add_situation(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--home", metavar=_("PLACE"), required=required,
                        help=_("home municipality (Finnish or Swedish name)"))
    parser.add_argument("--work", metavar=_("PLACE"), required=required,
                        help=_("municipality of the workplace"))
    parser.add_argument("--home-every", choices=HOME_EVERY,
                        help=_("how often the person goes home (default: day)"))
    parser.add_argument("--citizenship", choices=CITIZENSHIPS, type=_upper_unless_other,
                        help=_("citizenship (default: FI for a home in Finland, SE in Sweden)"))
    parser.add_argument("--sector", choices=SECTORS, help=_("employer (default: private)"))
    parser.add_argument("--status", choices=STATUSES,
                        help=_("employment status (default: employed)"))
    parser.add_argument("--works-in", choices=WORKS_IN,
                        help=_("works in one country or in both (default: one)"))
    parser.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD",
                        help=_("the date to check for (default: today)"))


def _upper_unless_other(value: str) -> str:
    return value if value.lower() == "other" else value.upper()


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="mobility-tui", description=_(
        "Finnish and Swedish qualifications and licensed professions side by side: counterparts, "
        "regulation, gaps and routes, language courses, and what commuting means for tax and "
        "insurance. Without a command, opens the terminal UI."))
    parser.add_argument("--version", action="store_true", help=_("print the version and exit"))
    _add_common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)

    db = commands.add_parser("db", help=_("build, check or report on the database"))
    _add_common(db, top=False)
    db_commands = db.add_subparsers(dest="db_command", metavar=_("ACTION"), required=True,
                                    parser_class=Parser)
    build = _command(db_commands, "build", _("(re)build the database from the data files, "
                                             "atomically"), "db_build")
    build.add_argument("--grant-read", metavar=_("ROLE"), action="append", default=[],
                       help=_("PostgreSQL: also let this read-only role read the database "
                              "(repeatable; kept for later builds)"))
    check = _command(db_commands, "check", _("validate the data files and list every problem"),
                     "db_check")
    report = _command(db_commands, "report", _("coverage, decisions, sources by kind and the oldest "
                                               "checks of the data"), "db_report")
    _add_json(report)
    for sub in (build, check, report):
        sub.add_argument("--data-dir", metavar="DIR", type=Path,
                         help=_("folder of data files (default: the data shipped with the app)"))

    search = _command(commands, "search", _("find qualifications and occupations by name or title"),
                      "search")
    search.add_argument("query", metavar=_("QUERY"), nargs="?",
                        help=_("what the diploma or job is called"))
    search.add_argument("--country", choices=COUNTRIES, type=str.upper,
                        help=_("only this country's qualifications"))
    search.add_argument("--limit", type=positive, default=10,
                        help=_("at most this many results (default: 10)"))
    search.add_argument("--batch", metavar=_("FILE"),
                        help=_("look up every line of FILE (or - for standard input); a CSV file "
                               "with --column"))
    search.add_argument("--column", metavar=_("NAME"),
                        help=_("with --batch: read queries from this column of a CSV file"))
    search.add_argument("--format", choices=("jsonl", "csv"),
                        help=_("with --batch: JSON lines (default with --json) or CSV"))
    _add_json(search)

    show = _command(commands, "show", _("show one qualification or occupation with its "
                                        "counterparts, regulation, gaps and demand"), "show")
    show.add_argument("id", metavar="ID", help=_("the record's id (from search or list)"))
    show.add_argument("--employer", action="store_true",
                      help=_("only the employer's view: day one, induction, courses, licences"))
    _add_document_options(show)
    _add_json(show)

    listing = _command(commands, "list", _("list all qualifications and occupations"), "list")
    listing.add_argument("--country", choices=COUNTRIES, type=str.upper,
                         help=_("only this country's qualifications"))
    _add_json(listing)

    courses = _command(commands, "courses", _("language courses"), "courses")
    courses.add_argument("--level", choices=CEFR_LEVELS, type=str.upper,
                         help=_("your level now (CEFR): courses whose range you are in, or one "
                                "step below"))
    courses.add_argument("--mode", choices=MODES, help=_("only online, classroom or blended courses"))
    courses.add_argument("--place", help=_("only courses in this municipality (either language's "
                                           "name); online courses are always shown"))
    courses.add_argument("--teaches", choices=("sv", "fi"),
                         help=_("only Swedish (sv) or Finnish (fi) courses"))
    _add_json(courses)

    guide = _command(commands, "guide", _("practical steps for moving or commuting"), "guide")
    guide.add_argument("--scenario", choices=SCENARIOS, help=_("which move (default: all steps)"))
    _add_json(guide)

    plan = _command(commands, "plan", _("write an advising plan for a client"), "plan")
    plan.add_argument("--qualification", required=True, metavar="ID",
                      help=_("the client's qualification or occupation id"))
    plan.add_argument("--scenario", choices=SCENARIOS,
                      help=_("which move (default: commuting to the other country)"))
    plan.add_argument("--swedish-level", choices=CEFR_LEVELS, type=str.upper,
                      help=_("the client's level now in the language of the other country (CEFR)"))
    plan.add_argument("--course", metavar="ID", action="append", default=[],
                      help=_("a course to include (repeatable; default: the best fitting)"))
    plan.add_argument("--client", metavar=_("NAME"), help=_("the client's name, shown on the plan"))
    plan.add_argument("--notes-file", metavar=_("FILE"), type=Path,
                      help=_("the officer's notes for the plan, from a text file"))
    plan.add_argument("--place", metavar=_("PLACE"),
                      help=_("where the client will work or study (for courses)"))
    _add_situation(plan, required=False)
    _add_document_options(plan)
    _add_json(plan)

    check_situation = _command(commands, "check", _("what tax, SFI, unemployment, social insurance "
                                                    "and registration rules mean for one person"),
                               "check")
    _add_situation(check_situation, required=True)
    _add_json(check_situation)

    serve = _command(commands, "serve", _("the terminal UI in a web browser (textual-serve)"),
                     "serve")
    serve.add_argument("--host", default="127.0.0.1",
                       help=_("address to listen on (default: 127.0.0.1, this machine only)"))
    serve.add_argument("--port", type=int, default=8000, help=_("port (default: 8000)"))
    serve.add_argument("--allow-remote", action="store_true",
                       help=_("allow a host other than this machine; there is no login"))
    return parser


def _add_document_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=DOCUMENT_FORMATS,
                        help=_("Markdown, HTML or PDF (default: from the output file's extension, "
                               "else md)"))
    parser.add_argument("--output", metavar=_("FILE"), type=Path,
                        help=_("write to this file (default: print to standard output)"))
    parser.add_argument("--force", action="store_true",
                        help=_("replace the output file if it exists"))


# Options of the commands whose positional argument is free text typed by a person: with their
# values (True) or without (False). Used to let a query start with "-".
FREE_TEXT_COMMANDS = {
    "search": {"--country": True, "--limit": True, "--json": False, "--batch": True,
               "--column": True, "--format": True},
    "show": {"--json": False, "--employer": False, "--format": True, "--output": True,
             "--force": False},
}
COMMON_OPTIONS = {"--lang": True, "--database-url": True, "-h": False, "--help": False}


def protect_free_text(argv: list[str]) -> list[str]:
    """Let a query or id start with "-" ("-:" or "--x" is still text to search for): move the
    first such argument behind "--", which argparse reads as "no more options"."""
    if "--" in argv:
        return argv
    command = next((arg for arg in argv if arg in FREE_TEXT_COMMANDS), None)
    if command is None:
        return argv
    options = {**COMMON_OPTIONS, **FREE_TEXT_COMMANDS[command]}
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


def language_from_argv(argv: list[str]) -> str | None:
    for position, arg in enumerate(argv):
        if arg == "--lang" and position + 1 < len(argv):
            return argv[position + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None

"""One function per command: open what it needs, ask a service, print the answer."""

from __future__ import annotations

import argparse
import sys

from mobility_tui import i18n
from mobility_tui.cli.output import notice, print_json, print_page, print_problems
from mobility_tui.cli.parser import EXIT_OK, EXIT_USAGE
from mobility_tui.i18n import _


def open_reader(args: argparse.Namespace):
    """The catalogue for a reading command: only the embedded default is ever built here."""
    from mobility_tui.storage.opening import open_catalogue
    from mobility_tui.storage.urls import choose_database

    return open_catalogue(choose_database(args.database_url), progress=notice, notice=notice)


def open_services(args: argparse.Namespace):
    from mobility_tui.services.bundle import Services

    return Services.on(open_reader(args))


# --- db ----------------------------------------------------------------------------------

def run_db_build(args: argparse.Namespace) -> int:
    from mobility_tui.catalog.build import build_database
    from mobility_tui.storage.urls import choose_database

    result = build_database(choose_database(args.database_url).url, args.data_dir,
                            progress=notice, grant_read=args.grant_read)
    if result.catalog.warnings:
        print_problems(result.catalog.warnings)
    return EXIT_OK


def run_db_check(args: argparse.Namespace) -> int:
    from mobility_tui.catalog.loader import load_catalog
    from mobility_tui.resources import bundled_data_dir

    catalog = load_catalog(args.data_dir or bundled_data_dir())
    if catalog.warnings:
        print_problems(catalog.warnings)
    count = len(catalog)
    print(i18n.ngettext("{count} record checked: no problems.",
                        "{count} records checked: no problems.", count).format(count=count))
    if catalog.warnings:
        print(i18n.ngettext("{count} warning (above).", "{count} warnings (above).",
                            len(catalog.warnings)).format(count=len(catalog.warnings)))
    return EXIT_OK


def run_db_report(args: argparse.Namespace) -> int:
    from mobility_tui.catalog.loader import load_catalog
    from mobility_tui.catalog.report import make_report
    from mobility_tui.presentation.report import report_page
    from mobility_tui.resources import bundled_data_dir

    report = make_report(load_catalog(args.data_dir or bundled_data_dir()))
    if args.json:
        print_json(report.to_json())
    else:
        print_page(report_page(report))
    return EXIT_OK


# --- answers -----------------------------------------------------------------------------

def run_search(args: argparse.Namespace) -> int:
    if args.batch is not None:
        from mobility_tui.cli.batch import run_batch

        return run_batch(args)
    if args.query is None:
        print(_("mobility-tui search: give a QUERY, or --batch FILE"), file=sys.stderr)
        return EXIT_USAGE
    if args.column or args.format:
        print(_("mobility-tui search: --column and --format go with --batch"), file=sys.stderr)
        return EXIT_USAGE
    from mobility_tui.services.qualifications import QualificationService

    answer = QualificationService(open_reader(args)).search(args.query, args.country, args.limit)
    if args.json:
        print_json(answer.items_json())
    else:
        from mobility_tui.presentation.records import search_page

        print_page(search_page(answer))
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    from mobility_tui.cli.documents import document_format, write_document
    from mobility_tui.services.qualifications import QualificationService

    as_document = args.output is not None or args.format is not None
    fmt = document_format(args, "show") if as_document or args.json else "md"
    if fmt is None:
        return EXIT_USAGE
    detail = QualificationService(open_reader(args)).get(args.id)
    if args.json:
        if args.employer:
            from mobility_tui.presentation.employer import employer_json

            print_json(employer_json(detail))
        else:
            print_json(detail.to_json())
        return EXIT_OK
    if args.employer:
        from mobility_tui.presentation.employer import employer_page

        page = employer_page(detail)
    else:
        from mobility_tui.presentation.records import detail_with_checked

        page = detail_with_checked(detail)
    if as_document:
        write_document(page, fmt, args, _("Saved to {path}"))
    else:
        print_page(page)
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    from mobility_tui.services.qualifications import QualificationService

    items = QualificationService(open_reader(args)).list(args.country)
    if args.json:
        print_json([item.to_json() for item in items])
    else:
        from mobility_tui.presentation.listing import list_page

        print_page(list_page(items))
    return EXIT_OK


def run_courses(args: argparse.Namespace) -> int:
    services = open_services(args)
    courses = services.courses.list(args.level, args.mode, args.place, args.teaches)
    if args.json:
        print_json([course.to_json() for course in courses])
    else:
        from mobility_tui.presentation.listing import courses_page

        print_page(courses_page(courses, args.level, args.place))
    return EXIT_OK


def run_guide(args: argparse.Namespace) -> int:
    services = open_services(args)
    steps = services.guide.steps(args.scenario)
    if args.json:
        print_json([step.to_json() for step in steps])
    else:
        from mobility_tui.presentation.listing import guide_page

        print_page(guide_page(steps, args.scenario))
    return EXIT_OK


def run_plan(args: argparse.Namespace) -> int:
    from mobility_tui.cli.plan import run_plan as run

    return run(args, open_services(args))


def run_check(args: argparse.Namespace) -> int:
    from mobility_tui.cli.situation import run_check as run

    return run(args, open_services(args))


def run_serve(args: argparse.Namespace) -> int:
    from mobility_tui.serve import run_server

    return run_server(args)


def run_tui(args: argparse.Namespace) -> int:
    import os

    served = bool(os.environ.get("TEXTUAL_DRIVER"))  # a tab of `mobility-tui serve`
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        notice(_("mobility-tui needs a terminal to open its interface; without one, use its "
                 "commands (mobility-tui --help), e.g. `mobility-tui search lähihoitaja --json`."))
        return 1
    from mobility_tui.storage.urls import choose_database
    from mobility_tui.tui.app import run_app

    return run_app(choose_database(args.database_url), language=i18n.current_language())

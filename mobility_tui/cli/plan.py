"""`mobility-tui plan`: the advising plan as Markdown, HTML, PDF or JSON."""

from __future__ import annotations

import argparse
import sys

from mobility_tui.cli.documents import document_format, write_document
from mobility_tui.cli.output import print_json
from mobility_tui.cli.parser import EXIT_OK, EXIT_USAGE
from mobility_tui.cli.situation import situation_from
from mobility_tui.i18n import _


def run_plan(args: argparse.Namespace, services) -> int:
    from mobility_tui.files import PlanFileError
    from mobility_tui.services.plan import PlanError, PlanRequest, make_plan

    fmt = document_format(args, "plan")
    if fmt is None:
        return EXIT_USAGE
    notes = ""
    if args.notes_file is not None:
        try:
            notes = args.notes_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise PlanFileError(_("The notes file {path} cannot be read ({reason}).").format(
                path=args.notes_file, reason=getattr(error, "strerror", None)
                or error.__class__.__name__)) from None
    request = PlanRequest(
        qualification_id=args.qualification, scenario=args.scenario,
        language_level=args.swedish_level, course_ids=tuple(args.course) or None,
        client=args.client or "", notes=notes, place=args.place or args.work,
        situation=situation_from(args))
    try:
        plan = make_plan(services, request)
    except PlanError as error:
        print(f"mobility-tui plan: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        from mobility_tui.presentation.plan import plan_page

        page = plan_page(plan)
        print_json({**plan.to_json(), "title": page.title,
                    "sections": [{"key": section.key, "title": section.title}
                                 for section in page.sections if section.title]})
        return EXIT_OK
    from mobility_tui.presentation.plan import plan_page

    write_document(plan_page(plan), fmt, args, _("Plan saved to {path}"))
    return EXIT_OK

"""`mobility-tui plan`: the advising plan as Markdown, HTML, PDF or JSON."""

from __future__ import annotations

import argparse
import sys

from mobility_tui.cli.output import notice, print_json
from mobility_tui.cli.parser import EXIT_OK, EXIT_USAGE, PLAN_FORMATS
from mobility_tui.cli.situation import situation_from
from mobility_tui.i18n import _


def plan_format(args: argparse.Namespace) -> str | None:
    """--format, else the output file's extension, else Markdown; None when they disagree."""
    suffix = args.output.suffix.lower().lstrip(".") if args.output is not None else ""
    suffix = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    if args.format and suffix in PLAN_FORMATS and suffix != args.format:
        return None
    return args.format or (suffix if suffix in PLAN_FORMATS else "md")


def run_plan(args: argparse.Namespace, services) -> int:
    from mobility_tui.files import PlanFileError
    from mobility_tui.services.plan import PlanError, PlanRequest, make_plan

    fmt = plan_format(args)
    if fmt is None:
        print(_("mobility-tui plan: --format {format} does not match the file name {name}").format(
            format=args.format, name=args.output), file=sys.stderr)
        return EXIT_USAGE
    if fmt == "pdf" and args.output is None and not args.json:
        print(_("mobility-tui plan: a PDF needs --output FILE"), file=sys.stderr)
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
    from mobility_tui.presentation.plan import render_plan

    data = render_plan(plan, fmt)
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return EXIT_OK
    from mobility_tui.files import write_atomically

    path = write_atomically(data, args.output, force=args.force)
    notice(_("Plan saved to {path}").format(path=path))
    return EXIT_OK

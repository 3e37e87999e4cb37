"""`mobility-tui check`: one person's situation against the dated rules."""

from __future__ import annotations

import argparse

from mobility_tui.cli.output import print_json, print_page
from mobility_tui.cli.parser import EXIT_OK
from mobility_tui.rules.situation import Situation


def situation_from(args: argparse.Namespace) -> Situation | None:
    """The situation the options describe, or None when home and work are not given."""
    if not args.home or not args.work:
        return None
    import datetime as dt

    return Situation(home=args.home, work=args.work, home_every=args.home_every or "day",
                     citizenship=args.citizenship, sector=args.sector or "private",
                     status=args.status or "employed", works_in=args.works_in or "one",
                     on=args.on or dt.date.today())


def run_check(args: argparse.Namespace, services) -> int:
    situation = situation_from(args)
    assert situation is not None  # both are required options of `check`
    result = services.checks.check(situation)
    if args.json:
        print_json(result.to_json())
    else:
        from mobility_tui.presentation.checks import check_page

        print_page(check_page(result))
    return EXIT_OK

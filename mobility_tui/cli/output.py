"""Printing answers: JSON for scripts, text for people, notices on stderr."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from mobility_tui.text import strip_controls

if TYPE_CHECKING:  # the display model is imported only for text output
    from mobility_tui.presentation.blocks import Page


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def print_page(page: Page) -> None:
    from mobility_tui.presentation.text import render_page, terminal_style

    sys.stdout.write(render_page(page, terminal_style()))


def print_problems(items) -> None:
    print("\n".join(strip_controls(str(item)) for item in items), file=sys.stderr)


def notice(message: str) -> None:
    print(strip_controls(message), file=sys.stderr, flush=True)

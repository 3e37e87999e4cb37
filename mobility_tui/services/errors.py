"""Errors a service raises for a person to read: one sentence each."""

from __future__ import annotations

import re

from mobility_tui.text import strip_controls


class NotFound(LookupError):
    """The id names nothing in the database."""


def quote_input(value: str, limit: int = 60) -> str:
    """User input made safe to repeat in a message: one line, no control characters, short."""
    clean = re.sub(r"[^\S ]", " ", strip_controls(value))
    return f"“{clean[:limit]}…”" if len(clean) > limit else f"“{clean}”"

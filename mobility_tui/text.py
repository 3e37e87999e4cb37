"""Small text helpers shared by search, the command line and exports."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
# C0 and C1 control characters (and DEL), except tab and newline: never sent raw to a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def fold(text: str) -> str:
    """Lower-case, strip diacritics (ä→a, ö→o, å→a) and turn punctuation into single spaces.

    Used on both sides of a comparison, so "Parturi-kampaaja" and "parturi kampaaja" meet.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", stripped).strip()


def strip_controls(text: str) -> str:
    """Remove terminal control characters (escape sequences start with one) from display text."""
    return _CONTROL.sub("", text)

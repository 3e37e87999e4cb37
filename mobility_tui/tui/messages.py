"""App-wide messages: small dataclasses posted with plain data (no widgets, no SQL).

The app sends CatalogChanged and Status down to each screen; they must not bubble back up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from mobility_tui.services.bundle import Services


@dataclass
class CatalogReady(Message):
    """The services can answer; posted once at start."""

    services: Services


@dataclass
class CatalogFailed(Message):
    reason: str


@dataclass
class CatalogChanged(Message, bubble=False):
    """The database was rebuilt (a new generation): what a screen shows must be read again."""

    generation: str


@dataclass
class Status(Message, bubble=False):
    """A line for the status bar of the screen in front (progress, failures)."""

    text: str
    error: bool = False

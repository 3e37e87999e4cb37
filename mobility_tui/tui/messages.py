"""App-wide messages: small dataclasses posted by workers with plain data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from mobility_tui.services.bundle import Services


@dataclass
class CatalogReady(Message):
    services: Services


@dataclass
class CatalogFailed(Message):
    reason: str


@dataclass
class BuildProgress(Message):
    text: str

"""The fixed words of the data model, in one light module (the CLI imports it for --help)."""

from __future__ import annotations

CEFR_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")
SCENARIOS: tuple[str, ...] = ("move-to-se", "commute-to-se", "move-to-fi", "commute-to-fi")
MODES: tuple[str, ...] = ("online", "classroom", "blended")
COUNTRIES: tuple[str, ...] = ("FI", "SE")

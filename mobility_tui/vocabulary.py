"""The fixed words of the data model, in one light module (the CLI imports it for --help)."""

from __future__ import annotations

CEFR_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")
SCENARIOS: tuple[str, ...] = ("move-to-se", "commute-to-se", "move-to-fi", "commute-to-fi")
MODES: tuple[str, ...] = ("online", "classroom", "blended")
COUNTRIES: tuple[str, ...] = ("FI", "SE")
# Fields of work: a course's `fields` and a qualification's `field` meet on these.
FIELDS: tuple[str, ...] = (
    "health", "social", "education", "technology", "electrical", "construction", "transport",
    "business", "it", "hospitality", "agriculture-forestry", "security", "arts", "law", "science",
    "beauty", "maritime",
)
# Inputs of a situation check (`mobility-tui check`).
HOME_EVERY: tuple[str, ...] = ("day", "week", "month", "less")
CITIZENSHIPS: tuple[str, ...] = ("FI", "SE", "EU", "other")
SECTORS: tuple[str, ...] = ("private", "public")
STATUSES: tuple[str, ...] = ("employed", "partly-unemployed", "unemployed")
WORKS_IN: tuple[str, ...] = ("one", "both")
TOPICS: tuple[str, ...] = ("tax", "sfi", "unemployment", "social-insurance", "registration")

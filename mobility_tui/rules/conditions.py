"""The small condition language of rule records: which situations a rule is for.

A condition is a table of facts about the situation, each with the value (or list of values)
it must have; every fact listed must hold. `when` says when a rule applies, `unless` when it
does not (all of its facts holding). No Python per rule: a new rule is a data file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mobility_tui.vocabulary import CITIZENSHIPS, COUNTRIES, HOME_EVERY, SECTORS, STATUSES, WORKS_IN

# Every fact a condition may name, with the values it can take.
FACTS: dict[str, tuple[Any, ...]] = {
    "home_country": COUNTRIES,
    "work_country": COUNTRIES,
    "cross_border": (True, False),        # home and work in different countries
    "home_border": (True, False),         # home in a FI–SE border municipality of the tax treaty
    "work_border": (True, False),         # work in one
    "home_known": (True, False),          # the home municipality is in the place list
    "work_known": (True, False),
    "home_every": HOME_EVERY,             # how often the person goes home
    "citizenship": CITIZENSHIPS,
    "sector": SECTORS,
    "status": STATUSES,
    "works_in": WORKS_IN,                 # works in one country or in both
}


def problems(condition: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(fact, message key) for every part of a condition that cannot be evaluated."""
    found = []
    for fact, wanted in condition.items():
        domain = FACTS.get(fact)
        if domain is None:
            found.append((fact, "unknown_fact"))
            continue
        values = wanted if isinstance(wanted, list) else [wanted]
        if not values:
            found.append((fact, "empty_values"))
        for value in values:
            # bool is an int in Python: compare types too, so `true` never stands for "1".
            if not any(type(value) is type(allowed) and value == allowed for allowed in domain):
                found.append((fact, "bad_value"))
                break
    return found


def holds(condition: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:
    """True when every fact of the condition has one of its wanted values (an empty one holds)."""
    for fact, wanted in condition.items():
        values = wanted if isinstance(wanted, list) else [wanted]
        if facts.get(fact) not in values:
            return False
    return True

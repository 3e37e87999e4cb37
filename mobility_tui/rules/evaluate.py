"""Which rules apply to a situation: every rule of a topic whose condition holds on the date,
or, when none does, the topic's `otherwise` rules (the honest "the rules do not decide")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from mobility_tui.rules.conditions import holds
from mobility_tui.vocabulary import TOPICS


def in_force(rule: Mapping[str, Any], on: dt.date) -> bool:
    start, end = rule.get("valid_from"), rule.get("valid_to")
    return (start is None or dt.date.fromisoformat(start) <= on) and \
        (end is None or on <= dt.date.fromisoformat(end))


def applies(rule: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:
    unless = rule.get("unless") or {}
    return holds(rule.get("when") or {}, facts) and not (unless and holds(unless, facts))


def matching_rules(rules: Iterable[Mapping[str, Any]], facts: Mapping[str, Any],
                   on: dt.date) -> list[Mapping[str, Any]]:
    """The rules that answer each topic, topics in their fixed order, rules by `order`."""
    by_topic: dict[str, list[Mapping[str, Any]]] = {topic: [] for topic in TOPICS}
    for rule in rules:
        if in_force(rule, on):
            by_topic.setdefault(rule["topic"], []).append(rule)
    chosen: list[Mapping[str, Any]] = []
    for topic in TOPICS:
        candidates = sorted(by_topic[topic], key=lambda rule: (rule["order"], rule["id"]))
        found = [rule for rule in candidates if not rule.get("otherwise") and applies(rule, facts)]
        if not found:
            found = [rule for rule in candidates if rule.get("otherwise") and applies(rule, facts)]
        chosen.extend(found)
    return chosen

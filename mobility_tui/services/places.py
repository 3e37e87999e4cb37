"""Municipalities by their names in both languages (Haaparanta = Haparanda, Tornio = Torneå)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from mobility_tui.services.results import LocalText
from mobility_tui.storage.reader import Reader
from mobility_tui.text import fold


@dataclass(frozen=True)
class Place:
    id: str
    country: str
    name: LocalText
    aliases: list[str]
    region: str
    borders: list[str]

    def names(self) -> set[str]:
        return {fold(text) for text in [*self.name.values(), *self.aliases] if text}


class PlaceService:
    def __init__(self, reader: Reader):
        self.reader = reader
        self._cache: tuple[str, dict[str, Place], dict[str, list[Place]]] | None = None
        self._lock = threading.Lock()

    def _load(self) -> tuple[dict[str, Place], dict[str, list[Place]]]:
        def work(snapshot):
            with self._lock:
                if self._cache is None or self._cache[0] != snapshot.generation:
                    places = {row.id: Place(row.id, row.body["country"], row.body["name"],
                                            list(row.body.get("aliases") or []),
                                            row.body["region"], list(row.body.get("borders") or []))
                              for row in snapshot.by_kind("place")}
                    by_name: dict[str, list[Place]] = {}
                    for place in places.values():
                        for name in place.names():
                            by_name.setdefault(name, []).append(place)
                    self._cache = (snapshot.generation, places, by_name)
                return self._cache[1], self._cache[2]

        return self.reader.answer(work)

    def all(self) -> list[Place]:
        places, _by_name = self._load()
        return sorted(places.values(), key=lambda place: (place.country, place.id))

    def find(self, text: str | None) -> list[Place]:
        """The places a name or id may mean (Övertorneå is a name on both sides of the border)."""
        if not text:
            return []
        places, by_name = self._load()
        if text in places:
            return [places[text]]
        return list(by_name.get(fold(text), []))

    def resolve(self, text: str | None) -> Place | None:
        found = self.find(text)
        return found[0] if len(found) == 1 else None

    def same_place(self, location: str | None, place: Place | None, typed: str | None) -> bool:
        """Is a course's location the place asked for (by any of its names)?"""
        if not location:
            return False
        if place is not None:
            return fold(location) in place.names()
        return bool(typed) and fold(typed or "") in fold(location)

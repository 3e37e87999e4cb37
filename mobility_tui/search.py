"""The fuzzy index over every label of every record: names, titles and aliases in fi/sv/en.

Labels and queries are folded (case, diacritics, punctuation) and compared with rapidfuzz's
WRatio, which copes with typos, missing hyphens, partial words and Finnish case endings
("lähihoitajan" still meets "lähihoitaja"). A record scores as its best label.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from mobility_tui.text import fold

# Scores below this are noise: WRatio gives unrelated short strings 40–55.
MIN_SCORE = 60.0
# Nobody types a qualification name this long; longer input is cut so it cannot stall the scan.
MAX_QUERY_CHARS = 200
# Which kind of label wins when two labels of different records score the same.
KIND_RANK = {"name": 0, "title": 1, "alias": 2, "code": 3}


@dataclass(frozen=True)
class Label:
    record_id: str
    country: str
    text: str
    kind: str  # name | title | alias | code


@dataclass(frozen=True)
class Match:
    record_id: str
    score: float
    label: str


class SearchIndex:
    def __init__(self, labels: Iterable[Label]):
        self._labels: list[Label] = []
        self._folded: list[str] = []
        # Codes ("371101", "VO") match only exactly: fuzzy matching short codes is noise.
        self._codes: dict[str, list[Label]] = {}
        for label in labels:
            folded = fold(label.text)
            if not folded:
                continue
            if label.kind == "code":
                self._codes.setdefault(folded, []).append(label)
            else:
                self._labels.append(label)
                self._folded.append(folded)

    def __len__(self) -> int:
        return len(self._labels) + sum(len(labels) for labels in self._codes.values())

    def search(self, query: str, country: str | None = None, limit: int = 10) -> list[Match]:
        folded_query = fold(query[: MAX_QUERY_CHARS * 4])[:MAX_QUERY_CHARS]
        if not folded_query or limit <= 0:
            return []
        # rapidfuzz drops scores equal to the cutoff exactly, hence the margin.
        hits = process.extract(folded_query, self._folded, scorer=fuzz.WRatio, processor=None,
                               limit=None, score_cutoff=MIN_SCORE - 0.01)
        scored = [(score, self._labels[index], self._folded[index]) for _t, score, index in hits]
        scored += [(100.0, label, folded_query) for label in self._codes.get(folded_query, [])]
        best: dict[str, tuple[tuple[float, float, int], Label]] = {}
        for score, label, folded_label in scored:
            if country and label.country != country:
                continue
            # Ties on WRatio are common; a closer whole-label match and an official name win.
            key = (score, fuzz.ratio(folded_query, folded_label), -KIND_RANK[label.kind])
            current = best.get(label.record_id)
            if current is None or key > current[0]:
                best[label.record_id] = (key, label)
        ranked = sorted(best.items(), key=lambda item: (tuple(-part for part in item[1][0]), item[0]))
        return [Match(record_id, round(key[0], 1), label.text)
                for record_id, (key, label) in ranked[:limit]]

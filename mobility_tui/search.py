"""The fuzzy index over every label of every record: names, titles and aliases in fi/sv/en.

Labels and queries are folded (case, diacritics, punctuation) and ranked with rapidfuzz's WRatio,
which copes with typos, missing hyphens, partial words and Finnish case endings ("lähihoitajan"
still meets "lähihoitaja"). A record scores as its best label.

Scoring every label with WRatio is too slow for a national catalogue (100,000+ labels) on every
key press, so a character-trigram inverted index first picks the labels that share the most
trigrams with the query, and only those are scored with WRatio (bench/search.py measures speed
and recall against the exhaustive scan).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from mobility_tui.text import fold

# Scores below this are noise: WRatio gives unrelated short strings 40–55.
MIN_SCORE = 60.0
# Nobody types a qualification name this long; longer input is cut so it cannot stall the scan.
MAX_QUERY_CHARS = 200
# How many labels sharing the most trigrams with the query are rescored with WRatio.
CANDIDATES = 300
# At most this many labels tied with the last place are compared for the tie-break.
TIES = 40
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


def trigrams(folded: str) -> set[str]:
    """Character trigrams of a folded text, padded so short words and word starts count."""
    padded = f"  {folded} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def query_trigrams(folded: str) -> set[str]:
    """A query's trigrams without padding: what a person types may start inside a word
    ("ntur" for "barnturism"), and WRatio's partial matching rewards that."""
    if len(folded) < 3:
        return trigrams(folded)
    return {folded[i:i + 3] for i in range(len(folded) - 2)}


class _Postings:
    """Which labels contain which keys, as compact arrays (CSR: offsets into one array)."""

    def __init__(self, keys_per_label: Iterable[tuple[int, Iterable[str]]]):
        self.vocabulary: dict[str, int] = {}
        key_ids, label_ids = array("i"), array("i")
        size = 0
        for label_id, keys in keys_per_label:
            size = max(size, label_id + 1)
            for key in keys:
                key_ids.append(self.vocabulary.setdefault(key, len(self.vocabulary)))
                label_ids.append(label_id)
        keys_array = np.frombuffer(key_ids, dtype=np.int32)
        self.postings = np.frombuffer(label_ids, dtype=np.int32)[np.argsort(keys_array, kind="stable")]
        self.offsets = np.zeros(len(self.vocabulary) + 1, dtype=np.int64)
        np.cumsum(np.bincount(keys_array, minlength=len(self.vocabulary)), out=self.offsets[1:])
        self.size = size

    def lists(self, keys: Iterable[str], first: int | None = None) -> list[np.ndarray]:
        found = []
        for key in keys:
            number = self.vocabulary.get(key)
            if number is not None:
                start, end = self.offsets[number], self.offsets[number + 1]
                found.append(self.postings[start:end if first is None else min(end, start + first)])
        return found


class CandidateIndex:
    """Picks the labels worth scoring with WRatio:
    - those sharing the most trigrams with the query (typos, prefixes, inflected endings);
    - those most *contained* in the query (a short label inside a long query: partial match);
    - the shortest labels sharing a whole word with the query (WRatio gives a shared word 85.5
      when one text is much longer than the other, whatever the rest)."""

    WORD_SAMPLE = 64
    CONTAINED_SAMPLE = 100

    def __init__(self, folded_labels: list[str]):
        self.size = len(folded_labels)
        sizes = array("i")

        def trigrams_counted():
            for number, text in enumerate(folded_labels):
                grams = trigrams(text)
                sizes.append(len(grams))
                yield number, grams

        self.trigrams = _Postings(trigrams_counted())
        self.trigram_counts = np.array(sizes, dtype=np.float32)
        shortest_first = sorted(range(self.size), key=lambda number: len(folded_labels[number]))
        self.words = _Postings((number, set(folded_labels[number].split()))
                               for number in shortest_first)

    def candidates(self, folded_query: str, limit: int, allowed: np.ndarray | None) -> np.ndarray:
        lists = self.trigrams.lists(query_trigrams(folded_query))
        if not lists:
            return np.empty(0, dtype=np.int64)
        counts = np.bincount(np.concatenate(lists), minlength=self.size)
        if allowed is not None:
            counts[~allowed] = 0
        found = np.flatnonzero(counts)
        if len(found) > limit:
            contained = counts[found] / self.trigram_counts[found]
            found = np.union1d(
                found[np.argpartition(-counts[found], limit - 1)[:limit]],
                found[np.argpartition(-contained, self.CONTAINED_SAMPLE - 1)[:self.CONTAINED_SAMPLE]])
        sharing_a_word = self.words.lists(set(folded_query.split()), first=self.WORD_SAMPLE)
        if sharing_a_word:
            extra = np.concatenate(sharing_a_word)
            if allowed is not None:
                extra = extra[allowed[extra]]
            found = np.union1d(found, extra)
        return found


class SearchIndex:
    def __init__(self, labels: Iterable[Label], candidates: int = CANDIDATES):
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
        self._candidates = candidates
        self._candidate_index = CandidateIndex(self._folded)
        countries = sorted({label.country for label in self._labels})
        country_of = np.array([countries.index(label.country) for label in self._labels],
                              dtype=np.int16)
        self._country_masks = {country: country_of == number
                               for number, country in enumerate(countries)}

    def __len__(self) -> int:
        return len(self._labels) + sum(len(labels) for labels in self._codes.values())

    def search(self, query: str, country: str | None = None, limit: int = 10) -> list[Match]:
        folded_query = fold(query[: MAX_QUERY_CHARS * 4])[:MAX_QUERY_CHARS]
        if not folded_query or limit <= 0:
            return []
        allowed = None
        if country is not None:
            allowed = self._country_masks.get(country)
            if allowed is None:
                return []
        chosen = self._candidate_index.candidates(folded_query, self._candidates, allowed)
        texts = [self._folded[index] for index in chosen]
        # rapidfuzz drops scores equal to the cutoff exactly, hence the margin. Hits come sorted
        # by score, best first.
        hits = process.extract(folded_query, texts, scorer=fuzz.WRatio, processor=None,
                               limit=None, score_cutoff=MIN_SCORE - 0.01)
        scored = [(100.0, label, folded_query) for label in self._codes.get(folded_query, [])
                  if country in (None, label.country)]
        records: set[str] = {label.record_id for _score, label, _text in scored}
        for _text, score, position in hits:
            # Enough records, and no more ties with the last one: the rest cannot rank. (Among
            # many equal scores, the first few dozen are as good as any.)
            if len(records) >= limit and (score < scored[-1][0] or len(scored) >= limit + TIES):
                break
            label = self._labels[chosen[position]]
            scored.append((score, label, texts[position]))
            records.add(label.record_id)
        best: dict[str, tuple[tuple[float, float, int], Label]] = {}
        for score, label, folded_label in scored:
            # Ties on WRatio are common; a closer whole-label match and an official name win.
            key = (score, fuzz.ratio(folded_query, folded_label), -KIND_RANK[label.kind])
            current = best.get(label.record_id)
            if current is None or key > current[0]:
                best[label.record_id] = (key, label)
        ranked = sorted(best.items(), key=lambda item: (tuple(-part for part in item[1][0]), item[0]))
        return [Match(record_id, round(key[0], 1), label.text)
                for record_id, (key, label) in ranked[:limit]]

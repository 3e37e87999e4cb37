"""The search index: built once by `db build`, stored as byte arrays, loaded without per-label work.

Every label of every searchable record (names, titles, aliases in fi/sv/en, codes) is folded
(case, diacritics, punctuation). A character-trigram inverted index picks the labels worth
scoring; rapidfuzz's WRatio scores them; a record scores as its best label. Then each record's
confidence is judged from how the query matched (confidence.py), and records are ranked by
confidence first: an exact title beats a high fuzzy score on a compound's modifier.

The stored form is a handful of arrays (CSR postings, sorted 64-bit keys found by bisection),
so a reader only decodes bytes: no dictionary, no list of labels is rebuilt. Small indexes (the
shipped catalogue) are searched with Python's `array`; large ones with numpy, imported only then.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from mobility_tui.search.confidence import RANK, SHORT_LABEL, WEAK, JudgedLabel, judge
from mobility_tui.text import fold

FORMAT_VERSION = 2
# Scores below this are noise: WRatio gives unrelated short strings 40–55.
MIN_SCORE = 60.0
# Nobody types a qualification name this long; longer input is cut so it cannot stall the scan.
MAX_QUERY_CHARS = 200
# How many labels sharing the most trigrams with the query are rescored with WRatio: at least
# CANDIDATES, and one in LABELS_PER_CANDIDATE of a large catalogue, where thousands of labels tie
# in shared trigrams (bench/search.py: recall@10 0.97 at a million labels).
CANDIDATES = 300
LABELS_PER_CANDIDATE = 650
# WRatio scores a label at least this many times the query's length by its best-matching part.
LONG_LABEL_RATIO = 1.5
CONTAINED_SAMPLE = 100
WORD_SAMPLE = 64
# At most this many labels tied with the last place are compared for the tie-break.
TIES = 40
# A record whose best WRatio score is below this cannot be an exact or close match (inflected,
# mistyped and head-word matches all score 85 or more), so its confidence is not judged.
JUDGED_FROM_SCORE = 75.0
# Above this many labels the numpy path is worth its import.
NUMPY_FROM_LABELS = 50_000
LABEL_KINDS = ("name", "title", "alias", "code")
LANGUAGES = ("fi", "sv", "en")
KIND_RANK = {"name": 0, "title": 1, "alias": 2, "code": 3}
_PARENTHESES = re.compile(r"\s*\([^()]*\)")


# Named tuples, not dataclasses: cheaper to define, and every command imports this module.
class Label(NamedTuple):
    text: str
    kind: str  # name | title | alias | code
    lang: str | None = None  # fi | sv | en, or None for codes


class Entry(NamedTuple):
    """One searchable record as the builder gets it."""

    record_id: str
    country: str
    labels: list[Label]


class Match(NamedTuple):
    record_id: str
    score: float
    label: str  # the label that matched, as written in the data
    confidence: str  # exact | close | weak


def key_of(text: str) -> int:
    """A stable signed 64-bit key for a word or a whole folded label."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(),
                          "little", signed=True)


def trigram_key(gram: str) -> int:
    return (ord(gram[0]) << 42) | (ord(gram[1]) << 21) | ord(gram[2])


def label_trigrams(folded: str) -> set[str]:
    """Character trigrams of a folded label, padded so short words and word starts count."""
    padded = f"  {folded} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def query_trigrams(folded: str) -> set[str]:
    """A query's trigrams without padding: what a person types may start inside a word
    ("ntur" for "barnturism"), and WRatio's partial matching rewards that."""
    if len(folded) < 3:
        return label_trigrams(folded)
    return {folded[i:i + 3] for i in range(len(folded) - 2)}


def _variants(label: Label) -> list[str]:
    """The label, and the label without parenthesised qualifiers ("Sairaanhoitaja (AMK)")."""
    texts = [label.text]
    core = _PARENTHESES.sub("", label.text).strip()
    if core and core != label.text:
        texts.append(core)
    return texts


def _csr(keys: array, labels: array, lengths: array | None = None) -> tuple[bytes, bytes, bytes]:
    """Sorted unique keys, offsets and postings from parallel (key, label) arrays.

    A label keeps its place among those of the same key, or, given `lengths`, the shorter
    label comes first. numpy sorts the pairs: a million labels make tens of millions of them,
    which as Python tuples would take gigabytes."""
    import numpy as np

    key_values = np.frombuffer(keys, dtype=np.int64)
    label_values = np.frombuffer(labels, dtype=np.int32)
    if lengths is None:
        order = np.argsort(key_values, kind="stable")
    else:  # lexsort is stable; its last key is the primary one
        order = np.lexsort((np.frombuffer(lengths, dtype=np.int32)[label_values], key_values))
    postings = label_values[order].astype(np.int32).tobytes()
    sorted_keys = key_values[order]
    del order
    if not len(sorted_keys):
        return b"", np.zeros(1, dtype=np.int64).tobytes(), postings
    # Already sorted: a new key starts wherever the key changes (np.unique would sort again).
    changes = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
    starts = np.concatenate(([0], changes, [len(sorted_keys)])).astype(np.int64)
    return sorted_keys[starts[:-1]].tobytes(), starts.tobytes(), postings


def build_index(entries: Iterable[Entry]) -> dict[str, bytes]:
    """The stored parts of an index over these records (`db build` writes them)."""
    record_ids: list[str] = []
    countries: list[str] = []
    record_country, record_labels = array("b"), array("i", [0])
    folded_labels: list[str] = []
    shown_labels: list[str] = []
    label_record, label_info = array("i"), array("b")
    for entry in entries:
        number = len(record_ids)
        record_ids.append(entry.record_id)
        if entry.country not in countries:
            countries.append(entry.country)
        record_country.append(countries.index(entry.country))
        seen: set[str] = set()
        for label in entry.labels:
            for variant, text in enumerate(_variants(label)):
                folded = fold(text)
                if not folded or (folded, label.kind) in seen:
                    continue
                seen.add((folded, label.kind))  # type: ignore[arg-type]
                folded_labels.append(folded)
                shown_labels.append(text.replace("\n", " "))
                label_record.append(number)
                lang = LANGUAGES.index(label.lang) + 1 if label.lang in LANGUAGES else 0
                # bit 4: the label with its qualifier in parentheses left out ("(AT)", "(AMK)")
                label_info.append(LABEL_KINDS.index(label.kind) | (lang << 2) | ((variant > 0) << 4))
        record_labels.append(len(folded_labels))

    def is_short(number: int) -> bool:
        return len(folded_labels[number]) <= SHORT_LABEL or label_info[number] & 3 == 3

    long_labels = [number for number in range(len(folded_labels)) if not is_short(number)]
    trigram_counts = array("H", [0] * len(folded_labels))
    tri_pairs, word_pairs = (array("q"), array("i")), (array("q"), array("i"))
    for number in long_labels:
        grams = label_trigrams(folded_labels[number])
        trigram_counts[number] = min(len(grams), 65535)
        tri_pairs[0].extend(trigram_key(gram) for gram in grams)
        tri_pairs[1].extend([number] * len(grams))
        words = set(folded_labels[number].split())
        word_pairs[0].extend(key_of(word) for word in words)
        word_pairs[1].extend([number] * len(words))
    short_pairs = (array("q"), array("i"))
    for number in range(len(folded_labels)):
        if is_short(number):
            short_pairs[0].append(key_of(folded_labels[number].replace(" ", "")))
            short_pairs[1].append(number)
    lengths = array("i", (len(text) for text in folded_labels))
    tri_keys, tri_offsets, tri_postings = _csr(*tri_pairs)
    word_keys, word_offsets, word_postings = _csr(*word_pairs, lengths=lengths)
    short_keys, short_offsets, short_postings = _csr(*short_pairs)

    text_offsets = array("q", [0])
    for text in folded_labels:
        text_offsets.append(text_offsets[-1] + len(text) + 1)
    shown_offsets = array("q", [0])
    for text in shown_labels:
        shown_offsets.append(shown_offsets[-1] + len(text) + 1)
    meta = {"format": FORMAT_VERSION, "records": len(record_ids), "labels": len(folded_labels),
            "countries": countries}
    return {
        "meta": json.dumps(meta).encode(),
        "record_ids": "\n".join(record_ids).encode(),
        "record_country": record_country.tobytes(),
        "record_labels": record_labels.tobytes(),
        "label_text": "\n".join(folded_labels).encode(),
        "label_offsets": text_offsets.tobytes(),
        "label_shown": "\n".join(shown_labels).encode(),
        "label_shown_offsets": shown_offsets.tobytes(),
        "label_record": label_record.tobytes(),
        "label_info": label_info.tobytes(),
        "trigram_counts": trigram_counts.tobytes(),
        "trigram_keys": tri_keys, "trigram_offsets": tri_offsets,
        "trigram_postings": tri_postings,
        "word_keys": word_keys, "word_offsets": word_offsets,
        "word_postings": word_postings,
        "short_keys": short_keys, "short_offsets": short_offsets,
        "short_postings": short_postings,
    }


_TYPECODES = {
    "record_country": "b", "record_labels": "i", "label_offsets": "q", "label_shown_offsets": "q",
    "label_record": "i", "label_info": "b", "trigram_counts": "H",
    "trigram_keys": "q", "trigram_offsets": "q", "trigram_postings": "i",
    "word_keys": "q", "word_offsets": "q", "word_postings": "i",
    "short_keys": "q", "short_offsets": "q", "short_postings": "i",
}
_NUMPY_TYPES = {"b": "int8", "i": "int32", "q": "int64", "H": "uint16"}


class IndexFormatError(ValueError):
    """The stored index is not one this version can read."""


class SearchIndex:
    """A loaded index; `search` is safe to call from several threads at once."""

    def __init__(self, parts: Mapping[str, bytes]):
        try:
            meta = json.loads(bytes(parts["meta"]))
        except (KeyError, ValueError) as error:
            raise IndexFormatError("no index metadata") from error
        if meta.get("format") != FORMAT_VERSION:
            raise IndexFormatError(f"index format {meta.get('format')}")
        self.countries: list[str] = meta["countries"]
        self.label_count: int = meta["labels"]
        self.record_ids = bytes(parts["record_ids"]).decode().split("\n") if meta["records"] else []
        self._text = bytes(parts["label_text"]).decode()
        self._shown = bytes(parts["label_shown"]).decode()
        self.uses_numpy = self.label_count > NUMPY_FROM_LABELS
        self.candidate_count = max(CANDIDATES, self.label_count // LABELS_PER_CANDIDATE)
        self._a = {name: self._array(parts[name], code) for name, code in _TYPECODES.items()}
        self._country_masks: dict[int, object] = {}

    def _array(self, data: bytes, code: str):
        if self.uses_numpy:
            import numpy as np

            return np.frombuffer(data, dtype=_NUMPY_TYPES[code])
        values = array(code)
        values.frombytes(bytes(data))
        return values

    def __len__(self) -> int:
        return self.label_count

    # Label access: slices of one decoded string, no per-label objects kept.
    def _folded(self, number: int) -> str:
        offsets = self._a["label_offsets"]
        return self._text[int(offsets[number]):int(offsets[number + 1]) - 1]

    def _shown_text(self, number: int) -> str:
        offsets = self._a["label_shown_offsets"]
        return self._shown[int(offsets[number]):int(offsets[number + 1]) - 1]

    def _kind(self, number: int) -> str:
        return LABEL_KINDS[int(self._a["label_info"][number]) & 3]

    def _as_written(self, number: int) -> int:
        """1 for a label as the data writes it, 0 for one without its parenthesised qualifier."""
        return 0 if int(self._a["label_info"][number]) & 16 else 1

    def _lang(self, number: int) -> str | None:
        lang = (int(self._a["label_info"][number]) >> 2) & 3
        return LANGUAGES[lang - 1] if lang else None

    def record_labels(self, record: int) -> range:
        starts = self._a["record_labels"]
        return range(int(starts[record]), int(starts[record + 1]))

    def _postings(self, kind: str, key: int, first: int | None = None):
        keys = self._a[f"{kind}_keys"]
        position = bisect_left(keys, key)
        if position == len(keys) or int(keys[position]) != key:
            return None
        offsets = self._a[f"{kind}_offsets"]
        start, end = int(offsets[position]), int(offsets[position + 1])
        if first is not None:
            end = min(end, start + first)
        return self._a[f"{kind}_postings"][start:end]

    def _country_number(self, country: str | None) -> int | None:
        if country is None:
            return None
        return self.countries.index(country) if country in self.countries else -1

    def _candidates(self, folded_query: str, limit: int, country: int | None) -> list[int]:
        lists = [found for gram in query_trigrams(folded_query)
                 if (found := self._postings("trigram", trigram_key(gram))) is not None
                 and len(found)]
        words = [found for word in set(folded_query.split())
                 if (found := self._postings("word", key_of(word), WORD_SAMPLE)) is not None]
        if self.uses_numpy:
            return self._candidates_numpy(lists, words, limit, country, len(folded_query))
        counts: Counter[int] = Counter()
        for found in lists:
            counts.update(found)
        record_country, label_record = self._a["record_country"], self._a["label_record"]
        if country is not None:
            counts = Counter({label: count for label, count in counts.items()
                              if record_country[label_record[label]] == country})
        sizes = self._a["trigram_counts"]
        long_from = LONG_LABEL_RATIO * len(folded_query)
        # As in _most_shared: at a tie in shared trigrams, long labels first.
        chosen = set(heapq.nlargest(limit, counts, key=lambda label: (
            counts[label], sizes[label] >= long_from)))
        if len(counts) > limit:
            chosen.update(heapq.nlargest(CONTAINED_SAMPLE, counts,
                                         key=lambda label: counts[label] / max(sizes[label], 1)))
        for found in words:
            chosen.update(label for label in found
                          if country is None or record_country[label_record[label]] == country)
        return sorted(chosen)

    def _candidates_numpy(self, lists, words, limit: int, country: int | None,
                          query_length: int) -> list[int]:
        import numpy as np

        if not lists and not words:
            return []
        allowed = self._allowed(country)
        found = np.empty(0, dtype=np.int64)
        if lists:
            counts = np.bincount(np.concatenate(lists), minlength=self.label_count)
            if allowed is not None:
                counts[~allowed] = 0
            found = self._most_shared(counts, limit, query_length)
        if words:
            extra = np.concatenate(words)
            if allowed is not None:
                extra = extra[allowed[extra]]
            found = np.union1d(found, extra)
        return found.tolist()

    def _most_shared(self, counts, limit: int, query_length: int):
        """The `limit` labels sharing the most trigrams with the query, and the CONTAINED_SAMPLE
        labels made most of the query's trigrams. Only labels that can be chosen are looked at:
        at a million labels, every pass over all of them costs milliseconds."""
        import numpy as np

        labels_sharing = np.bincount(counts)  # how many labels share 0, 1, 2, … trigrams
        labels_sharing[0] = 0
        at_least = np.cumsum(labels_sharing[::-1])[::-1]  # how many share at least 0, 1, 2, …
        if at_least[0] <= limit:
            return np.flatnonzero(counts)
        floor = int(np.flatnonzero(at_least >= limit)[-1])  # the limit-th most shared count
        top = np.flatnonzero(counts >= floor)
        if len(top) > limit:
            # Among labels sharing as many trigrams, the long ones first: WRatio scores a label
            # 1.5 times the query's length by its best-matching part, so at a tie in shared
            # trigrams they score higher (a million labels tie by the thousand).
            sizes = self._a["trigram_counts"][top]
            rank = counts[top] * 2 + (sizes >= LONG_LABEL_RATIO * query_length)
            top = top[np.argpartition(-rank, limit - 1)[:limit]]
        # Labels made mostly of the query's trigrams (a short name inside a long query); one
        # sharing under half the floor cannot be mostly made of them unless it is tiny, and
        # tiny labels come through the word and short-label postings.
        pool = np.flatnonzero(counts >= max(1, floor // 2))
        contained = counts[pool] / np.maximum(self._a["trigram_counts"][pool], 1)
        sample = min(CONTAINED_SAMPLE, len(pool))
        return np.union1d(top, pool[np.argpartition(-contained, sample - 1)[:sample]])

    def _allowed(self, country: int | None):
        if country is None:
            return None
        mask = self._country_masks.get(country)
        if mask is None:
            import numpy as np

            mask = (np.asarray(self._a["record_country"]) == country)[np.asarray(self._a["label_record"])]
            self._country_masks[country] = mask
        return mask

    def search(self, query: str, country: str | None = None, limit: int = 10) -> list[Match]:
        from rapidfuzz import fuzz, process

        folded_query = fold(query[: MAX_QUERY_CHARS * 4])[:MAX_QUERY_CHARS]
        if not folded_query or limit <= 0 or not self.label_count:
            return []
        country_number = self._country_number(country)
        if country_number == -1:
            return []
        label_record, record_country = self._a["label_record"], self._a["record_country"]
        # label number -> WRatio score, for every label that scored
        scored: dict[int, float] = {}
        short = self._postings("short", key_of(folded_query.replace(" ", "")))
        for label in short if short is not None else ():
            if country_number is None or record_country[label_record[label]] == country_number:
                scored[int(label)] = 100.0
        chosen = self._candidates(folded_query, self.candidate_count, country_number)
        texts = [self._folded(label) for label in chosen]
        # rapidfuzz drops scores equal to the cutoff exactly, hence the margin. Hits come sorted
        # by score, best first.
        hits = process.extract(folded_query, texts, scorer=fuzz.WRatio, processor=None,
                               limit=None, score_cutoff=MIN_SCORE - 0.01)
        records: set[int] = {int(label_record[label]) for label in scored}
        last = 101.0
        wanted = max(limit * 2, 20)  # records whose confidence is judged for the ranking
        for _text, score, position in hits:
            # Enough records, and no more ties with the last one: the rest cannot rank.
            if len(records) >= wanted and (score < last or len(scored) >= wanted + TIES):
                break
            label = chosen[position]
            scored[label] = max(score, scored.get(label, 0.0))
            records.add(int(label_record[label]))
            last = score
        return self._rank(folded_query, scored, limit)

    def _rank(self, folded_query: str, scored: dict[int, float], limit: int) -> list[Match]:
        from rapidfuzz import fuzz

        label_record = self._a["label_record"]
        best: dict[int, tuple[tuple, int]] = {}
        for label, score in scored.items():
            record = int(label_record[label])
            key = (score, fuzz.ratio(folded_query, self._folded(label)),
                   self._own_language(record, label), self._as_written(label),
                   -KIND_RANK[self._kind(label)])
            if record not in best or key > best[record][0]:
                best[record] = (key, label)
        query_words = folded_query.split()
        ranked = []
        for record, (key, label) in best.items():
            confidence = WEAK if key[0] < JUDGED_FROM_SCORE else judge(query_words, (
                JudgedLabel(self._folded(number), self._kind(number))
                for number in self.record_labels(record)))
            ranked.append(((RANK[confidence], *key), self.record_ids[record], label, confidence))
        ranked.sort(key=lambda item: (tuple(-part for part in item[0]), item[1]))
        return [Match(record_id, round(key[1], 1), self._shown_text(label), confidence)
                for key, record_id, label, confidence in ranked[:limit]]

    def _own_language(self, record: int, label: int) -> int:
        """2 when the label is in the record's own language (fi on a Finnish record, sv on a
        Swedish one), 1 for Swedish on a Finnish record (Finland-Swedish), else 0."""
        country = self.countries[int(self._a["record_country"][record])]
        lang = self._lang(label)
        if (country, lang) in (("FI", "fi"), ("SE", "sv")):
            return 2
        return 1 if (country, lang) == ("FI", "sv") else 0

"""How well a query matches a record: exact, close or weak, judged from how it matched.

- exact: the query *is* a name, title, alias or code of the record, up to case, diacritics,
  spacing and Finnish/Swedish/English inflection;
- close: a strong match on a whole label (typos allowed), or the query is the head word of an
  occupational title ("asentaja" for "sähköasentaja", "nurse" for "registered nurse");
- weak: anything else, e.g. the modifier of a compound ("sähkö" for "sähköasentaja"), one shared
  syllable, or a partial overlap. A weak result is never presented as an answer.

The head-word rule is for titles and aliases only: the head of an official name ("perustutkinto",
"programmet") says nothing about the work.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import DamerauLevenshtein

from mobility_tui.search.inflection import endings_removed, inflected

EXACT, CLOSE, WEAK = "exact", "close", "weak"
RANK = {EXACT: 2, CLOSE: 1, WEAK: 0}
# Labels this short (abbreviations, codes) match only as the whole query.
SHORT_LABEL = 3
# A compound's head must be a word of its own, and something must come before it.
_MIN_HEAD, _MIN_MODIFIER = 4, 3

_SAME, _TYPO, _HEAD, _NONE = 3, 2, 1, 0


class JudgedLabel(NamedTuple):
    folded: str
    kind: str  # name | title | alias | code


def typo_tolerance(length: int) -> int:
    """Edits a word of this length may carry and still be "the same word, mistyped"."""
    return 0 if length < 5 else 1 if length < 9 else 2


def _typo(word: str, target: str) -> bool:
    tolerance = typo_tolerance(len(target))
    if tolerance == 0:
        return False
    return any(abs(len(form) - len(target)) <= tolerance
               and DamerauLevenshtein.distance(form, target, score_cutoff=tolerance) <= tolerance
               for form in endings_removed(word))


@lru_cache(maxsize=65536)
def _word_relation(word: str, target: str) -> int:
    if inflected(word, target):
        return _SAME
    if _typo(word, target):
        return _TYPO
    # The head of a compound starts where the word does: only look where its first letters are.
    if len(word) >= _MIN_HEAD:
        start = target.find(word[:3], _MIN_MODIFIER)
        while 0 <= start <= len(target) - _MIN_HEAD:
            if inflected(word, target[start:]):
                return _HEAD
            start = target.find(word[:3], start + 1)
    return _NONE


def judge_label(query_words: list[str], label: JudgedLabel) -> str:
    words = label.folded.split()
    if not words or not query_words:
        return WEAK
    compact_query, compact_label = "".join(query_words), "".join(words)
    if compact_query == compact_label:
        return EXACT
    if len(compact_label) <= SHORT_LABEL or label.kind == "code":
        return WEAK  # abbreviations and codes: the whole query or nothing
    if len(query_words) == len(words):
        relations = [_word_relation(q, w) for q, w in zip(query_words, words, strict=True)]
        if all(relation == _SAME for relation in relations):
            return EXACT
        if all(relation >= _TYPO for relation in relations):
            return CLOSE
    if _typo(compact_query, compact_label):
        return CLOSE
    if label.kind != "name" and len(query_words) == 1 and \
            _word_relation(query_words[0], words[-1]) >= _HEAD:
        return CLOSE
    return WEAK


def judge(query_words: list[str], labels: Iterable[JudgedLabel]) -> str:
    """The best confidence any of a record's labels gives the query."""
    best = WEAK
    for label in labels:
        verdict = judge_label(query_words, label)
        if RANK[verdict] > RANK[best]:
            best = verdict
            if best == EXACT:
                break
    return best

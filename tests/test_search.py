"""The fuzzy index: what people type finds what they mean."""

from __future__ import annotations

import pytest

from mobility_tui.search import Label, SearchIndex
from mobility_tui.text import fold, strip_controls

LABELS = [
    Label("fi-sote", "FI", "Sosiaali- ja terveysalan perustutkinto", "name"),
    Label("fi-sote", "FI", "lähihoitaja", "title"),
    Label("fi-sote", "FI", "närvårdare", "title"),
    Label("fi-hius", "FI", "Hius- ja kauneudenhoitoalan perustutkinto", "name"),
    Label("fi-hius", "FI", "parturi-kampaaja", "alias"),
    Label("fi-hius", "FI", "kampaaja", "title"),
    Label("fi-auto", "FI", "Ajoneuvoalan perustutkinto", "name"),
    Label("fi-auto", "FI", "automekaanikko", "alias"),
    Label("se-vo", "SE", "Vård- och omsorgsprogrammet", "name"),
    Label("se-usk", "SE", "Undersköterska", "name"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(LABELS)


def top(index: SearchIndex, query: str, **kwargs) -> str:
    return index.search(query, **kwargs)[0].record_id


def test_fold_strips_case_diacritics_and_punctuation():
    assert fold("Lähihoitaja") == "lahihoitaja"
    assert fold("Undersköterska") == "underskoterska"
    assert fold("Vård- och omsorgsprogrammet") == "vard och omsorgsprogrammet"
    assert fold("  Parturi-kampaaja!! ") == "parturi kampaaja"


def test_strip_controls_removes_escape_sequences_but_keeps_text():
    assert strip_controls("a\x1b[31mred\x07\x9b") == "a[31mred"
    assert strip_controls("line\nnext\ttab") == "line\nnext\ttab"


@pytest.mark.parametrize("query, expected", [
    ("lähihoitaja", "fi-sote"),
    ("lahihoitaja", "fi-sote"),          # no diacritics
    ("lähihoitajan", "fi-sote"),         # genitive ending
    ("lahihoitja", "fi-sote"),           # typo
    ("parturi kampaaja", "fi-hius"),     # no hyphen
    ("automekaanikon", "fi-auto"),       # inflected
    ("underskoterska", "se-usk"),
    ("vard och omsorg", "se-vo"),        # partial multi-word
])
def test_people_find_what_they_mean(index, query, expected):
    assert top(index, query) == expected


def test_score_and_matched_label(index):
    [hit] = index.search("lähihoitaja", limit=1)
    assert hit.score == 100.0
    assert hit.label == "lähihoitaja"


def test_a_record_appears_once_with_its_best_label(index):
    hits = index.search("lähihoitaja närvårdare")
    ids = [hit.record_id for hit in hits]
    assert len(ids) == len(set(ids))


def test_country_filter(index):
    hits = index.search("hoitaja", country="SE")
    assert all(hit.record_id.startswith("se-") for hit in hits)


def test_limit(index):
    assert len(index.search("perustutkinto", limit=2)) == 2


@pytest.mark.parametrize("query", ["", "   ", "\x00\x1b[2J", "!!!", "%_%"])
def test_queries_without_words_return_nothing(index, query):
    assert index.search(query) == []


def test_nonsense_finds_nothing(index):
    assert index.search("qwxzv") == []


def test_very_long_query_is_handled(index):
    assert isinstance(index.search("lähihoitaja " * 2000), list)


def test_codes_match_exactly_only():
    index = SearchIndex([Label("se-vo", "SE", "VO", "code"),
                         Label("fi-sote", "FI", "371101", "code"),
                         Label("fi-sote", "FI", "lähihoitaja", "title")])
    assert [hit.record_id for hit in index.search("371101")] == ["fi-sote"]
    assert [hit.record_id for hit in index.search("vo")] == ["se-vo"]
    assert index.search("perustutkinto vo") == []

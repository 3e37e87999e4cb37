"""The search index and how a match's confidence is judged: what people type finds what they
mean, and a weak match is called weak."""

from __future__ import annotations

import pytest

from mobility_tui.search import Entry, Label, SearchIndex, build_index
from mobility_tui.search import index as index_module
from mobility_tui.search.confidence import JudgedLabel, judge_label
from mobility_tui.search.inflection import inflected
from mobility_tui.text import fold, strip_controls

ENTRIES = [
    Entry("fi-sote", "FI", [Label("Sosiaali- ja terveysalan perustutkinto", "name", "fi"),
                            Label("lähihoitaja", "title", "fi"), Label("närvårdare", "title", "sv"),
                            Label("371101", "code")]),
    Entry("fi-hius", "FI", [Label("Hius- ja kauneudenhoitoalan perustutkinto", "name", "fi"),
                            Label("parturi-kampaaja", "alias", "fi"), Label("kampaaja", "title", "fi")]),
    Entry("fi-auto", "FI", [Label("Ajoneuvoalan perustutkinto", "name", "fi"),
                            Label("automekaanikko", "alias", "fi")]),
    Entry("fi-sh", "FI", [Label("Sairaanhoitaja (AMK)", "name", "fi"),
                          Label("registered nurse", "title", "en"), Label("sh", "alias", "fi")]),
    Entry("fi-maatalous", "FI", [Label("Maatalousalan perustutkinto", "name", "fi"),
                                 Label("eläintenhoitaja", "title", "fi")]),
    Entry("fi-kasvatus", "FI", [Label("Kasvatus- ja ohjausalan perustutkinto", "name", "fi"),
                                Label("lastenhoitaja", "alias", "fi")]),
    Entry("se-vo", "SE", [Label("Vård- och omsorgsprogrammet", "name", "sv"), Label("VO", "code")]),
    Entry("se-usk", "SE", [Label("Undersköterska", "name", "sv"), Label("usk", "alias", "sv"),
                           Label("sairaanhoitaja", "title", "fi")]),
    Entry("se-taxi", "SE", [Label("Taxiförare", "name", "sv"), Label("taxichaufför", "alias", "sv")]),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(build_index(ENTRIES))


def top(index: SearchIndex, query: str, **kwargs):
    return index.search(query, **kwargs)[0]


def test_fold_strips_case_diacritics_and_punctuation():
    assert fold("Lähihoitaja") == "lahihoitaja"
    assert fold("Undersköterska") == "underskoterska"
    assert fold("Vård- och omsorgsprogrammet") == "vard och omsorgsprogrammet"
    assert fold("  Parturi-kampaaja!! ") == "parturi kampaaja"


def test_strip_controls_removes_escape_sequences_but_keeps_text():
    assert strip_controls("a\x1b[31mred\x07\x9b") == "a[31mred"
    assert strip_controls("line\nnext\ttab") == "line\nnext\ttab"


@pytest.mark.parametrize("query, expected, confidence", [
    ("lähihoitaja", "fi-sote", "exact"),
    ("lahihoitaja", "fi-sote", "exact"),          # no diacritics
    ("lähihoitajan", "fi-sote", "exact"),         # genitive
    ("lähihoitajaksi", "fi-sote", "exact"),       # translative
    ("lahihoitja", "fi-sote", "close"),           # a typo
    ("parturi kampaaja", "fi-hius", "exact"),     # no hyphen
    ("parturikampaaja", "fi-hius", "exact"),      # no space
    ("automekaanikon", "fi-auto", "exact"),       # inflected alias
    ("underskoterska", "se-usk", "exact"),
    ("undersköterskor", "se-usk", "exact"),       # Swedish plural
    ("sairaanhoitaja", "fi-sh", "exact"),         # "(AMK)" is a qualifier, not the name
    ("sairaanhoitajaksi", "fi-sh", "exact"),
    ("registered nurse", "fi-sh", "exact"),
    ("nurse", "fi-sh", "close"),                  # the head word of a title
    ("sh", "fi-sh", "exact"),                     # an abbreviation, as a whole word
    ("371101", "fi-sote", "exact"),               # a code, exactly
    ("lastenhoitaja", "fi-kasvatus", "exact"),
])
def test_people_find_what_they_mean(index, query, expected, confidence):
    hit = top(index, query)
    assert (hit.record_id, hit.confidence) == (expected, confidence)


def test_an_exact_title_in_the_records_own_language_comes_first(index):
    # "sairaanhoitaja" is a Finnish title of both; the Finnish record's own language wins.
    assert [hit.record_id for hit in index.search("sairaanhoitaja", limit=2)] == ["fi-sh", "se-usk"]


@pytest.mark.parametrize("query", ["taksikuski", "uskonto", "huskvarna"])
def test_short_aliases_match_only_as_whole_words(index, query):
    assert all(hit.record_id != "se-usk" or hit.confidence == "weak" for hit in index.search(query))
    assert not any(hit.label == "usk" for hit in index.search(query))


def test_a_compound_matches_on_its_head_not_its_modifier(index):
    # "eläintenhoitaja" and "lastenhoitaja" share the head "hoitaja": neither is the other.
    hits = {hit.record_id: hit.confidence for hit in index.search("lastenhoitaja")}
    assert hits["fi-kasvatus"] == "exact" and hits.get("fi-maatalous", "weak") == "weak"
    assert index.search("lastenhoitaja")[0].record_id == "fi-kasvatus"
    # A modifier alone is never close.
    assert all(hit.confidence == "weak" for hit in index.search("lasten"))
    # The head alone is: a lähihoitaja is a kind of hoitaja.
    assert {hit.record_id for hit in index.search("hoitaja") if hit.confidence == "close"} >= {
        "fi-sote", "fi-maatalous", "fi-kasvatus"}


@pytest.mark.parametrize("query, label, kind, expected", [
    ("sähkö", "sähköasentaja", "title", "weak"),        # a modifier
    ("asentaja", "sähköasentaja", "title", "close"),    # the head
    ("perustutkinto", "Logistiikan perustutkinto", "name", "weak"),  # the head of a name says nothing
    ("registered", "registered nurse", "title", "weak"),
    ("tandsköterska", "undersköterska", "title", "weak"),
    ("sköterska", "undersköterska", "title", "close"),
    ("lääkäreitä", "lääkäri", "title", "exact"),        # plural partitive
    ("kokin", "kokki", "title", "exact"),               # consonant gradation
    ("läraren", "lärare", "title", "exact"),
    ("lärarna", "lärare", "title", "exact"),
    ("sairanhoitajan", "sairaanhoitaja", "title", "close"),  # a typo and an ending
    ("valaanpyytäjä", "kalastaja", "title", "weak"),
])
def test_confidence_rules(query, label, kind, expected):
    assert judge_label(fold(query).split(), JudgedLabel(fold(label), kind)) == expected


def test_inflection_is_never_a_prefix_game():
    assert inflected("hoitajan", "hoitaja")
    assert not inflected("hoitajakurssi", "hoitaja")   # a longer compound is another word
    assert not inflected("usko", "usk")                # short words are only themselves


def test_score_matched_label_and_one_hit_per_record(index):
    [hit] = index.search("lähihoitaja", limit=1)
    assert hit.score == 100.0 and hit.label == "lähihoitaja"
    ids = [hit.record_id for hit in index.search("lähihoitaja närvårdare")]
    assert len(ids) == len(set(ids))


def test_country_filter_and_limit(index):
    assert all(hit.record_id.startswith("se-") for hit in index.search("hoitaja", country="SE"))
    assert index.search("hoitaja", country="NO") == []
    assert len(index.search("perustutkinto", limit=2)) == 2


@pytest.mark.parametrize("query", ["", "   ", "\x00\x1b[2J", "!!!", "%_%"])
def test_queries_without_words_return_nothing(index, query):
    assert index.search(query) == []


def test_nonsense_finds_nothing_and_long_queries_are_cut(index):
    assert index.search("qwxzv") == []
    assert isinstance(index.search("lähihoitaja " * 2000), list)


def test_codes_match_exactly_only(index):
    assert [hit.record_id for hit in index.search("vo")] == ["se-vo"]
    assert all(hit.record_id != "se-vo" for hit in index.search("perustutkinto vo"))


def test_the_numpy_path_answers_as_the_plain_one(monkeypatch):
    parts = build_index(ENTRIES)
    plain = SearchIndex(parts)
    monkeypatch.setattr(index_module, "NUMPY_FROM_LABELS", 0)
    large = SearchIndex(parts)
    assert large.uses_numpy and not plain.uses_numpy
    for query in ("lähihoitaja", "hoitaja", "sairaanhoitajaksi", "vo", "nurse", "qwxzv", "kampaaja"):
        for country in (None, "FI", "SE"):
            assert large.search(query, country=country) == plain.search(query, country=country), query


@pytest.mark.parametrize("numpy_from", [10**9, 0])
def test_at_a_tie_in_shared_trigrams_the_long_label_is_rescored(monkeypatch, numpy_from):
    """Both labels share five trigrams ("palvelu") with the query; WRatio scores the long one by
    its best part, so when only one can be rescored it is the long one, on either path."""
    monkeypatch.setattr(index_module, "NUMPY_FROM_LABELS", numpy_from)
    monkeypatch.setattr(index_module, "CONTAINED_SAMPLE", 0)
    entries = [Entry("short", "FI", [Label("tietopalvelu", "name", "fi")]),
               Entry("long", "FI", [Label("ajoneuvoautomaatio ja hevospalvelualan perustutkinto",
                                          "name", "fi")])]
    index = SearchIndex(build_index(entries))
    assert index.uses_numpy is (numpy_from == 0)
    chosen = index._candidates("heovkpalvelu", 1, None)
    assert [index.record_ids[index._a["label_record"][label]] for label in chosen] == ["long"]


def test_a_large_catalogue_rescores_more_candidates(monkeypatch):
    monkeypatch.setattr(index_module, "CANDIDATES", 2)
    monkeypatch.setattr(index_module, "LABELS_PER_CANDIDATE", 10)
    few = [Entry(str(number), "FI", [Label(f"tutkinto {number}", "name", "fi")]) for number in range(15)]
    many = [Entry(str(number), "FI", [Label(f"tutkinto {number}", "name", "fi")]) for number in range(40)]
    assert SearchIndex(build_index(few)).candidate_count == 2
    assert SearchIndex(build_index(many)).candidate_count == 4


def test_an_index_of_another_format_is_refused():
    parts = dict(build_index(ENTRIES))
    parts["meta"] = b'{"format": 999}'
    with pytest.raises(index_module.IndexFormatError):
        SearchIndex(parts)


def test_a_reader_never_rebuilds_the_index(run, built_fixture_db, monkeypatch):
    """The index is built once, by `db build`; every later command loads the stored one."""
    import mobility_tui.catalog.build
    import mobility_tui.search
    import mobility_tui.search.index

    def refuse(_entries):
        raise AssertionError("the index was built again by a reader")

    for module in (mobility_tui.search.index, mobility_tui.search, mobility_tui.catalog.build):
        monkeypatch.setattr(module, "build_index", refuse)
    for query in ("lähihoitaja", "rekkakuski"):
        result = run("--database-url", built_fixture_db, "search", query, "--json")
        assert result.code == 0 and result.json()[0]["confidence"] == "exact"

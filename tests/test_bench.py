"""The benchmarks keep working (tiny sizes; no timing is asserted here)."""

from __future__ import annotations

from bench.catalogue import make_labels, make_queries
from bench.search import run


def test_catalogue_and_queries_are_reproducible():
    labels = make_labels(500)
    assert len(labels) == len(set(labels)) == 500
    assert make_labels(500) == labels
    queries = make_queries(labels, 50)
    assert len(queries) == 50 and queries == make_queries(labels, 50)


def test_search_benchmark_reports_every_figure():
    result = run(2000, 30)
    for key in ("p50_ms", "p95_ms", "naive_p50_ms", "naive_p95_ms", "speedup_p95", "recall_at_10",
                "build_s", "load_s", "load_vs_build", "top1_equal", "concurrent_p95_ms"):
        assert key in result
    assert 0.0 <= result["recall_at_10"] <= 1.0


def test_keystroke_benchmark_runs_on_a_synthetic_database():
    from bench.keystroke import run as keystroke

    result = keystroke(300, 12)
    assert result["keys"] > 5 and result["keystroke_p95_ms"] >= result["keystroke_p50_ms"] > 0
    assert result["first_result_ms"] > 0

"""The benchmarks keep working (tiny sizes; no timing is asserted here)."""

from __future__ import annotations

from bench.catalogue import make_labels, make_queries
from bench.keystroke import measure
from bench.search import run


def test_catalogue_and_queries_are_reproducible():
    labels = make_labels(500)
    assert len(labels) == len(set(labels)) == 500
    assert make_labels(500) == labels
    queries = make_queries(labels, 50)
    assert len(queries) == 50 and queries == make_queries(labels, 50)


def test_search_benchmark_reports_every_figure():
    result = run(2000, 30)
    for key in ("p50_ms", "p95_ms", "naive_p50_ms", "naive_p95_ms", "speedup_p95",
                "recall_at_10", "build_s", "top1_equal", "concurrent_p95_ms"):
        assert key in result
    assert 0.0 <= result["recall_at_10"] <= 1.0


async def test_keystroke_benchmark_runs():
    result = await measure(2000, 12)
    assert result["keys"] > 5 and result["keystroke_p95_ms"] >= result["keystroke_p50_ms"] > 0

"""Search speed and quality at scale: the project's index against an exhaustive WRatio scan.

    python bench/search.py [--labels 100000] [--queries 500] [--json]

Both run in this process on the same synthetic catalogue and queries (bench/catalogue.py). The
baseline scores every label with the same scorer (WRatio on folded text); recall@10 counts a
returned label as a hit when its exhaustive score reaches the exhaustive 10th-best score, so
WRatio's many ties do not count as misses.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process  # noqa: E402

from bench.catalogue import make_labels, make_queries  # noqa: E402
from mobility_tui.search import Entry, Label, SearchIndex, build_index  # noqa: E402
from mobility_tui.text import fold  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(function, queries):
    times, answers = [], []
    for query in queries:
        start = time.perf_counter()
        answers.append(function(query))
        times.append((time.perf_counter() - start) * 1000)
    return times, answers


def run(label_count: int, query_count: int) -> dict:
    labels = make_labels(label_count)
    queries = make_queries(labels, query_count)
    memory_before = rss_mb()
    start = time.perf_counter()
    parts = build_index(Entry(str(number), "FI", [Label(text, "title", "fi")])
                        for number, text in enumerate(labels))
    build_s = time.perf_counter() - start
    start = time.perf_counter()
    index = SearchIndex(parts)
    load_s = time.perf_counter() - start
    build_peak_mb = rss_mb() - memory_before
    stored_mb = sum(len(part) for part in parts.values()) / 2**20
    folded = [fold(text) for text in labels]

    def service(query: str):
        return index.search(query, limit=10)

    def exhaustive(query: str):
        return process.extract(fold(query), folded, scorer=fuzz.WRatio, processor=None, limit=10)

    service_ms, service_answers = timed(service, queries)
    naive_ms, naive_answers = timed(exhaustive, queries)

    hits = expected = top1_equal = 0
    for query, ours, best in zip(queries, service_answers, naive_answers, strict=True):
        best = [item for item in best if item[1] >= 60]
        if not best:
            continue
        threshold = best[-1][1]
        folded_query = fold(query)
        expected += len(best)
        hits += sum(1 for match in ours[: len(best)]
                    if fuzz.WRatio(folded_query, folded[int(match.record_id)]) >= threshold - 1e-9)
        top1_equal += bool(ours) and abs(ours[0].score - round(best[0][1], 1)) < 0.051

    concurrent_ms: list[float] = []
    lock = threading.Lock()

    def worker(part):
        times, _ = timed(service, part)
        with lock:
            concurrent_ms.extend(times)

    threads = [threading.Thread(target=worker, args=(queries[i::2],)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    answered = sum(1 for best in naive_answers if any(item[1] >= 60 for item in best))
    return {
        "labels": label_count, "queries": query_count,
        "p50_ms": round(percentile(service_ms, 0.5), 3), "p95_ms": round(percentile(service_ms, 0.95), 3),
        "naive_p50_ms": round(percentile(naive_ms, 0.5), 3),
        "naive_p95_ms": round(percentile(naive_ms, 0.95), 3),
        "speedup_p95": round(percentile(naive_ms, 0.95) / percentile(service_ms, 0.95), 1),
        "recall_at_10": round(hits / expected, 4) if expected else 1.0,
        "top1_equal": round(top1_equal / answered, 4) if answered else 1.0,
        "concurrent_p95_ms": round(percentile(concurrent_ms, 0.95), 3),
        "build_s": round(build_s, 2), "load_s": round(load_s, 3),
        "load_vs_build": round(load_s / build_s, 4) if build_s else 0.0,
        "build_peak_mb": round(build_peak_mb, 1),
        "stored_index_mb": round(stored_mb, 1),
        "mean_ms": round(statistics.fmean(service_ms), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    result = run(args.labels, args.queries)
    print(f"labels {result['labels']:,}, queries {result['queries']}")
    print(f"index   p50 {result['p50_ms']:8.2f} ms   p95 {result['p95_ms']:8.2f} ms   "
          f"(two at once: p95 {result['concurrent_p95_ms']:.2f} ms)")
    print(f"scan    p50 {result['naive_p50_ms']:8.2f} ms   p95 {result['naive_p95_ms']:8.2f} ms")
    print(f"speed-up at p95 {result['speedup_p95']}x   recall@10 {result['recall_at_10']:.3f}   "
          f"top-1 score equal {result['top1_equal']:.3f}")
    print(f"index build {result['build_s']} s (at db build), load {result['load_s']} s "
          f"(every reader): load/build {result['load_vs_build']}")
    print(f"stored index {result['stored_index_mb']} MB (what a reader holds); "
          f"peak while building {result['build_peak_mb']} MB (db build only)")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

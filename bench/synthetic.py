"""A synthetic catalogue database of N qualification records, written the way `db build` writes
one (same tables, same stored index), for benchmarks at 10k–100k records.

    python bench/synthetic.py sqlite:////tmp/bench.sqlite3 --records 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.catalogue import make_labels  # noqa: E402
from mobility_tui.catalog import build  # noqa: E402
from mobility_tui.search import Entry, Label, build_index  # noqa: E402
from mobility_tui.storage import SCHEMA_VERSION  # noqa: E402
from mobility_tui.storage.urls import parse_url  # noqa: E402

LABELS_PER_RECORD = 3  # a name and two titles, about what a real record has after folding


def rows_for(count: int) -> dict[str, list[dict]]:
    texts = make_labels(count * LABELS_PER_RECORD)
    records, entries = [], []
    today = dt.date.today().isoformat()
    for number in range(count):
        name, *titles = texts[number * LABELS_PER_RECORD:(number + 1) * LABELS_PER_RECORD]
        record_id = f"fi-bench-{number}"
        summary = {"id": record_id, "kind": "qualification", "country": "FI", "type": "perustutkinto",
                   "degree": None, "code": None, "eqf_level": 4, "national_level": 4, "programme": None,
                   "field": None, "name": {"fi": name, "en": name}, "titles": {"fi": titles},
                   "regulated": {}, "shortage": [], "counterparts": [], "verified": today,
                   "verification": "checked"}
        body = {**summary, "sources": [{"url": "https://www.oph.fi/", "kind": "authority",
                                        "publisher": None}]}
        records.append({"id": record_id, "kind": "qualification", "country": "FI",
                        "summary": json.dumps(summary), "body": json.dumps(body)})
        entries.append(Entry(record_id, "FI", [Label(name, "name", "fi"),
                                               *(Label(title, "title", "fi") for title in titles)]))
    parts = build_index(entries)
    return {"record": records, "link": [],
            "search_part": [{"name": key, "data": value} for key, value in parts.items()]}


def write(url: str, count: int) -> None:
    target = parse_url(url)
    rows = rows_for(count)
    info = {"fingerprint": "synthetic", "signature": "synthetic", "origin": "synthetic",
            "schema_version": SCHEMA_VERSION, "built_at": dt.datetime.now(dt.UTC).isoformat()}
    if target.backend == "sqlite":
        build._write_sqlite(target, rows, info)
    else:
        build._write_server(target, rows, info, [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    write(args.url, args.records)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

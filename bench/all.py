"""Every figure the project promises, each with the baseline it is measured against, in one run.

    python bench/all.py [--postgres URL] [--quick] [--json]

- the command line: one call against a bare interpreter, a batch against single calls, one call
  at 100,000 records (bench/cli.py);
- the search index: recall@10 and p95 against an exhaustive scan at 100,000 and 1,000,000
  labels, and loading the stored index against building it (bench/search.py);
- the terminal UI: start to first result and keystroke to results at 100,000 records on SQLite
  (and PostgreSQL with --postgres), and keystrokes at 1,000,000 labels (bench/keystroke.py).
`--quick` runs everything at a tenth of the sizes (a smoke test, not the figures).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import cli, keystroke, search  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="URL", help="also measure a desk on this server")
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    figures: dict[str, dict] = {}
    figures["cli"] = cli.run(runs=9, batch=1000, records=100_000 // scale)
    figures["search_100k"] = search.run(100_000 // scale, 300)
    figures["search_1m"] = search.run(1_000_000 // scale, 100)
    figures["tui_sqlite_100k"] = keystroke.run(100_000 // scale, 100)
    million = 1_000_000 // keystroke.synthetic.LABELS_PER_RECORD // scale
    figures["tui_1m_labels"] = keystroke.run(million, 100)
    if args.postgres:
        figures["tui_postgres_100k"] = keystroke.run(100_000 // scale, 100, args.postgres)
    c = figures["cli"]
    rows = [
        ("CLI search --json, shipped data", f"{c['search_call_ms']} ms",
         f"bare interpreter {c['bare_interpreter_ms']} ms", f"{c['search_vs_bare']}×", "≤ 5×"),
        (f"batch of {c['batch_queries']} in one process", f"{c['batch_s']} s",
         f"{c['batch_queries']} single calls {c['calls_for_batch_s']} s", f"{c['batch_vs_calls']}×", "≪ 1"),
        (f"one call at {c['records']:,} records", f"{c['large_search_s']} s, {c['large_search_peak_mb']} MB",
         "", "", "≤ 1 s, ≤ 300 MB"),
    ]
    for key in ("search_100k", "search_1m"):
        s = figures[key]
        rows.append((f"search p95 at {s['labels']:,} labels", f"{s['p95_ms']} ms",
                     f"exhaustive scan {s['naive_p95_ms']} ms", f"{s['speedup_p95']}× faster", ""))
        rows.append((f"recall@10 at {s['labels']:,} labels", f"{s['recall_at_10']}",
                     "exhaustive scan = 1.0", "", "≥ 0.98 (100k), ≥ 0.97 (1M)"))
        rows.append((f"index load at {s['labels']:,} labels", f"{s['load_s']} s",
                     f"rebuild {s['build_s']} s", f"{s['load_vs_build']}×", "a reader never rebuilds"))
    for key in ("tui_sqlite_100k", "tui_postgres_100k", "tui_1m_labels"):
        if key in figures:
            t = figures[key]
            where = "PostgreSQL" if "postgres" in key else "SQLite"
            rows.append((f"TUI start to first result, {t['labels']:,} labels ({where})",
                         f"{t['first_result_ms']} ms", "", "", ""))
            rows.append((f"TUI keystroke to results p95, {t['labels']:,} labels ({where})",
                         f"{t['keystroke_p95_ms']} ms", f"p50 {t['keystroke_p50_ms']} ms", "", "≤ 50 ms"))
    width = max(len(row[0]) for row in rows)
    for row in rows:
        print(f"{row[0]:<{width}}  {row[1]:<22} {row[2]:<34} {row[3]:<14} {row[4]}")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

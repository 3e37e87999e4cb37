"""The command line's cost, each figure against its baseline measured in the same run.

    python bench/cli.py [--runs 9] [--batch 1000] [--records 100000] [--json]

- one `search WORD --json` call against a bare `python -c "import sqlite3, json"` (paired runs,
  medians of the ratios), on the shipped data;
- `search --batch` of N queries in one process against N separate calls (median single call × N);
- one call at a large catalogue (synthetic, bench/synthetic.py): wall time and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.catalogue import make_labels, make_queries  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BARE = [sys.executable, "-c", "import sqlite3, json"]


def timed(command: list[str], env: dict[str, str], stdin: bytes | None = None) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one process, from the kernel's accounting of it."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL)
    if stdin is not None:
        process.stdin.write(stdin)  # type: ignore[union-attr]
        process.stdin.close()  # type: ignore[union-attr]
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{command} failed")
    return wall, usage.ru_maxrss / 1024


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "mobility_tui", *args]


def run(runs: int, batch: int, records: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        # As an installed package runs: with compiled bytecode.
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env.update({"MOBILITY_TUI_DATABASE_URL": f"sqlite:///{folder}/shipped.sqlite3",
                    "XDG_CACHE_HOME": f"{folder}/cache"})
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "mobility_tui")],
                       env=env, check=True, capture_output=True)
        subprocess.run(cli("db", "build"), env=env, check=True, capture_output=True, cwd=ROOT)
        search = cli("search", "lähihoitaja", "--json")
        timed(search, env)  # warm the file cache and the translation cache
        pairs = []
        ours_times, bare_times = [], []
        for _run in range(runs):  # interleaved, so both see the same machine load
            bare, _ = timed(BARE, env)
            ours, _ = timed(search, env)
            bare_times.append(bare)
            ours_times.append(ours)
            pairs.append(ours / bare)
        queries = make_queries(make_labels(2000), batch)
        lines = "\n".join(queries).encode()
        batch_s, batch_mb = timed(cli("search", "--batch", "-", "--json"), env, stdin=lines)
        singles = [timed(cli("search", query, "--json"), env)[0] for query in queries[:max(5, runs)]]
        single_median = statistics.median(singles)
        large_url = f"sqlite:///{folder}/large.sqlite3"
        # In its own process: a child's peak memory starts from its parent's at fork.
        subprocess.run([sys.executable, str(ROOT / "bench" / "synthetic.py"), large_url, "--records",
                        str(records)], env=env, check=True, capture_output=True)
        large_env = {**env, "MOBILITY_TUI_DATABASE_URL": large_url}
        large_search = cli("search", "sahkoasentaja", "--json")
        timed(large_search, large_env)
        large = [timed(large_search, large_env) for _ in range(3)]
    return {
        "runs": runs,
        "search_call_ms": round(statistics.median(ours_times) * 1000, 1),
        "bare_interpreter_ms": round(statistics.median(bare_times) * 1000, 1),
        "search_vs_bare": round(statistics.median(pairs), 2),
        "batch_queries": batch, "batch_s": round(batch_s, 2), "batch_peak_mb": round(batch_mb, 1),
        "single_call_ms": round(single_median * 1000, 1),
        "calls_for_batch_s": round(single_median * batch, 1),
        "batch_vs_calls": round(batch_s / (single_median * batch), 4),
        "records": records, "large_search_s": round(statistics.median(t for t, _m in large), 3),
        "large_search_peak_mb": round(max(m for _t, m in large), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    result = run(args.runs, args.batch, args.records)
    print(f"search --json on the shipped data: {result['search_call_ms']} ms; bare interpreter "
          f"{result['bare_interpreter_ms']} ms; ratio {result['search_vs_bare']} "
          f"(median of {args.runs} pairs)")
    print(f"batch of {result['batch_queries']}: {result['batch_s']} s in one process "
          f"(peak {result['batch_peak_mb']} MB) against {result['calls_for_batch_s']} s as single calls "
          f"({result['single_call_ms']} ms each): ratio {result['batch_vs_calls']}")
    print(f"one call at {result['records']:,} records: {result['large_search_s']} s, peak "
          f"{result['large_search_peak_mb']} MB")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Keystroke to results: how long after a key press the result list shows the new results.

    python bench/keystroke.py [--records 100000] [--keys 100] [--database-url URL] [--json]

The real app runs headless (Pilot) on a synthetic database of N records (bench/synthetic.py),
read through the real services and stored index; each key press is timed until the table shows
the answer to the text typed so far. The time includes the search box's debounce. Also: the time
from starting the app to its first result.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import synthetic  # noqa: E402
from bench.search import percentile  # noqa: E402


async def measure(url: str, keys: int) -> dict:
    from mobility_tui.storage.urls import ChosenDatabase
    from mobility_tui.tui.app import create_app

    started = time.perf_counter()
    app = create_app(ChosenDatabase(url, embedded=False), language="en")
    words = "sahkoasentaja lahihoitaja rakennus logistiikka underskoterska elmontor kokki".split()
    text = " ".join(words * 10)[:keys]
    times: list[float] = []
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        while screen.generation is None:  # the first list of results is on the screen
            await pilot.pause(0.005)
        first_result_ms = (time.perf_counter() - started) * 1000
        # When the table was filled for each query. Pilot's press() itself waits for the screen
        # to settle, longer than a person's next key press would, so it cannot be the clock.
        filled_at: dict[str, float] = {}
        show = screen._show

        def timed_show(query, answer, rows, generation):
            show(query, answer, rows, generation)
            filled_at[query] = time.perf_counter()

        screen._show = timed_show
        typed = ""
        for char in text:
            if char == " ":  # start a new word: clear the box
                screen.query_one("#query").value = ""
                typed = ""
                while "" not in filled_at:
                    await pilot.pause(0.005)
                filled_at.clear()
                continue
            typed += char
            start = time.perf_counter()
            await pilot.press(char)
            while typed not in filled_at:
                await asyncio.sleep(0.001)
            times.append((filled_at[typed] - start) * 1000)
    return {"keys": len(times), "first_result_ms": round(first_result_ms, 1),
            "keystroke_p50_ms": round(percentile(times, 0.5), 1),
            "keystroke_p95_ms": round(percentile(times, 0.95), 1)}


def run(records: int, keys: int, url: str | None = None) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        url = url or f"sqlite:///{folder}/keystroke.sqlite3"
        synthetic.write(url, records)
        result = asyncio.run(measure(url, keys))
    return {"records": records, "labels": records * synthetic.LABELS_PER_RECORD, **result}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keys", type=int, default=100)
    parser.add_argument("--database-url", help="a PostgreSQL URL to measure a desk on a server")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    result = run(args.records, args.keys, args.database_url)
    print(f"{result['records']:,} records ({result['labels']:,} labels): start to first result "
          f"{result['first_result_ms']} ms; keystroke to results over {result['keys']} keys: "
          f"p50 {result['keystroke_p50_ms']} ms, p95 {result['keystroke_p95_ms']} ms")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Keystroke to results: how long after a key press the result list shows the new results.

    python bench/keystroke.py [--labels 100000] [--keys 100] [--json]

The real app runs headless (Pilot) on a synthetic catalogue of N labels (bench/catalogue.py)
served through the real search index; each key press is timed until the table shows the answer
to the text typed so far. The time includes the search box's debounce.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.catalogue import make_labels  # noqa: E402
from bench.search import percentile  # noqa: E402
from mobility_tui.search import Label, SearchIndex  # noqa: E402
from mobility_tui.services.results import QualificationSummary, SearchHit  # noqa: E402


class SyntheticQualifications:
    """The QualificationService's search and list, over a synthetic catalogue."""

    def __init__(self, labels: list[str]):
        self.summaries = {str(number): QualificationSummary(
            id=str(number), country="FI", type="perustutkinto", code=None, eqf_level=4,
            national_level=4, name={"fi": text, "sv": text, "en": text}, titles={})
            for number, text in enumerate(labels)}
        self.index = SearchIndex(Label(str(number), "FI", text, "name")
                                 for number, text in enumerate(labels))

    def search(self, query, country=None, limit=10):
        return [SearchHit(self.summaries[match.record_id], match.score, match.label)
                for match in self.index.search(query, country, limit)]

    def list(self, country=None):
        return list(self.summaries.values())


class SyntheticServices:
    def __init__(self, labels):
        self.qualifications = SyntheticQualifications(labels)
        self.courses = self.guide = None


async def measure(label_count: int, keys: int) -> dict:
    from mobility_tui.tui.app import create_app

    services = SyntheticServices(make_labels(label_count))
    app = create_app(language="en", services=services)  # type: ignore[arg-type]
    words = "sahkoasentaja lahihoitaja rakennus logistiikka undersköterska elmontor kokki".split()
    text = " ".join(words * 10)[:keys]
    times: list[float] = []
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        while screen.shown_query is None:
            await pilot.pause(0.01)
        # When the table was filled for each query. Pilot's press() itself waits for the screen
        # to settle, longer than a person's next key press would, so it cannot be the clock.
        filled_at: dict[str, float] = {}
        fill_table = screen._show_rows

        def timed_fill(query: str, rows: list) -> None:
            fill_table(query, rows)
            filled_at[query] = time.perf_counter()

        screen._show_rows = timed_fill
        typed = ""
        for char in text:
            if char == " ":  # start a new word: clear the box
                screen.query_one("#query").value = ""
                typed = ""
                while screen.shown_query != "":
                    await pilot.pause(0.005)
                continue
            typed += char
            start = time.perf_counter()
            await pilot.press(char)
            while screen.shown_query != typed:
                await asyncio.sleep(0.001)
            times.append((filled_at[typed] - start) * 1000)
    return {"labels": label_count, "keys": len(times),
            "keystroke_p50_ms": round(percentile(times, 0.5), 1),
            "keystroke_p95_ms": round(percentile(times, 0.95), 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=int, default=100_000)
    parser.add_argument("--keys", type=int, default=100)
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    result = asyncio.run(measure(args.labels, args.keys))
    print(f"keystroke to results at {result['labels']:,} labels over {result['keys']} keys: "
          f"p50 {result['keystroke_p50_ms']} ms, p95 {result['keystroke_p95_ms']} ms")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

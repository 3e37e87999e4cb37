"""Time to the first frame: mobility-tui against a minimal Textual app, in fresh processes.

    python bench/startup.py [--runs 7] [--json]

Each run starts a new interpreter that imports the app and runs it headless (`run_test`) until
its first screen is up; the database is built beforehand, as on a desk that used the app before.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import asyncio, sys, time
start = time.perf_counter()
sys.path.insert(0, {root!r})
first_frame = []
if {ours}:
    from mobility_tui.tui.app import MobilityApp as Base
else:
    from textual.app import App
    from textual.widgets import Footer, Header, Input, Static
    class Base(App):
        def compose(self):
            yield Header()
            yield Input(placeholder="search")
            yield Static("hint")
            yield Footer()

class Timed(Base):
    def on_ready(self):  # Textual sends Ready once the first frame is displayed
        first_frame.append(time.perf_counter())  # Textual then calls the base class's too

app = Timed()

async def main():
    async with app.run_test(size=(100, 32)) as pilot:
        while not first_frame:
            await pilot.pause(0.001)
        print((first_frame[0] - start) * 1000)

asyncio.run(main())
"""


def first_frame_ms(ours: bool, env: dict[str, str], folder: str) -> float:
    # A file, not `-c`: Textual looks up the app class's source file.
    script = Path(folder) / f"child_{'ours' if ours else 'minimal'}.py"
    script.write_text(CHILD.format(root=str(ROOT), ours=ours), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env,
                            check=True, timeout=120)
    return float(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "MOBILITY_TUI_DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3"}
        subprocess.run([sys.executable, "-m", "mobility_tui", "db", "build"], env=env, check=True,
                       capture_output=True, cwd=ROOT)
        ours, baseline = [], []
        for _run in range(args.runs):  # interleaved, so both see the same machine load
            baseline.append(first_frame_ms(False, env, folder))
            ours.append(first_frame_ms(True, env, folder))
    result = {"runs": args.runs, "first_frame_ms": round(statistics.median(ours), 1),
              "baseline_first_frame_ms": round(statistics.median(baseline), 1)}
    result["ratio"] = round(result["first_frame_ms"] / result["baseline_first_frame_ms"], 2)
    print(f"first frame, median of {args.runs}: mobility-tui {result['first_frame_ms']} ms, "
          f"minimal Textual app {result['baseline_first_frame_ms']} ms, ratio {result['ratio']}")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Text intelligence, side by side in one run: routing vs the baseline, the duplicate index at two
sizes, and intake with routing + duplicate check inline vs without, one petition a request and in
batches of 50.

Runs the part benchmarks one after another on the same machine (so their figures compare) and
prints every JSON line they print, under a heading, then one summary JSON line:

    .venv/bin/python bench/textmine.py                         # router, 100k + 1M on SQLite, intake SQLite
    .venv/bin/python bench/textmine.py --db postgres --records 100000
    .venv/bin/python bench/textmine.py --skip neardup          # any of: router neardup intake

Each part can be run alone: bench/router.py, bench/neardup.py, bench/intake.py (--textmine),
bench/hotspots.py.
"""

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(title: str, args: list[str], timeout: float) -> list[dict]:
    """Run one part benchmark; echo its output; return the JSON lines it printed."""
    print(f"\n== {title}: {' '.join(args)}", flush=True)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    lines = []
    for line in done.stdout.splitlines():
        print(line, flush=True)
        if line.startswith("{"):
            try:
                lines.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    if done.returncode != 0:
        print(f"!! {title} exited with {done.returncode}: {done.stderr[-1500:]}", flush=True)
    print(f"   ({time.monotonic() - started:.0f} s)", flush=True)
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--records", default="100000,1000000", help="duplicate-index sizes")
    parser.add_argument("--requests", type=int, default=2000, help="intake requests per variant")
    parser.add_argument("--skip", nargs="*", default=[], choices=("router", "neardup", "intake"))
    opts = parser.parse_args(argv)
    summary: dict = {}
    if "router" not in opts.skip:
        summary["router"] = run("routing vs baseline", ["bench/router.py"], timeout=3600)
    if "neardup" not in opts.skip:
        summary["neardup"] = run(
            "duplicate index", ["bench/neardup.py", "--records", opts.records, "--db", opts.db], timeout=7200
        )
    if "intake" not in opts.skip:
        intake = ["bench/intake.py", "--db", opts.db, "--servers", "2x1", "--requests", str(opts.requests)]
        summary["intake_plain"] = run(
            "intake, one text repeated (every case a duplicate), no router", intake, timeout=3600
        )
        summary["intake_textmine"] = run(
            "intake, real messages, routing + duplicates inline", [*intake, "--textmine"], timeout=3600
        )
        # Another system forwarding its cases: 50 a request to POST /api/v1/petitions/batch. More
        # petitions, so that the run lasts as long as the single requests' run.
        batched = [*intake[:-1], str(opts.requests * 5), "--warmup", "1000", "--textmine", "--batch", "50"]
        summary["intake_textmine_batch"] = run(
            "intake, real messages, routing + duplicates inline, batches of 50", batched, timeout=3600
        )
    print("\n" + json.dumps(summary, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Fuzzing at a bigger budget than CI: examples per operation, 5xx answers, time, per database.

Runs the fuzz tests (tests/fuzz: schemathesis over the OpenAPI and Open311, hostile query strings on
every page) with ``MINSHENG_FUZZ_EXAMPLES`` examples per operation, on SQLite and, when
``DATABASE_URL`` is set, on PostgreSQL (pytest-django creates and drops ``test_<name>`` there), and
prints the tallies the tests report.

    .venv/bin/python bench/fuzz.py                 # 300 examples per operation
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/minsheng .venv/bin/python bench/fuzz.py --examples 1000
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(kind: str, examples: int, env: dict) -> int:
    started = time.perf_counter()
    command = [sys.executable, "-m", "pytest", "-p", "no:randomly", "tests/fuzz"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    lines = result.stdout.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip("= ").strip() == "fuzz"), None)
    print(f"## {kind}: {examples} examples per operation, {seconds:.0f} s, pytest exit {result.returncode}")
    for line in lines[start + 1 :] if start is not None else lines[-30:]:
        if line.startswith("="):
            break
        print(line)
    if result.returncode:
        print("\n".join(line for line in lines if line.startswith(("FAILED", "E "))))
    return result.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300, help="examples per operation (CI: 25)")
    args = parser.parse_args()
    base = {**os.environ, "MINSHENG_FUZZ_EXAMPLES": str(args.examples)}
    failed = run("sqlite", args.examples, {k: v for k, v in base.items() if k != "DATABASE_URL"})
    if os.environ.get("DATABASE_URL"):
        failed |= run("postgres", args.examples, base)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

"""Hot-issue benchmark: ``find_issues`` on the 2020 messages and on a 10× synthetic enlargement.

The enlargement copies every message ``--scale`` times, each copy shifted by a whole number of 400-day
steps and given its own author, so the copies land in other issues (further apart than
``MAX_GAP_DAYS``) instead of piling onto one. Times are wall-clock, single process, and include text
clean-up; jieba's dictionary is loaded before timing (a server loads it once).

    .venv/bin/python bench/hotspots.py
    .venv/bin/python bench/hotspots.py --scale 5 --repeat 3
"""

import argparse
import os
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "tipdm2020" / "hot_messages.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--csv", type=Path, default=DATA)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from minsheng.textmine.hotspots import find_issues
    from minsheng.textmine.management.commands.hotspots import read_messages
    from minsheng.textmine.segment import segment

    if not args.csv.is_file():
        sys.exit(f"{args.csv} not found")
    messages, _titles, _skipped = read_messages(args.csv)
    segment("预热")  # load jieba's dictionary outside the timing
    enlarged = [
        replace(m, id=f"{m.id}-{k}", at=m.at + timedelta(days=400 * k), author=f"{m.author}-{k}")
        for k in range(args.scale)
        for m in messages
    ]
    for name, corpus in (("hot_messages.csv", messages), (f"{args.scale}x synthetic", enlarged)):
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            issues = find_issues(corpus, top=20)
            best = min(best, time.perf_counter() - started)
        print(
            f"{name}: {len(corpus):,} messages in {best:.2f} s = {len(corpus) / best:,.0f} messages/s; "
            f"top issue {issues[0].size} messages, {issues[0].place} {'、'.join(issues[0].keywords[:3])}",
            flush=True,
        )


if __name__ == "__main__":
    main()

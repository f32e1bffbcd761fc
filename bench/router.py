"""Routing benchmark: the router against the plain TF-IDF + LinearSVC baseline on the 2020 messages.

Runs ``manage.py router evaluate`` on ``../shared/data/tipdm2020/messages_train.csv`` (published
segmentation in the ``tokens`` column, first-level category in ``label``) with a stratified 20%
held-out split for each seed, prints each JSON line and a short side-by-side summary. Prediction
throughput is single-threaded (one core) and includes text clean-up.

    .venv/bin/python bench/router.py                  # seeds 0, 1, 2
    .venv/bin/python bench/router.py --seeds 7 --data other.csv --text-column text

On raw text (a CSV of the rows whose ``text`` is non-empty) the router uses character features and
skips jieba; the baseline still segments with jieba, so its docs/s there is jieba's speed.
"""

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "tipdm2020" / "messages_train.csv"


def evaluate(data: Path, seed: int, text_column: str, label_column: str) -> dict:
    command = [
        sys.executable, "manage.py", "router", "evaluate", "--data", str(data), "--split", "0.2",
        "--seed", str(seed), "--text-column", text_column, "--label-column", label_column,
    ]  # fmt: skip
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode:
        sys.exit(proc.stderr.strip() or f"router evaluate failed with exit code {proc.returncode}")
    return json.loads(proc.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--text-column", default="tokens")
    parser.add_argument("--label-column", default="label")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"{args.data} not found")
    results = []
    for seed in args.seeds:
        result = evaluate(args.data, seed, args.text_column, args.label_column)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        results.append(result)
    for name, pick in (("router", lambda r: r), ("baseline", lambda r: r["baseline"])):
        rows = [pick(r) for r in results]
        print(
            f"{name:9} accuracy {statistics.mean(r['accuracy'] for r in rows):.4f}"
            f"  macro-F1 {statistics.mean(r['macro_f1'] for r in rows):.4f}"
            f" (min {min(r['macro_f1'] for r in rows):.4f})"
            f"  {statistics.mean(r['docs_per_second'] for r in rows):,.0f} docs/s"
            f"  train {statistics.mean(r['train_seconds'] for r in rows):.1f} s"
            f"  (mean of {len(rows)} seeds)"
        )


if __name__ == "__main__":
    main()

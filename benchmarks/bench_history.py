"""History benchmark (DESIGN §10, issue 11): ``kmp history`` against one
``kmp evaluate`` on the sample (target: at most 1 s more), and every month-end window
of the national sample (target: under 60 s and 4 GiB on 2 cores).

Each command runs in a fresh process (start-up and reading included, as a planner
meets it); the numbers are printed, nothing is asserted (shared, noisy machines).

    .venv/bin/python benchmarks/bench_history.py [--data-nasional DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from measure import timed

TARGET_SAMPLE_EXTRA = 1.0
TARGET_SECONDS = 60.0
TARGET_BYTES = 4 * 1024**3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-nasional", type=Path, help="an existing dataset")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    kmp = [sys.executable, "-m", "kmp_analysis"]
    with tempfile.TemporaryDirectory(prefix="kmp-bench-") as tmp:
        out = Path(tmp)
        evaluate = min(
            timed([*kmp, "evaluate", "--out", str(out / "e.csv")])[0]
            for _ in range(options.repeat)
        )
        history = min(
            timed([*kmp, "history", "--out", str(out / "h.parquet")])[0]
            for _ in range(options.repeat)
        )
        extra = history - evaluate
        print(
            f"sample: kmp evaluate {evaluate:.2f} s, kmp history {history:.2f} s "
            f"(best of {options.repeat}): {extra:+.2f} s = "
            f"{extra / TARGET_SAMPLE_EXTRA:.2f} of the 1 s allowance"
        )
        data = options.data_nasional
        if data is None:
            data = out / "nasional"
            timed([*kmp, "sample-data", "--scale", "nasional", "--out", str(data)])
        seconds, peak = timed(
            [*kmp, "history", "--data", str(data), "--out", str(out / "n.parquet")]
        )
        print(
            f"national, every month-end window: {seconds:.1f} s = "
            f"{seconds / TARGET_SECONDS:.2f} of 60 s; peak {peak / 2**30:.2f} GiB = "
            f"{peak / TARGET_BYTES:.2f} of 4 GiB"
        )


if __name__ == "__main__":
    main()

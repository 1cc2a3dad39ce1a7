"""National-scale benchmark of ``kmp evaluate`` (DESIGN §10: < 60 s, < 4 GiB).

Generates the synthetic national dataset (``kmp sample-data --scale nasional``) into
a temporary folder unless ``--data`` names one, then runs ``kmp evaluate`` on it in a
fresh process, ``--repeat`` times, and prints wall time and peak memory of each run
as ratios of the targets. Nothing here asserts: the numbers are for a person to read
(these machines are shared and noisy).

    .venv/bin/python benchmarks/bench_nasional.py [--data DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from measure import timed

TARGET_SECONDS = 60.0
TARGET_BYTES = 4 * 1024**3


def _gib(n: int) -> str:
    return f"peak {n / 2**30:.2f} GiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an existing national dataset")
    parser.add_argument("--repeat", type=int, default=1)
    options = parser.parse_args()
    kmp = [sys.executable, "-m", "kmp_analysis"]
    with tempfile.TemporaryDirectory(prefix="kmp-bench-") as tmp:
        data = options.data
        if data is None:
            data = Path(tmp) / "nasional"
            seconds, peak = timed(
                [*kmp, "sample-data", "--scale", "nasional", "--out", str(data)]
            )
            print(f"sample-data --scale nasional: {seconds:.1f} s, {_gib(peak)}")
        rows = sum(1 for _ in (data / "laporan_bulanan.csv").open()) - 1
        coops = sum(1 for _ in (data / "koperasi.csv").open()) - 1
        print(f"dataset: {coops:,} cooperatives, {rows:,} monthly reports")
        for i in range(options.repeat):
            out = Path(tmp) / f"evaluasi-{i}.csv"
            seconds, peak = timed(
                [*kmp, "evaluate", "--data", str(data), "--out", str(out)]
            )
            time_ratio = seconds / TARGET_SECONDS
            print(
                f"evaluate run {i + 1}: {seconds:.1f} s = {time_ratio:.2f} of the "
                f"60 s target; {_gib(peak)} = {peak / TARGET_BYTES:.2f} of the 4 GiB "
                "target"
            )


if __name__ == "__main__":
    main()

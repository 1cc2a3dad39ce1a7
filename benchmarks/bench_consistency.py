"""Consistency-over-time benchmark (issue 11): how long
:func:`kmp_analysis.consistency.implausible_values` takes on the national sample
(~80,000 cooperatives x 24 months), for each cooperative's latest month and for a
period, and how many figures it flags. ``kmp validate`` and the briefs each run it
once per run. Nothing is asserted: the numbers are for a person to read.

    .venv/bin/python benchmarks/bench_consistency.py [--data DIR] [--repeat 3]

Without ``--data`` the national sample is generated into a temporary folder first
(``kmp sample-data --scale nasional``, a minute or two).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an existing national dataset")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kmp-bench-") as tmp:
        data = options.data
        if data is None:
            data = Path(tmp) / "nasional"
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "kmp_analysis",
                    "sample-data",
                    "--scale",
                    "nasional",
                    "--out",
                    str(data),
                ],
                check=True,
            )
        run(data, options.repeat)


def run(data: Path, repeat: int) -> None:
    from kmp_analysis.consistency import implausible_values
    from kmp_analysis.indicators import month_label, month_number
    from kmp_analysis.io import read_dataset

    start = time.perf_counter()
    dataset = read_dataset(data)
    read_s = time.perf_counter() - start
    lap = dataset["laporan_bulanan"]
    coops = lap["koperasi_id"].nunique()
    print(f"dataset: {coops:,} cooperatives, {len(lap):,} monthly reports")
    print(f"read_dataset (includes the check once): {read_s:.1f} s")
    last = month_number(dataset.last_month)
    periods = {"latest month": None}
    periods |= {f"period {month_label(m)}": month_label(m) for m in (last, last - 6)}
    for label, at in periods.items():
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            flags = implausible_values(lap, at)
            times.append(time.perf_counter() - start)
        per_column = flags["kolom"].value_counts().to_dict()
        print(
            f"implausible_values, {label}: best {min(times):.2f} s of {repeat}, "
            f"{len(flags):,} figures flagged {per_column}"
        )


if __name__ == "__main__":
    main()

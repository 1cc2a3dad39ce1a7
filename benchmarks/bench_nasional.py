"""National-scale benchmark: ``kmp evaluate`` (DESIGN §10: < 60 s, < 4 GiB) and
briefs for kecamatan chosen at random (issue 5).

Generates the synthetic national dataset (``kmp sample-data --scale nasional``) into
a temporary folder unless ``--data`` names one, then runs ``kmp evaluate`` on it in a
fresh process, ``--repeat`` times, and prints wall time and peak memory of each run
as ratios of the targets. Then ``kmp briefs`` (HTML, cold) for ``--briefs`` kecamatan
drawn at random (seed ``--seed``), one worker per core, and prints the time per
brief, the throughput per core and what that makes for all kecamatan on N cores.
Nothing here asserts: the numbers are for a person to read (these machines are
shared and noisy).

    .venv/bin/python benchmarks/bench_nasional.py [--data DIR] [--repeat 3]
                                                  [--briefs 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from pathlib import Path

from measure import timed, timed_tree

TARGET_SECONDS = 60.0
TARGET_BYTES = 4 * 1024**3


def _gib(n: int) -> str:
    return f"peak {n / 2**30:.2f} GiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an existing national dataset")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--briefs", type=int, default=200, help="0: no briefs")
    parser.add_argument("--seed", type=int, default=1)
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
        if options.briefs:
            briefs(kmp, data, Path(tmp) / "briefs", options.briefs, options.seed)


def briefs(kmp: list[str], data: Path, out: Path, n: int, seed: int) -> None:
    """Cold ``kmp briefs`` for ``n`` random kecamatan; time per brief per core."""
    with (data / "wilayah.csv").open(encoding="utf-8-sig") as fh:
        header = fh.readline().rstrip("\n").split(",")
        column = header.index("kode_kec")
        every = sorted({line.split(",")[column] for line in fh})
    chosen = random.Random(seed).sample(every, min(n, len(every)))
    workers = os.cpu_count() or 1
    args = [*kmp, "briefs", "--data", str(data), "--out", str(out)]
    args += ["--format", "html", "--no-progress", "--workers", str(workers)]
    for code in chosen:
        args += ["-k", code]
    seconds, parent_peak, worker_peak = timed_tree(args)
    manifest = json.loads(next(out.glob("briefs/*/manifest.json")).read_text("utf-8"))
    done = [b for b in manifest["briefs"] if b["status"] == "ok"]
    busy = sum(b["duration_s"] for b in manifest["briefs"])
    per_brief = busy / max(1, len(manifest["briefs"]))  # core-seconds per brief
    fixed = max(0.0, seconds - busy / workers)  # reading, evaluating, starting
    print(
        f"briefs: {len(done)} of {len(chosen)} kecamatan (random, seed {seed}) in "
        f"{seconds:.1f} s on {workers} workers; the command itself (reads and "
        f"evaluates the nation) {_gib(parent_peak)}, largest worker or kernel "
        f"{_gib(worker_peak)} (target < 1 GiB per worker)"
    )
    print(
        f"  {per_brief:.2f} s per brief per core = {3600 / per_brief:,.0f} briefs "
        f"per core-hour; fixed part (read, evaluate, start) {fixed:.1f} s"
    )
    total = len(every)
    for cores in (workers, 16, 64):
        estimate = fixed + total * per_brief / cores
        print(
            f"  all {total:,} kecamatan on {cores} cores: about {estimate / 60:.0f} min"
        )


if __name__ == "__main__":
    main()

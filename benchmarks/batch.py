"""Batch benchmark (issue 5): the naive loop against ``kmp briefs``, cold and cached.

On the same notebooks and the shipped sample data, prints the wall time of

(a) the loop a planner would write by hand: the ``papermill`` CLI, then
    ``jupyter nbconvert --to html --no-input``, one kecamatan at a time (plus the
    regency summary);
(b) ``kmp briefs --force`` (cold: every brief built), HTML;
(c) ``kmp briefs`` again with nothing changed;

and the ratios a/b (target ≥ 12) and c/b (target < 0.05), plus the peak resident
memory of the largest worker or kernel of (b) (sampled; target < 1 GiB) and of the
``kmp`` command itself. Nothing is asserted: these machines are shared and noisy.

    .venv/bin/python benchmarks/batch.py [--naive N]   (make bench)

``--naive N`` times the naive loop on the first N kecamatan and scales it to all 20
(each iteration is independent); the default runs all of them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import forget_effects, timed, timed_tree

from kmp_analysis.paths import BRIEF_NOTEBOOK, SUMMARY_NOTEBOOK
from kmp_analysis.reference import kecamatan

BIN = Path(sys.executable).parent


def naive(out: Path, codes: list[str]) -> float:
    """papermill CLI then nbconvert CLI, one notebook at a time."""
    start = time.perf_counter()
    jobs = [(SUMMARY_NOTEBOOK, "kabupaten", [])]
    jobs += [(BRIEF_NOTEBOOK, code, ["-p", "kecamatan", code]) for code in codes]
    for notebook, name, params in jobs:
        executed = out / f"{name}.ipynb"
        subprocess.run(
            [str(BIN / "papermill"), str(notebook), str(executed), *params],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                str(BIN / "jupyter"),
                "nbconvert",
                "--to",
                "html",
                "--no-input",
                str(executed),
            ],
            check=True,
            capture_output=True,
        )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--naive", type=int, default=20, help="kecamatan in loop (a)")
    options = parser.parse_args()
    codes = list(kecamatan()["kode_kec"])
    with tempfile.TemporaryDirectory(prefix="kmp-bench-batch-") as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "naive").mkdir()
        n = max(1, min(options.naive, len(codes)))
        a_part = naive(tmp_path / "naive", codes[:n])
        # the summary ran once; scale only the kecamatan part when sampling
        a = a_part if n == len(codes) else a_part * (len(codes) + 1) / (n + 1)
        label = "" if n == len(codes) else f" (measured on {n}, scaled to 20)"
        kmp = [sys.executable, "-m", "kmp_analysis", "briefs", "--no-progress"]
        out = ["--out", str(tmp_path / "kmp")]
        forget_effects()
        b, b_own, b_peak = timed_tree([*kmp, *out, "--force"])
        c, _ = timed([*kmp, *out])
    print(
        f"(a) naive papermill + nbconvert loop, 20 briefs + summary: {a:.1f} s{label}"
    )
    print(f"(b) kmp briefs --force (cold), 20 briefs + summary, HTML: {b:.1f} s")
    print(f"(c) kmp briefs again, nothing changed: {c:.1f} s")
    print(f"a/b = {a / b:.1f} (target >= 12); c/b = {c / b:.3f} (target < 0.05)")
    print(
        f"peak memory in (b): largest worker or kernel {b_peak / 2**30:.2f} GiB "
        f"(target < 1 GiB), the kmp command itself {b_own / 2**30:.2f} GiB"
    )


if __name__ == "__main__":
    main()

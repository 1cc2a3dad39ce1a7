"""Time a command and its peak memory, for the benchmarks (no assertions)."""

from __future__ import annotations

import subprocess
import sys
import time

# A small wrapper process runs the command, so that the peak it reports (the largest
# resident size of the command or any process it waited for) belongs to that command.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


def timed(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident bytes of one command; exits if it fails."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(args)}\n{proc.stderr[-2000:]}")
    return seconds, int(proc.stdout.split()[-1]) * 1024


def timed_tree(args: list[str], interval: float = 0.1) -> tuple[float, int, int]:
    """Wall seconds of one command, the peak resident bytes of the command's own
    process and the largest peak among the processes it started (its workers and
    their kernels), sampled every ``interval`` seconds; exits if it fails.

    Sampling can miss a spike shorter than ``interval``; it is what tells a worker's
    memory from the parent's, which ``ru_maxrss`` of the whole tree cannot.
    """
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    peaks: dict[int, int] = {}
    while proc.poll() is None:
        try:
            family = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        for p in family:
            try:
                peaks[p.pid] = max(peaks.get(p.pid, 0), p.memory_info().rss)
            except psutil.Error:
                continue
        time.sleep(interval)
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(args)}\n{err[-2000:]!r}")
    own = peaks.pop(proc.pid, 0)
    return seconds, own, max(peaks.values(), default=0)


def forget_effects() -> None:
    """Remove the kept effect estimates (``outputs/.cache/efek``), so that a cold
    run estimates them again, as on a new machine."""
    import shutil

    from kmp_analysis.effects import CACHE_DIR

    shutil.rmtree(CACHE_DIR, ignore_errors=True)

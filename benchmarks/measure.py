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

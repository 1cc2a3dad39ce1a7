"""No browser is left behind by a batch that prints PDFs (issue 13): after the run,
after Ctrl-C, and after a worker is killed. Every browser a run starts inherits the
run's environment, so a mark put there finds them all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from builders import kill_a_worker, marked_processes, needs_chromium

pytestmark = pytest.mark.e2e


def start(out: Path, mark: str) -> subprocess.Popen:
    args = [sys.executable, "-m", "kmp_analysis", "rapor", "--out", str(out)]
    args += ["-k", "Muara Muntai", "--workers", "2", "--no-progress"]
    return subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "KMP_PRINTER_MARK": mark},
        start_new_session=True,
    )


def wait_for_cards(out: Path, n: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 180
    pattern = "briefs/*/koperasi/*/*/rapor.pdf"
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list(out.glob(pattern))) >= n:
            return
        time.sleep(0.05)
    pytest.fail(f"fewer than {n} cards printed before the run ended or timed out")


def browsers_gone(mark: str) -> list[int]:
    deadline = time.monotonic() + 20
    while (left := marked_processes(mark, "chrom")) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


#: A run that ends normally is covered by tests/report/test_pdf.py (a process that
#: exits leaves no browser); here the two ends a batch adds.
@needs_chromium
@pytest.mark.parametrize("end", ["ctrl_c", "kill_worker"])
def test_no_browser_outlives_the_run(tmp_path, end):
    pytest.importorskip("psutil")  # kill_a_worker needs it
    mark = f"kmp-test-{uuid.uuid4().hex}"
    proc = start(tmp_path, mark)
    wait_for_cards(tmp_path, 2, proc)
    assert marked_processes(mark, "chrom"), "the run prints with no browser?"
    if end == "ctrl_c":  # a terminal signals the whole foreground group
        os.killpg(proc.pid, signal.SIGINT)
    elif end == "kill_worker":
        kill_a_worker(proc.pid)
    _, err = proc.communicate(timeout=180)
    expected = 130 if end == "ctrl_c" else 0
    assert proc.returncode == expected, err.decode()[-2000:]
    assert browsers_gone(mark) == []
    if end == "kill_worker":  # the killed worker's cards were made again
        assert len(list(tmp_path.glob("briefs/*/koperasi/*/*/rapor.pdf"))) == 13

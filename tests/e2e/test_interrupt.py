"""Ctrl-C and a killed worker during `kmp briefs`: only whole briefs, and the next
run finishes the rest without rebuilding the earlier ones (issues 5 and 6)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from builders import kill_a_worker

pytestmark = pytest.mark.e2e

CODES = ["64.02.01", "64.02.02", "64.02.03", "64.02.04", "64.02.05", "64.02.06"]
EXPECTED = {"brief.html", "brief.json", "brief.key.json"}


def briefs_command(out: Path, workers: int) -> list[str]:
    args = [sys.executable, "-m", "kmp_analysis", "briefs", "--out", str(out)]
    args += ["--workers", str(workers), "--tanpa-ringkasan", "--no-progress"]
    args += ["--format", "html"]
    for code in CODES:
        args += ["-k", code]
    return args


def wait_for_briefs(out: Path, n: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list(out.glob("briefs/*/kecamatan/*/brief.key.json"))) >= n:
            return
        time.sleep(0.05)
    pytest.fail(f"fewer than {n} briefs written before the run ended or timed out")


def brief_folders(out: Path) -> dict[str, Path]:
    """Every folder under kecamatan/, temporary ones too (they must be gone)."""
    folders = [p for p in out.glob("briefs/2026-10/kecamatan/*") if p.is_dir()]
    assert not [p.name for p in folders if p.name.endswith(".tmp")]
    return {p.name[:8]: p for p in folders}


def test_ctrl_c_leaves_whole_briefs_and_the_next_run_finishes(tmp_path):
    out = tmp_path / "out"
    # a terminal sends Ctrl-C to the whole foreground group: the command, its
    # workers and their kernels
    proc = subprocess.Popen(
        briefs_command(out, workers=1),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    wait_for_briefs(out, 2, proc)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert err.decode().strip().splitlines()[-1] == "Dihentikan."
    assert "Traceback" not in err.decode()

    before = {}
    for code, folder in brief_folders(out).items():  # whole briefs, nothing else
        assert {p.name for p in folder.iterdir()} == EXPECTED, code
        before[code] = (folder / "brief.html").stat().st_mtime_ns
    assert 2 <= len(before) < len(CODES)

    again = subprocess.run(briefs_command(out, workers=2), capture_output=True)
    assert again.returncode == 0, again.stderr.decode()[-2000:]
    manifest = json.loads((out / "briefs/2026-10/manifest.json").read_text("utf-8"))
    cache = {b["kode_kec"]: b["cache"] for b in manifest["briefs"]}
    assert cache == {c: "dipakai_ulang" if c in before else "ditulis" for c in CODES}
    folders = brief_folders(out)
    assert sorted(folders) == CODES
    for code, mtime in before.items():
        assert (folders[code] / "brief.html").stat().st_mtime_ns == mtime


def test_a_killed_worker_is_replaced_and_every_brief_written(tmp_path):
    pytest.importorskip("psutil")  # kill_a_worker needs it
    out = tmp_path / "out"
    proc = subprocess.Popen(
        briefs_command(out, workers=2), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    wait_for_briefs(out, 1, proc)
    kill_a_worker(proc.pid)
    _, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err.decode()[-2000:]
    manifest = json.loads((out / "briefs/2026-10/manifest.json").read_text("utf-8"))
    assert [b["status"] for b in manifest["briefs"]] == ["ok"] * len(CODES)
    for folder in brief_folders(out).values():
        assert {p.name for p in folder.iterdir()} == EXPECTED

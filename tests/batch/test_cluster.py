"""Briefs on a Dask cluster: a ``LocalCluster`` of two worker processes here."""

from __future__ import annotations

import json
import logging
import socket
import time
from pathlib import Path

import dask
import distributed
import nbformat
import pytest
from builders import brief_notebook_with

from kmp_analysis import batch, reference
from kmp_analysis.batch.cluster import run_on_dask
from kmp_analysis.batch.plan import brief_job
from kmp_analysis.errors import DaskUnavailable
from kmp_analysis.paths import BRIEF_NOTEBOOK, SAMPLE_DIR
from kmp_analysis.report.params import SummaryParameters

pytestmark = pytest.mark.e2e

CODES = ("64.02.12", "64.02.15", "64.02.18")  # Tabang, Sanga Sanga, Muara Wis
KUKAR = reference.kukar()


def local_cluster(n_workers: int, **options) -> distributed.LocalCluster:
    # No dashboard; the scheduler's small HTTP server on a free port, not on 8787.
    return distributed.LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.ERROR,
        **options,
    )


@pytest.fixture(scope="module")
def cluster():
    # A worker that dies while running a brief fails that brief at once (the default
    # retries it on up to three more workers first); one brief per worker at a time
    # (by default a worker may hold a second one queued, which its death would fail).
    settings = {
        "distributed.scheduler.allowed-failures": 0,
        "distributed.scheduler.worker-saturation": 1.0,
    }
    with (
        dask.config.set(settings),
        local_cluster(2, processes=True) as local,
    ):
        yield local


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory, sample_evaluation) -> tuple[Path, SummaryParameters]:
    """The sample evaluated once, as ``write_briefs`` does: (run folder, params)."""
    run_dir = tmp_path_factory.mktemp("out") / "briefs" / "2026-10"
    saved = sample_evaluation.save(run_dir / batch.EVALUATION_DIR)
    common = SummaryParameters(
        data=str(SAMPLE_DIR.resolve()),
        period=sample_evaluation.period,
        evaluasi=str(saved),
    )
    return run_dir, common


def jobs_for(run_dir: Path, common: SummaryParameters, notebook: Path):
    return [
        brief_job(code, KUKAR, run_dir, notebook, common, ("html",)) for code in CODES
    ]


def notebook_with(tmp_path: Path, code: str) -> Path:
    """A copy of the brief notebook with one more cell after the brief is made."""
    nb = brief_notebook_with(code)
    path = tmp_path / "brief_ubah.ipynb"
    nbformat.write(nb, path)
    return path


def test_three_briefs_on_a_local_cluster(cluster, evaluated):
    run_dir, common = evaluated
    seen = []
    results = run_on_dask(
        jobs_for(run_dir, common, BRIEF_NOTEBOOK),
        cluster.scheduler_address,
        seen.append,
    )
    assert seen == results
    assert sorted(r.kode_kec for r in results) == sorted(CODES)
    assert [r.status for r in results] == ["ok"] * 3, [r.error for r in results]
    for result in results:
        folder = run_dir / result.folder
        assert result.folder.startswith("kecamatan/64.02.")
        assert (folder / "brief.html").is_file()
        said = json.loads((folder / "brief.json").read_text("utf-8"))
        assert said["headline"]["n"] > 0
        assert {f"{result.folder}/brief.html", f"{result.folder}/brief.json"} <= set(
            result.files
        )
        assert result.duration_s > 0
    assert (run_dir / "batch.log").is_file()
    leftovers = [p.name for p in (run_dir / "kecamatan").iterdir() if p.name[0] == "."]
    assert leftovers == []


def test_a_failing_brief_fails_alone_and_kernel_stderr_goes_to_the_log(
    cluster, evaluated, tmp_path, tmp_path_factory
):
    run_dir, common = evaluated
    broken = notebook_with(
        tmp_path,
        "import os\n"
        'os.write(2, b"stderr-kernel-uji\\n")\n'
        'assert brief.kode_kec != "64.02.12", "gagal sengaja untuk uji"',
    )
    log = tmp_path / "dask.log"
    results = run_on_dask(
        jobs_for(run_dir / "rusak", common, broken),
        cluster.scheduler_address,
        log_file=log,
    )
    status = {r.kode_kec: r for r in results}
    assert status["64.02.12"].status == "gagal"
    assert "gagal sengaja untuk uji" in status["64.02.12"].error
    assert status["64.02.15"].status == "ok"
    assert status["64.02.18"].status == "ok"
    assert not (run_dir / "rusak" / "kecamatan" / "64.02.12-tabang").exists()
    # In the log of the run that started the kernel: this one's with a fresh kernel per
    # brief, an earlier run's when the workers keep warm kernels.
    logs = tmp_path_factory.getbasetemp().rglob("*.log")
    assert any("stderr-kernel-uji" in p.read_text("utf-8") for p in logs)


def test_a_task_that_raises_becomes_a_failed_result(cluster, evaluated, tmp_path):
    _, common = evaluated
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")  # run_brief cannot make its folder under it
    bad = brief_job("64.02.06", KUKAR, blocker, BRIEF_NOTEBOOK, common, ("html",))
    good = jobs_for(tmp_path / "run", common, BRIEF_NOTEBOOK)[0]
    results = run_on_dask(
        [bad, good], cluster.scheduler_address, log_file=tmp_path / "l"
    )
    status = {r.kode_kec: r for r in results}
    assert status["64.02.06"].status == "gagal"
    assert "Error" in status["64.02.06"].error
    assert status["64.02.06"].folder == "kecamatan/64.02.06-tenggarong"
    assert status[CODES[0]].status == "ok"


def test_a_worker_that_dies_fails_its_brief_only(cluster, evaluated, tmp_path):
    _, common = evaluated
    # The kernel kills its parent: the worker process running the brief.
    deadly = notebook_with(
        tmp_path,
        "import os, signal\n"
        'if brief.kode_kec == "64.02.12":\n'
        "    os.kill(os.getppid(), signal.SIGKILL)",
    )
    jobs = jobs_for(tmp_path / "run", common, deadly)[:2]
    results = run_on_dask(jobs, cluster.scheduler_address, log_file=tmp_path / "l")
    status = {r.kode_kec: r for r in results}
    assert status["64.02.12"].status == "gagal"
    assert status["64.02.12"].error.startswith("KilledWorker")
    assert status["64.02.15"].status == "ok", status["64.02.15"].error


def test_an_unreachable_scheduler_is_a_clear_error_quickly(evaluated):
    run_dir, common = evaluated
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    started = time.perf_counter()
    with pytest.raises(DaskUnavailable) as caught:
        run_on_dask(jobs_for(run_dir, common, BRIEF_NOTEBOOK), address, timeout=2)
    assert time.perf_counter() - started < 10
    assert f"tidak dapat terhubung ke scheduler Dask di {address}" in str(caught.value)


def test_a_scheduler_without_workers_is_a_clear_error(evaluated):
    run_dir, common = evaluated
    with (
        local_cluster(0, processes=False) as empty,
        pytest.raises(DaskUnavailable, match="tidak punya worker"),
    ):
        run_on_dask(
            jobs_for(run_dir, common, BRIEF_NOTEBOOK),
            empty.scheduler_address,
            timeout=1,
        )


def test_report_cards_on_a_local_cluster(cluster, evaluated):
    """A card is a job like a brief: its folder under koperasi/, its files there."""
    from kmp_analysis.batch.plan import card_job

    run_dir, common = evaluated
    rows = [
        {"koperasi_id": kid, "nama_koperasi": f"KMP {kid}", "kode_kec": "64.02.15"}
        | {"nama_kec": "Sanga Sanga", "kelas": "aktif"}
        for kid in ("KMP-6402151001", "KMP-6402151002")
    ]
    jobs = [card_job(row, KUKAR, run_dir, common, ("html",)) for row in rows]
    results = run_on_dask(jobs, cluster.scheduler_address)
    assert [r.status for r in results] == ["ok"] * 2, [r.error for r in results]
    for result in results:
        assert result.folder == f"koperasi/64.02.15-sanga-sanga/{result.koperasi_id}"
        said = json.loads((run_dir / result.folder / "rapor.json").read_text("utf-8"))
        assert said["koperasi_id"] == result.koperasi_id
    parent = run_dir / "koperasi/64.02.15-sanga-sanga"
    assert sorted(p.name for p in parent.iterdir()) == [r["koperasi_id"] for r in rows]

"""Incremental runs, --force, --retry-failed and resuming a killed run (issue 5)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from builders import brief_notebook_with

from kmp_analysis import batch
from kmp_analysis.evaluation import evaluate
from kmp_analysis.io import read_dataset
from kmp_analysis.paths import SAMPLE_DIR
from kmp_analysis.report.brief import Brief

pytestmark = pytest.mark.e2e

A, B = "64.02.15", "64.02.18"  # Sanga Sanga (5 cooperatives), Muara Wis (7)


def run(data: Path, out: Path, **options) -> dict[str, batch.BriefResult]:
    report = batch.write_briefs(
        data=data,
        kecamatan=[A, B],
        out=out,
        progress=False,
        executor="inprocess",
        **{"summary": False, **options},
    )
    results = {r.kode_kec: r for r in report.results}
    if report.summary is not None:
        results[batch.KABUPATEN] = report.summary
    return results


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(SAMPLE_DIR, folder)
    return folder


def edit_reports(folder: Path, change) -> None:
    path = folder / "laporan_bulanan.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    change(frame)
    frame.to_csv(path, index=False)


def test_unchanged_briefs_are_reused_and_force_rebuilds(data, tmp_path):
    out = tmp_path / "out"
    first = run(data, out, summary=True)
    assert {r.cache for r in first.values()} == {"ditulis"}
    assert all(r.alasan_build == ["belum pernah dibuat"] for r in first.values())
    html = out / "briefs/2026-10/kecamatan/64.02.15-sanga-sanga/brief.html"
    written = html.stat().st_mtime_ns

    second = run(data, out, summary=True)
    assert {r.cache for r in second.values()} == {"dipakai_ulang"}
    assert html.stat().st_mtime_ns == written
    manifest = json.loads((out / "briefs/2026-10/manifest.json").read_text("utf-8"))
    assert {b["cache"] for b in manifest["briefs"]} == {"dipakai_ulang"}

    forced = run(data, out, force=True)
    assert [forced[k].cache for k in (A, B)] == ["ditulis", "ditulis"]
    assert [forced[k].alasan_build for k in (A, B)] == [["--force"], ["--force"]]
    # the summary was not asked for this time: carried from the last run
    assert forced[batch.KABUPATEN].cache == "dipakai_ulang"


def test_an_unchanged_rerun_reads_no_data(data, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(data, out, summary=True)
    manifest_path = out / "briefs/2026-10/manifest.json"
    first = json.loads(manifest_path.read_text("utf-8"))

    def must_not_read(*args, **kwargs):
        raise AssertionError("an unchanged run read the data")

    monkeypatch.setattr("kmp_analysis.io.read_dataset", must_not_read)
    again = run(data, out, summary=True)
    assert {r.cache for r in again.values()} == {"dipakai_ulang"}
    manifest = json.loads(manifest_path.read_text("utf-8"))
    assert manifest["run_key"] == first["run_key"]
    assert {b["cache"] for b in [*manifest["briefs"], manifest["ringkasan"]]} == {
        "dipakai_ulang"
    }
    assert [b["headline"] for b in manifest["briefs"]] == [
        b["headline"] for b in first["briefs"]
    ]
    monkeypatch.undo()

    # a lost brief: the run is planned again, and only that brief is built
    (out / "briefs/2026-10/kecamatan/64.02.18-muara-wis/brief.html").unlink()
    rebuilt = run(data, out, summary=True)
    assert rebuilt[B].cache == "ditulis"
    assert rebuilt[A].cache == rebuilt[batch.KABUPATEN].cache == "dipakai_ulang"


def test_a_changed_report_rebuilds_its_kecamatan_and_the_summary_only(data, tmp_path):
    out = tmp_path / "out"
    run(data, out, summary=True)
    before = evaluate(read_dataset(data))

    # one cooperative of A reports one more job in its latest month
    coop = before.of_kecamatan(A)["koperasi_id"].iloc[0]

    def one_more_job(frame: pd.DataFrame) -> None:
        rows = frame.index[frame["koperasi_id"] == coop]
        last = rows[frame.loc[rows, "bulan"].argmax()]
        frame.loc[last, "tenaga_kerja"] = str(int(frame.loc[last, "tenaga_kerja"]) + 1)

    edit_reports(data, one_more_job)
    after = evaluate(read_dataset(data))
    assert not before.of_kecamatan(A).equals(after.of_kecamatan(A))
    # precondition of this case: B quotes the same regency figures as before
    assert Brief(before, B).regency_quotes() == Brief(after, B).regency_quotes()

    results = run(data, out, summary=True)
    assert results[A].cache == "ditulis"
    assert "data kecamatan berubah" in results[A].alasan_build
    assert results[batch.KABUPATEN].cache == "ditulis"
    assert results[batch.KABUPATEN].alasan_build == ["data kabupaten berubah"]
    assert results[B].cache == "dipakai_ulang"


def test_a_changed_regency_figure_rebuilds_the_briefs_that_quote_it(data, tmp_path):
    out = tmp_path / "out"
    run(data, out)
    before = evaluate(read_dataset(data))
    active = before.of_kecamatan(A)
    movers = set(active.loc[active["kelas"] != "tidak_bergerak", "koperasi_id"])

    def stop_trading(frame: pd.DataFrame) -> None:  # A's cooperatives go dormant
        frame.loc[frame["koperasi_id"].isin(movers), "omzet"] = "0"

    edit_reports(data, stop_trading)
    after = evaluate(read_dataset(data))
    quotes = Brief(before, B).regency_quotes(), Brief(after, B).regency_quotes()
    assert quotes[0]["pct_tb_kab"] != quotes[1]["pct_tb_kab"]

    results = run(data, out)
    assert results[A].cache == "ditulis"
    assert results[B].cache == "ditulis"
    assert results[B].alasan_build == ["angka kabupaten yang dikutip berubah"]


def test_retry_failed_reruns_only_the_failures(data, tmp_path):
    out = tmp_path / "out"
    nb = brief_notebook_with(f'assert brief.kode_kec != "{A}", "gagal uji"')
    broken = tmp_path / "rusak.ipynb"
    nbformat.write(nb, broken)
    first = run(data, out, notebook=broken)
    assert first[A].status == "gagal" and first[B].status == "ok"

    # B's inputs change too, but --retry-failed touches only the failure
    retried = run(data, out, retry_failed=True)
    assert retried[A].status == "ok" and retried[A].cache == "ditulis"
    assert first[B].cache == "ditulis"
    assert retried[B].cache == "dipakai_ulang"
    assert retried[B].duration_s == first[B].duration_s  # carried, not rerun


def test_a_killed_run_is_finished_by_the_next(data, tmp_path):
    out = tmp_path / "out"
    run(data, out)
    folder = out / "briefs/2026-10/kecamatan/64.02.18-muara-wis"
    # a run killed while writing B: its key is removed first, files may be old
    (folder / "brief.key.json").unlink()
    (folder / "brief.html").unlink()
    again = run(data, out)
    assert again[A].cache == "dipakai_ulang"
    assert again[B].cache == "ditulis"
    assert again[B].alasan_build == ["belum pernah dibuat"]
    assert (folder / "brief.html").is_file()
    assert not [p for p in folder.parent.iterdir() if p.name.endswith(".tmp")]

"""The run key: an unchanged rerun is answered from the manifest (issue 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kmp_analysis.batch import cache
from kmp_analysis.batch.manifest import unchanged_run


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "koperasi.csv").write_text("koperasi_id\nK1\n", encoding="utf-8")
    (folder / "laporan_bulanan.csv").write_text("bulan\n2026-10\n", encoding="utf-8")
    return folder


def key(data: Path, files: list[Path] | None = None, **request) -> str:
    return cache.run_key(data, files or [], {"lang": "id", **request})


def test_the_key_follows_the_input_bytes_only(data):
    first = key(data)
    assert key(data) == first
    (data / ".~lock.koperasi.csv#").write_text("x", encoding="utf-8")  # hidden: no
    assert key(data) == first
    (data / "koperasi.csv").write_text("koperasi_id\nK2\n", encoding="utf-8")
    assert key(data) != first


def test_the_key_follows_the_request_and_the_notebooks(data, tmp_path):
    notebook = tmp_path / "brief.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    first = key(data, [notebook])
    assert key(data, [notebook], lang="en") != first
    assert key(data, [notebook], kecamatan=["Tenggarong"]) != first
    notebook.write_text('{"cells": []}', encoding="utf-8")
    assert key(data, [notebook]) != first


def test_a_workbook_is_keyed_by_its_bytes(tmp_path):
    book = tmp_path / "data.xlsx"
    book.write_bytes(b"PK one")
    first = key(book)
    book.write_bytes(b"PK two")
    assert key(book) != first


def finished_run(briefs_dir: Path, run_key: str, status: str = "ok") -> Path:
    """A run folder as the batch leaves it: briefs, their keys, manifest, index."""
    run_dir = briefs_dir / "2026-10"
    folder = run_dir / "kecamatan" / "64.02.06-tenggarong"
    folder.mkdir(parents=True)
    for name in ("brief.html", "brief.json"):
        (folder / name).write_text("x", encoding="utf-8")
    cache.write_key(folder, "brief", {"notebook": "n"})
    (run_dir / "index.html").write_text("x", encoding="utf-8")
    rel = "kecamatan/64.02.06-tenggarong"
    entry = {
        "kode_kec": "64.02.06",
        "status": status,
        "files": [f"{rel}/brief.html", f"{rel}/brief.json"],
    }
    manifest = {"run_key": run_key, "period": "2026-10", "briefs": [entry]}
    (run_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def test_a_finished_run_with_the_same_key_is_found(tmp_path):
    finished_run(tmp_path, "abc")
    found = unchanged_run(tmp_path, "abc")
    assert found is not None and found[0] == tmp_path / "2026-10"
    assert unchanged_run(tmp_path, "other") is None


def test_a_run_with_a_failure_is_not_answered_from_its_manifest(tmp_path):
    finished_run(tmp_path, "abc", status="gagal")
    assert unchanged_run(tmp_path, "abc") is None


@pytest.mark.parametrize("lost", ["brief.html", "brief.key.json"])
def test_a_run_with_a_lost_file_or_key_is_not_answered(tmp_path, lost):
    folder = finished_run(tmp_path, "abc")
    (folder / lost).unlink()
    assert unchanged_run(tmp_path, "abc") is None


def test_a_broken_manifest_is_ignored(tmp_path):
    finished_run(tmp_path, "abc")
    (tmp_path / "2026-10" / "manifest.json").write_text("{not json", encoding="utf-8")
    assert unchanged_run(tmp_path, "abc") is None


def test_the_key_follows_the_code_not_only_the_version_number(data, monkeypatch):
    from kmp_analysis import __version__

    assert cache.code_version().startswith(f"{__version__}+")
    first = key(data)
    monkeypatch.setattr(cache, "code_version", lambda: f"{__version__}+edited")
    assert key(data) != first  # same version number, other code: rebuilt


def test_every_reason_to_rebuild_reads_in_both_languages(tmp_path):
    """A brief says why it is rebuilt in the run's language: every key part has its
    sentence, and the decision names the part that changed."""
    from kmp_analysis.i18n import label

    for part in cache.PARTS:
        assert label(f"rebuild_{part}", "id") != label(f"rebuild_{part}", "en")
    parts = {"notebook": "a", "data_kecamatan": "b"}
    (tmp_path / "brief.html").write_text("x")
    cache.write_key(tmp_path, "brief", parts)
    changed = cache.decide(
        tmp_path, "brief", {**parts, "data_kecamatan": "c"}, ["brief.html"], False
    )
    assert not changed.reuse
    assert changed.reasons == (("rebuild_data_kecamatan", {}),)
    missing = cache.decide(tmp_path, "brief", parts, ["brief.pdf"], False)
    assert missing.reasons == (("rebuild_missing", {"files": "brief.pdf"}),)
    assert cache.decide(tmp_path, "brief", parts, ["brief.html"], False).reuse

"""No name from the data and no --kecamatan value writes outside the output folder
(issue 6); --out itself may be any folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kmp_analysis.cli import app
from kmp_analysis.io import geography

HOSTILE = ["../../etc", "/etc/passwd", "a/b", "..", "C:\\Windows", "~root", "."]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_kecamatan_name_gives_one_plain_folder_name(tmp_path, name):
    (tmp_path / "wilayah.csv").write_text(
        "kode_desa,nama_desa,kode_kec,nama_kec\n"
        f'11.01.01.2001,Desa,11.01.01,"{name}"\n',
        encoding="utf-8",
    )
    folder = geography(tmp_path).dir_name("11.01.01")
    assert "/" not in folder and "\\" not in folder and ".." not in folder
    assert folder.startswith("11.01.01-")
    run_dir = tmp_path / "out"
    assert (run_dir / folder).resolve().parent == run_dir.resolve()


@pytest.mark.parametrize("value", ["../../etc", "/tmp", "64.02.06/../..", "..\\x"])
def test_a_hostile_kecamatan_option_is_refused_before_anything_is_written(
    tmp_path, value
):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["briefs", "--out", str(out), "--kecamatan", value, "--no-progress"]
    )
    assert result.exit_code == 2
    assert "tidak dikenal" in result.output or "tidak ada" in result.output
    assert not out.exists()


def test_out_may_be_relative_or_absolute(tmp_path, monkeypatch):
    from kmp_analysis.batch import write_briefs

    monkeypatch.chdir(tmp_path)
    relative = write_briefs(
        kecamatan=["Sanga Sanga"],
        out="keluaran",
        summary=False,
        formats=("html",),
        progress=False,
        executor="inprocess",
    )
    assert relative.run_dir == tmp_path / "keluaran" / "briefs" / "2026-10"
    brief = relative.run_dir / "kecamatan" / "64.02.15-sanga-sanga" / "brief.html"
    assert brief.is_file()
    inside = tmp_path / "keluaran"
    folders = {Path(root) for root, _, _ in os.walk(tmp_path)} - {tmp_path}
    assert all(p.is_relative_to(inside) for p in folders)

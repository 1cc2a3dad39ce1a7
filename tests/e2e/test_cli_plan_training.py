"""``kmp plan-training`` (DESIGN §9, issue 15): the workbook, the seed, the exits."""

from __future__ import annotations

import shutil
import zipfile

import pandas as pd
import pytest
from typer.testing import CliRunner

from kmp_analysis.cli import app
from kmp_analysis.i18n import column_label
from kmp_analysis.paths import SAMPLE_DIR
from kmp_analysis.recommend import training_plan

SHEETS = ["gelombang", "peserta", "metode"]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def written(runner, tmp_path_factory):
    """The default plan written twice (the same seed) and once with another seed,
    in English."""
    folder = tmp_path_factory.mktemp("rencana")
    runs = {}
    for name, args in {
        "a": [],
        "b": [],
        "c": ["--seed", "7", "--lang", "en"],
    }.items():
        out = folder / name / "rencana.xlsx"
        result = runner.invoke(app, ["plan-training", "--out", str(out), *args])
        assert result.exit_code == 0, result.output
        runs[name] = (result, out)
    return runs


def test_the_plan_is_written_with_its_sheets_and_said(written, sample_evaluation):
    result, out = written["a"]
    assert [p.name for p in out.parent.iterdir()] == ["rencana.xlsx"]  # no temp
    sheets = pd.read_excel(out, sheet_name=None)
    assert list(sheets) == SHEETS
    waves, people, method = (sheets[s] for s in SHEETS)
    assert list(waves.columns[:4]) == [
        "Gelombang",
        "Kode kecamatan",
        "Kecamatan",
        "Strata (1 = terkuat)",
    ]
    assert column_label("kelas_ke") in people.columns
    assert list(method.columns) == ["Butir", "Nilai"]
    said = dict(zip(method["Butir"], method["Nilai"], strict=True))
    assert str(said["Benih undian"]) == "2026"
    assert str(said["Jumlah gelombang"]) == "4"
    # the same participants and classes as the evaluation's training plan
    plan = training_plan(
        sample_evaluation.cooperatives, sample_evaluation.tables["pengurus"]
    )
    assert waves["Peserta"].sum() == len(people) == plan["peserta"].sum()
    assert waves["Kelas pelatihan"].sum() == plan["kelas_pelatihan"].sum()
    assert sorted(waves["Gelombang"].unique()) == [1, 2, 3, 4]
    # the summary on stdout: one line per wave, then the totals and the file
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:4]] == [
        f"  gelombang {n}" for n in range(1, 5)
    ]
    assert lines[-1].startswith("Rencana pelatihan, periode 2026-10, benih 2026: ")
    assert f"{plan['peserta'].sum():,} peserta".replace(",", ".") in lines[-1]
    assert str(out) in lines[-1]


def test_the_same_seed_writes_the_same_plan_and_another_seed_another(written):
    first, again, other = (
        pd.read_excel(written[n][1], sheet_name=None) for n in ("a", "b", "c")
    )
    for sheet in SHEETS:
        pd.testing.assert_frame_equal(first[sheet], again[sheet])
    # byte for byte, but for the time the file was written (docProps/core.xml)
    parts = [zipfile.ZipFile(written[n][1]) for n in ("a", "b")]
    names = parts[0].namelist()
    assert names == parts[1].namelist()
    assert "xl/worksheets/sheet1.xml" in names
    for name in names:
        if name != "docProps/core.xml":
            assert parts[0].read(name) == parts[1].read(name), name
    assert list(other) == SHEETS
    english = other["gelombang"]
    assert list(english.columns[:4]) == [
        "Wave",
        "Kecamatan code",
        "Kecamatan",
        "Stratum (1 = strongest)",
    ]
    mine = first["gelombang"].set_index("Kode kecamatan")["Gelombang"]
    theirs = english.set_index("Kecamatan code")["Wave"]
    assert not mine.sort_index().equals(theirs.sort_index())
    assert "Training plan, period 2026-10, seed 7: " in written["c"][0].stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--gelombang", "0"], "--gelombang: jumlah gelombang harus bilangan bulat 1"),
        (["--seed", "-1"], "--seed: benih undian harus bilangan bulat 0 atau lebih"),
        (["--out", "rencana.csv"], "--out harus berakhiran .xlsx"),
        (["--gelombang", "dua"], "--gelombang"),
    ],
)
def test_bad_usage_exits_2_and_writes_nothing(runner, tmp_path, args, said):
    out = ["--out", str(tmp_path / "rencana.xlsx")] if "--out" not in args else []
    result = runner.invoke(app, ["plan-training", *out, *args])
    assert result.exit_code == 2, result.output
    assert said in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_invalid_data_exits_1_naming_the_cell_and_keeps_the_old_file(runner, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DIR, data)
    pengurus = data / "pengurus.csv"
    lines = pengurus.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].rsplit(",", 1)[0] + ",ahli"  # row 3: jenjang_pelatihan
    pengurus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "rencana.xlsx"
    out.write_bytes(b"rencana lama")
    result = runner.invoke(
        app, ["plan-training", "--data", str(data), "--out", str(out)]
    )
    assert result.exit_code == 1, result.output
    assert f"{pengurus}:3:jenjang_pelatihan" in result.stderr
    assert "Traceback" not in result.output
    assert out.read_bytes() == b"rencana lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "rencana.xlsx"]

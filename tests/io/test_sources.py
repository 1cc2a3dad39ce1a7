"""Issue 16: form exports read as the monthly reports, and a folder of many sources
(kecamatan workbooks, CSV folders, exports) read as one dataset.

The big inputs are made once per module from the sample (tests/form_exports.py,
tests/data/exports/README.md); the small cases use the bad-input corpus's tiny base.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from builders import BAD_CORPUS
from form_exports import (
    kobo_export,
    odk_export,
    write_export_folder,
    write_kecamatan_workbooks,
)
from typer.testing import CliRunner

from kmp_analysis.cli import app
from kmp_analysis.errors import ValidationFailed
from kmp_analysis.evaluation import evaluate
from kmp_analysis.io import read_dataset
from kmp_analysis.io.exports import read_export
from kmp_analysis.io.template import build_template
from kmp_analysis.paths import SAMPLE_DIR

BASE = BAD_CORPUS / "_base"


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("sources")
    return {
        "odk": write_export_folder(SAMPLE_DIR, root / "odk", "odk"),
        "kobo": write_export_folder(SAMPLE_DIR, root / "kobo", "kobo"),
        "kobo-csv": write_export_folder(SAMPLE_DIR, root / "kobo-csv", "kobo-csv"),
        "kecamatan": write_kecamatan_workbooks(SAMPLE_DIR, root / "kec")[0].parent,
    }


def _classes(evaluation) -> pd.Series:
    frame = evaluation.cooperatives
    return frame.set_index("koperasi_id")["kelas"].astype(str).sort_index()


@pytest.mark.parametrize("layout", ["odk", "kobo", "kecamatan"])
def test_each_layout_evaluates_to_the_sample_classes(made, sample_evaluation, layout):
    dataset = read_dataset(made[layout])
    assert dataset.synthetic
    got = _classes(evaluate(dataset, history=False))
    pd.testing.assert_series_equal(got, _classes(sample_evaluation))


def test_the_exports_hold_the_sample_reports(made, sample_dataset):
    want = sample_dataset["laporan_bulanan"].sort_values(["koperasi_id", "bulan"])
    for layout in ("odk", "kobo-csv"):
        got = read_dataset(made[layout])["laporan_bulanan"]
        got = got.sort_values(["koperasi_id", "bulan"])
        pd.testing.assert_frame_equal(
            got.reset_index(drop=True), want.reset_index(drop=True)
        )


def test_a_resubmission_keeps_the_latest_and_names_both_ids(made):
    dataset = read_dataset(made["odk"])
    replaced = [p for p in dataset.warnings if p.code == "submission_replaced"]
    assert [p.render() for p in replaced] == [
        f"{made['odk'] / 'kmp_laporan_bulanan.csv'}:2271: peringatan: KMP-6402012001 "
        "bulan 2025-10 dikirim lebih dari sekali: kiriman uuid:resubmitted-earlier "
        "diganti kiriman terbaru uuid:odk-00000 (baris 2)"
    ]
    kobo = read_dataset(made["kobo"])
    (only,) = [p for p in kobo.warnings if p.code == "submission_replaced"]
    assert only.render("en").endswith(
        "submission kobo-99990 is replaced by the latest submission kobo-00000 (row 2)"
    )


def test_the_latest_submission_wins_whatever_its_row(tmp_path, sample_dataset):
    lap = sample_dataset["laporan_bulanan"].head(2).astype(object)
    lap = lap.where(lap.notna(), "").astype(str)
    frame = odk_export(lap)  # row 4 (the earlier submission) is at the end
    frame.loc[2, "SubmissionDate"] = "2026-12-01T00:00:00Z"  # now it is the latest
    file = tmp_path / "export.csv"
    frame.to_csv(file, index=False)
    problems = []
    source = read_export(file, problems)
    raw = source[0]["laporan_bulanan"]
    assert list(raw.rows) == [3, 4]
    assert raw.frame.loc[2, "omzet"] == "999"
    assert [p.row for p in problems] == [2]


def test_a_bad_figure_in_an_export_is_named_at_its_row_and_column(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(BASE, folder)
    lap = pd.read_csv(folder / "laporan_bulanan.csv", dtype=str, keep_default_na=False)
    (folder / "laporan_bulanan.csv").unlink()
    frame = kobo_export(lap)
    frame.loc[1, "grp_angka/anggota_aktif"] = "500"  # more than anggota_terdaftar
    frame.loc[2, "grp_angka/omzet"] = "12 juta"
    frame.to_csv(folder / "kobo.csv", index=False, sep=";")
    with pytest.raises(ValidationFailed) as failed:
        read_dataset(folder)
    lines = [p.render() for p in failed.value.errors]
    file = folder / "kobo.csv"
    assert lines == [
        f"{file}:3:anggota_aktif: anggota_aktif (500) lebih besar dari "
        "anggota_terdaftar (100)",
        f"{file}:4:omzet: '12 juta' bukan angka",
    ]


def _workbook(path, **rows):
    """A `kmp template` workbook holding ``rows`` (table -> list of rows)."""
    book = build_template()
    for table, values in rows.items():
        for row in values:
            book[table].append(row)
    book.save(path)
    return path


def _base_rows(table: str) -> list[list[str]]:
    frame = pd.read_csv(BASE / f"{table}.csv", dtype=str, keep_default_na=False)
    return frame.values.tolist()


def test_a_key_in_two_workbooks_names_both_places(tmp_path):
    folder = tmp_path / "kukar"
    folder.mkdir()
    tables = ("koperasi", "unit_usaha", "laporan_bulanan", "rapat", "pengurus")
    _workbook(folder / "a.xlsx", **{t: _base_rows(t) for t in tables})
    report = _base_rows("laporan_bulanan")[0]
    changed = [*report[:4], "9000000", *report[5:]]
    _workbook(folder / "b.xlsx", laporan_bulanan=[report, changed])
    shutil.copytree(BASE, folder / "bumdes_csv")
    for table in tables:
        (folder / "bumdes_csv" / f"{table}.csv").unlink()
    with pytest.raises(ValidationFailed) as failed:
        read_dataset(folder)
    a, b = folder / "a.xlsx", folder / "b.xlsx"
    shown = [p.render() for p in failed.value.problems if "two_files" in p.code]
    assert shown == [
        f"{b}[laporan_bulanan]:2:bulan: peringatan: koperasi_id=K1, bulan=2026-08 "
        f"sama persis dengan {a}[laporan_bulanan]:2; dipakai sekali",
        f"{b}[laporan_bulanan]:3:bulan: koperasi_id=K1, bulan=2026-08 juga ada di "
        f"{a}[laporan_bulanan]:2 dengan isi lain; satu baris per kunci di seluruh "
        "berkas",
    ]
    # within one file, the reader's own duplicate check speaks
    assert any(p.code == "duplicate_key" for p in failed.value.errors)


def test_a_table_in_no_source_is_an_error(tmp_path):
    folder = tmp_path / "kukar"
    shutil.copytree(BASE, folder)
    lap = pd.read_csv(folder / "laporan_bulanan.csv", dtype=str, keep_default_na=False)
    (folder / "laporan_bulanan.csv").unlink()
    odk_export(lap).to_csv(folder / "export.csv", index=False)
    (folder / "bumdes.csv").rename(tmp_path / "bumdes.csv")
    with pytest.raises(ValidationFailed) as failed:
        read_dataset(folder)
    assert [p.render() for p in failed.value.errors] == [
        f"{folder}: tabel 'bumdes' tidak ada di satu pun sumber di folder ini"
    ]
    (tmp_path / "bumdes.csv").rename(folder / "bumdes.csv")
    dataset = read_dataset(folder)
    assert [(s.label, s.rows.get("laporan_bulanan")) for s in dataset.sources] == [
        (str(folder), None),
        (str(folder / "export.csv"), len(lap)),
    ]


def test_validate_says_what_each_kecamatan_sent(made):
    result = CliRunner().invoke(app, ["validate", "--data", str(made["kecamatan"])])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("Sumber data (20):")
    assert lines[start + 1] == (
        "  640201_muara_muntai.xlsx: baris koperasi 13, unit_usaha 51, "
        "laporan_bulanan 71, rapat 45, pengurus 91, bumdes 8, pelatihan 23, "
        "pendampingan 9, pembiayaan 0; laporan 2025-06–2026-10 (17 bulan)"
    )
    assert len(lines) == start + 22  # 20 sources, then "Data valid"

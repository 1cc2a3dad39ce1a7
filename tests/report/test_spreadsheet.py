"""``kmp.write_excel``: a planner's own tables, written as the workbench writes its
workbooks."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

import kmp_analysis as kmp
from kmp_analysis.errors import UsageError
from kmp_analysis.report import spreadsheet


def rows(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows()]


@pytest.fixture
def coops() -> pd.DataFrame:
    """What a filter leaves: two cooperatives under an unnamed index (7, 3)."""
    return pd.DataFrame(
        {
            "koperasi_id": ["KMP-1", "KMP-2"],
            "nama_koperasi": ["=HYPERLINK(1)", "Koperasi Maju"],
            "kode_kec": ["64.02.06", "64.02.06"],
            "kelas": ["aktif", "tidak_bergerak"],
            "partisipasi": [0.42, 0.05],
            "berisiko": [False, True],
        },
        index=[7, 3],
    )


def test_one_sheet_per_table_in_words_formatted_and_harmless(coops, tmp_path):
    shares = coops.groupby("kode_kec")[["partisipasi"]].mean()  # index kode_kec
    target = tmp_path / "baru" / "analisis.xlsx"
    written = kmp.write_excel({"koperasi": coops, "rata_rata": shares}, target, "en")
    assert written == target.resolve()
    book = openpyxl.load_workbook(written)
    assert book.sheetnames == ["koperasi", "rata_rata"]
    assert rows(book["koperasi"]) == [
        [
            "Cooperative ID",
            "Cooperative",
            "Kecamatan code",
            "Class",
            "Member participation",
            "At risk",
        ],
        ["KMP-1", "'=HYPERLINK(1)", "64.02.06", "Active", 0.42, "no"],
        ["KMP-2", "Koperasi Maju", "64.02.06", "Dormant", 0.05, "yes"],
    ]
    assert book["koperasi"]["E2"].number_format == "0%"
    # the named index (kode_kec) is written, as a column, first
    assert rows(book["rata_rata"]) == [
        ["Kecamatan code", "Member participation"],
        ["64.02.06", pytest.approx(0.235)],
    ]


def test_a_relative_path_goes_under_outputs(coops, tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "OUTPUTS_DIR", tmp_path / "outputs")
    written = kmp.write_excel(coops, "analisis/berisiko.xlsx")
    assert written == (tmp_path / "outputs" / "analisis" / "berisiko.xlsx").resolve()
    assert openpyxl.load_workbook(written).sheetnames == ["tabel"]


def test_a_column_of_ones_own_keeps_its_name(coops, tmp_path, monkeypatch):
    """Outside the tests (which make every missing text an error) a column the
    catalog does not know is written under its own name."""
    monkeypatch.delenv("KMP_STRICT_I18N")
    mine = coops.assign(catatan_saya=["cek lagi", ""])
    book = openpyxl.load_workbook(kmp.write_excel(mine, tmp_path / "x.xlsx"))
    assert rows(book["tabel"])[0][-2:] == ["Berisiko", "catatan_saya"]


@pytest.mark.parametrize(
    ("tables", "path", "said"),
    [
        ("coops", "berisiko.csv", "path: 'berisiko.csv' bukan nama file .xlsx"),
        ({"a/b": "coops"}, "x.xlsx", "nama sheet 'a/b' tidak diterima Excel"),
        ({"x" * 32: "coops"}, "x.xlsx", "tidak diterima Excel (1 sampai 31 huruf"),
        ({"": "coops"}, "x.xlsx", "nama sheet '' tidak diterima Excel"),
    ],
)
def test_what_excel_cannot_take_is_said_before_writing(
    coops, tmp_path, monkeypatch, tables, path, said
):
    monkeypatch.setattr(spreadsheet, "OUTPUTS_DIR", tmp_path)
    tables = coops if tables == "coops" else {k: coops for k in tables}
    with pytest.raises(UsageError) as caught:
        kmp.write_excel(tables, path)
    assert said in str(caught.value)
    assert caught.value.text("en")
    assert list(tmp_path.iterdir()) == []

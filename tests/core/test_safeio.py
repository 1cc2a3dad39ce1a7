"""Atomic writes and spreadsheet-safe tables: kmp_analysis.safeio."""

from __future__ import annotations

import os
import stat

import openpyxl
import pandas as pd
import pytest

from kmp_analysis.safeio import (
    atomic_path,
    atomic_write_bytes,
    atomic_write_text,
    neutralise_formulas,
    write_table,
)


class Boom(Exception):
    pass


def names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------------- atomic


def test_atomic_write_creates_file_without_leftovers(tmp_path):
    target = tmp_path / "brief.html"

    atomic_write_text(target, "<p>Tenggarong — ringkasan</p>")

    assert target.read_text(encoding="utf-8") == "<p>Tenggarong — ringkasan</p>"
    assert names(tmp_path) == ["brief.html"]


def test_atomic_write_replaces_old_content(tmp_path):
    target = tmp_path / "manifest.json"
    target.write_text("lama, lebih panjang dari yang baru")

    atomic_write_bytes(target, b"baru")

    assert target.read_bytes() == b"baru"
    assert names(tmp_path) == ["manifest.json"]


def test_atomic_write_creates_missing_folders(tmp_path):
    target = tmp_path / "kecamatan" / "64.02.15-sanga-sanga" / "brief.json"

    atomic_write_text(target, "{}")

    assert target.read_text() == "{}"


def test_written_file_is_readable_by_others(tmp_path):
    target = tmp_path / "index.html"

    atomic_write_text(target, "x")

    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644


def test_failed_block_leaves_old_file_and_no_temp(tmp_path):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"versi lama")

    with pytest.raises(Boom), atomic_path(target) as tmp:
        assert tmp.parent == tmp_path
        assert tmp != target
        tmp.write_bytes(b"setengah")
        raise Boom

    assert target.read_bytes() == b"versi lama"
    assert names(tmp_path) == ["brief.pdf"]


def test_failed_block_without_old_file_leaves_nothing(tmp_path):
    target = tmp_path / "brief.pdf"

    with pytest.raises(Boom), atomic_path(target) as tmp:
        tmp.write_bytes(b"setengah")
        raise Boom

    assert names(tmp_path) == []


def test_target_appears_only_when_block_ends(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("lama")

    with atomic_path(target) as tmp:
        tmp.write_text("baru")
        assert target.read_text() == "lama"  # a reader still sees the old file

    assert target.read_text() == "baru"
    assert names(tmp_path) == ["out.txt"]


# ------------------------------------------------------------------ write_table


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "koperasi_id": ["K1", "K2"],
            "nama": ["Koperasi Séjahtera", "Koperasi Dua"],
            "omzet": [1_250_000.5, -3.0],
            "anggota": [100, -2],
            "berisiko": [True, False],
        }
    )


def test_write_table_csv_round_trip(tmp_path):
    target = write_table(frame(), tmp_path / "hasil.csv")

    assert target == tmp_path / "hasil.csv"
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    back = pd.read_csv(target, encoding="utf-8-sig")
    pd.testing.assert_frame_equal(back, frame(), check_dtype=False)
    assert names(tmp_path) == ["hasil.csv"]


def test_write_table_xlsx_round_trip(tmp_path):
    target = write_table(frame(), tmp_path / "hasil.xlsx", sheet_name="koperasi")

    assert pd.ExcelFile(target).sheet_names == ["koperasi"]
    back = pd.read_excel(target, sheet_name="koperasi")
    pd.testing.assert_frame_equal(back, frame(), check_dtype=False)
    assert names(tmp_path) == ["hasil.xlsx"]


def test_write_table_replaces_existing_file(tmp_path):
    target = tmp_path / "hasil.csv"
    target.write_text("lama\n")

    write_table(frame(), target)

    assert pd.read_csv(target, encoding="utf-8-sig")["koperasi_id"].tolist() == [
        "K1",
        "K2",
    ]


@pytest.mark.parametrize("name", ["hasil.txt", "hasil.xls", "hasil", "hasil.csv.gz"])
def test_write_table_rejects_other_suffixes(tmp_path, name):
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        write_table(frame(), tmp_path / name)

    assert names(tmp_path) == []


# ------------------------------------------------------------ formula injection

DANGEROUS = ["=SUM(A1:A9)", "+62 812 345", "-2+3", "@cmd", '=HYPERLINK("x")']


def risky() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "teks": [*DANGEROUS, "Koperasi =aman", "aman"],
            "angka": [-5, -1, 0, 2, 3, 4, -7],
            "pecahan": [-0.5, -1.25, 0.0, 1.0, 2.0, 3.0, -4.0],
        }
    )


def test_neutralise_prefixes_formula_text_only():
    out = neutralise_formulas(risky())

    assert out["teks"].tolist() == [
        *(f"'{v}" for v in DANGEROUS),
        "Koperasi =aman",
        "aman",
    ]
    pd.testing.assert_series_equal(out["angka"], risky()["angka"])
    pd.testing.assert_series_equal(out["pecahan"], risky()["pecahan"])


def test_neutralise_handles_tab_and_mixed_object_columns():
    mixed = pd.DataFrame({"x": ["\tcmd", -5, None, "-", 2.5]}, dtype=object)

    out = neutralise_formulas(mixed)

    assert out["x"].tolist() == ["'\tcmd", -5, None, "'-", 2.5]


def test_neutralise_does_not_modify_its_input():
    original = risky()

    neutralise_formulas(original)

    assert original["teks"].tolist()[0] == "=SUM(A1:A9)"


def test_csv_cells_are_neutralised(tmp_path):
    data = risky()
    target = write_table(data, tmp_path / "hasil.csv")

    back = pd.read_csv(target, encoding="utf-8-sig")

    assert back["teks"].tolist()[:5] == [f"'{v}" for v in DANGEROUS]
    assert back["angka"].tolist() == [-5, -1, 0, 2, 3, 4, -7]
    assert back["pecahan"].tolist() == [-0.5, -1.25, 0.0, 1.0, 2.0, 3.0, -4.0]
    assert data["teks"].iloc[0] == "=SUM(A1:A9)"  # the caller's frame is untouched


def test_xlsx_cells_are_text_not_formulas(tmp_path):
    target = write_table(risky(), tmp_path / "hasil.xlsx")

    sheet = openpyxl.load_workbook(target)["data"]
    rows = list(sheet.iter_rows(min_row=2, values_only=False))

    for row, dangerous in zip(rows, DANGEROUS, strict=False):
        teks, angka, pecahan = row
        assert teks.data_type == "s"
        assert teks.value == f"'{dangerous}"
        assert angka.data_type == "n"
        assert pecahan.data_type == "n"
    assert [r[1].value for r in rows] == [-5, -1, 0, 2, 3, 4, -7]

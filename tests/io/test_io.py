"""Reading and validating the user's data (DESIGN §3, §9): kmp_analysis.io.

Every problem test names the exact file, spreadsheet row (header = 1), column and
message code, and checks the rendered ``file:row:column: message`` line.
"""

from __future__ import annotations

import csv
import io
import json
import pickle
import re
import shutil
import tempfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from builders import BAD_CORPUS, GOOD_CSV, csv_with, write_csv_folder
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kmp_analysis.errors import (
    WARNING,
    Problem,
    ValidationFailed,
    collapse,
    report_lines,
    row_problems,
)
from kmp_analysis.i18n import MESSAGES
from kmp_analysis.io import (
    parse_date,
    parse_month,
    parse_number,
    parse_yesno,
    read_dataset,
)
from kmp_analysis.schema import OPTIONAL_TABLES, TABLES

TABLE_NAMES = [
    "koperasi",
    "unit_usaha",
    "laporan_bulanan",
    "rapat",
    "pengurus",
    "bumdes",
]


def problems_of(path: Path) -> list[Problem]:
    """The problems ``read_dataset`` raises; fails the test if it does not raise."""
    with pytest.raises(ValidationFailed) as info:
        read_dataset(path)
    return info.value.problems


def only_problem(path: Path) -> Problem:
    problems = problems_of(path)
    assert len(problems) == 1, [p.render() for p in problems]
    return problems[0]


def text_frames(changes: dict[str, list[str]] | None = None) -> dict[str, pd.DataFrame]:
    """GOOD_CSV tables as frames of text cells (what a user types in a sheet)."""
    tables = {**GOOD_CSV, **(changes or {})}
    return {
        name: pd.read_csv(
            io.StringIO("\n".join(lines)), dtype=str, keep_default_na=False
        )
        for name, lines in tables.items()
    }


def write_workbook(path: Path, frames: dict[str, pd.DataFrame]) -> Path:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in frames.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    return path


# --------------------------------------------------------------------------- valid


def test_good_folder_reads_typed_tables(tmp_path):
    ds = read_dataset(write_csv_folder(tmp_path))

    assert list(ds.tables) == [*TABLE_NAMES, *OPTIONAL_TABLES]
    assert ds.provided == frozenset(TABLE_NAMES)
    assert [len(ds[t]) for t in TABLE_NAMES] == [2, 2, 3, 1, 2, 1]
    kop = ds["koperasi"].set_index("koperasi_id")
    assert list(kop.columns) == TABLES["koperasi"].column_names[1:]
    assert pd.api.types.is_datetime64_dtype(kop["tanggal_musdes"])
    assert pd.api.types.is_datetime64_dtype(kop["tanggal_badan_hukum"])
    assert pd.api.types.is_bool_dtype(kop["nib"])
    assert pd.api.types.is_float_dtype(kop["plafon_pinjaman"])
    # K2: "Rp 1.250.000", compact village code, dd/mm/yyyy, empty date
    assert kop.loc["K2", "plafon_pinjaman"] == 1_250_000
    assert kop.loc["K1", "plafon_pinjaman"] == 0
    assert kop.loc["K2", "kode_desa"] == "64.02.12.2001"
    assert kop.loc["K1", "kode_desa"] == "64.02.06.1001"
    assert kop.loc["K2", "tanggal_musdes"] == pd.Timestamp("2025-05-01")
    assert kop.loc["K1", "tanggal_badan_hukum"] == pd.Timestamp("2025-07-15")
    assert pd.isna(kop.loc["K2", "tanggal_badan_hukum"])
    assert kop["nib"].tolist() == [True, False]
    assert kop["rekening_bank"].tolist() == [True, True]
    assert kop["status_pinjaman"].tolist() == ["belum", "diajukan"]


def test_good_folder_report_and_other_tables(tmp_path):
    ds = read_dataset(write_csv_folder(tmp_path))

    lap = ds["laporan_bulanan"]
    assert lap["bulan"].tolist() == ["2026-09", "2026-10", "2026-10"]
    assert lap["omzet"].tolist() == [10_000_000, 12_000_000, 0]
    assert lap["anggota_aktif"].tolist() == [30, 25, 0]
    assert pd.api.types.is_float_dtype(lap["omzet"])
    assert ds.last_month == "2026-10"
    unit = ds["unit_usaha"]
    assert unit["tanggal_mulai"].iloc[0] == pd.Timestamp("2025-09-01")
    assert pd.isna(unit["tanggal_mulai"].iloc[1])
    assert ds["rapat"]["tahun_buku"].tolist() == [2025]
    assert pd.api.types.is_datetime64_dtype(ds["rapat"]["tanggal"])
    bumdes = ds["bumdes"]
    assert bumdes["unit_usaha"].tolist() == ["sembako;air bersih"]
    assert bumdes["kerja_sama_kmp"].tolist() == [False]


def test_good_folder_provenance_and_input_untouched(tmp_path):
    folder = write_csv_folder(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    ds = read_dataset(folder)

    assert ds.source == str(folder)
    assert sorted(ds.file_hashes) == sorted(f"{t}.csv" for t in TABLE_NAMES)
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in ds.file_hashes.values())
    assert ds.synthetic is False
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_metadata_marks_synthetic(tmp_path):
    folder = write_csv_folder(tmp_path)
    (folder / "metadata.json").write_text(json.dumps({"sintetis": True}))

    ds = read_dataset(folder)

    assert ds.synthetic is True
    assert "metadata.json" in ds.file_hashes


def test_spelling_variants_of_choices_and_headers_are_accepted(tmp_path):
    changes = {
        "unit_usaha": [
            "Koperasi ID,Unit,Status,Tanggal Mulai",
            "K1,Simpan Pinjam,BEROPERASI,15/07/2025",
            "K2,usaha-lokal,rencana,",
        ],
        "koperasi": csv_with("koperasi", {(2, "nib"): "YA", (3, "npwp"): " Tidak "}),
    }
    ds = read_dataset(write_csv_folder(tmp_path, changes))

    assert ds["unit_usaha"]["unit"].tolist() == ["simpan_pinjam", "usaha_lokal"]
    assert ds["unit_usaha"]["status"].tolist() == ["beroperasi", "rencana"]
    assert ds["koperasi"]["nib"].tolist() == [True, False]
    assert ds["koperasi"]["npwp"].tolist() == [True, False]


# ----------------------------------------------------------- one test per problem

LAP = "laporan_bulanan"

CELL_PROBLEMS = [
    # changes, file, row, column, code, fragment of the Indonesian message
    pytest.param(
        {"koperasi": csv_with("koperasi", {(2, "kode_desa"): "64.02.06.9999"})},
        "koperasi.csv",
        2,
        "kode_desa",
        "unknown_desa",
        "kode desa '64.02.06.9999' tidak ada di daftar resmi",
        id="unknown_desa",
    ),
    pytest.param(
        {"koperasi": csv_with("koperasi", {(3, "kode_desa"): "6403122001"})},
        "koperasi.csv",
        3,
        "kode_desa",
        "unknown_desa",
        "'64.03.12.2001'",
        id="unknown_desa_compact_bps_code",
    ),
    pytest.param(
        {LAP: csv_with(LAP, extra=[GOOD_CSV[LAP][2]])},
        f"{LAP}.csv",
        5,
        "bulan",
        "duplicate_key",
        "baris ganda: koperasi_id=K1, bulan=2026-10",
        id="duplicate_key_report",
    ),
    pytest.param(
        {"koperasi": csv_with("koperasi", extra=[GOOD_CSV["koperasi"][1]])},
        "koperasi.csv",
        4,
        "koperasi_id",
        "duplicate_key",
        "koperasi_id=K1",
        id="duplicate_key_koperasi",
    ),
    pytest.param(
        {LAP: csv_with(LAP, {(3, "omzet"): "-5"})},
        f"{LAP}.csv",
        3,
        "omzet",
        "negative",
        "nilai negatif (-5)",
        id="negative",
    ),
    pytest.param(
        {"koperasi": csv_with("koperasi", {(3, "plafon_pinjaman"): "Rp -1.250.000"})},
        "koperasi.csv",
        3,
        "plafon_pinjaman",
        "negative",
        "(-1250000)",
        id="negative_rupiah",
    ),
    pytest.param(
        {LAP: csv_with(LAP, {(2, "anggota_aktif"): "130"})},
        f"{LAP}.csv",
        2,
        "anggota_aktif",
        "aktif_gt_terdaftar",
        "anggota_aktif (130) lebih besar dari anggota_terdaftar (100)",
        id="aktif_gt_terdaftar",
    ),
    *(
        pytest.param(
            {LAP: csv_with(LAP, {(2, "bulan"): month})},
            f"{LAP}.csv",
            2,
            "bulan",
            "bad_month",
            f"'{month}' bukan bulan dengan format YYYY-MM",
            id=f"bad_month_{month}",
        )
        for month in ("2026-9", "10/2026", "2026-13")
    ),
    pytest.param(
        {LAP: csv_with(LAP, {(2, "omzet"): "abc"})},
        f"{LAP}.csv",
        2,
        "omzet",
        "not_a_number",
        "'abc' bukan angka",
        id="not_a_number",
    ),
    pytest.param(
        {LAP: csv_with(LAP, {(2, "omzet"): "9" * 400})},
        f"{LAP}.csv",
        2,
        "omzet",
        "not_a_number",
        "bukan angka",
        id="number_too_long_for_a_float",
    ),
    pytest.param(
        {LAP: csv_with(LAP, {(4, "anggota_terdaftar"): "2.5"})},
        f"{LAP}.csv",
        4,
        "anggota_terdaftar",
        "not_integer",
        "'2.5' bukan bilangan bulat",
        id="not_integer",
    ),
    pytest.param(
        {LAP: csv_with(LAP, {(3, "omzet"): ""})},
        f"{LAP}.csv",
        3,
        "omzet",
        "empty",
        "wajib diisi, tetapi kosong",
        id="empty_money",
    ),
    pytest.param(
        {"koperasi": csv_with("koperasi", {(2, "nama_koperasi"): "  "})},
        "koperasi.csv",
        2,
        "nama_koperasi",
        "empty",
        "wajib diisi",
        id="empty_text_whitespace",
    ),
    pytest.param(
        {"koperasi": csv_with("koperasi", {(3, "status_pinjaman"): "pending"})},
        "koperasi.csv",
        3,
        "status_pinjaman",
        "not_in_choices",
        "'pending' tidak dikenal; pilihan: belum, diajukan, disetujui, dicairkan",
        id="not_in_choices",
    ),
    pytest.param(
        {"unit_usaha": csv_with("unit_usaha", {(2, "unit"): "toko"})},
        "unit_usaha.csv",
        2,
        "unit",
        "not_in_choices",
        "'toko' tidak dikenal",
        id="not_in_choices_unit",
    ),
    pytest.param(
        {"koperasi": csv_with("koperasi", {(2, "npwp"): "mungkin"})},
        "koperasi.csv",
        2,
        "npwp",
        "bad_yesno",
        "'mungkin' harus 'ya' atau 'tidak'",
        id="bad_yesno",
    ),
    pytest.param(
        {"koperasi": csv_with("koperasi", {(3, "tanggal_musdes"): "31/02/2025"})},
        "koperasi.csv",
        3,
        "tanggal_musdes",
        "bad_date",
        "'31/02/2025' bukan tanggal",
        id="bad_date",
    ),
    pytest.param(
        {"unit_usaha": csv_with("unit_usaha", {(3, "koperasi_id"): "K9"})},
        "unit_usaha.csv",
        3,
        "koperasi_id",
        "unknown_koperasi",
        "koperasi_id 'K9' tidak ada di tabel koperasi",
        id="unknown_koperasi",
    ),
    pytest.param(
        {LAP: csv_with(LAP, extra=["K3,2026-10,10,1,5,0,0,0,0,0,0,0"])},
        f"{LAP}.csv",
        5,
        "koperasi_id",
        "unknown_koperasi",
        "'K3'",
        id="unknown_koperasi_report",
    ),
    pytest.param(
        {
            LAP: csv_with(
                LAP, {(2, "pinjaman_beredar"): "100", (2, "pinjaman_tunggak_30"): "200"}
            )
        },
        f"{LAP}.csv",
        2,
        "pinjaman_tunggak_30",
        "tunggak_gt_beredar",
        "pinjaman_tunggak_30 (200) lebih besar dari pinjaman_beredar (100)",
        id="tunggak_gt_beredar",
    ),
    pytest.param(
        {"rapat": csv_with("rapat", {(2, "tahun_buku"): ""})},
        "rapat.csv",
        2,
        "tahun_buku",
        "rat_needs_tahun_buku",
        "rapat jenis 'rat' wajib mengisi tahun_buku",
        id="rat_needs_tahun_buku",
    ),
]


@pytest.mark.parametrize(
    ("changes", "file", "row", "column", "code", "fragment"), CELL_PROBLEMS
)
def test_cell_problem_is_located(tmp_path, changes, file, row, column, code, fragment):
    p = only_problem(write_csv_folder(tmp_path, changes))

    assert (p.file, p.row, p.column, p.code) == (
        str(tmp_path / file),
        row,
        column,
        code,
    )
    line = p.render("id")
    assert line.startswith(f"{tmp_path / file}:{row}:{column}: ")
    assert fragment in line
    assert "\n" not in line


def test_missing_table_file(tmp_path):
    folder = write_csv_folder(tmp_path)
    (folder / "rapat.csv").unlink()

    p = only_problem(folder)

    assert (p.file, p.row, p.column, p.code) == (
        str(folder / "rapat.csv"),
        None,
        None,
        "table_missing",
    )
    assert (
        p.render() == f"{folder / 'rapat.csv'}: file tabel 'rapat' tidak ada di folder"
    )


def test_missing_column_is_reported_on_the_header_row(tmp_path):
    folder = write_csv_folder(
        tmp_path, {"rapat": ["koperasi_id,tanggal,jenis", "K1,2026-03-20,rat"]}
    )

    p = only_problem(folder)

    assert (p.file, p.row, p.column, p.code) == (
        str(folder / "rapat.csv"),
        1,
        "tahun_buku",
        "column_missing",
    )
    assert p.render().startswith(f"{folder / 'rapat.csv'}:1:tahun_buku: ")


def test_binary_file_renamed_csv(tmp_path):
    folder = write_csv_folder(tmp_path)
    (folder / "pengurus.csv").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xff\xfe")

    p = only_problem(folder)

    assert (p.file, p.row, p.column, p.code) == (
        str(folder / "pengurus.csv"),
        None,
        None,
        "file_not_text",
    )
    assert p.render().startswith(f"{folder / 'pengurus.csv'}: ")


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\r\n"], ids=["0B", "LF", "CRLF"])
def test_empty_file(tmp_path, content):
    folder = write_csv_folder(tmp_path)
    (folder / "bumdes.csv").write_bytes(content)

    p = only_problem(folder)  # only ValidationFailed may escape

    assert (p.file, p.row, p.code) == (str(folder / "bumdes.csv"), 1, "no_header")
    assert p.render().startswith(f"{folder / 'bumdes.csv'}:1: file kosong")


def test_header_only_file_is_an_empty_table(tmp_path):
    folder = write_csv_folder(tmp_path, {"bumdes": GOOD_CSV["bumdes"][:1]})

    assert len(read_dataset(folder)["bumdes"]) == 0


def test_path_that_does_not_exist(tmp_path):
    missing = tmp_path / "tidak-ada"

    p = only_problem(missing)

    assert (p.file, p.row, p.column, p.code) == (
        str(missing),
        None,
        None,
        "path_not_found",
    )
    assert p.render().startswith(f"{missing}: data tidak ditemukan")


def test_path_of_unsupported_kind(tmp_path):
    other = tmp_path / "data.txt"
    other.write_text("koperasi_id\nK1\n")

    assert only_problem(other).code == "path_not_supported"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"not a zip", "xlsx_not_zip"),
        (b"", "xlsx_empty"),
        (b"PK\x03\x04 truncated", "xlsx_corrupt"),
        (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(512), "xlsx_old_format"),
    ],
    ids=["junk", "empty", "truncated", "xls"],
)
def test_corrupt_workbook(tmp_path, content, code):
    book = tmp_path / "data.xlsx"
    book.write_bytes(content)

    p = only_problem(book)

    assert (p.file, p.row, p.code) == (str(book), None, code)


# --------------------------------------------------------------- all problems at once


def test_all_problems_at_once_sorted_by_row(tmp_path):
    # found in a different order: aktif > terdaftar by pandera after parsing
    changes = {
        LAP: csv_with(
            LAP,
            {(2, "anggota_aktif"): "130", (3, "omzet"): "-5", (4, "omzet"): "abc"},
        )
    }
    file = str(tmp_path / f"{LAP}.csv")

    problems = problems_of(write_csv_folder(tmp_path, changes))

    assert [(p.file, p.row, p.column, p.code) for p in problems] == [
        (file, 2, "anggota_aktif", "aktif_gt_terdaftar"),
        (file, 3, "omzet", "negative"),
        (file, 4, "omzet", "not_a_number"),
    ]


def test_problems_in_several_files_are_all_reported(tmp_path):
    changes = {
        "koperasi": csv_with("koperasi", {(3, "npwp"): "mungkin"}),
        "rapat": csv_with("rapat", {(2, "jenis"): "arisan"}),
        "bumdes": csv_with("bumdes", {(2, "kode_desa"): "64.02.99.2001"}),
    }

    problems = problems_of(write_csv_folder(tmp_path, changes))

    assert sorted((Path(p.file).name, p.row, p.column, p.code) for p in problems) == [
        ("bumdes.csv", 2, "kode_desa", "unknown_desa"),
        ("koperasi.csv", 3, "npwp", "bad_yesno"),
        ("rapat.csv", 2, "jenis", "not_in_choices"),
    ]


def test_unparseable_cell_is_reported_once(tmp_path):
    # an unparseable required cell is not reported again as empty
    changes = {LAP: csv_with(LAP, {(2, "anggota_terdaftar"): "seratus"})}

    p = only_problem(write_csv_folder(tmp_path, changes))

    assert (p.row, p.column, p.code) == (2, "anggota_terdaftar", "not_integer")


def test_problems_on_one_row_follow_column_order(tmp_path):
    changes = {
        LAP: csv_with(LAP, {(2, "bulan"): "2026-9", (2, "anggota_terdaftar"): "x"})
    }

    problems = problems_of(write_csv_folder(tmp_path, changes))

    assert [p.column for p in problems] == ["bulan", "anggota_terdaftar"]


# --------------------------------------------------------------- row numbering


@pytest.mark.parametrize(
    ("blank", "newline"),
    [("", "\n"), (",,,,,,,,,,,", "\n"), ("", "\r\n")],
    ids=["empty-line", "empty-cells", "crlf"],
)
def test_blank_line_does_not_shift_rows(tmp_path, blank, newline):
    lines = csv_with(LAP, {(4, "anggota_aktif"): "60"})  # K2: 60 > 50
    lines.insert(2, blank)  # between the first and second data rows
    folder = write_csv_folder(tmp_path)
    (folder / f"{LAP}.csv").write_bytes((newline.join(lines) + newline).encode())

    p = only_problem(folder)

    # the bad row is the 5th line of the file, as a spreadsheet shows it
    assert (p.row, p.column, p.code) == (5, "anggota_aktif", "aktif_gt_terdaftar")


def test_quoted_cell_with_line_break_counts_as_one_row(tmp_path):
    changes = {
        "koperasi": csv_with(
            "koperasi",
            {(2, "nama_koperasi"): "Koperasi\nSatu", (3, "status_pinjaman"): "x"},
        )
    }

    p = only_problem(write_csv_folder(tmp_path, changes))

    assert (p.row, p.column, p.code) == (3, "status_pinjaman", "not_in_choices")


# --------------------------------------------------------------- Indonesian CSV

SEMICOLON_CSV = {
    "koperasi": [
        "koperasi_id;nama_koperasi;kode_desa;tanggal_musdes;tanggal_badan_hukum;nib;"
        "npwp;rekening_bank;nik_koperasi;akun_simkopdes;status_pinjaman;plafon_pinjaman",
        "K1;Koperasi Satu;64.02.06.1001;01/05/2025;15/07/2025;ya;ya;ya;ya;ya;belum;0",
        "K2;Koperasi Dua;6402122001;01/05/2025;;tidak;tidak;ya;tidak;ya;diajukan;"
        "Rp 1.250.000",
    ],
    "unit_usaha": [
        "koperasi_id;unit;status;tanggal_mulai",
        "K1;sembako;beroperasi;01/09/2025",
        "K2;kantor;rencana;",
    ],
    "laporan_bulanan": [
        "koperasi_id;bulan;anggota_terdaftar;anggota_aktif;omzet;pendapatan_usaha;"
        "biaya_operasional;pinjaman_beredar;pinjaman_tunggak_30;simpanan_anggota;"
        "tenaga_kerja;pembelian_produk_lokal",
        "K1;2026-09;100;30;10.000.000;2.000.000,00;1.500.000;0;0;0;3;0",
        "K1;2026-10;100;25;12.000.000;2.000.000;1.500.000,0;0;0;0;3;0",
        "K2;2026-10;50;0;0;0;0;0;0;0;0;0",
    ],
    "rapat": ["koperasi_id;tanggal;jenis;tahun_buku", "K1;20/03/2026;rat;2025"],
    "pengurus": [
        "koperasi_id;id_orang;peran;jenis_kelamin;jenjang_pelatihan",
        "K1;P01;ketua;L;dasar",
        "K1;P02;pengawas;P;belum",
    ],
    "bumdes": [
        "kode_desa;nama_bumdes;status;unit_usaha;kerja_sama_kmp",
        '64.02.12.2001;BUMDes Maju;aktif;"sembako;air bersih";tidak',
    ],
}


def test_semicolon_csv_with_decimal_commas_reads_like_comma_csv(tmp_path):
    comma = read_dataset(write_csv_folder(tmp_path / "comma"))
    semicolon = read_dataset(write_csv_folder(tmp_path / "semi", SEMICOLON_CSV))

    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(semicolon[name], comma[name])


def test_semicolon_csv_decimal_comma_value(tmp_path):
    lines = list(SEMICOLON_CSV[LAP])
    lines[1] = lines[1].replace("2.000.000,00", "1.234,5")
    ds = read_dataset(write_csv_folder(tmp_path, {**SEMICOLON_CSV, LAP: lines}))

    assert ds[LAP]["pendapatan_usaha"].iloc[0] == 1234.5


def test_windows_1252_text_reads(tmp_path):
    folder = write_csv_folder(tmp_path)
    lines = csv_with("koperasi", {(2, "nama_koperasi"): "Koperasi Séjahtera"})
    (folder / "koperasi.csv").write_bytes(
        ("\r\n".join(lines) + "\r\n").encode("cp1252")
    )

    ds = read_dataset(folder)

    assert ds["koperasi"]["nama_koperasi"].tolist() == [
        "Koperasi Séjahtera",
        "Koperasi Dua",
    ]


def test_utf8_bom_header_reads(tmp_path):
    folder = write_csv_folder(tmp_path)
    text = "\n".join(GOOD_CSV["rapat"]) + "\n"
    (folder / "rapat.csv").write_bytes(text.encode("utf-8-sig"))

    assert read_dataset(folder)["rapat"]["koperasi_id"].tolist() == ["K1"]


# ------------------------------------------------------------------------ workbook


def test_workbook_reads_like_csv_folder(tmp_path):
    book = write_workbook(tmp_path / "data.xlsx", text_frames())
    from_csv = read_dataset(write_csv_folder(tmp_path / "csv"))

    ds = read_dataset(book)

    assert ds.source == str(book)
    assert list(ds.file_hashes) == ["data.xlsx"]
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(ds[name], from_csv[name])


def test_workbook_with_typed_cells_reads(tmp_path):
    frames = text_frames()
    lap = frames[LAP]
    for column in lap.columns[2:]:
        lap[column] = pd.to_numeric(lap[column])
    lap["bulan"] = pd.to_datetime(lap["bulan"])  # Excel turns 2026-09 into a date
    kop = frames["koperasi"]
    kop["tanggal_musdes"] = pd.to_datetime(["2025-05-01", "2025-05-01"])
    kop["kode_desa"] = ["64.02.06.1001", 6402122001]  # a number in the sheet
    book = write_workbook(tmp_path / "typed.xlsx", frames)

    ds = read_dataset(book)

    assert ds[LAP]["bulan"].tolist() == ["2026-09", "2026-10", "2026-10"]
    assert ds[LAP]["omzet"].tolist() == [10_000_000, 12_000_000, 0]
    assert ds["koperasi"]["kode_desa"].tolist() == ["64.02.06.1001", "64.02.12.2001"]
    assert ds["koperasi"]["tanggal_musdes"].tolist() == [pd.Timestamp("2025-05-01")] * 2


def test_workbook_problem_names_sheet_row_and_column(tmp_path):
    frames = text_frames({LAP: csv_with(LAP, {(3, "omzet"): "abc"})})
    book = write_workbook(tmp_path / "data.xlsx", frames)

    p = only_problem(book)

    label = f"{book}[laporan_bulanan]"
    assert (p.file, p.row, p.column, p.code) == (label, 3, "omzet", "not_a_number")
    assert p.render().startswith(f"{label}:3:omzet: ")


def test_workbook_blank_row_does_not_shift_rows(tmp_path):
    frames = text_frames({LAP: csv_with(LAP, {(3, "omzet"): "abc"})})
    book = write_workbook(tmp_path / "data.xlsx", frames)
    wb = openpyxl.load_workbook(book)
    wb[LAP].insert_rows(3)  # an empty sheet row 3: the bad row moves to row 4
    wb.save(book)

    p = only_problem(book)

    assert (p.file, p.row, p.column) == (f"{book}[laporan_bulanan]", 4, "omzet")


def test_workbook_missing_sheet(tmp_path):
    frames = text_frames()
    del frames["pengurus"]
    book = write_workbook(tmp_path / "data.xlsx", frames)

    p = only_problem(book)

    assert (p.file, p.row, p.column, p.code) == (str(book), None, None, "sheet_missing")
    assert p.render() == f"{book}: sheet 'pengurus' tidak ada di workbook"


def test_workbook_missing_column(tmp_path):
    frames = text_frames()
    frames["rapat"] = frames["rapat"].drop(columns="jenis")
    book = write_workbook(tmp_path / "data.xlsx", frames)

    p = only_problem(book)

    assert (p.file, p.row, p.column, p.code) == (
        f"{book}[rapat]",
        1,
        "jenis",
        "column_missing",
    )


def test_workbook_metadata_sheet(tmp_path):
    frames = text_frames()
    frames["metadata"] = pd.DataFrame({"kunci": ["sintetis"], "nilai": ["ya"]})
    book = write_workbook(tmp_path / "data.xlsx", frames)

    assert read_dataset(book).synthetic is True


# ------------------------------------------------------------------------ English


def _words(text: str) -> set[str]:
    text = re.sub(r"\{[^}]*\}", " ", text)
    return set(re.findall(r"[A-Za-z_]{3,}", text))


def test_english_rendering_has_no_indonesian_words(tmp_path):
    changes = {
        "koperasi": csv_with(
            "koperasi",
            {(2, "kode_desa"): "64.02.06.9999", (3, "npwp"): "mungkin"},
        ),
        LAP: csv_with(
            LAP,
            {(2, "anggota_aktif"): "130", (3, "omzet"): "abc", (4, "bulan"): "10/2026"},
            extra=[GOOD_CSV[LAP][1]],
        ),
        "rapat": csv_with("rapat", {(2, "tahun_buku"): ""}),
    }
    with pytest.raises(ValidationFailed) as info:
        read_dataset(write_csv_folder(tmp_path, changes))
    exc = info.value
    assert len(exc.problems) == 7

    for p, id_line, en_line in zip(
        exc.problems, exc.render("id"), exc.render("en"), strict=True
    ):
        assert en_line != id_line
        assert en_line.startswith(f"{p.location()}: ")
        english = en_line[len(p.location()) + 2 :]
        indonesian_only = _words(MESSAGES[p.code]["id"]) - _words(
            MESSAGES[p.code]["en"]
        )
        assert indonesian_only, p.code
        assert not indonesian_only & _words(english), (p.code, en_line)


def test_every_message_has_both_languages_and_they_differ():
    for code, entry in MESSAGES.items():
        assert set(entry) == {"id", "en"}, code
        assert entry["id"] != entry["en"], code


# ------------------------------------------------------------------ cell parsers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp 1.250.000", 1_250_000),
        ("Rp1.250.000,50", 1_250_000.5),
        ("rp. 500", 500),
        ("1.250", 1250),  # Indonesian thousands
        ("-1.250", -1250),
        ("0,25", 0.25),
        ("1,250,000", 1_250_000),
        ("1,250,000.50", 1_250_000.5),
        ("1250000.5", 1_250_000.5),
        ("1 250 000", 1_250_000),
        ("\u00a01.250\u00a0", 1250),
        ("12", 12),
        (" 12 ", 12),
        ("1e3", 1000),
        pytest.param(
            "0.125",
            0.125,
        ),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "Rp",
        "1.2.3",
        "1,2,3",
        "1.25.000",
        "12abc",
        "--1",
        "1-",
        ".",
        "1..2",
        "nan",
        "inf",
        pytest.param(
            "1e400",
        ),
    ],
)
def test_parse_number_rejects(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "2025-07-15",
        "15/07/2025",
        "15-07-2025",
        "15.07.2025",
        "2025-07-15 00:00:00",
        "2025-07-15T00:00",
        "2025-07-15 08:30:00",  # Excel date-time: the day counts
        "45853",  # Excel serial number
        "45853.0",
        " 15/7/2025 ",
    ],
)
def test_parse_date(text):
    assert parse_date(text) == pd.Timestamp("2025-07-15")


def test_parse_date_is_day_first():
    assert parse_date("05/07/2025") == pd.Timestamp("2025-07-05")


@pytest.mark.parametrize(
    "text",
    ["", "kemarin", "31/02/2025", "2025-13-01", "07/15/2025", "2025/07/15", "123"],
)
def test_parse_date_rejects(text):
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03", "2026-03"),
        (" 2026-12 ", "2026-12"),
        ("2026-03-01", "2026-03"),
        ("2026-03-01 00:00:00", "2026-03"),
    ],
)
def test_parse_month(text, expected):
    assert parse_month(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "2026-9", "10/2026", "2026-13", "2026-00", "2026-03-15", "Maret 2026"],
)
def test_parse_month_rejects(text):
    with pytest.raises(ValueError):
        parse_month(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya", True),
        ("Ya", True),
        ("y", True),
        ("1", True),
        ("tidak", False),
        (" TIDAK ", False),
        ("t", False),
        ("0", False),
    ],
)
def test_parse_yesno(text, expected):
    assert parse_yesno(text) is expected


@pytest.mark.parametrize("text", ["", "mungkin", "2", "yaa"])
def test_parse_yesno_rejects(text):
    with pytest.raises(ValueError):
        parse_yesno(text)


# ----------------------------------------------------------- malformed CSV (bugs)


def test_extra_field_on_first_data_row_is_a_problem(tmp_path):
    changes = {
        "rapat": ["koperasi_id,tanggal,jenis,tahun_buku", "K1,2026-03-20,rat,2025,x"]
    }

    problems = problems_of(write_csv_folder(tmp_path, changes))

    assert [Path(p.file).name for p in problems] == ["rapat.csv"]


def test_duplicate_header_after_normalising_is_a_problem(tmp_path):
    changes = {
        "rapat": [
            "koperasi_id,tanggal,jenis,tahun_buku,Jenis",
            "K1,2026-03-20,rat,2025,rat",
        ]
    }

    problems = problems_of(write_csv_folder(tmp_path, changes))

    assert [Path(p.file).name for p in problems] == ["rapat.csv"]


def _extra_field_on_row_3(tmp_path: Path) -> Problem:
    changes = {"rapat": csv_with("rapat", extra=["K1,2026-03-21,rapat_pengurus,,x"])}
    return only_problem(write_csv_folder(tmp_path, changes))


def test_extra_field_on_later_row_is_a_problem(tmp_path):
    p = _extra_field_on_row_3(tmp_path)

    assert (p.file, p.code) == (str(tmp_path / "rapat.csv"), "too_many_fields")


def test_extra_field_on_later_row_renders_as_one_line(tmp_path):
    assert "\n" not in _extra_field_on_row_3(tmp_path).render()


def test_extra_field_on_later_row_names_the_row(tmp_path):
    assert _extra_field_on_row_3(tmp_path).row == 3


def test_infinite_money_is_not_a_number(tmp_path):
    changes = {LAP: csv_with(LAP, {(2, "omzet"): "1e400"})}

    p = only_problem(write_csv_folder(tmp_path, changes))

    assert (p.row, p.column, p.code) == (2, "omzet", "not_a_number")


# ---------------------------------------------------------------------- property

COLUMNS = [(t, c) for t in TABLE_NAMES for c in TABLES[t].column_names]


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(column=st.sampled_from(COLUMNS), data=st.data())
def test_random_cell_text_never_crashes(column, data):
    table, name = column
    rows = list(csv.reader(GOOD_CSV[table]))
    header, body = rows[0], rows[1:]
    values = data.draw(st.lists(st.text(), min_size=len(body), max_size=len(body)))
    for row, value in zip(body, values, strict=True):
        row[header.index(name)] = value
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_csv_folder(Path(tmp))
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows([header, *body])
        try:
            ds = read_dataset(folder)
        except ValidationFailed as exc:
            assert exc.problems
            for line in exc.render("id") + exc.render("en"):
                assert line.startswith(tmp)
        else:
            assert list(ds.tables) == [*TABLE_NAMES, *OPTIONAL_TABLES]
            assert len(ds[table]) <= len(body)


def test_missing_table_and_bad_cell_elsewhere_are_reported_together(tmp_path):
    folder = write_csv_folder(
        tmp_path, {"koperasi": csv_with("koperasi", {(2, "nib"): "mungkin"})}
    )
    (folder / "rapat.csv").unlink()

    found = {(Path(p.file).name, p.row, p.column, p.code) for p in problems_of(folder)}

    assert found == {
        ("koperasi.csv", 2, "nib", "bad_yesno"),
        ("rapat.csv", None, None, "table_missing"),
    }


def _wilayah(folder: Path, extra: str = "") -> None:
    (folder / "wilayah.csv").write_text(
        "kode_desa,nama_desa,kode_kec,nama_kec\n"
        "64.02.06.1001,Jahab,64.02.06,Tenggarong\n"
        "99.01.01.2001,Desa Uji,99.01.01,Kecamatan Uji\n"
        "64.02.12.2001,Gunung Sari,64.02.12,Tabang\n" + extra,
        encoding="utf-8",
    )


def test_a_folder_may_bring_its_own_geography(tmp_path):
    koperasi = csv_with("koperasi", {(3, "kode_desa"): "99.01.01.2001"})
    folder = write_csv_folder(tmp_path, {"koperasi": koperasi})
    with pytest.raises(ValidationFailed):  # not a Kukar village
        read_dataset(folder)
    _wilayah(folder)

    dataset = read_dataset(folder)

    assert set(dataset.villages["kode_desa"]) == {
        "64.02.06.1001",
        "99.01.01.2001",
        "64.02.12.2001",
    }
    assert "wilayah.csv" in dataset.file_hashes


def test_own_geography_with_a_repeated_village_is_a_problem(tmp_path):
    folder = write_csv_folder(tmp_path)
    _wilayah(folder, extra="6402061001,Jahab lagi,64.02.06,Tenggarong\n")

    p = only_problem(folder)

    assert (Path(p.file).name, p.row, p.column, p.code) == (
        "wilayah.csv",
        5,
        "kode_desa",
        "duplicate_key",
    )


# --------------------------------------------------- the planner's report (errors.py)


def _p(row, column="omzet", code="not_a_number", file="x/laporan_bulanan.csv", **kw):
    return Problem(file, row, column, code, **kw)


def test_collapse_merges_a_problem_on_consecutive_rows_only():
    problems = [
        _p(2, value="a"),
        _p(3, value="a"),
        _p(3, column="bulan", code="bad_month", value="x"),
        _p(4, value="a"),
        _p(6, value="a"),
    ]

    merged = collapse(problems)

    assert [(p.row, p.last_row, p.column) for p in merged] == [
        (2, 4, "omzet"),
        (3, None, "bulan"),
        (6, None, "omzet"),
    ]
    assert merged[0].n_rows == 3 and not merged[0].varies
    assert (
        merged[0].render()
        == "x/laporan_bulanan.csv:2-4:omzet: 'a' bukan angka (3 baris)"
    )
    assert collapse(merged) == merged  # idempotent


def test_collapse_says_when_the_values_differ():
    merged = collapse([_p(2, value="a"), _p(3, value="b")])

    assert len(merged) == 1 and merged[0].varies
    assert (
        merged[0].render("id").endswith("'a' bukan angka (2 baris; nilai dari baris 2)")
    )
    assert (
        merged[0]
        .render("en")
        .endswith("'a' is not a number (2 rows; value from row 2)")
    )


def test_collapse_keeps_files_severities_and_rowless_problems_apart():
    problems = [
        _p(2),
        _p(3, file="y/laporan_bulanan.csv"),
        _p(3, severity=WARNING),
        _p(None),
        _p(None),
    ]

    assert collapse(problems) == problems


def test_row_problems_one_problem_per_run_of_rows():
    found = row_problems(
        "f.csv",
        "omzet",
        "not_a_number",
        [9, 2, 3, 3, 5],
        {"value": ["i", "a", "b", "b", "e"]},
    )

    assert [(p.row, p.last_row, p.params["value"], p.varies) for p in found] == [
        (2, 3, "a", True),
        (5, None, "e", False),
        (9, None, "i", False),
    ]
    assert row_problems("f.csv", "omzet", "empty", []) == []


def test_report_lines_group_by_file_with_counts_and_a_summary():
    problems = [
        Problem("d/koperasi.csv", 3, "npwp", "bad_yesno", value="mungkin"),
        *[_p(r, file="d/laporan_bulanan.csv", value="abc") for r in range(2, 1002)],
        Problem(
            "d/laporan_bulanan.csv",
            None,
            "bulan",
            "months_not_reported",
            severity=WARNING,
            koperasi_id="K1",
            n=1,
            months="2026-08",
        ),
    ]

    assert report_lines(problems) == [
        "== berkas d/koperasi.csv: 1 galat",
        "d/koperasi.csv:3:npwp: 'mungkin' harus 'ya' atau 'tidak'",
        "== berkas d/laporan_bulanan.csv: 1.000 galat, 1 peringatan",
        "d/laporan_bulanan.csv:2-1001:omzet: 'abc' bukan angka (1.000 baris)",
        "d/laporan_bulanan.csv:bulan: peringatan: K1 tidak punya laporan untuk 1 bulan "
        "sejak laporan pertamanya: 2026-08",
        "1.002 masalah di 2 berkas (1.001 galat, 1 peringatan); perbaiki lalu jalankan "
        "lagi.",
    ]
    english = report_lines(problems, "en")
    assert english[2] == "== file d/laporan_bulanan.csv: 1,000 error(s), 1 warning(s)"
    assert english[3].endswith("(1,000 rows)")
    assert english[-1].startswith("1,002 problem(s) in 2 file(s) (1,001 error(s), 1 ")


def test_report_lines_of_a_command_line_option_have_no_file_header():
    lines = report_lines([Problem("--period", None, None, "period_bad", value="13")])

    assert lines == [
        "--period: periode '13' harus berformat YYYY-MM",
        "1 masalah (1 galat, 0 peringatan); perbaiki lalu jalankan lagi.",
    ]


def test_warnings_only_summary_says_the_data_can_be_used():
    line = report_lines(
        [
            _p(
                2,
                code="date_after_data",
                severity=WARNING,
                value="2026-11-01",
                last="2026-10",
            )
        ]
    )[-1]

    assert line.startswith("1 masalah di 1 berkas (0 galat, 1 peringatan); data tetap")


def test_render_cuts_long_values_and_shows_control_codes():
    p = _p(2, value="x" * 1000 + "\x1b[31m")
    q = _p(2, value="a\x1bb\u0000")

    assert p.render() == f"x/laporan_bulanan.csv:2:omzet: '{'x' * 59}…' bukan angka"
    assert q.render() == "x/laporan_bulanan.csv:2:omzet: 'a\\x1bb\\x00' bukan angka"


def test_a_warning_as_an_error():
    w = _p(2, severity=WARNING, value="a")

    e = w.as_error()

    assert (e.severity, e.params, w.severity) == ("error", {"value": "a"}, "warning")
    assert "peringatan" in w.render() and "peringatan" not in e.render()


def test_validation_failed_survives_pickling_and_reports():
    exc = ValidationFailed([_p(2, value="a"), _p(3, value="a")])

    again = pickle.loads(pickle.dumps(exc))

    assert again.problems == exc.problems
    assert str(again).splitlines() == exc.report()
    assert len(exc.render()) == 2 and len(exc.report()) == 3


# ------------------------------------------------------------- warnings, --strict

LAP_HEADER = GOOD_CSV[LAP][0]


def _reports(*rows: str) -> dict[str, list[str]]:
    return {LAP: [LAP_HEADER, *rows, "K2,2026-10,50,0,0,0,0,0,0,0,0,0"]}


def _k1(month: str) -> str:
    return f"K1,{month},100,30,1000,0,0,0,0,0,3,0"


def test_month_without_report_is_a_warning_kept_on_the_dataset(tmp_path):
    folder = write_csv_folder(tmp_path, _reports(_k1("2026-01"), _k1("2026-05")))

    ds = read_dataset(folder)

    assert [(p.file, p.row, p.column, p.code, p.severity) for p in ds.warnings] == [
        (str(folder / f"{LAP}.csv"), None, "bulan", "months_not_reported", "warning")
    ]
    assert ds.warnings[0].params == {
        "koperasi_id": "K1",
        "n": 8,
        "months": "2026-02\u20132026-04, 2026-06\u20132026-10",
    }


def test_strict_turns_the_warnings_into_errors(tmp_path):
    folder = write_csv_folder(tmp_path, _reports(_k1("2026-01"), _k1("2026-10")))

    p = only_problem_strict(folder)

    assert (p.code, p.severity) == ("months_not_reported", "error")
    assert read_dataset(write_csv_folder(tmp_path / "ok"), strict=True).tables


def only_problem_strict(path: Path) -> Problem:
    with pytest.raises(ValidationFailed) as info:
        read_dataset(path, strict=True)
    assert len(info.value.problems) == 1, info.value.report()
    return info.value.problems[0]


def test_warnings_are_reported_with_the_errors(tmp_path):
    changes = _reports(_k1("2026-01"), "K1,2026-10,100,30,abc,0,0,0,0,0,3,0")

    problems = problems_of(write_csv_folder(tmp_path, changes))

    assert [(p.code, p.severity) for p in problems] == [
        ("not_a_number", "error"),
        ("months_not_reported", "warning"),
    ]


def test_no_gap_warning_for_a_month_that_failed_to_parse(tmp_path):
    changes = _reports(_k1("2026-08"), _k1("2026/09"), _k1("2026-10"))

    assert [p.code for p in problems_of(write_csv_folder(tmp_path, changes))] == [
        "bad_month"
    ]


def test_cooperative_that_never_reported_is_a_warning(tmp_path):
    changes = {LAP: [LAP_HEADER, _k1("2026-10")]}

    ds = read_dataset(write_csv_folder(tmp_path, changes))

    assert [(Path(p.file).name, p.row, p.column, p.code) for p in ds.warnings] == [
        ("koperasi.csv", 3, "koperasi_id", "never_reported")
    ]


def test_no_report_warnings_for_an_empty_report_table(tmp_path):
    ds = read_dataset(write_csv_folder(tmp_path, {LAP: [LAP_HEADER]}))

    assert ds.warnings == []


def test_dates_after_the_last_month_are_warnings(tmp_path):
    changes = {
        "rapat": csv_with("rapat", extra=["K1,01/11/2026,rat,2027"]),
        "unit_usaha": csv_with("unit_usaha", {(3, "tanggal_mulai"): "2026-10-31"}),
    }

    ds = read_dataset(write_csv_folder(tmp_path, changes))

    assert [
        (Path(p.file).name, p.row, p.column, p.code, p.params) for p in ds.warnings
    ] == [
        (
            "rapat.csv",
            3,
            "tanggal",
            "date_after_data",
            {"value": "2026-11-01", "last": "2026-10"},
        ),
        (
            "rapat.csv",
            3,
            "tahun_buku",
            "year_after_data",
            {"value": "2027", "last": "2026-10"},
        ),
    ]


def test_a_month_far_after_the_others_is_a_typo_not_the_end_of_the_data(tmp_path):
    changes = _reports(_k1("2026-09"), _k1("2062-10"))

    ds = read_dataset(write_csv_folder(tmp_path, changes))

    assert [(p.row, p.code, p.params) for p in ds.warnings] == [
        (3, "month_outlier", {"value": "2062-10", "previous": "2026-10"}),
    ]


def test_an_unknown_column_is_a_warning_and_an_empty_one_is_ignored(tmp_path):
    changes = {
        "rapat": [
            "koperasi_id,tanggal,jenis,tahun_buku,catatan,",
            "K1,2026-03-20,rat,2025,ok,",
        ]
    }

    ds = read_dataset(write_csv_folder(tmp_path, changes))

    assert [(p.row, p.column, p.code, p.params) for p in ds.warnings] == [
        (1, None, "column_unknown", {"name": "catatan", "letter": "E"}),
    ]


# ------------------------------------------------------ no exception from a reader


def test_renamed_column_names_the_header_that_looks_like_it(tmp_path):
    lines = [GOOD_CSV[LAP][0].replace("omzet", "Omset"), *GOOD_CSV[LAP][1:]]

    p = only_problem(write_csv_folder(tmp_path, {LAP: lines}))

    assert (p.row, p.column, p.code) == (1, "omzet", "column_missing_similar")
    assert p.render().endswith("ada kolom 'Omset', maksud Anda: omzet?")


def test_repeated_header_is_found_on_the_fast_path(tmp_path):
    changes = {
        "rapat": [
            "koperasi_id,tanggal,jenis,tahun_buku,tanggal",
            "K1,2026-03-20,rat,2025,x",
        ]
    }

    p = only_problem(write_csv_folder(tmp_path, changes))

    assert (p.row, p.column, p.code) == (1, "tanggal", "column_repeated")


def test_nul_byte_anywhere_is_binary(tmp_path):
    folder = write_csv_folder(tmp_path)
    text = "\n".join(GOOD_CSV["rapat"]) + "\n" * 10_000 + "\x00"
    (folder / "rapat.csv").write_text(text, encoding="utf-8")

    assert only_problem(folder).code == "file_not_text"


def test_row_with_the_other_separator_is_named_and_still_read(tmp_path):
    lines = [line.replace(",", ";") for line in GOOD_CSV["unit_usaha"]]
    lines[2] = GOOD_CSV["unit_usaha"][2]

    p = only_problem(write_csv_folder(tmp_path, {"unit_usaha": lines}))

    assert (p.row, p.column, p.code, p.params) == (
        3,
        None,
        "mixed_separator",
        {"found": ",", "sep": ";"},
    )


def test_unclosed_quote_is_named_and_the_lines_still_read(tmp_path):
    lines = csv_with("koperasi")
    lines[2] = lines[2].replace("Koperasi Dua", '"Koperasi Dua')

    p = only_problem(write_csv_folder(tmp_path, {"koperasi": lines}))

    assert (p.row, p.code) == (3, "unclosed_quote")


def test_many_junk_rows_give_one_problem_per_column(tmp_path):
    junk = ",".join(["?"] * 12)
    folder = write_csv_folder(tmp_path, {LAP: [LAP_HEADER, *[junk] * 5000]})

    problems = problems_of(folder)

    assert len(problems) == 12
    assert {(p.row, p.last_row) for p in problems} == {(2, 5001)}


def test_folder_without_csv_is_one_problem(tmp_path):
    (tmp_path / "catatan.txt").write_text("x")

    p = only_problem(tmp_path)

    assert (p.file, p.row, p.code) == (str(tmp_path), None, "no_csv_files")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("data.csv", "path_csv_file"),
        ("data.xls", "path_xls"),
        ("data.txt", "path_not_supported"),
    ],
)
def test_data_path_of_another_kind(tmp_path, name, code):
    path = tmp_path / name
    path.write_text("koperasi_id\nK1\n")

    assert only_problem(path).code == code


def test_reading_a_workbook_never_changes_it(tmp_path):
    book = write_workbook(tmp_path / "data.xlsx", text_frames())
    before = book.read_bytes()

    read_dataset(book)

    assert book.read_bytes() == before


def test_a_month_far_before_the_others_does_not_move_the_end_of_the_data(tmp_path):
    changes = _reports(_k1("2002-09"), _k1("2026-10"))

    ds = read_dataset(write_csv_folder(tmp_path, changes))

    assert [(p.code, p.params["months"]) for p in ds.warnings] == [
        ("months_not_reported", "2002-10\u20132026-09")
    ]


def test_villages_given_by_name_read_as_their_codes(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(BAD_CORPUS / "_base", folder)
    overlay = BAD_CORPUS / "good_village_names" / "input"
    for file in overlay.iterdir():
        shutil.copy(file, folder / file.name)
    dataset = read_dataset(folder)
    assert list(dataset.tables["koperasi"]["kode_desa"]) == [
        "64.02.06.1001",  # Kel. JAHAB, kecamatan Tenggarong
        "64.02.12.2001",  # gunung  sari (one village of that name)
    ]
    assert list(dataset.tables["bumdes"]["kode_desa"]) == ["64.02.12.2001"]
    assert dataset.warnings == []  # the kecamatan column is not an unknown column


def test_a_report_month_in_year_9999_is_read_without_a_crash(tmp_path):
    every_row = {(row, "bulan"): "9999-12" for row in (2, 3, 4)}  # the last month
    folder = write_csv_folder(tmp_path, {LAP: csv_with(LAP, every_row)})
    try:
        dataset = read_dataset(folder)
    except ValidationFailed as exc:  # a problem list is fine; a crash is not
        assert exc.problems
    else:
        assert dataset.last_month == "9999-12"

"""The intake workbook of ``kmp template``: its structure, and that it reads back.

The round trip fills the empty template with the shipped sample data the way a
planner types it (text as text, numbers as numbers, dates as Excel date cells) and
expects :func:`read_dataset` to give exactly the tables of the sample CSV folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl.workbook.workbook import Workbook

from kmp_analysis import reference
from kmp_analysis.errors import ValidationFailed
from kmp_analysis.evaluation import evaluate
from kmp_analysis.io import read_dataset, write_template
from kmp_analysis.paths import SAMPLE_DIR
from kmp_analysis.schema import TABLES

SHEETS = [
    "petunjuk",
    "koperasi",
    "unit_usaha",
    "laporan_bulanan",
    "rapat",
    "pengurus",
    "bumdes",
    "pelatihan",
    "pendampingan",
    "pembiayaan",
    "desa",
]

# Copied by hand from DESIGN §3.
HEADERS = {
    "koperasi": [
        "koperasi_id",
        "nama_koperasi",
        "kode_desa",
        "tanggal_musdes",
        "tanggal_badan_hukum",
        "nib",
        "npwp",
        "rekening_bank",
        "nik_koperasi",
        "akun_simkopdes",
        "status_pinjaman",
        "plafon_pinjaman",
    ],
    "unit_usaha": ["koperasi_id", "unit", "status", "tanggal_mulai"],
    "laporan_bulanan": [
        "koperasi_id",
        "bulan",
        "anggota_terdaftar",
        "anggota_aktif",
        "omzet",
        "pendapatan_usaha",
        "biaya_operasional",
        "pinjaman_beredar",
        "pinjaman_tunggak_30",
        "simpanan_anggota",
        "tenaga_kerja",
        "pembelian_produk_lokal",
    ],
    "rapat": ["koperasi_id", "tanggal", "jenis", "tahun_buku"],
    "pengurus": [
        "koperasi_id",
        "id_orang",
        "peran",
        "jenis_kelamin",
        "jenjang_pelatihan",
    ],
    "bumdes": ["kode_desa", "nama_bumdes", "status", "unit_usaha", "kerja_sama_kmp"],
    "pelatihan": [
        "koperasi_id",
        "id_orang",
        "jenjang",
        "tanggal_mulai",
        "tanggal_selesai",
        "penyelenggara",
        "lulus",
    ],
    "pendampingan": [
        "koperasi_id",
        "pendamping_id",
        "tanggal_mulai",
        "tanggal_selesai",
    ],
    "pembiayaan": ["koperasi_id", "tanggal_cair", "jumlah", "bank"],
}

YA_TIDAK = "ya,tidak"
# (sheet, column letter) -> the drop-down list, as DESIGN §3 gives the choices.
LISTS = {
    ("koperasi", "F"): YA_TIDAK,  # nib
    ("koperasi", "G"): YA_TIDAK,  # npwp
    ("koperasi", "H"): YA_TIDAK,  # rekening_bank
    ("koperasi", "I"): YA_TIDAK,  # nik_koperasi
    ("koperasi", "J"): YA_TIDAK,  # akun_simkopdes
    ("koperasi", "K"): "belum,diajukan,disetujui,dicairkan",
    ("unit_usaha", "B"): (
        "kantor,sembako,simpan_pinjam,klinik,apotek,gudang,logistik,usaha_lokal"
    ),
    ("unit_usaha", "C"): "rencana,beroperasi,berhenti",
    ("rapat", "C"): "rat,rapat_anggota,rapat_pengurus",
    ("pengurus", "C"): (
        "ketua,wakil_ketua_usaha,wakil_ketua_anggota,sekretaris,bendahara,"
        "pengurus_lain,pengawas"
    ),
    ("pengurus", "D"): "L,P",
    ("pengurus", "E"): "belum,dasar,menengah,lanjut",
    ("bumdes", "C"): "aktif,tidak_aktif",
    ("bumdes", "E"): YA_TIDAK,
    ("pelatihan", "C"): "dasar,menengah,lanjut",
    ("pelatihan", "G"): YA_TIDAK,
}
DESA_LIST = "desa!$A$2:$A$238"
KODE_DESA_COLUMNS = {("koperasi", "C"), ("bumdes", "A")}


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def template_path(tmp_path_factory) -> Path:
    return write_template(tmp_path_factory.mktemp("tpl") / "template.xlsx")


@pytest.fixture(scope="module")
def book(template_path) -> Workbook:
    return openpyxl.load_workbook(template_path)


@pytest.fixture(scope="module")
def book_en(tmp_path_factory) -> Workbook:
    path = write_template(tmp_path_factory.mktemp("tpl_en") / "t.xlsx", lang="en")
    return openpyxl.load_workbook(path)


def _typed(kind: str, text: str) -> object:
    """A CSV cell as a planner types it into Excel."""
    if text == "":
        return None
    if kind in ("int", "money"):
        return int(text)
    if kind == "date":
        return dt.datetime.strptime(text, "%Y-%m-%d")
    return text  # codes, names, choices, ya/tidak and YYYY-MM stay text


@pytest.fixture(scope="module")
def filled(template_path, tmp_path_factory) -> Path:
    """The template filled with the sample data, cell by cell."""
    wb = openpyxl.load_workbook(template_path)
    for name, spec in TABLES.items():
        frame = pd.read_csv(
            SAMPLE_DIR / f"{name}.csv", dtype=str, keep_default_na=False
        )
        ws = wb[name]
        kinds = [spec.col(c).kind for c in frame.columns]
        for r, record in enumerate(frame.itertuples(index=False), start=2):
            for c, (kind, text) in enumerate(zip(kinds, record, strict=True), 1):
                value = _typed(kind, text)
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
    out = tmp_path_factory.mktemp("filled") / "filled.xlsx"
    wb.save(out)
    return out


@pytest.fixture(scope="module")
def sample(sample_dataset):
    return sample_dataset


@pytest.fixture(scope="module")
def from_filled(filled):
    return read_dataset(filled)


def _validations(ws) -> dict[str, tuple[str, str]]:
    """Column letter -> (list source, cell range) of every list validation."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list"
        for rng in dv.sqref.ranges:
            out[rng.coord.split(":")[0].rstrip("0123456789")] = (dv.formula1, rng.coord)
    return out


# --------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("name", list(TABLES))
def test_filled_template_reads_back_as_the_sample(name, sample, from_filled):
    expected = sample[name].reset_index(drop=True)
    got = from_filled[name].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected)


def test_filled_template_evaluates_to_the_same_classes(sample, from_filled):
    a = evaluate(sample).cooperatives
    b = evaluate(from_filled).cooperatives
    assert b["koperasi_id"].tolist() == a["koperasi_id"].tolist()
    assert b["kelas"].tolist() == a["kelas"].tolist()


def test_accepted_formats_read_as_petunjuk_says(template_path, tmp_path):
    wb = openpyxl.load_workbook(template_path)
    wb["koperasi"].append(
        [
            "KMP-1",
            "Koperasi Uji",
            "6402012001",  # compact kode_desa
            "28/05/2025",  # dd/mm/yyyy typed as text
            "2025-06-16",  # yyyy-mm-dd typed as text
            "Ya",
            "tidak",
            "ya",
            "TIDAK",
            "ya",
            "disetujui",
            "Rp 1.250.000",
        ]
    )
    wb["laporan_bulanan"].append(
        # bulan as a date cell (Excel's own conversion of 2025-10), money as text
        ["KMP-1", dt.datetime(2025, 10, 1), 72, 25, "1.250.000", 0]
    )
    path = tmp_path / "formats.xlsx"
    wb.save(path)

    ds = read_dataset(path)

    kop = ds["koperasi"].iloc[0]
    assert kop["kode_desa"] == "64.02.01.2001"
    assert kop["tanggal_musdes"] == pd.Timestamp("2025-05-28")
    assert kop["tanggal_badan_hukum"] == pd.Timestamp("2025-06-16")
    assert [bool(kop[c]) for c in HEADERS["koperasi"][5:10]] == [
        True,
        False,
        True,
        False,
        True,
    ]
    assert kop["plafon_pinjaman"] == 1_250_000
    lap = ds["laporan_bulanan"].iloc[0]
    assert (lap["bulan"], lap["omzet"], lap["anggota_aktif"]) == ("2025-10", 1.25e6, 25)


def test_empty_template_reads_as_empty_tables(template_path):
    ds = read_dataset(template_path)

    assert {name: len(frame) for name, frame in ds.tables.items()} == dict.fromkeys(
        HEADERS, 0
    )
    assert ds.last_month is None
    assert [p.code for p in ds.warnings] == ["no_cooperatives"]
    with pytest.raises(ValidationFailed) as err:  # nothing to evaluate yet
        evaluate(ds)
    assert [p.code for p in err.value.problems] == ["period_no_data"]


# --------------------------------------------------------------------------- structure


def test_sheets_in_order(book):
    assert book.sheetnames == SHEETS
    assert book.active.title == "petunjuk"


@pytest.mark.parametrize("name", list(HEADERS))
def test_header_row_is_the_column_names(book, name):
    ws = book[name]
    header = [cell.value for cell in ws[1]]
    assert header == HEADERS[name] == TABLES[name].column_names
    assert all(cell.font.bold for cell in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.max_row == 1  # empty: nothing below the header
    assert all(cell.comment is not None and cell.comment.text for cell in ws[1])
    widths = [ws.column_dimensions[cell.column_letter].width for cell in ws[1]]
    assert all(10 <= w <= 40 for w in widths)


def test_header_comment_explains_the_column(book):
    status = book["koperasi"]["K1"].comment.text
    assert status.startswith("status_pinjaman\n")
    assert "Pilihan: belum, diajukan, disetujui, dicairkan." in status
    assert "Wajib diisi." in status
    key = book["laporan_bulanan"]["B1"].comment.text
    assert "Format: bulan YYYY-MM." in key
    assert "kombinasi koperasi_id + bulan tidak boleh berulang" in key
    assert "Contoh: 2025-10" in key
    money = book["koperasi"]["L1"].comment.text
    assert "Rp 1.250.000" in money and "Boleh kosong." in money


@pytest.mark.parametrize("name", list(HEADERS))
def test_lists_on_every_enum_and_yesno_column(book, name):
    found = _validations(book[name])
    expected = {
        letter: (f'"{choices}"', f"{letter}2:{letter}5000")
        for (sheet, letter), choices in LISTS.items()
        if sheet == name
    }
    expected |= {
        letter: (DESA_LIST, f"{letter}2:{letter}5000")
        for sheet, letter in KODE_DESA_COLUMNS
        if sheet == name
    }
    assert found == expected  # rows 2..5000: room for every cooperative of a regency
    for dv in book[name].data_validations.dataValidation:  # Excel's own limits
        assert len(dv.formula1) <= 255 and len(dv.error) <= 225
        assert len(dv.errorTitle) <= 32


def test_lists_warn_in_indonesian(book):
    dv = next(
        v for v in book["pengurus"].data_validations.dataValidation if "D2" in v.sqref
    )
    assert dv.showErrorMessage
    assert dv.errorStyle == "warning"
    assert dv.error == "Pilih salah satu dari daftar: L, P."
    desa = next(
        v
        for v in book["koperasi"].data_validations.dataValidation
        if v.formula1 == DESA_LIST
    )
    assert "sheet desa" in desa.error


def test_desa_sheet_lists_the_official_villages(book):
    ws = book["desa"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("kode_desa", "nama_desa", "kode_kec", "nama_kec")
    assert rows[1] == ("64.02.01.2001", "Perian", "64.02.01", "Muara Muntai")
    assert len(rows) - 1 == 237
    assert [r[0] for r in rows[1:]] == reference.villages()["kode_desa"].tolist()


def test_code_columns_are_text(book):
    def fmt(sheet: str, letter: str) -> str:
        return book[sheet].column_dimensions[letter].number_format

    text = [
        ("koperasi", "A"),  # koperasi_id
        ("koperasi", "C"),  # kode_desa
        ("koperasi", "F"),  # nib
        ("laporan_bulanan", "B"),  # bulan: YYYY-MM stays text, not a date
        ("pengurus", "B"),  # id_orang
        ("bumdes", "A"),  # kode_desa
        ("desa", "A"),
        ("desa", "C"),
    ]
    assert [fmt(*c) for c in text] == ["@"] * len(text)
    assert fmt("koperasi", "D") == "dd/mm/yyyy"
    assert fmt("laporan_bulanan", "E") == "#,##0"


def test_petunjuk_is_indonesian_by_default(book):
    text = "\n".join(
        str(v) for row in book["petunjuk"].iter_rows(values_only=True) for v in row if v
    )
    assert text.startswith("Petunjuk pengisian")
    for phrase in (
        "kmp validate --data FILE.xlsx",
        "dd/mm/yyyy",
        "yyyy-mm-dd",
        "Rp 1.250.000",
        "YYYY-MM",
        "ya atau tidak",
        "sheet desa",
        "daftar pilihan",
        "satu koperasi",
    ):
        assert phrase in text, phrase


def test_english_on_request(book_en):
    petunjuk = "\n".join(
        str(v)
        for row in book_en["petunjuk"].iter_rows(values_only=True)
        for v in row
        if v
    )
    assert petunjuk.startswith("How to fill in")
    assert "kmp validate --data FILE.xlsx" in petunjuk
    assert "Petunjuk" not in petunjuk
    assert book_en.sheetnames == SHEETS  # the reader needs the same names
    comment = book_en["koperasi"]["A1"].comment.text
    assert "Unique cooperative code" in comment and "KEY" in comment
    dv = next(
        v for v in book_en["bumdes"].data_validations.dataValidation if "C2" in v.sqref
    )
    assert dv.error == "Choose one of the list: aktif, tidak_aktif."


def test_unknown_language_or_suffix_is_refused(tmp_path):
    with pytest.raises(ValueError):
        write_template(tmp_path / "t.xlsx", lang="fr")
    with pytest.raises(ValueError):
        write_template(tmp_path / "t.xls")
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- atomic


def test_write_replaces_an_existing_file_whole(tmp_path):
    out = tmp_path / "template.xlsx"
    out.write_bytes(b"an old, broken file")

    assert write_template(out) == out

    assert [p.name for p in tmp_path.iterdir()] == ["template.xlsx"]
    assert openpyxl.load_workbook(out).sheetnames == SHEETS


def test_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "template.xlsx"
    out.write_bytes(b"old")

    def half_save(self, filename):
        Path(filename).write_bytes(b"PK half")
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", half_save)
    with pytest.raises(OSError):
        write_template(out)

    assert [p.name for p in tmp_path.iterdir()] == ["template.xlsx"]
    assert out.read_bytes() == b"old"


def test_the_template_command_writes_the_workbook(tmp_path):
    from typer.testing import CliRunner

    from kmp_analysis.cli import app

    target = tmp_path / "isian" / "templat.xlsx"
    result = CliRunner().invoke(app, ["template", "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert f"Templat isian ditulis ke {target}" in result.output
    assert openpyxl.load_workbook(target).sheetnames[0] == "petunjuk"

    refused = CliRunner().invoke(app, ["template", "--out", str(tmp_path / "t.csv")])
    assert refused.exit_code == 2
    assert not (tmp_path / "t.csv").exists()

"""The empty intake workbook planners fill in by hand (``kmp template``).

:func:`write_template` writes one ``.xlsx`` that :func:`kmp_analysis.io.read_dataset`
reads back: a ``petunjuk`` sheet (how to fill it in), one sheet per table of
:data:`kmp_analysis.schema.TABLES` with the exact column names in row 1, and a
``desa`` sheet listing the 237 official villages to look codes up. Every header cell
carries a comment that explains its column; enumerated and yes/no columns get
drop-down lists, and ``kode_desa`` a drop-down fed by the ``desa`` sheet.

Everything is generated from the schema, so the template cannot drift from what the
reader expects; the per-column sentences below only add what the schema cannot say
(what the column means). The reader ignores the ``petunjuk`` and ``desa`` sheets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kmp_analysis import reference
from kmp_analysis.config import check_lang
from kmp_analysis.safeio import atomic_path
from kmp_analysis.schema import TABLES, Col, Table

PETUNJUK_SHEET = "petunjuk"
DESA_SHEET = "desa"
DESA_COLUMNS = ("kode_desa", "nama_desa", "kode_kec", "nama_kec")
#: Last spreadsheet row covered by drop-down lists (row 1 is the header).
LAST_ROW = 5000
YESNO_CHOICES = ("ya", "tidak")

#: Cell format per column kind. Codes, choices and months are text ("@") so that
#: Excel keeps leading zeros and does not turn ``64.02.01.2001`` into a number or
#: ``2025-10`` into a date; numbers get a thousands separator, dates dd/mm/yyyy.
_NUMBER_FORMAT = {
    "text": "@",
    "id": "@",
    "kode_desa": "@",
    "enum": "@",
    "yesno": "@",
    "month": "@",
    "date": "dd/mm/yyyy",
    "int": "0",
    "money": "#,##0",
}

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)

# --------------------------------------------------------------------------- text

#: Short phrases used to build the comments and messages, per language.
_UI: dict[str, dict[str, str]] = {
    "id": {
        "type": "Format",
        "choices": "Pilihan",
        "example": "Contoh",
        "required": "Wajib diisi.",
        "optional": "Boleh kosong.",
        "key_one": "KUNCI: nilainya tidak boleh berulang di sheet ini.",
        "key_many": "Bagian dari KUNCI: kombinasi {cols} tidak boleh berulang.",
        "list_title": "Nilai tidak ada di daftar",
        "list_error": "Pilih salah satu dari daftar: {choices}.",
        "desa_title": "Kode desa tidak dikenal",
        "desa_error": (
            "Kode ini tidak ada di sheet desa. Salin kode_desa dari sheet desa, "
            "misalnya 64.02.01.2001."
        ),
    },
    "en": {
        "type": "Format",
        "choices": "Choices",
        "example": "Example",
        "required": "Required.",
        "optional": "May be left empty.",
        "key_one": "KEY: a value may not repeat on this sheet.",
        "key_many": "Part of the KEY: the combination {cols} may not repeat.",
        "list_title": "Value not in the list",
        "list_error": "Choose one of the list: {choices}.",
        "desa_title": "Unknown village code",
        "desa_error": (
            "This code is not on the desa sheet. Copy kode_desa from the desa "
            "sheet, e.g. 64.02.01.2001."
        ),
    },
}

#: What each column kind accepts, as a planner reads it.
_KIND_TEXT: dict[str, dict[str, str]] = {
    "id": {
        "text": "teks bebas",
        "id": "kode (teks); tulis persis sama di setiap sheet",
        "kode_desa": (
            "kode desa Kemendagri seperti 64.02.01.2001 (6402012001 juga diterima); "
            "cari di sheet desa"
        ),
        "int": "bilangan bulat 0 atau lebih, tanpa desimal",
        "money": (
            "rupiah utuh, 0 atau lebih, tanpa sen; 1250000, 1.250.000 dan "
            "Rp 1.250.000 diterima"
        ),
        "date": "tanggal dd/mm/yyyy, yyyy-mm-dd atau sel tanggal Excel",
        "month": "bulan YYYY-MM",
        "yesno": "ya atau tidak",
        "enum": "pilih dari daftar",
    },
    "en": {
        "text": "free text",
        "id": "code (text); write it exactly the same on every sheet",
        "kode_desa": (
            "Kemendagri village code such as 64.02.01.2001 (6402012001 accepted "
            "too); look it up on the desa sheet"
        ),
        "int": "whole number, 0 or more, no decimals",
        "money": (
            "whole rupiah, 0 or more, no cents; 1250000, 1.250.000 and "
            "Rp 1.250.000 accepted"
        ),
        "date": "date as dd/mm/yyyy, yyyy-mm-dd or an Excel date cell",
        "month": "month as YYYY-MM",
        "yesno": "ya (yes) or tidak (no)",
        "enum": "choose from the list",
    },
}

#: A typical value per column kind (columns listed in _EXAMPLES override it).
_KIND_EXAMPLE = {
    "kode_desa": "64.02.01.2001",
    "int": "72",
    "money": "1250000",
    "date": "28/05/2025",
    "month": "2025-10",
    "yesno": "ya",
}

_EXAMPLES: dict[tuple[str, str], str] = {
    ("koperasi", "koperasi_id"): "KMP-6402012001",
    ("koperasi", "nama_koperasi"): "Koperasi Desa Merah Putih Perian",
    ("koperasi", "plafon_pinjaman"): "2500000000",
    ("unit_usaha", "status"): "beroperasi",
    ("laporan_bulanan", "anggota_aktif"): "25",
    ("laporan_bulanan", "omzet"): "12500000",
    ("laporan_bulanan", "tenaga_kerja"): "3",
    ("rapat", "jenis"): "rat",
    ("rapat", "tahun_buku"): "2025",
    ("pengurus", "id_orang"): "P01",
    ("bumdes", "nama_bumdes"): "BUMDes Sejahtera",
    ("bumdes", "unit_usaha"): "sewa tenda;air bersih",
}

#: One row of each table is one ... (petunjuk), per language.
_ROW_IS: dict[str, dict[str, str]] = {
    "koperasi": {"id": "satu koperasi", "en": "one cooperative"},
    "unit_usaha": {
        "id": "satu unit usaha dari satu koperasi",
        "en": "one business unit of one cooperative",
    },
    "laporan_bulanan": {
        "id": "laporan satu koperasi untuk satu bulan",
        "en": "one cooperative's report for one month",
    },
    "rapat": {"id": "satu rapat", "en": "one meeting"},
    "pengurus": {
        "id": "satu pengurus atau pengawas",
        "en": "one board or supervisory member",
    },
    "bumdes": {
        "id": "satu BUMDes (satu per desa)",
        "en": "one village enterprise (one per village)",
    },
}

_CHILD_ID = (
    "Koperasi yang dimaksud; harus ada di sheet koperasi.",
    "The cooperative; it must be on the koperasi sheet.",
)

#: What each column means, where the schema cannot say it: (Indonesian, English).
_NOTES: dict[str, dict[str, tuple[str, str]]] = {
    "koperasi": {
        "koperasi_id": (
            "Kode unik koperasi yang Anda tentukan (mis. KMP- dan kode desa tanpa "
            "titik). Kode yang sama dipakai di sheet lain.",
            "Unique cooperative code of your choosing (e.g. KMP- and the village "
            "code without dots). The same code is used on the other sheets.",
        ),
        "nama_koperasi": ("Nama lengkap koperasi.", "Full name of the cooperative."),
        "kode_desa": (
            "Desa/kelurahan tempat koperasi berada.",
            "Village where the cooperative is.",
        ),
        "tanggal_musdes": (
            "Tanggal musyawarah desa (musdes) yang membentuk koperasi.",
            "Date of the village assembly (musdes) that founded the cooperative.",
        ),
        "tanggal_badan_hukum": (
            "Tanggal pengesahan badan hukum. Kosongkan bila belum berbadan hukum.",
            "Date the legal entity was approved. Leave empty if not yet.",
        ),
        "nib": (
            "Sudah punya NIB (Nomor Induk Berusaha)? Tulis ya/tidak, bukan nomornya.",
            "Has a business ID (NIB)? Write ya/tidak, not the number.",
        ),
        "npwp": (
            "Sudah punya NPWP atas nama koperasi? Tulis ya/tidak.",
            "Has a tax number (NPWP) of its own? Write ya/tidak.",
        ),
        "rekening_bank": (
            "Sudah punya rekening bank atas nama koperasi?",
            "Has a bank account in the cooperative's name?",
        ),
        "nik_koperasi": (
            "Sudah punya NIK (Nomor Induk Koperasi)? Tulis ya/tidak.",
            "Has a cooperative registration number (NIK)? Write ya/tidak.",
        ),
        "akun_simkopdes": (
            "Sudah punya akun SIMKOPDES?",
            "Has a SIMKOPDES account?",
        ),
        "status_pinjaman": (
            "Pinjaman modal dari bank: belum (belum mengajukan), diajukan, "
            "disetujui, dicairkan (dana sudah diterima).",
            "Bank loan for capital: belum (not applied), diajukan (applied), "
            "disetujui (approved), dicairkan (disbursed).",
        ),
        "plafon_pinjaman": (
            "Plafon pinjaman bank dalam rupiah. Kosongkan bila belum ada.",
            "Bank loan ceiling in rupiah. Leave empty if none yet.",
        ),
    },
    "unit_usaha": {
        "koperasi_id": _CHILD_ID,
        "unit": (
            "Jenis unit usaha. Satu baris per unit per koperasi.",
            "Kind of business unit. One row per unit per cooperative.",
        ),
        "status": (
            "Keadaan unit sekarang: rencana, beroperasi atau berhenti.",
            "State of the unit now: planned, operating or stopped.",
        ),
        "tanggal_mulai": (
            "Tanggal unit mulai beroperasi. Kosongkan bila belum.",
            "Date the unit started operating. Leave empty if not yet.",
        ),
    },
    "laporan_bulanan": {
        "koperasi_id": _CHILD_ID,
        "bulan": (
            "Bulan laporan. Bulan tanpa laporan: jangan buat barisnya (jangan isi 0).",
            "Month reported. A month without a report: no row (do not fill in 0).",
        ),
        "anggota_terdaftar": (
            "Jumlah anggota terdaftar pada akhir bulan.",
            "Registered members at the end of the month.",
        ),
        "anggota_aktif": (
            "Anggota yang bertransaksi dengan koperasi bulan itu. Tidak boleh lebih "
            "dari anggota_terdaftar.",
            "Members who transacted with the cooperative that month. Not more than "
            "anggota_terdaftar.",
        ),
        "omzet": (
            "Omzet (nilai penjualan) bulan itu. Isi 0 bila tidak ada transaksi.",
            "Turnover (sales) of the month. Fill in 0 if there was no trade.",
        ),
        "pendapatan_usaha": (
            "Pendapatan usaha bulan itu.",
            "Operating income of the month.",
        ),
        "biaya_operasional": (
            "Biaya operasional bulan itu.",
            "Operating costs of the month.",
        ),
        "pinjaman_beredar": (
            "Sisa pinjaman kepada anggota yang masih beredar pada akhir bulan. "
            "Kosongkan bila tidak ada usaha simpan pinjam.",
            "Loans to members outstanding at the end of the month. Leave empty "
            "without a savings-and-loan business.",
        ),
        "pinjaman_tunggak_30": (
            "Bagian pinjaman beredar yang menunggak lebih dari 30 hari. Tidak boleh "
            "lebih dari pinjaman_beredar.",
            "Part of the outstanding loans more than 30 days in arrears. Not more "
            "than pinjaman_beredar.",
        ),
        "simpanan_anggota": (
            "Jumlah simpanan anggota pada akhir bulan.",
            "Members' savings at the end of the month.",
        ),
        "tenaga_kerja": (
            "Jumlah orang yang bekerja di koperasi bulan itu.",
            "People working for the cooperative that month.",
        ),
        "pembelian_produk_lokal": (
            "Nilai pembelian produk dari produsen lokal (desa sekitar) bulan itu.",
            "Value of products bought from local producers that month.",
        ),
    },
    "rapat": {
        "koperasi_id": _CHILD_ID,
        "tanggal": ("Tanggal rapat.", "Date of the meeting."),
        "jenis": (
            "rat = Rapat Anggota Tahunan; rapat_anggota = rapat anggota lainnya; "
            "rapat_pengurus = rapat pengurus.",
            "rat = annual members' meeting; rapat_anggota = other members' "
            "meeting; rapat_pengurus = board meeting.",
        ),
        "tahun_buku": (
            "Tahun buku yang dibahas RAT. Wajib untuk RAT, kosongkan untuk rapat lain.",
            "Fiscal year the RAT covers. Required for a RAT, empty for others.",
        ),
    },
    "pengurus": {
        "koperasi_id": _CHILD_ID,
        "id_orang": (
            "Kode orang, unik dalam satu koperasi (mis. P01). Jangan tulis nama "
            "atau NIK.",
            "Person code, unique within one cooperative (e.g. P01). Do not write "
            "names or ID numbers.",
        ),
        "peran": ("Jabatan orang itu.", "The person's role."),
        "jenis_kelamin": (
            "L = laki-laki, P = perempuan.",
            "L = male, P = female.",
        ),
        "jenjang_pelatihan": (
            "Pelatihan perkoperasian tertinggi yang sudah diikuti.",
            "Highest cooperative training completed.",
        ),
    },
    "bumdes": {
        "kode_desa": (
            "Desa tempat BUMDes. Satu baris per desa.",
            "Village of the enterprise. One row per village.",
        ),
        "nama_bumdes": ("Nama BUMDes.", "Name of the village enterprise."),
        "status": (
            "aktif atau tidak_aktif.",
            "aktif (active) or tidak_aktif (inactive).",
        ),
        "unit_usaha": (
            "Usaha BUMDes, dipisah titik koma (;): nama unit koperasi (sembako, "
            "gudang, ...) atau teks bebas.",
            "The enterprise's businesses, separated by ';': cooperative unit names "
            "(sembako, gudang, ...) or free text.",
        ),
        "kerja_sama_kmp": (
            "Apakah BUMDes bekerja sama dengan koperasi (KMP) di desanya?",
            "Does the enterprise work with the village cooperative (KMP)?",
        ),
    },
}

_PETUNJUK_TEXT: dict[str, dict[str, Any]] = {
    "id": {
        "title": "Petunjuk pengisian: data Koperasi Desa/Kelurahan Merah Putih (KMP)",
        "intro": [
            "Workbook ini untuk data KMP Kabupaten Kutai Kartanegara.",
            "Ada satu sheet per tabel. Jangan ganti nama sheet, jangan ubah baris 1 "
            "(nama kolom).",
            "Isi mulai baris 2, satu baris per data (lihat tabel di bawah). Baris "
            "kosong dilewati.",
            "Arahkan mouse ke nama kolom di baris 1: catatannya menjelaskan isi, "
            "format dan contoh.",
        ],
        "tables_head": (
            "sheet",
            "satu baris berisi",
            "kolom kunci (tidak boleh berulang)",
        ),
        "formats_head": "Cara menulis nilai",
        "formats": [
            "Tanggal: dd/mm/yyyy (28/05/2025), yyyy-mm-dd (2025-05-28) atau sel "
            "tanggal Excel. Paling aman: 2025-05-28.",
            "Bulan: YYYY-MM, misalnya 2025-10.",
            "Uang: rupiah utuh tanpa sen. 1250000, 1.250.000 dan Rp 1.250.000 "
            "diterima.",
            "Ya/tidak: tulis ya atau tidak.",
            "Jumlah orang: bilangan bulat, misalnya 72.",
            "Kolom yang boleh kosong: kosongkan sel bila datanya belum ada.",
            "Bulan tanpa laporan: jangan buat baris di laporan_bulanan (jangan isi 0).",
        ],
        "lists_head": "Daftar pilihan",
        "lists": [
            "Kolom dengan panah kecil di sel punya daftar pilihan: pilih dari daftar.",
            "Bila Anda mengetik nilai lain, Excel memperingatkan. Nilai yang diketik "
            "tetap diperiksa oleh kmp validate.",
            "kode_desa: ambil dari sheet desa (237 desa/kelurahan resmi, kode "
            "Kemendagri).",
            "koperasi_id di sheet lain harus sama persis dengan di sheet koperasi.",
        ],
        "check_head": "Memeriksa file yang sudah diisi",
        "check": [
            "Simpan sebagai .xlsx, lalu jalankan:",
            "    kmp validate --data FILE.xlsx",
            "Setiap masalah tampil sebagai file[sheet]:baris:kolom: pesan. Perbaiki, "
            "lalu periksa lagi sampai tidak ada masalah.",
            "Sheet petunjuk dan desa tidak dibaca sebagai data.",
        ],
    },
    "en": {
        "title": "How to fill in: village cooperative (KMP) data",
        "intro": [
            "This workbook is for the KMP data of Kutai Kartanegara regency.",
            "There is one sheet per table. Do not rename sheets or change row 1 "
            "(column names).",
            "Start on row 2, one row per record (see the table below). Empty rows "
            "are skipped.",
            "Hover over a column name in row 1: its note gives the meaning, format "
            "and an example.",
        ],
        "tables_head": ("sheet", "one row holds", "key columns (may not repeat)"),
        "formats_head": "How to write values",
        "formats": [
            "Dates: dd/mm/yyyy (28/05/2025), yyyy-mm-dd (2025-05-28) or an Excel "
            "date cell. Safest: 2025-05-28.",
            "Months: YYYY-MM, e.g. 2025-10.",
            "Money: whole rupiah, no cents. 1250000, 1.250.000 and Rp 1.250.000 are "
            "accepted.",
            "Yes/no: write ya (yes) or tidak (no).",
            "Counts of people: whole numbers, e.g. 72.",
            "Columns that may be empty: leave the cell empty if there is no data yet.",
            "A month without a report: no row in laporan_bulanan (do not fill in 0).",
        ],
        "lists_head": "Drop-down lists",
        "lists": [
            "Columns with a small arrow in the cell have a list: choose from it.",
            "If you type another value, Excel warns you. Typed values are still "
            "checked by kmp validate.",
            "kode_desa: take it from the desa sheet (the 237 official villages, "
            "Kemendagri codes).",
            "koperasi_id on the other sheets must match the koperasi sheet exactly.",
        ],
        "check_head": "Checking the filled file",
        "check": [
            "Save it as .xlsx, then run:",
            "    kmp validate --data FILE.xlsx",
            "Each problem is shown as file[sheet]:row:column: message. Fix them and "
            "check again until there are none.",
            "The petunjuk and desa sheets are not read as data.",
        ],
    },
}


# --------------------------------------------------------------------------- writing


def write_template(out: str | Path, lang: str = "id") -> Path:
    """Write the empty intake workbook to ``out`` (``.xlsx``) and return its path.

    The file is built in a temporary file beside ``out`` and renamed into place, so
    ``out`` is either the old file or the complete new one, never a part.
    """
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValueError(f"the template must be an .xlsx file, not {out.name!r}")
    book = build_template(lang)
    with atomic_path(out) as tmp:
        book.save(tmp)
    return out


def build_template(lang: str = "id") -> Workbook:
    """The intake workbook in memory (see :func:`write_template`)."""
    check_lang(lang)
    villages = reference.villages()
    book = Workbook()
    book.properties.title = _PETUNJUK_TEXT[lang]["title"]
    book.properties.creator = "kmp_analysis"
    _write_petunjuk(book.active, lang)
    desa_range = f"{DESA_SHEET}!$A$2:$A${len(villages) + 1}"
    for spec in TABLES.values():
        _write_table_sheet(book.create_sheet(spec.name), spec, desa_range, lang)
    _write_desa(book.create_sheet(DESA_SHEET), villages)
    book.active = 0
    return book


def column_comment(table: str, col: Col, lang: str = "id") -> str:
    """The header-cell note of one column: meaning, format, choices, key, example."""
    ui = _UI[lang]
    spec = TABLES[table]
    lines = [col.name]
    note = _NOTES.get(table, {}).get(col.name)
    if note:
        lines.append(note[0] if lang == "id" else note[1])
    lines.append(f"{ui['type']}: {_KIND_TEXT[lang][col.kind]}.")
    if col.kind == "enum":  # yes/no columns already say "ya atau tidak"
        lines.append(f"{ui['choices']}: {', '.join(col.choices)}.")
    if col.name in spec.key:
        if len(spec.key) == 1:
            lines.append(ui["key_one"])
        else:
            lines.append(ui["key_many"].format(cols=" + ".join(spec.key)))
    lines.append(ui["required"] if col.required else ui["optional"])
    lines.append(f"{ui['example']}: {_example(table, col)}")
    return "\n".join(lines)


def _choices(col: Col) -> tuple[str, ...]:
    """The drop-down values of a column; empty where it has no list of its own."""
    if col.kind == "enum":
        return col.choices
    if col.kind == "yesno":
        return YESNO_CHOICES
    return ()


def _example(table: str, col: Col) -> str:
    if (table, col.name) in _EXAMPLES:
        return _EXAMPLES[(table, col.name)]
    if col.name == "koperasi_id":
        return _EXAMPLES[("koperasi", "koperasi_id")]
    if col.kind == "enum":
        return col.choices[0]
    return _KIND_EXAMPLE.get(col.kind, col.name)


def _width(table: str, col: Col) -> float:
    """A column width that shows the name and a typical value without cropping."""
    longest = max(
        [len(col.name), len(_example(table, col))] + [len(c) for c in _choices(col)]
    )
    return float(min(max(longest + 3, 10), 40))


def _write_table_sheet(ws: Worksheet, spec: Table, desa_range: str, lang: str) -> None:
    ui = _UI[lang]
    for index, col in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index, value=col.name)
        cell.font = _BOLD
        text = column_comment(spec.name, col, lang)
        comment = Comment(text, "kmp template")
        comment.width = 320
        comment.height = 24 + 18 * (text.count("\n") + 1 + len(text) // 50)
        cell.comment = comment
        dim = ws.column_dimensions[letter]
        dim.width = _width(spec.name, col)
        # A column-wide format applies to every cell the planner types later.
        dim.number_format = _NUMBER_FORMAT[col.kind]
        cells = f"{letter}2:{letter}{LAST_ROW}"
        choices = _choices(col)
        if choices:
            _add_list(
                ws,
                cells,
                '"' + ",".join(choices) + '"',
                ui["list_title"],
                ui["list_error"].format(choices=", ".join(choices)),
            )
        elif col.kind == "kode_desa":
            _add_list(ws, cells, desa_range, ui["desa_title"], ui["desa_error"])
    ws.freeze_panes = "A2"


def _add_list(ws: Worksheet, cells: str, source: str, title: str, error: str) -> None:
    # errorStyle "warning", not "stop": the reader is more forgiving than an exact
    # list (it accepts "Simpan Pinjam" for simpan_pinjam, "Ya"/"y"/"1" for ya, the
    # 10-digit kode_desa 6402012001), so a hard stop would refuse values that read
    # fine. The warning still tells the planner at once; `kmp validate` decides.
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showDropDown=False,  # (sic) False means the in-cell arrow is shown
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=title,
        error=error,
    )
    validation.add(cells)
    ws.add_data_validation(validation)


def _write_desa(ws: Worksheet, villages: pd.DataFrame) -> None:
    """The official villages, so a planner can look a kode_desa up."""
    ws.append(list(DESA_COLUMNS))
    for cell in ws[1]:
        cell.font = _BOLD
    for row in villages[list(DESA_COLUMNS)].itertuples(index=False):
        ws.append([str(v) for v in row])
    for index, column in enumerate(DESA_COLUMNS, start=1):
        dim = ws.column_dimensions[get_column_letter(index)]
        dim.width = 16 if column.startswith("kode") else 28
        dim.number_format = "@"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:D{ws.max_row}"


def _write_petunjuk(ws: Worksheet, lang: str) -> None:
    text = _PETUNJUK_TEXT[lang]
    ws.title = PETUNJUK_SHEET
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 42
    ws.column_dimensions["C"].width = 40
    ws.append([text["title"]])
    ws["A1"].font = _TITLE
    ws.append([])
    for line in text["intro"]:
        ws.append([line])
    ws.append([])
    ws.append(list(text["tables_head"]))
    for cell in ws[ws.max_row]:
        cell.font = _BOLD
    for spec in TABLES.values():
        ws.append([spec.name, _ROW_IS[spec.name][lang], ", ".join(spec.key)])
    for section in ("formats", "lists", "check"):
        ws.append([])
        ws.append([text[f"{section}_head"]])
        ws.cell(row=ws.max_row, column=1).font = _BOLD
        for line in text[section]:
            ws.append([line])
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(vertical="top")

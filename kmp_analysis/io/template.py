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

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kmp_analysis import reference
from kmp_analysis.config import check_lang
from kmp_analysis.i18n import (
    TEMPLATE_GUIDE,
    TEMPLATE_KINDS,
    TEMPLATE_NOTES,
    TEMPLATE_ROWS,
    TEMPLATE_UI,
)
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
    ("pelatihan", "id_orang"): "P01",
    ("pelatihan", "tanggal_mulai"): "13/11/2025",
    ("pelatihan", "tanggal_selesai"): "15/11/2025",
    ("pelatihan", "penyelenggara"): "Dinas Koperasi dan UKM Kukar",
    ("pendampingan", "pendamping_id"): "PD-01",
    ("pendampingan", "tanggal_mulai"): "02/02/2026",
    ("pendampingan", "tanggal_selesai"): "31/07/2026",
    ("pembiayaan", "tanggal_cair"): "16/03/2026",
    ("pembiayaan", "jumlah"): "500000000",
    ("pembiayaan", "bank"): "BRI",
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
    book.properties.title = TEMPLATE_GUIDE[lang]["title"]
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
    ui = TEMPLATE_UI[lang]
    spec = TABLES[table]
    lines = [col.name]
    note = TEMPLATE_NOTES.get(table, {}).get(col.name)
    if note:
        lines.append(note[0] if lang == "id" else note[1])
    lines.append(f"{ui['type']}: {TEMPLATE_KINDS[lang][col.kind]}.")
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
    ui = TEMPLATE_UI[lang]
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
    text = TEMPLATE_GUIDE[lang]
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
        ws.append([spec.name, TEMPLATE_ROWS[spec.name][lang], ", ".join(spec.key)])
    for section in ("formats", "lists", "check"):
        ws.append([])
        ws.append([text[f"{section}_head"]])
        ws.cell(row=ws.max_row, column=1).font = _BOLD
        for line in text[section]:
            ws.append([line])
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(vertical="top")

"""Write the binary inputs of the bad-input corpus: workbooks and non-text files.

The text cases are plain files kept as they are; the workbooks are made here from
``_base/`` so that they can be rebuilt when the base changes::

    .venv/bin/python tests/data/bad/make_binary_inputs.py

Only the input files are written; every ``expected.txt`` is kept by hand.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
BASE = HERE / "_base"
TABLES = ["koperasi", "unit_usaha", "laporan_bulanan", "rapat", "pengurus", "bumdes"]
OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # header of .xls (and encrypted) files


def rows_of(table: str) -> list[list[str]]:
    lines = (BASE / f"{table}.csv").read_text(encoding="utf-8").splitlines()
    return [line.split(",") for line in lines]


def workbook(
    sheets: dict[str, list[list[object]]] | None = None, drop: tuple[str, ...] = ()
) -> bytes:
    """The base tables as a workbook; ``sheets`` replaces or renames sheets."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    content = {t: rows_of(t) for t in TABLES if t not in drop}
    content.update(sheets or {})
    for name, rows in content.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write(case: str, name: str, data: bytes) -> None:
    path = HERE / case / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def main() -> None:
    good = workbook()
    png = (HERE / "csv_png_renamed" / "input" / "koperasi.csv").read_bytes()
    write("good_xlsx", "input.xlsx", good)
    write("xlsx_png_renamed", "input.xlsx", png)
    write("xlsx_empty_file", "input.xlsx", b"")
    write("xlsx_old_xls_renamed", "input.xlsx", OLE + bytes(504))
    write("path_is_an_xls_file", "input.xls", OLE + bytes(504))
    write("xlsx_truncated", "input.xlsx", good[: len(good) // 2])
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("koperasi.csv", (BASE / "koperasi.csv").read_bytes())
    write("xlsx_zip_not_a_workbook", "input.xlsx", archive.getvalue())
    write("xlsx_sheet_missing", "input.xlsx", workbook(drop=("pengurus",)))
    write(
        "xlsx_sheet_misnamed",
        "input.xlsx",
        workbook(
            {"lap_bulanan": rows_of("laporan_bulanan")}, drop=("laporan_bulanan",)
        ),
    )
    write("xlsx_sheet_without_header", "input.xlsx", workbook({"rapat": []}))
    title = [["Data koperasi KMP Kecamatan Tenggarong"], [], *rows_of("koperasi")]
    write("xlsx_header_on_row_3", "input.xlsx", workbook({"koperasi": title}))
    lap = rows_of("laporan_bulanan")
    lap[2][4] = "abc"
    lap[3][4] = "-1.000"
    write("xlsx_cell_problems", "input.xlsx", workbook({"laporan_bulanan": lap}))
    typed_lap: list[list[object]] = [lap[0]]
    for row in rows_of("laporan_bulanan")[1:]:
        year, month = (int(x) for x in row[1].split("-"))
        typed_lap.append(
            [row[0], datetime(year, month, 1), *(float(x) for x in row[2:])]
        )
    kop = rows_of("koperasi")
    kop[1][2] = 6402061001  # a village code typed as a number
    kop[1][3] = datetime(2025, 5, 1)
    write(
        "good_xlsx_typed_cells",
        "input.xlsx",
        workbook(
            {
                "Laporan Bulanan": typed_lap,
                "koperasi": kop,
                "petunjuk": [["Isi satu sheet per tabel."]],
            },
            drop=("laporan_bulanan",),
        ),
    )
    write("folder_with_only_a_workbook", "folder/data.xlsx", good)


if __name__ == "__main__":
    main()

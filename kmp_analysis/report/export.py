"""What a planner reads: HTML pages from executed notebooks, and the workbook.

Readers of a brief are not programmers: the HTML shows only what the cells display,
as a small self-contained page (no script, font or style from the network, so it
opens offline and prints on A4). Warnings and log lines that a library prints to
stderr are dropped; an error output is kept out too (a failed brief is reported in
the manifest, not rendered).
"""

from __future__ import annotations

import copy
import html
from typing import TYPE_CHECKING

from kmp_analysis.i18n import LABELS, column_label, label
from kmp_analysis.report import style
from kmp_analysis.safeio import atomic_path, neutralise_formulas

if TYPE_CHECKING:
    from pathlib import Path

    # nbformat costs ~1.3 s to import (jsonschema's format checkers): only for types
    import nbformat
    import pandas as pd

    from kmp_analysis.evaluate import Evaluation


def strip_for_readers(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without stderr streams, error outputs and empty code cells."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [
                out
                for out in cell.get("outputs", [])
                if not (out.output_type == "stream" and out.get("name") == "stderr")
                and out.output_type != "error"
            ]
            if not cell.outputs:
                continue
        cells.append(cell)
    nb.cells = cells
    return nb


def _render_output(output: nbformat.NotebookNode) -> str:
    """One output as HTML; text/html from our own package is trusted as written."""
    if output.output_type == "stream":
        return f"<pre>{html.escape(output.get('text', ''))}</pre>"
    data = output.get("data", {})
    if "text/html" in data:
        return str(data["text/html"])
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            return (
                f'<figure><img alt="" src="data:{mime};base64,'
                f'{str(data[mime]).strip()}"></figure>'
            )
    if "text/markdown" in data:
        return _markdown(str(data["text/markdown"]))
    return ""  # a bare repr (text/plain) is never shown to a reader


def _markdown(text: str) -> str:
    import mistune

    return str(mistune.html(text))


def notebook_to_html(nb: nbformat.NotebookNode, title: str, lang: str = "id") -> str:
    """The reader's HTML page of an executed notebook, titled ``title``."""
    parts = []
    for cell in strip_for_readers(nb).cells:
        if cell.cell_type == "markdown":
            parts.append(_markdown(cell.source))
        elif cell.cell_type == "code":
            parts.extend(_render_output(output) for output in cell.outputs)
    body = "\n".join(p for p in parts if p)
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">'
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{style.PAGE_STYLE}</style></head>"
        f"<body><main>\n{body}\n</main></body></html>\n"
    )


# ------------------------------------------------------------------- workbook

#: Sheets of ``kmp evaluate --out FILE.xlsx``, in order.
SHEETS = (
    "koperasi",
    "kecamatan",
    "didukung",
    "dievaluasi",
    "pelatihan",
    "bumdes",
    "pendamping",
)

_PERCENT = "0%"
_FORMATS = {
    "partisipasi": _PERCENT,
    "pembelian_lokal": _PERCENT,
    "legal": _PERCENT,
    "pengurus_terlatih": _PERCENT,
    "par30": "0.0%",
    "kemandirian": "0.00",
    "indeks_output": "0.00",
    "indeks_outcome": "0.00",
    "kuota": "0.00",
    "omzet_per_anggota": "#,##0",
    "anggota_terdaftar": "#,##0",
    "tenaga_kerja": "0",
}
#: Columns whose values are codes with a label (class, quadrant, tier, action).
_CODED = {
    "kelas",
    "kuadran",
    "jenjang",
    "jenjang_sekarang",
    "jenjang_berikut",
    "tindakan",
    "status_pinjaman",
    "status_bumdes",
}


def _format_of(column: str) -> str | None:
    if column in _FORMATS:
        return _FORMATS[column]
    if column.startswith(("pangsa_", "pindah_tersil_")):
        return _PERCENT
    if column.startswith("peringkat_median"):
        return "0.0"
    return None


def workbook_tables(evaluation: Evaluation) -> dict[str, pd.DataFrame]:
    """The seven tables of the evaluation workbook (identifiers, raw values).

    Needs the input tables (an evaluation made by :func:`~kmp_analysis.evaluate.
    evaluate`, not one loaded from disk).
    """
    from kmp_analysis import recommend

    if evaluation.tables is None or evaluation.kecamatan is None:
        raise ValueError("the evaluation carries no input tables to recommend from")
    coops, tables = evaluation.cooperatives, evaluation.tables
    rec = evaluation.config.rekomendasi
    return {
        "koperasi": coops,
        "kecamatan": evaluation.kecamatan,
        "didukung": recommend.didukung(coops, tables["koperasi"]),
        "dievaluasi": recommend.dievaluasi(coops),
        "pelatihan": recommend.rencana_pelatihan(
            coops, tables["pengurus"], class_size=rec.ukuran_kelas_pelatihan
        ),
        "bumdes": recommend.sinkronisasi_bumdes(
            coops, tables["unit_usaha"], tables["bumdes"]
        ),
        "pendamping": recommend.alokasi_pendamping(coops, rec.pendamping),
    }


_PERCENT_REASONS = {"partisipasi", "par30"}


def describe_reasons(text: object, lang: str = "id") -> str:
    """Reason codes (``partisipasi 0.12 < 0.20; pengurus_lengkap tidak``) in words.

    Examples
    --------
    >>> describe_reasons("partisipasi 0.12 < 0.20; pengurus_lengkap tidak", "en")
    'Member participation 12% < 20%; Board complete: no'
    """
    if not isinstance(text, str) or not text:
        return ""
    described = []
    for item in text.split("; "):
        parts = item.split(" ")
        if len(parts) == 4 and parts[2] in ("<", ">"):
            name, value, op, limit = parts
            if name in _PERCENT_REASONS:
                value, limit = _as_percent(value), _as_percent(limit)
            described.append(f"{column_label(name, lang)} {value} {op} {limit}")
        elif len(parts) == 2 and parts[1] == "tidak":
            described.append(f"{column_label(parts[0], lang)}: {label('tidak', lang)}")
        else:
            described.append(item)
    return "; ".join(described)


def _as_percent(text: str) -> str:
    """``0.199`` -> ``19.9%``, ``0.20`` -> ``20%``: as many digits as were given."""
    try:
        value = 100 * float(text)
    except ValueError:
        return text
    decimals = max(0, len(text.partition(".")[2]) - 2)
    return f"{value:.{decimals}f}%"


def present(frame: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """``frame`` for a reader: labelled headers, coded values and yes/no as words."""
    import pandas as pd

    out = pd.DataFrame(index=frame.index)
    yes, no = label("ya", lang), label("tidak", lang)
    for column in frame.columns:
        values = frame[column]
        if column in _CODED:
            values = values.map(
                lambda v: label(str(v), lang) if str(v) in LABELS else v
            ).astype(object)
        elif column in ("alasan", "alasan_risiko"):
            values = values.map(lambda v: describe_reasons(v, lang)).astype(object)
        elif pd.api.types.is_bool_dtype(values):
            values = values.map(lambda v: pd.NA if pd.isna(v) else (yes if v else no))
        out[column_label(column, lang)] = values
    return out


def write_workbook(
    tables: dict[str, pd.DataFrame], target: Path, lang: str = "id"
) -> Path:
    """One sheet per table, headers labelled, numbers formatted, written atomically."""
    import pandas as pd
    from openpyxl.utils import get_column_letter

    with atomic_path(target) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        for sheet, frame in tables.items():
            shown = neutralise_formulas(present(frame, lang))
            shown.to_excel(writer, sheet_name=sheet, index=False)
            ws = writer.sheets[sheet]
            ws.freeze_panes = "A2"
            ws.auto_filter.ref = ws.dimensions
            for position, column in enumerate(frame.columns, start=1):
                letter = get_column_letter(position)
                header = str(shown.columns[position - 1])
                ws.column_dimensions[letter].width = min(45, max(10, len(header) + 2))
                number_format = _format_of(column)
                if number_format:
                    for (cell,) in ws.iter_rows(
                        min_row=2, min_col=position, max_col=position
                    ):
                        cell.number_format = number_format
    return target

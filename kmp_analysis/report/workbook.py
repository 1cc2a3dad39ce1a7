"""The evaluation workbook (``kmp evaluate --out FILE.xlsx``): one sheet per table,
headers labelled, numbers formatted, written atomically.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from kmp_analysis.report.tables import present
from kmp_analysis.safeio import atomic_path, neutralise_formulas

if TYPE_CHECKING:
    from pathlib import Path

    from kmp_analysis.evaluation import Evaluation
    from kmp_analysis.history import History
    from kmp_analysis.training_waves import WavePlan

#: Sheets of ``kmp evaluate --out FILE.xlsx``, in order.
SHEETS = (
    "koperasi",
    "kecamatan",
    "didukung",
    "dievaluasi",
    "pelatihan",
    "bumdes",
    "pendamping",
    "konteks_desa",
)

#: Display formats, not text: every number stays a number (to sort, sum and chart),
#: and Excel or LibreOffice writes it with the reader's own marks (1.234,5 on an
#: Indonesian system, 1,234.5 on an English one), as the pages do. Shares as whole
#: percentages (par30 with one decimal: its limit is 5%), indices and ratios with
#: two decimals, counts and rupiah whole with a thousands separator.
_PERCENT = "0%"
_DECIMAL = "0.00"
_WHOLE = "#,##0"

_FORMATS = {
    "partisipasi": _PERCENT,
    "pembelian_lokal": _PERCENT,
    "legal": _PERCENT,
    "pengurus_terlatih": _PERCENT,
    "par30": "0.0%",
    "kemandirian": _DECIMAL,
    "indeks_output": _DECIMAL,
    "indeks_outcome": _DECIMAL,
    "kuota": _DECIMAL,
    "omzet_per_anggota": _WHOLE,
    "median_omzet_per_anggota": _WHOLE,
    "median_partisipasi": _PERCENT,
    "median_kemandirian": _DECIMAL,
}


def _format_of(column: str, values: pd.Series | None = None) -> str | None:
    """The display format of ``column``: by its name, else whole numbers (counts,
    rupiah, ranks) with a thousands separator; None for text and yes/no."""
    if column in _FORMATS:
        return _FORMATS[column]
    if column.startswith(("pangsa_", "pindah_tersil_")):
        return _PERCENT
    if column.startswith("peringkat_median"):
        return "#,##0.0"  # a median of ranks may fall between two
    if values is None or not _is_number(values):
        return None
    numbers = values.dropna().to_numpy(dtype="float64")
    return _WHOLE if (numbers == numbers.round()).all() else _DECIMAL


def _is_number(values: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(
        values
    )


def workbook_tables(evaluation: Evaluation) -> dict[str, pd.DataFrame]:
    """The seven tables of the evaluation workbook (identifiers, raw values).

    Needs the input tables (an evaluation made by :func:`~kmp_analysis.evaluation.
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
        "didukung": recommend.supported(coops, tables["koperasi"]),
        "dievaluasi": recommend.to_evaluate(coops),
        "pelatihan": recommend.training_plan(
            coops, tables["pengurus"], class_size=rec.ukuran_kelas_pelatihan
        ),
        "bumdes": recommend.bumdes_sync(coops, tables["unit_usaha"], tables["bumdes"]),
        "pendamping": recommend.allocate_pendamping(
            coops, rec.pendamping, rec.bobot_terpencil
        ),
        **_context_sheet(coops),
    }


def _context_sheet(coops: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """``konteks_desa``: classes by the IDM status of the desa, with the peer
    medians a brief compares with (none for data outside Kukar)."""
    from kmp_analysis.evaluation import classes_by_status, peer_medians

    if "status_idm" not in coops:
        return {}
    peers = peer_medians(coops).drop(columns="n")
    peers.columns = [f"median_{c}" for c in peers.columns]
    table = classes_by_status(coops).merge(
        peers, left_on="status_idm", right_index=True, how="left"
    )
    return {"konteks_desa": table}


def history_tables(
    history: History, places: pd.DataFrame, lang: str = "id"
) -> dict[str, pd.DataFrame]:
    """The sheets of ``kmp history --out FILE.xlsx``: ``riwayat`` (one row per
    cooperative and period), ``perpindahan`` (transition counts at the last period,
    per kecamatan and for the regency, against ``P − 6`` and against the first
    window) and ``tanpa_gerak`` (Tidak bergerak in every window since the first).

    ``places`` is :meth:`~kmp_analysis.schema.Dataset.places`.
    """
    from kmp_analysis.i18n import label

    period = history.periods[-1]
    names = places.drop_duplicates("kode_kec").set_index("kode_kec")["nama_kec"]
    moves = history.transition_table(period)
    moves.insert(
        1,
        "nama_kec",
        moves["kode_kec"].map(names).fillna(label("kabupaten", lang)).astype(object),
    )
    moves["kode_kec"] = moves["kode_kec"].where(moves["kode_kec"] != "kabupaten", "")
    spells = history.dormant_spells(period).drop(columns="kode_kec")
    spells = places.merge(spells, on="koperasi_id", how="inner", validate="one_to_one")
    spells = spells.sort_values(["sejak", "kode_kec", "kode_desa"], ignore_index=True)
    return {"riwayat": history.to_frame(), "perpindahan": moves, "tanpa_gerak": spells}


#: Sheets of ``kmp plan-training --out FILE.xlsx``, in order.
PLAN_SHEETS = ("gelombang", "peserta", "metode")


def plan_tables(plan: WavePlan, lang: str = "id") -> dict[str, pd.DataFrame]:
    """The sheets of ``kmp plan-training --out FILE.xlsx``: ``gelombang`` (one row
    per wave × kecamatan: stratum, participants per tier, classes), ``peserta``
    (one row per person with wave and class) and ``metode`` (seed, waves, class
    size, strata, the data's period, why the order is drawn). Nothing in them
    depends on the time of the run: the same seed writes the same cells."""
    return {
        "gelombang": plan.kecamatan,
        "peserta": plan.participants,
        "metode": plan.method(lang),
    }


def write_workbook(
    tables: dict[str, pd.DataFrame], target: Path, lang: str = "id"
) -> Path:
    """One sheet per table, headers labelled, numbers formatted, written atomically."""
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
                number_format = _format_of(column, frame[column])
                if number_format:
                    for (cell,) in ws.iter_rows(
                        min_row=2, min_col=position, max_col=position
                    ):
                        cell.number_format = number_format
    return target

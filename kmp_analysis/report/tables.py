"""Tables as a reader sees them: labelled headers, codes (class, quadrant, tier,
action) and yes/no in words, reason codes in sentences. Used by every page and by
the workbook.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from kmp_analysis.classify import CLASS_RANK
from kmp_analysis.i18n import LABELS, column_label, fmt_dec, fmt_int, label
from kmp_analysis.reference import CONTEXT_COLUMNS

#: Columns whose values are codes with a label (class, quadrant, tier, action).
_CODED = {
    "kelas",
    "kelas_sebelumnya",
    "dari",
    "pembanding",
    "kuadran",
    "jenjang",
    "jenjang_sekarang",
    "jenjang_berikut",
    "tindakan",
    "status_pinjaman",
    "status_bumdes",
}

#: Village-context columns: each value is the label ``<column>:<code>`` (the same
#: code means different things in different columns: "ada" bank, "ada" market).
_CONTEXT = frozenset(CONTEXT_COLUMNS)

_PERCENT_REASONS = {"partisipasi", "par30"}


def in_table_order(cooperatives: pd.DataFrame) -> pd.DataFrame:
    """The cooperatives in the order of a brief's table: lowest class first, then
    by desa (a kecamatan's report cards are bundled in this order too)."""
    return cooperatives.sort_values(["kelas", "nama_desa"], kind="stable")


def move_arrow(then: str, now: str) -> str:
    """↑ moved up a class, ↓ fell back, = stayed."""
    step = CLASS_RANK[now] - CLASS_RANK[then]
    return "↑" if step > 0 else "↓" if step < 0 else "="


def format_indicator(
    name: str, value: object, lang: str = "id", change: bool = False
) -> str:
    """An indicator's value as a page prints it: shares in %, rupiah with "Rp",
    self-sufficiency with two decimals, counts whole; ``change``: a difference,
    signed, shares in points; – where there is none.

    Examples
    --------
    >>> format_indicator("partisipasi", 0.42), format_indicator("partisipasi", 0.13,
    ...     change=True), format_indicator("omzet_per_anggota", 151864.2)
    ('42%', '+13 poin', 'Rp 151.864')
    """
    if value is None or pd.isna(value):
        return "–"
    number = float(value)
    sign = "+" if change and number > 0 else ""
    if name in _SHARES:
        if change:
            return f"{sign}{100 * number:.0f} " + label("rapor_points", lang)
        return f"{100 * number:.0f}%"
    if name == "kemandirian":
        return sign + fmt_dec(number, lang, 2)
    if name == "omzet_per_anggota":
        return sign + "Rp " + fmt_int(number, lang)
    return sign + fmt_int(number, lang)


_SHARES = {"partisipasi", "par30", "pembelian_lokal"}


def context_word(column: str, code: object, lang: str = "id") -> object:
    """A village-context code in words: ``bank_bpr`` ``ada`` → "ada bank/BPR";
    a kelurahan's ``tidak_berlaku`` → "tidak berlaku (kelurahan)"."""
    if code is None or pd.isna(code):
        return code
    if code == "tidak_berlaku":
        return label("konteks_tidak_berlaku", lang)
    return label(f"{column}:{code}", lang)


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
    out = pd.DataFrame(index=frame.index)
    yes, no = label("ya", lang), label("tidak", lang)
    for column in frame.columns:
        values = frame[column]
        if column in _CODED:
            values = values.map(
                lambda v: label(str(v), lang) if str(v) in LABELS else v
            ).astype(object)
        elif column in _CONTEXT:
            values = values.map(lambda v, c=column: context_word(c, v, lang)).astype(
                object
            )
        elif column in ("alasan", "alasan_risiko"):
            values = values.map(lambda v: describe_reasons(v, lang)).astype(object)
        elif pd.api.types.is_bool_dtype(values):
            values = values.map(lambda v: pd.NA if pd.isna(v) else (yes if v else no))
        out[column_label(column, lang)] = values
    return out


def describe_step(step: dict[str, Any], lang: str = "id") -> str:
    """One step as a sentence: "Tambah 3 anggota yang bertransaksi setiap bulan"."""
    name, gap = step["kriteria"], step["kurang"]
    if step.get("pertahankan"):
        shown = format_indicator(name, step["nilai"], lang)
        limit = format_indicator(name, step["ambang"], lang)
        return label(
            "step_keep",
            lang,
            indikator=label(f"step_name_{name}", lang),
            nilai=shown,
            ambang=limit,
        )
    if step.get("catatan") == "catat_biaya":
        return label("step_record_cost", lang)
    params: dict[str, Any] = {"kurang": fmt_int(gap, lang) if gap is not None else "–"}
    if name == "manfaat":
        params["belum"] = ", ".join(
            label(f"benefit_{b}", lang) for b in step.get("belum", [])
        )
    return label(f"step_{name}", lang, **params)

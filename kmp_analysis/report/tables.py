"""Tables as a reader sees them: labelled headers, codes (class, quadrant, tier,
action) and yes/no in words, reason codes in sentences. Used by every page and by
the workbook.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from kmp_analysis.classify import CLASS_RANK
from kmp_analysis.i18n import (
    LABELS,
    column_label,
    fmt_dec,
    fmt_int,
    fmt_month,
    fmt_num,
    fmt_percent,
    fmt_rupiah,
    label,
)
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
    """An indicator's value as a page prints it, the reader's way: shares in %,
    rupiah with "Rp", self-sufficiency with two decimals, counts whole (a median
    between two counts with one decimal); ``change``: a difference, signed, shares
    in points; – where there is none.

    Examples
    --------
    >>> format_indicator("partisipasi", 0.42), format_indicator("partisipasi", 0.13,
    ...     change=True), format_indicator("omzet_per_anggota", 151864.2)
    ('42%', '+13 poin', 'Rp 151.864')
    >>> format_indicator("kemandirian", 1.25, "en"), format_indicator(
    ...     "bulan_transaksi", 4.5), format_indicator("omzet_per_anggota", -2500.0,
    ...     change=True)
    ('1.25', '4,5', '-Rp 2.500')
    """
    if value is None or pd.isna(value):
        return "–"
    number = float(value)
    if name in _SHARES:
        if change:
            points = fmt_int(100 * number, lang, signed=True)
            return f"{points} " + label("rapor_points", lang)
        return fmt_percent(number, lang)
    if name == "kemandirian":
        return fmt_dec(number, lang, 2, signed=change)
    if name == "omzet_per_anggota":
        sign = "-" if round(number) < 0 else "+" if change and round(number) > 0 else ""
        return sign + fmt_rupiah(abs(number), lang)
    return fmt_num(number, lang, 1, signed=change)


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
    """Reason codes (``partisipasi 0.12 < 0.20; pengurus_lengkap tidak``) in words,
    their numbers the reader's way.

    Examples
    --------
    >>> describe_reasons("partisipasi 0.12 < 0.20; pengurus_lengkap tidak", "en")
    'Member participation 12% < 20%; Board complete: no'
    >>> describe_reasons("kemandirian 0.87 < 1.00; par30 0.199 > 0.20")
    'Kemandirian operasional 0,87 < 1,00; Tunggakan >30 hari (PAR30) 19,9% > 20%'
    """
    if not isinstance(text, str) or not text:
        return ""
    described = []
    for item in text.split("; "):
        parts = item.split(" ")
        if len(parts) == 4 and parts[2] in ("<", ">"):
            name, value, op, limit = parts
            if name in _PERCENT_REASONS:
                value, limit = _as_percent(value, lang), _as_percent(limit, lang)
            else:
                value, limit = _as_number(value, lang), _as_number(limit, lang)
            described.append(f"{column_label(name, lang)} {value} {op} {limit}")
        elif len(parts) == 2 and parts[1] == "tidak":
            described.append(f"{column_label(parts[0], lang)}: {label('tidak', lang)}")
        else:
            described.append(item)
    return "; ".join(described)


def _as_percent(text: str, lang: str = "id") -> str:
    """``0.199`` -> ``19,9%``, ``0.20`` -> ``20%``: as many digits as were given."""
    try:
        value = float(text)
    except ValueError:
        return text
    decimals = max(0, len(text.partition(".")[2]) - 2)
    return fmt_percent(value, lang, decimals)


def _as_number(text: str, lang: str = "id") -> str:
    """A number of a reason code (``0.87``, ``3``) with as many decimals as it was
    given; anything else (a month, "–") as it is."""
    try:
        value = float(text)
    except ValueError:
        return text
    return fmt_dec(value, lang, len(text.partition(".")[2]))


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


def date_month(value: object, lang: str = "id") -> str:
    """The month of a date as the reader says it ("Februari 2026"); "–" where
    there is none."""
    if value is None or pd.isna(value):
        return "–"
    return fmt_month(pd.Timestamp(value).strftime("%Y-%m"), lang)


def next_tier_phrase(counts: dict[str, int], lang: str = "id") -> str:
    """Who is due for which tier, in tier order, tiers nobody is due for left out:
    "4 orang ke dasar, 1 orang ke menengah" ("" where nobody is due)."""
    return ", ".join(
        label(
            "support_next_item",
            lang,
            n=fmt_int(n, lang),
            tier=label(tier, lang).lower(),  # a tier mid-sentence
        )
        for tier, n in counts.items()
        if n
    )

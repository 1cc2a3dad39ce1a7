"""Per-cooperative indicators over an evaluation window (DESIGN §4).

Pure functions over the validated tables: no I/O, no globals. The period ``P`` is a
month ``YYYY-MM``; the window ``W`` is the ``window_months`` calendar months ending at
``P`` and the recent window ``R`` the last ``recent_months`` of them. Reports dated
after ``P`` are ignored, so re-evaluating an earlier period gives what it gave then.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kmp_analysis.config import Thresholds
from kmp_analysis.schema import LEGAL_DOCS

#: The indicator columns of DESIGN §4, in the order they are exported.
INDICATORS = (
    "bulan_lapor",
    "bulan_transaksi",
    "bulan_transaksi_r",
    "partisipasi",
    "omzet_per_anggota",
    "unit_beroperasi",
    "kemandirian",
    "par30",
    "tenaga_kerja",
    "pembelian_lokal",
    "legal",
    "pengurus_lengkap",
    "pengurus_terlatih",
    "rat_tepat_waktu",
    "manfaat",
)


def month_number(month: str) -> int:
    """``YYYY-MM`` as a running month count, so that windows are integer ranges.

    Examples
    --------
    >>> month_number("2026-01") - month_number("2025-12")
    1
    """
    year, mon = month.split("-")
    return int(year) * 12 + int(mon) - 1


def month_label(number: int) -> str:
    """Inverse of :func:`month_number`."""
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def window_months(period: str, months: int) -> list[str]:
    """The ``months`` calendar months ending at ``period``, oldest first.

    Examples
    --------
    >>> window_months("2026-02", 3)
    ['2025-12', '2026-01', '2026-02']
    """
    end = month_number(period)
    return [month_label(m) for m in range(end - months + 1, end + 1)]


def period_end(period: str) -> pd.Timestamp:
    """The last day of month ``period``."""
    return pd.Period(period, freq="M").end_time.normalize()


def compute_indicators(
    koperasi: pd.DataFrame,
    unit_usaha: pd.DataFrame,
    laporan_bulanan: pd.DataFrame,
    rapat: pd.DataFrame,
    pengurus: pd.DataFrame,
    period: str,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """One row per cooperative (index ``koperasi_id``) with every §4 indicator.

    Also carries ``laporan_terakhir`` (the latest month reported up to ``P``, or
    missing) and ``anggota_terdaftar`` (members in the latest report of ``W``), which
    the risk flag and the briefs need.
    """
    t = thresholds or Thresholds()
    ids = pd.Index(koperasi["koperasi_id"], name="koperasi_id")
    p = month_number(period)
    end_p = period_end(period)

    rep = laporan_bulanan.assign(m=laporan_bulanan["bulan"].map(month_number))
    rep = rep[rep["m"] <= p].fillna(
        {
            c: 0
            for c in (
                "pendapatan_usaha",
                "biaya_operasional",
                "pinjaman_beredar",
                "pinjaman_tunggak_30",
                "pembelian_produk_lokal",
            )
        }
    )
    w = rep[rep["m"] > p - t.window_months].sort_values(["koperasi_id", "m"])
    trading = w["omzet"] > 0
    recent = w["m"] > p - t.recent_months
    by = w["koperasi_id"]

    out = pd.DataFrame(index=ids)
    out["bulan_lapor"] = _count(w.groupby(by).size(), ids)
    out["bulan_transaksi"] = _count(trading.groupby(by).sum(), ids)
    out["bulan_transaksi_r"] = _count((trading & recent).groupby(by).sum(), ids)

    sums = w.groupby(by)[
        [
            "anggota_aktif",
            "anggota_terdaftar",
            "omzet",
            "pendapatan_usaha",
            "biaya_operasional",
            "pembelian_produk_lokal",
        ]
    ].sum()
    sums = sums.reindex(ids)
    latest = w.groupby(by).tail(1).set_index("koperasi_id").reindex(ids)

    out["partisipasi"] = _ratio(
        sums["anggota_aktif"], sums["anggota_terdaftar"]
    ).fillna(0.0)
    out["omzet_per_anggota"] = _ratio(
        sums["omzet"] / t.window_months, latest["anggota_terdaftar"]
    )
    out["unit_beroperasi"] = _count(
        _operating_units(unit_usaha, end_p).groupby("koperasi_id").size(), ids
    )
    out["kemandirian"] = _ratio(sums["pendapatan_usaha"], sums["biaya_operasional"])

    lending = w[w["pinjaman_beredar"] > 0]
    last_loan = lending.groupby("koperasi_id").tail(1).set_index("koperasi_id")
    out["par30"] = (
        last_loan["pinjaman_tunggak_30"] / last_loan["pinjaman_beredar"]
    ).reindex(ids)
    out["tenaga_kerja"] = latest["tenaga_kerja"]
    out["pembelian_lokal"] = _ratio(sums["pembelian_produk_lokal"], sums["omzet"])

    coop = koperasi.set_index("koperasi_id").reindex(ids)
    legal_parts = [coop["tanggal_badan_hukum"].le(end_p).fillna(False).astype(float)]
    legal_parts += [
        coop[c].astype("boolean").fillna(False).astype(float) for c in LEGAL_DOCS
    ]
    out["legal"] = sum(legal_parts) / len(legal_parts)

    out["pengurus_lengkap"], out["pengurus_terlatih"] = _governance(pengurus, ids, t)
    out["rat_tepat_waktu"] = _rat_on_time(
        coop["tanggal_badan_hukum"], rapat, period, ids
    )
    out["manfaat"] = _benefits(out, unit_usaha, end_p, t)

    last_any = rep.groupby("koperasi_id")["m"].max().reindex(ids)
    out["laporan_terakhir"] = last_any.map(
        lambda m: None if pd.isna(m) else month_label(int(m))
    ).astype(object)
    out["anggota_terdaftar"] = latest["anggota_terdaftar"]
    return out


def _count(series: pd.Series, ids: pd.Index) -> pd.Series:
    return series.reindex(ids).fillna(0).astype("int64")


def _ratio(num: pd.Series, den: pd.Series) -> pd.Series:
    """``num / den`` where ``den > 0``, missing elsewhere."""
    num = num.astype("float64")
    den = den.astype("float64")
    return (num / den.where(den > 0)).astype("float64")


def _operating_units(unit_usaha: pd.DataFrame, end_p: pd.Timestamp) -> pd.DataFrame:
    """Units with status beroperasi that had started by the end of ``P``."""
    started = unit_usaha["tanggal_mulai"].isna() | (
        unit_usaha["tanggal_mulai"] <= end_p
    )
    return unit_usaha[(unit_usaha["status"] == "beroperasi") & started]


def _governance(
    pengurus: pd.DataFrame, ids: pd.Index, t: Thresholds
) -> tuple[pd.Series, pd.Series]:
    is_pengawas = pengurus["peran"] == "pengawas"
    board = _count(pengurus[~is_pengawas].groupby("koperasi_id").size(), ids)
    pengawas = _count(pengurus[is_pengawas].groupby("koperasi_id").size(), ids)
    lengkap = (board >= t.pengurus_minimum) & (board % 2 == 1) & (pengawas >= 1)
    trained = (
        (pengurus["jenjang_pelatihan"] != "belum")
        .groupby(pengurus["koperasi_id"])
        .mean()
    )
    return lengkap.astype(bool), trained.reindex(ids).fillna(0.0).astype("float64")


def _rat_on_time(
    badan_hukum: pd.Series, rapat: pd.DataFrame, period: str, ids: pd.Index
) -> pd.Series:
    """RAT for fiscal year Y−1 held by 30 June of Y (DESIGN §4).

    Y is the year of ``P`` where ``P`` is June or later; before June the latest
    deadline that has passed is the one of the year before, so Y is the year before.
    A cooperative whose legal entity dates after 31 December of Y−1 is not yet due
    (true). One with no legal entity at all cannot hold a valid RAT (false).
    """
    year, month = (int(x) for x in period.split("-"))
    deadline_year = year if month >= 6 else year - 1
    fiscal_year = deadline_year - 1
    deadline = pd.Timestamp(year=deadline_year, month=6, day=30)
    rat = rapat[
        (rapat["jenis"] == "rat")
        & (rapat["tahun_buku"] == fiscal_year)
        & (rapat["tanggal"] <= deadline)
    ]
    held = ids.isin(rat["koperasi_id"])
    not_due = (badan_hukum > pd.Timestamp(year=fiscal_year, month=12, day=31)).fillna(
        False
    )
    return pd.Series(held | not_due.to_numpy(dtype=bool), index=ids, dtype=bool)


def _benefits(
    out: pd.DataFrame, unit_usaha: pd.DataFrame, end_p: pd.Timestamp, t: Thresholds
) -> pd.Series:
    ids = out.index
    units = _operating_units(unit_usaha, end_p)
    savings = ids.isin(units.loc[units["unit"] == "simpan_pinjam", "koperasi_id"])
    health = ids.isin(
        units.loc[units["unit"].isin(["klinik", "apotek"]), "koperasi_id"]
    )
    count = (
        (out["tenaga_kerja"].fillna(0) >= t.manfaat_tenaga_kerja).astype(int)
        + (out["pembelian_lokal"].fillna(0) > 0).astype(int)
        + (savings & (out["par30"] <= t.manfaat_par30).fillna(False).to_numpy()).astype(
            int
        )
        + health.astype(int)
    )
    return pd.Series(np.asarray(count, dtype="int64"), index=ids)

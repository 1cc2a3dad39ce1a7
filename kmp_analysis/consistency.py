"""Consistency over time: figures far from the cooperative's own history.

A data-quality check after the WHO Data Quality Review toolkit (Module 2, desk
review of data quality, 2017): among the checks of the internal consistency of
reported data, "consistency over time" compares a reporting unit's latest value with
its own earlier values, and outliers are judged against a robust centre and spread
(median and median absolute deviation, the modified z-score) rather than the mean,
which one wrong value drags along. Here the unit is a cooperative and the values
are the figures of its monthly report (DESIGN §7b); what is flagged is listed as
"perlu dicek" ("to check"): most such figures are a slipped digit or the wrong unit
(thousands typed as rupiah), some are real, and only the cooperative can say.

The rule (thresholds in :class:`~kmp_analysis.config.Consistency`, defaults in
brackets). For each cooperative, its latest reported month (at most the period) is
compared with its previous reported months, the latest ``bulan_acuan`` [6] of them.
A figure ``x`` of that month, with ``med`` and ``MAD`` the median and median
absolute deviation of the same column over those earlier months, is flagged where

- the column has a value in at least ``bulan_minimum`` [3] earlier months (a
  shorter history says too little);
- ``med > 0``: a series that is zero most months (a cooperative that trades now and
  then) has no scale to judge by, so a month of sales after zeros is never "×∞";
- ``x > 0``: a zero is what a month without activity reports; a cooperative that
  stops trading is the classification's business (DESIGN §5), not a typo;
- ``|x − med| > batas_mad · 1.4826 · MAD`` [5]: far outside the usual spread
  (1.4826 · MAD estimates the standard deviation of normal data); where every
  earlier month is the same, MAD = 0 and any change is outside the spread, so
  the next condition decides;
- ``x ≥ rasio · med`` or ``x ≤ med / rasio`` [10]: far in plain terms too, so a
  steady series that doubles is not flagged while one that jumps fifty-fold is;
- and ``x ≥ rasio_rentang · max`` or ``x ≤ min / rasio_rentang`` [3], with ``max``
  and ``min`` the largest and smallest of those earlier values, on the same side:
  well outside what the cooperative has already reported. A cooperative that trades
  some months and rests in others has a median pulled down by its quiet months (its
  costs, say, 1 million when resting and 7 million when trading); a trading month
  at its usual level is then ten times the median but no surprise.

For figures that are never negative the MAD is never more than the median, so
with the defaults a ten-fold rise is always far in MAD terms too; the spread
decides for falls, where a drop to a tenth is flagged only after steady months
(a cooperative whose months swing between 1 and 10 million may well sell little).

Impossible combinations within one row (more active than registered members,
arrears above the loans) are errors of validation (:mod:`kmp_analysis.schema`),
not this check's.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from kmp_analysis.config import Consistency
from kmp_analysis.i18n import Localised, message

#: The figures of a monthly report that are checked: money (whole rupiah) first,
#: then counts. pinjaman_tunggak_30 is left out: arrears are zero most months and
#: jump when a loan falls due, which is what they measure.
MONEY_COLUMNS = (
    "omzet",
    "pendapatan_usaha",
    "biaya_operasional",
    "pinjaman_beredar",
    "simpanan_anggota",
    "pembelian_produk_lokal",
)
COUNT_COLUMNS = ("anggota_terdaftar", "anggota_aktif", "tenaga_kerja")
CHECKED_COLUMNS = MONEY_COLUMNS + COUNT_COLUMNS

#: 1.4826 · MAD estimates the standard deviation where the data are normal.
MAD_SCALE = 1.4826

#: Columns of :func:`implausible_values`' result.
RESULT_COLUMNS = (
    "koperasi_id",
    "bulan",
    "kolom",
    "nilai",
    "acuan",
    "rasio",
    "alasan",
    "n_acuan",
)

#: Reason codes: far above or far below the history.
ABOVE, BELOW = "di_atas_riwayat", "di_bawah_riwayat"


def implausible_values(
    laporan_bulanan: pd.DataFrame,
    period: str | None = None,
    thresholds: Consistency | None = None,
) -> pd.DataFrame:
    """Figures of each cooperative's latest month far from its own history.

    Parameters
    ----------
    laporan_bulanan
        The monthly reports (``koperasi_id``, ``bulan`` YYYY-MM, the figures);
        rows without a cooperative or month, and missing figures, are left out.
    period
        ``YYYY-MM``: each cooperative's latest month at most ``period`` is judged
        (months after it are ignored). None: each cooperative's latest month.
    thresholds
        :class:`~kmp_analysis.config.Consistency`; None: the defaults.

    Returns
    -------
    pandas.DataFrame
        One row per flagged figure, ordered by cooperative and column: koperasi_id,
        bulan, kolom, nilai, acuan (the median of the earlier months), rasio
        (nilai / acuan), alasan (:data:`ABOVE` or :data:`BELOW`) and n_acuan (the
        earlier months with a value). Its index holds the labels of the flagged
        rows in ``laporan_bulanan`` (so a reader can name the spreadsheet row).

    Examples
    --------
    >>> lap = pd.DataFrame({
    ...     "koperasi_id": ["K1"] * 7,
    ...     "bulan": [f"2026-{m:02d}" for m in range(4, 11)],
    ...     "omzet": [1_000_000, 1_200_000, 900_000, 1_100_000, 1_000_000,
    ...               1_300_000, 40_000_000],
    ... })
    >>> flags = implausible_values(lap)
    >>> flags[["koperasi_id", "bulan", "kolom", "nilai", "acuan", "rasio"]]
      koperasi_id    bulan  kolom     nilai      acuan    rasio
    6          K1  2026-10  omzet  40000000  1050000.0  38.0952
    """
    t = thresholds or Consistency()
    columns = [c for c in CHECKED_COLUMNS if c in laporan_bulanan.columns]
    known = laporan_bulanan["koperasi_id"].notna() & laporan_bulanan["bulan"].notna()
    lap = laporan_bulanan.loc[known, ["koperasi_id", "bulan", *columns]]
    month = _month_number(lap["bulan"])
    if period is not None:
        keep = month <= _month_number(pd.Series([period])).iloc[0]
        lap, month = lap[keep], month[keep]
    if lap.empty or not columns:
        return no_flags()
    lap = lap.assign(_m=month.to_numpy()).sort_values(
        ["koperasi_id", "_m"], kind="stable"
    )
    back = lap.groupby("koperasi_id", sort=False).cumcount(ascending=False)
    latest = lap[back.to_numpy() == 0].set_index("koperasi_id")
    history = lap[(back.to_numpy() >= 1) & (back.to_numpy() <= t.bulan_acuan)]
    if history.empty:
        return no_flags()
    values = history[columns].astype("float64")
    by_coop = values.groupby(history["koperasi_id"].to_numpy(), sort=False)
    median = by_coop.median()
    n_known = by_coop.count()
    highest, lowest = by_coop.max(), by_coop.min()
    spread = (values - median.reindex(history["koperasi_id"]).to_numpy()).abs()
    mad = spread.groupby(history["koperasi_id"].to_numpy(), sort=False).median()

    ids = latest.index
    x = latest[columns].astype("float64").to_numpy()
    med = median.reindex(ids).to_numpy()
    dev = mad.reindex(ids).to_numpy()
    n = n_known.reindex(ids).fillna(0).to_numpy()
    top = highest.reindex(ids).to_numpy()
    bottom = lowest.reindex(ids).to_numpy()
    r = t.rasio_rentang
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = x / med
        flagged = (
            (n >= t.bulan_minimum)
            & (med > 0)
            & (x > 0)
            & (np.abs(x - med) > t.batas_mad * MAD_SCALE * dev)
            & (
                ((ratio >= t.rasio) & (x >= r * top))
                | ((ratio <= 1 / t.rasio) & (x <= bottom / r))
            )
        )
    rows, cols = np.nonzero(flagged)
    if rows.size == 0:
        return no_flags()
    result = pd.DataFrame(
        {
            "koperasi_id": ids[rows].to_numpy(),
            "bulan": latest["bulan"].to_numpy()[rows],
            "kolom": np.asarray(columns, dtype=object)[cols],
            "nilai": x[rows, cols],
            "acuan": med[rows, cols],
            "rasio": np.round(ratio[rows, cols], 4),
            "alasan": np.where(ratio[rows, cols] >= 1, ABOVE, BELOW),
            "n_acuan": n[rows, cols].astype("int64"),
        },
        index=_labels(lap, back)[rows],
    )
    return _typed(result)


def message_params(flag: Any) -> dict[str, Any]:
    """The parameters of message ``value_to_check`` for one row of
    :func:`implausible_values` (a namedtuple or Series), in either language."""
    kind = "rupiah" if flag.kolom in MONEY_COLUMNS else "count"
    return {
        "kolom": flag.kolom,
        "bulan": Localised("month", flag.bulan),
        "nilai": Localised(kind, flag.nilai),
        "kali": Localised("ratio", flag.rasio),
        "n": int(flag.n_acuan),
        "acuan": Localised(kind, flag.acuan),
    }


def describe(flag: Any, lang: str = "id") -> str:
    """One flagged figure in a sentence: ``omzet Oktober 2026: Rp 50.000.000, 40×
    median 6 bulan sebelumnya (Rp 1.250.000); perlu dicek``."""
    return message("value_to_check", lang, **message_params(flag))


def _labels(lap: pd.DataFrame, back: pd.Series) -> pd.Index:
    """Index labels of each cooperative's latest row, in the order of ``latest``."""
    return lap.index[back.to_numpy() == 0]


def _month_number(months: pd.Series) -> pd.Series:
    """``YYYY-MM`` as a running month count (year · 12 + month − 1)."""
    text = months.astype(str)
    return text.str.slice(0, 4).astype(int) * 12 + text.str.slice(5, 7).astype(int) - 1


def no_flags() -> pd.DataFrame:
    """The result of :func:`implausible_values` where nothing is flagged."""
    return _typed(pd.DataFrame({c: [] for c in RESULT_COLUMNS}))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Whole figures as integers where they are whole (money is whole rupiah)."""
    frame = frame.astype(
        {
            "koperasi_id": object,
            "bulan": object,
            "kolom": object,
            "acuan": "float64",
            "rasio": "float64",
            "alasan": object,
            "n_acuan": "int64",
        }
    )
    values = frame["nilai"].astype("float64")
    if (values == values.round()).all():
        frame["nilai"] = values.astype("int64")
    return frame

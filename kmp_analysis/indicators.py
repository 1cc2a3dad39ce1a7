"""Per-cooperative indicators over an evaluation window (DESIGN §4).

Pure functions over the validated tables: no I/O, no globals. The period ``P`` is a
month ``YYYY-MM``; the window ``W`` is the ``window_months`` calendar months ending at
``P`` and the recent window ``R`` the last ``recent_months`` of them. Reports dated
after ``P`` are ignored, so re-evaluating an earlier period gives what it gave then.
"""

from __future__ import annotations

from collections.abc import Sequence

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


#: What the steps to the next class are counted from (DESIGN §7, "Langkah ke kelas
#: berikutnya"): the window's sums, the latest loan report, the board, the units.
STEP_INPUTS = (
    "jumlah_anggota_terdaftar",
    "jumlah_anggota_aktif",
    "jumlah_pendapatan_usaha",
    "jumlah_biaya_operasional",
    "pinjaman_beredar_akhir",
    "tunggakan_30_akhir",
    "jumlah_pengurus",
    "jumlah_pengawas",
    "unit_simpan_pinjam",
    "unit_klinik_apotek",
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
    the risk flag and the briefs need. The single-period case of
    :func:`indicator_panel`, so that a period's row in the history is, by
    construction, what the evaluation of that period gives.
    """
    panel = indicator_panel(
        koperasi, unit_usaha, laporan_bulanan, rapat, pengurus, [period], thresholds
    )
    return panel.drop(columns="periode").set_index("koperasi_id")


#: Report columns where an empty cell counts as zero (DESIGN §3: money is rupiah).
_ZERO_WHEN_EMPTY = (
    "pendapatan_usaha",
    "biaya_operasional",
    "pinjaman_beredar",
    "pinjaman_tunggak_30",
    "pembelian_produk_lokal",
)
_SUMMED = (
    "anggota_aktif",
    "anggota_terdaftar",
    "omzet",
    "pendapatan_usaha",
    "biaya_operasional",
    "pembelian_produk_lokal",
)


def indicator_panel(
    koperasi: pd.DataFrame,
    unit_usaha: pd.DataFrame,
    laporan_bulanan: pd.DataFrame,
    rapat: pd.DataFrame,
    pengurus: pd.DataFrame,
    periods: Sequence[str],
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """Every §4 indicator of every cooperative at every period, in one pass.

    The reports are laid out as a cooperative × month grid once; each window sum
    is the same six additions, oldest month first, whatever the other periods
    asked for, so a period's figures do not depend on the company it is computed
    in. Rows: cooperatives in the order of ``koperasi``, each with its periods in
    the order given; columns ``koperasi_id``, ``periode``, :data:`INDICATORS`,
    ``laporan_terakhir`` and ``anggota_terdaftar``.

    Examples
    --------
    >>> kop = pd.DataFrame({"koperasi_id": ["A"], "tanggal_badan_hukum": [pd.NaT],
    ...     "nib": [True], "npwp": [True], "rekening_bank": [True],
    ...     "nik_koperasi": [True], "akun_simkopdes": [True]})
    >>> lap = pd.DataFrame({"koperasi_id": ["A", "A"], "bulan": ["2026-01", "2026-03"],
    ...     "anggota_aktif": [5, 10], "anggota_terdaftar": [50, 50],
    ...     "omzet": [0, 900_000], "tenaga_kerja": [1, 2]})
    >>> empty = pd.DataFrame(columns=["koperasi_id", "unit", "status",
    ...     "tanggal_mulai", "jenis", "tahun_buku", "tanggal", "peran",
    ...     "jenjang_pelatihan"])
    >>> p = indicator_panel(kop, empty, lap, empty, empty, ["2026-02", "2026-03"])
    >>> p[["periode", "bulan_lapor", "bulan_transaksi", "partisipasi"]]
       periode  bulan_lapor  bulan_transaksi  partisipasi
    0  2026-02            1                0         0.10
    1  2026-03            2                1         0.15
    """
    t = thresholds or Thresholds()
    ids = pd.Index(koperasi["koperasi_id"], name="koperasi_id")
    periods = list(periods)
    ends = np.array([month_number(p) for p in periods], dtype="int64")
    n, k = len(ids), len(periods)
    width, recent = t.window_months, t.recent_months
    lo = int(ends.min()) - width + 1 if k else 0
    hi = int(ends.max()) if k else -1
    cols = ends - lo  # each period's column in the month grid

    grid = _ReportGrid(laporan_bulanan, ids, lo, hi)
    sums = {c: grid.window_sum(grid.values(c, nan=0.0), width, cols) for c in _SUMMED}
    omzet = grid.values("omzet", nan=0.0)
    trading = (omzet > 0).astype("float64")
    latest = grid.latest(grid.reported, width, cols)
    beredar = grid.values("pinjaman_beredar", nan=0.0)
    last_loan = grid.latest(grid.reported & (beredar > 0), width, cols)

    out: dict[str, np.ndarray] = {}
    out["bulan_lapor"] = grid.window_sum(grid.reported.astype("float64"), width, cols)
    out["bulan_transaksi"] = grid.window_sum(trading, width, cols)
    out["bulan_transaksi_r"] = grid.window_sum(trading, recent, cols)
    for name in ("bulan_lapor", "bulan_transaksi", "bulan_transaksi_r"):
        out[name] = out[name].astype("int64")
    terdaftar = grid.at(grid.values("anggota_terdaftar"), latest)
    out["partisipasi"] = np.nan_to_num(
        _divide(sums["anggota_aktif"], sums["anggota_terdaftar"]), nan=0.0
    )
    out["omzet_per_anggota"] = _divide(sums["omzet"] / width, terdaftar)

    units = _operating_units(unit_usaha)
    out["unit_beroperasi"] = _units_started(units, ids, ends)
    out["kemandirian"] = _divide(sums["pendapatan_usaha"], sums["biaya_operasional"])
    out["par30"] = _divide(
        grid.at(grid.values("pinjaman_tunggak_30", nan=0.0), last_loan),
        grid.at(beredar, last_loan),
    )
    out["tenaga_kerja"] = grid.at(grid.values("tenaga_kerja"), latest)
    out["pembelian_lokal"] = _divide(sums["pembelian_produk_lokal"], sums["omzet"])

    coop = koperasi.set_index("koperasi_id").reindex(ids)
    badan_hukum = _month_numbers(coop["tanggal_badan_hukum"])
    legal = (badan_hukum[:, None] <= ends[None, :]).astype(float)
    for c in LEGAL_DOCS:
        docs = coop[c].astype("boolean").fillna(False).astype(float).to_numpy()
        legal = legal + docs[:, None]
    out["legal"] = legal / (1 + len(LEGAL_DOCS))

    board, pengawas = _board(pengurus, ids)
    lengkap, terlatih = _governance(pengurus, board, pengawas, ids, t)
    out["pengurus_lengkap"] = np.repeat(lengkap.to_numpy()[:, None], k, axis=1)
    out["pengurus_terlatih"] = np.repeat(terlatih.to_numpy()[:, None], k, axis=1)
    out["rat_tepat_waktu"] = _rat_columns(
        coop["tanggal_badan_hukum"], rapat, periods, ids
    )
    savings = _units_started(units[units["unit"] == "simpan_pinjam"], ids, ends) > 0
    health = (
        _units_started(units[units["unit"].isin(["klinik", "apotek"])], ids, ends) > 0
    )
    out["manfaat"] = (
        (np.nan_to_num(out["tenaga_kerja"], nan=0.0) >= t.manfaat_tenaga_kerja).astype(
            "int64"
        )
        + (np.nan_to_num(out["pembelian_lokal"], nan=0.0) > 0).astype("int64")
        + (savings & (out["par30"] <= t.manfaat_par30)).astype("int64")
        + health.astype("int64")
    )

    out["jumlah_anggota_terdaftar"] = sums["anggota_terdaftar"]
    out["jumlah_anggota_aktif"] = sums["anggota_aktif"]
    out["jumlah_pendapatan_usaha"] = sums["pendapatan_usaha"]
    out["jumlah_biaya_operasional"] = sums["biaya_operasional"]
    out["pinjaman_beredar_akhir"] = grid.at(beredar, last_loan)
    out["tunggakan_30_akhir"] = grid.at(
        grid.values("pinjaman_tunggak_30", nan=0.0), last_loan
    )
    out["jumlah_pengurus"] = np.repeat(board.to_numpy()[:, None], k, axis=1)
    out["jumlah_pengawas"] = np.repeat(pengawas.to_numpy()[:, None], k, axis=1)
    out["unit_simpan_pinjam"] = savings
    out["unit_klinik_apotek"] = health

    last_any = grid.last_reported_by(ends)
    frame = pd.DataFrame(
        {
            "koperasi_id": np.repeat(ids.to_numpy(dtype=object), k),
            "periode": np.tile(np.array(periods, dtype=object), n),
        }
    )
    for name in INDICATORS:
        frame[name] = out[name].reshape(n * k)
    for name in STEP_INPUTS:
        frame[name] = out[name].reshape(n * k)
    frame["laporan_terakhir"] = pd.Series(
        _labels(last_any.reshape(n * k)), dtype=object
    )
    frame["anggota_terdaftar"] = terdaftar.reshape(n * k)
    return frame


class _ReportGrid:
    """The monthly reports as a cooperative × month grid, months ``lo`` … ``hi``."""

    def __init__(
        self, laporan_bulanan: pd.DataFrame, ids: pd.Index, lo: int, hi: int
    ) -> None:
        self.ids, self.lo = ids, lo
        months = max(hi - lo + 1, 0)
        codes, months_seen = pd.factorize(laporan_bulanan["bulan"])
        m = np.array([month_number(b) for b in months_seen], dtype="int64")[codes]
        row = ids.get_indexer(laporan_bulanan["koperasi_id"])
        known = row >= 0
        #: Latest month reported before the grid, per cooperative (-1: none).
        self.before = np.full(len(ids), -1, dtype="int64")
        early = known & (m < lo)
        np.maximum.at(self.before, row[early], m[early])
        inside = known & (m >= lo) & (m <= hi)
        self._rows, self._cols = row[inside], m[inside] - lo
        self._frame = laporan_bulanan.loc[inside]
        self.reported = np.zeros((len(ids), months), dtype=bool)
        self.reported[self._rows, self._cols] = True
        self._last = (
            np.maximum.accumulate(
                np.where(self.reported, np.arange(months), -1), axis=1
            )
            if months
            else np.zeros((len(ids), 0), dtype="int64")
        )

    def values(self, column: str, nan: float | None = None) -> np.ndarray:
        """One report column on the grid (missing months and cells: NaN or ``nan``)."""
        grid = np.full(self.reported.shape, np.nan)
        if column in self._frame:
            grid[self._rows, self._cols] = pd.to_numeric(
                self._frame[column], errors="coerce"
            ).to_numpy(dtype="float64", na_value=np.nan)
        elif column not in _ZERO_WHEN_EMPTY:
            raise KeyError(column)
        if nan is not None:
            grid = np.nan_to_num(grid, nan=nan)
        return grid

    @staticmethod
    def window_sum(values: np.ndarray, width: int, cols: np.ndarray) -> np.ndarray:
        """Sum over the ``width`` months ending at each column, oldest first."""
        total = np.zeros((values.shape[0], len(cols)))
        for back in range(width - 1, -1, -1):
            total = total + values[:, cols - back]
        return total

    @staticmethod
    def latest(mask: np.ndarray, width: int, cols: np.ndarray) -> np.ndarray:
        """Column of the latest month in each window where ``mask`` holds (-1: none)."""
        months = mask.shape[1]
        last = np.maximum.accumulate(np.where(mask, np.arange(months), -1), axis=1)[
            :, cols
        ]
        return np.where(last > cols - width, last, -1)

    @staticmethod
    def at(values: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """``values`` at the given column of each row (NaN where the column is -1)."""
        rows = np.arange(values.shape[0])[:, None]
        picked = values[rows, np.maximum(columns, 0)]
        return np.where(columns >= 0, picked, np.nan)

    def last_reported_by(self, ends: np.ndarray) -> np.ndarray:
        """Latest month reported up to each period (any time before it; -1: none)."""
        inside = self._last[:, ends - self.lo]
        return np.where(inside >= 0, inside + self.lo, self.before[:, None])


def _divide(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` where ``den > 0``, NaN elsewhere."""
    out = np.full(np.broadcast(num, den).shape, np.nan)
    ok = den > 0
    np.divide(num, den, out=out, where=ok)
    return out


def _month_numbers(dates: pd.Series) -> np.ndarray:
    """Running month number of each date (a huge number where there is none)."""
    dates = pd.to_datetime(dates)
    numbers = (dates.dt.year * 12 + dates.dt.month - 1).to_numpy(
        dtype="float64", na_value=np.inf
    )
    return numbers


def _units_started(units: pd.DataFrame, ids: pd.Index, ends: np.ndarray) -> np.ndarray:
    """Per cooperative and period: units that had started by the end of the period."""
    row = ids.get_indexer(units["koperasi_id"])
    start = _month_numbers(units["tanggal_mulai"])
    start = np.where(units["tanggal_mulai"].isna().to_numpy(), -np.inf, start)
    known = row >= 0
    started = start[known][:, None] <= ends[None, :]
    counts = np.zeros((len(ids), len(ends)), dtype="int64")
    np.add.at(counts, row[known], started.astype("int64"))
    return counts


def _labels(numbers: np.ndarray) -> np.ndarray:
    """Month labels of running month numbers (None for -1), as objects."""
    out = np.full(len(numbers), None, dtype=object)
    for number in np.unique(numbers[numbers >= 0]):
        out[numbers == number] = month_label(int(number))
    return out


def _rat_columns(
    badan_hukum: pd.Series, rapat: pd.DataFrame, periods: list[str], ids: pd.Index
) -> np.ndarray:
    """:func:`_rat_on_time` of each period, computed once per deadline it implies."""
    out = np.zeros((len(ids), len(periods)), dtype=bool)
    done: dict[int, np.ndarray] = {}
    for j, period in enumerate(periods):
        year, month = (int(x) for x in period.split("-"))
        deadline_year = year if month >= 6 else year - 1
        if deadline_year not in done:
            done[deadline_year] = _rat_on_time(
                badan_hukum, rapat, period, ids
            ).to_numpy()
        out[:, j] = done[deadline_year]
    return out


def _count(series: pd.Series, ids: pd.Index) -> pd.Series:
    return series.reindex(ids).fillna(0).astype("int64")


def _operating_units(unit_usaha: pd.DataFrame) -> pd.DataFrame:
    """Units with status beroperasi (each counts from its ``tanggal_mulai`` on)."""
    return unit_usaha[unit_usaha["status"] == "beroperasi"]


def _board(pengurus: pd.DataFrame, ids: pd.Index) -> tuple[pd.Series, pd.Series]:
    """How many pengurus (not pengawas) and how many pengawas each cooperative has."""
    is_pengawas = pengurus["peran"] == "pengawas"
    board = _count(pengurus[~is_pengawas].groupby("koperasi_id").size(), ids)
    pengawas = _count(pengurus[is_pengawas].groupby("koperasi_id").size(), ids)
    return board, pengawas


def _governance(
    pengurus: pd.DataFrame,
    board: pd.Series,
    pengawas: pd.Series,
    ids: pd.Index,
    t: Thresholds,
) -> tuple[pd.Series, pd.Series]:
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

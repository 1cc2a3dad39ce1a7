"""Every cooperative through every month: history, transitions, dormant spells.

DESIGN §7b. :func:`compute_history` judges every month-end window of the data at
once (one :func:`~kmp_analysis.indicators.indicator_panel` pass, not one evaluation
per month); a row for period ``P`` is what the evaluation of ``P`` gives for that
cooperative. :class:`History` answers "what changed since last time, and for whom":
the class transitions against the previous non-overlapping window (``P − 6``) and
against each cooperative's first window, the cooperatives that have been Tidak
bergerak ("nama tanpa gerak") in every window since their first, the class strip of
the last twelve months, and the class shares month by month.

This module also owns the periods themselves: :func:`check_period` refuses a period
the data cannot judge (after its last month, or before its first), so that a typo
never becomes "every cooperative dormant".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from kmp_analysis.classify import CLASS_RANK, CLASSES, classify_panel
from kmp_analysis.config import Config
from kmp_analysis.errors import Problem, ValidationFailed
from kmp_analysis.index import compute_indices
from kmp_analysis.indicators import (
    INDICATORS,
    indicator_panel,
    month_label,
    month_number,
)
from kmp_analysis.schema import Dataset

#: Columns of ``kmp history``, in export order.
HISTORY_COLUMNS = (
    "koperasi_id",
    "periode",
    "kode_kec",
    "nama_kec",
    *INDICATORS,
    "indeks_output",
    "indeks_outcome",
    "kuadran",
    "kelas",
    "berisiko",
)
#: What an evaluation keeps of its history (the briefs need no more).
COMPACT_COLUMNS = (
    "koperasi_id",
    "periode",
    "kode_kec",
    "kelas",
    "berisiko",
    "indeks_output",
    "indeks_outcome",
    # what a cooperative's card compares with six months earlier
    "bulan_transaksi",
    "partisipasi",
    "omzet_per_anggota",
    "unit_beroperasi",
    "kemandirian",
    "manfaat",
)
#: The class strip of a brief: the last twelve month-end windows.
STRIP_MONTHS = 12
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


# ------------------------------------------------------------------------ periods


def parse_month(value: str, option: str = "--period") -> str:
    """``value`` as ``YYYY-MM``, or a usage problem naming ``option``."""
    value = str(value).strip()
    if not _MONTH.fullmatch(value):
        raise ValidationFailed([Problem(option, None, None, "period_bad", value=value)])
    return value


def check_period(dataset: Dataset, period: str | None, option: str = "--period") -> str:
    """The period to judge: as given, checked against the months the data covers;
    None: the last month of the data.

    A period after the last month of the data (its window would reach past the
    data) or before its first (its window would end before the data begins) is a
    usage error (exit 2) that names the months covered.

    Examples
    --------
    >>> import kmp_analysis as kmp
    >>> from kmp_analysis.paths import SAMPLE_DIR
    >>> dataset = kmp.read_dataset(SAMPLE_DIR)
    >>> check_period(dataset, None) == dataset.last_month
    True
    >>> check_period(dataset, "2030-01")
    Traceback (most recent call last):
    kmp_analysis.errors.ValidationFailed: ...
    """
    first, last = dataset.first_month, dataset.last_month
    if first is None or last is None:
        raise ValidationFailed([Problem(dataset.source, None, None, "period_no_data")])
    if not period:
        return last
    period = parse_month(period, option)
    if period > last:
        key = "period_after_data"
    elif period < first:
        key = "period_before_data"
    else:
        return period
    raise ValidationFailed(
        [Problem(option, None, None, key, value=period, first=first, last=last)]
    )


def month_range(start: str, end: str) -> list[str]:
    """Every month from ``start`` to ``end``, both included.

    Examples
    --------
    >>> month_range("2025-11", "2026-02")
    ['2025-11', '2025-12', '2026-01', '2026-02']
    """
    return [month_label(m) for m in range(month_number(start), month_number(end) + 1)]


def shift(period: str, months: int) -> str:
    """``period`` moved by ``months`` (negative: back).

    >>> shift("2026-04", -6)
    '2025-10'
    """
    return month_label(month_number(period) + months)


def history_periods(
    dataset: Dataset, start: str | None = None, end: str | None = None
) -> list[str]:
    """The month-end periods of a history: ``start`` (default: the first month of
    the data) to ``end`` (default: the last), each checked like ``--period``."""
    end = check_period(dataset, end, "--to")
    start = check_period(dataset, start, "--from") if start else dataset.first_month
    assert start is not None
    if start > end:
        raise ValidationFailed(
            [
                Problem(
                    "--from", None, None, "period_from_after_to", value=start, end=end
                )
            ]
        )
    return month_range(start, end)


# ------------------------------------------------------------------------ history


@dataclass
class History:
    """One row per cooperative and period, and what changed between periods.

    Attributes
    ----------
    panel
        :data:`HISTORY_COLUMNS` (or :data:`COMPACT_COLUMNS`), cooperatives in the
        order of the data, each with its periods oldest first; ``kelas`` is an
        ordered categorical of :data:`~kmp_analysis.classify.CLASSES`.
    periods
        The periods, oldest first.
    first_window
        Per cooperative (index ``koperasi_id``): its first window in the history,
        the later of the first period and the month it was formed (musdes).
    window_months
        The window length: transitions compare ``P`` with ``P − window_months``.
    """

    panel: pd.DataFrame
    periods: list[str]
    first_window: pd.Series
    window_months: int = 6
    #: Figures computed once per history (twenty briefs, or thousands nationally,
    #: ask for the same regency-wide transitions and spells).
    _cache: dict[Any, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def _once(self, key: Any, compute: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    # ------------------------------------------------------------ lookups

    def _classes(self) -> pd.DataFrame:
        """Class codes, cooperatives × periods."""

        def wide() -> pd.DataFrame:
            table = self.panel.pivot(
                index="koperasi_id", columns="periode", values="kelas"
            )
            order = pd.unique(self.panel["koperasi_id"])
            return table.reindex(index=order, columns=self.periods).astype(object)

        return self._once("wide", wide)

    def kelas_at(self, period: str) -> pd.Series:
        """The class of every cooperative at ``period`` (index ``koperasi_id``)."""
        return self._classes()[period]

    def previous(self, period: str) -> str | None:
        """The previous non-overlapping window (``P − 6``), if the history has it."""
        before = shift(period, -self.window_months)
        return before if before in self.periods else None

    def kecamatan_of(self) -> pd.Series:
        """The kecamatan code of every cooperative (index ``koperasi_id``)."""
        return self._once(
            "kecamatan",
            lambda: self.panel.drop_duplicates("koperasi_id").set_index("koperasi_id")[
                "kode_kec"
            ],
        )

    # ------------------------------------------------------------ transitions

    def pairs(self, period: str, since: str | None = None) -> pd.DataFrame:
        """:meth:`_pairs`, computed once per ``period`` and ``since``."""
        return self._once(("pairs", period, since), lambda: self._pairs(period, since))

    def _pairs(self, period: str, since: str | None) -> pd.DataFrame:
        """Per cooperative: ``kode_kec``, its class then (``dari``) and at ``period``
        (``ke``), and the move (``naik``, ``tetap``, ``turun``).

        ``since`` is a period of the history; None: each cooperative's first window.
        A cooperative formed after ``since`` (or after ``period``) is left out: it
        did not exist then.
        """
        wide = self._classes()
        first = self.first_window.reindex(wide.index)
        keep = (first <= (since or period)).to_numpy()
        rows = np.flatnonzero(keep)
        if since is None:
            columns = wide.columns.get_indexer(first.iloc[rows])
        else:
            columns = np.full(len(rows), wide.columns.get_loc(since))
        dari = wide.to_numpy()[rows, columns]
        ke = wide[period].to_numpy()[rows]
        step = np.array(
            [CLASS_RANK[k] - CLASS_RANK[d] for d, k in zip(dari, ke, strict=True)]
        )
        ids = wide.index[rows]
        return pd.DataFrame(
            {
                "kode_kec": self.kecamatan_of().reindex(ids).to_numpy(),
                "dari": dari,
                "ke": ke,
                "gerak": np.select(
                    [step > 0, step < 0], ["naik", "turun"], "tetap"
                ).astype(object)
                if len(step)
                else np.array([], dtype=object),
            },
            index=ids,
        )

    def matrix(
        self, period: str, since: str | None = None, kode_kec: str | None = None
    ) -> pd.DataFrame:
        """Transition counts, class then (rows) × class at ``period`` (columns),
        for one kecamatan or the regency."""
        pairs = self.pairs(period, since)
        if kode_kec is not None:
            pairs = pairs[pairs["kode_kec"] == kode_kec]
        cat = pd.CategoricalDtype(CLASSES, ordered=True)
        table = pd.crosstab(
            pairs["dari"].astype(cat), pairs["ke"].astype(cat), dropna=False
        )
        table = table.reindex(index=list(CLASSES), columns=list(CLASSES), fill_value=0)
        table.index.name, table.columns.name = "dari", "ke"
        return table.astype("int64")

    def moves(
        self, period: str, since: str | None = None, kode_kec: str | None = None
    ) -> dict[str, int]:
        """How many moved up a class, stayed, fell back (naik, tetap, turun)."""
        pairs = self.pairs(period, since)
        if kode_kec is not None:
            pairs = pairs[pairs["kode_kec"] == kode_kec]
        counts = pairs["gerak"].value_counts()
        return {g: int(counts.get(g, 0)) for g in ("naik", "tetap", "turun")}

    def transition_table(self, period: str) -> pd.DataFrame:
        """Transition counts of every kecamatan and of the regency (``kode_kec``
        ``kabupaten``) at ``period``: against the previous non-overlapping window
        (``pembanding`` ``sebelumnya``, where the history has it) and against each
        cooperative's first window (``pertama``). One row per area, comparison and
        class then (``dari``), the counts per class at ``period`` in ``ke_*``."""
        frames = []
        before = self.previous(period)
        comparisons = [("sebelumnya", before)] if before else []
        comparisons.append(("pertama", None))
        cat = pd.CategoricalDtype(CLASSES, ordered=True)
        for name, since in comparisons:
            pairs = self.pairs(period, since)
            for area, rows in [("kabupaten", pairs), *pairs.groupby("kode_kec")]:
                counts = pd.crosstab(
                    rows["dari"].astype(cat), rows["ke"].astype(cat), dropna=False
                ).reindex(index=list(CLASSES), columns=list(CLASSES), fill_value=0)
                table = pd.DataFrame(
                    {
                        "kode_kec": area,
                        "periode": period,
                        "pembanding": name,
                        "periode_dari": since or "",
                        "dari": list(CLASSES),
                    }
                )
                for c in CLASSES:
                    table[f"ke_{c}"] = counts[c].to_numpy(dtype="int64")
                table["jumlah"] = counts.sum(axis=1).to_numpy(dtype="int64")
                frames.append(table)
        return pd.concat(frames, ignore_index=True)

    # ------------------------------------------------------------ spells

    def dormant_spells(self, period: str) -> pd.DataFrame:
        """:meth:`_dormant_spells`, computed once per ``period``."""
        return self._once(("spells", period), lambda: self._dormant_spells(period))

    def _dormant_spells(self, period: str) -> pd.DataFrame:
        """Cooperatives Tidak bergerak in every window from their first to ``period``:
        ``koperasi_id``, ``kode_kec``, ``sejak`` (their first window) and ``bulan``
        (how many month-end windows, both ends included)."""
        wide = self._classes()
        upto = wide.loc[:, :period]
        first = self.first_window.reindex(wide.index)
        started = first <= period
        col_of_first = upto.columns.get_indexer(first.where(started, period))
        dormant = upto.to_numpy() == "tidak_bergerak"
        # dormant at every column from the first window on
        position = np.arange(upto.shape[1])[None, :]
        relevant = position >= col_of_first[:, None]
        never = started.to_numpy() & np.all(dormant | ~relevant, axis=1)
        ids = wide.index[never]
        since = first[never]
        months = [month_number(period) - month_number(s) + 1 for s in since.to_numpy()]
        return pd.DataFrame(
            {
                "koperasi_id": ids.to_numpy(),
                "kode_kec": self.kecamatan_of().reindex(ids).to_numpy(),
                "sejak": since.to_numpy(),
                "bulan": np.asarray(months, dtype="int64"),
            }
        )

    # ------------------------------------------------------------ strips, shares

    def class_strip(self, period: str, months: int = STRIP_MONTHS) -> pd.DataFrame:
        """The class of every cooperative at each of the ``months`` periods ending at
        ``period`` (columns oldest first; None before the history begins)."""
        wanted = month_range(shift(period, -(months - 1)), period)
        return self._classes().reindex(columns=wanted).astype(object)

    def shares(
        self, period: str | None = None, kode_kec: str | None = None
    ) -> pd.DataFrame:
        """Share of each class per period (rows: periods up to ``period``), for one
        kecamatan or the regency."""
        panel = self.panel
        if kode_kec is not None:
            panel = panel[panel["kode_kec"] == kode_kec]
        if period is not None:
            panel = panel[panel["periode"] <= period]
        counts = pd.crosstab(panel["periode"], panel["kelas"].astype(str))
        counts = counts.reindex(columns=list(CLASSES), fill_value=0)
        shares = counts.div(counts.sum(axis=1), axis=0)
        shares.columns.name = None
        return shares

    def moving_share(
        self, period: str | None = None, kode_kec: str | None = None
    ) -> pd.Series:
        """Share Aktif + Berdampak per period (up to ``period``), for one kecamatan
        or the regency: the one figure of movement every page quotes."""
        shares = self.shares(period, kode_kec)
        return shares["aktif"] + shares["berdampak"]

    def kecamatan_trend(self) -> pd.DataFrame:
        """Share Aktif + Berdampak per kecamatan (columns) and period (rows)."""
        moving = self.panel["kelas"].astype(str).isin(["aktif", "berdampak"])
        table = moving.groupby(
            [self.panel["periode"], self.panel["kode_kec"]], observed=True
        ).mean()
        out = table.unstack("kode_kec")
        out.columns.name = None
        return out

    def to_frame(self) -> pd.DataFrame:
        """The panel with ``kelas`` as plain text (for files)."""
        frame = self.panel.copy()
        frame["kelas"] = frame["kelas"].astype(str)
        return frame


def _first_windows(dataset: Dataset, first_period: str) -> pd.Series:
    """Each cooperative's first window: the later of ``first_period`` and the month
    of its musdes (a cooperative formed later did not exist before)."""
    koperasi = dataset["koperasi"]
    formed = pd.to_datetime(koperasi["tanggal_musdes"]).dt.strftime("%Y-%m")
    formed = formed.where(formed.notna(), first_period).astype(object)
    first = np.where(formed.to_numpy() > first_period, formed, first_period)
    return pd.Series(first, index=pd.Index(koperasi["koperasi_id"], name="koperasi_id"))


def compute_history(
    dataset: Dataset,
    start: str | None = None,
    end: str | None = None,
    config: Config | None = None,
    columns: tuple[str, ...] = HISTORY_COLUMNS,
) -> History:
    """Every month-end window from ``start`` to ``end`` in one pass (DESIGN §7b).

    Parameters
    ----------
    dataset
        What :func:`kmp_analysis.io.read_dataset` read.
    start, end
        ``YYYY-MM``; default: the first and the last month of the data. Both are
        checked against the months the data covers.
    config
        As for :func:`kmp_analysis.evaluate`.
    columns
        The panel's columns (:data:`HISTORY_COLUMNS`, or :data:`COMPACT_COLUMNS`).

    Examples
    --------
    >>> import kmp_analysis as kmp
    >>> from kmp_analysis.history import compute_history
    >>> from kmp_analysis.paths import SAMPLE_DIR
    >>> dataset = kmp.read_dataset(SAMPLE_DIR)
    >>> hist = compute_history(dataset, start="2026-09")
    >>> hist.periods
    ['2026-09', '2026-10']
    >>> ev = kmp.evaluate(dataset, "2026-10")
    >>> (hist.kelas_at("2026-10").to_numpy()
    ...  == ev.cooperatives.set_index("koperasi_id")["kelas"]
    ...     .reindex(hist.kelas_at("2026-10").index).astype(str).to_numpy()).all()
    np.True_
    """
    config = config or Config()
    periods = history_periods(dataset, start, end)
    t = config.thresholds
    panel = indicator_panel(
        dataset["koperasi"],
        dataset["unit_usaha"],
        dataset["laporan_bulanan"],
        dataset["rapat"],
        dataset["pengurus"],
        periods,
        t,
    )
    places = dataset.places().set_index("koperasi_id")
    for col in ("kode_kec", "nama_kec"):
        panel[col] = places[col].reindex(panel["koperasi_id"]).to_numpy()
    panel = panel.join(compute_indices(panel, config.indeks))
    panel = panel.join(classify_panel(panel, t))
    return History(
        panel=panel.loc[:, list(columns)],
        periods=periods,
        first_window=_first_windows(dataset, periods[0]),
        window_months=t.window_months,
    )

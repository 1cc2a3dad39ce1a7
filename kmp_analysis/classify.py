"""Activity classes, reason codes and the Berisiko flag (DESIGN §5).

Classes, lowest first: ``tidak_bergerak`` (dormant, "nama tanpa gerak"),
``administratif`` (formal only), ``aktif``, ``berdampak`` (impactful). Every
cooperative carries the criteria of the next class up that it fails, with the measured
value, e.g. ``partisipasi 0.12 < 0.20``, so a brief can say why in one line.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kmp_analysis.config import Thresholds
from kmp_analysis.indicators import month_label, month_number

#: Class codes, lowest first.
CLASSES = ("tidak_bergerak", "administratif", "aktif", "berdampak")
#: Each class's place, lowest 0: a move up is a rise in rank.
CLASS_RANK = {c: i for i, c in enumerate(CLASSES)}


@dataclass(frozen=True)
class Criterion:
    """``indicator >= threshold``: one condition of a class."""

    indicator: str
    threshold: float
    is_int: bool = False

    def passes(self, values: pd.Series) -> pd.Series:
        return (values >= self.threshold).fillna(False).astype(bool)

    def reason(self, value: float) -> str:
        """``partisipasi 0.12 < 0.20``, with enough decimals to tell the two apart."""
        if value is None or pd.isna(value):
            shown = "–"
        elif self.is_int:
            shown = f"{value:.0f}"
        else:
            shown = _distinct(value, self.threshold)
        limit = f"{self.threshold:.0f}" if self.is_int else f"{self.threshold:.2f}"
        return f"{self.indicator} {shown} < {limit}"


def _distinct(value: float, threshold: float) -> str:
    for decimals in (2, 3, 4, 6):
        shown = f"{value:.{decimals}f}"
        if shown != f"{threshold:.{decimals}f}":
            return shown
    return f"{value:.6f}"


def criteria(t: Thresholds) -> dict[str, list[Criterion]]:
    """The criteria to reach each class from the one below it."""
    return {
        "administratif": [Criterion("bulan_transaksi_r", 1, is_int=True)],
        "aktif": [
            Criterion("bulan_transaksi", t.aktif_bulan_transaksi, is_int=True),
            Criterion("partisipasi", t.aktif_partisipasi),
            Criterion("unit_beroperasi", t.aktif_unit_beroperasi, is_int=True),
        ],
        "berdampak": [
            Criterion("partisipasi", t.berdampak_partisipasi),
            Criterion("unit_beroperasi", t.berdampak_unit_beroperasi, is_int=True),
            Criterion("kemandirian", t.berdampak_kemandirian),
            Criterion("manfaat", t.berdampak_manfaat, is_int=True),
        ],
    }


def class_codes(indicators: pd.DataFrame, t: Thresholds) -> np.ndarray:
    """The class of each row (DESIGN §5, in its order), as an array of codes."""
    rules = criteria(t)
    meets = {
        name: pd.concat([c.passes(indicators[c.indicator]) for c in crits], axis=1).all(
            axis=1
        )
        for name, crits in rules.items()
    }
    dormant = ~meets["administratif"]
    aktif = ~dormant & meets["aktif"]
    berdampak = aktif & meets["berdampak"]
    return np.select(
        [dormant, berdampak, aktif],
        ["tidak_bergerak", "berdampak", "aktif"],
        default="administratif",
    )


def classify(
    indicators: pd.DataFrame, period: str, thresholds: Thresholds | None = None
) -> pd.DataFrame:
    """``kelas``, ``alasan``, ``berisiko`` and ``alasan_risiko`` per cooperative.

    ``indicators`` is the frame of :func:`kmp_analysis.indicators.compute_indicators`
    for the same ``period``; the result has the same index.
    """
    t = thresholds or Thresholds()
    rules = criteria(t)
    kelas = class_codes(indicators, t)
    out = pd.DataFrame(index=indicators.index)
    out["kelas"] = pd.Categorical(kelas, categories=CLASSES, ordered=True)
    next_up = {
        "tidak_bergerak": "administratif",
        "administratif": "aktif",
        "aktif": "berdampak",
    }
    parts = []
    for level, up in next_up.items():
        in_level = kelas == level
        for criterion in rules[up]:
            values = indicators[criterion.indicator]
            failing = in_level & ~criterion.passes(values).to_numpy()
            parts.append(_texts(failing, values, criterion.reason))
    out["alasan"] = _join(parts, indicators.index)
    risk = risk_reasons(indicators, period, t)
    out["berisiko"] = risk.map(bool)
    out["alasan_risiko"] = risk
    return out


def classify_panel(indicators: pd.DataFrame, t: Thresholds) -> pd.DataFrame:
    """``kelas`` and ``berisiko`` of every row of an indicator panel (no reasons).

    ``indicators`` has a ``periode`` column (:func:`~kmp_analysis.indicators.
    indicator_panel`); each row is judged at its own period, as :func:`classify`
    judges one period.
    """
    out = pd.DataFrame(index=indicators.index)
    out["kelas"] = pd.Categorical(
        class_codes(indicators, t), categories=CLASSES, ordered=True
    )
    masks = _risk_masks(indicators, month_numbers(indicators["periode"]), t)
    out["berisiko"] = np.logical_or.reduce(list(masks.values()))
    return out


def month_numbers(months: pd.Series) -> np.ndarray:
    """:func:`~kmp_analysis.indicators.month_number` of a column of months (-1 where
    empty), each distinct month parsed once."""
    codes, seen = pd.factorize(months)
    numbers = np.array([month_number(m) for m in seen] + [-1], dtype="int64")
    return numbers[codes]


def _texts(mask: np.ndarray, values: pd.Series, make) -> pd.Series:
    """``make(value)`` where ``mask`` holds, '' elsewhere (Python only where needed)."""
    texts = np.full(len(values), "", dtype=object)
    where = np.flatnonzero(mask)
    picked = values.to_numpy(dtype=object)[where]
    texts[where] = [make(v) for v in picked]
    return pd.Series(texts, index=values.index)


def _join(parts: list[pd.Series], index: pd.Index) -> pd.Series:
    """Join the non-empty texts of each row with '; '."""
    if not parts:
        return pd.Series("", index=index, dtype=object)
    table = np.column_stack([p.to_numpy(dtype=object) for p in parts])
    return pd.Series(
        ["; ".join(x for x in row if x) for row in table], index=index, dtype=object
    )


def _risk_masks(
    indicators: pd.DataFrame, periods: np.ndarray, t: Thresholds
) -> dict[str, np.ndarray]:
    """Each Berisiko rule as a boolean per row; ``periods`` are month numbers."""
    last = month_numbers(indicators["laporan_terakhir"])
    return {
        "par30": (indicators["par30"] > t.risiko_par30).fillna(False).to_numpy(bool),
        "basi": (last < 0) | (last < periods - t.risiko_bulan_basi),
        "pengurus": ~indicators["pengurus_lengkap"].astype(bool).to_numpy(),
    }


def risk_reasons(indicators: pd.DataFrame, period: str, t: Thresholds) -> pd.Series:
    """Why each cooperative is Berisiko ('' where it is not).

    par30 above the limit; the latest report older than ``risiko_bulan_basi`` months
    before the end of the period (or none at all); pengurus not complete.
    """
    masks = _risk_masks(indicators, np.int64(month_number(period)), t)
    fresh_from = month_label(month_number(period) - t.risiko_bulan_basi)
    parts = [
        _texts(
            masks["par30"],
            indicators["par30"],
            lambda v: f"par30 {_distinct(v, t.risiko_par30)} > {t.risiko_par30:.2f}",
        ),
        _texts(
            masks["basi"],
            indicators["laporan_terakhir"],
            lambda m: f"laporan_terakhir {'–' if pd.isna(m) else m} < {fresh_from}",
        ),
        _texts(
            masks["pengurus"],
            indicators["pengurus_lengkap"],
            lambda _: "pengurus_lengkap tidak",
        ),
    ]
    return _join(parts, indicators.index)

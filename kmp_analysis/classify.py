"""Activity classes, reason codes and the Berisiko flag (DESIGN §5).

Classes, lowest first: ``tidak_bergerak`` (dormant, "nama tanpa gerak"),
``administratif`` (formal only), ``aktif``, ``berdampak`` (impactful). Every
cooperative carries the criteria of the next class up that it fails, with the measured
value, e.g. ``partisipasi 0.12 < 0.20``, so a brief can say why in one line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kmp_analysis.config import Thresholds
from kmp_analysis.indicators import month_label, month_number

#: Class codes, lowest first.
CLASSES = ("tidak_bergerak", "administratif", "aktif", "berdampak")


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


def classify(
    indicators: pd.DataFrame, period: str, thresholds: Thresholds | None = None
) -> pd.DataFrame:
    """``kelas``, ``alasan``, ``berisiko`` and ``alasan_risiko`` per cooperative.

    ``indicators`` is the frame of :func:`kmp_analysis.indicators.compute_indicators`
    for the same ``period``; the result has the same index.
    """
    t = thresholds or Thresholds()
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
    kelas = np.select(
        [dormant, berdampak, aktif],
        ["tidak_bergerak", "berdampak", "aktif"],
        default="administratif",
    )
    out = pd.DataFrame(index=indicators.index)
    out["kelas"] = pd.Categorical(kelas, categories=CLASSES, ordered=True)
    next_up = {
        "tidak_bergerak": "administratif",
        "administratif": "aktif",
        "aktif": "berdampak",
    }
    out["alasan"] = [
        _reasons(rules[next_up[k]], row) if k in next_up else ""
        for k, (_, row) in zip(kelas, indicators.iterrows(), strict=True)
    ]
    risk = risk_reasons(indicators, period, t)
    out["berisiko"] = risk.map(bool)
    out["alasan_risiko"] = risk
    return out


def _reasons(crits: list[Criterion], row: pd.Series) -> str:
    failed = [c.reason(row[c.indicator]) for c in crits if not _passes(c, row)]
    return "; ".join(failed)


def _passes(criterion: Criterion, row: pd.Series) -> bool:
    value = row[criterion.indicator]
    return bool(pd.notna(value) and value >= criterion.threshold)


def risk_reasons(indicators: pd.DataFrame, period: str, t: Thresholds) -> pd.Series:
    """Why each cooperative is Berisiko ('' where it is not).

    par30 above the limit; the latest report older than ``risiko_bulan_basi`` months
    before the end of the period (or none at all); pengurus not complete.
    """
    oldest_fresh = month_number(period) - t.risiko_bulan_basi
    checks: list[tuple[pd.Series, Callable[[pd.Series], str]]] = [
        (
            (indicators["par30"] > t.risiko_par30).fillna(False),
            lambda r: (
                f"par30 {_distinct(r['par30'], t.risiko_par30)} > {t.risiko_par30:.2f}"
            ),
        ),
        (
            indicators["laporan_terakhir"].map(
                lambda m: pd.isna(m) or month_number(m) < oldest_fresh
            ),
            lambda r: (
                "laporan_terakhir "
                + (
                    "–"
                    if pd.isna(r["laporan_terakhir"])
                    else str(r["laporan_terakhir"])
                )
                + f" < {month_label(oldest_fresh)}"
            ),
        ),
        (
            ~indicators["pengurus_lengkap"].astype(bool),
            lambda r: "pengurus_lengkap tidak",
        ),
    ]
    reasons = pd.Series("", index=indicators.index, dtype=object)
    for mask, text in checks:
        mask = mask.astype(bool)
        for idx in mask[mask].index:
            row = indicators.loc[idx]
            reasons.loc[idx] = "; ".join(x for x in (reasons.loc[idx], text(row)) if x)
    return reasons

"""What one cooperative's report card ("rapor") says (issue 13, DESIGN §8).

:class:`RaporContent` computes, with pandas only, everything the one-page card
shows to a cooperative's pengurus, pendamping and desa: where it stands (class now
and six months earlier, the 12-month strip), its outcome indicators beside the
kecamatan median and the threshold of the next class, the steps to the next class
in things they can count (:func:`kmp_analysis.recommend.next_steps`), its village
context, its pengurus' training, its BUMDes partner, its risk flags and the figures
to check; and ``rapor.json`` for machines. The notebook that renders it comes next.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from kmp_analysis import recommend
from kmp_analysis.classify import criteria
from kmp_analysis.config import check_lang
from kmp_analysis.consistency import describe
from kmp_analysis.errors import UsageError
from kmp_analysis.evaluation import Evaluation
from kmp_analysis.report.tables import (
    context_word,
    describe_reasons,
    describe_step,
    move_arrow,
)
from kmp_analysis.safeio import atomic_write_text

#: The outcome indicators a card shows, in its order.
CARD_INDICATORS = (
    "bulan_transaksi",
    "partisipasi",
    "omzet_per_anggota",
    "unit_beroperasi",
    "kemandirian",
    "manfaat",
)


@dataclass
class RaporContent:
    """What one cooperative's card says, over an evaluated regency."""

    evaluation: Evaluation
    koperasi_id: str
    lang: str = "id"

    def __post_init__(self) -> None:
        check_lang(self.lang)
        if self.koperasi_id not in set(self.evaluation.cooperatives["koperasi_id"]):
            raise UsageError("koperasi_unknown", value=self.koperasi_id).about(
                "koperasi_id"
            )

    @cached_property
    def row(self) -> dict[str, Any]:
        coops = self.evaluation.cooperatives
        return coops[coops["koperasi_id"] == self.koperasi_id].iloc[0].to_dict()

    @property
    def kelas(self) -> str:
        return str(self.row["kelas"])

    # ------------------------------------------------------------ where it stands

    @property
    def since(self) -> str | None:
        hist = self.evaluation.history
        return hist.previous(self.evaluation.period) if hist is not None else None

    def previous_class(self) -> str | None:
        """Its class six months earlier (None before the data, or not yet formed)."""
        hist, since = self.evaluation.history, self.since
        if hist is None or since is None:
            return None
        first = hist.first_window.get(self.koperasi_id)
        if first is not None and first > since:
            return None
        value = hist.kelas_at(since).get(self.koperasi_id)
        return None if value is None or pd.isna(value) else str(value)

    def arrow(self) -> str | None:
        """↑ moved up, ↓ fell back, = stayed (None without a previous class)."""
        before = self.previous_class()
        if before is None:
            return None
        return move_arrow(before, self.kelas)

    def strip(self) -> list[str | None]:
        """Its class at each of the last 12 month-end windows, oldest first."""
        hist = self.evaluation.history
        if hist is None:
            return []
        values = hist.class_strip(self.evaluation.period).loc[self.koperasi_id]
        return [None if pd.isna(v) else str(v) for v in values]

    # ------------------------------------------------------------ indicators

    def indicators(self) -> pd.DataFrame:
        """Its outcome indicators: value, change since six months earlier, the
        median of its kecamatan and the threshold of its next class (where the
        next class asks for that indicator)."""
        ev, row = self.evaluation, self.row
        own = ev.of_kecamatan(row["kode_kec"])
        before = self._values_at(self.since)
        needed = {}
        nxt = recommend.NEXT_CLASS.get(self.kelas)
        if nxt is not None:
            needed = {
                c.indicator: c.threshold for c in criteria(ev.config.thresholds)[nxt]
            }
        rows = []
        for name in CARD_INDICATORS:
            value = row.get(name)
            then = before.get(name) if before else None
            rows.append(
                {
                    "indikator": name,
                    "nilai": value,
                    "perubahan": None
                    if _missing(value) or _missing(then)
                    else float(value) - float(then),
                    "median_kecamatan": own[name].median(),
                    "ambang_berikutnya": needed.get(name),
                }
            )
        return pd.DataFrame(rows)

    def _values_at(self, period: str | None) -> dict[str, Any] | None:
        hist = self.evaluation.history
        if hist is None or period is None:
            return None
        ev = self.evaluation
        by_key = ev.memo(
            "history_by_cooperative",
            lambda: hist.panel.set_index(["koperasi_id", "periode"]).sort_index(),
        )
        key = (self.koperasi_id, period)
        return by_key.loc[key].to_dict() if key in by_key.index else None

    # ------------------------------------------------------------ steps

    def steps(self) -> list[dict[str, Any]]:
        """What is missing for the next class, easiest first, then the risk flag's."""
        return recommend.next_steps(
            self.row, self.evaluation.period, self.evaluation.config.thresholds
        )

    def step_sentences(self) -> list[str]:
        """Each step as a line a pengurus can act on."""
        return [describe_step(s, self.lang) for s in self.steps()]

    # ------------------------------------------------------------ around it

    def context(self) -> list[str]:
        """Its desa's context in words (empty outside Kukar)."""
        row = self.row
        if "status_idm" not in row:
            return []
        return [
            str(context_word(c, row[c], self.lang))
            for c in ("status_idm", "bank_bpr", "pasar_permanen", "jalan_roda_empat")
            if row.get(c) is not None
        ]

    def training(self) -> dict[str, Any]:
        """Its pengurus and pengawas per training tier, and how many go to which
        next tier (DESIGN §7)."""
        tables = self.evaluation.tables
        if tables is None:
            return {}
        people = tables["pengurus"][
            tables["pengurus"]["koperasi_id"] == self.koperasi_id
        ]
        tiers = people["jenjang_pelatihan"].astype(str).value_counts()
        nxt = recommend.training_participants(
            self.evaluation.cooperatives[
                self.evaluation.cooperatives["koperasi_id"] == self.koperasi_id
            ],
            people,
        )["jenjang_berikut"].value_counts()
        return {
            "jenjang": {t: int(tiers.get(t, 0)) for t in ("belum", *recommend.TIERS)},
            "berikutnya": {t: int(nxt.get(t, 0)) for t in recommend.TIERS},
        }

    def bumdes(self) -> pd.DataFrame:
        """Its desa's BUMDes and what to agree with it."""
        if self.evaluation.tables is None:
            return pd.DataFrame()
        sync = _bumdes_agreements(self.evaluation)
        return sync[sync["koperasi_id"] == self.koperasi_id].reset_index(drop=True)

    def risks(self) -> str:
        """Why it is Berisiko, in words ('' where it is not)."""
        return describe_reasons(self.row.get("alasan_risiko"), self.lang)

    def to_check(self) -> list[str]:
        """Its figures that look implausible against its own history."""
        flags = self.evaluation.perlu_dicek
        own = flags[flags["koperasi_id"] == self.koperasi_id]
        return [describe(f, self.lang) for f in own.itertuples(index=False)]

    # ------------------------------------------------------------ for machines

    def to_json(self) -> dict[str, Any]:
        """``rapor.json``: the class now, before and next, and the steps."""
        row = self.row
        return {
            "koperasi_id": self.koperasi_id,
            "nama_koperasi": row.get("nama_koperasi"),
            "kode_desa": row.get("kode_desa"),
            "kode_kec": row.get("kode_kec"),
            "periode": self.evaluation.period,
            "sintetis": self.evaluation.synthetic,
            "kelas": self.kelas,
            "kelas_sebelumnya": self.previous_class(),
            "kelas_berikutnya": recommend.NEXT_CLASS.get(self.kelas),
            "jejak_kelas": self.strip(),
            "langkah": recommend.step_records(self.steps()),
            "berisiko": bool(row.get("berisiko")),
            "perlu_dicek": self.to_check(),
        }

    def save_json(self, out_dir: str | Path) -> Path:
        target = Path(out_dir) / "rapor.json"
        atomic_write_text(
            target, json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"
        )
        return target


def card_inputs(evaluation: Evaluation) -> dict[str, str]:
    """What each cooperative's card is made of, as one digest per ``koperasi_id``:
    its evaluated row, its rows in the history, the medians of its kecamatan, its
    pengurus, its BUMDes agreements, its figures to check, and the period.

    The batch keys a card on it (with the notebook, parameters, config and code):
    a card is rebuilt when one of these changes, and only then. Computed for every
    cooperative in one pass over each table (≈ 0.1 s for 237 cards, where making
    every card's content would take ≈ 3 s).
    """
    ev = evaluation
    coops = ev.cooperatives
    ids = coops["koperasi_id"].astype(str)
    pieces = [_digests(coops)]
    medians = coops.groupby("kode_kec", observed=True)[list(CARD_INDICATORS)].median()
    median_text = medians.astype(str).agg("|".join, axis=1)
    pieces.append(pd.Series(coops["kode_kec"].map(median_text).values, index=ids))
    hist = ev.history
    if hist is not None:
        pieces.append(_digests(hist.panel))
        pieces.append(hist.first_window.astype(str))
    if ev.tables is not None:
        pieces.append(_digests(ev.tables["pengurus"]))
        pieces.append(_digests(_bumdes_agreements(ev)))
    pieces.append(_digests(ev.perlu_dicek))
    common = f"{ev.period}|{ev.synthetic}"
    out = {}
    for kid in ids:
        text = "\n".join([common, *(str(p.get(kid, "")) for p in pieces)])
        out[kid] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return out


def _bumdes_agreements(ev: Evaluation) -> pd.DataFrame:
    """Every cooperative's BUMDes agreements, computed once per evaluation (the
    cards and their cache keys read them)."""
    tables = ev.tables
    assert tables is not None
    return ev.memo(
        "bumdes_sync",
        lambda: recommend.bumdes_sync(
            ev.cooperatives, tables["unit_usaha"], tables["bumdes"]
        ),
    )


def _digests(frame: pd.DataFrame) -> pd.Series:
    """Per ``koperasi_id``, the hashes of its rows of ``frame`` in order, as text."""
    if frame.empty or "koperasi_id" not in frame.columns:
        return pd.Series(dtype=str)
    rows = pd.util.hash_pandas_object(frame.astype(str), index=False).astype(str)
    return rows.groupby(frame["koperasi_id"].astype(str).values).agg(",".join)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))

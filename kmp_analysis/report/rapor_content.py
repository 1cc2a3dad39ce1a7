"""What one cooperative's report card ("rapor") says (issue 13, DESIGN §8).

:class:`RaporContent` computes, with pandas only, everything the one-page card
shows to a cooperative's pengurus, pendamping and desa: where it stands (class now
and six months earlier, the 12-month strip), its outcome indicators beside the
kecamatan median and the threshold of the next class, the steps to the next class
in things they can count (:func:`kmp_analysis.recommend.next_steps`), its village
context, its pengurus' training, its pendamping and financing, its BUMDes partner,
its risk flags and the figures to check; and ``rapor.json`` for machines.
:mod:`kmp_analysis.report.rapor` renders it.
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
from kmp_analysis.i18n import fmt_int, fmt_rupiah, label
from kmp_analysis.recommend import TIERS
from kmp_analysis.report.tables import (
    context_word,
    date_month,
    describe_reasons,
    describe_step,
    move_arrow,
    next_tier_phrase,
)
from kmp_analysis.safeio import atomic_write_text
from kmp_analysis.support import (
    SUPPORT_TABLES,
    has_data,
    support_record,
    tables_with_data,
)

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

    @cached_property
    def support_row(self) -> dict[str, Any] | None:
        """What support it has received by the period
        (:attr:`Evaluation.support`); None without input tables."""
        table = self.evaluation.support
        if table is None:
            return None
        memo = self.evaluation.memo(
            "dukungan_by_id", lambda: table.set_index("koperasi_id")
        )
        return {"koperasi_id": self.koperasi_id, **memo.loc[self.koperasi_id]}

    def support_data(self) -> dict[str, bool]:
        """Which optional tables have data (a line without says so)."""
        return tables_with_data(self.evaluation.tables)

    def training(self) -> dict[str, Any]:
        """Its pengurus and pengawas per training tier, how many are trained, how
        many go to which next tier (DESIGN §7), and the last course passed."""
        row = self.support_row
        if row is None:
            return {}
        record = support_record(row)
        return {
            key: record[key]
            for key in (
                "pengurus",
                "terlatih",
                "jenjang",
                "berikutnya",
                "pelatihan_terakhir",
            )
        }

    def support_lines(self) -> list[str]:
        """Its pengurus' training ("Pengurus terlatih: 3 dari 7 (dasar 2, menengah
        1); jenjang berikutnya: 4 orang ke dasar, 1 orang ke menengah"), its
        pendamping ("Pendamping: PD-…; didampingi sejak Februari 2026 (8
        bulan)", or none), and its financing where any was disbursed."""
        row, lang = self.support_row, self.lang
        if row is None:
            return []
        trained = ", ".join(
            label(
                "rapor_tier_item",
                lang,
                tier=label(t, lang).lower(),
                n=fmt_int(row[f"jenjang_{t}"], lang),
            )
            for t in TIERS
            if row[f"jenjang_{t}"]
        )
        line = label(
            "rapor_training",
            lang,
            terlatih=fmt_int(row["terlatih"], lang),
            pengurus=fmt_int(row["pengurus"], lang),
            tiers=trained or "–",
            next=next_tier_phrase({t: row[f"ke_{t}"] for t in TIERS}, lang) or "–",
        )
        if not pd.isna(row["pelatihan_terakhir"]):
            line += label(
                "rapor_last_course",
                lang,
                month=date_month(row["pelatihan_terakhir"], lang),
            )
        lines = [line]
        if pd.isna(row["ada_pendamping"]):
            lines.append(label("rapor_pendamping_no_data", lang))
        elif row["ada_pendamping"]:
            lines.append(
                label(
                    "rapor_pendamping",
                    lang,
                    id=row["pendamping_id"],
                    month=date_month(row["pendamping_pertama"], lang),
                    n=fmt_int(row["bulan_pendampingan"], lang),
                )
            )
        elif not pd.isna(row["pendamping_pertama"]):
            lines.append(
                label(
                    "rapor_pendamping_left",
                    lang,
                    month_from=date_month(row["pendamping_pertama"], lang),
                    month_to=date_month(row["pendampingan_selesai"], lang),
                )
            )
        else:
            lines.append(label("rapor_pendamping_none", lang))
        if not pd.isna(row["dibiayai"]) and row["dibiayai"]:
            many = row["kali_pembiayaan"] > 1
            lines.append(
                label(
                    "rapor_financing_many" if many else "rapor_financing_one",
                    lang,
                    jumlah=fmt_rupiah(row["jumlah_pembiayaan"], lang),
                    month=date_month(row["pembiayaan_terakhir"], lang),
                    bank="–" if pd.isna(row["bank"]) else row["bank"],
                    **({"n": fmt_int(row["kali_pembiayaan"], lang)} if many else {}),
                )
            )
        return lines

    def bumdes(self) -> pd.DataFrame:
        """Its desa's BUMDes and what to agree with it."""
        if self.evaluation.tables is None:
            return pd.DataFrame()
        sync = _bumdes_agreements(self.evaluation)
        return sync[sync["koperasi_id"] == self.koperasi_id].reset_index(drop=True)

    def around_lines(self) -> list[str]:
        """The lines of "Sekitar koperasi": its desa, its support (training,
        pendamping, financing), its BUMDes, why it is at risk, its figures to
        check."""
        lang = self.lang
        lines = []
        context = self.context()
        if context:
            lines.append(label("rapor_context", lang, facts="; ".join(context)))
        lines += self.support_lines()
        for r in self.bumdes().itertuples(index=False):
            lines.append(
                label(
                    "rapor_bumdes",
                    lang,
                    nama=r.nama_bumdes,
                    tindakan=label(str(r.tindakan), lang),
                )
            )
        risks = self.risks()
        if risks:
            lines.append(label("rapor_risks", lang, risks=risks))
        lines += [label("rapor_check", lang, flag=f) for f in self.to_check()]
        return lines

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
            "dukungan": None
            if self.support_row is None
            else {"ada_data": self.support_data(), **support_record(self.support_row)},
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
    pengurus, its rows of pelatihan, pendampingan and pembiayaan, its BUMDes
    agreements, its figures to check, and the period.

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
        for name in SUPPORT_TABLES:  # absent from an evaluation saved before
            if has_data(ev.tables, name):
                pieces.append(_digests(ev.tables[name]))
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

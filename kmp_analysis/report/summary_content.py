"""What the regency summary says, as numbers, sentences and tables (DESIGN §8).

:class:`SummaryContent` computes the headline, the per-kecamatan table with ranks,
the pendamping allocation and the training totals, and the JSON sidecar, with pandas
only. Per-kecamatan numbers come from :attr:`Evaluation.kecamatan` (the table the
batch computed once, ranks included), so the summary, the briefs and ``kmp evaluate``
agree; only where an evaluation carries no such table is it computed here.
:class:`kmp_analysis.report.summary.Summary` renders it for the notebook.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kmp_analysis import recommend
from kmp_analysis.classify import CLASS_RANK, CLASSES
from kmp_analysis.config import check_lang
from kmp_analysis.evaluation import (
    PEER_INDICATORS,
    Evaluation,
    classes_by_status,
    kecamatan_table,
    peer_medians,
)
from kmp_analysis.evaluation import headline as headline_counts
from kmp_analysis.i18n import (
    fmt_dec,
    fmt_int,
    fmt_num,
    fmt_pct,
    fmt_percent,
    join_names,
    label,
)
from kmp_analysis.index import INDICES, QUADRANTS, RankUncertainty, rank_uncertainty
from kmp_analysis.reference import NOT_APPLICABLE
from kmp_analysis.report.effects_content import effect_sentences
from kmp_analysis.report.tables import context_word
from kmp_analysis.safeio import atomic_write_text
from kmp_analysis.training_waves import WavePlan, plan_training

#: Name of the machine-readable summary written by :meth:`Summary.save_json`.
JSON_FILE = "ringkasan.json"

#: Share of draws from which a kecamatan counts as changing tercile (as the chart).
MOVING_THRESHOLD = 0.10

#: Rows of the *perlu ditanya* and *titik terang* lists shown (the rest counted).
CONTEXT_LIST_CAP = 10

#: Village-context codes a list entry carries in ringkasan.json.
_FACT_COLUMNS = (
    "status_idm",
    "bank_bpr",
    "fasilitas_kredit",
    "pasar_permanen",
    "jalan_roda_empat",
    "waktu_ke_faskes",
)

_RANK_COLUMNS = (
    "peringkat",
    "peringkat_median",
    "peringkat_p05",
    "peringkat_p95",
    "tersil",
    "pindah_tersil",
)


@dataclass
class SummaryContent:
    """What the regency summary says, over an evaluated regency (DESIGN §8)."""

    evaluation: Evaluation
    lang: str = "id"
    parameters: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_lang(self.lang)

    @property
    def cooperatives(self) -> pd.DataFrame:
        return self.evaluation.cooperatives

    @cached_property
    def kecamatan(self) -> pd.DataFrame:
        """Per kecamatan with cooperatives: counts, shares, mean indices, ranks."""
        table = self.evaluation.kecamatan
        if table is None:
            if len(self.cooperatives) == 0:
                return pd.DataFrame(columns=["kode_kec", "nama_kec", "n_koperasi"])
            table = kecamatan_table(self.cooperatives, self.evaluation.config)
        table = table.sort_values("kode_kec", ignore_index=True)
        return table.assign(
            pangsa_aktif_berdampak=table["pangsa_aktif"] + table["pangsa_berdampak"]
        )

    @cached_property
    def rank_result(self) -> RankUncertainty:
        """The outcome-index Monte Carlo, recomputed for its draws (same seed)."""
        config = self.evaluation.config
        return rank_uncertainty(
            self.cooperatives, config.indeks, config.monte_carlo, index="outcome"
        )

    @property
    def effects_json(self) -> dict[str, Any]:
        """The effects of support (:attr:`Evaluation.effects`, JSON form)."""
        return self.evaluation.effects

    def effect_sentences(self) -> list[str]:
        """One plain sentence per effort on its effect on participation."""
        minimum = self.evaluation.config.efek.min_koperasi_diperlakukan
        return effect_sentences(self.effects_json, self.lang, minimum)

    def headline_numbers(self) -> dict[str, Any]:
        """Regency totals: cooperatives, per class, at risk, kecamatan per quadrant.

        The counts are :func:`kmp_analysis.evaluation.headline` over the regency, the
        numbers ``index.html`` shows for a brief.
        """
        h = headline_counts(self.cooperatives, self.evaluation.period)
        table = self.kecamatan
        kuadran = table["kuadran"] if "kuadran" in table else pd.Series(dtype=object)
        h["n_kecamatan"] = len(table)
        h["kuadran"] = {q: int((kuadran == q).sum()) for q in QUADRANTS.values()}
        return h

    @property
    def remote_weight(self) -> float:
        """``rekomendasi.bobot_terpencil`` of the config (0: remoteness is off)."""
        return float(self.evaluation.config.rekomendasi.bobot_terpencil)

    @cached_property
    def allocation(self) -> pd.DataFrame | str:
        """:func:`recommend.allocate_pendamping` with K and the remoteness weight
        from the config, or the reader's message why it cannot be computed."""
        k = self.evaluation.config.rekomendasi.pendamping
        try:
            return recommend.allocate_pendamping(
                self.cooperatives, k, self.remote_weight
            )
        except recommend.AllocationError as error:
            return error.text(self.lang)

    @cached_property
    def allocation_unweighted(self) -> pd.DataFrame | str:
        """The allocation without the remoteness weight (the same object when the
        weight is 0), to say what the weight changed."""
        if not self.remote_weight:
            return self.allocation
        k = self.evaluation.config.rekomendasi.pendamping
        try:
            return recommend.allocate_pendamping(self.cooperatives, k)
        except recommend.AllocationError as error:
            return error.text(self.lang)

    def remoteness_changes(self) -> pd.DataFrame:
        """Kecamatan whose pendamping the remoteness weight changed: without and
        with it and the difference, gains first (empty when off or unchanged)."""
        columns = ["kode_kec", "nama_kec", "tanpa_bobot", "dengan_bobot", "selisih"]
        weighted, plain = self.allocation, self.allocation_unweighted
        if (
            not self.remote_weight
            or isinstance(weighted, str)
            or isinstance(plain, str)
        ):
            return pd.DataFrame(columns=columns)
        frame = pd.DataFrame(
            {
                "kode_kec": weighted["kode_kec"],
                "nama_kec": weighted["nama_kec"],
                "tanpa_bobot": plain["pendamping"].to_numpy(),
                "dengan_bobot": weighted["pendamping"].to_numpy(),
            }
        )
        frame["selisih"] = frame["dengan_bobot"] - frame["tanpa_bobot"]
        frame = frame[frame["selisih"] != 0]
        return frame.sort_values(
            ["selisih", "kode_kec"], ascending=[False, True], ignore_index=True
        )[columns]

    def remoteness_sentences(self) -> list[str]:
        """What the remoteness weight is and how it changed the allocation, in one
        or two sentences (none when the weight is 0)."""
        lang, w = self.lang, self.remote_weight
        alloc = self.allocation
        if not w or isinstance(alloc, str) or alloc.empty:
            return []
        if not self.has_context:
            return [label("ringkasan_terpencil_no_context", lang, w=_num(w, lang))]
        in_need = int((alloc["tidak_bergerak"] + alloc["administratif"]).sum())
        out = [
            label(
                "ringkasan_terpencil_note",
                lang,
                w=_num(w, lang),
                times=_num(1 + w, lang),
                n_far=fmt_int(int(alloc["terpencil"].sum()), lang),
                n=fmt_int(in_need, lang),
            )
        ]
        changes = self.remoteness_changes()
        if changes.empty:
            out.append(label("ringkasan_terpencil_unchanged", lang))
            return out

        def names(rows: pd.DataFrame) -> str:
            return join_names(
                [
                    f"{r.nama_kec} {'+' if r.selisih > 0 else '−'}"
                    f"{fmt_int(abs(r.selisih), lang)}"
                    for r in rows.itertuples()
                ],
                lang,
            )

        gain = changes[changes["selisih"] > 0]
        lose = changes[changes["selisih"] < 0]
        out.append(
            label(
                "ringkasan_terpencil_changed",
                lang,
                n_gain=fmt_int(len(gain), lang),
                gain=names(gain),
                n_lose=fmt_int(len(lose), lang),
                lose=names(lose),
                moved=fmt_int(int(gain["selisih"].sum()), lang),
            )
        )
        return out

    @cached_property
    def training_plan(self) -> pd.DataFrame | None:
        """:func:`recommend.training_plan` over the regency (None without the
        pengurus table)."""
        tables = self.evaluation.tables
        if tables is None or "pengurus" not in tables:
            return None
        size = self.evaluation.config.rekomendasi.ukuran_kelas_pelatihan
        return recommend.training_plan(
            self.cooperatives, tables["pengurus"], class_size=size
        )

    def training_totals(self) -> pd.DataFrame:
        """Participants and classes per tier over the regency, with a total row.

        Classes are formed per kecamatan, so the regency's classes are the sum of
        the kecamatan classes (not the participants divided by the class size).
        """
        plan = self.training_plan
        if plan is None or plan.empty:
            return pd.DataFrame(columns=["jenjang", "peserta", "kelas_pelatihan"])
        sums = plan.groupby("jenjang")[["peserta", "kelas_pelatihan"]].sum()
        sums = sums.reindex([t for t in recommend.TIERS if t in sums.index])
        total = pd.DataFrame(
            {
                "peserta": [int(sums["peserta"].sum())],
                "kelas_pelatihan": [int(sums["kelas_pelatihan"].sum())],
            },
            index=["ringkasan_total"],
        )
        out = pd.concat([sums, total]).rename_axis("jenjang").reset_index()
        return out.astype({"peserta": "int64", "kelas_pelatihan": "int64"})

    @cached_property
    def wave_plan(self) -> WavePlan | None:
        """The next training waves (:func:`~kmp_analysis.training_waves.
        plan_training`) with the config's waves, seed and class size: the plan
        ``kmp plan-training`` writes with its defaults (None without the pengurus
        table)."""
        tables = self.evaluation.tables
        if tables is None or "pengurus" not in tables:
            return None
        rec = self.evaluation.config.rekomendasi
        return plan_training(
            self.cooperatives,
            tables["pengurus"],
            waves=rec.gelombang_pelatihan,
            seed=rec.benih_gelombang,
            class_size=rec.ukuran_kelas_pelatihan,
            period=self.evaluation.period,
        )

    def waves_lines(self) -> list[str]:
        """What the summary says of the plan: the three lines of why the order is
        drawn, then what it holds (participants, kecamatan, waves, seed, class
        size) and what the reader must know (fewer waves, kecamatan left out)."""
        plan, lang = self.wave_plan, self.lang
        if plan is None or not plan.n_waves:
            return []
        note = label(
            "ringkasan_waves_note",
            lang,
            peserta=fmt_int(plan.kecamatan["peserta"].sum(), lang),
            kec=fmt_int(len(plan.kecamatan), lang),
            waves=fmt_int(plan.n_waves, lang),
            seed=plan.seed,
            size=fmt_int(plan.class_size, lang),
        )
        return [*plan.explanation(lang), note, *plan.notes(lang)]

    def waves_frame(self) -> pd.DataFrame:
        """Per wave: its kecamatan (strongest stratum first), participants and
        classes, with a total row."""
        columns = ["gelombang", "kecamatan", "peserta", "kelas_pelatihan"]
        plan = self.wave_plan
        if plan is None or not plan.n_waves:
            return pd.DataFrame(columns=columns)
        waves = plan.by_wave()
        frame = waves.assign(
            gelombang=waves["gelombang"].astype(str),
            kecamatan=waves["kecamatan"].map(lambda names: ", ".join(names)),
        )
        total = {
            "gelombang": label("ringkasan_total", self.lang),
            "kecamatan": "",
            "peserta": int(waves["peserta"].sum()),
            "kelas_pelatihan": int(waves["kelas_pelatihan"].sum()),
        }
        return pd.concat([frame, pd.DataFrame([total])], ignore_index=True)[columns]

    def waves_json(self) -> dict[str, Any] | None:
        """The plan for machines: seed, waves, and per wave its kecamatan codes,
        participants and classes (None without the pengurus table)."""
        plan = self.wave_plan
        if plan is None:
            return None
        table = plan.kecamatan
        return {
            "benih": plan.seed,
            "gelombang_diminta": plan.waves_asked,
            "ukuran_kelas": plan.class_size,
            "undian": plan.draw,
            "gelombang": [
                {
                    "gelombang": int(wave),
                    "kecamatan": [str(k) for k in part["kode_kec"]],
                    "peserta": int(part["peserta"].sum()),
                    "kelas_pelatihan": int(part["kelas_pelatihan"].sum()),
                }
                for wave, part in table.groupby("gelombang", sort=True)
            ],
            "tanpa_peserta": [str(k) for k in plan.left_out["kode_kec"]],
        }

    def sentences(self) -> list[str]:
        """Three or four sentences from the data for the headline."""
        lang = self.lang
        h = self.headline_numbers()
        table = self.kecamatan
        if h["n"] == 0 or table.empty:
            return [
                label("ringkasan_sentence_none", lang, period=self.evaluation.period)
            ]
        n_tb = h["kelas"]["tidak_bergerak"]
        out = [
            label(
                "ringkasan_sentence_overall",
                lang,
                n=fmt_int(h["n"], lang),
                n_aktif=fmt_int(h["aktif_atau_berdampak"], lang),
                pct_aktif=fmt_pct(h["aktif_atau_berdampak"], h["n"], lang),
                n_tb=fmt_int(n_tb, lang),
                pct_tb=fmt_pct(n_tb, h["n"], lang),
                n_risk=fmt_int(h["berisiko"], lang),
                pct_risk=fmt_pct(h["berisiko"], h["n"], lang),
            )
        ]
        if n_tb == 0:
            out.append(label("ringkasan_sentence_no_dormant", lang))
        else:
            dormant = extremes(table, "pangsa_tidak_bergerak", lang)
            out.append(label("ringkasan_sentence_dormant", lang, **dormant))
        active = extremes(table, "pangsa_aktif_berdampak", lang)
        out.append(label("ringkasan_sentence_active", lang, **active))
        split = self.evaluation.config.indeks.batas_kuadran
        out.append(
            label(
                "ringkasan_sentence_quadrant",
                lang,
                n_formal=fmt_int(h["kuadran"]["formalitas"], lang),
                n_kec=fmt_int(h["n_kecamatan"], lang),
                formalitas=label("formalitas", lang),
                split=split_text(split, lang),
                n_top=fmt_int(h["kuadran"]["berkinerja"], lang),
                berkinerja=label("berkinerja", lang),
            )
        )
        return out

    def pendamping_frame(self) -> pd.DataFrame:
        """The allocation as shown: most facilitators first, with a total row;
        with a remoteness weight also the remote cooperatives in need and the
        allocation without the weight."""
        alloc = self.allocation
        if isinstance(alloc, str):  # raises the allocation's own error
            k = self.evaluation.config.rekomendasi.pendamping
            alloc = recommend.allocate_pendamping(
                self.cooperatives, k, self.remote_weight
            )
        weighted = "terpencil" in alloc
        if weighted:
            plain = self.allocation_unweighted
            alloc = alloc.assign(
                pendamping_tanpa_bobot=plain["pendamping"].to_numpy()
                if not isinstance(plain, str)
                else pd.NA
            )
        shown = alloc.sort_values(
            ["pendamping", "kebutuhan", "kode_kec"],
            ascending=[False, False, True],
            kind="stable",
        )
        counts = ["tidak_bergerak", "administratif"]
        if weighted:
            counts += ["terpencil"]
        after = ["pendamping_tanpa_bobot", "pendamping"] if weighted else ["pendamping"]
        total = {c: shown[c].sum() for c in [*counts, "kebutuhan", *after]}
        frame = pd.concat(
            [
                shown[["nama_kec", *counts, "kebutuhan", "kuota", *after]],
                pd.DataFrame(
                    [
                        {
                            "nama_kec": label("ringkasan_total", self.lang),
                            **total,
                            "kuota": float(shown["kuota"].sum()),
                        }
                    ]
                ),
            ],
            ignore_index=True,
        )
        frame["kuota"] = frame["kuota"].map(lambda v: fmt_dec(v, self.lang, 2))
        if weighted:
            frame["kebutuhan"] = frame["kebutuhan"].map(lambda v: _num(v, self.lang))
        else:
            frame["kebutuhan"] = frame["kebutuhan"].astype("int64")
        return frame[["nama_kec", *counts, "kebutuhan", "kuota", *after]]

    def training_frame(self) -> pd.DataFrame:
        """Per kecamatan and tier: "participants (classes)", with a total column."""
        plan = self.training_plan
        lang = self.lang
        if plan is None or plan.empty:
            return pd.DataFrame(columns=["nama_kec", *recommend.TIERS])
        rows = []
        for (_, nama), part in plan.groupby(["kode_kec", "nama_kec"], sort=True):
            row = {"nama_kec": nama}
            by_tier = part.set_index("jenjang")
            for tier in recommend.TIERS:
                if tier in by_tier.index:
                    r = by_tier.loc[tier]
                    row[tier] = (
                        f"{fmt_int(r['peserta'], lang)} "
                        f"({fmt_int(r['kelas_pelatihan'], lang)})"
                    )
                else:
                    row[tier] = "–"
            row["ringkasan_total"] = (
                f"{fmt_int(part['peserta'].sum(), lang)} "
                f"({fmt_int(part['kelas_pelatihan'].sum(), lang)})"
            )
            rows.append(row)
        return pd.DataFrame(rows)

    # ---------------------------------------------------------- village context

    @property
    def has_context(self) -> bool:
        """Whether the cooperatives carry their village's context (Kukar's IDM;
        data with its own geography has none)."""
        return "status_idm" in self.cooperatives and len(self.cooperatives) > 0

    def context_classes(self) -> pd.DataFrame:
        """:func:`~kmp_analysis.evaluation.classes_by_status`: cooperatives per IDM
        status of their desa and class (kelurahan last), empty without context."""
        if not self.has_context:
            return pd.DataFrame()
        return classes_by_status(self.cooperatives)

    def context_peers(self) -> pd.DataFrame:
        """:func:`~kmp_analysis.evaluation.peer_medians` per IDM status, as rows
        (``status_idm``, ``n``, the medians), empty without context."""
        if not self.has_context:
            return pd.DataFrame(columns=["status_idm", "n", *PEER_INDICATORS])
        return peer_medians(self.cooperatives).reset_index()

    def ask_why(self) -> pd.DataFrame:
        """*Perlu ditanya* (:func:`recommend.ask_why`), Tidak bergerak first, the
        lowest outcome index first within a class (the most surprising first)."""
        return self._context_list(recommend.ask_why(self.cooperatives), low=True)

    def bright_spots(self) -> pd.DataFrame:
        """*Titik terang* (:func:`recommend.bright_spots`), Berdampak first, the
        highest outcome index first within a class."""
        return self._context_list(recommend.bright_spots(self.cooperatives), low=False)

    @staticmethod
    def _context_list(frame: pd.DataFrame, low: bool) -> pd.DataFrame:
        if frame.empty:
            return frame
        rank = frame["kelas"].astype(object).map(CLASS_RANK)
        outcome = (
            frame["indeks_outcome"]
            if "indeks_outcome" in frame
            else pd.Series(np.nan, index=frame.index)
        )
        order = frame.assign(_rank=rank if low else -rank, _outcome=outcome)
        return order.sort_values(
            ["_rank", "_outcome", "koperasi_id"],
            ascending=[True, low, True],
            na_position="last",
            kind="stable",
            ignore_index=True,
        ).drop(columns=["_rank", "_outcome"])

    def context_facts(self, row: Any) -> str:
        """The facts of a cooperative's desa that put it on its list, in words:
        for a favourable desa its status, bank or credit, market and road
        ("Mandiri; ada bank/BPR; pasar permanen; jalan roda empat sepanjang
        tahun"); for a hard one its status and what makes it hard."""
        lang = self.lang
        status = context_word("status_idm", row["status_idm"], lang)
        words = [str(status)]
        if row["konteks"] == "mendukung":
            money = "bank_bpr" if row["bank_bpr"] == "ada" else "fasilitas_kredit"
            facts = [(money, "ada"), ("pasar_permanen", "ada")]
            facts.append(("jalan_roda_empat", row["jalan_roda_empat"]))
        else:
            facts = []
            if row["bank_bpr"] != "ada" and row["fasilitas_kredit"] != "ada":
                words.append(label("konteks_tanpa_bank_kredit", lang))
            if row["jalan_roda_empat"] != "sepanjang_tahun":
                facts.append(("jalan_roda_empat", row["jalan_roda_empat"]))
            if row["waktu_ke_faskes"] == "lebih_60":
                facts.append(("waktu_ke_faskes", row["waktu_ke_faskes"]))
        words += [str(context_word(column, code, lang)) for column, code in facts]
        return "; ".join(words)

    def context_list_frame(
        self, frame: pd.DataFrame, cap: int = CONTEXT_LIST_CAP
    ) -> pd.DataFrame:
        """The first ``cap`` rows of a context list as shown: desa, kecamatan,
        class and the facts of the desa in words."""
        shown = frame.head(cap)
        return pd.DataFrame(
            {
                "nama_desa": shown["nama_desa"].to_numpy(),
                "nama_kec": shown["nama_kec"].to_numpy(),
                "kelas": shown["kelas"].astype(object).to_numpy(),
                "fakta_desa": [self.context_facts(r) for _, r in shown.iterrows()],
            }
        )

    def context_table_frame(self) -> pd.DataFrame:
        """Cooperatives per IDM status and class as shown: "count (share)" per
        class, the row total, and a total row."""
        table = self.context_classes()
        lang = self.lang
        if table.empty:
            return pd.DataFrame()
        total = table[["n_koperasi", *(f"n_{c}" for c in CLASSES)]].sum()
        rows = []
        for _, r in table.iterrows():
            rows.append((context_word("status_idm", r["status_idm"], lang), r))
        rows.append((label("ringkasan_total", lang), total))
        out = []
        for name, r in rows:
            n = int(r["n_koperasi"])
            entry = {"status_desa": name, "n_koperasi": fmt_int(n, lang)}
            for c in CLASSES:
                count = int(r[f"n_{c}"])
                entry[f"n_{c}"] = f"{fmt_int(count, lang)} ({fmt_pct(count, n, lang)})"
            out.append(entry)
        return pd.DataFrame(out)

    def context_peer_frame(self) -> pd.DataFrame:
        """The peer medians as shown, with a row for every cooperative."""
        peers = self.context_peers()
        lang = self.lang
        if peers.empty:
            return pd.DataFrame()
        everyone = self.cooperatives[list(PEER_INDICATORS)].median()
        rows = [
            (context_word("status_idm", r["status_idm"], lang), r)
            for _, r in peers.iterrows()
        ]
        all_row = {"n": len(self.cooperatives), **everyone.to_dict()}
        rows.append((label("konteks_semua_kmp", lang), all_row))

        def shown(value: Any, how: str) -> str:
            if value is None or pd.isna(value):
                return "–"
            if how == "pct":
                return fmt_percent(value, lang)
            if how == "rp":
                return fmt_int(value, lang)
            return fmt_dec(value, lang, 2)

        return pd.DataFrame(
            [
                {
                    "status_desa": name,
                    "n_koperasi": fmt_int(int(r["n"]), lang),
                    "median_partisipasi": shown(r["partisipasi"], "pct"),
                    "median_omzet_per_anggota": shown(r["omzet_per_anggota"], "rp"),
                    "median_kemandirian": shown(r["kemandirian"], "dec"),
                }
                for name, r in rows
            ]
        )

    def context_sentences(self) -> list[str]:
        """The class shares by IDM status in one sentence, and that this is context,
        not a cause."""
        lang = self.lang
        table = self.context_classes()
        if table.empty:
            return []
        items = []
        for _, r in table.iterrows():
            n = int(r["n_koperasi"])
            active = int(r["n_aktif"] + r["n_berdampak"])
            items.append(
                label(
                    "ringkasan_konteks_item",
                    lang,
                    status=label("konteks_kelurahan", lang)
                    if r["status_idm"] == NOT_APPLICABLE
                    else context_word("status_idm", r["status_idm"], lang),
                    pct=fmt_pct(active, n, lang),
                    n_active=fmt_int(active, lang),
                    n=fmt_int(n, lang),
                )
            )
        return [
            label("ringkasan_konteks_shares", lang, items=join_names(items, lang)),
            label("ringkasan_konteks_not_cause", lang),
        ]

    def context_json(self) -> dict[str, Any] | None:
        """The village context for machines: classes by IDM status, both lists in
        full, and the peer medians (None without village context)."""
        if not self.has_context:
            return None
        table = self.context_classes()

        def entries(frame: pd.DataFrame) -> dict[str, Any]:
            return {
                "n": len(frame),
                "koperasi": [
                    {
                        "koperasi_id": _plain(r["koperasi_id"]),
                        "kode_desa": _plain(r["kode_desa"]),
                        "kode_kec": _plain(r["kode_kec"]),
                        "kelas": str(r["kelas"]),
                        "konteks": {c: _plain(r[c]) for c in _FACT_COLUMNS},
                        "fakta": self.context_facts(r),
                    }
                    for _, r in frame.iterrows()
                ],
            }

        return {
            "sumber": "Indeks Desa Membangun 2024 (Kemendes PDTT)",
            "kelas_per_status": [
                {
                    "status_idm": r["status_idm"],
                    "n_koperasi": int(r["n_koperasi"]),
                    "kelas": {c: int(r[f"n_{c}"]) for c in CLASSES},
                    "pangsa": {c: _plain(r[f"pangsa_{c}"]) for c in CLASSES},
                }
                for _, r in table.iterrows()
            ],
            "perlu_ditanya": entries(self.ask_why()),
            "titik_terang": entries(self.bright_spots()),
            "median_sejawat": [
                {k: _plain(v) for k, v in r.items()}
                for r in self.context_peers().astype({"n": "int64"}).to_dict("records")
            ],
        }

    # ------------------------------------------------------------ what changed

    @property
    def since(self) -> str | None:
        """The previous non-overlapping window (``P − 6``), where the data has it."""
        hist = self.evaluation.history
        return hist.previous(self.evaluation.period) if hist is not None else None

    def improvement(self) -> pd.DataFrame:
        """Per kecamatan: the share Aktif + Berdampak at ``P − 6`` and now, and the
        change in percentage points, most improved first (empty without ``P − 6``)."""
        hist, since = self.evaluation.history, self.since
        columns = ["kode_kec", "nama_kec", "pangsa_dulu", "pangsa_kini", "perubahan"]
        if hist is None or since is None:
            return pd.DataFrame(columns=columns)
        trend = hist.kecamatan_trend()
        names = self.kecamatan.set_index("kode_kec")["nama_kec"]
        then, now = trend.loc[since], trend.loc[self.evaluation.period]
        frame = pd.DataFrame(
            {
                "kode_kec": now.index,
                "nama_kec": names.reindex(now.index).to_numpy(),
                "pangsa_dulu": then.reindex(now.index).to_numpy(),
                "pangsa_kini": now.to_numpy(),
            }
        )
        frame["perubahan"] = 100 * (frame["pangsa_kini"] - frame["pangsa_dulu"])
        return frame.sort_values(
            ["perubahan", "kode_kec"], ascending=[False, True], ignore_index=True
        )[columns]

    def dormant_durations(self) -> pd.DataFrame:
        """How long the cooperatives that are still "nama tanpa gerak" (Tidak
        bergerak in every window since their first) have been so: count per
        number of months, longest first."""
        hist = self.evaluation.history
        if hist is None:
            return pd.DataFrame(columns=["bulan", "jumlah"])
        spells = hist.dormant_spells(self.evaluation.period)
        counts = spells["bulan"].value_counts().sort_index(ascending=False)
        return pd.DataFrame(
            {"bulan": counts.index.astype("int64"), "jumlah": counts.to_numpy()}
        )

    def change_sentences(self) -> list[str]:
        """What changed for the regency, in two or three sentences."""
        hist, lang = self.evaluation.history, self.lang
        if hist is None:
            return []
        period, since = self.evaluation.period, self.since
        out = []
        if since is None:
            out.append(
                label(
                    "change_no_previous",
                    lang,
                    first=hist.periods[0],
                    months=self.evaluation.config.thresholds.window_months,
                )
            )
        else:
            moves = hist.moves(period, since)
            moves = {key: fmt_int(n, lang) for key, n in moves.items()}
            out.append(label("ringkasan_change_moves", lang, since=since, **moves))
            better = self.improvement()
            if len(better) >= 2 and better["perubahan"].iloc[-1] >= 0:
                top = better.iloc[0]
                out.append(
                    label(
                        "ringkasan_change_best_no_worse",
                        lang,
                        nama=top["nama_kec"],
                        up=fmt_int(top["perubahan"], lang, signed=True),
                    )
                )
            elif len(better) >= 2:
                top, low = better.iloc[0], better.iloc[-1]
                out.append(
                    label(
                        "ringkasan_change_best",
                        lang,
                        nama=top["nama_kec"],
                        up=fmt_int(top["perubahan"], lang, signed=True),
                        nama_low=low["nama_kec"],
                        down=fmt_int(low["perubahan"], lang, signed=True),
                    )
                )
        spells = hist.dormant_spells(period)
        if len(spells):
            out.append(
                label(
                    "ringkasan_change_never",
                    lang,
                    n=fmt_int(len(spells), lang),
                    median=int(spells["bulan"].median()),
                    longest=int(spells["bulan"].max()),
                    since=str(spells["sejak"].min()),
                )
            )
        return out

    def change_json(self) -> dict[str, Any] | None:
        """What changed, for machines: the regency's transition matrix and moves,
        the kecamatan that improved and worsened, the dormant durations."""
        hist = self.evaluation.history
        if hist is None:
            return None
        period, since = self.evaluation.period, self.since
        better = self.improvement()
        return {
            "sejak": since,
            "perpindahan": hist.matrix(period, since).to_dict(orient="index")
            if since
            else None,
            "gerak": hist.moves(period, since) if since else None,
            "kecamatan": [
                {k: _plain(v) for k, v in row.items()}
                for row in better.to_dict("records")
            ],
            "tanpa_gerak": {
                str(int(r.bulan)): int(r.jumlah)
                for r in self.dormant_durations().itertuples(index=False)
            },
        }

    def to_json(self) -> dict[str, Any]:
        """What the summary says, machine-readable (JSON-native values only)."""
        ev = self.evaluation
        alloc = self.allocation
        per_kec = (
            {}
            if isinstance(alloc, str)
            else dict(zip(alloc["kode_kec"], alloc["pendamping"], strict=True))
        )
        kecamatan = []
        for row in self.kecamatan.to_dict("records"):
            entry = {
                "kode_kec": row["kode_kec"],
                "nama_kec": row["nama_kec"],
                "n_koperasi": row["n_koperasi"],
                "kelas": {c: row[f"n_{c}"] for c in CLASSES},
                "berisiko": row["berisiko"],
                "indeks_output": row["indeks_output"],
                "indeks_outcome": row["indeks_outcome"],
                "kuadran": row["kuadran"],
            }
            for index in INDICES:
                for column in _RANK_COLUMNS:
                    key = f"{column}_{index}"
                    entry[key] = row.get(key)
            entry["pendamping"] = per_kec.get(row["kode_kec"])
            kecamatan.append({k: _plain(v) for k, v in entry.items()})
        for entry in kecamatan:
            entry["kelas"] = {k: _plain(v) for k, v in entry["kelas"].items()}
        totals = self.training_totals()
        return {
            "period": ev.period,
            "window": ev.window,
            "synthetic": ev.synthetic,
            "lang": self.lang,
            "headline": self.headline_numbers(),
            "sentences": self.sentences(),
            "pendamping": self.pendamping_json(),
            "pelatihan": None
            if self.training_plan is None
            else {
                str(r.jenjang): {
                    "peserta": int(r.peserta),
                    "kelas_pelatihan": int(r.kelas_pelatihan),
                }
                for r in totals.itertuples(index=False)
                if r.jenjang in recommend.TIERS
            },
            "rencana_pelatihan": self.waves_json(),
            "kecamatan": kecamatan,
            "perubahan": self.change_json(),
            "konteks_desa": self.context_json(),
            "efek": self.effects_json,
        }

    def pendamping_json(self) -> dict[str, Any]:
        """K, the allocation per kecamatan with the remoteness weight of the config
        and without it (the same when the weight is 0), or the error."""
        alloc, plain = self.allocation, self.allocation_unweighted

        def per_kec(frame: pd.DataFrame | str) -> dict[str, int] | None:
            if isinstance(frame, str):
                return None
            return {
                str(kode): int(n)
                for kode, n in zip(frame["kode_kec"], frame["pendamping"], strict=True)
            }

        return {
            "k": self.evaluation.config.rekomendasi.pendamping,
            "error": alloc if isinstance(alloc, str) else None,
            "bobot_terpencil": self.remote_weight,
            "alokasi": per_kec(alloc),
            "alokasi_tanpa_bobot_terpencil": per_kec(plain),
            "perubahan_bobot_terpencil": [
                {k: _plain(v) for k, v in r.items()}
                for r in self.remoteness_changes().to_dict("records")
            ],
        }

    def save_json(self, out_dir: str | Path) -> Path:
        """Write ``ringkasan.json`` into ``out_dir`` (atomically)."""
        target = Path(out_dir) / JSON_FILE
        text = json.dumps(self.to_json(), indent=2, ensure_ascii=False, allow_nan=False)
        atomic_write_text(target, text + "\n")
        return target


def extremes(table: pd.DataFrame, column: str, lang: str) -> dict[str, str]:
    """The kecamatan with the highest and with the lowest share ``column``, and
    those shares, as message parameters ``nama``, ``pct``, ``nama_low``,
    ``pct_low``."""
    values = table[column].to_numpy(dtype="float64")
    top = table.loc[np.isclose(values, values.max()), "nama_kec"].tolist()
    low = table.loc[np.isclose(values, values.min()), "nama_kec"].tolist()
    return {
        "nama": join_names(top, lang),
        "pct": fmt_percent(values.max(), lang),
        "nama_low": join_names(low, lang),
        "pct_low": fmt_percent(values.min(), lang),
    }


def split_text(split: float, lang: str) -> str:
    """The quadrant split as a short decimal: 0,5 (not 0,50)."""
    return fmt_num(split, lang, 2)


def _num(value: float, lang: str) -> str:
    """A weight or a need as short as it is: 1, 1,5, 2,25 (two decimals at most)."""
    return split_text(float(value), lang)


def _plain(value: Any) -> Any:
    """``value`` as a JSON-native Python value (NumPy scalars unwrapped, a
    missing value as None)."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float):
        return round(value, 6)
    return value

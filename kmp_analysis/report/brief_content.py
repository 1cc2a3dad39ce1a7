"""What a kecamatan brief says, as numbers, sentences and tables (DESIGN §8).

:class:`BriefContent` computes everything the brief shows and its JSON sidecar from
an evaluated regency, with pandas only: it is what the batch hashes to decide whether
a brief must be rebuilt, and what the tests check, without IPython or matplotlib.
:class:`kmp_analysis.report.brief.Brief` renders it for the notebook.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from kmp_analysis import recommend, reference
from kmp_analysis.classify import CLASSES
from kmp_analysis.config import check_lang
from kmp_analysis.consistency import describe
from kmp_analysis.evaluation import PEER_INDICATORS, Evaluation, headline, peer_medians
from kmp_analysis.i18n import (
    fmt_dec,
    fmt_int,
    fmt_num,
    fmt_pct,
    fmt_percent,
    fmt_rupiah,
    label,
)
from kmp_analysis.indicators import month_label, month_number
from kmp_analysis.recommend import TIERS
from kmp_analysis.reference import CONTEXT_COLUMNS
from kmp_analysis.report.tables import (
    date_month,
    describe_step,
    format_indicator,
    in_table_order,
    move_arrow,
    next_tier_phrase,
)
from kmp_analysis.safeio import atomic_write_text
from kmp_analysis.support import (
    LEVELS,
    SUPPORT_TABLES,
    has_data,
    kecamatan_support,
    support_record,
    tables_with_data,
)

#: Data-quality ratings: (green if at least, amber if at least) for coverage,
#: (green if at most, amber if at most) for the share of stale reporters.
COVERAGE_LIMITS = (0.80, 0.50)
STALE_LIMITS = (0.10, 0.30)
#: Figures to check listed in the data-quality box; the rest are counted.
TO_CHECK_SHOWN = 5
#: What brief.json says of each figure to check.
TO_CHECK_FIELDS = ("koperasi_id", "bulan", "kolom", "nilai", "acuan", "rasio")


@dataclass
class BriefContent:
    """What one kecamatan's brief says, over an evaluated regency (DESIGN §8)."""

    evaluation: Evaluation
    kode_kec: str
    lang: str = "id"
    parameters: dict[str, Any] = field(default_factory=dict)
    #: Where the data lies (Kukar's reference unless the data brings its own).
    geography: reference.Geography = field(default_factory=reference.kukar)

    def __post_init__(self) -> None:
        check_lang(self.lang)

    @property
    def nama_kec(self) -> str:
        coops = self.cooperatives
        if len(coops):
            return str(coops["nama_kec"].iloc[0])
        return self.geography.name_of(self.kode_kec)

    @cached_property
    def cooperatives(self) -> pd.DataFrame:
        return self.evaluation.of_kecamatan(self.kode_kec)

    def headline(self) -> dict[str, Any]:
        return headline(self.cooperatives, self.evaluation.period)

    def _tables(self) -> dict[str, pd.DataFrame]:
        tables = self.evaluation.tables
        if tables is None:
            raise ValueError("the evaluation carries no input tables")
        return tables

    @cached_property
    def supported(self) -> pd.DataFrame:
        """Didukung: Aktif and Berdampak cooperatives, with siap pembiayaan."""
        return recommend.supported(self.cooperatives, self._own_rows("koperasi"))

    @cached_property
    def to_evaluate(self) -> pd.DataFrame:
        """Dievaluasi: Tidak bergerak first, then Administratif, with reasons."""
        return recommend.to_evaluate(self.cooperatives)

    @cached_property
    def training_plan(self) -> pd.DataFrame:
        size = self.evaluation.config.rekomendasi.ukuran_kelas_pelatihan
        return recommend.training_plan(
            self.cooperatives, self._own_rows("pengurus"), class_size=size
        )

    @cached_property
    def bumdes_actions(self) -> pd.DataFrame:
        actions = recommend.bumdes_sync(
            self.cooperatives,
            self._own_rows("unit_usaha"),
            self._own_rows("bumdes"),
        )
        return actions[actions["kode_kec"] == self.kode_kec].reset_index(drop=True)

    def _kecamatan_row(self) -> pd.Series | None:
        table = self.evaluation.kecamatan
        if table is None:
            return None
        rows = table[table["kode_kec"] == self.kode_kec]
        return None if rows.empty else rows.iloc[0]

    @cached_property
    def perlu_dicek(self) -> pd.DataFrame:
        """The figures of this kecamatan's cooperatives that are far from their own
        history at the period (:attr:`Evaluation.perlu_dicek`), the farthest first,
        with the village and cooperative names."""
        flags = self.evaluation.perlu_dicek
        coops = self.cooperatives.set_index("koperasi_id")
        own = flags[flags["koperasi_id"].isin(coops.index)]
        own = own.join(coops[["nama_desa", "nama_koperasi"]], on="koperasi_id")
        ratio = own["rasio"].astype("float64")
        far = ratio.where(ratio >= 1, 1 / ratio)
        return (
            own.assign(_far=far)
            .sort_values(
                ["_far", "koperasi_id", "kolom"], ascending=[False, True, True]
            )
            .drop(columns="_far")
            .reset_index(drop=True)
        )

    def perlu_dicek_lines(self, limit: int = TO_CHECK_SHOWN) -> list[str]:
        """The figures to check in a few lines ("Desa: omzet Oktober 2026: …"),
        at most ``limit``, then "dan N lainnya"."""
        flags = self.perlu_dicek
        lines = [
            label(
                "perlu_dicek_line",
                self.lang,
                nama=flag.nama_desa,
                text=describe(flag, self.lang),
            )
            for flag in flags.head(limit).itertuples(index=False)
        ]
        if len(flags) > limit:
            lines.append(label("perlu_dicek_more", self.lang, n=len(flags) - limit))
        return lines

    def quality(self) -> list[dict[str, Any]]:
        """Data-quality ratings (hijau/kuning/merah) with the measured values.

        Figures to check make the box amber at most: they ask for a look, they
        do not make the data weak.
        """
        coops = self.cooperatives
        n = len(coops)
        period = self.evaluation.period
        fresh_from = (
            month_number(period) - self.evaluation.config.thresholds.risiko_bulan_basi
        )
        reported = int((coops["laporan_terakhir"] == period).sum())
        stale = int(
            coops["laporan_terakhir"]
            .map(lambda m: pd.isna(m) or month_number(str(m)) < fresh_from)
            .sum()
        )
        coverage = reported / n if n else 0.0
        stale_share = stale / n if n else 1.0
        return [
            {
                "aspek": "cakupan_laporan",
                "nilai": coverage,
                "n": reported,
                "total": n,
                "warna": _rate_high(coverage, COVERAGE_LIMITS),
            },
            {
                "aspek": "laporan_basi",
                "nilai": stale_share,
                "n": stale,
                "total": n,
                "warna": _rate_low(stale_share, STALE_LIMITS),
            },
            {
                "aspek": "data_sintetis",
                "nilai": self.evaluation.synthetic,
                "warna": "merah" if self.evaluation.synthetic else "hijau",
            },
            {
                "aspek": "perlu_dicek",
                "nilai": len(self.perlu_dicek),
                "n": int(self.perlu_dicek["koperasi_id"].nunique()),
                "total": n,
                "warna": "kuning" if len(self.perlu_dicek) else "hijau",
            },
        ]

    def regency_quotes(self) -> dict[str, str]:
        """Every regency figure the brief quotes, exactly as it is shown.

        A brief depends on the rest of the regency only through these, so they are
        part of its cache key: another kecamatan's change rebuilds this brief only
        where one of these strings changes.
        """
        ev, lang = self.evaluation, self.lang
        quotes = dict(
            ev.memo(f"regency_quotes:{lang}", lambda: _regency_quotes(ev, lang))
        )
        row = self._kecamatan_row()
        if row is not None:
            quotes |= {
                "rank": fmt_int(row["peringkat_outcome"], lang),
                "n_kec": fmt_int(len(ev.kecamatan), lang),
                "p05": fmt_int(row["peringkat_p05_outcome"], lang),
                "p95": fmt_int(row["peringkat_p95_outcome"], lang),
                "kuadran": str(row["kuadran"]),
                "outcome": fmt_dec(row["indeks_outcome"], lang, 2),
            }
        if self.has_context:  # the peer medians its comparison quotes
            peers = ev.memo("peer_medians", lambda: peer_medians(ev.cooperatives))
            own = sorted(set(self.cooperatives["status_idm"]))
            quotes["sejawat"] = peers.reindex(own).round(6).to_json()
        return quotes

    def regency_means(self) -> tuple[float, float]:
        """The regency's mean output and outcome index, rounded as the brief quotes
        them (the quadrant marks them)."""
        coops = self.evaluation.cooperatives
        return (
            round(float(coops["indeks_output"].mean()), 2),
            round(float(coops["indeks_outcome"].mean()), 2),
        )

    def sentences(self) -> list[str]:
        """Three to five sentences from the data, the regency value beside each."""
        lang, nama = self.lang, self.nama_kec
        h = self.headline()
        if h["n"] == 0:
            return [label("sentence_none", lang, nama=nama)]
        ev = self.evaluation
        q = self.regency_quotes()
        out = [
            label(
                "sentence_active",
                lang,
                n=fmt_int(h["n"], lang),
                nama=nama,
                n_aktif=fmt_int(h["aktif_atau_berdampak"], lang),
                pct_aktif=fmt_pct(h["aktif_atau_berdampak"], h["n"], lang),
                pct_aktif_kab=q["pct_aktif_kab"],
            ),
            label(
                "sentence_dormant",
                lang,
                n_tb=fmt_int(h["kelas"]["tidak_bergerak"], lang),
                pct_tb=fmt_pct(h["kelas"]["tidak_bergerak"], h["n"], lang),
                pct_tb_kab=q["pct_tb_kab"],
                recent=ev.config.thresholds.recent_months,
            ),
        ]
        if "rank" in q:
            out.append(
                label(
                    "sentence_outcome",
                    lang,
                    outcome=q["outcome"],
                    outcome_kab=q["outcome_kab"],
                    rank=q["rank"],
                    n_kec=q["n_kec"],
                    p05=q["p05"],
                    p95=q["p95"],
                    kuadran=label(q["kuadran"], lang),
                )
            )
        if "n_siap_kab" in q:
            supported = self.supported
            out.append(
                label(
                    "sentence_support",
                    lang,
                    n_did=fmt_int(len(supported), lang),
                    n_siap=fmt_int(supported["siap_pembiayaan"].sum(), lang),
                    n_siap_kab=q["n_siap_kab"],
                )
            )
        out.append(
            label(
                "sentence_risk",
                lang,
                n_risk=fmt_int(h["berisiko"], lang),
                n_lapor=fmt_int(h["lapor_periode"], lang),
                n=fmt_int(h["n"], lang),
                period=ev.period,
            )
        )
        return out

    # ------------------------------------------------------------ support received

    @cached_property
    def support_rows(self) -> pd.DataFrame | None:
        """The support each of the kecamatan's cooperatives has received by the
        period (:attr:`Evaluation.support`), in the order of the brief's table;
        None without input tables."""
        table = self.evaluation.support
        if table is None:
            return None
        own = table[table["kode_kec"] == self.kode_kec]
        order = in_table_order(self.cooperatives)["koperasi_id"]
        return own.set_index("koperasi_id").loc[order].reset_index()

    def support_data(self) -> dict[str, bool]:
        """Which optional tables have data (a part without says so)."""
        return tables_with_data(self.evaluation.tables)

    def support_figures(self) -> dict[str, Any] | None:
        """The kecamatan's row of :func:`~kmp_analysis.support.kecamatan_support`
        (None without input tables or cooperatives)."""
        rows = self.support_rows
        if rows is None or rows.empty:
            return None
        return kecamatan_support(rows).iloc[0].to_dict()

    def support_sentences(self) -> list[str]:
        """What support the kecamatan's cooperatives have received, in a few
        sentences: pengurus trained by tier (regency beside), who is due for the
        next tier (the training plan lists them), the last course passed, the
        pendamping now, financing; "belum ada data …" for a table not given."""
        k = self.support_figures()
        if k is None:
            return []
        lang, has = self.lang, self.support_data()
        out = []
        if k["pengurus"]:
            shares = {
                f"pct_{t}": fmt_pct(k[f"jenjang_{t}"], k["pengurus"], lang)
                for t in LEVELS
            }
            out.append(
                label(
                    "support_training",
                    lang,
                    terlatih=fmt_int(k["terlatih"], lang),
                    pengurus=fmt_int(k["pengurus"], lang),
                    pct=fmt_pct(k["terlatih"], k["pengurus"], lang),
                    pct_kab=self.regency_quotes()["pct_terlatih_kab"],
                    **{t: fmt_int(k[f"jenjang_{t}"], lang) for t in LEVELS},
                    **shares,
                )
            )
        else:
            out.append(label("support_training_nobody", lang))
        due = next_tier_phrase({t: int(k[f"ke_{t}"]) for t in TIERS}, lang)
        if due:
            out.append(
                label(
                    "support_next_tier",
                    lang,
                    next=due,
                    section=label("section_training", lang),
                )
            )
        if has["pelatihan"]:
            last = self.support_rows["pelatihan_terakhir"].max()
            if not pd.isna(last):
                out.append(
                    label("support_last_course", lang, month=date_month(last, lang))
                )
        else:
            out.append(label("support_no_pelatihan", lang))
        n = fmt_int(k["koperasi"], lang)
        if not has["pendampingan"]:
            out.append(label("support_no_pendampingan", lang))
        elif k["didampingi"]:
            out.append(
                label(
                    "support_pendamping",
                    lang,
                    n=fmt_int(k["didampingi"], lang),
                    total=n,
                    bulan=fmt_num(k["median_bulan_pendampingan"], lang, 1),
                )
            )
        else:
            out.append(label("support_pendamping_zero", lang))
        if not has["pembiayaan"]:
            out.append(label("support_no_pembiayaan", lang))
        elif k["dibiayai"]:
            out.append(
                label(
                    "support_financing",
                    lang,
                    n=fmt_int(k["dibiayai"], lang),
                    total=n,
                    jumlah=fmt_rupiah(k["jumlah_pembiayaan"], lang),
                )
            )
        else:
            out.append(label("support_financing_zero", lang))
        return out

    def support_frame(self) -> pd.DataFrame:
        """Per cooperative, in the table's order: pengurus trained ("3 dari 7"),
        the pendamping now and months since the first arrived, financing
        disbursed; the columns of a table without data left out."""
        rows = self.support_rows
        if rows is None:
            return pd.DataFrame()
        lang, has = self.lang, self.support_data()
        names = self.cooperatives.set_index("koperasi_id")["nama_desa"]
        frame = pd.DataFrame({"nama_desa": rows["koperasi_id"].map(names).to_numpy()})
        frame["terlatih_dari"] = [
            label(
                "support_of",
                lang,
                n=fmt_int(r.terlatih, lang),
                total=fmt_int(r.pengurus, lang),
            )
            for r in rows.itertuples(index=False)
        ]
        if has["pendampingan"]:
            now = rows["ada_pendamping"].fillna(False).astype(bool)
            frame["pendamping_sekarang"] = (
                rows["pendamping_id"].where(now).astype(object).to_numpy()
            )
            frame["bulan_pendampingan"] = (
                rows["bulan_pendampingan"].astype(object).to_numpy()
            )
        if has["pembiayaan"]:
            frame["pembiayaan_cair"] = [
                fmt_rupiah(r.jumlah_pembiayaan, lang) if r.dibiayai else "–"
                for r in rows.itertuples(index=False)
            ]
        return frame

    def support_json(self) -> dict[str, Any] | None:
        """The support figures for brief.json ("dukungan"): which tables have
        data, the kecamatan's counts and shares, and each cooperative's record
        (:func:`~kmp_analysis.support.support_record`)."""
        k = self.support_figures()
        if k is None:
            return None
        people = k["pengurus"]
        return {
            "ada_data": self.support_data(),
            "pengurus": int(people),
            "terlatih": int(k["terlatih"]),
            "porsi_terlatih": _json_number(k["porsi_terlatih"]),
            "jenjang": {t: int(k[f"jenjang_{t}"]) for t in LEVELS},
            "porsi_jenjang": {t: _json_number(k[f"porsi_{t}"]) for t in LEVELS},
            "berikutnya": {t: int(k[f"ke_{t}"]) for t in TIERS},
            "didampingi": _json_int(k["didampingi"]),
            "median_bulan_pendampingan": _json_number(k["median_bulan_pendampingan"]),
            "dibiayai": _json_int(k["dibiayai"]),
            "jumlah_pembiayaan": _json_int(k["jumlah_pembiayaan"]),
            "koperasi": {
                r["koperasi_id"]: support_record(r)
                for r in self.support_rows.to_dict("records")
            },
        }

    # ------------------------------------------------------------ village context

    @property
    def has_context(self) -> bool:
        """Whether the cooperatives carry their village's IDM context (Kukar data)."""
        return "konteks" in self.cooperatives

    def context_sentence(self) -> str | None:
        """One sentence relating class and village context (None without context):
        dormant cooperatives in favourable desa are to be asked why; in hard desa
        they need a pendamping and patience; active ones in hard desa are bright
        spots. Context, not a cause."""
        if not self.has_context:
            return None
        coops, lang = self.cooperatives, self.lang
        kelas = coops["kelas"].astype(str)
        dormant = coops[kelas == "tidak_bergerak"]
        favourable = int((dormant["konteks"] == "mendukung").sum())
        hard = int((dormant["konteks"] == "sulit").sum())
        bright = int(
            (kelas.isin(["aktif", "berdampak"]) & (coops["konteks"] == "sulit")).sum()
        )
        if (coops["konteks"] == "tidak_berlaku").all():
            return label("context_all_kelurahan", lang)
        if favourable:
            return label(
                "context_ask_why",
                lang,
                k=favourable,
                n=len(dormant),
                nama=self.nama_kec,
            )
        if hard:
            return label("context_hard", lang, k=hard, n=len(dormant))
        if bright:
            return label("context_bright", lang, k=bright)
        return label("context_none", lang)

    def peer_frame(self) -> pd.DataFrame:
        """Each cooperative's outcome indicators beside the median of cooperatives in
        desa of the same IDM status across the regency ("partisipasi 12% (median
        KMP di desa Maju: 21%)"); kelurahan are compared with kelurahan."""
        if not self.has_context:
            return pd.DataFrame()
        ev, lang = self.evaluation, self.lang
        peers = ev.memo("peer_medians", lambda: peer_medians(ev.cooperatives))
        coops = in_table_order(self.cooperatives)
        rows = []
        for r in coops.itertuples(index=False):
            row = {"nama_desa": r.nama_desa, "status_idm": r.status_idm}
            for name in PEER_INDICATORS:
                row[name] = label(
                    "peer_value",
                    lang,
                    value=format_indicator(name, getattr(r, name), lang),
                    median=format_indicator(name, peers.at[r.status_idm, name], lang),
                )
            rows.append(row)
        return pd.DataFrame(rows)

    # ------------------------------------------------------------ what changed

    @property
    def since(self) -> str | None:
        """The previous non-overlapping window (``P − 6``), where the data has it."""
        hist = self.evaluation.history
        return hist.previous(self.evaluation.period) if hist is not None else None

    def change(self) -> dict[str, Any] | None:
        """What changed in the kecamatan since ``P − 6`` (None without a history):
        the transition matrix, the moves up and down, the cooperatives that never
        moved since they were formed, and the share Aktif + Berdampak then and now,
        each with the regency figure."""
        hist = self.evaluation.history
        if hist is None:
            return None
        period, since = self.evaluation.period, self.since
        never = hist.dormant_spells(period)
        out: dict[str, Any] = {
            "sejak": since,
            "tanpa_gerak": int((never["kode_kec"] == self.kode_kec).sum()),
            "jendela_pertama": hist.periods[0],
        }
        if since is not None:
            out["matriks"] = hist.matrix(period, since, kode_kec=self.kode_kec)
            out["gerak"] = hist.moves(period, since, kode_kec=self.kode_kec)
            moving = hist.moving_share(period, kode_kec=self.kode_kec)
            out["aktif_dulu"], out["aktif_kini"] = (
                float(moving.get(p, 0.0)) for p in (since, period)
            )
        return out

    def change_sentences(self) -> list[str]:
        """Two or three sentences on what changed, the regency figure beside each."""
        change = self.change()
        if change is None:
            return []
        lang, q = self.lang, self.regency_quotes()
        never = label(
            "change_never",
            lang,
            n=fmt_int(change["tanpa_gerak"], lang),
            n_kab=q["tanpa_gerak_kab"],
        )
        if change["sejak"] is None:
            return [
                label(
                    "change_no_previous",
                    lang,
                    first=change["jendela_pertama"],
                    months=self.evaluation.config.thresholds.window_months,
                ),
                never,
            ]
        g = change["gerak"]
        return [
            label(
                "change_moves",
                lang,
                naik=fmt_int(g["naik"], lang),
                turun=fmt_int(g["turun"], lang),
                tetap=fmt_int(g["tetap"], lang),
                naik_kab=q["naik_kab"],
                turun_kab=q["turun_kab"],
            ),
            never,
            label(
                "change_share",
                lang,
                since=change["sejak"],
                then=fmt_percent(change["aktif_dulu"], lang),
                now=fmt_percent(change["aktif_kini"], lang),
                then_kab=q["aktif_dulu_kab"],
                now_kab=q["aktif_kini_kab"],
            ),
        ]

    def class_strips(self, months: int = 12) -> pd.DataFrame:
        """The class of each of the kecamatan's cooperatives over the last ``months``
        month-end windows (rows in the order of :attr:`cooperatives`)."""
        hist = self.evaluation.history
        if hist is None:
            return pd.DataFrame(index=self.cooperatives["koperasi_id"])
        strips = hist.class_strip(self.evaluation.period, months)
        return strips.reindex(self.cooperatives["koperasi_id"])

    def shares_by_month(self, months: int = 12) -> tuple[pd.DataFrame, pd.Series]:
        """Class shares of the kecamatan per month (last ``months``) and the
        regency's share Aktif + Berdampak per month beside it."""
        hist = self.evaluation.history
        period = self.evaluation.period
        first = month_label(month_number(period) - months + 1)
        own = hist.shares(period, kode_kec=self.kode_kec).loc[first:]
        regency = self.evaluation.memo(
            "regency_moving", lambda: hist.moving_share(period)
        ).loc[first:]
        return own, regency

    def fingerprint(self) -> str:
        """sha256 of the data this brief is made of: its own rows and quoted figures."""
        digest = hashlib.sha256()
        for part in self.data_parts().values():
            digest.update(part.encode("utf-8"))
        return digest.hexdigest()

    def data_parts(self) -> dict[str, str]:
        """The brief's own data, as text: its evaluated rows, the input rows its
        recommendations use, and the regency figures it quotes."""
        coops = self.cooperatives
        parts = {"koperasi": coops.to_csv(index=False)}
        if self.evaluation.tables is not None:
            for name in ("koperasi", "unit_usaha", "pengurus", "bumdes"):
                rows = self._own_rows(name, villages_only=name == "bumdes")
                parts[f"masukan_{name}"] = rows.to_csv(index=False)
            for name in SUPPORT_TABLES:  # absent from an evaluation saved before
                if has_data(self.evaluation.tables, name):
                    rows = self._own_rows(name)
                    parts[f"masukan_{name}"] = rows.to_csv(index=False)
        to_check = self.perlu_dicek[list(TO_CHECK_FIELDS)]
        parts["perlu_dicek"] = to_check.to_csv(index=False)
        parts["kabupaten"] = json.dumps(self.regency_quotes(), sort_keys=True)
        hist = self.evaluation.history
        if hist is not None:  # what changed: every class of its cooperatives so far
            ids = coops["koperasi_id"]
            parts["riwayat"] = (
                hist.class_strip(self.evaluation.period, len(hist.periods))
                .reindex(ids)
                .assign(jendela_pertama=hist.first_window.reindex(ids))
                .to_csv()
            )
        return parts

    def _own_rows(self, name: str, villages_only: bool = False) -> pd.DataFrame:
        """The rows of input table ``name`` that belong to this kecamatan.

        Rows of the kecamatan's cooperatives (by ``koperasi_id``); for ``bumdes``,
        rows of its cooperatives' villages, and also (unless ``villages_only``)
        of any village whose code starts with the kecamatan code, as
        :func:`~kmp_analysis.recommend.bumdes_sync` lists a linked BUMDes
        even without its KMP. The tables are grouped by kecamatan once per
        evaluation, so a brief finds its rows without scanning every row.
        """
        ev = self.evaluation
        table = self._tables()[name]
        groups = ev.memo(f"rows_by_kec:{name}", lambda: _rows_by_kecamatan(ev, name))
        own = set(groups.get(self.kode_kec, ()))
        if name == "bumdes":
            villages = set(self.cooperatives["kode_desa"])
            own = {i for i in own if table["kode_desa"].iat[i] in villages}
            if not villages_only:
                own |= set(groups.get(("kode", self.kode_kec), ()))
        return table.iloc[sorted(own)]

    @cached_property
    def steps(self) -> dict[str, list[dict[str, Any]]]:
        """Each cooperative's steps to its next class (the card's, DESIGN §7)."""
        ev = self.evaluation
        return {
            row["koperasi_id"]: recommend.next_steps(
                row, ev.period, ev.config.thresholds
            )
            for row in self.cooperatives.to_dict("records")
        }

    def first_step(self, koperasi_id: str) -> str:
        """The easiest step to the next class, as the card says it, and how many
        more the card lists."""
        steps = self.steps[koperasi_id]
        if not steps:
            return "–"
        text = describe_step(steps[0], self.lang)
        if len(steps) > 1:
            text += label("steps_more", self.lang, n=len(steps) - 1)
        return text

    def table_frame(self) -> pd.DataFrame:
        """The cooperatives, lowest class first: key indicators and reasons."""
        coops = in_table_order(self.cooperatives)
        coops = coops.reset_index(drop=True)
        columns = [
            "nama_desa",
            "kelas",
            "bulan_transaksi",
            "partisipasi",
            "unit_beroperasi",
            "indeks_outcome",
            "berisiko",
            "alasan",
        ]
        if "status_idm" in coops:
            columns.insert(1, "status_idm")
        frame = coops[columns].reset_index(drop=True)
        frame["langkah_berikut"] = [
            self.first_step(kid) for kid in coops["koperasi_id"]
        ]
        lang = self.lang
        frame["partisipasi"] = frame["partisipasi"].map(lambda v: fmt_percent(v, lang))
        frame["indeks_outcome"] = frame["indeks_outcome"].map(
            lambda v: fmt_dec(v, lang, 2)
        )
        hist = self.evaluation.history
        if hist is None:
            return frame
        ids = coops["koperasi_id"]
        if self.since is not None:
            before = hist.kelas_at(self.since).reindex(ids).to_numpy()
            arrows = [
                move_arrow(then, now)
                for then, now in zip(before, coops["kelas"].astype(str), strict=True)
            ]
            after = frame.columns.get_loc("kelas") + 1
            frame.insert(after, "kelas_sebelumnya", before)
            frame.insert(after + 1, "arah", arrows)
        letters = {c: label(f"letter_{c}", self.lang) for c in CLASSES}
        strips = hist.class_strip(self.evaluation.period).reindex(ids)
        frame.insert(
            frame.columns.get_loc("arah" if self.since is not None else "kelas") + 1,
            "jejak_kelas",
            [
                "".join("·" if pd.isna(v) else letters[v] for v in row)
                for row in strips.itertuples(index=False)
            ],
        )
        return frame

    def to_json(self) -> dict[str, Any]:
        """What the brief says, machine-readable: headline and per-cooperative class."""
        coops = self.cooperatives
        result: dict[str, Any] = {
            "kode_kec": self.kode_kec,
            "nama_kec": self.nama_kec,
            "period": self.evaluation.period,
            "synthetic": self.evaluation.synthetic,
            "lang": self.lang,
            "headline": self.headline(),
            "sentences": self.sentences(),
            "quality": self.quality(),
            "perlu_dicek": [
                {
                    "koperasi_id": r.koperasi_id,
                    "bulan": r.bulan,
                    "kolom": r.kolom,
                    "nilai": _plain_number(r.nilai),
                    "acuan": _plain_number(r.acuan),
                    "rasio": round(float(r.rasio), 4),
                }
                for r in self.perlu_dicek.itertuples(index=False)
            ],
            "koperasi": [
                {
                    "koperasi_id": r.koperasi_id,
                    "kode_desa": r.kode_desa,
                    "kelas": str(r.kelas),
                    "kuadran": r.kuadran,
                    "indeks_output": round(float(r.indeks_output), 4),
                    "indeks_outcome": round(float(r.indeks_outcome), 4),
                    "berisiko": bool(r.berisiko),
                    "alasan": r.alasan,
                    "alasan_risiko": r.alasan_risiko,
                    "langkah": recommend.step_records(self.steps[r.koperasi_id]),
                    **{c: getattr(r, c) for c in CONTEXT_COLUMNS if self.has_context},
                }
                for r in coops.itertuples(index=False)
            ],
        }
        if self.has_context:
            result["konteks_desa"] = {
                "kalimat": self.context_sentence(),
                "median_sejawat": {
                    status: {k: _json_number(v) for k, v in row.items()}
                    for status, row in self.evaluation.memo(
                        "peer_medians",
                        lambda: peer_medians(self.evaluation.cooperatives),
                    )
                    .to_dict(orient="index")
                    .items()
                },
            }
        result["perubahan"] = self.change_json()
        if self.evaluation.tables is not None:
            result["didukung"] = self.supported["koperasi_id"].tolist()
            result["siap_pembiayaan"] = self.supported.loc[
                self.supported["siap_pembiayaan"], "koperasi_id"
            ].tolist()
            result["dievaluasi"] = self.to_evaluate["koperasi_id"].tolist()
            result["pelatihan"] = {
                r.jenjang: int(r.peserta) for r in self.training_plan.itertuples()
            }
            result["bumdes"] = self.bumdes_actions["tindakan"].value_counts().to_dict()
            result["dukungan"] = self.support_json()
        return result

    def change_json(self) -> dict[str, Any] | None:
        """What changed, for machines: the transition matrix (from × to), the moves,
        the never-moved count and each cooperative's 12-month class strip."""
        change = self.change()
        if change is None:
            return None
        strips = self.class_strips()
        return {
            "sejak": change["sejak"],
            "perpindahan": change["matriks"].to_dict(orient="index")
            if "matriks" in change
            else None,
            "gerak": change.get("gerak"),
            "tanpa_gerak": change["tanpa_gerak"],
            "jejak_kelas": {
                "periode": list(strips.columns),
                "koperasi": {
                    kid: [None if pd.isna(v) else v for v in row]
                    for kid, row in zip(
                        strips.index, strips.itertuples(index=False), strict=True
                    )
                },
            },
        }

    def save_json(self, out_dir: str | Path) -> Path:
        """Write ``brief.json`` into ``out_dir`` (atomically)."""
        target = Path(out_dir) / "brief.json"
        atomic_write_text(
            target, json.dumps(self.to_json(), indent=2, ensure_ascii=False)
        )
        return target


def _plain_number(value: float) -> int | float:
    """A figure for JSON: a whole number as an int."""
    value = float(value)
    return int(value) if value.is_integer() else value


def _json_number(value: Any) -> float | None:
    """A float for JSON (NaN as null), rounded to 6 decimals."""
    return None if pd.isna(value) else round(float(value), 6)


def _json_int(value: Any) -> int | None:
    """A count for JSON (NA as null)."""
    return None if pd.isna(value) else int(value)


def _rate_high(value: float, limits: tuple[float, float]) -> str:
    return (
        "hijau" if value >= limits[0] else "kuning" if value >= limits[1] else "merah"
    )


def _rate_low(value: float, limits: tuple[float, float]) -> str:
    return (
        "hijau" if value <= limits[0] else "kuning" if value <= limits[1] else "merah"
    )


def _rows_by_kecamatan(ev: Evaluation, name: str) -> dict[Any, list[int]]:
    """Positions of the rows of input table ``name``, by kecamatan.

    Keyed by the ``kode_kec`` of the row's cooperative (for ``bumdes``: of a
    cooperative of the row's village); ``bumdes`` rows are also keyed by
    ``("kode", kode_kec)`` from the first eight characters of their village code.
    """
    assert ev.tables is not None
    table = ev.tables[name]
    coops = ev.cooperatives
    if name == "bumdes":
        village_kec = coops.drop_duplicates("kode_desa").set_index("kode_desa")
        kec = table["kode_desa"].map(village_kec["kode_kec"].astype(object))
        by_code = table["kode_desa"].astype(object).str.slice(0, 8)
        groups: dict[Any, list[int]] = {}
        for code, positions in _positions(by_code).items():
            groups[("kode", code)] = positions
        groups.update(_positions(kec))
        return groups
    coop_kec = coops.set_index("koperasi_id")["kode_kec"].astype(object)
    return _positions(table["koperasi_id"].map(coop_kec))


def _positions(keys: pd.Series) -> dict[Any, list[int]]:
    """Row positions by key, ascending (rows without a key left out)."""
    codes = keys.reset_index(drop=True)
    known = codes.notna()
    return {
        key: list(idx)
        for key, idx in codes[known].groupby(codes[known], sort=False).groups.items()
    }


def _regency_quotes(ev: Evaluation, lang: str) -> dict[str, str]:
    """The regency-wide figures a brief in ``lang`` quotes (the same for every
    brief), written as it shows them; ``aktif_bulanan_kab``, the regency's line in
    the chart of class shares, is for the cache key only and stays plain."""
    k = headline(ev.cooperatives, ev.period)
    coops = ev.cooperatives
    quotes = {
        "pct_aktif_kab": fmt_pct(k["aktif_atau_berdampak"], k["n"], lang),
        "pct_tb_kab": fmt_pct(k["kelas"]["tidak_bergerak"], k["n"], lang),
        "outcome_kab": fmt_dec(coops["indeks_outcome"].mean(), lang, 2),
        "output_kab": fmt_dec(coops["indeks_output"].mean(), lang, 2),
    }
    if ev.tables is not None:
        ready = recommend.supported(coops, ev.tables["koperasi"])
        quotes["n_siap_kab"] = fmt_int(ready["siap_pembiayaan"].sum(), lang)
        support = ev.support
        if support is not None:
            quotes["pct_terlatih_kab"] = fmt_pct(
                support["terlatih"].sum(), support["pengurus"].sum(), lang
            )
    hist = ev.history
    if hist is not None:
        moving = hist.moving_share(ev.period)
        quotes["tanpa_gerak_kab"] = fmt_int(len(hist.dormant_spells(ev.period)), lang)
        since = hist.previous(ev.period)
        if since is not None:
            moves = hist.moves(ev.period, since)
            quotes["naik_kab"] = fmt_int(moves["naik"], lang)
            quotes["turun_kab"] = fmt_int(moves["turun"], lang)
            for key, p in (("aktif_dulu_kab", since), ("aktif_kini_kab", ev.period)):
                quotes[key] = fmt_percent(float(moving[p]), lang)
        last = month_label(month_number(ev.period) - 11)
        quotes["aktif_bulanan_kab"] = ",".join(f"{v:.4f}" for v in moving.loc[last:])
    return quotes

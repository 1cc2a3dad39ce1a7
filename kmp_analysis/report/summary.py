"""The regency summary, for ``notebooks/ringkasan_kabupaten.ipynb`` (DESIGN §8).

The notebook only calls :func:`prepare` and the methods of :class:`Summary`, as the
kecamatan brief does with :mod:`kmp_analysis.report.brief`; everything it shows is
computed here, so it is tested here. Sections: headline numbers and sentences, a
choropleth of the kecamatan, their output–outcome quadrant, their outcome ranks with
Monte Carlo uncertainty, the pendamping allocation and the training totals.

Per-kecamatan numbers come from :attr:`Evaluation.kecamatan` (the table the batch
computed once, ranks included), so the summary, the briefs and ``kmp evaluate``
agree; only where an evaluation carries no such table is it computed here.
"""

from __future__ import annotations

import dataclasses
import html
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from kmp_analysis import recommend, reference
from kmp_analysis.classify import CLASSES
from kmp_analysis.config import check_lang
from kmp_analysis.evaluate import Evaluation, kecamatan_table
from kmp_analysis.evaluate import headline as headline_counts
from kmp_analysis.i18n import fmt_dec, fmt_int, fmt_pct, join_names, label
from kmp_analysis.index import INDICES, QUADRANTS, RankUncertainty, rank_uncertainty
from kmp_analysis.report import blocks, charts, maps, style
from kmp_analysis.report.params import SummaryParameters, evaluation_for
from kmp_analysis.safeio import atomic_write_text

#: Name of the machine-readable summary written by :meth:`Summary.save_json`.
JSON_FILE = "ringkasan.json"
#: Share of draws from which a kecamatan counts as changing tercile (as the chart).
MOVING_THRESHOLD = 0.10
_RANK_COLUMNS = (
    "peringkat",
    "peringkat_median",
    "peringkat_p05",
    "peringkat_p95",
    "tersil",
    "pindah_tersil",
)
#: In print, the exporter caps figures at 80 mm high; the map of 20 labelled kecamatan
#: gets more room, or its labels shrink below legibility.
_PRINT_STYLE = "<style>@media print{.kmp-figure.kmp-map img{max-height:125mm}}</style>"


def _extremes(table: pd.DataFrame, column: str, lang: str) -> dict[str, str]:
    """The kecamatan with the highest and with the lowest share ``column``, and
    those shares, as message parameters ``nama``, ``pct``, ``nama_low``,
    ``pct_low``."""
    values = table[column].to_numpy(dtype="float64")
    top = table.loc[np.isclose(values, values.max()), "nama_kec"].tolist()
    low = table.loc[np.isclose(values, values.min()), "nama_kec"].tolist()
    return {
        "nama": join_names(top, lang),
        "pct": f"{100 * values.max():.0f}%",
        "nama_low": join_names(low, lang),
        "pct_low": f"{100 * values.min():.0f}%",
    }


def _split_text(split: float, lang: str) -> str:
    """The quadrant split as a short decimal: 0,5 (not 0,50)."""
    return fmt_dec(split, lang, 2).rstrip("0").rstrip(",.")


def _plain(value: Any) -> Any:
    """``value`` as a JSON-native Python value (NumPy scalars unwrapped)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return round(value, 6)
    return value


def _section(title: str, *parts: str) -> HTML:
    return HTML(blocks.heading(title) + "".join(parts))


def _paragraph(text: str, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f"<p{attr}>{html.escape(text)}</p>"


# ---------------------------------------------------------------------- summary


@dataclass
class Summary:
    """The regency summary over an evaluated regency (DESIGN §8)."""

    evaluation: Evaluation
    lang: str = "id"
    parameters: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_lang(self.lang)

    # ------------------------------------------------------------------ numbers

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

    def headline_numbers(self) -> dict[str, Any]:
        """Regency totals: cooperatives, per class, at risk, kecamatan per quadrant.

        The counts are :func:`kmp_analysis.evaluate.headline` over the regency, the
        numbers ``index.html`` shows for a brief.
        """
        h = headline_counts(self.cooperatives, self.evaluation.period)
        table = self.kecamatan
        kuadran = table["kuadran"] if "kuadran" in table else pd.Series(dtype=object)
        h["n_kecamatan"] = len(table)
        h["kuadran"] = {q: int((kuadran == q).sum()) for q in QUADRANTS.values()}
        return h

    @cached_property
    def allocation(self) -> pd.DataFrame | str:
        """:func:`recommend.alokasi_pendamping` with K from the config, or the
        reader's message why it cannot be computed."""
        k = self.evaluation.config.rekomendasi.pendamping
        try:
            return recommend.alokasi_pendamping(self.cooperatives, k)
        except recommend.AllocationError as error:
            return error.text(self.lang)

    @cached_property
    def training_plan(self) -> pd.DataFrame | None:
        """:func:`recommend.rencana_pelatihan` over the regency (None without the
        pengurus table)."""
        tables = self.evaluation.tables
        if tables is None or "pengurus" not in tables:
            return None
        size = self.evaluation.config.rekomendasi.ukuran_kelas_pelatihan
        return recommend.rencana_pelatihan(
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
                pct_aktif=fmt_pct(h["aktif_atau_berdampak"], h["n"]),
                n_tb=fmt_int(n_tb, lang),
                pct_tb=fmt_pct(n_tb, h["n"]),
                n_risk=fmt_int(h["berisiko"], lang),
                pct_risk=fmt_pct(h["berisiko"], h["n"]),
            )
        ]
        if n_tb == 0:
            out.append(label("ringkasan_sentence_no_dormant", lang))
        else:
            dormant = _extremes(table, "pangsa_tidak_bergerak", lang)
            out.append(label("ringkasan_sentence_dormant", lang, **dormant))
        active = _extremes(table, "pangsa_aktif_berdampak", lang)
        out.append(label("ringkasan_sentence_active", lang, **active))
        split = self.evaluation.config.indeks.batas_kuadran
        out.append(
            label(
                "ringkasan_sentence_quadrant",
                lang,
                n_formal=h["kuadran"]["formalitas"],
                n_kec=h["n_kecamatan"],
                formalitas=label("formalitas", lang),
                split=_split_text(split, lang),
                n_top=h["kuadran"]["berkinerja"],
                berkinerja=label("berkinerja", lang),
            )
        )
        return out

    # ------------------------------------------------------------------ figures

    def choropleth_figure(self) -> Figure:
        """The 20 kecamatan coloured by their share of Aktif + Berdampak KMP."""
        table = self.kecamatan
        values = (
            table.set_index("kode_kec")["pangsa_aktif_berdampak"]
            if not table.empty
            else pd.Series(dtype="float64")
        )
        return maps.kecamatan_choropleth(
            values,
            lang=self.lang,
            title=label("ringkasan_map_title", self.lang),
            legend_title=label("ringkasan_map_legend", self.lang),
        )

    def quadrant_figure(self) -> Figure:
        """Kecamatan means on the output–outcome plane, sized by cooperatives."""
        table = self.kecamatan
        return charts.quadrant_chart(
            table["indeks_output"],
            table["indeks_outcome"],
            names=[str(n) for n in table["nama_kec"]],
            split=self.evaluation.config.indeks.batas_kuadran,
            lang=self.lang,
            sizes=table["n_koperasi"],
            title=label("ringkasan_quadrant_title", self.lang),
            xlabel=label("ringkasan_quadrant_x", self.lang),
            ylabel=label("ringkasan_quadrant_y", self.lang),
        )

    def rank_figures(self) -> tuple[Figure, Figure]:
        """Rank intervals and tercile stability of the outcome index."""
        result = self.rank_result
        # tercile_stability draws names as mathtext-capable tick labels
        safe = result.table.assign(
            nama_kec=result.table["nama_kec"].astype(str).str.replace("$", r"\$")
        )
        return (
            charts.rank_intervals(result, lang=self.lang),
            charts.tercile_stability(
                dataclasses.replace(result, table=safe),
                lang=self.lang,
                threshold=MOVING_THRESHOLD,
            ),
        )

    # ------------------------------------------------------------ notebook output

    def header(self) -> HTML:
        """Title, window and, for synthetic data, a notice no reader can miss."""
        lang = self.lang
        ev = self.evaluation
        window = ev.window
        parts = [
            style.STYLE,
            _PRINT_STYLE,
            blocks.heading(label("ringkasan_title", lang, period=ev.period), 1),
            _paragraph(
                label(
                    "ringkasan_subtitle",
                    lang,
                    n_kec=fmt_int(len(self.kecamatan), lang),
                    n=fmt_int(len(self.cooperatives), lang),
                    start=window[0],
                    end=window[-1],
                    months=len(window),
                )
            ),
        ]
        if ev.synthetic:
            parts.append(blocks.synthetic_notice(lang))
        return HTML("\n".join(parts))

    def headline(self) -> HTML:
        """Regency cards (count and share per class) and the generated sentences."""
        lang = self.lang
        h = self.headline_numbers()
        n = h["n"]
        cards = [
            (fmt_int(n, lang), label("headline_koperasi", lang), "#555555"),
            (fmt_int(h["n_kecamatan"], lang), label("kecamatan", lang), "#555555"),
        ]
        cards += [
            (
                fmt_int(h["kelas"][c], lang),
                f"{label(c, lang)} · {fmt_pct(h['kelas'][c], n)}",
                style.CLASS_COLORS[c],
            )
            for c in CLASSES
        ]
        cards.append(
            (
                fmt_int(h["berisiko"], lang),
                f"{label('headline_berisiko', lang)} · {fmt_pct(h['berisiko'], n)}",
                "#7a0000",
            )
        )
        cards.append(
            (
                fmt_int(h["lapor_periode"], lang),
                f"{label('headline_lapor', lang)} · {fmt_pct(h['lapor_periode'], n)}",
                "#1f78b4",
            )
        )
        card_html = "".join(
            f'<div class="kmp-card" style="--c:{color}"><b>{html.escape(value)}</b>'
            f"<small>{html.escape(name)}</small></div>"
            for value, name, color in cards
        )
        text = "".join(f"<li>{html.escape(s)}</li>" for s in self.sentences())
        return _section(
            label("section_headline", lang),
            f'<div class="kmp-cards">{card_html}</div><ul>{text}</ul>',
        )

    def _empty(self, title_key: str) -> HTML | None:
        if self.kecamatan.empty:
            return _section(
                label(title_key, self.lang),
                _paragraph(label("ringkasan_empty", self.lang), "kmp-empty"),
            )
        return None

    def choropleth(self) -> HTML:
        """Map of the kecamatan by share of Aktif + Berdampak cooperatives."""
        lang = self.lang
        if (empty := self._empty("ringkasan_section_map")) is not None:
            return empty
        table = self.kecamatan
        alt = label(
            "ringkasan_map_alt",
            lang,
            n_kec=len(reference.kecamatan()),
            **_extremes(table, "pangsa_aktif_berdampak", lang),
        )
        figure = blocks.figure_html(self.choropleth_figure(), alt, css="kmp-map").data
        return _section(label("ringkasan_section_map", lang), figure)

    def quadrant(self) -> HTML:
        """Kecamatan on the output–outcome quadrant (DESIGN §6)."""
        lang = self.lang
        if (empty := self._empty("ringkasan_section_quadrant")) is not None:
            return empty
        h = self.headline_numbers()
        counts = ", ".join(
            f"{label(q, lang)} {n}"
            for q, n in sorted(h["kuadran"].items(), key=lambda kv: -kv[1])
        )
        split = self.evaluation.config.indeks.batas_kuadran
        alt = label(
            "ringkasan_quadrant_alt",
            lang,
            n_kec=h["n_kecamatan"],
            split=_split_text(split, lang),
            counts=counts,
        )
        figure = blocks.figure_html(self.quadrant_figure(), alt)
        return _section(label("ringkasan_section_quadrant", lang), figure.data)

    def ranks(self) -> HTML:
        """Outcome ranks with their 5th–95th percentile, and tercile stability."""
        lang = self.lang
        if (empty := self._empty("ringkasan_section_ranks")) is not None:
            return empty
        result = self.rank_result
        table = result.table.sort_values("peringkat", kind="stable")
        n_kec = len(table)
        draws = result.draws.shape[0]
        n_moving = int((table["pindah_tersil"] >= MOVING_THRESHOLD).sum())
        width = table["peringkat_p95"] - table["peringkat_p05"]
        widest = table.loc[width.idxmax()]
        mc = self.evaluation.config.monte_carlo
        note = label(
            "ringkasan_rank_note",
            lang,
            draws=fmt_int(draws, lang),
            spread=f"{100 * mc.sebaran_goalpost:.0f}",
            n_moving=n_moving,
            n_kec=n_kec,
        )
        rank_alt = label(
            "ringkasan_rank_alt",
            lang,
            n_kec=n_kec,
            draws=fmt_int(draws, lang),
            top=table["nama_kec"].iloc[0],
            bottom=table["nama_kec"].iloc[-1],
            widest=widest["nama_kec"],
            p05=int(widest["peringkat_p05"]),
            p95=int(widest["peringkat_p95"]),
        )
        tercile_alt = label(
            "ringkasan_tercile_alt", lang, n_moving=n_moving, n_kec=n_kec
        )
        intervals, stability = self.rank_figures()
        return _section(
            label("ringkasan_section_ranks", lang),
            _paragraph(note),
            blocks.figure_html(intervals, rank_alt).data,
            blocks.figure_html(stability, tercile_alt).data,
        )

    def pendamping_frame(self) -> pd.DataFrame:
        """The allocation as shown: most facilitators first, with a total row."""
        alloc = self.allocation
        if isinstance(alloc, str):  # raises the allocation's own error
            k = self.evaluation.config.rekomendasi.pendamping
            alloc = recommend.alokasi_pendamping(self.cooperatives, k)
        shown = alloc.sort_values(
            ["pendamping", "kebutuhan", "kode_kec"],
            ascending=[False, False, True],
            kind="stable",
        )
        columns = ["tidak_bergerak", "administratif", "kebutuhan", "pendamping"]
        total = {c: int(shown[c].sum()) for c in columns}
        frame = pd.concat(
            [
                shown[["nama_kec", *columns, "kuota"]],
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
        return frame[["nama_kec", *columns[:-1], "kuota", "pendamping"]]

    def pendamping(self) -> HTML:
        """Facilitators per kecamatan, or why they cannot be allocated."""
        lang = self.lang
        title = label("ringkasan_section_pendamping", lang)
        alloc = self.allocation
        if isinstance(alloc, str):
            text = label("ringkasan_pendamping_error", lang, error=alloc)
            return _section(title, _paragraph(text, "kmp-empty"))
        if alloc.empty:
            return _section(
                title, _paragraph(label("ringkasan_empty", lang), "kmp-empty")
            )
        note = label(
            "ringkasan_pendamping_note",
            lang,
            k=self.evaluation.config.rekomendasi.pendamping,
            tb=label("tidak_bergerak", lang),
            adm=label("administratif", lang),
        )
        parts = [_paragraph(note)]
        if alloc.attrs.get("sisa", 0):
            parts.append(
                _paragraph(
                    label("ringkasan_pendamping_sisa", lang, sisa=alloc.attrs["sisa"])
                )
            )
        parts.append(blocks.table_html(self.pendamping_frame(), lang).data)
        return _section(title, *parts)

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

    def training(self) -> HTML:
        """Training participants and classes per tier: regency and per kecamatan."""
        lang = self.lang
        title = label("ringkasan_section_training", lang)
        plan = self.training_plan
        if plan is None:
            text = label("ringkasan_training_unavailable", lang)
            return _section(title, _paragraph(text, "kmp-empty"))
        if plan.empty:
            text = label("ringkasan_training_none", lang)
            return _section(title, _paragraph(text, "kmp-empty"))
        size = self.evaluation.config.rekomendasi.ukuran_kelas_pelatihan
        return _section(
            title,
            _paragraph(label("ringkasan_training_note", lang, size=size)),
            blocks.table_html(
                self.training_totals().assign(
                    peserta=lambda f: f["peserta"].map(lambda v: fmt_int(v, lang)),
                    kelas_pelatihan=lambda f: f["kelas_pelatihan"].map(
                        lambda v: fmt_int(v, lang)
                    ),
                ),
                lang,
                title=label("ringkasan_training_regency", lang),
            ).data,
            blocks.table_html(
                self.training_frame(),
                lang,
                title=label("ringkasan_training_kecamatan", lang),
            ).data,
        )

    def provenance(self) -> HTML:
        """Method and provenance: data files and their hashes, parameters, versions."""
        params = {"lang": self.lang, **self.parameters}
        return blocks.provenance_html(self.evaluation, params, self.lang)

    # ------------------------------------------------------------ machine output

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
            "pendamping": {
                "k": ev.config.rekomendasi.pendamping,
                "error": alloc if isinstance(alloc, str) else None,
            },
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
            "kecamatan": kecamatan,
        }

    def save_json(self, out_dir: str | Path) -> Path:
        """Write ``ringkasan.json`` into ``out_dir`` (atomically)."""
        target = Path(out_dir) / JSON_FILE
        text = json.dumps(self.to_json(), indent=2, ensure_ascii=False, allow_nan=False)
        atomic_write_text(target, text + "\n")
        return target


def prepare(
    data: str = "",
    period: str = "",
    lang: str = "id",
    config: str = "",
    evaluasi: str = "",
) -> Summary:
    """Everything the regency summary needs, from the notebook's parameters
    (:class:`~kmp_analysis.report.params.SummaryParameters`).

    The same parameters as :func:`kmp_analysis.report.brief.prepare` without
    ``kecamatan``: ``evaluasi`` is a folder written by :meth:`Evaluation.save` (the
    batch evaluates the regency once and hands it over); left empty, ``data`` (or
    the sample) is read and evaluated here, so the notebook also runs on its own in
    JupyterLab.
    """
    params = SummaryParameters(
        data=data, period=period, lang=lang, config=config, evaluasi=evaluasi
    )
    ev = evaluation_for(params)
    return Summary(evaluation=ev, lang=lang, parameters=params.shown())

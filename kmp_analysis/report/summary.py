"""The regency summary as ``notebooks/ringkasan_kabupaten.ipynb`` shows it.

The notebook only calls :func:`prepare` and the methods of :class:`Summary`, one per
section (headline numbers and sentences, what changed, the village context, a
choropleth of the kecamatan, their output–outcome quadrant, their outcome ranks with
Monte Carlo uncertainty, the pendamping allocation, the training totals and the
next training waves), as the kecamatan brief does with
:mod:`kmp_analysis.report.brief`. What the sections say is
:class:`~.summary_content.SummaryContent`, computed and tested without IPython or
matplotlib; :class:`Summary` adds the figures and the HTML.
"""

from __future__ import annotations

import dataclasses
import html

import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from kmp_analysis import reference
from kmp_analysis.classify import CLASSES
from kmp_analysis.errors import said_in
from kmp_analysis.i18n import fmt_int, fmt_pct, fmt_percent, label
from kmp_analysis.report import blocks, charts, maps, style, trends
from kmp_analysis.report.effects_content import any_estimate, caveats, effect_table
from kmp_analysis.report.params import SummaryParameters, evaluation_for
from kmp_analysis.report.summary_content import (
    CONTEXT_LIST_CAP,
    MOVING_THRESHOLD,
    SummaryContent,
    extremes,
    split_text,
)

#: In print, the exporter caps figures at 80 mm high; the map of 20 labelled kecamatan
#: gets more room, or its labels shrink below legibility.
_PRINT_STYLE = "<style>@media print{.kmp-figure.kmp-map img{max-height:125mm}}</style>"


def _section(title: str, *parts: str) -> HTML:
    return HTML(blocks.heading(title) + "".join(parts))


def _paragraph(text: str, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f"<p{attr}>{html.escape(text)}</p>"


# ---------------------------------------------------------------------- summary


class Summary(SummaryContent):
    """The summary's sections as the notebook shows them (DESIGN §8)."""

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
                f"{label(c, lang)} · {fmt_pct(h['kelas'][c], n, lang)}",
                style.CLASS_COLORS[c],
            )
            for c in CLASSES
        ]
        cards.append(
            (
                fmt_int(h["berisiko"], lang),
                f"{label('headline_berisiko', lang)} · "
                f"{fmt_pct(h['berisiko'], n, lang)}",
                "#7a0000",
            )
        )
        cards.append(
            (
                fmt_int(h["lapor_periode"], lang),
                f"{label('headline_lapor', lang)} · "
                f"{fmt_pct(h['lapor_periode'], n, lang)}",
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
            n_kec=fmt_int(len(reference.kecamatan()), lang),
            **extremes(table, "pangsa_aktif_berdampak", lang),
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
            f"{label(q, lang)} {fmt_int(n, lang)}"
            for q, n in sorted(h["kuadran"].items(), key=lambda kv: -kv[1])
        )
        split = self.evaluation.config.indeks.batas_kuadran
        alt = label(
            "ringkasan_quadrant_alt",
            lang,
            n_kec=fmt_int(h["n_kecamatan"], lang),
            split=split_text(split, lang),
            counts=counts,
        )
        figure = blocks.figure_html(self.quadrant_figure(), alt)
        return _section(label("ringkasan_section_quadrant", lang), figure.data)

    def what_changed(self) -> HTML:
        """What changed since P − 6: the regency's transitions, the flow of the
        cooperatives between three windows, every kecamatan's trend, the kecamatan
        that improved and worsened most, and how long the dormant have been so."""
        lang, hist = self.lang, self.evaluation.history
        if hist is None:
            return HTML("")
        period, since = self.evaluation.period, self.since
        title = (
            label("section_change", lang, since=since)
            if since
            else label("section_change_none", lang)
        )
        text = "".join(f"<li>{html.escape(s)}</li>" for s in self.change_sentences())
        parts = [f"<ul>{text}</ul>"]
        if since:
            parts.append(
                blocks.transition_matrix(hist.matrix(period, since), since, lang)
            )
            windows = [
                p for p in (hist.previous(since), since, period) if p is not None
            ]
            classes = hist.class_strip(period, len(hist.periods))[windows]
            flow = trends.class_flow(classes.dropna(), lang)
            alt = label("ringkasan_flow_alt", lang, windows=" → ".join(windows))
            parts.append(blocks.heading(alt, 3))
            parts.append(blocks.figure_html(flow, alt).data)
        trend = hist.kecamatan_trend()
        last = trend.index[-12:]
        regency = hist.moving_share(period).reindex(last)
        names = self.kecamatan.set_index("kode_kec")["nama_kec"]
        alt = label("ringkasan_trends_alt", lang)
        parts.append(blocks.heading(alt, 3))
        parts.append(
            blocks.svg_html(
                trends.kecamatan_trends_svg(
                    trend.loc[last], names, regency, alt, lang=lang
                )
            )
        )
        better = self.improvement()
        if len(better):
            shown = better.assign(
                pangsa_dulu=better["pangsa_dulu"].map(lambda v: fmt_percent(v, lang)),
                pangsa_kini=better["pangsa_kini"].map(lambda v: fmt_percent(v, lang)),
                perubahan=better["perubahan"].map(
                    lambda v: fmt_int(v, lang, signed=True)
                ),
            ).drop(columns="kode_kec")
            worse = shown[better["perubahan"] < 0].tail(3)
            top = pd.concat([shown.head(3), worse]).drop_duplicates()
            parts.append(
                blocks.table_html(
                    top, lang, title=label("ringkasan_change_table", lang, since=since)
                ).data
            )
        durations = self.dormant_durations()
        parts.append(
            blocks.table_html(
                durations,
                lang,
                title=label("ringkasan_dormant_table", lang),
                empty=label("ringkasan_dormant_none", lang),
            ).data
        )
        return _section(title, *parts)

    def village_context(self) -> HTML:
        """Village context (IDM 2024): classes by IDM status of the desa, the
        *perlu ditanya* and *titik terang* lists, that this is context and not a
        cause, and the peer medians a brief quotes."""
        lang = self.lang
        title = label("ringkasan_section_konteks", lang)
        if (empty := self._empty("ringkasan_section_konteks")) is not None:
            return empty
        if not self.has_context:
            text = label("ringkasan_konteks_none", lang)
            return _section(title, _paragraph(text, "kmp-empty"))
        text = "".join(f"<li>{html.escape(s)}</li>" for s in self.context_sentences())
        parts = [
            f"<ul>{text}</ul>",
            blocks.table_html(
                self.context_table_frame(),
                lang,
                title=label("ringkasan_konteks_table", lang),
            ).data,
        ]
        lists = (
            (
                self.ask_why(),
                "ringkasan_perlu_ditanya",
                label(
                    "ringkasan_perlu_ditanya_note",
                    lang,
                    tb=label("tidak_bergerak", lang),
                    adm=label("administratif", lang),
                ),
            ),
            (
                self.bright_spots(),
                "ringkasan_titik_terang",
                label(
                    "ringkasan_titik_terang_note",
                    lang,
                    aktif=label("aktif", lang),
                    berdampak=label("berdampak", lang),
                ),
            ),
        )
        for frame, key, note in lists:
            parts.append(
                blocks.heading(label(key, lang, n=fmt_int(len(frame), lang)), 3)
            )
            parts.append(_paragraph(note))
            parts.append(
                blocks.table_html(
                    self.context_list_frame(frame),
                    lang,
                    empty=label("ringkasan_konteks_list_none", lang),
                ).data
            )
            if len(frame) > CONTEXT_LIST_CAP:
                more = len(frame) - CONTEXT_LIST_CAP
                more = fmt_int(more, lang)
                parts.append(_paragraph(label("ringkasan_konteks_more", lang, n=more)))
        parts.append(
            blocks.table_html(
                self.context_peer_frame(),
                lang,
                title=label("ringkasan_peer_table", lang),
            ).data
        )
        parts.append(_paragraph(label("ringkasan_peer_note", lang)))
        return _section(title, *parts)

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
            spread=fmt_int(100 * mc.sebaran_goalpost, lang),
            n_moving=fmt_int(n_moving, lang),
            n_kec=fmt_int(n_kec, lang),
        )
        rank_alt = label(
            "ringkasan_rank_alt",
            lang,
            n_kec=fmt_int(n_kec, lang),
            draws=fmt_int(draws, lang),
            top=table["nama_kec"].iloc[0],
            bottom=table["nama_kec"].iloc[-1],
            widest=widest["nama_kec"],
            p05=fmt_int(widest["peringkat_p05"], lang),
            p95=fmt_int(widest["peringkat_p95"], lang),
        )
        tercile_alt = label(
            "ringkasan_tercile_alt",
            lang,
            n_moving=fmt_int(n_moving, lang),
            n_kec=fmt_int(n_kec, lang),
        )
        intervals, stability = self.rank_figures()
        return _section(
            label("ringkasan_section_ranks", lang),
            _paragraph(note),
            blocks.figure_html(intervals, rank_alt).data,
            blocks.figure_html(stability, tercile_alt).data,
        )

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
            k=fmt_int(self.evaluation.config.rekomendasi.pendamping, lang),
            tb=label("tidak_bergerak", lang),
            adm=label("administratif", lang),
        )
        parts = [_paragraph(note)]
        if alloc.attrs.get("sisa", 0):
            parts.append(
                _paragraph(
                    label(
                        "ringkasan_pendamping_sisa",
                        lang,
                        sisa=fmt_int(alloc.attrs["sisa"], lang),
                    )
                )
            )
        parts += [_paragraph(s) for s in self.remoteness_sentences()]
        parts.append(blocks.table_html(self.pendamping_frame(), lang).data)
        return _section(title, *parts)

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
            _paragraph(
                label("ringkasan_training_note", lang, size=fmt_int(size, lang))
            ),
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

    def training_waves(self) -> HTML:
        """The next training waves: why their order is drawn (three lines), the
        plan in a sentence, and per wave its kecamatan, participants, classes."""
        lang = self.lang
        title = label("ringkasan_section_waves", lang)
        plan = self.wave_plan
        if plan is None:
            text = label("ringkasan_training_unavailable", lang)
            return _section(title, _paragraph(text, "kmp-empty"))
        if not plan.n_waves:
            return _section(
                title, _paragraph(label("gelombang_none", lang), "kmp-empty")
            )
        lines = self.waves_lines()
        why = "".join(f"<li>{html.escape(s)}</li>" for s in lines[:3])
        return _section(
            title,
            f"<ul>{why}</ul>",
            *(_paragraph(s) for s in lines[3:]),
            blocks.table_html(
                self.waves_frame(), lang, title=label("ringkasan_waves_table", lang)
            ).data,
        )

    def effects(self) -> HTML:
        """ "Apakah dukungan berdampak?": one plain sentence per effort, the event
        study, every outcome in a table, and the two caveats (DESIGN §7b)."""
        lang = self.lang
        title = label("ringkasan_section_efek", lang)
        found = self.effects_json
        items = "".join(f"<li>{html.escape(s)}</li>" for s in self.effect_sentences())
        parts = [_paragraph(label("efek_intro", lang)), f"<ul>{items}</ul>"]
        if any_estimate(found):
            figure = charts.event_study(found, lang)
            parts.append(
                blocks.figure_html(figure, label("efek_grafik_alt", lang)).data
            )
            parts.append(
                blocks.table_html(
                    effect_table(found, lang),
                    lang,
                    title=label("efek_tabel_judul", lang),
                ).data
            )
        parts += [_paragraph(line, "kmp-note") for line in caveats(lang)]
        return _section(title, *parts)

    def provenance(self) -> HTML:
        """Method and provenance: data files and their hashes, parameters, versions."""
        params = {"lang": self.lang, **self.parameters}
        return blocks.provenance_html(self.evaluation, params, self.lang)


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
    with said_in(lang):
        params = SummaryParameters(
            data=data, period=period, lang=lang, config=config, evaluasi=evaluasi
        )
        ev = evaluation_for(params)
    return Summary(evaluation=ev, lang=lang, parameters=params.shown())

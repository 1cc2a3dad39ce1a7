"""The kecamatan brief as ``notebooks/brief_kecamatan.ipynb`` shows it.

The notebook only calls :func:`prepare` and the methods of :class:`Brief`, one per
section, each returning the section as HTML (headings, cards, the map, the quadrant,
tables). What the sections say is :class:`~.brief_content.BriefContent`, which
:class:`Brief` extends with the rendering: the numbers are computed and tested there,
without IPython or matplotlib.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from kmp_analysis.classify import CLASSES
from kmp_analysis.errors import said_in
from kmp_analysis.i18n import fmt_int, fmt_pct, label
from kmp_analysis.io import geography
from kmp_analysis.report import blocks, charts, maps, style, trends
from kmp_analysis.report.brief_content import BriefContent
from kmp_analysis.report.params import BriefParameters, evaluation_for


class Brief(BriefContent):
    """The brief's sections as the notebook shows them (DESIGN §8)."""

    def header(self) -> HTML:
        """Title, period and, for synthetic data, a notice no reader can miss."""
        lang = self.lang
        window = self.evaluation.window
        parts = [
            style.STYLE,
            blocks.heading(label("brief_title", lang, nama=self.nama_kec), 1),
            "<p>"
            + html.escape(
                label(
                    "brief_subtitle",
                    lang,
                    period=self.evaluation.period,
                    start=window[0],
                    end=window[-1],
                )
            )
            + "</p>",
        ]
        if self.evaluation.synthetic:
            parts.append(blocks.synthetic_notice(lang))
        return HTML("\n".join(parts))

    def summary(self) -> HTML:
        """Headline cards (count per class) and the generated sentences."""
        lang = self.lang
        h = self.headline()
        cards = [(label("headline_koperasi", lang), h["n"], "#555555")]
        cards += [
            (label(c, lang), h["kelas"][c], style.CLASS_COLORS[c]) for c in CLASSES
        ]
        cards.append((label("headline_berisiko", lang), h["berisiko"], "#7a0000"))
        cards.append((label("headline_lapor", lang), h["lapor_periode"], "#1f78b4"))
        card_html = "".join(
            f'<div class="kmp-card" style="--c:{color}"><b>{fmt_int(value, lang)}</b>'
            f"<small>{html.escape(name)}</small></div>"
            for name, value, color in cards
        )
        text = "".join(f"<li>{html.escape(s)}</li>" for s in self.sentences())
        return HTML(
            blocks.heading(label("section_headline", lang))
            + f'<div class="kmp-cards">{card_html}</div><ul>{text}</ul>'
        )

    def quality_box(self) -> HTML:
        """Green/amber/red box: reporting coverage, stale reporters, synthetic data."""
        lang = self.lang
        ratings = self.quality()
        order = ["hijau", "kuning", "merah"]
        worst = max((r["warna"] for r in ratings), key=order.index)
        rows = []
        for r in ratings:
            if r["aspek"] == "data_sintetis":
                value = label("ya" if r["nilai"] else "tidak", lang)
            elif r["aspek"] == "perlu_dicek":
                value = label(
                    "perlu_dicek_value",
                    lang,
                    n=fmt_int(r["nilai"], lang),
                    k=fmt_int(r["n"], lang),
                )
            else:
                shown = fmt_pct(r["n"], r["total"], lang)
                n, total = fmt_int(r["n"], lang), fmt_int(r["total"], lang)
                value = f"{shown} ({n}/{total})"
            color = style.QUALITY_COLORS[r["warna"]]
            name = label("quality_" + r["aspek"], lang)
            meaning = label(f"quality_{r['aspek']}_{r['warna']}", lang)
            rows.append(
                f'<tr><td><span class="kmp-dot" style="--c:{color}"></span>'
                f"{html.escape(name)}</td><td><b>{html.escape(value)}</b></td>"
                f"<td>{html.escape(meaning)}</td></tr>"
            )
        title = label("section_quality", lang) + " — " + label("quality_" + worst, lang)
        to_check = "".join(
            f"<li>{html.escape(line)}</li>" for line in self.perlu_dicek_lines()
        )
        if to_check:
            heading = html.escape(label("quality_perlu_dicek", lang))
            to_check = (
                f'<p class="kmp-to-check"><b>{heading}</b></p><ul>{to_check}</ul>'
            )
        return HTML(
            f'<div class="kmp-quality" style="--c:{style.QUALITY_COLORS[worst]}">'
            f"{blocks.heading(title, 3)}<table>{''.join(rows)}</table>{to_check}</div>"
        )

    def map(self) -> HTML:
        """Villages coloured by class, with a locator inset of Kukar and, where the
        data carries the village context, a small map of the IDM status of each desa
        beside it (its counts in the alt text too)."""
        coops = self.evaluation.cooperatives
        fig = maps.kecamatan_map(
            coops, self.kode_kec, lang=self.lang, geography=self.geography
        )
        alt = label("map_alt", self.lang, nama=self.nama_kec)
        statuses = maps.area_statuses(coops, self.kode_kec, self.geography)
        if statuses is not None:
            alt = label(
                "map_alt_idm",
                self.lang,
                alt=alt,
                counts=maps.status_counts_text(statuses, self.lang),
            )
        return HTML(
            blocks.heading(label("section_map", self.lang))
            + blocks.figure_html(fig, alt).data
        )

    def quadrant(self) -> HTML:
        """Output–outcome quadrant of the kecamatan's cooperatives (regency in grey)."""
        fig = charts.cooperative_quadrant(
            self.cooperatives,
            self.kode_kec,
            split=self.evaluation.config.indeks.batas_kuadran,
            lang=self.lang,
            regency_mean=self.regency_means(),
        )
        return HTML(
            blocks.heading(label("section_quadrant", self.lang))
            + blocks.figure_html(
                fig, label("quadrant_alt", self.lang, nama=self.nama_kec)
            ).data
        )

    def table(self) -> HTML:
        """The table of cooperatives (every name escaped), each with its class six
        months earlier, the move, and a strip of its class over twelve months:
        coloured cells with a letter, readable in grey-scale by position and
        letter."""
        frame = self.table_frame()
        if "jejak_kelas" not in frame:
            return blocks.table_html(
                frame, self.lang, title=label("section_table", self.lang)
            )
        strips = frame["jejak_kelas"].tolist()
        frame["jejak_kelas"] = [f"KMPSTRIP{i}X" for i in range(len(frame))]
        body = blocks.table_html(
            frame, self.lang, title=label("section_table", self.lang)
        ).data
        colors = {
            label(f"letter_{c}", self.lang): style.CLASS_COLORS[c] for c in CLASSES
        }
        for i, strip in reversed(list(enumerate(strips))):
            cells = "".join(
                f'<span style="--c:{colors.get(ch, style.CLASS_COLORS["tanpa_data"])}"'
                f">{html.escape(ch)}</span>"
                for ch in strip
            )
            body = body.replace(
                f"KMPSTRIP{i}X", f'<span class="kmp-strip">{cells}</span>'
            )
        legend = html.escape(label("strip_legend", self.lang))
        return HTML(
            f'<div class="kmp-coops">{body}</div><p class="kmp-provenance">{legend}</p>'
        )

    def village_context(self) -> HTML:
        """The sentence relating class and village context, and each cooperative's
        outcome indicators beside the median of its peers (same IDM status)."""
        if not self.has_context:
            return HTML("")
        lang = self.lang
        sentence = html.escape(self.context_sentence() or "")
        return HTML(
            blocks.heading(label("section_peers", lang), 3)
            + f"<p>{sentence}</p>"
            + blocks.table_html(self.peer_frame(), lang).data
        )

    def what_changed(self) -> HTML:
        """Perubahan sejak P − 6: sentences with the regency beside each, the
        transition matrix, and the class shares month by month."""
        lang = self.lang
        if self.evaluation.history is None:
            return HTML("")
        since = self.since
        title = (
            label("section_change", lang, since=since)
            if since
            else label("section_change_none", lang)
        )
        text = "".join(f"<li>{html.escape(s)}</li>" for s in self.change_sentences())
        parts = [blocks.heading(title), f"<ul>{text}</ul>"]
        change = self.change()
        if change is not None and "matriks" in change:
            parts.append(blocks.transition_matrix(change["matriks"], since, lang))
        own, regency = self.shares_by_month()
        alt = label("change_shares_alt", lang, nama=self.nama_kec)
        parts.append(blocks.svg_html(trends.class_shares_svg(own, regency, alt, lang)))
        return HTML("".join(parts))

    def recommendations(self) -> HTML:
        """Didukung and Dievaluasi, each with what to do and why."""
        lang = self.lang
        supported = self.supported[
            [
                "nama_desa",
                "nama_koperasi",
                "kelas",
                "siap_pembiayaan",
                "status_pinjaman",
            ]
        ]
        evaluate_ = self.to_evaluate[
            ["urutan", "nama_desa", "nama_koperasi", "kelas", "alasan_risiko"]
        ]
        return HTML(
            blocks.heading(label("section_recommend", lang))
            + self._table(supported, "didukung")
            + self._table(evaluate_, "dievaluasi")
        )

    def training(self) -> HTML:
        """Tiered training: participants and classes per tier."""
        plan = self.training_plan[["jenjang", "peserta", "kelas_pelatihan"]]
        return HTML(self._table(plan, "training"))

    def support(self) -> HTML:
        """Dukungan yang sudah diterima: pengurus trained by tier, who is due next
        (the training plan lists them), pendamping and financing, in sentences,
        then per cooperative; "belum ada data …" for a table not given."""
        sentences = self.support_sentences()
        if not sentences:
            return HTML("")
        lang = self.lang
        text = "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
        table = blocks.table_html(
            self.support_frame(), lang, title=label("support_table", lang)
        ).data
        return HTML(
            blocks.heading(label("section_support", lang)) + f"<ul>{text}</ul>" + table
        )

    def bumdes(self) -> HTML:
        """BUMDes synchronisation: overlap, revive, already linked."""
        actions = self.bumdes_actions[
            ["nama_desa", "nama_bumdes", "kelas", "tindakan", "unit"]
        ]
        return HTML(self._table(actions, "bumdes"))

    def _table(self, frame: pd.DataFrame, name: str) -> str:
        """A titled table (label ``section_<name>``), or the sentence saying there
        is nothing to list (``none_<name>``)."""
        return blocks.table_html(
            frame,
            self.lang,
            title=label(f"section_{name}", self.lang),
            empty=label(f"none_{name}", self.lang),
        ).data

    def provenance(self) -> HTML:
        """Method and provenance: data files and their hashes, parameters, versions."""
        params = {"kecamatan": self.kode_kec, "lang": self.lang, **self.parameters}
        extra = {label("prov_fingerprint", self.lang): self.fingerprint()[:16]}
        return blocks.provenance_html(self.evaluation, params, self.lang, extra)


def prepare(
    kecamatan: str = "Tenggarong",
    data: str = "",
    period: str = "",
    lang: str = "id",
    config: str = "",
    evaluasi: str = "",
) -> Brief:
    """Everything a brief needs, from the notebook's parameters
    (:class:`~kmp_analysis.report.params.BriefParameters`).

    ``evaluasi`` is a folder written by :meth:`Evaluation.save` (the batch evaluates
    the regency once and hands it to every brief); left empty, the data is read and
    evaluated here, so the notebook also runs on its own in JupyterLab.
    """
    with said_in(lang):
        params = BriefParameters(
            kecamatan=kecamatan,
            data=data,
            period=period,
            lang=lang,
            config=config,
            evaluasi=evaluasi,
        )
        geo = geography(params.data)
        kode_kec = geo.resolve(params.kecamatan)
        ev = evaluation_for(params)
    return Brief(ev, kode_kec, lang=lang, parameters=params.shown(), geography=geo)

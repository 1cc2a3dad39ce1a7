"""A cooperative's one-page report card as ``notebooks/rapor_koperasi.ipynb`` shows it.

The notebook calls :func:`prepare` and the methods of :class:`Rapor`, one per part of
the page, each returning HTML: where the cooperative stands, its indicators, the
steps to the next class, what is around it, a box for the actions agreed with it
and the next review date (to fill in by hand), and a legend. What the card says is
:class:`~.rapor_content.RaporContent`; this class adds the HTML, compact enough for
one A4 page.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from kmp_analysis import recommend
from kmp_analysis.classify import CLASSES
from kmp_analysis.errors import said_in
from kmp_analysis.i18n import fmt_int, label
from kmp_analysis.report import blocks, style
from kmp_analysis.report.params import RaporParameters, evaluation_for
from kmp_analysis.report.rapor_content import RaporContent
from kmp_analysis.report.tables import format_indicator

#: One A4 page: smaller type than a brief, no figure.
_CARD_STYLE = """<style>
.kmp-card-page{font-size:.92em}
.kmp-card-page h2{font-size:1.05em;margin:.5em 0 .2em}
.kmp-class{display:inline-block;padding:.1em .5em;border-radius:.2em;
 background:var(--c,#ddd);font-weight:700}
.kmp-box{border:1px solid #555;min-height:5.5em;padding:.3em .5em;margin:.3em 0}
.kmp-line{border-bottom:1px dotted #777;height:1.3em}
@media print{html body .kmp-card-page{font-size:8.5pt}}
</style>"""


class Rapor(RaporContent):
    """The card's parts as the notebook shows them."""

    def header(self) -> HTML:
        """Name, desa, kecamatan, period, the date of the data, synthetic notice."""
        row, lang, ev = self.row, self.lang, self.evaluation
        title = label("rapor_title", lang, nama=row["nama_koperasi"])
        sub = label(
            "rapor_subtitle",
            lang,
            desa=row["nama_desa"],
            kecamatan=row["nama_kec"],
            period=ev.period,
            last=row.get("laporan_terakhir") or "–",
        )
        parts = [
            style.STYLE,
            _CARD_STYLE,
            '<div class="kmp-card-page">',
            blocks.heading(title, 1),
            f"<p>{html.escape(sub)}</p>",
        ]
        if ev.synthetic:
            parts.append(blocks.synthetic_notice(lang))
        parts.append("</div>")
        return HTML("".join(parts))

    def standing(self) -> HTML:
        """The class now, six months earlier and next, and the 12-month strip."""
        lang = self.lang
        now = self._class_badge(self.kelas)
        before = self.previous_class()
        nxt = recommend.NEXT_CLASS.get(self.kelas)
        text = label(
            "rapor_standing",
            lang,
            now=now,
            before=self._class_badge(before) if before else "–",
            arrow=self.arrow() or "",
            next=self._class_badge(nxt) if nxt else label("rapor_top_class", lang),
        )
        letters = {c: label(f"letter_{c}", lang) for c in CLASSES}
        cells = "".join(
            f'<span style="--c:{style.CLASS_COLORS.get(c or "tanpa_data")}">'
            f"{html.escape(letters.get(c, '·') if c else '·')}</span>"
            for c in self.strip()
        )
        return HTML(
            f'<div class="kmp-card-page"><p>{text}</p>'
            f"<p>{html.escape(label('rapor_strip', lang))} "
            f'<span class="kmp-strip">{cells}</span></p></div>'
        )

    def _class_badge(self, kelas: str) -> str:
        color = style.CLASS_COLORS[kelas]
        return (
            f'<span class="kmp-class" style="--c:{color}">'
            f"{html.escape(label(kelas, self.lang))}</span>"
        )

    def indicator_table(self) -> HTML:
        """Each outcome indicator: value, change, kecamatan median, next threshold."""
        lang = self.lang
        table = self.indicators()
        rows = []
        for r in table.itertuples(index=False):
            rows.append(
                {
                    "indikator": label(f"rapor_ind_{r.indikator}", lang),
                    "nilai": format_indicator(r.indikator, r.nilai, lang),
                    "perubahan_6_bulan": format_indicator(
                        r.indikator, r.perubahan, lang, change=True
                    ),
                    "median_kecamatan": format_indicator(
                        r.indikator, r.median_kecamatan, lang
                    ),
                    "ambang_berikutnya": format_indicator(
                        r.indikator, r.ambang_berikutnya, lang
                    ),
                }
            )
        frame = pd.DataFrame(rows)
        return HTML(
            '<div class="kmp-card-page">'
            + blocks.table_html(
                frame, lang, title=label("rapor_section_ind", lang)
            ).data
            + "</div>"
        )

    def steps_list(self) -> HTML:
        """Langkah ke kelas berikutnya, easiest first, then the risk flag's."""
        lang = self.lang
        items = "".join(f"<li>{html.escape(s)}</li>" for s in self.step_sentences())
        return HTML(
            '<div class="kmp-card-page">'
            + blocks.heading(label("rapor_section_steps", lang))
            + f"<ol>{items}</ol></div>"
        )

    def around(self) -> HTML:
        """Its desa, its support (training, pendamping, financing), its BUMDes,
        risks, figures to check."""
        items = "".join(f"<li>{html.escape(x)}</li>" for x in self.around_lines())
        return HTML(
            '<div class="kmp-card-page">'
            + blocks.heading(label("rapor_section_around", self.lang))
            + f"<ul>{items}</ul></div>"
        )

    def actions_box(self) -> HTML:
        """Actions agreed with the cooperative and the next review, to fill by hand
        (the six-month review of community score cards)."""
        lang = self.lang
        lines = '<div class="kmp-line"></div>' * 3
        return HTML(
            '<div class="kmp-card-page">'
            + blocks.heading(label("rapor_section_actions", lang))
            + f'<div class="kmp-box">{lines}'
            + f"<p>{html.escape(label('rapor_next_review', lang))}</p></div></div>"
        )

    def legend(self) -> HTML:
        """What the letters and terms on the card mean."""
        lang = self.lang
        return HTML(
            '<div class="kmp-card-page"><p class="kmp-provenance">'
            + html.escape(label("strip_legend", lang))
            + " "
            + html.escape(label("rapor_legend", lang, **_thresholds(self)))
            + "</p></div>"
        )


def _thresholds(card: RaporContent) -> dict[str, str]:
    """The class thresholds the legend states, as configured (not as designed)."""
    t, lang = card.evaluation.config.thresholds, card.lang
    return {
        "recent": fmt_int(t.recent_months, lang),
        "window": fmt_int(t.window_months, lang),
        "aktif_bulan": fmt_int(t.aktif_bulan_transaksi, lang),
        "aktif_partisipasi": format_indicator("partisipasi", t.aktif_partisipasi, lang),
        "aktif_unit": fmt_int(t.aktif_unit_beroperasi, lang),
        "berdampak_partisipasi": format_indicator(
            "partisipasi", t.berdampak_partisipasi, lang
        ),
        "berdampak_unit": fmt_int(t.berdampak_unit_beroperasi, lang),
        "berdampak_kemandirian": format_indicator(
            "kemandirian", t.berdampak_kemandirian, lang
        ),
        "berdampak_manfaat": fmt_int(t.berdampak_manfaat, lang),
    }


def prepare(
    koperasi_id: str = "",
    data: str = "",
    period: str = "",
    lang: str = "id",
    config: str = "",
    evaluasi: str = "",
) -> Rapor:
    """Everything a card needs, from the notebook's parameters
    (:class:`~kmp_analysis.report.params.RaporParameters`); an empty
    ``koperasi_id`` takes the first cooperative of the data."""
    with said_in(lang):
        params = RaporParameters(
            koperasi_id=koperasi_id,
            data=data,
            period=period,
            lang=lang,
            config=config,
            evaluasi=evaluasi,
        )
        ev = evaluation_for(params)
        kid = params.koperasi_id or str(ev.cooperatives["koperasi_id"].iloc[0])
        return Rapor(ev, kid, lang=lang)

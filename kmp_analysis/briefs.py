"""The content of a kecamatan brief, for ``notebooks/brief_kecamatan.ipynb``.

The notebook only calls :func:`prepare` and the methods of :class:`Brief`; everything
it shows is computed here, so it is tested here. Headline figures come from
:func:`headline`, which the batch also uses for ``index.html``.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from kmp_analysis import __version__, maps, reference
from kmp_analysis.classify import CLASSES
from kmp_analysis.config import SAMPLE_DIR, load_config
from kmp_analysis.evaluate import Evaluation, evaluate
from kmp_analysis.i18n import LANGS, label
from kmp_analysis.io import read_dataset
from kmp_analysis.safeio import atomic_write_text

_STYLE = """
<style>
.kmp-notice{border:2px solid #b30000;background:#fff0f0;color:#7a0000;padding:.6em .9em;
 font-weight:600;margin:.5em 0 1em 0}
.kmp-cards{display:flex;flex-wrap:wrap;gap:.6em;margin:.4em 0 .8em 0}
.kmp-card{border:1px solid #ccc;border-left:6px solid var(--c,#888);padding:.35em .7em;
 min-width:8.5em}
.kmp-card b{display:block;font-size:1.5em}
.kmp-card small{color:#555}
table.kmp-table{border-collapse:collapse;font-size:.85em}
table.kmp-table th,table.kmp-table td{border:1px solid #ddd;padding:.2em .45em;
 vertical-align:top;text-align:left}
table.kmp-table th{background:#f3f3f3}
.kmp-provenance{color:#555;font-size:.8em}
</style>
"""


def headline(cooperatives: pd.DataFrame, period: str) -> dict[str, Any]:
    """Counts a brief leads with: cooperatives, per class, at risk, reported in ``P``.

    Examples
    --------
    >>> df = pd.DataFrame({"kelas": ["aktif", "tidak_bergerak"],
    ...                    "berisiko": [False, True],
    ...                    "laporan_terakhir": ["2026-10", "2026-05"]})
    >>> h = headline(df, "2026-10")
    >>> h["n"], h["kelas"]["aktif"], h["berisiko"], h["lapor_periode"]
    (2, 1, 1, 1)
    """
    n = len(cooperatives)
    counts = {c: int((cooperatives["kelas"] == c).sum()) for c in CLASSES}
    return {
        "n": n,
        "kelas": counts,
        "aktif_atau_berdampak": counts["aktif"] + counts["berdampak"],
        "berisiko": int(cooperatives["berisiko"].astype(bool).sum()),
        "lapor_periode": int((cooperatives["laporan_terakhir"] == period).sum()),
    }


def _pct(part: int, whole: int) -> str:
    return "–" if whole == 0 else f"{100 * part / whole:.0f}%"


@dataclass
class Brief:
    """One kecamatan's brief over an evaluated regency."""

    evaluation: Evaluation
    kode_kec: str
    lang: str = "id"

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}, not {self.lang!r}")

    @property
    def nama_kec(self) -> str:
        table = reference.kecamatan()
        return str(table.loc[table["kode_kec"] == self.kode_kec, "nama_kec"].iloc[0])

    @property
    def cooperatives(self) -> pd.DataFrame:
        return self.evaluation.of_kecamatan(self.kode_kec)

    def headline(self) -> dict[str, Any]:
        return headline(self.cooperatives, self.evaluation.period)

    def sentences(self) -> list[str]:
        """Three sentences from the data, each with the regency value beside it."""
        lang, nama = self.lang, self.nama_kec
        h = self.headline()
        if h["n"] == 0:
            return [label("sentence_none", lang, nama=nama)]
        k = headline(self.evaluation.cooperatives, self.evaluation.period)
        t = self.evaluation.config.thresholds
        return [
            label(
                "sentence_active",
                lang,
                n=h["n"],
                nama=nama,
                n_aktif=h["aktif_atau_berdampak"],
                pct_aktif=_pct(h["aktif_atau_berdampak"], h["n"]),
                pct_aktif_kab=_pct(k["aktif_atau_berdampak"], k["n"]),
            ),
            label(
                "sentence_dormant",
                lang,
                n_tb=h["kelas"]["tidak_bergerak"],
                pct_tb=_pct(h["kelas"]["tidak_bergerak"], h["n"]),
                pct_tb_kab=_pct(k["kelas"]["tidak_bergerak"], k["n"]),
                recent=t.recent_months,
            ),
            label(
                "sentence_risk",
                lang,
                n_risk=h["berisiko"],
                n_lapor=h["lapor_periode"],
                n=h["n"],
                period=self.evaluation.period,
            ),
        ]

    # ------------------------------------------------------------ notebook output

    def header(self) -> HTML:
        """Title, period and, for synthetic data, a notice no reader can miss."""
        lang = self.lang
        window = self.evaluation.window
        parts = [
            _STYLE,
            f"<h1>{html.escape(label('brief_title', lang, nama=self.nama_kec))}</h1>",
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
            notice = html.escape(label("synthetic_notice", lang))
            parts.append(f'<div class="kmp-notice">{notice}</div>')
        return HTML("\n".join(parts))

    def summary(self) -> HTML:
        """Headline cards (count per class) and the generated sentences."""
        lang = self.lang
        h = self.headline()
        cards = [(label("headline_koperasi", lang), h["n"], "#555555")]
        cards += [
            (label(c, lang), h["kelas"][c], maps.CLASS_COLORS[c]) for c in CLASSES
        ]
        cards.append((label("headline_berisiko", lang), h["berisiko"], "#7a0000"))
        cards.append((label("headline_lapor", lang), h["lapor_periode"], "#1f78b4"))
        card_html = "".join(
            f'<div class="kmp-card" style="--c:{color}"><b>{value}</b>'
            f"<small>{html.escape(name)}</small></div>"
            for name, value, color in cards
        )
        text = "".join(f"<li>{html.escape(s)}</li>" for s in self.sentences())
        return HTML(
            f"<h2>{html.escape(label('section_headline', lang))}</h2>"
            f'<div class="kmp-cards">{card_html}</div><ul>{text}</ul>'
        )

    def map(self) -> Figure:
        """Villages coloured by class, with a locator inset of Kukar."""
        return maps.kecamatan_map(
            self.evaluation.cooperatives, self.kode_kec, lang=self.lang
        )

    def table_frame(self) -> pd.DataFrame:
        """The cooperatives, lowest class first, with labelled columns."""
        lang = self.lang
        coops = self.cooperatives.sort_values(["kelas", "nama_desa"], kind="stable")
        yes, no = label("ya", lang), label("tidak", lang)
        frame = pd.DataFrame(
            {
                label("nama_desa", lang): coops["nama_desa"],
                label("nama_koperasi", lang): coops["nama_koperasi"],
                label("kelas", lang): coops["kelas"]
                .astype(str)
                .map(lambda c: label(c, lang)),
                label("bulan_transaksi", lang): coops["bulan_transaksi"],
                label("partisipasi", lang): coops["partisipasi"].map(
                    lambda v: f"{100 * v:.0f}%"
                ),
                label("unit_beroperasi", lang): coops["unit_beroperasi"],
                label("kemandirian", lang): coops["kemandirian"].map(
                    lambda v: "–" if pd.isna(v) else f"{v:.2f}"
                ),
                label("berisiko", lang): coops["berisiko"].map(
                    lambda b: yes if b else no
                ),
                label("alasan", lang): coops["alasan"],
                label("alasan_risiko", lang): coops["alasan_risiko"],
            }
        )
        return frame.reset_index(drop=True)

    def table(self) -> HTML:
        """The table of cooperatives as HTML (every name escaped)."""
        body = self.table_frame().to_html(
            index=False, escape=True, classes="kmp-table", border=0, na_rep="–"
        )
        return HTML(f"<h2>{html.escape(label('section_table', self.lang))}</h2>{body}")

    def provenance(self) -> HTML:
        """Where the numbers come from: data source, file hashes, version."""
        ev = self.evaluation
        hashes = ", ".join(
            f"{name} {digest[:12]}" for name, digest in ev.file_hashes.items()
        )
        text = label(
            "provenance",
            self.lang,
            source=Path(ev.source).name,
            period=ev.period,
            version=__version__,
        )
        return HTML(
            f'<p class="kmp-provenance">{html.escape(text)}<br>'
            f"sha256: {html.escape(hashes)}</p>"
        )

    def to_json(self) -> dict[str, Any]:
        """What the brief says, machine-readable: headline and per-cooperative class."""
        coops = self.cooperatives
        return {
            "kode_kec": self.kode_kec,
            "nama_kec": self.nama_kec,
            "period": self.evaluation.period,
            "synthetic": self.evaluation.synthetic,
            "lang": self.lang,
            "headline": self.headline(),
            "koperasi": [
                {
                    "koperasi_id": r.koperasi_id,
                    "kode_desa": r.kode_desa,
                    "kelas": str(r.kelas),
                    "berisiko": bool(r.berisiko),
                    "alasan": r.alasan,
                    "alasan_risiko": r.alasan_risiko,
                }
                for r in coops.itertuples(index=False)
            ],
        }

    def save_json(self, out_dir: str | Path) -> Path:
        """Write ``brief.json`` into ``out_dir`` (atomically)."""
        target = Path(out_dir) / "brief.json"
        atomic_write_text(
            target, json.dumps(self.to_json(), indent=2, ensure_ascii=False)
        )
        return target


def prepare(
    kecamatan: str,
    data: str = "",
    period: str = "",
    lang: str = "id",
    config: str = "",
    evaluasi: str = "",
) -> Brief:
    """Everything a brief needs, from the notebook's parameters.

    ``evaluasi`` is a folder written by :meth:`Evaluation.save` (the batch evaluates
    the regency once and hands it to every brief); left empty, the data is read and
    evaluated here, so the notebook also runs on its own in JupyterLab.
    """
    kode_kec = reference.resolve_kecamatan(kecamatan)
    if evaluasi:
        ev = Evaluation.load(evaluasi)
        if period and period != ev.period:
            raise ValueError(
                f"period {period} differs from the evaluation ({ev.period})"
            )
    else:
        dataset = read_dataset(data or SAMPLE_DIR)
        ev = evaluate(dataset, period or None, load_config(config or None))
    return Brief(evaluation=ev, kode_kec=kode_kec, lang=lang)

"""How the pages look, in one place: the colours of classes, quadrants, terciles
and the choropleth, and the CSS of the briefs and of the exported pages.

The colours are fixed (every class always in the same colour, every legend in the
same order), so that two briefs side by side read the same way.
"""

from __future__ import annotations

#: Class colours, dormant (red) to impactful (dark green); grey for no data.
CLASS_COLORS = {
    "tidak_bergerak": "#d7301f",
    "administratif": "#fdae61",
    "aktif": "#a6d96a",
    "berdampak": "#1a9641",
    "tanpa_data": "#d9d9d9",
}

#: IDM status colours of a village (Kemendes PDTT), a sequential blue ramp from
#: Sangat tertinggal (lightest) to Mandiri (darkest), so that grey-scale print still
#: orders them by lightness (ColorBrewer Blues, spread over the three Kukar has).
IDM_COLORS = {
    "sangat_tertinggal": "#eff3ff",
    "tertinggal": "#c6dbef",
    "berkembang": "#9ecae1",
    "maju": "#4292c6",
    "mandiri": "#08519c",
}

#: How a village without an IDM status is drawn on the IDM map: face, hatch and
#: hatch colour. A kelurahan has none by design ("tidak berlaku"), hatched so that
#: it never reads as a pale status or as missing data; "tanpa data" is dotted.
IDM_NO_STATUS = {
    "tidak_berlaku": ("#ffffff", "////", "#7f7f7f"),
    "tanpa_data": ("#f0f0f0", "....", "#9a9a9a"),
}

#: Colours of the output–outcome quadrants (DESIGN §6).
QUADRANT_COLORS = {
    "berkinerja": "#1a9641",
    "formalitas": "#f46d43",
    "informal": "#4393c3",
    "tertinggal": "#8c8c8c",
}

#: Tercile colours of the rank-stability chart: top, middle, bottom.
TERCILE_COLORS = ("#1a9641", "#fdd49e", "#d7301f")

#: Data-quality ratings of the brief (green, amber, red).
QUALITY_COLORS = {"hijau": "#1a9641", "kuning": "#f0a30a", "merah": "#d7301f"}

#: Colours of the kecamatan choropleth, low to high (ColorBrewer YlGn, 5 classes).
CHOROPLETH_COLORS = ("#ffffcc", "#c2e699", "#78c679", "#31a354", "#006837")


def palette(n: int) -> tuple[str, ...]:
    """``n`` colours of the choropleth ramp (the five, or a resampled ramp)."""
    if n == len(CHOROPLETH_COLORS):
        return CHOROPLETH_COLORS
    from matplotlib.colors import LinearSegmentedColormap, to_hex

    ramp = LinearSegmentedColormap.from_list("kmp", CHOROPLETH_COLORS)
    return tuple(to_hex(ramp(i / max(1, n - 1))) for i in range(n))


#: CSS of every brief and summary; the exporter inlines it once more for print.
#: Inside JupyterLab 4 its output rule ``:not(.jp-RenderedMarkdown)
#: .jp-RenderedHTMLCommon td {text-align:right}`` outweighs ``table.kmp-table td``
#: (two classes and an element against one class and two): the last rules, scoped
#: to ``.jp-RenderedHTMLCommon``, weigh more and put text back on the left.
STYLE = """
<style>
.kmp-notice{border:2px solid #b30000;background:#fff0f0;color:#7a0000;
 padding:.6em .9em;font-weight:600;margin:.5em 0 1em 0}
.kmp-cards{display:flex;flex-wrap:wrap;gap:.5em;margin:.4em 0 .8em 0}
.kmp-card{border:1px solid #ccc;border-left:6px solid var(--c,#888);
 padding:.3em .6em;min-width:7.5em}
.kmp-card b{display:block;font-size:1.4em}
.kmp-card small{color:#555}
table.kmp-table{border-collapse:collapse;font-size:.8em;margin:.3em 0 .8em 0;
 width:100%}
table.kmp-table th,table.kmp-table td{border:1px solid #ddd;padding:.15em .4em;
 vertical-align:top;text-align:left}
table.kmp-table th{background:#f3f3f3}
.kmp-figure img{max-width:100%;height:auto}
.kmp-quality{border-left:8px solid var(--c,#888);background:#fafafa;
 padding:.4em .8em;margin:.5em 0}
.kmp-quality td{padding:.1em .6em .1em 0}
.kmp-dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;
 background:var(--c,#888);margin-right:.3em}
.kmp-provenance{color:#555;font-size:.75em}
.kmp-empty{color:#555;font-style:italic}
.kmp-strip{white-space:nowrap;font-family:"DejaVu Sans Mono",monospace}
.kmp-strip span{display:inline-block;width:1.1em;text-align:center;
 background:var(--c,#d9d9d9);border-right:1px solid #fff;font-size:.85em}
.kmp-svg svg{max-width:100%;height:auto}
table.kmp-matrix{width:auto}
.kmp-coops{overflow-x:auto}
.kmp-coops table.kmp-table td:last-child{min-width:15em}
table.kmp-matrix td{text-align:right;min-width:3em}
.jp-RenderedHTMLCommon table.kmp-table td,.jp-RenderedHTMLCommon table.kmp-table th,
.jp-RenderedHTMLCommon .kmp-quality td{text-align:left}
.jp-RenderedHTMLCommon table.kmp-matrix td,
.jp-RenderedHTMLCommon table.kmp-table td.num{text-align:right}
</style>
"""


#: Page CSS of every exported notebook: typography and print rules (A4, no table
#: row or figure cut across pages). The notebook's own outputs bring their CSS.
PAGE_STYLE = """
@page{size:A4;margin:14mm 13mm}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:"DejaVu Sans","Noto Sans",Arial,sans-serif;color:#222;
 max-width:60em;margin:1.5em auto;padding:0 1em;line-height:1.35;font-size:11pt}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin:1em 0 .3em}
h3{font-size:1.05em;margin:.8em 0 .2em}
h1,h2,h3{break-after:avoid;page-break-after:avoid}
tr,img,figure,.kmp-quality,.kmp-cards{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
figure{margin:.4em 0}img{max-width:100%;height:auto}
pre{white-space:pre-wrap}
@media print{body{margin:0;max-width:none;font-size:9pt}
 .kmp-figure img{max-height:80mm;width:auto}
 html body .kmp-coops{overflow:visible}
 html body table.kmp-table{font-size:7pt}
 html body .kmp-strip span{width:1em;font-size:6.5pt}
 .kmp-svg svg{max-height:55mm;width:auto}
 html body .kmp-figure img{max-height:68mm}
 html body table.kmp-table th,html body table.kmp-table td{padding:.05em .25em}}
"""

"""A zoomable map of a kecamatan's villages that works without internet.

:func:`interactive_map` draws the villages with ``GeoDataFrame.explore(tiles=None)``
and returns an :class:`OfflineMap`: a page that needs no network. No tile server is
asked for a base map, and instead of folium's CDN links (Leaflet, jQuery, Bootstrap,
Font Awesome) Leaflet's JS and CSS are inlined from the ``django-js-lib-leaflet``
package; the legend is plain HTML and CSS. Every value from the data is escaped.
"""

from __future__ import annotations

import base64
import copy
import html
import re
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import folium
import pandas as pd
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from kmp_analysis import reference
from kmp_analysis.classify import CLASSES
from kmp_analysis.i18n import label
from kmp_analysis.report import maps, style
from kmp_analysis.report.blocks import escape_value
from kmp_analysis.report.tables import describe_reasons
from kmp_analysis.safeio import atomic_write_text

if TYPE_CHECKING:
    import geopandas as gpd


#: What a village on a map can be: a class, or no cooperative data.
MAP_CLASSES = (*CLASSES, "tanpa_data")


def _village_layer(
    cooperatives: pd.DataFrame,
    villages: gpd.GeoDataFrame,
    kode_kec: str,
    lang: str,
) -> gpd.GeoDataFrame:
    """The villages of ``kode_kec`` with their class and, escaped, what a tooltip says.

    Where a village has several cooperatives, the highest class colours it and the
    names and reasons of all of them are listed.
    """
    area = villages[villages["kode_kec"] == kode_kec]
    coops = cooperatives[cooperatives["kode_kec"] == kode_kec]
    classes = maps.village_classes(coops) if len(coops) else pd.Series(dtype=str)
    names = coops.groupby("kode_desa")["nama_koperasi"].agg(
        lambda s: "; ".join(str(v) for v in s)
    )
    reasons = coops.groupby("kode_desa")["alasan"].agg(
        lambda s: (
            " | ".join(d for d in (describe_reasons(v, lang) for v in s) if d) or "–"
        )
    )
    kelas = area["kode_desa"].map(classes).fillna("tanpa_data").astype(str)
    layer = area[["kode_desa", "geometry"]].copy()
    layer["nama_desa"] = area["nama_desa"].map(escape_value)
    layer["nama_koperasi"] = area["kode_desa"].map(names).map(escape_value)
    layer["kelas"] = kelas
    layer["kelas_label"] = kelas.map(lambda c: html.escape(label(c, lang)))
    layer["alasan"] = area["kode_desa"].map(reasons).map(escape_value)
    layer["kode_desa"] = layer["kode_desa"].map(escape_value)
    return layer.reset_index(drop=True)


#: Leaflet as shipped by the ``django-js-lib-leaflet`` package (Leaflet 1.9.4).
_LEAFLET_DIR = resources.files("js_lib_leaflet") / "static" / "js_lib_leaflet"

#: folium's CDN links that :func:`offline_html` replaces with the inlined Leaflet.
_LEAFLET_LINKS = frozenset({"leaflet", "leaflet_css"})

#: folium's CDN links the map does not need: the GeoJSON layers, tooltips, popups,
#: the scale and ``fitBounds`` use only Leaflet (jQuery, Bootstrap and Font Awesome
#: serve markers, icons and plugins that this map does not have).
_UNUSED_LINKS = frozenset(
    {
        "jquery",
        "bootstrap",
        "awesome_markers",
        "bootstrap_css",
        "glyphicons_css",
        "awesome_markers_font_css",
        "awesome_markers_css",
        "awesome_rotate_css",
    }
)

_CSS_IMAGE = re.compile(r"url\((['\"]?)images/([\w.-]+\.png)\1\)")


@cache
def leaflet_assets() -> tuple[str, str]:
    """Leaflet's JS and CSS, ready to inline in a page.

    The CSS's images (layer-control and marker icons) become ``data:`` URIs and the
    JS loses its source-map comment, so neither refers to any other file.
    """
    js = (_LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "\n", js)
    css = (_LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        data = (_LEAFLET_DIR / "images" / match.group(2)).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(data).decode('ascii')})"

    css = _CSS_IMAGE.sub(inline, css)
    if "</script" in js.lower() or "</style" in css.lower() or "images/" in css:
        raise RuntimeError("Leaflet's files cannot be inlined as they are")
    return js, css


class _Inline(Element):
    """A ``<script>`` or ``<style>`` with its text written out as it is."""

    _template = Template("<{{ this.tag }}>\n{{ this.text }}\n</{{ this.tag }}>")

    def __init__(self, tag: str, text: str) -> None:
        super().__init__()
        self.tag = tag
        self.text = text


class _Legend(MacroElement):
    """The class legend as plain HTML and CSS (no script: nothing to load)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        .kmp-legend{position:absolute;top:10px;right:10px;z-index:640;
         background:rgba(255,255,255,.92);border-radius:4px;padding:6px 9px;
         box-shadow:0 0 12px rgba(0,0,0,.25);font:12px/1.45 Arial,Helvetica,sans-serif}
        .kmp-legend-title{font-weight:bold;margin-bottom:2px}
        .kmp-legend ul{margin:0;padding:0;list-style:none}
        .kmp-legend li span{display:inline-block;width:12px;height:12px;
         margin-right:5px;vertical-align:-2px;border:1px solid #777}
        </style>
        {% endmacro %}
        {% macro html(this, kwargs) %}
        <div class="kmp-legend">
        <div class="kmp-legend-title">{{ this.title|e }}</div>
        <ul>
        {%- for color, text in this.items %}
        <li><span style="background:{{ color|e }}"></span>{{ text|e }}</li>
        {%- endfor %}
        </ul>
        </div>
        {% endmacro %}
        """
    )

    def __init__(self, title: str, items: list[tuple[str, str]]) -> None:
        super().__init__()
        self._name = "KmpLegend"
        self.title = title
        self.items = items


class _FitWhenShown(MacroElement):
    """Fit the map to ``bounds`` as soon as it has a size, if it had none when its
    page loaded (an iframe out of view in JupyterLab, whose notebook skips drawing
    off-screen cells, or inside a hidden element): Leaflet would otherwise stay
    zoomed out to the whole world. Once fitted, a change of size keeps the view."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var map = {{ this._parent.get_name() }};
          var bounds = {{ this.bounds|tojson }};
          var size = map.getSize();
          var fitted = size.x > 0 && size.y > 0;
          function refit() {
            map.invalidateSize({animate: false});
            size = map.getSize();
            if (!fitted && size.x > 0 && size.y > 0) {
              map.fitBounds(bounds, {animate: false});
              fitted = true;
            }
          }
          window.addEventListener("resize", refit);
          if (window.ResizeObserver) {
            new ResizeObserver(refit).observe(map.getContainer());
          }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "KmpFitWhenShown"
        self.bounds = bounds


class _Links(HTMLParser):
    """Every ``src``/``href`` of a page's tags (script and style text is skipped)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v or "" for k, v in attrs if k in ("src", "href")]


def page_links(page: str) -> list[str]:
    """The ``src`` and ``href`` values of the tags of an HTML page."""
    parser = _Links()
    parser.feed(page)
    parser.close()
    return parser.links


def _elements(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _elements(child)


def offline_html(m: folium.Map) -> str:
    """The page of ``m`` with Leaflet inlined and no link to any other file.

    Folium links Leaflet, jQuery, Bootstrap and Font Awesome from CDNs; the links of
    every element are dropped (Leaflet's are replaced by its inlined JS and CSS). An
    element that needs any other library cannot work offline: ``ValueError``.

    A copy of the map's figure is rendered: ``m`` itself is not changed (folium adds
    to a figure each time it renders it, so a second rendering would differ).
    """
    if not isinstance(m.get_root(), Figure):
        raise ValueError("the map is not part of a folium Figure")
    figure = copy.deepcopy(m.get_root())
    for element in _elements(figure):
        for attr in ("default_js", "default_css"):
            names = {name for name, _ in getattr(element, attr, None) or ()}
            unknown = names - _LEAFLET_LINKS - _UNUSED_LINKS
            if unknown:
                raise ValueError(
                    f"{type(element).__name__} needs {sorted(unknown)}, which cannot "
                    "be loaded without internet"
                )
            if names:
                setattr(element, attr, [])  # on the instance: the class keeps its own
    js, css = leaflet_assets()
    # after <meta charset> (the first child) and before the map's own styles
    figure.header.add_child(_Inline("style", css), name="kmp_leaflet_css", index=1)
    figure.header.add_child(_Inline("script", js), name="kmp_leaflet_js", index=2)
    page = figure.render()
    external = [link for link in page_links(page) if not link.startswith("data:")]
    if external:
        raise RuntimeError(f"the offline map still links to {external}")
    return page


class OfflineMap:
    """An interactive map that works without internet.

    In JupyterLab it shows as an ``<iframe>`` holding the whole page (``srcdoc``,
    scripts allowed, nothing else); :attr:`html` is that page on its own and
    :meth:`save` writes it to a file that opens in any browser, offline.
    :attr:`map` is the folium map it is made from.
    """

    def __init__(self, folium_map: folium.Map, title: str = "", height: int = 520):
        self.map = folium_map
        self.title = title
        self.height = height
        if title:
            folium_map.get_root().title = html.escape(title)

    @property
    def html(self) -> str:
        """The standalone page: Leaflet inlined, no link to any other file."""
        return offline_html(self.map)

    def save(self, path: str | Path) -> Path:
        """Write :attr:`html` to ``path`` (UTF-8); the path is returned."""
        atomic_write_text(path, self.html)
        return Path(path)

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
            'sandbox="allow-scripts" '
            f'title="{html.escape(self.title, quote=True)}" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd">'
            "</iframe>"
        )

    def __repr__(self) -> str:
        return f"OfflineMap({self.title!r})"


def interactive_map(
    cooperatives: pd.DataFrame,
    kode_kec: str,
    lang: str = "id",
    villages: gpd.GeoDataFrame | None = None,
    kecamatan_shapes: gpd.GeoDataFrame | None = None,
) -> OfflineMap:
    """A zoomable map of the villages of ``kode_kec``, coloured by class.

    Hovering a village shows its name, its cooperative, the class and the reasons;
    clicking it keeps them open. The outlines of all of Kukar's kecamatan are drawn
    underneath for orientation. It opens on the kecamatan, also where its page
    loads before it has a size (out of view, hidden). It works without internet: no
    tile layer (no base map from a tile server), Leaflet inlined in the page, and a
    legend of plain HTML.

    ``villages`` and ``kecamatan_shapes`` default to the reference geography.
    """
    villages = reference.village_shapes() if villages is None else villages
    kec = reference.kecamatan_shapes() if kecamatan_shapes is None else kecamatan_shapes
    layer = _village_layer(cooperatives, villages, kode_kec, lang)
    outline = kec[["geometry"]].copy()
    # ~100 m is plenty for orientation and keeps the map's HTML small
    outline["geometry"] = outline.geometry.simplify(0.001)
    outline["nama_kec"] = kec["nama_kec"].map(escape_value)
    x0, y0, x1, y1 = layer.total_bounds if len(layer) else outline.total_bounds
    m = outline.explore(
        tiles=None,
        # a start view of our own: no fitting to all of Kukar first
        location=((y0 + y1) / 2, (x0 + x1) / 2),
        zoom_start=10,
        color="#888888",
        style_kwds={"fill": False, "weight": 1},
        tooltip=False,
        highlight=False,
        interactive=False,  # lines only: hovering and clicking reach the villages
        name=html.escape(label("kecamatan", lang)),
    )
    fields = ["nama_desa", "nama_koperasi", "kelas_label", "alasan"]
    aliases = [
        html.escape(label(key, lang))
        for key in ("nama_desa", "nama_koperasi", "kelas", "alasan")
    ]
    layer.explore(
        m=m,
        column="kelas",
        categories=list(MAP_CLASSES),
        cmap=[style.CLASS_COLORS[c] for c in MAP_CLASSES],
        tooltip=fields,
        tooltip_kwds={"aliases": aliases, "sticky": True},
        popup=fields,
        popup_kwds={"aliases": aliases},
        style_kwds={"color": "#ffffff", "weight": 1, "fillOpacity": 0.8},
        legend=False,  # geopandas' legend needs jQuery UI from a CDN
        name=html.escape(label("map_title", lang)),
    )
    m.add_child(
        _Legend(
            label("kelas", lang),
            [(style.CLASS_COLORS[c], label(c, lang)) for c in MAP_CLASSES],
        )
    )
    bounds = [[float(y0), float(x0)], [float(y1), float(x1)]]
    fit = folium.FitBounds(bounds)
    # straight to the kecamatan: no zoom animation while the page opens
    fit.options["animate"] = False
    m.add_child(fit)
    m.add_child(_FitWhenShown(bounds))
    title = label("map_title", lang)
    if "kode_kec" in kec.columns:
        names = kec.loc[kec["kode_kec"] == kode_kec, "nama_kec"]
        if len(names):
            title += f" – {label('kecamatan', lang)} {names.iloc[0]}"
    return OfflineMap(m, title=title)

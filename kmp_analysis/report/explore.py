"""Interactive exploration for planners, behind ``notebooks/eksplorasi.ipynb``.

A planner picks a kecamatan and moves the class thresholds of DESIGN §5 with widgets;
the map, the class counts (against the default thresholds), the table of
cooperatives and the zoomable map are rendered again on every change. The map is
coloured by class, or by the IDM status of each desa (issue 12) where the data
carries the village context. The data is read once; each change only re-runs
:func:`~kmp_analysis.evaluation.evaluate`, which is fast.

Its zoomable map is :func:`kmp_analysis.report.webmap.interactive_map`, a page that
works without internet, shown by :meth:`Explorer.map_view`.

Everything the notebook shows is built here, so it is tested here; every word comes
from :mod:`kmp_analysis.i18n` (a change of language rewrites all of it, the header
too), and every value from the data is escaped.

A saved notebook, reopened
--------------------------
JupyterLab saves a displayed widget as a reference to a model in the kernel (its
model id), not the model itself, unless "Save Widget State Automatically" is on (it
is off by default). Reopened with a new kernel, such a reference would show "Error
displaying widget: model not found". So the two widgets the notebook displays,
:meth:`Explorer.app` and :meth:`Explorer.map_view`, have fixed model ids
(:data:`APP_MODEL_ID`, :data:`MAP_MODEL_ID`), and the notebook's metadata carries
under those ids the state of two static HTML widgets that say to run all cells
again (:func:`saved_widget_state`). On opening a notebook, JupyterLab's widget
manager takes the models of the kernel first (none in a new kernel), then those
saved in the notebook: the reference shows that notice, no error, and no stale
table or map. Run All makes the live widgets under the same ids again (the widgets
of an earlier run holding an id are closed first), and JupyterLab leaves the
metadata as it is while it does not save widget state.

Where widget state is saved (that setting on, or ``jupyter nbconvert --execute``,
whose nbclient stores it), the reopened notebook shows the widgets as they were,
frozen: their hint line says to run all cells again when they do not respond, and
the map's caption names its kecamatan and thresholds, so nothing claims to be live.
The header (title, period, synthetic-data notice, data warnings) is plain HTML with
a display id, rewritten in place on a change of language (:meth:`Explorer.header`).
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML, display, update_display

from kmp_analysis import reference
from kmp_analysis.classify import CLASS_RANK, CLASSES
from kmp_analysis.config import Config, Thresholds, check_lang, load_config
from kmp_analysis.errors import said_in
from kmp_analysis.evaluation import Evaluation, evaluate
from kmp_analysis.i18n import LABELS, LANGS, fmt_dec, fmt_int, fmt_percent, label
from kmp_analysis.io import Dataset, read_dataset
from kmp_analysis.paths import SAMPLE_DIR
from kmp_analysis.report import blocks, maps, style
from kmp_analysis.report.params import ExploreParameters
from kmp_analysis.report.tables import present
from kmp_analysis.report.webmap import MAP_CLASSES, OfflineMap, interactive_map

if TYPE_CHECKING:
    pass

#: The model id of :meth:`Explorer.app` in every kernel (see the module's docstring).
APP_MODEL_ID = "kmp-explorer-app"
#: The model id of :meth:`Explorer.map_view` in every kernel.
MAP_MODEL_ID = "kmp-explorer-map"


@dataclass(frozen=True)
class Slider:
    """How one threshold is offered as a slider."""

    name: str  # a field of :class:`~kmp_analysis.config.Thresholds`
    minimum: float
    maximum: float
    step: float

    @property
    def is_int(self) -> bool:
        return isinstance(getattr(Thresholds(), self.name), int)


#: The thresholds of the classes (DESIGN §5) a planner can move, in display order.
SLIDERS = (
    Slider("aktif_bulan_transaksi", 0, 6, 1),
    Slider("aktif_partisipasi", 0.0, 1.0, 0.05),
    Slider("aktif_unit_beroperasi", 0, 8, 1),
    Slider("berdampak_partisipasi", 0.0, 1.0, 0.05),
    Slider("berdampak_unit_beroperasi", 0, 8, 1),
    Slider("berdampak_kemandirian", 0.0, 3.0, 0.1),
    Slider("berdampak_manfaat", 0, 4, 1),
)


_STYLE = """
<style>
.kmp-notice{border:2px solid #b30000;background:#fff0f0;color:#7a0000;padding:.6em .9em;
 font-weight:600;margin:.5em 0 1em 0}
table.kmp-table{border-collapse:collapse;font-size:.85em}
table.kmp-table th,table.kmp-table td{border:1px solid #ddd;padding:.2em .45em;
 vertical-align:top;text-align:left}
table.kmp-table th{background:#f3f3f3}
table.kmp-table td.num{text-align:right}
.kmp-swatch{display:inline-block;width:.9em;height:.9em;margin-right:.35em;
 vertical-align:middle;border:1px solid #777}
.kmp-scroll{overflow-x:auto;max-width:100%}
.kmp-scroll table.kmp-table{margin:0}
/* outweighs JupyterLab's right-aligned cells of rendered tables */
.kmp-scroll table.kmp-table th,.kmp-scroll table.kmp-table td{text-align:left}
.kmp-scroll table.kmp-table td.num{text-align:right}
.kmp-coops td:nth-child(2){min-width:12em}
.kmp-coops td:last-child{min-width:16em}
.kmp-webmap-caption{margin:.2em 0 .4em 0}
.kmp-explorer .widget-slider .widget-label{min-width:19.5em}
</style>
"""

#: The columns of the table of cooperatives, left to right: what a planner reads
#: first (where, the class now and under the default thresholds, the risk flag),
#: then the measures and the reasons; a narrow page scrolls the table sideways.
TABLE_COLUMNS = (
    "nama_desa",
    "nama_koperasi",
    "kelas",
    "kelas_bawaan",
    "berisiko",
    "bulan_transaksi",
    "partisipasi",
    "unit_beroperasi",
    "kemandirian",
    "manfaat",
    "alasan",
)


# ----------------------------------------------------------------- pure helpers


def _number(value: float, is_int: bool, lang: str = "id") -> str:
    return fmt_int(value, lang) if is_int else fmt_dec(value, lang, 2)


def _count(value: int, column: str, lang: str = "id") -> str:
    """A count; a change carries its sign (``+6``, ``-6``, ``0``)."""
    return fmt_int(value, lang, signed=column == "selisih")


def class_counts(default: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """Cooperatives per class under the default and the current thresholds.

    Both frames hold the same cooperatives (``koperasi_id``, ``kelas``); the result
    has one row per class, lowest first, and the columns ``bawaan``, ``sekarang``
    and ``selisih`` (current minus default).

    Examples
    --------
    >>> a = pd.DataFrame({"koperasi_id": ["k1", "k2"], "kelas": ["aktif", "aktif"]})
    >>> b = pd.DataFrame({"koperasi_id": ["k1", "k2"],
    ...                   "kelas": ["aktif", "administratif"]})
    >>> class_counts(a, b).loc[["administratif", "aktif"], "selisih"].tolist()
    [1, -1]
    """
    table = pd.DataFrame(
        {
            "bawaan": [int((default["kelas"] == c).sum()) for c in CLASSES],
            "sekarang": [int((current["kelas"] == c).sum()) for c in CLASSES],
        },
        index=pd.Index(CLASSES, name="kelas"),
    )
    table["selisih"] = table["sekarang"] - table["bawaan"]
    return table


def class_moves(default: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """Cooperatives whose class differs: one row per (from, to) with its count.

    Examples
    --------
    >>> a = pd.DataFrame({"koperasi_id": ["k1", "k2"], "kelas": ["aktif", "aktif"]})
    >>> b = pd.DataFrame({"koperasi_id": ["k1", "k2"],
    ...                   "kelas": ["aktif", "administratif"]})
    >>> class_moves(a, b).to_dict("records")
    [{'dari': 'aktif', 'ke': 'administratif', 'jumlah': 1}]
    """
    both = default[["koperasi_id", "kelas"]].merge(
        current[["koperasi_id", "kelas"]],
        on="koperasi_id",
        suffixes=("_bawaan", "_sekarang"),
        validate="one_to_one",
    )
    dari = both["kelas_bawaan"].astype(str)
    ke = both["kelas_sekarang"].astype(str)
    moved = pd.DataFrame({"dari": dari[dari != ke], "ke": ke[dari != ke]})
    if moved.empty:
        return pd.DataFrame({"dari": [], "ke": [], "jumlah": []})
    out = moved.groupby(["dari", "ke"]).size().rename("jumlah").reset_index()
    out["jumlah"] = out["jumlah"].astype(int)
    order = out["dari"].map(CLASS_RANK) * 10 + out["ke"].map(CLASS_RANK)
    return out.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def figure_html(figure: Any, alt: str = "") -> str:
    """A matplotlib figure as an ``<img>`` with the PNG inlined (no file, no link),
    cropped to what is drawn (a long legend, in English, is not cut off)."""
    data = blocks.png_base64(figure, tight=True)
    return (
        f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}"'
        ' style="max-width:100%">'
    )


# --------------------------------------------------------------------- explorer


class Explorer:
    """One kecamatan and a set of thresholds over a dataset read once.

    ``baseline`` is the evaluation under the thresholds of ``config`` (the defaults,
    or a YAML file's); ``evaluation`` is the one under the thresholds the planner
    chose. Change them with :meth:`set_thresholds`, :meth:`set_kecamatan` and
    :meth:`set_lang`, or with the widgets of :meth:`controls`; what is shown (the
    :attr:`output` widget, :meth:`map_view` and, after a change of language,
    :meth:`header`) is rendered again after every change.
    """

    def __init__(
        self,
        dataset: Dataset,
        period: str | None = None,
        config: Config | None = None,
        kecamatan: str = "Tenggarong",
        lang: str = "id",
    ) -> None:
        check_lang(lang)
        self.dataset = dataset
        self.config = config or Config()
        self.baseline: Evaluation = evaluate(dataset, period or None, self.config)
        self.evaluation: Evaluation = self.baseline
        self.period = self.baseline.period
        self.kode_kec = reference.resolve_kecamatan(kecamatan)
        self.lang = lang
        self._inputs: dict[str, widgets.ValueWidget] = {}
        self._box: widgets.VBox | None = None
        self._output: widgets.Output | None = None
        self._muted = False
        self.reset_button: widgets.Button | None = None
        self._heading: widgets.HTML | None = None
        self._colour_note: widgets.HTML | None = None
        self._hint: widgets.HTML | None = None
        self._app: widgets.VBox | None = None
        self._map_view: widgets.HTML | None = None
        self._maps: dict[tuple, str] = {}
        self._webmaps: dict[tuple, str] = {}
        self._colour_by = "kelas"
        self._header_id = f"kmp-explorer-header-{id(self):x}"
        self._header_lang: str | None = None  # as shown; None: not shown

    # ------------------------------------------------------------------ state

    @property
    def thresholds(self) -> Thresholds:
        """The thresholds in force now."""
        return self.evaluation.config.thresholds

    @property
    def nama_kec(self) -> str:
        table = reference.kecamatan()
        return str(table.loc[table["kode_kec"] == self.kode_kec, "nama_kec"].iloc[0])

    @property
    def has_context(self) -> bool:
        """Whether the cooperatives carry their village's context (IDM status):
        Kukar's villages do, a data folder with its own geography does not."""
        return "status_idm" in self.evaluation.cooperatives.columns

    @property
    def colour_by(self) -> str:
        """What the map is coloured by: ``"kelas"`` (the default) or
        ``"status_idm"``; always ``"kelas"`` for data without village context."""
        return self._colour_by if self.has_context else "kelas"

    def set_colour(self, colour_by: str) -> None:
        """Colour the map by class (``"kelas"``) or by the IDM status of each desa
        (``"status_idm"``); data without village context keeps the class colours.

        Examples
        --------
        >>> ex = Explorer(read_dataset(SAMPLE_DIR))
        >>> ex.set_colour("status_idm"); ex.colour_by
        'status_idm'
        """
        if colour_by not in maps.MAP_COLOURINGS:
            raise ValueError(
                f"colour_by must be one of {maps.MAP_COLOURINGS}: {colour_by!r}"
            )
        self._colour_by = colour_by
        self._sync_inputs()
        self.refresh()

    def set_thresholds(self, **changes: float) -> Evaluation:
        """Change thresholds (by their names in the config) and evaluate again.

        Examples
        --------
        >>> ex = Explorer(read_dataset(SAMPLE_DIR))
        >>> ex.set_thresholds(aktif_partisipasi=0.6).config.thresholds.aktif_partisipasi
        0.6
        """
        current = self.thresholds
        known = {f.name for f in fields(Thresholds)}
        clean: dict[str, float | int] = {}
        for name, value in changes.items():
            if name not in known:
                raise ValueError(f"unknown threshold {name!r}")
            wants_int = isinstance(getattr(current, name), int)
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
                or value < 0
                or (wants_int and not float(value).is_integer())
            ):
                raise ValueError(f"{name}: {value!r} is not a valid threshold")
            clean[name] = int(value) if wants_int else float(value)
        thresholds = replace(current, **clean)
        if thresholds != current:
            config = replace(self.config, thresholds=thresholds)
            self.evaluation = (
                self.baseline
                if thresholds == self.config.thresholds
                else evaluate(self.dataset, self.period, config)
            )
        self._sync_inputs()
        self.refresh()
        return self.evaluation

    def reset_thresholds(self) -> Evaluation:
        """Back to the thresholds of the config."""
        defaults = self.config.thresholds
        return self.set_thresholds(
            **{f.name: getattr(defaults, f.name) for f in fields(Thresholds)}
        )

    def set_kecamatan(self, kecamatan: str) -> None:
        """Show another kecamatan (by name in any common spelling, or by code)."""
        self.kode_kec = reference.resolve_kecamatan(kecamatan)
        self._sync_inputs()
        self.refresh()

    def set_lang(self, lang: str) -> None:
        """Show every label in ``lang`` (``"id"`` or ``"en"``)."""
        check_lang(lang)
        self.lang = lang
        self._sync_inputs()
        self._relabel()
        self.refresh()

    def changed_thresholds(self) -> dict[str, tuple[float, float]]:
        """``{name: (default, now)}`` of each threshold that differs from the config."""
        default, now = self.config.thresholds, self.thresholds
        return {
            f.name: (getattr(default, f.name), getattr(now, f.name))
            for f in fields(Thresholds)
            if getattr(default, f.name) != getattr(now, f.name)
        }

    # ---------------------------------------------------------------- content

    def counts(self) -> pd.DataFrame:
        """Class counts of the kecamatan and of the regency, default against now."""
        kec = class_counts(
            self.baseline.of_kecamatan(self.kode_kec),
            self.evaluation.of_kecamatan(self.kode_kec),
        )
        kab = class_counts(self.baseline.cooperatives, self.evaluation.cooperatives)
        return pd.concat({"kecamatan": kec, "kabupaten": kab}, axis=1)

    def moves(self, regency: bool = False) -> pd.DataFrame:
        """Class changes against the default thresholds (of the kecamatan, or all)."""
        if regency:
            return class_moves(self.baseline.cooperatives, self.evaluation.cooperatives)
        return class_moves(
            self.baseline.of_kecamatan(self.kode_kec),
            self.evaluation.of_kecamatan(self.kode_kec),
        )

    def table_frame(self) -> pd.DataFrame:
        """The kecamatan's cooperatives, lowest class first, headers labelled."""
        lang = self.lang
        coops = self.evaluation.of_kecamatan(self.kode_kec)
        default = self.baseline.of_kecamatan(self.kode_kec).set_index("koperasi_id")
        coops = coops.sort_values(["kelas", "nama_desa"], kind="stable")
        frame = pd.DataFrame(
            {
                "nama_desa": coops["nama_desa"],
                "nama_koperasi": coops["nama_koperasi"],
                "kelas": coops["kelas"],
                "kelas_bawaan": coops["koperasi_id"]
                .map(default["kelas"].astype(str))
                .map(lambda c: label(c, lang) if c in MAP_CLASSES else "–"),
                "bulan_transaksi": coops["bulan_transaksi"],
                "partisipasi": coops["partisipasi"].map(lambda v: fmt_percent(v, lang)),
                "unit_beroperasi": coops["unit_beroperasi"],
                "kemandirian": coops["kemandirian"].map(lambda v: fmt_dec(v, lang, 2)),
                "manfaat": coops["manfaat"],
                "alasan": coops["alasan"],
                "berisiko": coops["berisiko"].astype(bool),
            }
        )
        return present(frame[list(TABLE_COLUMNS)].reset_index(drop=True), lang)

    def header(self) -> HTML:
        """Title, period and, for synthetic data, a notice no reader can miss
        (:meth:`header_html`).

        Shown in a notebook, it is displayed with a display id and rewritten in
        place when the language changes (:meth:`set_lang`), so that the page
        follows the language everywhere; it is plain HTML, not a widget, so a
        reopened notebook shows it as it was last."""
        return _Header(self)

    def header_html(self) -> str:
        """What :meth:`header` shows, in the current language."""
        lang = self.lang
        window = self.evaluation.window
        parts = [
            _STYLE,
            f"<h1>{html.escape(label('explore_heading', lang))}</h1>",
            "<p>"
            + html.escape(
                label(
                    "brief_subtitle",
                    lang,
                    period=self.period,
                    start=window[0],
                    end=window[-1],
                )
            )
            + "</p>",
        ]
        if self.evaluation.synthetic:
            notice = html.escape(label("synthetic_notice", lang))
            parts.append(f'<div class="kmp-notice">{notice}</div>')
        parts.append(blocks.problems_html(self.dataset.warnings, lang))
        return "\n".join(parts)

    def _counts_html(self) -> str:
        lang = self.lang
        table = self.counts()
        groups = (
            ("kecamatan", label("explore_kecamatan", lang, nama=self.nama_kec)),
            ("kabupaten", label("kabupaten", lang)),
        )
        top = "".join(f'<th colspan="3">{html.escape(name)}</th>' for _, name in groups)
        sub = "".join(
            f"<th>{html.escape(label(key, lang))}</th>"
            for _ in groups
            for key in ("ambang_bawaan", "ambang_sekarang", "selisih")
        )
        rows = []
        for kelas in (*CLASSES, None):
            if kelas is None:
                name = html.escape(label("jumlah", lang))
                values = table.sum()
            else:
                swatch = (
                    f'<span class="kmp-swatch" '
                    f'style="background:{style.CLASS_COLORS[kelas]}"></span>'
                )
                name = swatch + html.escape(label(kelas, lang))
                values = table.loc[kelas]
            cells = "".join(
                f'<td class="num">{_count(int(values[(group, col)]), col, lang)}</td>'
                for group, _ in groups
                for col in ("bawaan", "sekarang", "selisih")
            )
            rows.append(f"<tr><td>{name}</td>{cells}</tr>")
        return (
            f'<div class="kmp-counts kmp-scroll"><table class="kmp-table"><thead><tr>'
            f'<th rowspan="2">{html.escape(label("kelas", lang))}</th>{top}</tr>'
            f"<tr>{sub}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )

    def _moves_html(self) -> str:
        lang = self.lang
        kec_moves, kab_moves = self.moves(), self.moves(regency=True)
        n = len(self.evaluation.of_kecamatan(self.kode_kec))
        sentence = label(
            "explore_moved",
            lang,
            moved=fmt_int(kec_moves["jumlah"].sum(), lang),
            n=fmt_int(n, lang),
            nama=self.nama_kec,
            moved_kab=fmt_int(kab_moves["jumlah"].sum(), lang),
            n_kab=fmt_int(len(self.evaluation.cooperatives), lang),
        )
        items = "".join(
            "<li>"
            + html.escape(
                label(
                    "explore_move",
                    lang,
                    dari=label(r.dari, lang),
                    ke=label(r.ke, lang),
                    jumlah=fmt_int(r.jumlah, lang),
                )
            )
            + "</li>"
            for r in kec_moves.itertuples(index=False)
        )
        return (
            f'<div class="kmp-moves"><p>{html.escape(self.thresholds_text())}</p>'
            f"<p><b>{html.escape(sentence)}</b></p>"
            + (f"<ul>{items}</ul>" if items else "")
            + "</div>"
        )

    def thresholds_text(self) -> str:
        """Which thresholds are in force: all the defaults, or each one changed
        with its default and its value now."""
        lang = self.lang
        changed = self.changed_thresholds()
        if not changed:
            return label("explore_unchanged", lang)
        texts = [
            label(
                "explore_change",
                lang,
                name=label(f"ambang_{name}", lang)
                if f"ambang_{name}" in LABELS
                else name,
                default=_number(old, isinstance(old, int), lang),
                now=_number(new, isinstance(new, int), lang),
            )
            for name, (old, new) in changed.items()
        ]
        return label("explore_changed", lang, changes="; ".join(texts))

    def render_html(self) -> str:
        """What the output area shows: map, class counts and the table, as HTML."""
        lang = self.lang
        title = label("explore_kecamatan", lang, nama=self.nama_kec)
        table = self.table_frame().to_html(
            index=False, escape=True, classes="kmp-table", border=0, na_rep="–"
        )
        return "\n".join(
            [
                _STYLE,
                f"<h2>{html.escape(title)}</h2>",
                f"<h3>{html.escape(label('section_map', lang))}</h3>",
                self._map_html(),
                f"<h3>{html.escape(label('section_counts', lang))}</h3>",
                self._counts_html(),
                self._moves_html(),
                f"<h3>{html.escape(label('section_table', lang))}</h3>",
                f'<div class="kmp-coops kmp-scroll">{table}</div>',
            ]
        )

    def _map_html(self) -> str:
        """The static map, coloured by class or by IDM status (:attr:`colour_by`);
        drawn again only when a village changes class (the IDM map never does)."""
        coops = self.evaluation.of_kecamatan(self.kode_kec)
        by = self.colour_by
        key = (
            self.kode_kec,
            self.lang,
            by,
            tuple(maps.village_classes(coops).items())
            if len(coops) and by == "kelas"
            else (),
        )
        if key not in self._maps:
            if len(self._maps) >= 32:
                self._maps.clear()
            figure = maps.kecamatan_map(
                self.evaluation.cooperatives,
                self.kode_kec,
                lang=self.lang,
                colour_by=by,
                idm_beside=False,
            )
            if by == "status_idm":
                statuses = maps.area_statuses(
                    self.evaluation.cooperatives, self.kode_kec
                )
                alt = label(
                    "map_idm_alt",
                    self.lang,
                    nama=self.nama_kec,
                    counts=maps.status_counts_text(statuses, self.lang),
                )
            else:
                alt = label("map_title", self.lang)
            self._maps[key] = figure_html(figure, alt=alt)
        return self._maps[key]

    def render(self) -> HTML:
        """:meth:`render_html` as a display object (also shown without widgets)."""
        return HTML(self.render_html())

    def interactive_map(self, kecamatan: str | None = None) -> OfflineMap:
        """The zoomable offline map (:func:`interactive_map`) under the current
        thresholds."""
        kode_kec = (
            reference.resolve_kecamatan(kecamatan) if kecamatan else self.kode_kec
        )
        return interactive_map(self.evaluation.cooperatives, kode_kec, lang=self.lang)

    def webmap_html(self) -> str:
        """What :meth:`map_view` shows: the zoomable map of the kecamatan under the
        current thresholds, in a ``<div class="kmp-webmap">`` whose caption names
        the kecamatan and the thresholds in force.

        The map is drawn again only when a village's tooltip would change (a class
        or a reason of one of the kecamatan's cooperatives, the kecamatan, the
        language)."""
        coops = self.evaluation.of_kecamatan(self.kode_kec)
        key = (
            self.kode_kec,
            self.lang,
            tuple(
                zip(
                    coops["koperasi_id"],
                    coops["kelas"].astype(str),
                    coops["alasan"].astype(str),
                    strict=True,
                )
            ),
        )
        if key not in self._webmaps:
            if len(self._webmaps) >= 8:
                self._webmaps.clear()
            self._webmaps[key] = self.interactive_map()._repr_html_()
        caption = label(
            "webmap_caption",
            self.lang,
            nama=self.nama_kec,
            thresholds=self.thresholds_text(),
        )
        return (
            f'<div class="kmp-webmap" data-kecamatan="{html.escape(self.kode_kec)}">'
            f'<p class="kmp-webmap-caption">{html.escape(caption)}</p>'
            f"{self._webmaps[key]}</div>"
        )

    # ---------------------------------------------------------------- widgets

    @property
    def output(self) -> widgets.Output:
        """The area that shows :meth:`render_html`, rendered again on every change."""
        if self._output is None:
            self._output = widgets.Output()
            self.refresh()
        return self._output

    def map_view(self) -> widgets.HTML:
        """The zoomable map (:meth:`webmap_html`) as a widget, drawn again with the
        output area after every change of kecamatan, thresholds or language. Its
        model id is :data:`MAP_MODEL_ID` (see the module's docstring)."""
        if self._map_view is None or _HOLDERS.get(MAP_MODEL_ID) is not self._map_view:
            value = self.webmap_html()
            self._map_view = _claim(
                MAP_MODEL_ID,
                lambda model_id: widgets.HTML(
                    value, model_id=model_id, layout=widgets.Layout(width="100%")
                ),
            )
        return self._map_view

    def refresh(self) -> None:
        """Render again what is shown: the output area, the zoomable map and, when
        the language changed, the header (nothing to do for what is not shown)."""
        if self._muted:
            return
        if self._output is not None:
            self._output.outputs = (
                {
                    "output_type": "display_data",
                    "data": {
                        "text/html": self.render_html(),
                        "text/plain": label(
                            "explore_kecamatan", self.lang, nama=self.nama_kec
                        ),
                    },
                    "metadata": {},
                },
            )
        if self._map_view is not None:
            self._map_view.value = self.webmap_html()
        if self._header_lang not in (None, self.lang):
            update_display(HTML(self.header_html()), display_id=self._header_id)
            self._header_lang = self.lang

    def controls(self) -> widgets.VBox:
        """Kecamatan, language, the map's colouring and the threshold sliders, wired
        to the explorer. Without village context the colouring is disabled, with a
        short note why."""
        if self._box is not None:
            return self._box
        style = {"description_width": "15em"}
        layout = widgets.Layout(width="34em")
        # a slider's label takes the width it needs (none is cut, in any language);
        # _STYLE gives the labels a common least width, so the sliders line up
        slider_style = {"description_width": "initial"}
        slider_layout = widgets.Layout(width="40em", max_width="100%")
        kec = reference.kecamatan().sort_values("nama_kec")
        self._inputs["kecamatan"] = widgets.Dropdown(
            options=list(zip(kec["nama_kec"], kec["kode_kec"], strict=True)),
            value=self.kode_kec,
            style=style,
            layout=layout,
        )
        self._inputs["lang"] = widgets.ToggleButtons(
            options=[(label(f"lang_{code}", code), code) for code in LANGS],
            value=self.lang,
            style={"description_width": "6em"},
        )
        self._inputs["warna"] = widgets.ToggleButtons(
            options=self._colour_options(),
            value=self.colour_by,
            disabled=not self.has_context,
            style=style,
        )
        self._colour_note = widgets.HTML(layout=widgets.Layout(width="34em"))
        for spec in SLIDERS:
            kind = widgets.IntSlider if spec.is_int else widgets.FloatSlider
            value = getattr(self.thresholds, spec.name)
            self._inputs[spec.name] = kind(
                value=value,
                min=spec.minimum,
                max=max(spec.maximum, value),  # a YAML value may lie beyond
                step=spec.step,
                continuous_update=False,
                # the value is written in the description, in the reader's
                # language (ipywidgets' readout knows only the English marks)
                readout=False,
                style=slider_style,
                layout=slider_layout,
            )
        self.reset_button = widgets.Button(
            icon="undo", layout=widgets.Layout(width="auto")
        )
        self.reset_button.on_click(lambda _: self.reset_thresholds())
        self._heading = widgets.HTML()
        self._hint = widgets.HTML()
        for name, widget in self._inputs.items():
            widget.observe(self._on_change(name), names="value")
        self._relabel()
        aktif = [self._inputs[s.name] for s in SLIDERS if s.name.startswith("aktif_")]
        berdampak = [
            self._inputs[s.name] for s in SLIDERS if s.name.startswith("berdampak_")
        ]
        self._box = widgets.VBox(
            [
                widgets.HBox([self._inputs["kecamatan"], self._inputs["lang"]]),
                self._inputs["warna"],
                self._colour_note,
                self._heading,
                widgets.VBox(aktif + berdampak),
                self.reset_button,
                self._hint,
            ]
        )
        return self._box

    @property
    def inputs(self) -> dict[str, widgets.ValueWidget]:
        """The input widgets by name: ``kecamatan``, ``lang``, ``warna`` (the map's
        colouring) and each slider."""
        self.controls()
        return dict(self._inputs)

    def app(self) -> widgets.VBox:
        """The controls above the output area: what the notebook shows. Its model
        id is :data:`APP_MODEL_ID` (see the module's docstring)."""
        if self._app is None or _HOLDERS.get(APP_MODEL_ID) is not self._app:
            children = [self.controls(), self.output]
            self._app = _claim(
                APP_MODEL_ID,
                lambda model_id: widgets.VBox(children, model_id=model_id),
            )
            self._app.add_class("kmp-explorer")
        return self._app

    def _on_change(self, name: str) -> Callable[[dict], None]:
        def handler(change: dict) -> None:
            if self._muted:
                return
            value = change["new"]
            if name == "kecamatan":
                self.set_kecamatan(value)
            elif name == "lang":
                self.set_lang(value)
            elif name == "warna":
                self.set_colour(value)
            else:  # a float slider's value may carry binary noise (0.6000000001)
                self.set_thresholds(**{name: round(value, 6)})

        return handler

    def _colour_options(self) -> list[tuple[str, str]]:
        return [(label(f"peta_warna_{c}", self.lang), c) for c in maps.MAP_COLOURINGS]

    @contextmanager
    def _hold(self) -> Iterator[None]:
        """Set widget values without each one triggering a new evaluation."""
        muted, self._muted = self._muted, True
        try:
            yield
        finally:
            self._muted = muted

    def _sync_inputs(self) -> None:
        if not self._inputs:
            return
        with self._hold():
            self._inputs["kecamatan"].value = self.kode_kec
            self._inputs["lang"].value = self.lang
            self._inputs["warna"].value = self.colour_by
            for spec in SLIDERS:
                self._inputs[spec.name].value = getattr(self.thresholds, spec.name)
                self._describe_slider(spec.name)

    def _describe_slider(self, name: str) -> None:
        """A slider's label with its value, written the reader's way (0,20)."""
        slider = self._inputs[name]
        value = _number(slider.value, isinstance(slider.value, int), self.lang)
        slider.description = f"{label(f'ambang_{name}', self.lang)} {value}"

    def _relabel(self) -> None:
        if not self._inputs:
            return
        lang = self.lang
        self._inputs["kecamatan"].description = label("kecamatan", lang)
        self._inputs["lang"].description = label("bahasa", lang)
        colour = self._inputs["warna"]
        with self._hold():  # new options would reset the value: keep it
            colour.options = self._colour_options()
            colour.value = self.colour_by
        colour.description = label("peta_warna", lang)
        self._colour_note.value = (
            ""
            if self.has_context
            else f"<small>{html.escape(label('peta_warna_tanpa_konteks', lang))}"
            "</small>"
        )
        for spec in SLIDERS:
            self._describe_slider(spec.name)
        self.reset_button.description = label("reset_thresholds", lang)
        self._heading.value = f"<b>{html.escape(label('section_thresholds', lang))}</b>"
        self._hint.value = (
            f'<div class="kmp-hint"><small>{html.escape(label("explore_hint", lang))}'
            "</small></div>"
        )


class _Header(HTML):
    """:meth:`Explorer.header`: its HTML, displayed under the explorer's display id
    so that :meth:`Explorer.refresh` can rewrite it in place."""

    def __init__(self, explorer: Explorer) -> None:
        self._explorer = explorer
        super().__init__(explorer.header_html())

    def _ipython_display_(self) -> None:
        explorer = self._explorer
        display(HTML(explorer.header_html()), display_id=explorer._header_id)
        explorer._header_lang = explorer.lang


#: The widget holding each fixed model id in this kernel.
_HOLDERS: dict[str, widgets.DOMWidget] = {}


def _claim(model_id: str, make: Callable[[str], widgets.DOMWidget]) -> Any:
    """A new widget ``make(model_id)``; the one that held ``model_id`` before (the
    explorer of an earlier run of the cell) is closed first: its views go, and the
    id can be opened again."""
    earlier = _HOLDERS.pop(model_id, None)
    if earlier is not None:
        earlier.close()
    widget = make(model_id)
    _HOLDERS[model_id] = widget
    return widget


#: How the notice of :func:`saved_widget_state` looks (inline: no style sheet of
#: the explorer is on the page of a reopened notebook).
_RERUN_CSS = (
    "border-left:4px solid #b36b00;background:#fff6e5;padding:.2em .9em;"
    "font-weight:600;line-height:1.4"
)


def saved_widget_state() -> dict[str, Any]:
    """What ``notebooks/eksplorasi.ipynb`` carries as ``metadata.widgets``: under
    :data:`APP_MODEL_ID` and :data:`MAP_MODEL_ID`, a static HTML widget that says to
    run all cells again (in both languages: the notebook cannot know which one a
    planner will pick). See the module's docstring; a test holds the notebook to it.
    """

    def notice(key: str) -> dict[str, Any]:
        lines = "".join(
            f'<p lang="{lang}">{html.escape(label(key, lang))}</p>' for lang in LANGS
        )
        return {
            "model_module": "@jupyter-widgets/controls",
            "model_module_version": widgets.HTML._model_module_version.default_value,
            "model_name": "HTMLModel",
            "state": {
                "value": f'<div class="kmp-rerun" style="{_RERUN_CSS}">{lines}</div>'
            },
        }

    return {
        "application/vnd.jupyter.widget-state+json": {
            "state": {
                APP_MODEL_ID: notice("explore_rerun"),
                MAP_MODEL_ID: notice("explore_rerun_map"),
            },
            "version_major": 2,
            "version_minor": 0,
        }
    }


def prepare(
    kecamatan: str = "Tenggarong",
    data: str = "",
    period: str = "",
    lang: str = "id",
    config: str = "",
) -> Explorer:
    """An :class:`Explorer` from the notebook's parameters
    (:class:`~kmp_analysis.report.params.ExploreParameters`).

    ``data`` empty means the shipped sample; ``config`` empty means the default
    thresholds (otherwise a YAML file, whose thresholds become the "default" that
    changes are compared with).
    """
    with said_in(lang):
        params = ExploreParameters(
            data=data, period=period, lang=lang, kecamatan=kecamatan, config=config
        )
        dataset = read_dataset(params.data or SAMPLE_DIR)
        return Explorer(
            dataset,
            period=params.period or None,
            config=load_config(params.config or None),
            kecamatan=params.kecamatan,
            lang=params.lang,
        )

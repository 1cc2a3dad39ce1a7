"""Maps: villages coloured by class, with a locator of the kecamatan in Kukar, and
the IDM status of each desa beside them.

The colours and the legend are fixed (every class always listed, in the same order),
so that two briefs side by side read the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import geopandas as gpd
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.patheffects import withStroke
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from kmp_analysis import reference
from kmp_analysis.classify import CLASSES
from kmp_analysis.i18n import fmt_int, fmt_percent, label
from kmp_analysis.report import style
from kmp_analysis.report.labels import place_labels
from kmp_analysis.report.style import CLASS_COLORS, palette
from kmp_analysis.report.trends import CLASS_HATCHES


def village_classes(cooperatives: pd.DataFrame) -> pd.Series:
    """The class shown for each village: its cooperative's class.

    Where a village has several cooperatives, the highest class is shown.
    """
    ranked = cooperatives.assign(
        _rank=cooperatives["kelas"].map({c: i for i, c in enumerate(CLASSES)})
    )
    best = ranked.sort_values("_rank").groupby("kode_desa")["kelas"].last()
    return best.astype(str)


@contextmanager
def _drawn_once(fig: Figure) -> Iterator[None]:
    """Skip the redraws geopandas asks for after every layer it plots.

    On the Agg canvas of the briefs each ``draw_idle`` is a full render (every
    polygon and label), four per kecamatan map, half its time; the figure is drawn
    once, when it is saved. The canvas's own ``draw_idle`` is back afterwards.
    """
    fig.canvas.draw_idle = lambda *args, **kwargs: None
    try:
        yield
    finally:
        del fig.canvas.draw_idle


#: What the village map can be coloured by: the cooperative's class, or the IDM
#: status of its desa (issue 12).
MAP_COLOURINGS = ("kelas", "status_idm")

#: Where the parts of the brief's map go (figure fractions) when the small IDM map
#: stands beside the class map: the class map, the class legend and the locator in
#: the column between them, the IDM map with its legend and source on the right.
_BESIDE = {
    "size": (10.0, 6.0),
    "main": (0.0, 0.02, 0.53, 0.90),
    "legend": 0.535,
    "locator": (0.545, 0.04, 0.15, 0.30),
    "idm": (0.72, 0.30, 0.27, 0.60),
    "idm_legend": 0.715,
    "idm_source": (0.72, 0.03),
}


def village_statuses(cooperatives: pd.DataFrame) -> pd.Series | None:
    """The IDM status (2024) of each village that has a cooperative, by
    ``kode_desa`` (``tidak_berlaku`` for a kelurahan); None where the frame carries
    no village context (a data folder with its own geography).

    Examples
    --------
    >>> df = pd.DataFrame({"kode_desa": ["a", "a", "b"],
    ...                    "status_idm": ["maju", "maju", "tidak_berlaku"]})
    >>> village_statuses(df).to_dict()
    {'a': 'maju', 'b': 'tidak_berlaku'}
    >>> village_statuses(df.drop(columns="status_idm")) is None
    True
    """
    if "status_idm" not in cooperatives:
        return None
    known = cooperatives.dropna(subset=["status_idm"])
    return known.groupby("kode_desa")["status_idm"].first().astype(str)


def area_statuses(
    cooperatives: pd.DataFrame,
    kode_kec: str,
    geography: reference.Geography | None = None,
) -> pd.Series | None:
    """The IDM status of every village of ``kode_kec`` (by ``kode_desa``, in the
    geography's order): its cooperatives' context, else the reference's (a desa
    without a cooperative still has a status), else ``tanpa_data``. None where the
    frame carries no village context."""
    statuses = village_statuses(cooperatives)
    if statuses is None:
        return None
    villages = (geography or reference.kukar()).villages
    codes = villages.loc[villages["kode_kec"] == kode_kec, "kode_desa"]
    return pd.Series(
        _statuses_of(codes, statuses).to_numpy(), index=codes.to_numpy(), dtype=object
    )


def _statuses_of(codes: pd.Series, statuses: pd.Series) -> pd.Series:
    found = codes.map(statuses)
    missing = found.isna()
    if missing.any():
        context = reference.village_context().set_index("kode_desa")["status_idm"]
        found = found.where(~missing, codes.map(context))
    return found.fillna("tanpa_data").astype(str)


def _idm_legend_keys(statuses: pd.Series, here: pd.Series) -> list[str]:
    """Legend entries of the IDM map: the statuses found in the regency (the same
    in every brief of a run), Mandiri first, then kelurahan; "tanpa data" only
    where a village of this kecamatan has none."""
    found = set(statuses) | set(here)
    keys = [s for s in reversed(reference.IDM_STATUSES) if s in found]
    if reference.NOT_APPLICABLE in found:
        keys.append(reference.NOT_APPLICABLE)
    if (here == "tanpa_data").any():
        keys.append("tanpa_data")
    return keys


def _class_look(kelas: str) -> tuple[str, str | None, str]:
    """Face colour, hatch and hatch colour of a village whose KMP is of ``kelas``:
    the hatches of the brief's class charts (:data:`~.trends.CLASS_HATCHES`), so a
    grey-scale print tells Tidak bergerak from Berdampak, Administratif from Aktif;
    drawn in a darker shade of the class colour, to stay quiet on screen."""
    face = CLASS_COLORS[kelas]
    hatch = CLASS_HATCHES.get(kelas) or None
    return face, hatch, to_hex([0.6 * v for v in to_rgb(face)])


def _idm_look(status: str) -> tuple[str, str | None, str]:
    """Face colour, hatch and hatch colour of a village with ``status``."""
    if status in style.IDM_COLORS:
        return style.IDM_COLORS[status], None, "#ffffff"
    return style.IDM_NO_STATUS.get(status, style.IDM_NO_STATUS["tanpa_data"])


def _idm_word(status: str, lang: str, legend: bool = True) -> str:
    """A status in words: "Maju"; a kelurahan's "Tidak berlaku (kelurahan)" with a
    capital in a legend, as the tables write it in a sentence."""
    if status == reference.NOT_APPLICABLE:
        text = label("konteks_tidak_berlaku", lang)
        return text[:1].upper() + text[1:] if legend else text
    if status == "tanpa_data":
        return label("tanpa_data", lang)
    return label(f"status_idm:{status}", lang)


def status_counts_text(statuses: pd.Series, lang: str = "id") -> str:
    """How many villages have each IDM status, in words, for an alt text:
    "Mandiri 1, Maju 1, tidak berlaku (kelurahan) 12" (only the statuses found).

    Examples
    --------
    >>> status_counts_text(pd.Series(["maju", "tidak_berlaku", "maju"]), "en")
    'Advanced (Maju) 2, not applicable (kelurahan) 1'
    """
    order = [*reversed(reference.IDM_STATUSES), reference.NOT_APPLICABLE, "tanpa_data"]
    parts = []
    for status in order:
        n = int((statuses == status).sum())
        if n:
            parts.append(f"{_idm_word(status, lang, legend=False)} {fmt_int(n, lang)}")
    return ", ".join(parts)


def _idm_handles(keys: list[str], here: pd.Series, lang: str) -> list[Patch]:
    handles = []
    for key in keys:
        face, hatch, ink = _idm_look(key)
        handles.append(
            Patch(
                facecolor=face,
                edgecolor="#777777",
                hatch=hatch,
                hatchcolor=ink if hatch else None,
                label=f"{_idm_word(key, lang)}: {fmt_int((here == key).sum(), lang)}",
            )
        )
    return handles


def kecamatan_map(
    cooperatives: pd.DataFrame,
    kode_kec: str,
    lang: str = "id",
    label_villages: bool = True,
    geography: reference.Geography | None = None,
    colour_by: str = "kelas",
    idm_beside: bool = True,
) -> Figure:
    """Villages of ``kode_kec`` coloured by class, with a locator inset.

    Each class has the hatch of the brief's class charts too (grey-scale prints),
    the names a halo where they lie on a hatch. Villages are polygons where the
    geography has their shapes (Kukar), else points at their ``lon``/``lat`` inside
    the kecamatan's outline (a dataset's own ``wilayah.csv``); the locator shows the
    regency around the kecamatan.

    Where the cooperatives carry the village context (``status_idm``), a small map
    beside the class map shows the IDM status of each desa (``idm_beside``): a blue
    ramp, light to dark from Berkembang to Mandiri, kelurahan hatched as "tidak
    berlaku"; its legend counts the villages. ``colour_by="status_idm"`` colours the
    one map by IDM status instead (the explorer's switch). A frame without context
    draws the class map alone, whatever is asked.
    """
    if colour_by not in MAP_COLOURINGS:
        raise ValueError(f"colour_by must be one of {MAP_COLOURINGS}: {colour_by!r}")
    geo = geography or reference.kukar()
    kec = geo.kecamatan_shapes()
    shapes = geo.village_shapes()
    statuses = village_statuses(cooperatives)
    by_status = colour_by == "status_idm" and statuses is not None
    beside = idm_beside and not by_status and statuses is not None
    source = shapes if shapes is not None else geo.villages
    area = source[source["kode_kec"] == kode_kec].copy()
    if statuses is not None:
        area["status_idm"] = _statuses_of(area["kode_desa"], statuses).to_numpy()
    if by_status:
        looks = [_idm_look(s) for s in area["status_idm"]]
        title = label("map_idm_title", lang)
        keys = _idm_legend_keys(statuses, area["status_idm"])
        handles = _idm_handles(keys, area["status_idm"], lang)
    else:
        classes = village_classes(cooperatives[cooperatives["kode_kec"] == kode_kec])
        kelas = area["kode_desa"].map(classes).fillna("tanpa_data")
        looks = [_class_look(c) for c in kelas]
        title = label("map_title", lang)
        handles = []
        for c in (*CLASSES, "tanpa_data"):
            face, hatch, ink = _class_look(c)
            handles.append(
                Patch(
                    facecolor=face,
                    edgecolor="#777777",
                    hatch=hatch,
                    hatchcolor=ink if hatch else None,
                    label=label(c, lang),
                )
            )

    layout = _BESIDE if beside else None
    fig = plt.figure(figsize=layout["size"] if layout else (7.5, 6.0), dpi=110)
    ax = fig.add_axes(layout["main"] if layout else (0.02, 0.02, 0.74, 0.91))
    with _drawn_once(fig):
        xs, ys = _draw_villages(ax, area, looks, shapes is not None)
        if beside:
            idm_ax = fig.add_axes(layout["idm"])
            idm_looks = [_idm_look(s) for s in area["status_idm"]]
            _draw_villages(idm_ax, area, idm_looks, shapes is not None, small=True)
        if kec is not None:
            outline = kec[kec["kode_kec"] == kode_kec].boundary
            outline.plot(ax=ax, color="#333333", linewidth=1)
            if beside:
                outline.plot(ax=idm_ax, color="#333333", linewidth=0.8)
            _locator(fig, kec, kode_kec, geo, layout["locator"] if layout else None)
    if label_villages:
        for x, y, name, (face, hatch, _) in zip(
            xs, ys, area["nama_desa"], looks, strict=True
        ):
            if np.isfinite(x) and np.isfinite(y):
                text = ax.annotate(
                    name,
                    (x, y),
                    ha="center",
                    va="center",
                    fontsize=6.5,
                    color=_ink(face),
                )
                if hatch:  # a halo keeps the name readable over the hatching
                    text.set_path_effects([withStroke(linewidth=2.2, foreground=face)])
    ax.set_axis_off()
    _title(ax, title, 11)
    if beside:
        # each legend in its column, level with the top or under the bottom of
        # its map as drawn (the maps keep their shape: the axes shrink to fit)
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(layout["legend"], 1.0),
            bbox_transform=blended_transform_factory(fig.transFigure, ax.transAxes),
            frameon=False,
            fontsize=8,
        )
        idm_ax.set_axis_off()
        _title(idm_ax, label("map_idm_title", lang), 9)
        here = area["status_idm"]
        idm_ax.legend(
            handles=_idm_handles(_idm_legend_keys(statuses, here), here, lang),
            loc="upper left",
            bbox_to_anchor=(layout["idm_legend"], -0.02),
            bbox_transform=blended_transform_factory(fig.transFigure, idm_ax.transAxes),
            frameon=False,
            fontsize=8,
        )
        fig.text(
            *layout["idm_source"],
            label("map_idm_source", lang),
            fontsize=6.5,
            color="#555555",
            va="bottom",
        )
    else:
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            fontsize=8,
        )
        if by_status:
            fig.text(
                0.98,
                0.01,
                label("map_idm_source", lang),
                fontsize=6.5,
                color="#555555",
                ha="right",
                va="bottom",
            )
    plt.close(fig)
    return fig


def _title(ax: Axes, text: str, size: float, centre: bool = False) -> None:
    """A title just above the drawn map, where ``set_title`` would put it, but
    without its search for tick labels to keep clear of (a third of a brief map's
    time, for axes that have none). A figure text, so that ``ax.texts`` holds the
    village names only."""
    fig = ax.get_figure()
    fig.text(
        0.5 if centre else 0.0,
        1.0,
        text,
        transform=ax.transAxes + ScaledTranslation(0, 6 / 72, fig.dpi_scale_trans),
        ha="center" if centre else "left",
        va="baseline",
        fontsize=size,
    )


def _ink(face: str) -> str:
    """Dark text on a light fill, white on a dark one (Mandiri's blue, Berdampak's
    green)."""
    r, g, b = to_rgb(face)
    return "#ffffff" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.3 else "#222222"


def _draw_villages(
    ax: Axes,
    area: pd.DataFrame,
    looks: list[tuple[str, str | None, str]],
    polygons: bool,
    small: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Fill each village with its look (face, hatch, hatch colour): polygons with
    white borders, each hatch in a layer of its own (grey borders around white
    kelurahan, where white would hide the border between two of them); points,
    without hatches (too small to show one), where the geography has no shapes.
    Returns where each village's name goes."""
    faces = [face for face, _, _ in looks]
    hatches = pd.Series([hatch for _, hatch, _ in looks], index=area.index)
    width = 0.4 if small else 0.6
    if polygons:
        for hatch in [None, *hatches.dropna().unique()]:
            these = (hatches.isna() if hatch is None else hatches == hatch).to_numpy()
            if not these.any():
                continue
            face, _, ink = looks[int(np.flatnonzero(these)[0])]
            white = face == "#ffffff"
            area.geometry[these].plot(
                ax=ax,
                color=[f for f, t in zip(faces, these, strict=True) if t],
                edgecolor="#8c8c8c" if white else "white",
                linewidth=width * 0.7 if white else width,
                hatch=hatch,
                hatchcolor=ink if hatch else None,
                hatch_linewidth=0.6,
            )
        if small:
            return np.array([]), np.array([])
        points = area.geometry.representative_point()
        return points.x.to_numpy(), points.y.to_numpy()
    xs, ys = _village_points(area)
    ax.scatter(xs, ys, s=30 if small else 60, c=faces, edgecolor="#555555")
    ax.set_aspect("equal", adjustable="datalim")
    return xs, ys


def _village_points(area: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """``lon``/``lat`` of each village (NaN where the geography has none)."""
    if {"lon", "lat"} <= set(area.columns):
        lon = pd.to_numeric(area["lon"], errors="coerce").to_numpy(dtype="float64")
        lat = pd.to_numeric(area["lat"], errors="coerce").to_numpy(dtype="float64")
        return lon, lat
    missing = np.full(len(area), np.nan)
    return missing, missing.copy()


def _locator(
    fig: Figure,
    kec: gpd.GeoDataFrame,
    kode_kec: str,
    geo: reference.Geography,
    rect: tuple[float, float, float, float] | None = None,
) -> None:
    inset = fig.add_axes(rect or (0.77, 0.05, 0.22, 0.32))
    around = kec[geo.same_area(kec["kode_kec"], kode_kec)]
    around.plot(ax=inset, color="#eeeeee", edgecolor="#999999", linewidth=0.3)
    kec[kec["kode_kec"] == kode_kec].plot(ax=inset, color="#444444")
    inset.set_axis_off()
    _title(inset, geo.area_name(kode_kec), 7, centre=True)


def kecamatan_choropleth(
    values: pd.Series,
    lang: str = "id",
    bins: tuple[float, ...] = (0.2, 0.4, 0.6, 0.8, 1.0),
    title: str = "",
    legend_title: str = "",
    label_kecamatan: bool = True,
) -> Figure:
    """Kukar's kecamatan coloured by a share (0–1), with a legend and labels.

    ``values`` is indexed by ``kode_kec``; a kecamatan missing from it (no
    cooperative) is grey, "no data". The classes are fixed breaks, not fitted to
    the data (as mapclassify's quantiles or natural breaks would be), so that maps
    of two periods read the same way: ``bins`` are the upper ends of the classes,
    each class holding its lower end (20% falls in 20–40%, as a reader of the label
    "80%" expects it in "80–100%"); the last class holds its upper end too. Each
    legend entry counts its kecamatan. Labels give the kecamatan name and its value
    and move aside, with a leader line, where the small kecamatan crowd.

    Examples
    --------
    >>> fig = kecamatan_choropleth(pd.Series({"64.02.12": 0.1}), lang="en")
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()][-1]
    'No data (19)'
    """
    import shapely

    kec = reference.kecamatan_shapes()
    shares = pd.to_numeric(kec["kode_kec"].map(values), errors="coerce")
    known = shares.notna().to_numpy()
    kec["color"] = CLASS_COLORS["tanpa_data"]
    lower = (0.0, *bins[:-1])
    counts = [0] * len(bins)
    colors = palette(len(bins))
    if known.any():
        found = shares[known].to_numpy(dtype="float64")
        position = np.searchsorted(np.asarray(lower), found, side="right")
        classes = position.clip(1, len(bins)) - 1
        kec.loc[known, "color"] = [colors[c] for c in classes]
        for c in classes:
            counts[int(c)] += 1

    fig, ax = plt.subplots(figsize=(7.5, 6.6), dpi=110)
    with _drawn_once(fig):
        kec.plot(ax=ax, color=kec["color"], edgecolor="#555555", linewidth=0.5)
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=11, loc="left")
    handles = [
        Patch(
            facecolor=color,
            edgecolor="#777777",
            label=f"{fmt_int(100 * lo, lang)}–{fmt_percent(hi, lang)} "
            f"({fmt_int(n, lang)})",
        )
        for color, lo, hi, n in zip(colors, lower, bins, counts, strict=True)
    ]
    handles.append(
        Patch(
            facecolor=CLASS_COLORS["tanpa_data"],
            edgecolor="#777777",
            label=f"{label('tanpa_data', lang)} ({fmt_int((~known).sum(), lang)})",
        )
    )
    ax.legend(
        handles=handles,
        title=legend_title or None,
        loc="upper right",
        frameon=False,
        fontsize=8,
        title_fontsize=8,
    )
    fig.tight_layout()
    if label_kecamatan:
        points = kec.geometry.representative_point()
        texts = [
            f"{name}\n{fmt_percent(v, lang)}"
            for name, v in zip(kec["nama_kec"], shares, strict=True)
        ]
        # the smallest kecamatan have the least room: they choose first (area in
        # square degrees is enough to order them)
        area = shapely.area(np.asarray(kec.geometry))
        smallest_first = np.argsort(area, kind="stable")
        place_labels(
            ax,
            points.x,
            points.y,
            texts,
            fontsize=6.5,
            marker_pt=1.5,
            centered=True,
            order=smallest_first,
        )
    plt.close(fig)
    return fig

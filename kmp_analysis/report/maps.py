"""Maps: villages coloured by class, with a locator of the kecamatan in Kukar.

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
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from kmp_analysis import reference
from kmp_analysis.classify import CLASSES
from kmp_analysis.i18n import label
from kmp_analysis.report.labels import place_labels
from kmp_analysis.report.style import CLASS_COLORS, palette


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


def kecamatan_map(
    cooperatives: pd.DataFrame,
    kode_kec: str,
    lang: str = "id",
    label_villages: bool = True,
    geography: reference.Geography | None = None,
) -> Figure:
    """Villages of ``kode_kec`` coloured by class, with a locator inset.

    Villages are polygons where the geography has their shapes (Kukar), else
    points at their ``lon``/``lat`` inside the kecamatan's outline (a dataset's own
    ``wilayah.csv``); the locator shows the regency around the kecamatan.
    """
    geo = geography or reference.kukar()
    kec = geo.kecamatan_shapes()
    shapes = geo.village_shapes()
    classes = village_classes(cooperatives[cooperatives["kode_kec"] == kode_kec])
    source = shapes if shapes is not None else geo.villages
    area = source[source["kode_kec"] == kode_kec].copy()
    area["kelas"] = area["kode_desa"].map(classes).fillna("tanpa_data")
    area["color"] = area["kelas"].map(CLASS_COLORS)

    fig, ax = plt.subplots(figsize=(7.5, 6.0), dpi=110)
    with _drawn_once(fig):
        if shapes is not None:
            area.plot(ax=ax, color=area["color"], edgecolor="white", linewidth=0.6)
            points = area.geometry.representative_point()
            xs, ys = points.x.to_numpy(), points.y.to_numpy()
        else:
            xs, ys = _village_points(area)
            ax.scatter(xs, ys, s=60, c=area["color"].to_list(), edgecolor="#555555")
            ax.set_aspect("equal", adjustable="datalim")
        if kec is not None:
            outline = kec[kec["kode_kec"] == kode_kec].boundary
            outline.plot(ax=ax, color="#333333", linewidth=1)
            _locator(fig, kec, kode_kec, geo)
    if label_villages:
        for x, y, name in zip(xs, ys, area["nama_desa"], strict=True):
            if np.isfinite(x) and np.isfinite(y):
                ax.annotate(
                    name,
                    (x, y),
                    ha="center",
                    va="center",
                    fontsize=6.5,
                    color="#222222",
                )
    ax.set_axis_off()
    ax.set_title(label("map_title", lang), fontsize=11, loc="left")
    handles = [
        Patch(facecolor=CLASS_COLORS[c], edgecolor="#777777", label=label(c, lang))
        for c in (*CLASSES, "tanpa_data")
    ]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
        fontsize=8,
    )
    fig.subplots_adjust(left=0.02, right=0.76, top=0.93, bottom=0.02)
    plt.close(fig)
    return fig


def _village_points(area: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """``lon``/``lat`` of each village (NaN where the geography has none)."""
    if {"lon", "lat"} <= set(area.columns):
        lon = pd.to_numeric(area["lon"], errors="coerce").to_numpy(dtype="float64")
        lat = pd.to_numeric(area["lat"], errors="coerce").to_numpy(dtype="float64")
        return lon, lat
    missing = np.full(len(area), np.nan)
    return missing, missing.copy()


def _locator(
    fig: Figure, kec: gpd.GeoDataFrame, kode_kec: str, geo: reference.Geography
) -> None:
    inset = fig.add_axes((0.77, 0.05, 0.22, 0.32))
    around = kec[geo.same_area(kec["kode_kec"], kode_kec)]
    around.plot(ax=inset, color="#eeeeee", edgecolor="#999999", linewidth=0.3)
    kec[kec["kode_kec"] == kode_kec].plot(ax=inset, color="#444444")
    inset.set_axis_off()
    inset.set_title(geo.area_name(kode_kec), fontsize=7)


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
            label=f"{100 * lo:.0f}–{100 * hi:.0f}% ({n})",
        )
        for color, lo, hi, n in zip(colors, lower, bins, counts, strict=True)
    ]
    handles.append(
        Patch(
            facecolor=CLASS_COLORS["tanpa_data"],
            edgecolor="#777777",
            label=f"{label('tanpa_data', lang)} ({int((~known).sum())})",
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
            f"{name}\n{'–' if pd.isna(v) else f'{100 * v:.0f}%'}"
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

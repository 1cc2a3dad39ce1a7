"""Maps: villages coloured by class, with a locator of the kecamatan in Kukar.

The colours and the legend are fixed (every class always listed, in the same order),
so that two briefs side by side read the same way.
"""

from __future__ import annotations

import geopandas as gpd
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from kmp_analysis import reference
from kmp_analysis.classify import CLASSES
from kmp_analysis.i18n import label

#: Class colours, dormant (red) to impactful (dark green); grey for no data.
CLASS_COLORS = {
    "tidak_bergerak": "#d7301f",
    "administratif": "#fdae61",
    "aktif": "#a6d96a",
    "berdampak": "#1a9641",
    "tanpa_data": "#d9d9d9",
}


def village_classes(cooperatives: pd.DataFrame) -> pd.Series:
    """The class shown for each village: its cooperative's class.

    Where a village has several cooperatives, the highest class is shown.
    """
    ranked = cooperatives.assign(
        _rank=cooperatives["kelas"].map({c: i for i, c in enumerate(CLASSES)})
    )
    best = ranked.sort_values("_rank").groupby("kode_desa")["kelas"].last()
    return best.astype(str)


def kecamatan_map(
    cooperatives: pd.DataFrame,
    kode_kec: str,
    lang: str = "id",
    label_villages: bool = True,
) -> Figure:
    """Villages of ``kode_kec`` coloured by class, with a locator inset of Kukar."""
    villages = reference.village_shapes()
    kec = reference.kecamatan_shapes()
    area = villages[villages["kode_kec"] == kode_kec].copy()
    classes = village_classes(cooperatives[cooperatives["kode_kec"] == kode_kec])
    area["kelas"] = area["kode_desa"].map(classes).fillna("tanpa_data")
    area["color"] = area["kelas"].map(CLASS_COLORS)

    fig, ax = plt.subplots(figsize=(7.5, 6.0), dpi=110)
    area.plot(ax=ax, color=area["color"], edgecolor="white", linewidth=0.6)
    kec[kec["kode_kec"] == kode_kec].boundary.plot(ax=ax, color="#333333", linewidth=1)
    if label_villages:
        for _, row in area.iterrows():
            point = row.geometry.representative_point()
            ax.annotate(
                row["nama_desa"],
                (point.x, point.y),
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
    _locator(fig, kec, kode_kec)
    fig.subplots_adjust(left=0.02, right=0.76, top=0.93, bottom=0.02)
    plt.close(fig)
    return fig


def _locator(fig: Figure, kec: gpd.GeoDataFrame, kode_kec: str) -> None:
    inset = fig.add_axes((0.77, 0.05, 0.22, 0.32))
    kec.plot(ax=inset, color="#eeeeee", edgecolor="#999999", linewidth=0.3)
    kec[kec["kode_kec"] == kode_kec].plot(ax=inset, color="#444444")
    inset.set_axis_off()
    inset.set_title("Kukar", fontsize=7)

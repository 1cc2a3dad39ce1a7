"""Charts of what changed over time: class shares by month, the flow of cooperatives
between windows, and the trend of every kecamatan as small multiples.

Drawn for print: every class has its colour and a hatch (so a grey-scale copy still
tells them apart), and the regency is a black line with markers.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath

from kmp_analysis.classify import CLASSES
from kmp_analysis.i18n import label
from kmp_analysis.report.style import CLASS_COLORS

#: A hatch per class, so that grey-scale prints tell the classes apart.
CLASS_HATCHES = {
    "tidak_bergerak": "xx",
    "administratif": "..",
    "aktif": "//",
    "berdampak": "",
}


def _month_ticks(periods: list[str]) -> list[str]:
    """``2026-03`` as ``03/26``: short enough for twelve under a small chart."""
    return [f"{p[5:]}/{p[2:4]}" for p in periods]


def class_shares(
    shares: pd.DataFrame, regency: pd.Series | None = None, lang: str = "id"
) -> Figure:
    """Stacked class shares per month (rows of ``shares``), Berdampak at the bottom,
    so that the height of the two lowest bands is the share Aktif + Berdampak,
    read against the regency's as a line."""
    fig, ax = plt.subplots(figsize=(6.4, 2.5), dpi=110)
    x = np.arange(len(shares))
    bottom = np.zeros(len(shares))
    for cls in reversed(CLASSES):
        values = shares[cls].to_numpy(dtype=float)
        ax.bar(
            x,
            values,
            bottom=bottom,
            width=0.8,
            color=CLASS_COLORS[cls],
            hatch=CLASS_HATCHES[cls],
            edgecolor="#444444",
            linewidth=0.4,
            label=label(cls, lang),
        )
        bottom += values
    if regency is not None:
        line = regency.reindex(shares.index).to_numpy(dtype=float)
        ax.plot(
            x,
            line,
            color="black",
            marker="o",
            markersize=3,
            linewidth=1.2,
            label=label("change_shares_regency", lang),
        )
    ax.set_xticks(x, _month_ticks(list(shares.index)), fontsize=7)
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(lambda v, _: f"{100 * v:.0f}%")
    ax.tick_params(axis="y", labelsize=7)
    handles, texts = ax.get_legend_handles_labels()
    ax.legend(
        handles[::-1],
        texts[::-1],
        loc="center left",
        bbox_to_anchor=(1.01, 0.5),
        frameon=False,
        fontsize=7,
    )
    fig.tight_layout()
    plt.close(fig)
    return fig


def class_flow(
    classes: pd.DataFrame, lang: str = "id", min_width: float = 0.0
) -> Figure:
    """The cooperatives between windows (columns of ``classes``, oldest first):
    a stacked bar of classes per window, bands between them as wide as the number
    of cooperatives that went from one class to the other, each band labelled with
    its count where there is room."""
    periods = list(classes.columns)
    n = len(classes)
    fig, ax = plt.subplots(figsize=(6.8, 3.6), dpi=110)
    bar, gap = 0.16, 1.0
    tops: list[dict[str, tuple[float, float]]] = []
    for j, period in enumerate(periods):
        counts = classes[period].value_counts()
        y = float(n)
        spans = {}
        for cls in reversed(CLASSES):  # highest class on top
            c = float(counts.get(cls, 0))
            spans[cls] = (y - c, y)
            if c:
                ax.bar(
                    j * gap,
                    c,
                    bottom=y - c,
                    width=bar,
                    color=CLASS_COLORS[cls],
                    hatch=CLASS_HATCHES[cls],
                    edgecolor="#333333",
                    linewidth=0.5,
                )
                ax.text(
                    j * gap - bar / 2 - 0.02,
                    y - c / 2,
                    f"{int(c)}",
                    ha="right",
                    va="center",
                    fontsize=7,
                )
            y -= c
        tops.append(spans)
    for j in range(len(periods) - 1):
        left, right = classes[periods[j]], classes[periods[j + 1]]
        moved = pd.crosstab(left, right)
        out_y = {cls: tops[j][cls][1] for cls in CLASSES}
        in_y = {cls: tops[j + 1][cls][1] for cls in CLASSES}
        for a in reversed(CLASSES):
            for b in reversed(CLASSES):
                w = (
                    float(moved.at[a, b])
                    if a in moved.index and b in moved.columns
                    else 0
                )
                if w <= min_width:
                    continue
                y0, y1 = out_y[a], in_y[b]
                x0, x1 = j * gap + bar / 2, (j + 1) * gap - bar / 2
                _band(ax, x0, x1, y0, y1, w, CLASS_COLORS[b])
                if w >= 0.04 * n and a != b:
                    ax.text(
                        (x0 + x1) / 2,
                        (y0 + y1) / 2 - w / 2,
                        f"{int(w)}",
                        ha="center",
                        va="center",
                        fontsize=6,
                        color="#222222",
                    )
                out_y[a] -= w
                in_y[b] -= w
    ax.set_xticks([j * gap for j in range(len(periods))], periods, fontsize=8)
    ax.set_yticks([])
    ax.set_xlim(-0.5, (len(periods) - 1) * gap + 0.35)
    ax.set_ylim(0, n * 1.02)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    handles = [
        Patch(
            facecolor=CLASS_COLORS[c],
            hatch=CLASS_HATCHES[c],
            edgecolor="#333333",
            label=label(c, lang),
        )
        for c in reversed(CLASSES)
    ]
    ax.legend(
        handles=handles,
        loc="center left",
        bbox_to_anchor=(1.0, 0.5),
        frameon=False,
        fontsize=7,
    )
    fig.tight_layout()
    plt.close(fig)
    return fig


def _band(ax, x0: float, x1: float, y0: float, y1: float, w: float, color: str) -> None:
    """A smooth band from (x0, y0 − w … y0) to (x1, y1 − w … y1)."""
    mid = (x0 + x1) / 2
    verts = [
        (x0, y0),
        (mid, y0),
        (mid, y1),
        (x1, y1),
        (x1, y1 - w),
        (mid, y1 - w),
        (mid, y0 - w),
        (x0, y0 - w),
        (x0, y0),
    ]
    codes = [
        MplPath.MOVETO,
        MplPath.CURVE4,
        MplPath.CURVE4,
        MplPath.CURVE4,
        MplPath.LINETO,
        MplPath.CURVE4,
        MplPath.CURVE4,
        MplPath.CURVE4,
        MplPath.CLOSEPOLY,
    ]
    ax.add_patch(
        PathPatch(
            MplPath(verts, codes),
            facecolor=color,
            alpha=0.45,
            edgecolor="#555555",
            linewidth=0.3,
        )
    )


def kecamatan_trends(
    trend: pd.DataFrame,
    names: pd.Series,
    regency: pd.Series | None = None,
    lang: str = "id",
    columns: int = 5,
) -> Figure:
    """Share Aktif + Berdampak by month, one small chart per kecamatan (columns of
    ``trend``, named by ``names``), the same axes everywhere, the regency in grey."""
    codes = list(trend.columns)
    rows = max(1, int(np.ceil(len(codes) / columns)))
    fig, axes = plt.subplots(
        rows,
        columns,
        figsize=(7.0, 1.25 * rows + 0.3),
        dpi=110,
        sharex=True,
        sharey=True,
        squeeze=False,
    )
    x = np.arange(len(trend))
    for k, ax in enumerate(axes.flat):
        if k >= len(codes):
            ax.set_visible(False)
            continue
        code = codes[k]
        if regency is not None:
            ax.plot(x, regency.reindex(trend.index), color="#999999", linewidth=0.9)
        ax.plot(x, trend[code], color="black", linewidth=1.3)
        ax.set_title(str(names.get(code, code)), fontsize=7, pad=2)
        ax.set_ylim(0, 1)
        ax.set_yticks([0, 0.5, 1], ["0", "50%", "100%"], fontsize=6)
        ax.tick_params(axis="x", labelsize=6)
        ax.grid(axis="y", color="#dddddd", linewidth=0.5)
    ticks = [0, len(trend) - 1] if len(trend) > 1 else [0]
    for ax in axes[-1]:
        ax.set_xticks(ticks, [_month_ticks(list(trend.index))[t] for t in ticks])
    fig.tight_layout(h_pad=0.4, w_pad=0.3)
    plt.close(fig)
    return fig

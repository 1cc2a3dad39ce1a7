"""Charts of what changed over time: class shares by month, the flow of cooperatives
between windows, and the trend of every kecamatan as small multiples.

Drawn for print: every class has its colour and a hatch (so a grey-scale copy still
tells them apart), and the regency is a black line with markers. The two small,
many-times-drawn charts (twenty briefs each draw one; the summary draws twenty
kecamatan) are written as inline SVG by hand, which costs nothing next to a
matplotlib figure and stays sharp in print; the flow figure is matplotlib.
"""

from __future__ import annotations

import html

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath

from kmp_analysis.classify import CLASSES
from kmp_analysis.i18n import fmt_int, fmt_percent, label
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
                    fmt_int(c, lang),
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
                        fmt_int(w, lang),
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


# ---------------------------------------------------------------------- inline SVG

#: The hatches of CLASS_HATCHES drawn over the class colours in inline SVG: lines
#: ("/" and "\\" directions, as x + y or x − y constant) or dots, on a 6-unit grid.
_HATCH_STEP = 6.0
_SVG_HATCHES: dict[str, tuple[str, ...]] = {
    "tidak_bergerak": ("/", "\\"),
    "administratif": ("dots",),
    "aktif": ("/",),
    "berdampak": (),
}


def _svg_swatch(cls: str, x: float, y: float, w: float, h: float) -> str:
    """A rectangle in the class colour, hatched where the class has a hatch.

    The hatch is drawn as plain lines and dots cut to the rectangle, not as an SVG
    ``<pattern>``: Chromium prints a pattern fill as a bitmap with a mask, which
    made a brief's PDF 1.3 MB (158 bitmaps) and slow to print.
    """
    rect = (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
        f'fill="{CLASS_COLORS[cls]}" stroke="#444" stroke-width="0.4"/>'
    )
    kinds = _SVG_HATCHES[cls]
    if "dots" in kinds:
        dots = "".join(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="0.9"/>'
            for cx in _grid(x, x + w)
            for cy in _grid(y, y + h)
        )
        rect += f'<g fill="#333">{dots}</g>' if dots else ""
    segments = [
        seg
        for kind in kinds
        if kind != "dots"
        for seg in _hatch_lines(kind, x, y, w, h)
    ]
    if segments:
        d = " ".join(f"M{a:.1f},{b:.1f}L{c:.1f},{e:.1f}" for a, b, c, e in segments)
        rect += f'<path d="{d}" stroke="#333" stroke-width="0.7" fill="none"/>'
    return rect


def _grid(lo: float, hi: float) -> list[float]:
    """Dot centres (at 3, 9, 15… as the pattern had them) inside [lo, hi]."""
    step = _HATCH_STEP
    first = np.ceil((lo - step / 2) / step) * step + step / 2
    return [float(v) for v in np.arange(first, hi, step) if lo < v < hi]


def _hatch_lines(
    kind: str, x: float, y: float, w: float, h: float
) -> list[tuple[float, float, float, float]]:
    """The hatch lines of one direction cut to the rectangle: "/" runs along
    x + y = c, "\\" along x − y = c, for every multiple c of the step."""
    x0, x1, y0, y1 = x, x + w, y, y + h
    step = _HATCH_STEP
    out = []
    if kind == "/":
        lo, hi = x0 + y0, x1 + y1
    else:
        lo, hi = x0 - y1, x1 - y0
    for c in np.arange(np.ceil(lo / step) * step, hi, step):
        if kind == "/":  # y = c − x
            xa, xb = max(x0, c - y1), min(x1, c - y0)
            if xb - xa > 1e-6:
                out.append((xa, c - xa, xb, c - xb))
        else:  # y = x − c
            xa, xb = max(x0, c + y0), min(x1, c + y1)
            if xb - xa > 1e-6:
                out.append((xa, xa - c, xb, xb - c))
    return out


def _svg(width: int, height: int, alt: str, body: str) -> str:
    text = html.escape(alt, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{text}" '
        f'font-family="DejaVu Sans, Arial, sans-serif"><title>{text}</title>'
        f"{body}</svg>"
    )


def class_shares_svg(
    shares: pd.DataFrame,
    regency: pd.Series | None,
    alt: str,
    lang: str = "id",
) -> str:
    """Stacked class shares per month (rows of ``shares``), Berdampak at the
    bottom, so that the height of the two lowest bands is the share Aktif +
    Berdampak, read against the regency's as a black line with dots."""
    left, top, plot_w, plot_h = 34, 8, 360, 130
    width, height = 580, top + plot_h + 26
    n = max(len(shares), 1)
    step = plot_w / n
    parts = []
    for frac in (0.0, 0.5, 1.0):
        y = top + plot_h * (1 - frac)
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#ccc" stroke-width="0.5"/>'
            f'<text x="{left - 4}" y="{y + 3:.1f}" font-size="9" '
            f'text-anchor="end">{fmt_percent(frac, lang)}</text>'
        )
    for i, (period, row) in enumerate(shares.iterrows()):
        x = left + i * step + step * 0.1
        base = top + plot_h
        for cls in reversed(CLASSES):
            h = float(row[cls]) * plot_h
            if h > 0:
                parts.append(_svg_swatch(cls, x, base - h, step * 0.8, h))
            base -= h
        parts.append(
            f'<text x="{x + step * 0.4:.1f}" y="{top + plot_h + 12}" font-size="8" '
            f'text-anchor="middle">{_month_ticks([str(period)])[0]}</text>'
        )
    legend_y = top + 4
    if regency is not None:
        line = regency.reindex(shares.index).to_numpy(dtype=float)
        points = [
            (left + (i + 0.5) * step, top + plot_h * (1 - v))
            for i, v in enumerate(line)
            if not np.isnan(v)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="black" stroke-width="1.4"/>'
        )
        parts += [
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2" fill="black"/>' for x, y in points
        ]
        lx = left + plot_w + 14
        parts.append(
            f'<line x1="{lx}" x2="{lx + 14}" y1="{legend_y + 5}" y2="{legend_y + 5}" '
            f'stroke="black" stroke-width="1.4"/><circle cx="{lx + 7}" '
            f'cy="{legend_y + 5}" r="2" fill="black"/><text x="{lx + 20}" '
            f'y="{legend_y + 8}" font-size="9">'
            f"{html.escape(label('change_shares_regency', lang))}</text>"
        )
        legend_y += 16
    for cls in CLASSES:  # the legend reads top to bottom as the bars do
        lx = left + plot_w + 14
        parts.append(_svg_swatch(cls, lx, legend_y, 14, 10))
        parts.append(
            f'<text x="{lx + 20}" y="{legend_y + 9}" font-size="9">'
            f"{html.escape(label(cls, lang))}</text>"
        )
        legend_y += 15
    return _svg(width, height, alt, "".join(parts))


def kecamatan_trends_svg(
    trend: pd.DataFrame,
    names: pd.Series,
    regency: pd.Series | None,
    alt: str,
    columns: int = 5,
    lang: str = "id",
) -> str:
    """Share Aktif + Berdampak by month, one small chart per kecamatan (columns of
    ``trend``, named by ``names``), the same axes everywhere, the regency in grey."""
    codes = list(trend.columns)
    cell_w, cell_h, pad = 134, 84, 6
    plot_w, plot_h = cell_w - 2 * pad - 16, cell_h - 34
    rows = max(1, -(-len(codes) // columns))
    width, height = columns * cell_w, rows * cell_h
    n = len(trend)
    ticks = _month_ticks([str(p) for p in trend.index])
    top_label, bottom_label = fmt_percent(1.0, lang), fmt_int(0, lang)

    def points(values: np.ndarray, x0: float, y0: float) -> str:
        step = plot_w / max(n - 1, 1)
        return " ".join(
            f"{x0 + i * step:.1f},{y0 + plot_h * (1 - v):.1f}"
            for i, v in enumerate(values)
            if not np.isnan(v)
        )

    reg = (
        regency.reindex(trend.index).to_numpy(dtype=float)
        if regency is not None
        else None
    )
    parts = []
    for k, code in enumerate(codes):
        cx, cy = (k % columns) * cell_w, (k // columns) * cell_h
        x0, y0 = cx + pad + 16, cy + 16
        name = html.escape(str(names.get(code, code)))
        parts.append(
            f'<text x="{cx + cell_w / 2:.1f}" y="{cy + 11}" font-size="9" '
            f'text-anchor="middle">{name}</text>'
            f'<rect x="{x0}" y="{y0}" width="{plot_w}" height="{plot_h}" fill="none" '
            f'stroke="#999" stroke-width="0.5"/>'
            f'<line x1="{x0}" x2="{x0 + plot_w}" y1="{y0 + plot_h / 2}" '
            f'y2="{y0 + plot_h / 2}" stroke="#ddd" stroke-width="0.5"/>'
            f'<text x="{x0 - 2}" y="{y0 + 4}" font-size="7" '
            f'text-anchor="end">{top_label}</text>'
            f'<text x="{x0 - 2}" y="{y0 + plot_h}" font-size="7" '
            f'text-anchor="end">{bottom_label}</text>'
        )
        if reg is not None:
            parts.append(
                f'<polyline points="{points(reg, x0, y0)}" fill="none" '
                f'stroke="#999" stroke-width="1"/>'
            )
        own = trend[code].to_numpy(dtype=float)
        parts.append(
            f'<polyline points="{points(own, x0, y0)}" fill="none" '
            f'stroke="black" stroke-width="1.5"/>'
        )
        if n:
            parts.append(
                f'<text x="{x0}" y="{y0 + plot_h + 10}" font-size="7">{ticks[0]}</text>'
                f'<text x="{x0 + plot_w}" y="{y0 + plot_h + 10}" font-size="7" '
                f'text-anchor="end">{ticks[-1]}</text>'
            )
    return _svg(width, height, alt, "".join(parts))

"""Charts other than maps: how robust the kecamatan ranking is."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from kmp_analysis.i18n import fmt_int, label
from kmp_analysis.index import RankUncertainty, tercile
from kmp_analysis.report.labels import (
    decimal_formatter,
    integer_formatter,
    percent_formatter,
    place_labels,
)
from kmp_analysis.report.style import CLASS_COLORS, QUADRANT_COLORS, TERCILE_COLORS


def cooperative_quadrant(
    cooperatives: pd.DataFrame,
    kode_kec: str,
    split: float = 0.5,
    lang: str = "id",
    regency_mean: tuple[float, float] | None = None,
) -> Figure:
    """Output–outcome quadrant of one kecamatan's cooperatives, coloured by class.

    ``cooperatives`` may be the kecamatan's own or the whole regency's (only the
    kecamatan's are drawn); ``regency_mean`` (output, outcome), as quoted in the
    brief, is marked for comparison. The lines split the quadrants at ``split`` (a
    value on the line counts as high).
    """
    from kmp_analysis.classify import CLASSES
    from kmp_analysis.index import QUADRANTS

    own = cooperatives["kode_kec"] == kode_kec
    fig, ax = plt.subplots(figsize=(6.4, 3.9), dpi=110)
    if regency_mean is not None:
        ax.scatter(
            [regency_mean[0]],
            [regency_mean[1]],
            s=90,
            marker="X",
            color="#555555",
            label=label("quadrant_regency_mean", lang),
        )
    mine = cooperatives[own]
    for cls in CLASSES:
        part = mine[mine["kelas"].astype(str) == cls]
        ax.scatter(
            part["indeks_output"],
            part["indeks_outcome"],
            s=38,
            color=CLASS_COLORS[cls],
            edgecolor="#333333",
            linewidth=0.5,
            label=f"{label(cls, lang)} ({fmt_int(len(part), lang)})",
        )
    ax.axvline(split, color="#777777", linewidth=0.8, linestyle="--")
    ax.axhline(split, color="#777777", linewidth=0.8, linestyle="--")
    corners = {
        (True, True): (0.99, 0.99, "right", "top"),
        (True, False): (0.99, 0.01, "right", "bottom"),
        (False, True): (0.01, 0.99, "left", "top"),
        (False, False): (0.01, 0.01, "left", "bottom"),
    }
    for key, (x, y, ha, va) in corners.items():
        ax.text(
            x,
            y,
            label(QUADRANTS[key], lang),
            ha=ha,
            va=va,
            fontsize=8,
            color="#555555",
            transform=ax.transAxes,
        )
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel(label("quadrant_x", lang))
    ax.set_ylabel(label("quadrant_y", lang))
    ax.xaxis.set_major_formatter(decimal_formatter(lang))
    ax.yaxis.set_major_formatter(decimal_formatter(lang))
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, fontsize=8)
    fig.tight_layout()
    plt.close(fig)
    return fig


def tercile_shares(result: RankUncertainty) -> np.ndarray:
    """Per kecamatan (rows, table order), the share of draws in each tercile."""
    n = result.draws.shape[1]
    terciles = tercile(result.draws, n)
    return np.stack([(terciles == t).mean(axis=0) for t in (1, 2, 3)], axis=1)


def tercile_stability(
    result: RankUncertainty, lang: str = "id", threshold: float = 0.10
) -> Figure:
    """One figure: for every kecamatan, in which tercile its rank falls across draws.

    A bar of one colour is a kecamatan whose tercile never changes; the title counts
    the kecamatan that leave their point-estimate tercile in at least ``threshold``
    of the draws, so a planner sees at a glance whether the ranking is robust.
    """
    table = result.table.reset_index(drop=True)
    order = np.argsort(table["peringkat"].to_numpy(), kind="stable")
    shares = tercile_shares(result)[order]
    names = table["nama_kec"].to_numpy()[order]
    n_moving = int((table["pindah_tersil"] >= threshold).sum())

    height = max(3.0, 0.28 * len(names) + 1.2)
    fig, ax = plt.subplots(figsize=(7.5, height), dpi=110)
    left = np.zeros(len(names))
    keys = ("tercile_top", "tercile_middle", "tercile_bottom")
    for k, (key, color) in enumerate(zip(keys, TERCILE_COLORS, strict=True)):
        ax.barh(names, shares[:, k], left=left, color=color, label=label(key, lang))
        left += shares[:, k]
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(label("share_of_draws", lang))
    ax.xaxis.set_major_formatter(percent_formatter(lang))
    ax.set_title(
        label(
            "tercile_title",
            lang,
            index=label(f"index_{result.index}", lang),
            n=fmt_int(n_moving, lang),
            total=fmt_int(len(names), lang),
            pct=fmt_int(100 * threshold, lang),
            draws=fmt_int(result.draws.shape[0], lang),
        ),
        fontsize=10,
        loc="left",
        wrap=True,
    )
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.06), ncol=3, frameon=False)
    ax.tick_params(axis="y", labelsize=8)
    fig.tight_layout()
    plt.close(fig)
    return fig


# ------------------------------------------------- quadrant, rank intervals, labels


def quadrant_chart(
    output: np.typing.ArrayLike,
    outcome: np.typing.ArrayLike,
    names: list[str] | None = None,
    split: float = 0.5,
    lang: str = "id",
    sizes: np.typing.ArrayLike | None = None,
    colors: list[str] | None = None,
    title: str = "",
    xlabel: str = "",
    ylabel: str = "",
) -> Figure:
    """Output–outcome quadrant: one point per unit, split lines, quadrant names.

    Works for kecamatan (means, ``sizes`` = number of cooperatives) as for
    cooperatives. Points are coloured by their quadrant unless ``colors`` is given;
    a value on a split line counts as high (as :func:`kmp_analysis.index.quadrant`).
    The axes show the data and the split with a margin, within 0–1. ``names`` label
    the points (placed to avoid overlaps).

    Examples
    --------
    >>> fig = quadrant_chart([0.2, 0.7], [0.6, 0.3], names=["A", "B"], lang="en")
    >>> sorted(t.get_text() for t in fig.axes[0].texts)[:4]
    ['A', 'B', 'Formality', 'Informal performer']
    """
    from kmp_analysis.i18n import column_label
    from kmp_analysis.index import QUADRANTS

    x = np.asarray(output, dtype="float64")
    y = np.asarray(outcome, dtype="float64")
    codes = [
        QUADRANTS[(bool(a >= split), bool(b >= split))]
        for a, b in zip(x, y, strict=True)
    ]
    if colors is None:
        colors = [QUADRANT_COLORS[c] for c in codes]
    if sizes is None:
        marker = np.full(len(x), 30.0)
    else:
        s = np.asarray(sizes, dtype="float64")
        top = s.max() if len(s) and s.max() > 0 else 1.0
        marker = 18.0 + 160.0 * s / top

    fig, ax = plt.subplots(figsize=(7.5, 5.2), dpi=110)
    limits = []
    for values in (x, y):
        both = np.r_[values[np.isfinite(values)], split]
        lo = max(0.0, float(both.min()) - 0.08)
        hi = min(1.0, float(both.max()) + 0.08)
        limits.append((lo, hi))
    ax.set_xlim(*limits[0])
    ax.set_ylim(*limits[1])
    ax.axvline(split, color="#555555", linewidth=0.9, linestyle="--", zorder=1)
    ax.axhline(split, color="#555555", linewidth=0.9, linestyle="--", zorder=1)
    (x0, x1), (y0, y1) = limits
    for (high_out, high_come), code in QUADRANTS.items():
        ax.axvspan(
            split if high_out else x0,
            x1 if high_out else split,
            ymin=(split - y0) / (y1 - y0) if high_come else 0.0,
            ymax=1.0 if high_come else (split - y0) / (y1 - y0),
            color=QUADRANT_COLORS[code],
            alpha=0.07,
            linewidth=0,
            zorder=0,
        )
        ax.text(
            0.99 if high_out else 0.01,
            0.98 if high_come else 0.02,
            label(code, lang),
            transform=ax.transAxes,
            ha="right" if high_out else "left",
            va="top" if high_come else "bottom",
            fontsize=9,
            fontweight="bold",
            color=QUADRANT_COLORS[code],
        )
    ax.scatter(x, y, s=marker, c=colors, edgecolor="#333333", linewidth=0.5, zorder=3)
    ax.set_xlabel(xlabel or column_label("indeks_output", lang))
    ax.set_ylabel(ylabel or column_label("indeks_outcome", lang))
    formatter = decimal_formatter(lang)
    ax.xaxis.set_major_formatter(formatter)
    ax.yaxis.set_major_formatter(formatter)
    if title:
        ax.set_title(title, fontsize=10, loc="left")
    fig.tight_layout()
    if names is not None:
        place_labels(ax, x, y, list(names), marker_pt=np.sqrt(marker) / 2)
    plt.close(fig)
    return fig


def rank_intervals(result: RankUncertainty, lang: str = "id") -> Figure:
    """Each kecamatan's rank with its Monte Carlo interval, best rank at the top.

    A bar spans the 5th to the 95th percentile of the rank over the draws (a rank
    that never moves is a short box), a dot marks the rank with the configured
    weights and goalposts, a vertical tick the median. Bars take the colour of the
    kecamatan's tercile, as in :func:`tercile_stability`.
    """
    from matplotlib import ticker

    table = result.table.sort_values("peringkat", kind="stable").reset_index(drop=True)
    n = len(table)
    pos = np.arange(n)
    terciles = tercile(table["peringkat"].to_numpy(), max(n, 1))
    p05 = table["peringkat_p05"].to_numpy(dtype="float64")
    p95 = table["peringkat_p95"].to_numpy(dtype="float64")
    height = max(2.5, 0.22 * n + 1.3)
    fig, ax = plt.subplots(figsize=(7.5, height), dpi=110)
    ax.barh(
        pos,
        p95 - p05 + 0.6,
        left=p05 - 0.3,
        height=0.55,
        color=[TERCILE_COLORS[t - 1] for t in terciles],
        alpha=0.55,
        edgecolor="#666666",
        linewidth=0.4,
        label=label("ringkasan_rank_interval", lang),
    )
    ax.scatter(
        table["peringkat_median"],
        pos,
        marker="|",
        s=120,
        color="#000000",
        linewidth=1.4,
        zorder=3,
        label=label("ringkasan_rank_median", lang),
    )
    ax.scatter(
        table["peringkat"],
        pos,
        s=16,
        color="#222222",
        zorder=4,
        label=label("ringkasan_rank_point", lang),
    )
    ax.set_yticks(pos, labels=[str(v) for v in table["nama_kec"]])
    for tick in ax.get_yticklabels():
        tick.set_parse_math(False)
    ax.invert_yaxis()
    ax.set_xlim(0.3, n + 0.7)
    ax.xaxis.set_major_locator(ticker.MaxNLocator(integer=True, nbins=min(n, 20)))
    ax.xaxis.set_major_formatter(integer_formatter(lang))
    ax.set_xlabel(label("ringkasan_rank_axis", lang))
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="x", color="#eeeeee", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title(
        label(
            "ringkasan_rank_title",
            lang,
            index=label(f"index_{result.index}", lang),
            draws=fmt_int(result.draws.shape[0], lang),
        ),
        fontsize=10,
        loc="left",
    )
    ax.legend(
        loc="lower center",
        bbox_to_anchor=(0.5, 1.06),
        ncol=3,
        frameon=False,
        fontsize=8,
    )
    fig.tight_layout()
    plt.close(fig)
    return fig


def event_study(
    effects: dict, lang: str = "id", outcome: str = "partisipasi"
) -> Figure:
    """Each effort's effect on ``outcome`` by months since the effort, in points.

    One panel per effort (training, facilitation, financing) on a shared scale: a
    dot per month with its 95% band, the months before the effort included (they
    should sit near zero: the pre-trend check), a dashed line where the effort
    starts. An effort without an estimate says why in its panel.
    """
    from matplotlib import ticker

    from kmp_analysis.effects import EFFORTS, ESTIMATED

    fig, axes = plt.subplots(1, len(EFFORTS), figsize=(9.6, 3.0), dpi=110, sharey=True)
    for ax, effort in zip(axes, EFFORTS, strict=True):
        entry = effects.get(effort, {}).get(outcome, {})
        ax.set_title(label(f"efek_upaya_{effort}", lang), fontsize=10)
        ax.axhline(0, color="#555555", linewidth=0.8)
        ax.grid(axis="y", color="#eeeeee", linewidth=0.6)
        ax.set_axisbelow(True)
        if entry.get("status") != ESTIMATED or not entry.get("event_study"):
            status = entry.get("status", "belum_ada_data")
            ax.text(
                0.5,
                0.5,
                label(f"efek_status_{status}", lang),
                transform=ax.transAxes,
                ha="center",
                va="center",
                color="#666666",
            )
            ax.set_xticks([])
            continue
        rows = pd.DataFrame(entry["event_study"])
        e = rows["e"].to_numpy()
        before = e < 0
        ax.fill_between(
            e, 100 * rows["lo"], 100 * rows["hi"], color="#9ecae1", alpha=0.5, step=None
        )
        ax.plot(e, 100 * rows["att"], color="#08519c", linewidth=1.2)
        ax.scatter(
            e[before], 100 * rows["att"][before], s=14, color="#888888", zorder=3
        )
        ax.scatter(
            e[~before], 100 * rows["att"][~before], s=14, color="#08519c", zorder=3
        )
        ax.axvline(-0.5, color="#444444", linestyle="--", linewidth=0.8)
        ax.xaxis.set_major_locator(ticker.MaxNLocator(integer=True, nbins=8))
        ax.xaxis.set_major_formatter(integer_formatter(lang))
    axes[0].set_ylabel(label("efek_grafik_y", lang))
    axes[0].yaxis.set_major_formatter(decimal_formatter(lang))
    fig.supxlabel(label("efek_grafik_x", lang), fontsize=9)
    fig.tight_layout()
    plt.close(fig)
    return fig

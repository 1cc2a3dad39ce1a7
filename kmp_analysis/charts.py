"""Charts other than maps: how robust the kecamatan ranking is."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from kmp_analysis.i18n import label
from kmp_analysis.index import RankUncertainty, tercile

TERCILE_COLORS = ("#1a9641", "#fdd49e", "#d7301f")


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
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_title(
        label(
            "tercile_title",
            lang,
            index=label(f"index_{result.index}", lang),
            n=n_moving,
            total=len(names),
            pct=round(100 * threshold),
            draws=result.draws.shape[0],
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

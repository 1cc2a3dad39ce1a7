"""Text on figures: point labels placed where they do not overlap, and tick labels
with the reader's decimal mark. Shared by the charts and the maps."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np


def place_labels(
    ax: plt.Axes,
    xs: np.typing.ArrayLike,
    ys: np.typing.ArrayLike,
    texts: list[str],
    fontsize: float = 7.0,
    marker_pt: np.typing.ArrayLike | float = 3.0,
    centered: bool = False,
    color: str = "#222222",
    order: np.typing.ArrayLike | None = None,
) -> list:
    """Label points without overlaps where possible: a greedy search of offsets.

    Each label tries positions around its point, nearest first (on the point
    itself first when ``centered``), and takes the first one that overlaps no label
    placed before, no point marker (of radius ``marker_pt`` points) and stays inside
    the axes; where none is free it takes the least overlapping one. Labels are
    placed in ``order`` (positions into ``texts``; default top to bottom), so the
    ones with the least room should come first. Labels placed away from their
    point get a thin leader line. Call it after the layout is final
    (``tight_layout``), since it measures text on the canvas. Names are drawn as
    plain text (no mathtext), whatever characters they hold.
    """
    from matplotlib import patheffects
    from matplotlib.transforms import Bbox

    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    xs = np.asarray(xs, dtype="float64")
    ys = np.asarray(ys, dtype="float64")
    px_per_pt = fig.dpi / 72.0
    radius = np.broadcast_to(np.asarray(marker_pt, dtype="float64"), xs.shape)
    points = ax.transData.transform(np.column_stack([xs, ys]))
    occupied = [
        Bbox.from_extents(x - r, y - r, x + r, y + r)
        for (x, y), r in zip(points, radius * px_per_pt, strict=True)
    ]
    frame = ax.get_window_extent(renderer)
    candidates = [(0.0, 0.0, "center", "center")] if centered else []
    for d in (4.0, 9.0, 16.0, 26.0, 40.0):
        candidates += [
            (d, 0.0, "left", "center"),
            (-d, 0.0, "right", "center"),
            (0.0, d, "center", "bottom"),
            (0.0, -d, "center", "top"),
            (d, d, "left", "bottom"),
            (-d, d, "right", "bottom"),
            (d, -d, "left", "top"),
            (-d, -d, "right", "top"),
        ]
    halo = [patheffects.withStroke(linewidth=2.2, foreground="white")]
    placed: list = []
    artists = []
    pad = 1.5 * px_per_pt  # keep labels from touching
    if order is None:
        order = np.argsort(-ys, kind="stable")
    for i in np.asarray(order, dtype="int64"):
        best = None
        for rank, (dx, dy, ha, va) in enumerate(candidates):
            text = ax.annotate(
                texts[i],
                (xs[i], ys[i]),
                xytext=(dx + np.sign(dx) * radius[i], dy + np.sign(dy) * radius[i]),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=fontsize,
                color=color,
                parse_math=False,
                path_effects=halo,
            )
            text.set_in_layout(False)
            box = text.get_window_extent(renderer).padded(pad)
            cost = sum(_overlap(box, other) for other in placed)
            cost += sum(
                _overlap(box, other)
                for j, other in enumerate(occupied)
                if j != i or (dx, dy) != (0.0, 0.0)
            )
            cost += 4 * (box.width * box.height - _overlap(box, frame))
            key = (cost, rank)
            if best is None or key < best[0]:
                if best is not None:
                    best[1].remove()
                best = (key, text, box, abs(dx) + abs(dy))
            else:
                text.remove()
            if cost == 0:
                break
        _, text, box, distance = best
        if distance > 4.0:  # diagonal or further away: draw a leader line
            leader = ax.annotate(
                "",
                (xs[i], ys[i]),
                xytext=text.get_position(),
                textcoords=text.get_anncoords(),
                arrowprops={"arrowstyle": "-", "color": "#777777", "lw": 0.5},
                zorder=2,
            )
            leader.set_in_layout(False)
        placed.append(box)
        artists.append(text)
    return artists


def _overlap(a, b) -> float:
    """Area shared by two display-space boxes."""
    from matplotlib.transforms import Bbox

    inter = Bbox.intersection(a, b)
    return 0.0 if inter is None else inter.width * inter.height


def decimal_formatter(lang: str):
    """Tick labels as the pages write decimals (:func:`~kmp_analysis.i18n.fmt_dec`:
    a decimal comma for Indonesian readers), with as many decimals as the ticks
    need, the same on every tick of the axis (0,0 0,2 … 1,0).

    Examples
    --------
    >>> formatter = decimal_formatter("id")
    >>> formatter.set_locs([0.0, 0.2, 0.4]); formatter(0.2), formatter(0.0)
    ('0,2', '0,0')
    """
    from matplotlib import ticker

    from kmp_analysis.i18n import fmt_dec

    class DecimalFormatter(ticker.Formatter):
        digits = 1

        def set_locs(self, locs) -> None:
            super().set_locs(locs)
            self.digits = _decimals_needed(locs)

        def __call__(self, x: float, pos: int | None = None) -> str:
            return fmt_dec(x, lang, self.digits)

    return DecimalFormatter()


def percent_formatter(lang: str):
    """Tick labels of a share (0–1) as whole percentages
    (:func:`~kmp_analysis.i18n.fmt_percent`)."""
    from matplotlib import ticker

    from kmp_analysis.i18n import fmt_percent

    return ticker.FuncFormatter(lambda x, _: fmt_percent(x, lang))


def integer_formatter(lang: str):
    """Tick labels of whole numbers with the reader's thousands separator
    (:func:`~kmp_analysis.i18n.fmt_int`)."""
    from matplotlib import ticker

    from kmp_analysis.i18n import fmt_int

    return ticker.FuncFormatter(lambda x, _: fmt_int(x, lang))


def _decimals_needed(locs, most: int = 3) -> int:
    """The fewest decimals (up to ``most``) that write every tick exactly."""
    values = np.asarray(locs, dtype="float64")
    for digits in range(most + 1):
        if np.allclose(values, np.round(values, digits), rtol=0, atol=1e-9):
            return digits
    return most

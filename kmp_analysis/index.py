"""Indeks Output and Indeks Outcome, kecamatan aggregates, quadrants, rank uncertainty.

DESIGN §6. Each indicator is scaled to 0–1 against fixed goalposts (so scores stay
comparable between periods), then averaged with weights inside its index. ``par30`` is
left out, and the weights renormalised, where a cooperative does not lend; any other
missing indicator (no report, no cost, no turnover) scores 0: nothing measured is
nothing achieved. Kecamatan values are means over their cooperatives.

The Monte Carlo of :func:`rank_uncertainty` redraws the weights (Dirichlet around the
configured weights) and every goalpost (times U(1 − s, 1 + s)) and recomputes the
kecamatan ranking for each draw, all draws at once in NumPy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kmp_analysis.classify import CLASSES
from kmp_analysis.config import Goalpost, IndexSpec, MonteCarlo

INDICES = ("output", "outcome")
#: Indicators left out (weights renormalised) where missing, instead of scoring 0.
LEFT_OUT_WHEN_MISSING = frozenset({"par30"})

#: Quadrant codes: (output high?, outcome high?) -> code.
QUADRANTS = {
    (True, True): "berkinerja",
    (True, False): "formalitas",
    (False, True): "informal",
    (False, False): "tertinggal",
}


def scale(values: pd.Series | np.ndarray, goalpost: Goalpost) -> np.ndarray:
    """``clip((x - lo) / (hi - lo), 0, 1)``; missing stays missing.

    Examples
    --------
    >>> from kmp_analysis.config import Goalpost
    >>> scale([0.0, 0.3, 0.6, 0.9], Goalpost(0, 0.6)).round(6).tolist()
    [0.0, 0.5, 1.0, 1.0]
    >>> scale([0.0, 0.05, 0.2], Goalpost(0.20, 0)).round(6).tolist()  # par30
    [1.0, 0.75, 0.0]
    """
    x = np.asarray(values, dtype="float64")
    scaled = np.clip((x - goalpost.lo) / (goalpost.hi - goalpost.lo), 0.0, 1.0)
    return scaled + 0.0  # no negative zero


def _raw(cooperatives: pd.DataFrame, goalposts: dict[str, Goalpost]) -> np.ndarray:
    """Indicator values as an N×K float array (booleans as 0/1)."""
    return np.column_stack(
        [
            pd.to_numeric(cooperatives[name].astype("float64"), errors="coerce")
            for name in goalposts
        ]
    ).reshape(len(cooperatives), len(goalposts))


def indicator_scores(
    cooperatives: pd.DataFrame, goalposts: dict[str, Goalpost]
) -> pd.DataFrame:
    """Every indicator of one index scaled to 0–1 (left-out indicators stay NaN)."""
    raw = _raw(cooperatives, goalposts)
    scores = np.column_stack(
        [scale(raw[:, k], gp) for k, gp in enumerate(goalposts.values())]
    ).reshape(raw.shape)
    for k, name in enumerate(goalposts):
        if name not in LEFT_OUT_WHEN_MISSING:
            scores[:, k] = np.nan_to_num(scores[:, k], nan=0.0)
    return pd.DataFrame(scores, index=cooperatives.index, columns=list(goalposts))


def composite(scores: pd.DataFrame, goalposts: dict[str, Goalpost]) -> pd.Series:
    """Weighted mean of the scores present, weights renormalised over them."""
    weights = np.array([gp.bobot for gp in goalposts.values()], dtype="float64")
    values = scores.to_numpy()
    present = ~np.isnan(values)
    total = (np.where(present, values, 0.0) * weights).sum(axis=1)
    weight = (present * weights).sum(axis=1)
    return pd.Series(
        np.divide(total, weight, out=np.zeros_like(total), where=weight > 0),
        index=scores.index,
    )


def quadrant(output: pd.Series, outcome: pd.Series, split: float = 0.5) -> pd.Series:
    """Output–outcome quadrant codes; a value equal to the split counts as high.

    Examples
    --------
    >>> quadrant(pd.Series([0.5, 0.2]), pd.Series([0.1, 0.9])).tolist()
    ['formalitas', 'informal']
    """
    high_output = output.to_numpy(dtype="float64") >= split
    high_outcome = outcome.to_numpy(dtype="float64") >= split
    codes = np.select(
        [high_output & high_outcome, high_output, high_outcome],
        [QUADRANTS[(True, True)], QUADRANTS[(True, False)], QUADRANTS[(False, True)]],
        default=QUADRANTS[(False, False)],
    )
    return pd.Series(codes, index=output.index, dtype=object)


def compute_indices(cooperatives: pd.DataFrame, spec: IndexSpec) -> pd.DataFrame:
    """``indeks_output``, ``indeks_outcome`` and ``kuadran`` per cooperative."""
    out = pd.DataFrame(index=cooperatives.index)
    for index in INDICES:
        goalposts = spec.of(index)
        out[f"indeks_{index}"] = composite(
            indicator_scores(cooperatives, goalposts), goalposts
        )
    out["kuadran"] = quadrant(
        out["indeks_output"], out["indeks_outcome"], spec.batas_kuadran
    )
    return out


def kecamatan_summary(cooperatives: pd.DataFrame, split: float = 0.5) -> pd.DataFrame:
    """Per kecamatan: cooperatives, mean indices, count and share per class, at risk.

    ``cooperatives`` must carry the columns of :func:`compute_indices`.
    """
    grouped = cooperatives.groupby(["kode_kec", "nama_kec"], sort=True, observed=True)
    out = grouped.agg(
        n_koperasi=("koperasi_id", "size"),
        indeks_output=("indeks_output", "mean"),
        indeks_outcome=("indeks_outcome", "mean"),
        berisiko=("berisiko", "sum"),
    )
    kelas = cooperatives["kelas"].astype(str)
    keys = [cooperatives["kode_kec"], cooperatives["nama_kec"]]
    for cls in CLASSES:
        n = (kelas == cls).groupby(keys, sort=True, observed=True).sum()
        out[f"n_{cls}"] = n.reindex(out.index).fillna(0).astype("int64")
        out[f"pangsa_{cls}"] = out[f"n_{cls}"] / out["n_koperasi"]
    out["berisiko"] = out["berisiko"].astype("int64")
    out["kuadran"] = quadrant(out["indeks_output"], out["indeks_outcome"], split)
    return out.reset_index()


# ---------------------------------------------------------------- rank uncertainty


@dataclass
class RankUncertainty:
    """Result of :func:`rank_uncertainty` for one index."""

    index: str
    table: pd.DataFrame  # per kecamatan: ranks, interval, terciles
    draws: np.ndarray  # draws × kecamatan ranks, columns in table order

    @property
    def n_changing_tercile(self) -> int:
        """Kecamatan whose tercile differs from the point estimate in any draw."""
        return int((self.table["pindah_tersil"] > 0).sum())


def _ranks(means: np.ndarray) -> np.ndarray:
    """Rank 1 = highest, per row; ties broken by position (stable, deterministic)."""
    order = np.argsort(-means, axis=-1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(
        ranks,
        order,
        np.arange(1, means.shape[-1] + 1)[None, :].repeat(len(means), 0),
        -1,
    )
    return ranks


def tercile(ranks: np.ndarray, n: int) -> np.ndarray:
    """1 = top third, 3 = bottom third."""
    return np.ceil(3 * ranks / n).astype("int64")


def rank_uncertainty(
    cooperatives: pd.DataFrame,
    spec: IndexSpec,
    mc: MonteCarlo,
    index: str = "outcome",
    max_cells: int = 20_000_000,
) -> RankUncertainty:
    """Median rank and 5th–95th percentile of each kecamatan on ``index``.

    Each draw takes Dirichlet weights with mean the configured weights and
    concentration ``mc.konsentrasi_bobot`` (0 keeps them fixed) and multiplies every
    goalpost end by U(1 − s, 1 + s) with ``s = mc.sebaran_goalpost``. Draws are
    processed in chunks whose working arrays hold at most ``max_cells`` numbers, so
    memory stays bounded at national scale.
    """
    goalposts = spec.of(index)
    names = list(goalposts)
    weights = np.array([goalposts[n].bobot for n in names], dtype="float64")
    lo = np.array([goalposts[n].lo for n in names], dtype="float64")
    hi = np.array([goalposts[n].hi for n in names], dtype="float64")
    left_out = np.array([n in LEFT_OUT_WHEN_MISSING for n in names])

    order = np.argsort(cooperatives["kode_kec"].to_numpy(dtype=str), kind="stable")
    coops = cooperatives.iloc[order]
    raw = _raw(coops, goalposts)
    present = ~(np.isnan(raw) & left_out)  # N×K: indicator counts for this coop
    raw = _clean_raw(raw, lo, hi)
    codes = coops["kode_kec"].to_numpy(dtype=str)
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    kecamatan = codes[starts]
    sizes = np.diff(np.r_[starts, len(codes)])
    n_kec = len(kecamatan)

    rng = np.random.default_rng(mc.seed)
    draws = mc.jumlah_draw
    w_draws = _weight_draws(rng, weights, mc.konsentrasi_bobot, draws)
    spread = mc.sebaran_goalpost
    factors = rng.uniform(1 - spread, 1 + spread, size=(draws, 2, len(names)))
    lo_draws, hi_draws = lo * factors[:, 0], hi * factors[:, 1]

    means = np.empty((draws, n_kec))
    chunk = max(1, max_cells // max(1, raw.shape[0] * 4))
    for start in range(0, draws, chunk):
        sl = slice(start, min(draws, start + chunk))
        means[sl] = _kecamatan_means(
            raw, present, lo_draws[sl], hi_draws[sl], w_draws[sl], starts, sizes
        )
    point = _kecamatan_means(
        raw, present, lo[None], hi[None], (weights / weights.sum())[None], starts, sizes
    )[0]

    ranks = _ranks(means)
    point_rank = _ranks(point[None])[0]
    point_tercile = tercile(point_rank, n_kec)
    moved = (tercile(ranks, n_kec) != point_tercile[None]).mean(axis=0)
    names_kec = coops.groupby("kode_kec", sort=True)["nama_kec"].first()
    table = pd.DataFrame(
        {
            "kode_kec": kecamatan,
            "nama_kec": names_kec.reindex(kecamatan).to_numpy(),
            f"indeks_{index}": point,
            "peringkat": point_rank,
            "peringkat_median": np.median(ranks, axis=0),
            "peringkat_p05": np.percentile(ranks, 5, axis=0, method="nearest"),
            "peringkat_p95": np.percentile(ranks, 95, axis=0, method="nearest"),
            "tersil": point_tercile,
            "pindah_tersil": moved,
        }
    )
    return RankUncertainty(index=index, table=table, draws=ranks)


def _weight_draws(
    rng: np.random.Generator, weights: np.ndarray, concentration: float, draws: int
) -> np.ndarray:
    base = weights / weights.sum()
    out = np.tile(base, (draws, 1))
    if concentration > 0:
        active = base > 0
        out[:, active] = rng.dirichlet(concentration * base[active], size=draws)
    return out


def _kecamatan_means(
    raw: np.ndarray,
    present: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    weights: np.ndarray,
    starts: np.ndarray,
    sizes: np.ndarray,
) -> np.ndarray:
    """Kecamatan mean index for each of D goalpost/weight draws (D×G).

    ``raw`` holds no NaN (see :func:`_clean_raw`): a missing value sits at the end
    of the scale that scores 0. One indicator at a time, in place, so memory is
    D×N rather than D×N×K.
    """
    inverse = 1.0 / (hi - lo)  # D×K
    total = np.zeros((len(lo), raw.shape[0]))
    work = np.empty_like(total)
    for k in range(raw.shape[1]):
        np.subtract(raw[None, :, k], lo[:, k, None], out=work)
        work *= inverse[:, k, None]
        np.clip(work, 0.0, 1.0, out=work)
        work *= weights[:, k, None]
        total += work
    weight = weights @ present.T.astype("float64")  # D×N
    index = np.divide(total, weight, out=np.zeros_like(total), where=weight > 0)
    return np.add.reduceat(index, starts, axis=1) / sizes


def _clean_raw(raw: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Missing values moved to the end of their scale that scores 0, for any draw.

    (A left-out indicator's weight is already zero for that cooperative.)
    """
    bottom = np.where(hi > lo, -np.inf, np.inf)
    return np.where(np.isnan(raw), bottom[None, :], raw)

"""Truth benchmark of the effect estimator (DESIGN §10, issue 15).

Replicates the synthetic sample with a known training effect planted on monthly
participation (``kmp sample-data --efek-pelatihan X``) under different seeds and
estimates it each time, as ``kmp effects`` does. Prints, per case, the coverage of
the 95% interval (target 90–98%), the bias, how often zero is excluded, how often
the pre-trend check fires, and the cross-check's bias. Three cases:

- ``efek 0,05``: a planted effect of 5 points from the month after training;
- ``tanpa efek``: none planted (the interval should contain 0);
- ``waktu ikut tren``: none planted, but the training waves go first to the
  kecamatan whose participation was already rising — what the pre-trend check says;
- ``efek 0,05, 4 kabupaten``: four samples side by side as separate regencies
  (80 kecamatan, 948 cooperatives): the power a larger region gives.

Nothing is asserted (shared, noisy machines)::

    .venv/bin/python benchmarks/bench_effects.py [--reps 100] [--case NAME]
"""

from __future__ import annotations

import argparse
import time
from multiprocessing import Pool

import numpy as np
import pandas as pd

from kmp_analysis.config import Config
from kmp_analysis.effects import adoption, estimate, outcome_panel
from kmp_analysis.sample.kukar import TRAINING_WAVES, load_villages
from kmp_analysis.sample.planted import planted, pooled

#: case: (planted effect, training timing follows the trend, regencies pooled)
CASES = {
    "efek 0,05": (0.05, False, 1),
    "tanpa efek": (0.0, False, 1),
    "waktu ikut tren": (0.0, True, 1),
    "efek 0,05, 4 kabupaten": (0.05, False, 4),
}
_VILLAGES = None


def _follow_the_trend(
    tables: dict[str, pd.DataFrame], places: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Move each kecamatan's training to the wave its participation trend earns:
    the kecamatan rising fastest between the first five months and the next five
    are trained first (the wave months and sizes stay)."""
    lap = tables["laporan_bulanan"].merge(places, on="koperasi_id")
    lap["p"] = lap["anggota_aktif"] / lap["anggota_terdaftar"].where(
        lap["anggota_terdaftar"] > 0
    )
    months = sorted(lap["bulan"].unique())
    early = lap[lap["bulan"].isin(months[:5])].groupby("nama_kec")["p"].mean()
    later = lap[lap["bulan"].isin(months[5:10])].groupby("nama_kec")["p"].mean()
    rising = (later - early).sort_values(ascending=False).index.tolist()
    slots = [w.bulan for w in TRAINING_WAVES for _ in w.kecamatan]
    moved = dict(zip(rising, slots, strict=False))
    where = places[["koperasi_id", "nama_kec"]]
    pel = tables["pelatihan"].merge(where, on="koperasi_id")
    new_month = pel["nama_kec"].map(moved)
    old = pel["tanggal_selesai"]
    shifted = pd.to_datetime(new_month + "-01") + pd.to_timedelta(old.dt.day - 1, "D")
    pel["tanggal_selesai"] = shifted.where(new_month.notna(), old)
    return {**tables, "pelatihan": pel.drop(columns="nama_kec")}


def _one(args: tuple[str, int]) -> dict[str, float]:
    case, seed = args
    effect, follow, regencies = CASES[case]
    samples = [
        (seed * 10 + k, planted(seed * 10 + k, _VILLAGES, efek_pelatihan=effect))
        for k in range(regencies)
    ]
    sample = samples[0][1] if regencies == 1 else pooled(samples)
    tables, places = sample.tables, sample.places
    if follow:
        tables = _follow_the_trend(tables, places)
    panel = outcome_panel(tables["laporan_bulanan"], places)
    first = adoption(tables, "pelatihan")
    found = estimate(panel, first, "partisipasi", "pelatihan", Config().efek)
    if not found.estimated:
        return {"estimated": 0.0}
    lo, hi = found.ci
    cross = (found.cross_check or {}).get("att", np.nan)
    others = {}
    if effect == 0.0 and not follow and regencies == 1:
        # nothing is planted for facilitation and financing either: their
        # intervals should hold zero as often (financing is few and scattered)
        for effort in ("pendampingan", "pembiayaan"):
            other = estimate(
                panel, adoption(tables, effort), "partisipasi", effort, Config().efek
            )
            if other.estimated:
                others[f"zero_{effort}"] = float(other.ci[0] <= 0 <= other.ci[1])
    return {
        **others,
        "estimated": 1.0,
        "att": found.att,
        "covers": float(lo <= effect <= hi),
        "excludes_zero": float(lo > 0 or hi < 0),
        "pre_trend_fires": float(
            found.pre_trend_p is not None and found.pre_trend_p < 0.05
        ),
        "cross": cross,
        "n_treated": found.n_treated,
        "width": hi - lo,
    }


def _init() -> None:
    global _VILLAGES
    _VILLAGES = load_villages()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=10_000, help="first seed")
    parser.add_argument(
        "--case", action="append", choices=list(CASES), help="only these cases"
    )
    options = parser.parse_args()
    with Pool(options.workers, initializer=_init) as pool:
        for case, (effect, _, _) in CASES.items():
            if options.case and case not in options.case:
                continue
            start = time.perf_counter()
            seeds = range(options.seed, options.seed + options.reps)
            rows = pd.DataFrame(pool.map(_one, [(case, s) for s in seeds]))
            done = rows[rows["estimated"] == 1.0]
            seconds = time.perf_counter() - start
            print(
                f"{case}: {len(done)}/{len(rows)} estimated; "
                f"coverage of {effect:.2f} {done['covers'].mean():.1%} "
                "(target 90–98%), "
                f"bias {done['att'].mean() - effect:+.4f} "
                f"(mean {done['att'].mean():.4f}, sd {done['att'].std():.4f}), "
                f"zero excluded {done['excludes_zero'].mean():.1%}, "
                f"pre-trend check fires {done['pre_trend_fires'].mean():.1%}, "
                f"cross-check bias {done['cross'].mean() - effect:+.4f}, "
                f"interval width {done['width'].median():.3f}, "
                f"treated {done['n_treated'].median():.0f} (medians); "
                f"{seconds:.0f} s"
            )
            for column in ("zero_pendampingan", "zero_pembiayaan"):
                if column in done:
                    held = done[column].dropna()
                    print(
                        f"  {column[5:]} (nothing planted): interval holds 0 in "
                        f"{held.mean():.1%} of {len(held)} estimates"
                    )


if __name__ == "__main__":
    main()

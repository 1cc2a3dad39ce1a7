"""Samples with a planted effect, ready for the effect estimator (tests, benchmarks).

:func:`planted` makes the Kukar sample with a known effect of training,
facilitation or financing on participation (``make_sample(efek_*=…)``) and types
the tables the estimator reads as the reader types them (numbers as floats, dates
as timestamps, yes/no as booleans), without writing and re-reading files: a
benchmark replicates it a hundred times. :func:`pooled` lays several such samples
side by side as separate regencies (cooperative and kecamatan codes suffixed with
the seed), a larger synthetic region for tests that need the power to exclude zero.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from kmp_analysis.sample.kukar import load_villages, make_sample

_DATES = {
    "pelatihan": ("tanggal_mulai", "tanggal_selesai"),
    "pendampingan": ("tanggal_mulai", "tanggal_selesai"),
    "pembiayaan": ("tanggal_cair",),
}


@dataclass
class Planted:
    """The typed tables of one planted sample and each cooperative's kecamatan."""

    tables: dict[str, pd.DataFrame]
    places: pd.DataFrame


def planted(
    seed: int,
    villages: pd.DataFrame | None = None,
    **effects: float | None,
) -> Planted:
    """The sample of ``seed`` with ``effects`` planted (``efek_pelatihan=0.05``…).

    Examples
    --------
    >>> sample = planted(3, efek_pelatihan=0.05)
    >>> sample.tables["pelatihan"]["lulus"].dtype, len(sample.places)
    (dtype('bool'), 237)
    """
    villages = load_villages() if villages is None else villages
    raw = make_sample(seed=seed, villages=villages, **effects)
    tables = {name: frame.copy() for name, frame in raw.items()}
    report = tables["laporan_bulanan"]
    for column in report.columns.drop(["koperasi_id", "bulan"]):
        report[column] = pd.to_numeric(report[column]).astype(float)
    for name, columns in _DATES.items():
        for column in columns:
            tables[name][column] = pd.to_datetime(
                tables[name][column].replace({"<NA>": None, "nan": None})
            )
    tables["pelatihan"]["lulus"] = tables["pelatihan"]["lulus"].eq("ya").to_numpy()
    places = raw["koperasi"][["koperasi_id", "kode_desa"]].merge(
        villages[["kode_desa", "kode_kec", "nama_kec"]], on="kode_desa", how="left"
    )
    return Planted(tables, places)


def pooled(samples: Iterable[tuple[int, Planted]]) -> Planted:
    """Several planted samples as one region of separate regencies: every
    cooperative and kecamatan code gets ``-r<seed>``, so none is shared.

    Examples
    --------
    >>> region = pooled((s, planted(s, efek_pelatihan=0.0)) for s in (1, 2))
    >>> len(region.places), region.places["kode_kec"].nunique()
    (474, 40)
    """
    tables: dict[str, list[pd.DataFrame]] = {}
    places = []
    for seed, sample in samples:
        suffix = f"-r{seed}"
        for name, frame in sample.tables.items():
            frame = frame.copy()
            if "koperasi_id" in frame:
                frame["koperasi_id"] = frame["koperasi_id"].astype(str) + suffix
            tables.setdefault(name, []).append(frame)
        place = sample.places.copy()
        place["koperasi_id"] = place["koperasi_id"].astype(str) + suffix
        place["kode_kec"] = place["kode_kec"].astype(str) + suffix
        places.append(place)
    merged = {
        name: pd.concat(frames, ignore_index=True) for name, frames in tables.items()
    }
    return Planted(merged, pd.concat(places, ignore_index=True))

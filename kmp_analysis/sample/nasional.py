"""Synthetic national-size data on a grid (``kmp sample-data --scale nasional``).

:func:`make_national` builds the six input tables of DESIGN §3 plus the village
geography for about 80,000 cooperatives in about 7,000 kecamatan over 24 months
(2024-11 .. 2026-10), so that ``kmp evaluate`` can be benchmarked at national scale
(DESIGN §10). Nothing here is real: the provinces, kabupaten, kecamatan and villages
are numbered in the Kemendagri format (``PP.KK.CC.VVVV``, village part starting with
1 for a kelurahan and 2 for a desa) and laid out as squares on a lon/lat grid over
Indonesia's bounding box; the cooperatives and everything about them are random.

Everything is drawn with whole-array numpy operations (cooperatives × months as one
matrix): there is no Python loop over cooperatives or rows, only over the eight unit
types, two fiscal years, two kinds of meeting and a few redistribution rounds.

The rules follow :mod:`kmp_analysis.sample.kukar`: a latent archetype per cooperative
(dormant, formal-only, active, impactful) drives reporting, trading, units, governance
and loans, so that DESIGN §5 puts each cooperative in the matching class for the
period 2026-10. The mix is the national one (45/30/18/7%), cut from a latent score
with kabupaten and kecamatan effects; it is not forced per kecamatan.

The timeline is stretched to fill the 24 months: musyawarah desa in July–September
2024 and legal entities mostly by October 2024, so that the early months can carry
reports. This is a benchmark scenario, not the real KMP calendar.

The frames are in CSV form, like :func:`kmp_analysis.sample.kukar.make_sample`: text as
``str`` (dates ``YYYY-MM-DD``, months ``YYYY-MM``, ``ya``/``tidak``), numbers as
``Int64`` with ``<NA>`` for an empty optional cell. :func:`write_national` writes them
with ``wilayah.csv``, ``wilayah_kecamatan.geojson`` and ``metadata.json``.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from kmp_analysis.safeio import atomic_path, atomic_write_text
from kmp_analysis.sample._common import (
    ACTIVE,
    BUMDES_TEXT,
    BUMDES_UNITS,
    DORMANT,
    EXTRA_UNIT_ROW_P,
    FORMAL,
    IMPACTFUL,
    NO,
    YES,
    round_k,
    write_metadata,
)
from kmp_analysis.schema import (
    BUMDES_STATUS,
    LEGAL_DOCS,
    LOAN_STATUS,
    MEETING_TYPES,
    ROLES,
    SEXES,
    TABLES,
    TRAINING_TIERS,
    UNIT_STATUS,
    UNITS,
    WILAYAH_KECAMATAN_GEOJSON,
)
from kmp_analysis.schema import WILAYAH_COLUMNS as SCHEMA_WILAYAH

PERIOD_START = "2024-11"
PERIOD_END = "2026-10"
MONTHS: list[str] = [
    str(p) for p in pd.period_range(PERIOD_START, PERIOD_END, freq="M")
]
N_MONTHS = len(MONTHS)
W0 = N_MONTHS - 6  # first month of the window W (2026-05)
R0 = N_MONTHS - 3  # first month of the recent window R (2026-08)
LAST_DAY = np.datetime64("2026-10-31", "D")
_MONTH0 = np.datetime64(PERIOD_START, "M")

#: Columns of ``wilayah.csv`` (one row per village): those the reader needs, the
#: kind of village and a point inside it.
WILAYAH_COLUMNS = (*SCHEMA_WILAYAH[:2], "jenis", *SCHEMA_WILAYAH[2:], "lon", "lat")
#: Bounding box of the kecamatan grid: lon_min, lon_max, lat_min, lat_max.
BBOX = (95.0, 141.0, -11.0, 6.0)
#: The 38 province codes of Kemendagri (Aceh 11 in the west .. Papua 9x in the east).
PROVINCE_CODES = (
    *range(11, 20),
    21,
    *range(31, 37),
    51,
    52,
    53,
    *range(61, 66),
    *range(71, 77),
    81,
    82,
    *range(91, 97),
)

#: National share of each archetype (cut points of the latent score).
TARGET_MIX = (0.45, 0.30, 0.18, 0.07)
#: Sub-types per archetype and their probabilities (rows: archetypes).
_SUBTYPE_P = np.array(
    [
        [0.20, 0.45, 0.35, 0.0],  # dormant: never reported, stale, zero sales
        [0.55, 0.35, 0.10, 0.0],  # formal: sporadic, low participation, no unit
        [0.55, 0.20, 0.15, 0.10],  # active: participation, kemandirian, manfaat, units
        [1.0, 0.0, 0.0, 0.0],  # impactful
    ]
)
NONE_, STALE, ZERO = 0, 1, 2  # dormant sub-types
SPORADIC, LOW_PART, NO_UNIT = 0, 1, 2  # formal sub-types
A_PART, A_KEMANDIRIAN, A_MANFAAT, A_UNITS = 0, 1, 2, 3  # active sub-types

_PLANNED, _RUNNING, _STOPPED = range(3)  # codes into UNIT_STATUS
_U = {name: i for i, name in enumerate(UNITS)}
#: Probability of each document, by archetype (no legal entity: separate row).
_DOC_P = np.array(
    [
        [0.6, 0.55, 0.5, 0.35, 0.75],
        [0.92, 0.9, 0.88, 0.75, 0.93],
        [0.95, 0.95, 0.95, 0.85, 0.97],
        [0.99, 0.99, 1.0, 0.95, 1.0],
    ]
)
_DOC_P_NO_ENTITY = np.array([0.0, 0.0, 0.1, 0.0, 0.5])
_LOAN_P = np.array(
    [
        [0.94, 0.06, 0.0, 0.0],
        [0.75, 0.18, 0.07, 0.0],
        [0.55, 0.2, 0.15, 0.10],
        [0.3, 0.2, 0.2, 0.3],
    ]
)
_PLAFON_MILLIONS = np.array([500, 750, 1000, 1250, 1500, 2000, 2500, 3000])
_BUMDES_NAMES = np.array(
    [
        "Maju Bersama",
        "Sejahtera",
        "Karya Mandiri",
        "Harapan Jaya",
        "Bina Usaha",
        "Mekar Sari",
        "Sinar Harapan",
        "Tunas Mandiri",
        "Berkah Bersama",
        "Makmur Jaya",
        "Lestari",
        "Usaha Bersama",
        "Sumber Rezeki",
        "Cahaya Desa",
        "Mitra Usaha",
        "Sentosa",
    ]
)
_CATATAN = (
    "Data ini sintetis berskala nasional di atas wilayah dan kode buatan pada grid "
    "sintetis, hanya untuk uji kinerja (benchmark), bukan data KMP yang sebenarnya."
)


# --------------------------------------------------------------------------- public


def make_national(
    seed: int = 2025, n_kecamatan: int = 7000, n_koperasi: int = 80000
) -> dict[str, pd.DataFrame]:
    """Six tables + 'wilayah' (village geography), deterministic for a seed (no I/O).

    One cooperative per village, so ``n_koperasi`` villages in ``n_kecamatan``
    kecamatan (3–30 villages each where the mean allows).

    Examples
    --------
    >>> from kmp_analysis.schema import REQUIRED_TABLES
    >>> t = make_national(seed=1, n_kecamatan=5, n_koperasi=40)
    >>> sorted(t) == sorted([*REQUIRED_TABLES, "wilayah"]), len(t["koperasi"])
    (True, 40)
    """
    _check_sizes(n_kecamatan, n_koperasi)
    rngs = np.random.default_rng(seed).spawn(9)
    geo = _geography(rngs[0], n_kecamatan, n_koperasi)
    coop = _cooperatives(rngs[1], geo)
    _activity(rngs[2], coop)
    _units(rngs[3], coop)
    tables = {
        "koperasi": _koperasi_table(rngs[4], coop),
        "unit_usaha": _unit_table(coop),
        "laporan_bulanan": _report_table(rngs[5], coop),
        "rapat": _meeting_table(rngs[6], coop),
        "pengurus": _pengurus_table(rngs[7], coop),
        "bumdes": _bumdes_table(rngs[8], coop),
    }
    tables["wilayah"] = _wilayah_table(geo)
    return tables


def write_national(
    out_dir: str | Path,
    seed: int = 2025,
    n_kecamatan: int = 7000,
    n_koperasi: int = 80000,
) -> dict[str, int]:
    """Write the six CSVs, wilayah.csv, wilayah_kecamatan.geojson and metadata.json.

    Every file is written atomically (temporary name, then rename); metadata.json
    comes last. Returns the row count of every CSV.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = make_national(seed, n_kecamatan, n_koperasi)
    counts: dict[str, int] = {}
    for name, frame in tables.items():
        with atomic_path(out / f"{name}.csv") as tmp:
            if name == "wilayah":
                frame.to_csv(tmp, index=False, lineterminator="\n", float_format="%.5f")
            else:
                frame.to_csv(tmp, index=False, lineterminator="\n")
        counts[name] = len(frame)
    atomic_write_text(
        out / WILAYAH_KECAMATAN_GEOJSON, kecamatan_geojson(seed, n_kecamatan)
    )
    metadata = {
        "skala": "nasional",
        "dibuat_oleh": "kmp sample-data --scale nasional",
        "seed": seed,
        "periode_awal": PERIOD_START,
        "periode_akhir": PERIOD_END,
        "catatan": _CATATAN,
        "tabel": counts,
    }
    write_metadata(out, metadata)
    return counts


def kecamatan_geojson(seed: int = 2025, n_kecamatan: int = 7000) -> str:
    """The kecamatan squares as a GeoJSON FeatureCollection (EPSG:4326), as text.

    Only the layout of the kecamatan is drawn (it does not depend on the number of
    villages), so this is cheap.
    """
    _check_sizes(n_kecamatan, n_kecamatan)
    rng = np.random.default_rng(seed).spawn(9)[0]  # as in make_national
    kec = _kecamatan_layout(rng, n_kecamatan)
    x0, y0, x1, y1 = (_num_text(kec[k]) for k in ("lon0", "lat0", "lon1", "lat1"))
    ring = (
        "[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1 + "],["
        + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]"
    )  # fmt: skip
    features = (
        '{"type":"Feature","properties":{"kode_kec":"'
        + kec["kode_kec"]
        + '","nama_kec":"'
        + kec["nama_kec"]
        + '"},"geometry":{"type":"Polygon","coordinates":['
        + ring
        + "]}}"
    )
    head = (
        '{"type":"FeatureCollection","name":"wilayah_kecamatan","crs":{"type":"name",'
        '"properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[\n'
    )
    return head + ",\n".join(features.tolist()) + "\n]}\n"


# --------------------------------------------------------------------------- geography


def _check_sizes(n_kecamatan: int, n_koperasi: int) -> None:
    if not 1 <= n_kecamatan <= len(PROVINCE_CODES) * 60 * 99:
        raise ValueError(f"n_kecamatan must be 1..{len(PROVINCE_CODES) * 60 * 99}")
    if not n_kecamatan <= n_koperasi <= 1998 * n_kecamatan:
        raise ValueError("n_koperasi must be between n_kecamatan and 1998 × that")


def _allocate(
    rng: np.random.Generator, total: int, weights: np.ndarray, lo: int, hi: int
) -> np.ndarray:
    """Split ``total`` into len(weights) integers in [lo, hi], roughly ∝ weights."""
    k = len(weights)
    sizes = np.full(k, lo, dtype=np.int64)
    room = np.full(k, hi - lo, dtype=np.int64)
    rest = total - lo * k
    while rest > 0:  # a few rounds: what overflowed a cap goes to the others
        p = weights * (room > 0)
        add = np.minimum(rng.multinomial(rest, p / p.sum()), room)
        sizes += add
        room -= add
        rest -= int(add.sum())
    return sizes


def _group_rank(sizes: np.ndarray) -> np.ndarray:
    """0, 1, .. within each consecutive group of the given sizes."""
    starts = np.cumsum(sizes) - sizes
    return np.arange(int(sizes.sum())) - np.repeat(starts, sizes)


def _zfill(values: np.ndarray, width: int) -> np.ndarray:
    return np.char.zfill(values.astype(str), width)


def _kecamatan_layout(rng: np.random.Generator, n_kec: int) -> dict[str, np.ndarray]:
    """Provinces, kabupaten/kota and kecamatan: codes, names and grid squares."""
    n_kab = min(max(1, round(n_kec / 14)), len(PROVINCE_CODES) * 60)
    n_prov = min(len(PROVINCE_CODES), n_kab)
    kab_per_prov = _allocate(rng, n_kab, rng.gamma(3.0, 1.0, n_prov), 1, 60)
    prov_of_kab = np.repeat(np.arange(n_prov), kab_per_prov)
    # the last kabupaten of a province are kota (codes 71..), the others 01..
    n_kota = np.minimum(rng.binomial(kab_per_prov - 1, 0.2), 29)
    rank = _group_rank(kab_per_prov)
    first_kota = np.repeat(kab_per_prov - n_kota, kab_per_prov)
    kota = rank >= first_kota
    kab_code = np.where(kota, 71 + rank - first_kota, 1 + rank)
    weights = rng.gamma(3.0, 1.0, n_kab) * np.where(kota, 0.35, 1.0)
    kec_per_kab = _allocate(rng, n_kec, weights, 1, 99)
    kab_of_kec = np.repeat(np.arange(n_kab), kec_per_kab)
    prov = np.asarray(PROVINCE_CODES)[prov_of_kab[kab_of_kec]]
    kode_kec = np.char.add(
        np.char.add(_zfill(prov, 2), "."),
        np.char.add(
            np.char.add(_zfill(kab_code[kab_of_kec], 2), "."),
            _zfill(1 + _group_rank(kec_per_kab), 2),
        ),
    )
    # grid: columns from west to east, snaking north-south, in code order
    lon_min, lon_max, lat_min, lat_max = BBOX
    width, height = lon_max - lon_min, lat_max - lat_min
    nrows = max(1, math.ceil(math.sqrt(n_kec * height / width)))
    ncols = math.ceil(n_kec / nrows)
    side = round(min(width / ncols, height / nrows), 5)
    cell = np.arange(n_kec)
    col, r = cell // nrows, cell % nrows
    row = np.where(col % 2 == 0, r, nrows - 1 - r)
    # neighbours share their edges exactly: every edge is one rounded grid line
    lon_edge = np.round(lon_min + np.arange(ncols + 1) * side, 5)
    lat_edge = np.round(lat_max - np.arange(nrows + 1) * side, 5)
    return {
        "kode_kec": kode_kec,
        "nama_kec": np.char.add("Kecamatan ", kode_kec),
        "kab": kab_of_kec,
        "kota": kota[kab_of_kec],
        "n_kab": np.asarray(n_kab),
        "lon0": lon_edge[col],
        "lat0": lat_edge[row + 1],
        "lon1": lon_edge[col + 1],
        "lat1": lat_edge[row],
    }


def _geography(
    rng: np.random.Generator, n_kec: int, n_kop: int
) -> dict[str, np.ndarray]:
    """Kecamatan layout plus the villages: codes, names, kind and a point each."""
    kec = _kecamatan_layout(rng, n_kec)
    rng_v = rng.spawn(1)[0]  # villages drawn apart: the layout depends on n_kec only
    mean = n_kop / n_kec
    lo, hi = min(3, n_kop // n_kec), max(30, math.ceil(mean))
    size = _allocate(rng_v, n_kop, rng_v.gamma(2.0, 1.0, n_kec), lo, hi)
    p_kel = np.where(kec["kota"], 0.9, 0.05)
    n_kel = np.clip(rng_v.binomial(size, p_kel), size - 999, 999)
    kec_of = np.repeat(np.arange(n_kec), size)
    rank = _group_rank(size)
    kelurahan = rank < n_kel[kec_of]
    number = np.where(kelurahan, 1001 + rank, 2001 + rank - n_kel[kec_of])
    kode_desa = np.char.add(
        np.char.add(kec["kode_kec"][kec_of], "."), number.astype(str)
    )
    dx, dy = kec["lon1"] - kec["lon0"], kec["lat1"] - kec["lat0"]
    lon = kec["lon0"][kec_of] + dx[kec_of] * rng_v.uniform(0.05, 0.95, n_kop)
    lat = kec["lat0"][kec_of] + dy[kec_of] * rng_v.uniform(0.05, 0.95, n_kop)
    return {
        **{f"kec_{k}": v for k, v in kec.items()},
        "kec": kec_of,
        "kab": kec["kab"][kec_of],
        "kode_desa": kode_desa,
        "kelurahan": kelurahan,
        "nama_desa": np.char.add(np.where(kelurahan, "Kelurahan ", "Desa "), kode_desa),
        "lon": np.round(lon, 5),
        "lat": np.round(lat, 5),
    }


def _wilayah_table(geo: dict[str, np.ndarray]) -> pd.DataFrame:
    kec = geo["kec"]
    return pd.DataFrame(
        {
            "kode_desa": _text(geo["kode_desa"]),
            "nama_desa": _text(geo["nama_desa"]),
            "jenis": _text(np.where(geo["kelurahan"], "kelurahan", "desa")),
            "kode_kec": _text(geo["kec_kode_kec"][kec]),
            "nama_kec": _text(geo["kec_nama_kec"][kec]),
            "lon": geo["lon"],
            "lat": geo["lat"],
        }
    )


# --------------------------------------------------------------------------- helpers


def _text(values: np.ndarray, missing: np.ndarray | None = None) -> pd.Series:
    """A pandas ``str`` column, NaN where ``missing``."""
    series = pd.Series(values, dtype="str")
    if missing is not None and missing.any():
        series = series.mask(missing)
    return series


def _num_text(values: np.ndarray) -> np.ndarray:
    return np.char.mod("%.5f", values)


def _int_col(
    values: np.ndarray, missing: np.ndarray | None = None
) -> pd.arrays.IntegerArray:
    """Nullable Int64 from floats (NaN = empty) or integers."""
    values = np.asarray(values)
    if missing is None:
        missing = (
            np.isnan(values)
            if values.dtype.kind == "f"
            else np.zeros(len(values), bool)
        )
    data = np.where(
        missing, 0, np.round(values) if values.dtype.kind == "f" else values
    )
    return pd.arrays.IntegerArray(data.astype(np.int64), missing.copy())


def _date_text(days: np.ndarray) -> pd.Series:
    """``YYYY-MM-DD`` text, NaN where NaT."""
    return _text(np.datetime_as_string(days, unit="D"), np.isnat(days))


def _month_index(days: np.ndarray) -> np.ndarray:
    """Month of a date as an index into MONTHS (may be < 0 or >= 24)."""
    return (days.astype("datetime64[M]") - _MONTH0).astype(np.int64)


def _month_day(rng: np.random.Generator, month: np.ndarray) -> np.ndarray:
    """A day in the 1st-28th of each month index."""
    first = (_MONTH0 + month.astype(np.int64)).astype("datetime64[D]")
    return first + rng.integers(0, 28, len(month))


def _choice_rows(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One category per row of a (n, k) probability matrix."""
    u = rng.random(len(probs))
    return np.minimum(
        (u[:, None] >= np.cumsum(probs, axis=1)).sum(axis=1), probs.shape[1] - 1
    )


def _pick(arch: np.ndarray, *by_arch: float) -> np.ndarray:
    return np.asarray(by_arch, dtype=float)[arch]


# ------------------------------------------------------------------------- cooperatives


def _cooperatives(rng: np.random.Generator, geo: dict[str, np.ndarray]) -> dict:
    """Archetype, sub-type, access, founding dates per cooperative."""
    n = len(geo["kode_desa"])
    n_kab = int(geo["kec_n_kab"])
    n_kec = len(geo["kec_kode_kec"])
    urban = geo["kelurahan"]
    kab_effect = rng.normal(0.0, 0.5, n_kab)
    kec_effect = rng.normal(0.0, 0.4, n_kec)
    latent = (
        kab_effect[geo["kab"]]
        + kec_effect[geo["kec"]]
        + 0.3 * urban
        + rng.normal(0.0, 0.8, n)
    )
    order = np.argsort(latent, kind="stable")
    arch = np.empty(n, dtype=np.int64)
    bounds = np.round(np.cumsum((0.0, *TARGET_MIX)) * n).astype(int)
    for a in range(4):
        arch[order[bounds[a] : bounds[a + 1]]] = a
    sub = _choice_rows(rng, _SUBTYPE_P[arch])
    access = 1.0 / (1.0 + np.exp(-latent))
    wave1_kab = rng.random(n_kab) < 0.2  # first wave of pengurus training

    # musdes July-September 2024; legal entity mostly by October 2024
    early = rng.random(n) < 0.2
    musdes = np.where(
        early,
        np.datetime64("2024-07-15") + rng.integers(0, 48, n),
        np.datetime64("2024-09-01") + rng.integers(0, 30, n),
    )
    u = rng.random(n)
    start = np.select(
        [u < 0.25, u < 0.85, u < 0.97],
        [musdes, np.datetime64("2024-10-01"), np.datetime64("2024-11-01")],
        np.datetime64("2025-03-01"),
    )
    span = np.select([u < 0.25, u < 0.85, u < 0.97], [15, 31, 120], 270)
    bh = np.maximum(start + rng.integers(0, span), musdes + 3)
    no_entity = rng.random(n) < _pick(arch, 0.08, 0.03, 0.0, 0.0)
    bh = np.where(no_entity, np.datetime64("NaT"), bh)
    earliest = np.where(no_entity, 6, np.clip(_month_index(bh), 0, None))
    return {
        "n": n,
        "geo": geo,
        "id": np.char.add("KMP-", np.char.replace(geo["kode_desa"], ".", "")),
        "arch": arch,
        "sub": sub,
        "urban": urban,
        "access": access,
        "wave1": wave1_kab[geo["kab"]],
        "musdes": musdes.astype("datetime64[D]"),
        "bh": bh.astype("datetime64[D]"),
        "earliest": earliest,
    }


def _activity(rng: np.random.Generator, c: dict) -> None:
    """Reported and trading months (n × 24) and the levels behind the numbers."""
    n, arch, sub, earliest = c["n"], c["arch"], c["sub"], c["earliest"]
    m = np.arange(N_MONTHS)[None, :]
    u = rng.random((n, N_MONTHS))  # reused, each use below on its own mask
    v = rng.random((n, N_MONTHS))
    dormant = arch == DORMANT
    stale = dormant & (sub == STALE)
    zero = dormant & (sub == ZERO)
    sporadic = (arch == FORMAL) & (sub == SPORADIC)
    steady = (arch != DORMANT) & ~sporadic

    # dormant, stale: reports stop by 2026-07 at the latest
    st_start = np.maximum(rng.integers(0, 5, n), earliest)
    st_end = rng.integers(np.maximum(st_start, 8), R0)
    stale_rep = (m >= st_start[:, None]) & (m <= st_end[:, None]) & (u < 0.85)
    stale_rep |= m == st_end[:, None]
    stale_trade = stale_rep & (m <= np.minimum(st_end, 12)[:, None]) & (v < 0.35)
    # dormant, zero: reports go on, without sales in R
    z_start = np.maximum(rng.integers(0, 5, n), earliest)
    z_end = R0 + _choice_rows(rng, np.tile([0.2, 0.3, 0.5], (n, 1)))
    zero_rep = (m >= z_start[:, None]) & (m <= z_end[:, None]) & (u < 0.8)
    zero_rep |= m == z_end[:, None]
    p_trade = np.where(m <= 12, 0.25, np.where(m < R0, 0.1, 0.0))
    zero_trade = zero_rep & (v < p_trade)

    # the others: a gerai opens, reports before W at rate q, sales in W by rule
    lo = _pick(arch, 0, 4, 2, 1).astype(int)
    hi = _pick(arch, 1, 16, 12, 9).astype(int)
    first = np.maximum(rng.integers(lo, hi), earliest)
    start = np.minimum(np.maximum(rng.integers(0, 4, n), earliest), first)
    q = _pick(arch, 0.0, 0.9, 0.95, 0.97)[:, None]
    pre = (m >= start[:, None]) & (m < W0)
    rep = pre & (u < q)
    trade = (
        rep & (m >= first[:, None]) & (v < _pick(arch, 0, 0.35, 0.85, 0.95)[:, None])
    )
    at_first = (m == first[:, None]) & (arch > FORMAL)[:, None] & (first < W0)[:, None]
    rep |= at_first
    trade |= at_first
    win = (m >= W0) & np.ones((n, 1), bool)
    keys = rng.random((n, 6))
    # sporadic formal: 1-3 trading months in W, one of them in R, reports to `end`
    sp_end = R0 + _choice_rows(rng, np.tile([0.15, 0.2, 0.65], (n, 1)))
    sp_k = 1 + _choice_rows(rng, np.tile([0.4, 0.35, 0.25], (n, 1)))
    sp_first = R0 + np.floor(rng.random(n) * (sp_end - R0 + 1)).astype(int)
    wm = np.arange(W0, N_MONTHS)[None, :]
    others = np.where((wm <= sp_end[:, None]) & (wm != sp_first[:, None]), keys, 2.0)
    others_rank = np.argsort(np.argsort(others, axis=1), axis=1)
    chosen = (others_rank < (sp_k - 1)[:, None]) & (others < 2.0)
    chosen |= wm == sp_first[:, None]
    in_end = wm <= sp_end[:, None]
    sp_rep = in_end & (chosen | (u[:, W0:] < 0.6) | (wm == sp_end[:, None]))
    # steady: 4-6 trading months in W; the others missing or reported with zero
    n_off = np.where(
        arch == IMPACTFUL,
        _choice_rows(rng, np.tile([0.75, 0.25, 0.0], (n, 1))),
        _choice_rows(rng, np.tile([0.5, 0.35, 0.15], (n, 1))),
    )
    off = np.argsort(np.argsort(keys, axis=1), axis=1) < n_off[:, None]
    zero_off = off & (arch != IMPACTFUL)[:, None] & (v[:, W0:] < 0.35)

    reported = np.zeros((n, N_MONTHS), bool)
    trading = np.zeros((n, N_MONTHS), bool)
    reported[stale], trading[stale] = stale_rep[stale], stale_trade[stale]
    reported[zero], trading[zero] = zero_rep[zero], zero_trade[zero]
    live = ~dormant
    reported[live], trading[live] = rep[live] & ~win[live], trade[live] & ~win[live]
    reported[sporadic, W0:] = sp_rep[sporadic]
    trading[sporadic, W0:] = chosen[sporadic] & in_end[sporadic]
    reported[steady, W0:] = ~off[steady] | zero_off[steady]
    trading[steady, W0:] = ~off[steady]
    trading &= reported
    c["reported"], c["trading"] = reported, trading
    any_trade = trading.any(axis=1)
    c["first_trade"] = np.where(any_trade, trading.argmax(axis=1), N_MONTHS)
    c["last_report"] = np.where(
        reported.any(axis=1), N_MONTHS - 1 - reported[:, ::-1].argmax(axis=1), -1
    )

    # levels
    scale = _pick(arch, 0.8, 1.0, 1.2, 1.5)
    median = np.where(c["urban"], 220.0, 110.0)
    spread = np.clip(rng.lognormal(0.0, 0.4, n), 0.5, 2.2)
    c["members0"] = np.maximum(25.0, median * scale * spread)
    c["growth"] = _pick(arch, 0.005, 0.015, 0.03, 0.04) * rng.uniform(0.5, 1.5, n)
    c["spend"] = rng.uniform(250_000, 650_000, n)
    c["margin"] = rng.uniform(0.08, 0.15, n)
    r1, r2, r3 = rng.random(n), rng.random(n), rng.random(n)
    formal, active, impactful = arch == FORMAL, arch == ACTIVE, arch == IMPACTFUL

    def between(
        lo: float | np.ndarray, hi: float | np.ndarray, r: np.ndarray
    ) -> np.ndarray:
        return lo + (hi - lo) * r

    c["participation"] = np.select(
        [
            dormant,
            formal & (sub == LOW_PART),
            formal & (sub == NO_UNIT),
            formal,
            active & (sub == A_PART),
            active,
        ],
        [
            between(0.05, 0.2, r1),
            between(0.04, 0.15, r1),
            between(0.22, 0.4, r1),
            between(0.05, 0.3, r1),
            between(0.25, 0.45, r1),
            between(0.25, 0.7, r1),
        ],
        between(0.55, 0.75, r1),
    )
    c["kemandirian"] = np.select(
        [dormant, formal, active & (sub == A_KEMANDIRIAN), active],
        [
            between(0.2, 0.8, r2),
            between(0.3, 1.0, r2),
            between(0.55, 0.88, r2),
            between(0.75, 1.35, r2),
        ],
        between(1.15, 1.5, r2),
    )
    staff_lo = np.select(
        [dormant, formal, active & (sub == A_MANFAAT), active], [0, 0, 1, 2], 6
    )
    staff_hi = np.select(
        [dormant, formal, active & (sub == A_MANFAAT), active], [2, 4, 5, 9], 15
    )
    c["staff"] = np.floor(between(staff_lo, staff_hi, r3)).astype(int)
    r4, r5 = rng.random(n), rng.random(n)
    c["local_share"] = np.select(
        [
            formal & (r4 < 0.2),
            active & (sub != A_MANFAAT) & (r4 < 0.5),
            impactful,
        ],
        [between(0.01, 0.08, r5), between(0.02, 0.2, r5), between(0.05, 0.3, r5)],
        0.0,
    )
    c["extra_omzet"] = np.where(impactful, rng.uniform(10e6, 60e6, n), 0.0)


def _units(rng: np.random.Generator, c: dict) -> None:
    """Status (n × 8, -1 = not listed) and start day of each unit."""
    n, arch, sub = c["n"], c["arch"], c["sub"]
    status = np.full((n, len(UNITS)), -1, dtype=np.int64)
    start = np.full((n, len(UNITS)), np.datetime64("NaT"), dtype="datetime64[D]")
    first = c["first_trade"]
    traded = first < N_MONTHS
    bh = np.where(np.isnat(c["bh"]), np.datetime64("2025-06-01"), c["bh"])
    blocked = ((arch == FORMAL) & (sub == NO_UNIT)) | (
        (arch == ACTIVE) & (sub == A_UNITS)
    )
    # kantor
    k = _U["kantor"]
    listed = (arch == IMPACTFUL) | (rng.random(n) < 0.92)
    runs = listed & ~blocked & (rng.random(n) < _pick(arch, 0.3, 0.7, 0.9, 1.0))
    status[listed, k] = _PLANNED
    status[runs, k] = _RUNNING
    start[runs, k] = np.minimum(bh + rng.integers(10, 120, n), LAST_DAY)[runs]
    # sembako: the gerai behind the reported omzet
    k = _U["sembako"]
    dormant = arch == DORMANT
    stopped = dormant & traded
    planned = (dormant & ~traded & (rng.random(n) < 0.75)) | (
        (arch == FORMAL) & (sub == NO_UNIT)
    )
    runs = ~dormant & ~planned & traded
    days = _month_day(rng, np.minimum(first, N_MONTHS - 2))
    status[planned, k] = _PLANNED
    status[stopped, k] = _STOPPED
    status[runs, k] = _RUNNING
    start[stopped | runs, k] = days[stopped | runs]
    # the other standard units
    for unit, row_p in EXTRA_UNIT_ROW_P.items():
        k = _U[unit]
        listed = rng.random(n) < row_p
        operate_p = _pick(arch, 0.0, 0.1, 0.35, 0.6)
        operate_p[blocked] = 0.0
        if unit in ("klinik", "apotek", "simpan_pinjam"):
            operate_p[(arch == ACTIVE) & (sub == A_MANFAAT)] = 0.0
        runs = listed & (rng.random(n) < operate_p)
        stops = listed & ~runs & (arch <= FORMAL) & (rng.random(n) < 0.1)
        month_run = np.minimum(np.maximum(rng.integers(3, 19, n), c["earliest"]), 22)
        month_stop = np.minimum(np.maximum(rng.integers(1, 9, n), c["earliest"]), 22)
        status[listed, k] = _PLANNED
        status[stops, k] = _STOPPED
        status[runs, k] = _RUNNING
        start[runs, k] = _month_day(rng, month_run)[runs]
        start[stops, k] = _month_day(rng, month_stop)[stops]
    # an impactful cooperative runs at least one unit beyond kantor and sembako
    extra = [_U[u] for u in EXTRA_UNIT_ROW_P]
    need = (arch == IMPACTFUL) & ~(status[:, extra] == _RUNNING).any(axis=1)
    forced = np.array([_U["usaha_lokal"], _U["simpan_pinjam"], _U["apotek"]])
    pick = forced[rng.integers(0, 3, n)]
    rows = np.flatnonzero(need)
    status[rows, pick[rows]] = _RUNNING
    month_forced = np.maximum(rng.integers(2, 13, n), c["earliest"])
    start[rows, pick[rows]] = _month_day(rng, month_forced)[rows]
    c["unit_status"], c["unit_start"] = status, start


# --------------------------------------------------------------------------- tables


def _koperasi_table(rng: np.random.Generator, c: dict) -> pd.DataFrame:
    n, arch = c["n"], c["arch"]
    no_entity = np.isnat(c["bh"])
    probs = np.where(no_entity[:, None], _DOC_P_NO_ENTITY[None, :], _DOC_P[arch])
    docs = rng.random((n, len(LEGAL_DOCS))) < probs
    loan = _choice_rows(rng, _LOAN_P[arch])
    loan[no_entity] = 0
    applied = loan > 0
    docs[applied] = True  # Himbara eligibility: every document before applying
    plafon = _PLAFON_MILLIONS[rng.integers(0, len(_PLAFON_MILLIONS), n)] * 1_000_000
    geo = c["geo"]
    kind = np.where(geo["kelurahan"], "Koperasi Kelurahan", "Koperasi Desa")
    frame = {
        "koperasi_id": _text(c["id"]),
        "nama_koperasi": _text(
            np.char.add(np.char.add(kind, " Merah Putih "), geo["kode_desa"])
        ),
        "kode_desa": _text(geo["kode_desa"]),
        "tanggal_musdes": _date_text(c["musdes"]),
        "tanggal_badan_hukum": _date_text(c["bh"]),
    }
    for j, doc in enumerate(LEGAL_DOCS):
        frame[doc] = _text(np.where(docs[:, j], YES, NO))
    frame["status_pinjaman"] = _text(np.asarray(LOAN_STATUS)[loan])
    frame["plafon_pinjaman"] = _int_col(plafon, ~applied)
    return _conform("koperasi", frame)


def _unit_table(c: dict) -> pd.DataFrame:
    status, start = c["unit_status"], c["unit_start"]
    rows, unit = np.nonzero(status >= 0)  # row-major: by cooperative, then UNITS order
    frame = {
        "koperasi_id": _text(c["id"][rows]),
        "unit": _text(np.asarray(UNITS)[unit]),
        "status": _text(np.asarray(UNIT_STATUS)[status[rows, unit]]),
        "tanggal_mulai": _date_text(start[rows, unit]),
    }
    return _conform("unit_usaha", frame)


def _report_table(rng: np.random.Generator, c: dict) -> pd.DataFrame:
    n, arch = c["n"], c["arch"]
    shape = (n, N_MONTHS)
    rep, trade = c["reported"], c["trading"]
    m = np.arange(N_MONTHS)[None, :]
    win = m >= W0

    growth = rng.poisson((c["members0"] * c["growth"])[:, None], shape)
    terdaftar = (
        np.round(c["members0"])[:, None] + np.cumsum(growth, axis=1) - growth[:, :1]
    )
    terdaftar = terdaftar.astype(float)
    # participation: the drawn rate over the reported months of W
    w_rep = (terdaftar * (rep & win)).sum(axis=1)
    w_trade = (terdaftar * (trade & win)).sum(axis=1)
    factor = np.where(w_trade > 0, w_rep / np.maximum(w_trade, 1.0), 1.0)
    part = c["participation"]
    share = np.where(
        win,
        (part * factor)[:, None],
        (part * rng.uniform(0.6, 1.0, n))[:, None],
    ) * rng.uniform(0.92, 1.08, shape)
    aktif = np.where(
        trade, np.clip(np.round(terdaftar * np.minimum(share, 0.95)), 1, None), 0.0
    )
    aktif = np.minimum(aktif, terdaftar)
    # a new gerai needs about six months to reach its usual sales per member
    ramp = 0.5 + 0.5 * np.clip((m - c["first_trade"][:, None]) / 6.0, 0.0, 1.0)
    omzet = aktif * c["spend"][:, None] * ramp * rng.uniform(0.85, 1.15, shape)
    omzet = round_k(np.where(trade, omzet + c["extra_omzet"][:, None], 0.0))
    # loans of an operating simpan pinjam unit
    k = _U["simpan_pinjam"]
    lends = c["unit_status"][:, k] == _RUNNING
    sp_first = np.where(lends, _month_index(c["unit_start"][:, k]), N_MONTHS)
    lending = m >= sp_first[:, None]
    eligible = (lending & rep & win).any(axis=1)
    # about 3% of them (at least one) in arrears: PAR30 above 5%
    n_arrears = max(1, round(0.03 * int(eligible.sum()))) if eligible.any() else 0
    keys = np.where(eligible, rng.random(n) * np.where(arch == IMPACTFUL, 3.0, 1.0), 9)
    arrears = np.zeros(n, bool)
    arrears[np.argsort(keys, kind="stable")[:n_arrears]] = True
    ceiling = terdaftar[:, -1] * rng.uniform(0.3e6, 1.5e6, n)
    lramp = np.clip((m - sp_first[:, None] + 1) / 6.0, 0.0, 1.0)
    beredar = round_k(ceiling[:, None] * lramp * rng.uniform(0.9, 1.1, shape))
    rate = np.where(
        arrears[:, None], rng.uniform(0.08, 0.25, shape), rng.uniform(0.0, 0.035, shape)
    )
    tunggak = np.minimum(round_k(beredar * rate), beredar)
    interest = np.where(lending & trade, beredar * 0.01, 0.0)  # ~12% a year
    pendapatan = round_k(
        np.where(
            trade, omzet * c["margin"][:, None] * rng.uniform(0.9, 1.1, shape), 0.0
        )
        + interest
    )
    biaya = np.where(
        pendapatan > 0,
        pendapatan / c["kemandirian"][:, None] * rng.uniform(0.92, 1.08, shape),
        rng.uniform(0.3e6, 2.5e6, shape),
    )
    biaya = round_k(biaya)
    wajib = np.array([10_000, 20_000, 25_000, 50_000])[rng.integers(0, 4, n)]
    paid = rng.uniform(0.5, 0.9, n)
    simpanan = round_k(terdaftar * (100_000 + (wajib * paid)[:, None] * (m + 1)))
    staff = np.clip(c["staff"][:, None] + rng.integers(-1, 2, shape), 0, None)
    staff = np.where((arch == IMPACTFUL)[:, None], np.maximum(staff, 5), staff)
    local = round_k(omzet * c["local_share"][:, None] * rng.uniform(0.7, 1.3, shape))
    # small cooperatives leave optional cells empty now and then
    small = (arch <= FORMAL)[:, None]
    blank = small & ~trade & (rng.random(shape) < 0.25)
    no_cost = ((arch == DORMANT) & (rng.random(n) < 0.3))[:, None] & ~trade

    rows, month = np.nonzero(rep)  # row-major: by cooperative, then month

    def col(
        values: np.ndarray, empty: np.ndarray | None = None
    ) -> pd.arrays.IntegerArray:
        picked = values[rows, month]
        return _int_col(picked, None if empty is None else empty[rows, month])

    frame = {
        "koperasi_id": _text(c["id"][rows]),
        "bulan": _text(np.asarray(MONTHS)[month]),
        "anggota_terdaftar": col(terdaftar),
        "anggota_aktif": col(aktif),
        "omzet": col(omzet),
        "pendapatan_usaha": col(pendapatan),
        "biaya_operasional": col(biaya, no_cost),
        "pinjaman_beredar": col(beredar, ~lending),
        "pinjaman_tunggak_30": col(tunggak, ~lending),
        "simpanan_anggota": col(simpanan, blank),
        "tenaga_kerja": col(staff, blank),
        "pembelian_produk_lokal": col(local, blank),
    }
    return _conform("laporan_bulanan", frame)


def _meeting_table(rng: np.random.Generator, c: dict) -> pd.DataFrame:
    n, arch, bh = c["n"], c["arch"], c["bh"]
    has_bh = ~np.isnat(bh)
    coop, day, kind, year = [], [], [], []
    rat = MEETING_TYPES.index("rat")
    # RAT for fiscal years 2024 and 2025: on time (by 30 June), late or not at all
    on_time_p = _pick(arch, 0.1, 0.45, 0.85, 0.95)
    late_p = _pick(arch, 0.15, 0.25, 0.1, 0.05)
    for fiscal in (2024, 2025):
        due = has_bh & (bh <= np.datetime64(f"{fiscal}-12-31"))
        u = rng.random(n)
        on_time = due & (u < on_time_p)
        late = due & ~on_time & (u < on_time_p + late_p)
        held = np.where(
            on_time,
            np.datetime64(f"{fiscal + 1}-02-15") + rng.integers(0, 136, n),
            np.datetime64(f"{fiscal + 1}-07-01") + rng.integers(0, 117, n),
        )
        rows = np.flatnonzero(on_time | late)
        coop.append(rows)
        day.append(held[rows])
        kind.append(np.full(len(rows), rat))
        year.append(np.full(len(rows), fiscal))
    # member and board meetings between the legal entity and the last activity
    first = np.where(has_bh, bh, np.datetime64("2025-01-01", "D"))
    last_month = c["last_report"]
    last = np.where(
        (arch == DORMANT) & (last_month >= 0),
        _month_day(rng, np.maximum(last_month, 0)),
        LAST_DAY,
    )
    span = np.maximum((last - first).astype(np.int64), 1)
    counts = {
        "rapat_anggota": ((0, 0, 1, 2), (2, 2, 3, 4)),
        "rapat_pengurus": ((0, 1, 3, 6), (2, 4, 8, 12)),
    }
    for jenis, (lo, hi) in counts.items():
        k = rng.integers(_pick(arch, *lo).astype(int), _pick(arch, *hi).astype(int))
        rows = np.repeat(np.arange(n), k)
        offset = 1 + np.floor(rng.random(len(rows)) * span[rows]).astype(np.int64)
        coop.append(rows)
        day.append(first[rows] + offset)
        kind.append(np.full(len(rows), MEETING_TYPES.index(jenis)))
        year.append(np.full(len(rows), -1))
    coop_a = np.concatenate(coop)
    day_a = np.concatenate(day).astype("datetime64[D]")
    kind_a = np.concatenate(kind)
    year_a = np.concatenate(year)
    # sort by (koperasi_id, tanggal, jenis as text) and drop repeated keys
    text_rank = np.argsort(np.argsort(np.asarray(MEETING_TYPES)))[kind_a]
    order = np.lexsort((text_rank, day_a.astype(np.int64), coop_a))
    coop_a, day_a, kind_a, year_a = (a[order] for a in (coop_a, day_a, kind_a, year_a))
    same = np.zeros(len(coop_a), bool)
    same[1:] = (
        (coop_a[1:] == coop_a[:-1])
        & (day_a[1:] == day_a[:-1])
        & (kind_a[1:] == kind_a[:-1])
    )
    keep = ~same
    frame = {
        "koperasi_id": _text(c["id"][coop_a[keep]]),
        "tanggal": _date_text(day_a[keep]),
        "jenis": _text(np.asarray(MEETING_TYPES)[kind_a[keep]]),
        "tahun_buku": _int_col(year_a[keep], year_a[keep] < 0),
    }
    return _conform("rapat", frame)


def _pengurus_table(rng: np.random.Generator, c: dict) -> pd.DataFrame:
    n, arch = c["n"], c["arch"]
    n_core = np.array([5, 7, 9])[_choice_rows(rng, np.tile([0.75, 0.2, 0.05], (n, 1)))]
    n_pengawas = 1 + _choice_rows(rng, np.tile([0.55, 0.35, 0.1], (n, 1)))
    incomplete = rng.random(n) < _pick(arch, 0.15, 0.1, 0.06, 0.03)
    kind = _choice_rows(rng, np.tile([0.5, 0.35, 0.15], (n, 1)))  # even, few, none
    n_core = np.where(incomplete & (kind == 0), rng.choice([6, 8], n), n_core)
    n_core = np.where(incomplete & (kind == 1), rng.choice([3, 4], n), n_core)
    n_pengawas = np.where(incomplete & (kind == 2), 0, n_pengawas)
    # a cooperative that never reported has often filed no board either
    unknown = (arch == DORMANT) & (c["last_report"] < 0) & (rng.random(n) < 0.5)
    size = np.where(unknown, 0, n_core + n_pengawas)
    coop = np.repeat(np.arange(n), size)
    pos = _group_rank(size)
    core = n_core[coop]
    role_code = np.where(
        pos < core,
        np.where(
            core >= 5, np.minimum(pos, 5), np.array([0, 3, 4, 1])[np.minimum(pos, 3)]
        ),
        ROLES.index("pengawas"),
    )
    total = len(coop)
    wave1 = c["wave1"][coop]
    base = np.where(
        wave1[:, None],
        np.array([0.25, 0.45, 0.22, 0.08])[None, :],
        np.array([0.6, 0.3, 0.08, 0.02])[None, :],
    )
    tier = _choice_rows(rng, base)
    a = arch[coop]
    up = _pick(a, 0.0, 0.05, 0.25, 0.4)
    down = np.where(a == DORMANT, 0.3, 0.0)
    u = rng.random(total)
    tier = np.where(
        u < up,
        np.minimum(tier + 1, 3),
        np.where(u < up + down, np.maximum(tier - 1, 0), tier),
    )
    female_p = np.array([0.15, 0.25, 0.3, 0.55, 0.6, 0.35, 0.2])[role_code]
    sex = np.where(rng.random(total) < female_p, SEXES[1], SEXES[0])
    max_size = int(size.max()) if total else 0
    ids = np.char.add("P", _zfill(np.arange(1, max_size + 1), 2))
    frame = {
        "koperasi_id": _text(c["id"][coop]),
        "id_orang": _text(ids[pos]),
        "peran": _text(np.asarray(ROLES)[role_code]),
        "jenis_kelamin": _text(sex),
        "jenjang_pelatihan": _text(np.asarray(TRAINING_TIERS)[tier]),
    }
    return _conform("pengurus", frame)


def _bumdes_table(rng: np.random.Generator, c: dict) -> pd.DataFrame:
    n, arch = c["n"], c["arch"]
    has = ~c["urban"] & (rng.random(n) < 0.6)  # desa only
    rows = np.flatnonzero(has)
    nb = len(rows)
    active = rng.random(nb) < 0.5 + 0.25 * c["access"][rows]
    n_items = np.where(active, rng.integers(1, 4, nb), rng.integers(0, 3, nb))
    pool = np.asarray([*BUMDES_UNITS, *BUMDES_TEXT])
    weights = np.array([0.5] * len(BUMDES_UNITS) + [1.0] * len(BUMDES_TEXT))
    # weighted sampling without replacement: the top keys of log(w) + Gumbel noise
    keys = np.log(weights)[None, :] + rng.gumbel(size=(nb, len(pool)))
    top = np.argsort(-keys, axis=1)[:, :3]
    items = np.where(np.arange(3)[None, :] < n_items[:, None], top, -1)
    # overlap: an active BUMDes also runs a unit that its KMP operates
    candidates = np.array([_U["sembako"], _U["simpan_pinjam"], _U["usaha_lokal"]])
    running = c["unit_status"][rows][:, candidates] == _RUNNING
    pick_keys = np.where(running, rng.random((nb, 3)), -1.0)
    overlap = np.array([0, 1, 2])[pick_keys.argmax(axis=1)]  # pool index = same order
    add = active & running.any(axis=1) & (rng.random(nb) < 0.35)
    add &= ~(items == overlap[:, None]).any(axis=1)
    items = np.concatenate([np.where(add, overlap, -1)[:, None], items], axis=1)
    text = np.full(nb, "", dtype="U120")
    for j in range(items.shape[1]):
        name = pool[np.maximum(items[:, j], 0)]
        piece = np.where(text == "", name, np.char.add(";", name))
        text = np.where(items[:, j] >= 0, np.char.add(text, piece), text)
    link_p = _pick(arch[rows], 0.08, 0.2, 0.45, 0.5)
    frame = {
        "kode_desa": _text(c["geo"]["kode_desa"][rows]),
        "nama_bumdes": _text(
            np.char.add(
                "BUMDes ", _BUMDES_NAMES[rng.integers(0, len(_BUMDES_NAMES), nb)]
            )
        ),
        "status": _text(np.where(active, BUMDES_STATUS[0], BUMDES_STATUS[1])),
        "unit_usaha": _text(text, text == ""),
        "kerja_sama_kmp": _text(np.where(rng.random(nb) < link_p, YES, NO)),
    }
    return _conform("bumdes", frame)


def _conform(name: str, columns: dict) -> pd.DataFrame:
    """A frame with the schema's columns in order (rows are built in key order)."""
    frame = pd.DataFrame(columns)
    assert list(frame.columns) == TABLES[name].column_names, name
    return frame

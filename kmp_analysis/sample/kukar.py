"""Synthetic activity data over the real villages of Kukar (``kmp sample-data``).

:func:`make_sample` builds the six input tables of DESIGN §3 for one cooperative per
village. The villages, their codes and their places are real; everything about the
cooperatives is invented. Each cooperative first draws a latent *archetype*
(dormant, formal-only, active, impactful) with a probability that rises with access
to Tenggarong and the main roads; the tables are then generated so that the rules of
DESIGN §5 put the cooperative in the matching class for the period 2026-10.

The frames are in the form they take in a CSV file: dates ``YYYY-MM-DD``, months
``YYYY-MM`` and yes/no as ``ya``/``tidak`` (text), numbers and money as nullable
integers (``Int64``), missing optional values as ``<NA>``. :func:`write_sample` writes
them, plus ``metadata.json`` marking the data synthetic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from kmp_analysis import paths
from kmp_analysis.safeio import atomic_write_text
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
)

PERIOD_START = "2025-08"
PERIOD_END = "2026-10"
MONTHS: list[str] = [
    str(p) for p in pd.period_range(PERIOD_START, PERIOD_END, freq="M")
]
N_MONTHS = len(MONTHS)
#: Month indices of the window W (last 6 months) and the recent window R (last 3).
WINDOW = range(N_MONTHS - 6, N_MONTHS)
RECENT = range(N_MONTHS - 3, N_MONTHS)
LAST_DAY = date(2026, 10, 31)

#: Target share of each archetype over the regency.
TARGET_MIX = (0.35, 0.30, 0.25, 0.10)

#: Access of each kecamatan to Tenggarong and the main roads (0 remote .. 1 central).
KECAMATAN_ACCESS: dict[str, float] = {
    "Tenggarong": 1.0,
    "Tenggarong Seberang": 0.9,
    "Loa Kulu": 0.85,
    "Loa Janan": 0.85,
    "Samboja": 0.8,
    "Samboja Barat": 0.75,
    "Muara Jawa": 0.8,
    "Sanga Sanga": 0.8,
    "Muara Badak": 0.8,
    "Anggana": 0.75,
    "Marang Kayu": 0.7,
    "Sebulu": 0.55,
    "Kota Bangun": 0.5,
    "Kota Bangun Darat": 0.5,
    "Muara Kaman": 0.45,
    "Muara Muntai": 0.3,
    "Kenohan": 0.25,
    "Muara Wis": 0.25,
    "Kembang Janggut": 0.25,
    "Tabang": 0.1,
}
TENGGARONG_LONLAT = (116.99, -0.42)
_SLOPE, _NOISE = 2.2, 0.8  # latent archetype score: access slope and noise
#: Kecamatan covered by the first pengurus training (13 Nov 2025).
TRAINING_WAVE_1 = frozenset(
    {"Tenggarong", "Tenggarong Seberang", "Loa Kulu", "Sebulu", "Loa Janan"}
)

_PLANNED, _RUNNING, _STOPPED = UNIT_STATUS
_RAT, _MEMBER_MEETING, _BOARD_MEETING = MEETING_TYPES
_BUMDES_ACTIVE, _BUMDES_INACTIVE = BUMDES_STATUS
_NO_LOAN = LOAN_STATUS[0]
_BUMDES_NAMES = (
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
    "Bumi Etam",
    "Mahakam Jaya",
    "Sumber Rezeki",
    "Cahaya Desa",
)
# --------------------------------------------------------------------------- public


def make_sample(
    seed: int = 2025, villages: pd.DataFrame | None = None
) -> dict[str, pd.DataFrame]:
    """Six tables keyed by table name, deterministic for a seed (pure, no I/O).

    ``villages`` defaults to the 237 villages of ``data/reference`` (read from disk
    only in that case); it needs kode_desa, nama_desa, jenis, nama_kec, lon and lat.

    Examples
    --------
    >>> tables = make_sample(seed=1)
    >>> sorted(tables) == sorted(TABLES)
    True
    """
    if villages is None:
        villages = load_villages()
    villages = (
        villages.sort_values("kode_desa", kind="stable").reset_index(drop=True).copy()
    )
    rngs = np.random.default_rng(seed).spawn(7)
    access = village_access(villages)
    archetype = _assign_archetypes(rngs[0], villages, access)
    plans = _plan_cooperatives(rngs[1], villages, archetype)
    _choose_arrears(rngs[2], plans)
    tables = {
        "koperasi": _koperasi_table(plans),
        "unit_usaha": _unit_table(plans),
        "laporan_bulanan": _report_table(rngs[3], plans),
        "rapat": _meeting_table(rngs[4], plans),
        "pengurus": _pengurus_table(rngs[5], plans),
        "bumdes": _bumdes_table(rngs[6], plans, access),
    }
    return {name: _conform(name, frame) for name, frame in tables.items()}


def write_sample(out_dir: str | Path, seed: int = 2025) -> dict[str, int]:
    """Write the six CSVs + metadata.json into out_dir; return row counts per table."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = make_sample(seed)
    counts: dict[str, int] = {}
    for name, frame in tables.items():
        text = frame.to_csv(index=False, lineterminator="\n")
        atomic_write_text(out / f"{name}.csv", text)
        counts[name] = len(frame)
    metadata = {
        "dibuat_oleh": "kmp sample-data",
        "seed": seed,
        "periode_awal": PERIOD_START,
        "periode_akhir": PERIOD_END,
        "catatan": (
            "Data ini sintetis (dibuat acak) di atas kode desa/kelurahan yang nyata "
            "di Kutai Kartanegara, bukan data KMP yang sebenarnya."
        ),
        "tabel": counts,
    }
    write_metadata(out, metadata)
    return counts


def load_villages() -> pd.DataFrame:
    """The reference villages (codes as text, lon/lat as floats)."""
    path = paths.VILLAGES_CSV
    text_cols = ("kode_desa", "kode_desa_compact", "kode_kec", "kode_kab")
    frame = pd.read_csv(path, dtype=dict.fromkeys(text_cols, str))
    return frame


def village_access(villages: pd.DataFrame) -> np.ndarray:
    """Access score per village (0..1): kecamatan access, distance, urban status."""
    kec = villages["nama_kec"].map(KECAMATAN_ACCESS).fillna(0.5).to_numpy(float)
    lon = pd.to_numeric(villages["lon"]).to_numpy(float)
    lat = pd.to_numeric(villages["lat"]).to_numpy(float)
    dist = np.hypot(lon - TENGGARONG_LONLAT[0], lat - TENGGARONG_LONLAT[1])
    near = np.exp(-dist / 0.5)
    urban = (villages["jenis"] == "kelurahan").to_numpy(float)
    return np.clip(0.75 * kec + 0.2 * near + 0.05 * urban, 0.0, 1.0)


# --------------------------------------------------------------------------- archetypes


def _assign_archetypes(
    rng: np.random.Generator, villages: pd.DataFrame, access: np.ndarray
) -> np.ndarray:
    """Archetype per village: an ordered latent score cut at the target mix.

    Every kecamatan of 9+ villages then gets all four archetypes (smaller ones at
    least three) by moving the village nearest to the missing band, and the regency
    totals are brought back to the target mix without emptying any kecamatan's class.
    """
    n = len(villages)
    urban = (villages["jenis"] == "kelurahan").to_numpy(float)
    latent = _SLOPE * access + 0.25 * urban + rng.normal(0.0, _NOISE, n)
    cuts = np.quantile(latent, np.cumsum(TARGET_MIX)[:-1])
    arch = np.searchsorted(cuts, latent, side="right")
    kec = villages["nama_kec"].to_numpy()
    for name in sorted(set(kec)):
        members = np.flatnonzero(kec == name)
        need = 4 if len(members) >= 9 else min(3, len(members))
        while len(set(arch[members])) < need:
            present = set(arch[members].tolist())
            missing = [c for c in range(4) if c not in present]
            # the missing class nearest to one already present
            target = min(missing, key=lambda c: min(abs(c - p) for p in present))
            counts = np.bincount(arch[members], minlength=4)
            donors = [m for m in members if counts[arch[m]] >= 2]
            if not donors:
                break
            donor = min(
                donors,
                key=lambda m: (
                    abs(int(arch[m]) - target),
                    -latent[m] if target > arch[m] else latent[m],
                ),
            )
            arch[donor] = target
    _rebalance(arch, latent, kec)
    return arch


def _rebalance(arch: np.ndarray, latent: np.ndarray, kec: np.ndarray) -> None:
    """Move villages one class down (then up) until the totals match TARGET_MIX.

    A village only moves where its kecamatan keeps another one of its class.
    """
    n = len(arch)
    exact = np.asarray(TARGET_MIX) * n
    target = np.floor(exact).astype(int)
    for c in np.argsort(target - exact)[: n - target.sum()]:
        target[c] += 1  # largest remainder

    def move(c: int, step: int) -> bool:
        same = arch == c
        candidates = [
            i for i in np.flatnonzero(same) if np.sum(same & (kec == kec[i])) >= 2
        ]
        if not candidates:
            return False
        pick = min(candidates, key=lambda i: latent[i] * step)
        arch[pick] = c + step
        return True

    for c in (3, 2, 1):
        while np.sum(arch == c) > target[c] and move(c, -1):
            pass
    for c in (0, 1, 2):
        while np.sum(arch == c) > target[c] and move(c, +1):
            pass


# --------------------------------------------------------------------------- plans


@dataclass
class _Unit:
    status: str
    start: date | None = None


@dataclass
class _Plan:
    """Everything drawn for one cooperative before the tables are written."""

    kode_desa: str
    nama_desa: str
    jenis: str
    nama_kec: str
    archetype: int
    subtype: str
    koperasi_id: str = ""
    musdes: date | None = None
    badan_hukum: date | None = None
    docs: dict[str, bool] = field(default_factory=dict)
    loan_status: str = _NO_LOAN
    plafon: int | None = None
    units: dict[str, _Unit] = field(default_factory=dict)
    reported: np.ndarray = field(default_factory=lambda: np.zeros(N_MONTHS, bool))
    trading: np.ndarray = field(default_factory=lambda: np.zeros(N_MONTHS, bool))
    participation: float = 0.0
    kemandirian: float = 0.5
    members0: float = 50.0
    growth: float = 0.01
    spend: float = 300_000.0
    extra_omzet: float = 0.0
    margin: float = 0.1
    staff: int = 0
    local_share: float = 0.0
    arrears: bool = False
    first_trade: int = N_MONTHS

    def running(self, unit: str) -> bool:
        """True where the unit is listed with status beroperasi."""
        return unit in self.units and self.units[unit].status == _RUNNING


def _plan_cooperatives(
    rng: np.random.Generator, villages: pd.DataFrame, archetype: np.ndarray
) -> list[_Plan]:
    plans: list[_Plan] = []
    n = len(villages)
    musdes = _musdes_dates(rng, n)
    for i, row in enumerate(villages.itertuples(index=False)):
        arch = int(archetype[i])
        plan = _Plan(
            kode_desa=str(row.kode_desa),
            nama_desa=str(row.nama_desa),
            jenis=str(row.jenis),
            nama_kec=str(row.nama_kec),
            archetype=arch,
            subtype=_subtype(rng, arch),
        )
        plan.koperasi_id = "KMP-" + plan.kode_desa.replace(".", "")
        plan.musdes = musdes[i]
        plan.badan_hukum = _badan_hukum(rng, plan)
        _draw_activity(rng, plan)
        _draw_units(rng, plan)
        _draw_legal(rng, plan)
        plans.append(plan)
    return plans


def _subtype(rng: np.random.Generator, arch: int) -> str:
    options = {
        DORMANT: (("none", "stale", "zero"), (0.25, 0.40, 0.35)),
        FORMAL: (("sporadic", "low_participation", "no_unit"), (0.55, 0.35, 0.10)),
        ACTIVE: (
            ("participation", "kemandirian", "manfaat", "units"),
            (0.55, 0.20, 0.15, 0.10),
        ),
        IMPACTFUL: (("full",), (1.0,)),
    }[arch]
    return str(rng.choice(options[0], p=options[1]))


def _musdes_dates(rng: np.random.Generator, n: int) -> list[date]:
    """Musdes: about 44 by 24 May 2025, every village by 29 May 2025."""
    early = rng.random(n) < 44 / 237
    days = np.where(
        early,
        rng.integers(0, 41, n),  # 14 Apr .. 24 May
        rng.integers(41, 46, n),  # 25 .. 29 May
    )
    return [date(2025, 4, 14) + timedelta(days=int(d)) for d in days]


def _badan_hukum(rng: np.random.Generator, plan: _Plan) -> date | None:
    empty_p = {DORMANT: 0.08, FORMAL: 0.03, ACTIVE: 0.0, IMPACTFUL: 0.0}[plan.archetype]
    if rng.random() < empty_p:
        return None
    u = rng.random()
    if u < 0.25:
        start, span = date(2025, 5, 28), 15  # by the 10-11 June evaluation
    elif u < 0.85:
        start, span = date(2025, 6, 12), 19
    elif u < 0.97:
        start, span = date(2025, 7, 1), 92
    else:
        start, span = date(2025, 10, 1), 80
    day = start + timedelta(days=int(rng.integers(0, span)))
    musdes = plan.musdes or day
    return max(day, musdes + timedelta(days=3))


def _draw_activity(rng: np.random.Generator, plan: _Plan) -> None:
    """Which months are reported and traded, and the levels behind the numbers."""
    arch, sub = plan.archetype, plan.subtype
    reported = np.zeros(N_MONTHS, bool)
    trading = np.zeros(N_MONTHS, bool)
    w0, r0 = WINDOW[0], RECENT[0]
    urban = plan.jenis == "kelurahan"
    # nothing is reported before the legal entity exists
    bh = plan.badan_hukum
    earliest = max(0, _month_index(bh)) if bh is not None else 2

    if arch == DORMANT:
        if sub == "stale":
            start = max(int(rng.integers(0, 6)), earliest)
            end = int(rng.integers(max(start, 3), r0))  # latest report <= 2026-07
            reported[start : end + 1] = rng.random(end + 1 - start) < 0.7
            reported[end] = True
            early = np.arange(N_MONTHS) <= min(end, 8)
            trading = reported & early & (rng.random(N_MONTHS) < 0.35)
        elif sub == "zero":
            start = max(int(rng.integers(0, 7)), earliest)
            end = int(rng.choice([r0, r0 + 1, r0 + 2], p=[0.2, 0.3, 0.5]))
            reported[start : end + 1] = rng.random(end + 1 - start) < 0.6
            reported[end] = True
            months = np.arange(N_MONTHS)
            p_trade = np.where(months <= 8, 0.25, np.where(months < r0, 0.1, 0.0))
            trading = reported & (rng.random(N_MONTHS) < p_trade)
    else:
        # gerai opened slowly: only a handful traded in late 2025
        lo, hi = {FORMAL: (5, 12), ACTIVE: (4, 9), IMPACTFUL: (2, 8)}[arch]
        first_trade = max(int(rng.integers(lo, hi)), earliest)
        start = min(max(int(rng.integers(0, 7)), earliest), first_trade)
        q = {FORMAL: 0.7, ACTIVE: 0.8, IMPACTFUL: 0.9}[arch]
        months = np.arange(N_MONTHS)
        reported[start:w0] = rng.random(w0 - start) < q
        p_trade = {FORMAL: 0.35, ACTIVE: 0.85, IMPACTFUL: 0.95}[arch]
        trading = (
            reported
            & (months < w0)
            & (months >= first_trade)
            & (rng.random(N_MONTHS) < p_trade)
        )
        if arch != FORMAL:
            trading[first_trade] = reported[first_trade] = True
        if arch == FORMAL and sub == "sporadic":
            end = int(rng.choice([r0, r0 + 1, r0 + 2], p=[0.15, 0.2, 0.65]))
            k = int(rng.choice([1, 2, 3], p=[0.4, 0.35, 0.25]))
            first = int(rng.integers(r0, end + 1))
            others = [m for m in range(w0, end + 1) if m != first]
            chosen = [
                first,
                *rng.choice(others, size=min(k - 1, len(others)), replace=False),
            ]
            trading[chosen] = True
            for m in range(w0, end + 1):
                reported[m] = m in chosen or rng.random() < 0.6
            reported[end] = True
        else:
            # 4-6 trading months in W; the others missing or reported with zero
            if arch == IMPACTFUL:
                n_off = int(rng.choice([0, 1], p=[0.75, 0.25]))
            else:
                n_off = int(rng.choice([0, 1, 2], p=[0.5, 0.35, 0.15]))
            off = set(rng.choice(list(WINDOW), size=n_off, replace=False).tolist())
            for m in WINDOW:
                if m in off:
                    zero = arch != IMPACTFUL and rng.random() < 0.35
                    reported[m] = zero
                else:
                    reported[m] = trading[m] = True

    plan.reported, plan.trading = reported, trading & reported
    traded = np.flatnonzero(plan.trading)
    plan.first_trade = int(traded[0]) if len(traded) else N_MONTHS

    # levels
    scale = {DORMANT: 0.8, FORMAL: 1.0, ACTIVE: 1.2, IMPACTFUL: 1.5}[arch]
    median = 220.0 if urban else 110.0
    spread = float(np.clip(rng.lognormal(0.0, 0.4), 0.5, 2.2))
    plan.members0 = max(25.0, median * scale * spread)
    plan.growth = {DORMANT: 0.005, FORMAL: 0.015, ACTIVE: 0.03, IMPACTFUL: 0.04}[
        arch
    ] * float(rng.uniform(0.5, 1.5))
    plan.spend = float(rng.uniform(250_000, 650_000))
    plan.margin = float(rng.uniform(0.08, 0.15))
    if arch == DORMANT:
        plan.participation = float(rng.uniform(0.05, 0.2))
        plan.kemandirian = float(rng.uniform(0.2, 0.8))
        plan.staff = int(rng.integers(0, 2))
    elif arch == FORMAL:
        if sub == "low_participation":
            plan.participation = float(rng.uniform(0.04, 0.15))
        elif sub == "no_unit":
            plan.participation = float(rng.uniform(0.22, 0.4))
        else:
            plan.participation = float(rng.uniform(0.05, 0.3))
        plan.kemandirian = float(rng.uniform(0.3, 1.0))
        plan.staff = int(rng.integers(0, 4))
        plan.local_share = float(rng.uniform(0.01, 0.08)) if rng.random() < 0.2 else 0
    elif arch == ACTIVE:
        if sub == "participation":
            plan.participation = float(rng.uniform(0.25, 0.45))
        else:
            plan.participation = float(rng.uniform(0.25, 0.7))
        if sub == "kemandirian":
            plan.kemandirian = float(rng.uniform(0.55, 0.88))
        else:
            plan.kemandirian = float(rng.uniform(0.75, 1.35))
        if sub == "manfaat":
            plan.staff = int(rng.integers(1, 5))
        else:
            plan.staff = int(rng.integers(2, 9))
            if rng.random() < 0.5:
                plan.local_share = float(rng.uniform(0.02, 0.2))
    else:
        plan.participation = float(rng.uniform(0.55, 0.75))
        plan.kemandirian = float(rng.uniform(1.15, 1.5))
        plan.staff = int(rng.integers(6, 15))
        plan.local_share = float(rng.uniform(0.05, 0.3))
        plan.extra_omzet = float(rng.uniform(10e6, 60e6))


def _month_date(rng: np.random.Generator, month: int) -> date:
    first = date(2025 + (7 + month) // 12, (7 + month) % 12 + 1, 1)
    return first + timedelta(days=int(rng.integers(0, 28)))


def _month_index(day: date) -> int:
    return (day.year - 2025) * 12 + day.month - 8


def _draw_units(rng: np.random.Generator, plan: _Plan) -> None:
    """Units and their status, coherent with the archetype and the trading months."""
    arch, sub = plan.archetype, plan.subtype
    units: dict[str, _Unit] = {}
    traded = np.flatnonzero(plan.trading)
    first_trade = int(traded[0]) if len(traded) else None
    bh = plan.badan_hukum or date(2025, 9, 1)

    def running_since(earliest: int, latest: int) -> date:
        return _month_date(rng, int(rng.integers(earliest, max(earliest, latest) + 1)))

    # kantor
    has_kantor = arch == IMPACTFUL or rng.random() < 0.92
    if has_kantor:
        operate_p = {DORMANT: 0.3, FORMAL: 0.7, ACTIVE: 0.9, IMPACTFUL: 1.0}[arch]
        blocked = (arch == FORMAL and sub == "no_unit") or (
            arch == ACTIVE and sub == "units"
        )
        if not blocked and rng.random() < operate_p:
            start = min(bh + timedelta(days=int(rng.integers(10, 120))), LAST_DAY)
            units["kantor"] = _Unit(_RUNNING, start)
        else:
            units["kantor"] = _Unit(_PLANNED)
    # sembako: the gerai behind the reported omzet
    if arch == DORMANT:
        if first_trade is not None:
            units["sembako"] = _Unit(_STOPPED, _month_date(rng, first_trade))
        elif rng.random() < 0.75:
            units["sembako"] = _Unit(_PLANNED)
    elif arch == FORMAL and sub == "no_unit":
        units["sembako"] = _Unit(_PLANNED)
    elif first_trade is not None:
        # opened in the month of the first sales, or by September 2026 at the latest
        opened = min(first_trade, N_MONTHS - 2)
        units["sembako"] = _Unit(_RUNNING, _month_date(rng, opened))
    # the other standard units
    for unit, row_p in EXTRA_UNIT_ROW_P.items():
        if rng.random() >= row_p:
            continue
        operate_p = {DORMANT: 0.0, FORMAL: 0.1, ACTIVE: 0.35, IMPACTFUL: 0.6}[arch]
        if (arch == FORMAL and sub == "no_unit") or (arch == ACTIVE and sub == "units"):
            operate_p = 0.0
        if arch == ACTIVE and sub == "manfaat" and unit in ("klinik", "apotek"):
            operate_p = 0.0
        if arch == ACTIVE and sub == "manfaat" and unit == "simpan_pinjam":
            operate_p = 0.0
        if rng.random() < operate_p:
            units[unit] = _Unit(_RUNNING, running_since(2, 11))
        elif arch in (DORMANT, FORMAL) and rng.random() < 0.1:
            units[unit] = _Unit(_STOPPED, running_since(1, 6))
        else:
            units[unit] = _Unit(_PLANNED)
    if arch == IMPACTFUL:
        extra = [
            u for u in EXTRA_UNIT_ROW_P if u in units and units[u].status == _RUNNING
        ]
        if not extra:
            unit = str(rng.choice(["usaha_lokal", "simpan_pinjam", "apotek"]))
            units[unit] = _Unit(_RUNNING, running_since(2, 8))
    plan.units = {u: units[u] for u in UNITS if u in units}


def _draw_legal(rng: np.random.Generator, plan: _Plan) -> None:
    arch = plan.archetype
    if plan.badan_hukum is None:
        probs = (0.0, 0.0, 0.1, 0.0, 0.5)
    else:
        probs = {
            DORMANT: (0.6, 0.55, 0.5, 0.35, 0.75),
            FORMAL: (0.92, 0.9, 0.88, 0.75, 0.93),
            ACTIVE: (0.95, 0.95, 0.95, 0.85, 0.97),
            IMPACTFUL: (0.99, 0.99, 1.0, 0.95, 1.0),
        }[arch]
    plan.docs = {
        doc: bool(rng.random() < p) for doc, p in zip(LEGAL_DOCS, probs, strict=True)
    }
    loan_p = {
        DORMANT: (0.94, 0.06, 0.0, 0.0),
        FORMAL: (0.75, 0.18, 0.07, 0.0),
        ACTIVE: (0.55, 0.2, 0.15, 0.10),
        IMPACTFUL: (0.3, 0.2, 0.2, 0.3),
    }[arch]
    status = str(rng.choice(LOAN_STATUS, p=loan_p))
    if plan.badan_hukum is None:
        status = _NO_LOAN
    plan.loan_status = status
    if status != _NO_LOAN:
        # Himbara eligibility: every document in place before applying
        plan.docs = dict.fromkeys(LEGAL_DOCS, True)
        millions = rng.choice([500, 750, 1000, 1250, 1500, 2000, 2500, 3000])
        plan.plafon = int(millions) * 1_000_000


def _choose_arrears(rng: np.random.Generator, plans: list[_Plan]) -> None:
    """About 5-10 lending cooperatives with PAR30 above 5% in the window."""
    eligible, weights = [], []
    for i, plan in enumerate(plans):
        unit = plan.units.get("simpan_pinjam")
        if unit is None or unit.status != _RUNNING or unit.start is None:
            continue
        first = _month_index(unit.start)
        if not any(plan.reported[m] and m >= first for m in WINDOW):
            continue
        eligible.append(i)
        weights.append(0.3 if plan.archetype == IMPACTFUL else 1.0)
    if not eligible:
        return
    k = min(len(eligible), int(rng.integers(6, 10)))
    w = np.asarray(weights) / np.sum(weights)
    for i in rng.choice(eligible, size=k, replace=False, p=w):
        plans[int(i)].arrears = True


# --------------------------------------------------------------------------- tables


def _fmt(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _koperasi_table(plans: list[_Plan]) -> pd.DataFrame:
    rows = []
    for p in plans:
        kind = "Kelurahan" if p.jenis == "kelurahan" else "Desa"
        rows.append(
            {
                "koperasi_id": p.koperasi_id,
                "nama_koperasi": f"Koperasi {kind} Merah Putih {p.nama_desa}",
                "kode_desa": p.kode_desa,
                "tanggal_musdes": _fmt(p.musdes),
                "tanggal_badan_hukum": _fmt(p.badan_hukum),
                **{d: YES if p.docs[d] else NO for d in LEGAL_DOCS},
                "status_pinjaman": p.loan_status,
                "plafon_pinjaman": p.plafon,
            }
        )
    return pd.DataFrame(rows)


def _unit_table(plans: list[_Plan]) -> pd.DataFrame:
    rows = [
        {
            "koperasi_id": p.koperasi_id,
            "unit": unit,
            "status": u.status,
            "tanggal_mulai": _fmt(u.start),
        }
        for p in plans
        for unit, u in p.units.items()
    ]
    return pd.DataFrame(rows)


def _report_table(rng: np.random.Generator, plans: list[_Plan]) -> pd.DataFrame:
    frames = []
    months = np.arange(N_MONTHS)
    in_window = months >= WINDOW[0]
    for p in plans:
        rep, trade = p.reported, p.trading
        if not rep.any():
            continue
        growth = rng.poisson(p.members0 * p.growth, N_MONTHS)
        terdaftar = np.round(p.members0) + np.cumsum(growth) - growth[0]
        # participation: p.participation over the reported months of W
        w_rep, w_trade = rep & in_window, trade & in_window
        factor = 1.0
        if w_trade.any():
            factor = terdaftar[w_rep].sum() / terdaftar[w_trade].sum()
        share = np.where(
            in_window,
            p.participation * factor,
            p.participation * rng.uniform(0.6, 1.0),
        ) * rng.uniform(0.92, 1.08, N_MONTHS)
        aktif = np.where(
            trade, np.clip(np.round(terdaftar * np.minimum(share, 0.95)), 1, None), 0
        )
        aktif = np.minimum(aktif, terdaftar)
        # a new gerai needs about six months to reach its usual sales per member
        ramp = 0.5 + 0.5 * np.clip((months - p.first_trade) / 6.0, 0.0, 1.0)
        omzet = aktif * p.spend * ramp * rng.uniform(0.85, 1.15, N_MONTHS)
        omzet = round_k(np.where(trade, omzet + p.extra_omzet, 0.0))
        # loans of a simpan pinjam unit
        sp = p.units.get("simpan_pinjam")
        lending = np.zeros(N_MONTHS, bool)
        beredar = np.zeros(N_MONTHS)
        tunggak = np.zeros(N_MONTHS)
        if sp is not None and sp.status == _RUNNING and sp.start is not None:
            first = _month_index(sp.start)
            lending = months >= first
            ceiling = terdaftar[-1] * rng.uniform(0.3e6, 1.5e6)
            ramp = np.clip((months - first + 1) / 6.0, 0.0, 1.0)
            beredar = round_k(ceiling * ramp * rng.uniform(0.9, 1.1, N_MONTHS))
            if p.arrears:
                rate = rng.uniform(0.08, 0.25, N_MONTHS)
            else:
                rate = rng.uniform(0.0, 0.035, N_MONTHS)
            tunggak = np.minimum(round_k(beredar * rate), beredar)
        interest = np.where(lending & trade, beredar * 0.01, 0.0)  # ~12% a year
        pendapatan = round_k(
            np.where(trade, omzet * p.margin * rng.uniform(0.9, 1.1, N_MONTHS), 0.0)
            + interest
        )
        running_cost = rng.uniform(0.3e6, 2.5e6, N_MONTHS)
        biaya = np.where(
            pendapatan > 0,
            pendapatan / p.kemandirian * rng.uniform(0.92, 1.08, N_MONTHS),
            running_cost,
        )
        biaya = round_k(biaya)
        wajib = float(rng.choice([10_000, 20_000, 25_000, 50_000]))
        paid = rng.uniform(0.5, 0.9)
        simpanan = round_k(terdaftar * (100_000 + wajib * paid * (months + 1)))
        staff = np.clip(p.staff + rng.integers(-1, 2, N_MONTHS), 0, None)
        if p.archetype == IMPACTFUL:
            staff = np.maximum(staff, 5)
        local = round_k(omzet * p.local_share * rng.uniform(0.7, 1.3, N_MONTHS))

        frame = pd.DataFrame(
            {
                "koperasi_id": p.koperasi_id,
                "bulan": MONTHS,
                "anggota_terdaftar": terdaftar,
                "anggota_aktif": aktif,
                "omzet": omzet,
                "pendapatan_usaha": pendapatan,
                "biaya_operasional": biaya,
                "pinjaman_beredar": np.where(lending, beredar, np.nan),
                "pinjaman_tunggak_30": np.where(lending, tunggak, np.nan),
                "simpanan_anggota": simpanan,
                "tenaga_kerja": staff,
                "pembelian_produk_lokal": local,
            }
        )
        # small cooperatives leave optional cells empty now and then
        if p.archetype in (DORMANT, FORMAL):
            blank = rng.random(N_MONTHS) < 0.25
            for col in ("simpanan_anggota", "tenaga_kerja", "pembelian_produk_lokal"):
                frame.loc[blank & ~trade, col] = np.nan
            if p.archetype == DORMANT and rng.random() < 0.3:
                frame.loc[~trade, "biaya_operasional"] = np.nan
        frames.append(frame[rep])
    return pd.concat(frames, ignore_index=True)


def _meeting_table(rng: np.random.Generator, plans: list[_Plan]) -> pd.DataFrame:
    rows = []
    for p in plans:
        arch = p.archetype
        start = p.badan_hukum or date(2025, 7, 1)
        if p.badan_hukum is not None:
            on_time, late = {
                DORMANT: (0.1, 0.15),
                FORMAL: (0.45, 0.25),
                ACTIVE: (0.85, 0.1),
                IMPACTFUL: (0.95, 0.05),
            }[arch]
            u = rng.random()
            if u < on_time:
                held = date(2026, 2, 15) + timedelta(days=int(rng.integers(0, 136)))
            elif u < on_time + late:
                held = date(2026, 7, 1) + timedelta(days=int(rng.integers(0, 117)))
            else:
                held = None
            if held is not None:
                rows.append((p.koperasi_id, held, _RAT, 2025))
        last = LAST_DAY
        if arch == DORMANT and p.reported.any():
            last = _month_date(rng, int(np.flatnonzero(p.reported)[-1]))
        span = max((last - start).days, 1)
        counts = {
            _MEMBER_MEETING: {DORMANT: (0, 2), FORMAL: (0, 3), ACTIVE: (1, 4)},
            _BOARD_MEETING: {DORMANT: (0, 3), FORMAL: (1, 6), ACTIVE: (4, 11)},
        }
        for jenis, by_arch in counts.items():
            lo, hi = by_arch.get(arch, (2, 5) if jenis == _MEMBER_MEETING else (8, 16))
            k = min(int(rng.integers(lo, hi)), span)
            for offset in sorted(rng.choice(span, size=k, replace=False)):
                rows.append(
                    (
                        p.koperasi_id,
                        start + timedelta(days=int(offset) + 1),
                        jenis,
                        None,
                    )
                )
    frame = pd.DataFrame(
        rows, columns=["koperasi_id", "tanggal", "jenis", "tahun_buku"]
    )
    frame["tanggal"] = [d.isoformat() for d in frame["tanggal"]]
    return frame


def _pengurus_table(rng: np.random.Generator, plans: list[_Plan]) -> pd.DataFrame:
    core_roles = ROLES[:5]  # ketua, wakil x2, sekretaris, bendahara
    female_p = {
        "ketua": 0.15,
        "wakil_ketua_usaha": 0.25,
        "wakil_ketua_anggota": 0.3,
        "sekretaris": 0.55,
        "bendahara": 0.6,
        "pengurus_lain": 0.35,
        "pengawas": 0.2,
    }
    rows = []
    for p in plans:
        arch = p.archetype
        incomplete_p = {DORMANT: 0.15, FORMAL: 0.1, ACTIVE: 0.06, IMPACTFUL: 0.03}[arch]
        n_core = int(rng.choice([5, 7, 9], p=[0.55, 0.35, 0.1]))
        n_pengawas = int(rng.choice([1, 2, 3], p=[0.3, 0.5, 0.2]))
        if rng.random() < incomplete_p:
            kind = rng.choice(["even", "few", "no_pengawas"], p=[0.5, 0.35, 0.15])
            if kind == "even":
                n_core = int(rng.choice([6, 8]))
            elif kind == "few":
                n_core = int(rng.choice([3, 4]))
            else:
                n_pengawas = 0
        if n_core >= 5:
            roles = [*core_roles, *["pengurus_lain"] * (n_core - 5)]
        else:
            roles = ["ketua", "sekretaris", "bendahara", "wakil_ketua_usaha"][:n_core]
        roles += ["pengawas"] * n_pengawas
        wave1 = p.nama_kec in TRAINING_WAVE_1
        base = (0.25, 0.45, 0.22, 0.08) if wave1 else (0.6, 0.3, 0.08, 0.02)
        up = {DORMANT: 0.0, FORMAL: 0.05, ACTIVE: 0.25, IMPACTFUL: 0.4}[arch]
        down = 0.3 if arch == DORMANT else 0.0
        for k, role in enumerate(roles, start=1):
            tier = int(rng.choice(4, p=base))
            u = rng.random()
            if u < up:
                tier = min(tier + 1, 3)
            elif u < up + down:
                tier = max(tier - 1, 0)
            sex = SEXES[1] if rng.random() < female_p[role] else SEXES[0]
            rows.append((p.koperasi_id, f"P{k:02d}", role, sex, TRAINING_TIERS[tier]))
    return pd.DataFrame(
        rows,
        columns=[
            "koperasi_id",
            "id_orang",
            "peran",
            "jenis_kelamin",
            "jenjang_pelatihan",
        ],
    )


def _bumdes_table(
    rng: np.random.Generator, plans: list[_Plan], access: np.ndarray
) -> pd.DataFrame:
    rows = []
    for p, acc in zip(plans, access, strict=True):
        if p.jenis != "desa" or rng.random() >= 0.72:
            continue
        active = rng.random() < 0.5 + 0.25 * acc
        n_items = int(rng.integers(1, 4)) if active else int(rng.integers(0, 3))
        pool = list(BUMDES_UNITS) + list(BUMDES_TEXT)
        weights = np.array([0.5] * len(BUMDES_UNITS) + [1.0] * len(BUMDES_TEXT))
        items = list(
            rng.choice(pool, size=n_items, replace=False, p=weights / weights.sum())
        )
        running = [
            u for u in ("sembako", "simpan_pinjam", "usaha_lokal") if p.running(u)
        ]
        if active and running and rng.random() < 0.35:
            overlap = str(rng.choice(running))
            if overlap not in items:
                items.insert(0, overlap)
        link_p = {DORMANT: 0.08, FORMAL: 0.2, ACTIVE: 0.45, IMPACTFUL: 0.5}[p.archetype]
        name = str(rng.choice(_BUMDES_NAMES))
        rows.append(
            {
                "kode_desa": p.kode_desa,
                "nama_bumdes": f"BUMDes {name}",
                "status": _BUMDES_ACTIVE if active else _BUMDES_INACTIVE,
                "unit_usaha": ";".join(items) if items else None,
                "kerja_sama_kmp": YES if rng.random() < link_p else NO,
            }
        )
    return pd.DataFrame(rows)


def _conform(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Columns in schema order, numbers as Int64, text as str, rows sorted by key."""
    spec = TABLES[name]
    frame = frame.reindex(columns=spec.column_names)
    for col in spec.columns:
        if col.kind in ("int", "money"):
            frame[col.name] = pd.array(
                np.round(pd.to_numeric(frame[col.name]).to_numpy(float)), dtype="Int64"
            )
        else:
            frame[col.name] = frame[col.name].astype("str")
    # units stay in the order of UNITS within a cooperative
    key = ["koperasi_id"] if name == "unit_usaha" else list(spec.key)
    return frame.sort_values(key, kind="stable").reset_index(drop=True)

"""Synthetic activity data over the real villages of Kukar (``kmp sample-data``).

:func:`make_sample` builds the six input tables of DESIGN §3 and the three optional
ones (``pelatihan``, ``pendampingan``, ``pembiayaan``) for one cooperative per
village, over the months 2025-06 … 2026-10. The villages, their codes and their places
are real; everything about the cooperatives is invented, shaped after the public
chronology of Kukar's programme:

- every cooperative is formed (musdes) in May 2025 and becomes a legal entity between
  late May and September 2025;
- almost all stay dormant at first: in November 2025 only a handful (the *perintis*,
  among them the launch village Tanah Datar) have traded in the last three months;
- a pengurus training wave in November 2025 (Tenggarong, Tenggarong Seberang, Loa
  Kulu, Sebulu, Loa Janan) is followed by six later waves (:data:`TRAINING_WAVES`);
  training brings a cooperative's first month of trading forward by
  :data:`TRAINING_LEAD` months (the planted effect, see :func:`start_month`);
- activity spreads outward from Tenggarong and the main roads (:func:`village_access`);
- some cooperatives reach Aktif and fall back (to Tidak bergerak or Administratif), and
  a core never moves at all.

Each cooperative first draws a latent *archetype* for the period 2026-10 (dormant,
formal-only, active, impactful), with a probability that rises with access, and then a
*trajectory* (:data:`JALUR`) consistent with it: the month it starts trading, the month
it falls back, the month it becomes Berdampak. The tables are written so that the rules
of DESIGN §5 put each cooperative, at every month-end period, in the class that its
trajectory plants; :func:`sample_plan` exposes both.

The optional tables follow the same journey, each from a random stream of its own
(so the six others are byte for byte what they were without them):

- ``pelatihan``: every person whose ``jenjang_pelatihan`` is ``dasar`` or above
  passed ``dasar`` in their kecamatan's wave month (wave 1 from 13 Nov 2025) and
  the higher tiers later; a few attended and failed;
- ``pendampingan``: from January 2026 the kecamatan get pendamping one after
  another in a random order, three to six cooperatives each; some assignments end;
  the last kecamatan get none by 2026-10;
- ``pembiayaan``: a disbursement (or two tranches) for exactly the cooperatives whose
  ``status_pinjaman`` is ``dicairkan``, at most the ceiling, from a Himbara bank.

**Effects planted in the shipped sample**: training brings the first month of
trading forward by :data:`TRAINING_LEAD` (2) months, nothing else; no effect of
pendampingan or pembiayaan is planted (a disbursement goes to strong cooperatives,
a selection, not an effect). ``efek_pelatihan``, ``efek_pendampingan`` and
``efek_pembiayaan`` (:func:`make_sample`; ``kmp sample-data --efek-*``) instead plant
a known rise of monthly participation after each effort, with treatment that does
not depend on how a cooperative fares, for tests and benchmarks of an estimator;
:func:`sample_plan` gives each cooperative's treatment months
(:func:`treatment_months`).

The frames are in the form they take in a CSV file: dates ``YYYY-MM-DD``, months
``YYYY-MM`` and yes/no as ``ya``/``tidak`` (text), numbers and money as nullable
integers (``Int64``), missing optional values as ``<NA>``. :func:`write_sample` writes
them, plus ``metadata.json`` marking the data synthetic.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from kmp_analysis import paths
from kmp_analysis.classify import CLASSES
from kmp_analysis.errors import UsageError
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

PERIOD_START = "2025-06"
PERIOD_END = "2026-10"
MONTHS: list[str] = [
    str(p) for p in pd.period_range(PERIOD_START, PERIOD_END, freq="M")
]
N_MONTHS = len(MONTHS)
#: Month indices of the window W (last 6 months) and the recent window R (last 3).
WINDOW = range(N_MONTHS - 6, N_MONTHS)
RECENT = range(N_MONTHS - 3, N_MONTHS)
LAST_DAY = date(2026, 10, 31)

#: Target share of each archetype (class at 2026-10) over the regency.
TARGET_MIX = (0.34, 0.26, 0.28, 0.12)

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


@dataclass(frozen=True)
class TrainingWave:
    """One wave of the pengurus/pengawas training: its number, month and kecamatan."""

    gelombang: int
    bulan: str
    kecamatan: tuple[str, ...]


#: The training waves. Wave 1 is Kukar's real first stage (13 Nov 2025, DESIGN §1);
#: the later six (seven sessions were announced) are invented, roughly outward.
TRAINING_WAVES: tuple[TrainingWave, ...] = (
    TrainingWave(
        1,
        "2025-11",
        ("Tenggarong", "Tenggarong Seberang", "Loa Kulu", "Sebulu", "Loa Janan"),
    ),
    TrainingWave(2, "2026-01", ("Samboja", "Samboja Barat", "Muara Jawa")),
    TrainingWave(3, "2026-02", ("Sanga Sanga", "Anggana", "Muara Badak")),
    TrainingWave(4, "2026-03", ("Marang Kayu", "Muara Kaman")),
    TrainingWave(5, "2026-04", ("Kota Bangun", "Kota Bangun Darat")),
    TrainingWave(6, "2026-06", ("Muara Muntai", "Kenohan", "Muara Wis")),
    TrainingWave(7, "2026-08", ("Kembang Janggut", "Tabang")),
)
#: Kecamatan covered by the first pengurus training (13 Nov 2025).
TRAINING_WAVE_1 = frozenset(TRAINING_WAVES[0].kecamatan)
#: The planted training effect: a cooperative trained before it would have started
#: trading on its own starts this many months earlier (never before the month after
#: its wave). See :func:`start_month`.
TRAINING_LEAD = 2

#: Trajectories (``jalur``), by archetype (the class at 2026-10).
NEVER = "tidak_pernah_bergerak"  # no sale in any month: the core that never moves
FALLER = "jatuh"  # reaches Aktif, stops trading, ends Tidak bergerak
EARLY_STOP = "berhenti_awal"  # a few sales, then nothing: ends Tidak bergerak
LATE = "baru_mulai"  # starts trading in the last three months (trained)
SPORADIC = "sporadis"  # sales in at most three months of any six
LOW_PARTICIPATION = "partisipasi_rendah"  # trades every month, few members buy
NO_UNIT = "tanpa_unit"  # trades but no unit has status beroperasi
SLUMP = "melemah"  # reaches Aktif, then trades one month in three: Administratif
ACTIVE_PATH = "aktif"
IMPACT_PATH = "berdampak"
JALUR: dict[int, tuple[tuple[str, ...], tuple[float, ...]]] = {
    DORMANT: ((NEVER, FALLER, EARLY_STOP), (0.70, 0.16, 0.14)),
    FORMAL: (
        (LATE, SPORADIC, LOW_PARTICIPATION, NO_UNIT, SLUMP),
        (0.25, 0.25, 0.20, 0.10, 0.20),
    ),
    ACTIVE: ((ACTIVE_PATH,), (1.0,)),
    IMPACTFUL: ((IMPACT_PATH,), (1.0,)),
}
#: Trajectories that trade every month from a start month (the training effect
#: applies to them), and the range of months (index into MONTHS) in which each would
#: start without training, earliest for the best-connected villages.
_READY: dict[str, tuple[int, int]] = {
    IMPACT_PATH: (7, 10),
    ACTIVE_PATH: (8, 13),
    FALLER: (6, 9),
    SLUMP: (6, 9),
    LOW_PARTICIPATION: (8, 14),
    NO_UNIT: (8, 14),
    LATE: (16, 18),  # (mostly) after the data ends: training makes them start in it
}
#: Weight of access (vs chance) in how early in its range a cooperative is ready.
_READY_ACCESS = 0.5
#: The handful trading by November 2025 (Kukar: 7 of 237), per 237 cooperatives.
N_PERINTIS = 7
#: Launch village of the programme in Kukar (21 Jul 2025), trading since July 2025.
LAUNCH_VILLAGE = "64.02.05.2006"  # Tanah Datar, Muara Badak
#: Why an Aktif cooperative is not Berdampak (each is kept in every window).
_ACTIVE_SUBTYPES = (
    ("participation", "units", "kemandirian", "manfaat"),
    (0.55, 0.15, 0.15, 0.15),
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
#: Planted mode: the share of cooperatives that send their ketua and the sekretaris
#: or bendahara to their wave, and the share of trained people who go on to
#: ``menengah`` (a seventh of them to ``lanjut``): the same for every cooperative.
PLANTED_ATTEND_P = 0.7
PLANTED_UP_P = 0.15
#: Planted mode: the share of cooperatives whose Himbara loan is disbursed
#: (``status_pinjaman`` dicairkan), the same for every cooperative.
PLANTED_LOAN_P = 0.2
#: The Himbara banks (state-owned) that lend to KMP, and how often each does here.
HIMBARA_BANKS = ("BRI", "BNI", "Mandiri", "BTN", "BSI")
_BANK_P = (0.4, 0.2, 0.2, 0.05, 0.15)
#: Who runs each training tier (a few rows leave it empty).
_ORGANISERS = {
    "dasar": "Dinas Koperasi dan UKM Kukar",
    "menengah": "Dinas Koperasi dan UKM Kaltim",
    "lanjut": "Kementerian Koperasi",
}
#: Wave 1 began on 13 Nov 2025 (DESIGN §1); a dasar course lasts three days.
WAVE_1_START = date(2025, 11, 13)
_COURSE_DAYS = 3
#: Pendamping: the first arrive in 2026-01, kecamatan by kecamatan in a random
#: order, one every ~2 weeks; the last kecamatan in that order get none by 2026-10.
PENDAMPING_FROM = "2026-01"
PENDAMPING_KECAMATAN = 17
#: The share of a covered kecamatan's cooperatives a pendamping is assigned to,
#: and how many cooperatives one pendamping covers.
PENDAMPING_P = 0.75
_PER_PENDAMPING = (3, 6)
#: The share of assignments that end (a replacement follows half of them).
PENDAMPING_END_P = 0.2


@dataclass(frozen=True)
class Effects:
    """Planted effects on monthly participation, per effort (None: not planted).

    Any of them given (a number, 0 included) is *planted mode*: the training has
    no other effect (:data:`TRAINING_LEAD` 0) and who is trained, facilitated or
    financed, and when, does not depend on the cooperative (see :func:`make_sample`).
    """

    pelatihan: float | None = None
    pendampingan: float | None = None
    pembiayaan: float | None = None

    def __post_init__(self) -> None:
        for name in EFFORTS:
            value = getattr(self, name)
            if value is not None and not (0.0 <= float(value) <= MAX_EFFECT):
                raise UsageError("sample_effect_range", value=value).about(
                    f"efek_{name}"
                )

    @property
    def planted(self) -> bool:
        return any(getattr(self, name) is not None for name in EFFORTS)


#: The efforts whose effect can be planted, in the order of the optional tables.
EFFORTS = ("pelatihan", "pendampingan", "pembiayaan")
#: The largest effect that can be planted (a share of registered members).
MAX_EFFECT = 0.5


# --------------------------------------------------------------------------- public


@dataclass(frozen=True)
class SamplePlan:
    """What the generator planted, readable without parsing the CSVs.

    Attributes
    ----------
    cooperatives
        One row per cooperative (index ``koperasi_id``): ``kode_desa``, ``nama_kec``,
        ``arketipe`` (its class at 2026-10), ``jalur`` (trajectory), ``perintis``
        (one of the handful trading by November 2025), ``gelombang`` and
        ``bulan_pelatihan`` (its training wave), ``bulan_siap`` (the month it would
        have started trading without training), ``mulai_transaksi`` (the first month
        with sales), ``transaksi_terakhir`` (the last month with sales), ``bulan_jatuh``
        (the first month of the fall back, for jatuh and melemah),
        ``bulan_berdampak`` (the month its second unit opens, from which it is
        Berdampak), ``tidak_pernah_bergerak`` (no sale in any month) and
        ``perlakuan_pelatihan``, ``perlakuan_pendampingan``, ``perlakuan_pembiayaan``
        (its treatment month per effort, :func:`treatment_months`; None:
        untreated). Months are ``YYYY-MM`` or missing.
    classes
        The planted class (``tidak_bergerak`` … ``berdampak``) per cooperative (rows)
        and month-end period (columns, ``MONTHS``).
    slips
        The figures typed wrong on purpose (:func:`_plant_slips`): ``koperasi_id``,
        ``bulan``, ``kolom``, ``benar`` (the figure that should have been typed) and
        ``tertulis`` (the one in the data), for the "perlu dicek" check to find.
    """

    cooperatives: pd.DataFrame
    classes: pd.DataFrame
    slips: pd.DataFrame | None = None


def make_sample(
    seed: int = 2025,
    villages: pd.DataFrame | None = None,
    efek_pelatihan: float | None = None,
    efek_pendampingan: float | None = None,
    efek_pembiayaan: float | None = None,
) -> dict[str, pd.DataFrame]:
    """The nine tables keyed by table name, deterministic for a seed (pure, no I/O).

    ``villages`` defaults to the 237 villages of ``data/reference`` (read from disk
    only in that case); it needs kode_desa, nama_desa, jenis, nama_kec, lon and lat.

    ``efek_*`` plant a known effect of an effort on monthly participation, for
    tests and benchmarks (floats in [0, 0.5]; None, the default, plants none and
    gives the shipped sample). Any of them given is *planted mode*:

    - training brings no earlier start (:data:`TRAINING_LEAD` is 0), the kecamatan
      are dealt to the waves at random (same wave months and sizes), and who
      attends does not depend on the cooperative (:data:`PLANTED_ATTEND_P`);
    - pendamping arrive kecamatan by kecamatan in a random order (as always);
    - disbursements go to a random :data:`PLANTED_LOAN_P` of the cooperatives
      (``status_pinjaman`` dicairkan, whatever their archetype) in a random month;
    - in every reported month after a cooperative's treatment month (see
      :func:`treatment_months`), ``anggota_aktif`` grows by
      ``round(X * anggota_terdaftar)`` per effort (rounded half to even, summed over
      efforts, capped at ``anggota_terdaftar``). A month without sales that so gets
      active members also gets a small turnover (half the members' usual spending)
      and the income on it: it becomes a month with sales, which moves
      ``bulan_transaksi`` and can move the class (``sample_plan().classes`` is the
      class without the effect). With X = 0 nothing is added.

    Examples
    --------
    >>> tables = make_sample(seed=1)
    >>> sorted(tables) == sorted(TABLES)
    True
    """
    effects = Effects(efek_pelatihan, efek_pendampingan, efek_pembiayaan)
    return _generate(seed, villages, effects)[0]


def sample_plan(
    seed: int = 2025,
    villages: pd.DataFrame | None = None,
    efek_pelatihan: float | None = None,
    efek_pendampingan: float | None = None,
    efek_pembiayaan: float | None = None,
) -> SamplePlan:
    """What :func:`make_sample` plants for the same arguments (DESIGN §5 per month).

    Examples
    --------
    >>> plan = sample_plan(seed=2025)
    >>> int(plan.classes["2025-11"].ne("tidak_bergerak").sum())
    7
    >>> bool(plan.cooperatives["tidak_pernah_bergerak"].any())
    True
    >>> trained = plan.cooperatives["perlakuan_pelatihan"] == "2025-11"
    >>> int(trained.sum()), plan.cooperatives.loc[trained, "nama_kec"].nunique()
    (63, 5)
    """
    effects = Effects(efek_pelatihan, efek_pendampingan, efek_pembiayaan)
    return _generate(seed, villages, effects)[1]


def write_sample(
    out_dir: str | Path,
    seed: int = 2025,
    efek_pelatihan: float | None = None,
    efek_pendampingan: float | None = None,
    efek_pembiayaan: float | None = None,
) -> dict[str, int]:
    """Write the nine CSVs + metadata.json into out_dir; return row counts per table.

    ``efek_*`` as in :func:`make_sample`; a planted effect is recorded in the
    metadata (``efek_tertanam``).
    """
    effects = Effects(efek_pelatihan, efek_pendampingan, efek_pembiayaan)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = _generate(seed, None, effects)[0]
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
    if effects.planted:
        metadata["efek_tertanam"] = {
            name: getattr(effects, name)
            for name in EFFORTS
            if getattr(effects, name) is not None
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


def training_wave(nama_kec: str) -> TrainingWave | None:
    """The training wave of a kecamatan (None: in no wave).

    Examples
    --------
    >>> training_wave("Sebulu").bulan, training_wave("Tabang").gelombang
    ('2025-11', 7)
    """
    for wave in TRAINING_WAVES:
        if nama_kec in wave.kecamatan:
            return wave
    return None


def start_month(ready: int, trained: int | None, lead: int = TRAINING_LEAD) -> int:
    """First month of trading (index into MONTHS): the planted training effect.

    ``ready`` is the month the cooperative would start on its own, ``trained`` the
    month of its training wave. Trained before it is ready, it starts ``lead``
    (:data:`TRAINING_LEAD`; 0 in planted mode) months earlier, but not before the
    month after the wave.

    Examples
    --------
    >>> start_month(12, trained=5), start_month(7, trained=5), start_month(9, None)
    (10, 6, 9)
    >>> start_month(6, trained=10)  # started before its wave: no effect
    6
    """
    if trained is None or trained >= ready or lead == 0:
        return ready
    return max(trained + 1, ready - lead)


def _generate(
    seed: int, villages: pd.DataFrame | None, effects: Effects | None = None
) -> tuple[dict[str, pd.DataFrame], SamplePlan]:
    """The tables and what was planted, from one pass over the same draws.

    The three optional tables draw from streams of their own (spawned after the
    first eight), so the six others are the same with or without them.
    """
    effects = effects or Effects()
    planted = effects.planted
    if villages is None:
        villages = load_villages()
    villages = (
        villages.sort_values("kode_desa", kind="stable").reset_index(drop=True).copy()
    )
    root = np.random.default_rng(seed)
    rngs = root.spawn(8)
    extra = root.spawn(5)  # pelatihan, pendampingan, pembiayaan, waves, loans
    access = village_access(villages)
    archetype, latent = _assign_archetypes(rngs[0], villages, access)
    perintis = _choose_perintis(rngs[7], villages, archetype, latent)
    waves = _random_waves(extra[3], villages) if planted else None
    lead = 0 if planted else TRAINING_LEAD
    plans = _plan_cooperatives(
        rngs[1], villages, archetype, access, perintis, lead, waves
    )
    if planted:
        _random_loans(extra[4], plans)
    _choose_arrears(rngs[2], plans)
    tables = {
        "koperasi": _koperasi_table(plans),
        "unit_usaha": _unit_table(plans),
        "laporan_bulanan": _report_table(rngs[3], plans),
        "rapat": _meeting_table(rngs[4], plans),
        "pengurus": _pengurus_table(rngs[5], plans, planted),
        "bumdes": _bumdes_table(rngs[6], plans, access),
    }
    tables["laporan_bulanan"], slips = _plant_slips(tables["laporan_bulanan"])
    tables["pelatihan"] = _pelatihan_table(extra[0], plans, tables["pengurus"])
    tables["pendampingan"] = _pendampingan_table(extra[1], plans)
    tables["pembiayaan"] = _pembiayaan_table(extra[2], plans)
    treated = treatment_months(tables)
    if planted:
        tables["laporan_bulanan"] = _plant_effects(
            tables["laporan_bulanan"], treated, effects, plans
        )
    tables = {name: _conform(name, frame) for name, frame in tables.items()}
    plan = _plan_frames(plans)
    cooperatives = plan.cooperatives.join(
        treated.rename(columns=lambda c: f"perlakuan_{c}")
    )
    return tables, dataclasses.replace(plan, cooperatives=cooperatives, slips=slips)


#: How many cooperatives' latest turnover is typed wrong, and by what factor (an
#: operator typing 480.000.000 for 12.000.000): what "angka yang perlu dicek" is for.
SLIPS = 2
SLIP_FACTOR = 40


def _plant_slips(laporan: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Type the last month's ``omzet`` of :data:`SLIPS` steadily trading
    cooperatives :data:`SLIP_FACTOR` times too large.

    Chosen without drawing from any generator (so nothing else in the sample
    moves): among the cooperatives with turnover in each of the last seven months,
    the first and the middle one by ``koperasi_id``. Turnover alone changes no class
    (a month with sales stays one), only the outcome figures built on it.
    """
    last7 = MONTHS[-7:]
    recent = laporan[laporan["bulan"].isin(last7) & (laporan["omzet"] > 0)]
    steady = sorted(
        k for k, n in recent.groupby("koperasi_id").size().items() if n == len(last7)
    )
    chosen = [steady[0], steady[len(steady) // 2]][:SLIPS] if steady else []
    laporan = laporan.copy()
    rows = []
    for kid in chosen:
        at = (laporan["koperasi_id"] == kid) & (laporan["bulan"] == MONTHS[-1])
        right = float(laporan.loc[at, "omzet"].iloc[0])
        laporan.loc[at, "omzet"] = right * SLIP_FACTOR
        rows.append(
            {
                "koperasi_id": kid,
                "bulan": MONTHS[-1],
                "kolom": "omzet",
                "benar": right,
                "tertulis": right * SLIP_FACTOR,
            }
        )
    columns = ["koperasi_id", "bulan", "kolom", "benar", "tertulis"]
    return laporan, pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- archetypes


def _assign_archetypes(
    rng: np.random.Generator, villages: pd.DataFrame, access: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Archetype per village (and its latent score): a score cut at the target mix.

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
    return arch, latent


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


def _choose_perintis(
    rng: np.random.Generator,
    villages: pd.DataFrame,
    arch: np.ndarray,
    latent: np.ndarray,
) -> dict[int, int]:
    """The handful trading by November 2025: village index -> first month of sales.

    The launch village (Tanah Datar, trading since July 2025) where it is among the
    villages, swapping archetypes with its kecamatan's best one if it needs to; then
    the active and impactful cooperatives with the highest latent score (the
    best-connected), starting between August and November 2025.
    """
    n = len(villages)
    k = max(1, round(n * N_PERINTIS / 237))
    chosen: dict[int, int] = {}
    codes = villages["kode_desa"].to_numpy()
    kec = villages["nama_kec"].to_numpy()
    for i in np.flatnonzero(codes == LAUNCH_VILLAGE)[:1]:
        i = int(i)
        if arch[i] < ACTIVE:
            peers = [
                j for j in np.flatnonzero(kec == kec[i]) if arch[j] >= ACTIVE and j != i
            ]
            if peers:
                best = max(peers, key=lambda j: latent[j])
                arch[i], arch[best] = arch[best], arch[i]
        if arch[i] >= ACTIVE:
            chosen[i] = 1  # 2025-07
    for i in np.argsort(-latent, kind="stable"):
        if len(chosen) >= k:
            break
        if arch[i] >= ACTIVE and int(i) not in chosen:
            chosen[int(i)] = int(rng.integers(2, 6))  # 2025-08 .. 2025-11
    return chosen


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
    kind: str
    subtype: str
    koperasi_id: str = ""
    perintis: bool = False
    wave: TrainingWave | None = None
    musdes: date | None = None
    badan_hukum: date | None = None
    docs: dict[str, bool] = field(default_factory=dict)
    loan_status: str = _NO_LOAN
    plafon: int | None = None
    units: dict[str, _Unit] = field(default_factory=dict)
    ready: int | None = None  # first month of sales without training
    start: int | None = None  # first month of sales
    fall: int | None = None  # first month of the fall back
    impact: int | None = None  # month the second unit opens
    gaps: list[int] = field(default_factory=list)  # months not reported
    report_end: int = N_MONTHS - 1
    reported: np.ndarray = field(default_factory=lambda: np.zeros(N_MONTHS, bool))
    trading: np.ndarray = field(default_factory=lambda: np.zeros(N_MONTHS, bool))
    share: np.ndarray = field(default_factory=lambda: np.zeros(N_MONTHS))
    kemandirian: np.ndarray = field(default_factory=lambda: np.full(N_MONTHS, 0.5))
    staff: np.ndarray = field(default_factory=lambda: np.zeros(N_MONTHS, int))
    staff_floor: np.ndarray = field(default_factory=lambda: np.zeros(N_MONTHS, int))
    local_share: np.ndarray = field(default_factory=lambda: np.zeros(N_MONTHS))
    extra_omzet: np.ndarray = field(default_factory=lambda: np.zeros(N_MONTHS))
    members0: float = 50.0
    growth: float = 0.01
    spend: float = 300_000.0
    margin: float = 0.1
    arrears: bool = False

    @property
    def first_trade(self) -> int:
        traded = np.flatnonzero(self.trading)
        return int(traded[0]) if len(traded) else N_MONTHS

    def running(self, unit: str) -> bool:
        """True where the unit is listed with status beroperasi."""
        return unit in self.units and self.units[unit].status == _RUNNING


def _plan_cooperatives(
    rng: np.random.Generator,
    villages: pd.DataFrame,
    archetype: np.ndarray,
    access: np.ndarray,
    perintis: dict[int, int],
    lead: int = TRAINING_LEAD,
    waves: dict[str, TrainingWave] | None = None,
) -> list[_Plan]:
    """One plan per village; ``waves`` (kecamatan -> wave) replaces
    :data:`TRAINING_WAVES` in planted mode."""
    plans: list[_Plan] = []
    n = len(villages)
    musdes = _musdes_dates(rng, n)
    # access as a rank 0 (remote) .. 1 (best connected): activity spreads outward
    rank = np.argsort(np.argsort(access, kind="stable"), kind="stable")
    reach = rank / max(n - 1, 1)
    for i, row in enumerate(villages.itertuples(index=False)):
        arch = int(archetype[i])
        kinds, probs = JALUR[arch]
        kind = str(rng.choice(kinds, p=probs))
        subtype = "participation"
        if kind == ACTIVE_PATH:
            subtype = str(rng.choice(_ACTIVE_SUBTYPES[0], p=_ACTIVE_SUBTYPES[1]))
        plan = _Plan(
            kode_desa=str(row.kode_desa),
            nama_desa=str(row.nama_desa),
            jenis=str(row.jenis),
            nama_kec=str(row.nama_kec),
            archetype=arch,
            kind=kind,
            subtype=subtype,
            perintis=i in perintis,
            wave=(
                training_wave(str(row.nama_kec))
                if waves is None
                else waves.get(str(row.nama_kec))
            ),
        )
        plan.koperasi_id = "KMP-" + plan.kode_desa.replace(".", "")
        plan.musdes = musdes[i]
        plan.badan_hukum = _badan_hukum(rng, plan)
        _draw_trajectory(rng, plan, float(reach[i]), perintis.get(i), lead)
        _draw_reporting(rng, plan)
        _draw_levels(rng, plan)
        _draw_units(rng, plan)
        _draw_legal(rng, plan)
        plans.append(plan)
    return plans


def _musdes_dates(rng: np.random.Generator, n: int) -> list[date]:
    """Musdes: about 44 by 24 May 2025, every village by 29 May 2025."""
    early = rng.random(n) < 44 / 237
    days = np.where(
        early,
        rng.integers(0, 24, n),  # 1 .. 24 May
        rng.integers(24, 29, n),  # 25 .. 29 May
    )
    return [date(2025, 5, 1) + timedelta(days=int(d)) for d in days]


def _badan_hukum(rng: np.random.Generator, plan: _Plan) -> date:
    """Legal entity: ~25% by the 10-11 June evaluation, ~85% by end of June, all by
    September 2025; the perintis among the first."""
    u = rng.random()
    if plan.perintis:
        start, span = date(2025, 5, 26), 30
    elif u < 0.25:
        start, span = date(2025, 5, 26), 17  # by 11 June
    elif u < 0.85:
        start, span = date(2025, 6, 12), 19
    else:
        start, span = date(2025, 7, 1), 92  # July .. September
    day = start + timedelta(days=int(rng.integers(0, span)))
    musdes = plan.musdes or day
    return max(day, musdes + timedelta(days=3))


def _draw_trajectory(
    rng: np.random.Generator,
    plan: _Plan,
    reach: float,
    perintis: int | None,
    lead: int = TRAINING_LEAD,
) -> None:
    """The months with sales: start (training effect applied), fall back, upgrade."""
    kind = plan.kind
    trading = np.zeros(N_MONTHS, bool)
    trained = None if plan.wave is None else MONTHS.index(plan.wave.bulan)
    earliest = max(6, _month_index(plan.badan_hukum) if plan.badan_hukum else 0)
    if kind in _READY:
        if perintis is not None:
            plan.ready = plan.start = perintis
        else:
            lo, hi = _READY[kind]
            if kind == LATE and lead == 0:  # no training to bring them into the data
                lo, hi = lo - TRAINING_LEAD, hi - TRAINING_LEAD
            if trained is not None and trained < hi and kind != LATE:
                hi += lead  # training will bring it back into range
            q = _READY_ACCESS * (1.0 - reach) + (1.0 - _READY_ACCESS) * rng.random()
            plan.ready = lo + round(q * (hi - lo))
            plan.start = start_month(plan.ready, trained, lead)
        start = plan.start
        last = N_MONTHS - 1
        if kind == FALLER:  # Aktif first (four months of sales), no sale after 2026-07
            last = int(rng.integers(start + 3, 14))
            plan.fall = last + 1
        trading[start : last + 1] = True
        gap_until = min(last - 1, 13)
        if kind == SLUMP:
            plan.fall = int(rng.integers(start + 4, 14))
            after = np.arange(plan.fall, N_MONTHS)
            trading[plan.fall :] = (after - plan.fall) % 3 == 2  # one month in three
            gap_until = plan.fall - 1
        if kind == IMPACT_PATH:
            plan.impact = int(rng.integers(start + 5, N_MONTHS - 1))  # by 2026-09
        elif kind in (ACTIVE_PATH, LOW_PARTICIPATION, NO_UNIT, FALLER, SLUMP):
            # months not reported, never in the first four months of sales
            candidates = np.arange(start + 4, gap_until + 1)
            gaps = candidates[rng.random(len(candidates)) < 0.07].tolist()
            if kind == ACTIVE_PATH:  # still Aktif at 2026-10
                final = np.arange(WINDOW.start, WINDOW.stop)
                while gaps and trading[final].sum() - np.isin(final, gaps).sum() < 4:
                    gaps.pop()
            plan.gaps = gaps
            trading[gaps] = False
    elif kind in (SPORADIC, EARLY_STOP):
        if kind == SPORADIC:  # a sale in R; lagging reports for some
            plan.report_end = int(rng.choice([14, 15, 16], p=[0.15, 0.2, 0.65]))
            last = int(rng.integers(14, plan.report_end + 1))
            most = 6
        else:  # the last sale in 2026-01 .. 2026-06
            last = int(rng.integers(7, 13))
            most = int(rng.integers(1, 4))
        months = [last]
        while len(months) < most:
            month = months[-1] - int(rng.integers(2, 6))  # never 4 sales in 6 months
            if month < earliest:
                break
            months.append(month)
        trading[months] = True
        plan.start = min(months)
        if kind == EARLY_STOP:
            plan.fall = last + 1
    plan.trading = trading


def _draw_reporting(rng: np.random.Generator, plan: _Plan) -> None:
    """Which months are reported: every month with sales, some others."""
    kind = plan.kind
    bh = max(0, _month_index(plan.badan_hukum)) if plan.badan_hukum else 3
    first = bh + int(rng.choice([0, 1, 2], p=[0.5, 0.3, 0.2]))
    if plan.perintis:
        first = bh
    reported = np.zeros(N_MONTHS, bool)
    if kind == NEVER:
        how = rng.choice(["none", "stale", "zero"], p=[0.25, 0.40, 0.35])
        start = first + int(rng.integers(0, 4))
        if how == "stale":  # the latest report 2025-10 .. 2026-07
            end = int(rng.integers(max(start, 4), 14))
        else:
            end = int(rng.choice([14, 15, 16], p=[0.2, 0.3, 0.5]))
        if how != "none":
            reported[start : end + 1] = rng.random(end + 1 - start) < 0.65
            reported[end] = True
        plan.reported = reported
        return
    start = plan.start if plan.start is not None else N_MONTHS - 1
    first = min(first, start)
    # zero reports before the first sale
    reported[first:start] = rng.random(start - first) < 0.5
    months = np.arange(N_MONTHS)
    end = plan.report_end
    if kind in (FALLER, EARLY_STOP):  # zeros after the last sale; some stop reporting
        last = int(plan.fall or N_MONTHS) - 1
        end = int(rng.integers(last, N_MONTHS))
        after = (months > last) & (months <= end)
        reported |= after & (rng.random(N_MONTHS) < 0.6)
        reported[end] = True
    elif kind == SPORADIC:
        reported |= (months >= start) & (months <= end) & (rng.random(N_MONTHS) < 0.6)
        reported[end] = True
    elif kind == SLUMP:
        reported |= (months >= start) & (rng.random(N_MONTHS) < 0.6)
    else:
        reported |= months >= start
    reported |= plan.trading
    reported[plan.gaps] = False
    plan.reported = reported
    plan.report_end = int(np.flatnonzero(reported)[-1]) if reported.any() else -1


def _draw_levels(rng: np.random.Generator, plan: _Plan) -> None:
    """Participation, self-sufficiency, staff and local purchases per month.

    Each level keeps the cooperative on its side of the DESIGN §5 thresholds in every
    window, with margins for the monthly noise the reports add.
    """
    arch, kind, sub = plan.archetype, plan.kind, plan.subtype
    urban = plan.jenis == "kelurahan"
    n = N_MONTHS
    if kind == LOW_PARTICIPATION:
        share, kem = rng.uniform(0.04, 0.14), rng.uniform(0.3, 1.0)
        staff, local = int(rng.integers(0, 4)), 0.0
    elif kind in (SPORADIC, EARLY_STOP, NEVER):
        share, kem = rng.uniform(0.05, 0.3), rng.uniform(0.2, 1.0)
        staff, local = int(rng.integers(0, 3)), 0.0
        if rng.random() < 0.15:
            local = rng.uniform(0.01, 0.08)
    else:
        # Aktif level; each subtype misses one Berdampak criterion in every window
        share = rng.uniform(0.35, 0.45)
        if sub != "participation":
            share = rng.uniform(0.52, 0.7)
        kem = (
            rng.uniform(0.55, 0.85) if sub == "kemandirian" else rng.uniform(0.75, 1.35)
        )
        if kind == NO_UNIT:
            kem = rng.uniform(0.3, 1.0)
        staff = int(rng.integers(1, 4)) if sub == "manfaat" else int(rng.integers(2, 9))
        local = 0.0
        if sub != "manfaat" and rng.random() < 0.5:
            local = rng.uniform(0.02, 0.2)
    plan.share = np.full(n, share)
    plan.kemandirian = np.full(n, kem)
    plan.staff = np.full(n, staff)
    plan.local_share = np.full(n, local)
    if kind == IMPACT_PATH and plan.impact is not None:
        # the six months before the second unit opens and after: Berdampak level
        b = np.arange(n) >= plan.impact - 5
        plan.share[b] = rng.uniform(0.6, 0.75)
        plan.kemandirian[b] = rng.uniform(1.15, 1.5)
        plan.staff[b] = int(rng.integers(6, 15))
        plan.staff_floor[b] = 5
        plan.local_share[b] = rng.uniform(0.05, 0.3)
        plan.extra_omzet[b] = rng.uniform(10e6, 60e6)
    scale = {DORMANT: 0.8, FORMAL: 1.0, ACTIVE: 1.2, IMPACTFUL: 1.5}[arch]
    median = 220.0 if urban else 110.0
    spread = float(np.clip(rng.lognormal(0.0, 0.4), 0.5, 2.2))
    plan.members0 = max(40.0, median * scale * spread)
    plan.growth = {DORMANT: 0.005, FORMAL: 0.015, ACTIVE: 0.03, IMPACTFUL: 0.04}[
        arch
    ] * float(rng.uniform(0.5, 1.5))
    plan.spend = float(rng.uniform(250_000, 650_000))
    plan.margin = float(rng.uniform(0.08, 0.15))


def _month_date(rng: np.random.Generator, month: int) -> date:
    return _month_first(month) + timedelta(days=int(rng.integers(0, 28)))


def _month_first(month: int) -> date:
    return date(2025 + (5 + month) // 12, (5 + month) % 12 + 1, 1)


def _month_index(day: date) -> int:
    return (day.year - 2025) * 12 + day.month - 6


def _draw_units(rng: np.random.Generator, plan: _Plan) -> None:
    """Units and their status, coherent with the trajectory and its sales months."""
    arch, kind, sub = plan.archetype, plan.kind, plan.subtype
    units: dict[str, _Unit] = {}
    start = plan.start
    bh = plan.badan_hukum or date(2025, 9, 1)
    last_start = N_MONTHS - 2  # units run since September 2026 at the latest

    def running_since(earliest: int, latest: int = last_start) -> date:
        earliest = min(earliest, latest)
        return _month_date(rng, int(rng.integers(earliest, latest + 1)))

    # kantor
    if kind == IMPACT_PATH and plan.impact is not None:
        units["kantor"] = _Unit(_RUNNING, _month_date(rng, plan.impact))  # 2nd unit
    elif kind == NO_UNIT or sub == "units":
        units["kantor"] = _Unit(_PLANNED)
    elif kind == FALLER and start is not None:
        opened = bh + timedelta(days=int(rng.integers(10, 90)))
        units["kantor"] = _Unit(_RUNNING, min(opened, _month_first(start)))
    elif rng.random() < 0.92:
        operate_p = {DORMANT: 0.3, FORMAL: 0.7}.get(arch, 0.9)
        if rng.random() < operate_p:
            opened = bh + timedelta(days=int(rng.integers(10, 120)))
            units["kantor"] = _Unit(_RUNNING, opened)
        else:
            units["kantor"] = _Unit(_PLANNED)
    # sembako: the gerai behind the reported omzet
    if kind == NEVER:
        if rng.random() < 0.75:
            units["sembako"] = _Unit(_PLANNED)
    elif kind in (FALLER, EARLY_STOP) and start is not None:
        units["sembako"] = _Unit(_STOPPED, _month_date(rng, start))
    elif kind == NO_UNIT or start is None:
        units["sembako"] = _Unit(_PLANNED)
    else:
        units["sembako"] = _Unit(_RUNNING, _month_date(rng, min(start, last_start)))
    # the other standard units
    for unit, row_p in EXTRA_UNIT_ROW_P.items():
        if rng.random() >= row_p:
            continue
        operate_p = {
            IMPACT_PATH: 0.6,
            ACTIVE_PATH: 0.35,
            SLUMP: 0.1,
            LOW_PARTICIPATION: 0.1,
            LATE: 0.1,
            SPORADIC: 0.1,
        }.get(kind, 0.0)
        if sub == "units" or (
            sub == "manfaat" and unit in ("simpan_pinjam", "klinik", "apotek")
        ):
            operate_p = 0.0
        since = plan.impact if kind == IMPACT_PATH else start
        if since is not None and rng.random() < operate_p:
            units[unit] = _Unit(_RUNNING, running_since(since))
        elif arch in (DORMANT, FORMAL) and rng.random() < 0.1:
            units[unit] = _Unit(_STOPPED, running_since(max(0, _month_index(bh)), 6))
        else:
            units[unit] = _Unit(_PLANNED)
    plan.units = {u: units[u] for u in UNITS if u in units}


def _planted_classes(plan: _Plan) -> list[str]:
    """The class DESIGN §5 gives the cooperative at each month-end period, as planted.

    Tidak bergerak without a sale in the last three months; Administratif with fewer
    than four months of sales in the last six, or low participation, or no operating
    unit yet; Berdampak from the month its second unit opens (the six months before
    are already at that level); Aktif otherwise.
    """
    opened = [
        _month_index(u.start)
        for u in plan.units.values()
        if u.status == _RUNNING and u.start is not None
    ]
    first_unit = min(opened) if opened else N_MONTHS
    out = []
    for p in range(N_MONTHS):
        window = plan.trading[max(0, p - 5) : p + 1]
        if not plan.trading[max(0, p - 2) : p + 1].any():
            level = DORMANT
        elif window.sum() < 4 or plan.kind == LOW_PARTICIPATION or first_unit > p:
            level = FORMAL
        elif plan.impact is not None and p >= plan.impact:
            level = IMPACTFUL
        else:
            level = ACTIVE
        out.append(CLASSES[level])
    return out


def _plan_frames(plans: list[_Plan]) -> SamplePlan:
    def month(index: int | None) -> str | None:
        if index is None:
            return None
        return str(pd.Period(PERIOD_START, freq="M") + index)

    rows = []
    for p in plans:
        traded = np.flatnonzero(p.trading)
        rows.append(
            {
                "koperasi_id": p.koperasi_id,
                "kode_desa": p.kode_desa,
                "nama_kec": p.nama_kec,
                "arketipe": CLASSES[p.archetype],
                "jalur": p.kind,
                "perintis": p.perintis,
                "gelombang": None if p.wave is None else p.wave.gelombang,
                "bulan_pelatihan": None if p.wave is None else p.wave.bulan,
                "bulan_siap": month(p.ready),
                "mulai_transaksi": month(int(traded[0])) if len(traded) else None,
                "transaksi_terakhir": month(int(traded[-1])) if len(traded) else None,
                "bulan_jatuh": month(p.fall) if p.kind in (FALLER, SLUMP) else None,
                "bulan_berdampak": month(p.impact),
                "tidak_pernah_bergerak": not len(traded),
            }
        )
    cooperatives = pd.DataFrame(rows).set_index("koperasi_id")
    cooperatives["gelombang"] = cooperatives["gelombang"].astype("Int64")
    classes = pd.DataFrame(
        [_planted_classes(p) for p in plans],
        index=cooperatives.index,
        columns=MONTHS,
    )
    return SamplePlan(cooperatives=cooperatives, classes=classes)


def _draw_legal(rng: np.random.Generator, plan: _Plan) -> None:
    arch = plan.archetype
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
    for p in plans:
        rep, trade = p.reported, p.trading
        if not rep.any():
            continue
        growth = rng.poisson(p.members0 * p.growth, N_MONTHS)
        terdaftar = np.round(p.members0) + np.cumsum(growth) - growth[0]
        share = p.share * rng.uniform(0.97, 1.03, N_MONTHS)
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
        staff = np.maximum(staff, p.staff_floor)
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


def _pengurus_table(
    rng: np.random.Generator, plans: list[_Plan], planted: bool = False
) -> pd.DataFrame:
    """Pengurus and pengawas with their training tier at the end of the data.

    Every kecamatan has had its wave by 2026-10: most cooperatives sent their ketua and
    the sekretaris or bendahara (tier ``dasar``; the never-moving core less often);
    some people of active cooperatives went on to ``menengah``, a few to ``lanjut``.
    ``planted``: who attends and goes on does not depend on the cooperative
    (:data:`PLANTED_ATTEND_P`, :data:`PLANTED_UP_P`).
    """
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
        attend_p = 0.45 if p.kind == NEVER else 0.6 if arch == DORMANT else 0.9
        up = {DORMANT: 0.0, FORMAL: 0.05, ACTIVE: 0.25, IMPACTFUL: 0.4}[arch]
        top_p = 0.15 if arch == IMPACTFUL else 0.0
        if planted:
            attend_p, up, top_p = PLANTED_ATTEND_P, PLANTED_UP_P, 0.15
        sent = set()
        if p.wave is not None and rng.random() < attend_p:
            sent = {"ketua", str(rng.choice(["sekretaris", "bendahara"]))}
        for k, role in enumerate(roles, start=1):
            tier = 1 if role in sent or rng.random() < 0.08 else 0
            if tier and rng.random() < up:
                tier = 3 if top_p and rng.random() < top_p else 2
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


# ------------------------------------------------- training, pendamping, loans


def _random_waves(
    rng: np.random.Generator, villages: pd.DataFrame
) -> dict[str, TrainingWave]:
    """Planted mode: the kecamatan dealt to the waves in a random order, each wave
    keeping its month and its share of the kecamatan."""
    names = sorted(set(villages["nama_kec"].astype(str)))
    order = [str(k) for k in rng.permutation(names)]
    sizes = np.array([len(w.kecamatan) for w in TRAINING_WAVES], float)
    bounds = np.cumsum(sizes) / sizes.sum() * len(order)
    dealt: dict[int, list[str]] = {}
    for i, name in enumerate(order):
        at = min(int(np.searchsorted(bounds, i, side="right")), len(sizes) - 1)
        dealt.setdefault(at, []).append(name)
    return {
        name: TrainingWave(wave.gelombang, wave.bulan, tuple(dealt[at]))
        for at, wave in enumerate(TRAINING_WAVES)
        for name in dealt.get(at, [])
    }


def _random_loans(rng: np.random.Generator, plans: list[_Plan]) -> None:
    """Planted mode: a loan disbursed to :data:`PLANTED_LOAN_P` of the cooperatives
    drawn at random (every document in place); a disbursement drawn from the
    archetype becomes an approval."""
    disbursed = LOAN_STATUS[3]
    for plan in plans:
        millions = int(rng.choice([500, 750, 1000, 1250, 1500, 2000, 2500, 3000]))
        if rng.random() < PLANTED_LOAN_P:
            plan.loan_status = disbursed
            plan.docs = dict.fromkeys(LEGAL_DOCS, True)
            plan.plafon = plan.plafon or millions * 1_000_000
        elif plan.loan_status == disbursed:
            plan.loan_status = LOAN_STATUS[2]


def _course(rng: np.random.Generator, month: int, days: range) -> tuple[date, date]:
    """A course of :data:`_COURSE_DAYS` days starting on one of ``days`` of a month."""
    start = _month_first(month) + timedelta(days=int(rng.choice(days)))
    return start, start + timedelta(days=_COURSE_DAYS - 1)


def _pelatihan_table(
    rng: np.random.Generator, plans: list[_Plan], pengurus: pd.DataFrame
) -> pd.DataFrame:
    """A row per person and tier attended, consistent with ``jenjang_pelatihan``.

    Everyone whose tier is ``dasar`` or above passed ``dasar`` at their
    kecamatan's session in its wave's month (wave 1 from 13 Nov 2025), and
    ``menengah`` and ``lanjut`` in later months; a few others attended and failed
    (``lulus`` tidak): a board member of a cooperative that sent people fails
    ``dasar``, a ``dasar`` holder fails ``menengah``. The highest tier each person
    passed is their ``jenjang_pelatihan``.
    """
    last = N_MONTHS - 1
    by_id = {p.koperasi_id: p for p in plans}
    sessions: dict[str, tuple[date, date]] = {}
    for kec in sorted({p.nama_kec for p in plans}):
        wave = next((p.wave for p in plans if p.nama_kec == kec), None)
        if wave is not None and wave.gelombang == 1:
            start = WAVE_1_START
            sessions[kec] = (start, start + timedelta(days=_COURSE_DAYS - 1))
        else:
            month = MONTHS.index(wave.bulan) if wave is not None else 5
            sessions[kec] = _course(rng, month, range(0, 20))
    rank = {tier: i for i, tier in enumerate(TRAINING_TIERS)}
    tiers = pengurus["jenjang_pelatihan"].map(rank).to_numpy()
    sent = set(pengurus.loc[tiers > 0, "koperasi_id"])
    rows = []

    def add(kid: str, pid: str, tier: str, when: tuple[date, date], ok: bool) -> None:
        organiser = None if rng.random() < 0.05 else _ORGANISERS[tier]
        rows.append((kid, pid, tier, _fmt(when[0]), _fmt(when[1]), organiser, ok))

    for (kid, pid, role), tier in zip(
        pengurus[["koperasi_id", "id_orang", "peran"]].itertuples(index=False),
        tiers,
        strict=True,
    ):
        plan = by_id[kid]
        dasar = sessions[plan.nama_kec]
        if tier >= 1:
            add(kid, pid, "dasar", dasar, True)
        elif kid in sent and role != "pengawas" and rng.random() < 0.05:
            add(kid, pid, "dasar", dasar, False)
        after = min(_month_index(dasar[1]) + 2, last)
        if tier >= 2 or (tier == 1 and rng.random() < 0.04):
            month = int(rng.integers(after, last + 1))
            menengah = _course(rng, month, range(0, 18))
            add(kid, pid, "menengah", menengah, tier >= 2)
            if tier == 3:
                if month < last:
                    lanjut = _course(
                        rng, int(rng.integers(month + 1, last + 1)), range(0, 18)
                    )
                else:
                    lanjut = _course(rng, month, range(22, 26))
                add(kid, pid, "lanjut", lanjut, True)
    frame = pd.DataFrame(rows, columns=TABLES["pelatihan"].column_names)
    frame["lulus"] = np.where(frame["lulus"].astype(bool), YES, NO)
    return frame


def _pendampingan_table(rng: np.random.Generator, plans: list[_Plan]) -> pd.DataFrame:
    """Pendamping assignments, the same rule with or without planted effects.

    From :data:`PENDAMPING_FROM`, the kecamatan get their pendamping one after
    another, about two weeks apart, in a random order (not by need or by how the
    cooperatives fare); the last ones in that order get none by 2026-10. In a
    kecamatan that gets them, :data:`PENDAMPING_P` of the cooperatives (drawn at
    random) are assigned, three to six per pendamping, each visited first within
    three weeks; :data:`PENDAMPING_END_P` of the assignments end after three to six
    months, and a new pendamping takes over half of those. The others are ongoing
    (``tanggal_selesai`` empty).
    """
    kecamatan = sorted({p.nama_kec for p in plans})
    order = [str(k) for k in rng.permutation(kecamatan)]
    covered = round(len(order) * PENDAMPING_KECAMATAN / 20)
    first = _month_first(MONTHS.index(PENDAMPING_FROM))
    rows = []
    for k, kec in enumerate(order[:covered]):
        arrive = first + timedelta(days=14 * k + int(rng.integers(0, 7)))
        members = [p for p in plans if p.nama_kec == kec]
        chosen = [p for p in members if rng.random() < PENDAMPING_P]
        code = members[0].kode_desa[:8].replace(".", "")
        n = 0
        while chosen:
            size = int(rng.integers(_PER_PENDAMPING[0], _PER_PENDAMPING[1] + 1))
            group, chosen = chosen[:size], chosen[size:]
            n += 1
            pid = f"PD-{code}-{n:02d}"
            for plan in group:
                start = arrive + timedelta(days=int(rng.integers(0, 21)))
                end = None
                if rng.random() < PENDAMPING_END_P:
                    end = start + timedelta(days=int(rng.integers(90, 184)))
                    if end > LAST_DAY:
                        end = None
                rows.append((plan.koperasi_id, pid, _fmt(start), _fmt(end)))
                if end is not None and rng.random() < 0.5:
                    again = end + timedelta(days=int(rng.integers(14, 46)))
                    if again <= LAST_DAY:
                        rows.append(
                            (
                                plan.koperasi_id,
                                f"PD-{code}-{n + 50:02d}",
                                _fmt(again),
                                None,
                            )
                        )
    return pd.DataFrame(rows, columns=TABLES["pendampingan"].column_names)


def _pembiayaan_table(rng: np.random.Generator, plans: list[_Plan]) -> pd.DataFrame:
    """Disbursements of exactly the cooperatives whose loan is ``dicairkan``.

    A month drawn at random from three months after the legal entity (and from
    2025-11, when the Himbara scheme opened in the sample) to 2026-09, not from how
    the cooperative fares; half to all of the ceiling, in one payment or (three in
    ten) two, the second two to three months later; one Himbara bank each.
    """
    last = N_MONTHS - 1
    rows = []
    for plan in plans:
        if plan.loan_status != LOAN_STATUS[3] or not plan.plafon:
            continue
        legal = _month_index(plan.badan_hukum) if plan.badan_hukum else 3
        earliest = max(legal + 3, 5)
        month = int(rng.integers(earliest, max(earliest, last - 1) + 1))
        share = float(rng.choice([0.5, 0.6, 0.75, 1.0]))
        total = np.floor(plan.plafon * share / 1e6) * 1e6
        bank = str(rng.choice(HIMBARA_BANKS, p=_BANK_P))
        paid = [(month, total)]
        if rng.random() < 0.3 and month + 2 <= last:
            first = np.floor(total * 0.6 / 1e6) * 1e6
            later = min(month + int(rng.integers(2, 4)), last)
            paid = [(month, first), (later, total - first)]
        for m, amount in paid:
            rows.append((plan.koperasi_id, _fmt(_month_date(rng, m)), amount, bank))
    return pd.DataFrame(rows, columns=TABLES["pembiayaan"].column_names)


def treatment_months(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each cooperative's treatment month per effort (``YYYY-MM``, None: untreated).

    - ``pelatihan``: the month of ``tanggal_selesai`` by which its ketua, or at
      least half of its pengurus other than pengawas, had passed (``lulus`` ya)
      ``dasar``;
    - ``pendampingan``: the month of ``tanggal_mulai`` of its first assignment;
    - ``pembiayaan``: the month of its first ``tanggal_cair``.

    Takes the tables as written (text) or as read (typed).

    Examples
    --------
    >>> t = {
    ...     "koperasi": pd.DataFrame({"koperasi_id": ["K1", "K2"]}),
    ...     "pengurus": pd.DataFrame({"koperasi_id": ["K1", "K1", "K2", "K2"],
    ...         "id_orang": ["P1", "P2", "P1", "P2"],
    ...         "peran": ["ketua", "bendahara", "ketua", "bendahara"]}),
    ...     "pelatihan": pd.DataFrame({"koperasi_id": ["K1", "K2"],
    ...         "id_orang": ["P2", "P1"], "jenjang": ["dasar", "dasar"],
    ...         "tanggal_selesai": ["2025-11-15", "2026-01-03"],
    ...         "lulus": ["ya", "tidak"]}),
    ...     "pendampingan": pd.DataFrame({"koperasi_id": ["K2", "K2"],
    ...         "tanggal_mulai": ["2026-05-02", "2026-02-20"]}),
    ...     "pembiayaan": pd.DataFrame({"koperasi_id": [], "tanggal_cair": []}),
    ... }
    >>> treatment_months(t).to_dict("index")  # doctest: +NORMALIZE_WHITESPACE
    {'K1': {'pelatihan': '2025-11', 'pendampingan': None, 'pembiayaan': None},
     'K2': {'pelatihan': None, 'pendampingan': '2026-02', 'pembiayaan': None}}
    """
    ids = pd.Index(tables["koperasi"]["koperasi_id"].astype(str), name="koperasi_id")
    out = pd.DataFrame(index=ids, columns=list(EFFORTS), dtype=object)
    pel, pengurus = tables.get("pelatihan"), tables.get("pengurus")
    if pel is not None and pengurus is not None and len(pel):
        lulus = pel["lulus"].astype(str).str.lower().isin(["ya", "true"])
        passed = pel[lulus.to_numpy() & (pel["jenjang"] == "dasar").to_numpy()]
        passed = passed.assign(_m=_month_text(passed["tanggal_selesai"]))
        board = pengurus.loc[
            pengurus["peran"] != "pengawas", ["koperasi_id", "id_orang", "peran"]
        ].merge(
            passed[["koperasi_id", "id_orang", "_m"]],
            on=["koperasi_id", "id_orang"],
            how="left",
        )
        ketua = board[board["peran"] == "ketua"].groupby("koperasi_id")["_m"].min()

        def half(months: pd.Series) -> str | None:
            need = -(-len(months) // 2)
            done = sorted(months.dropna())
            return done[need - 1] if len(done) >= need else None

        halves = board.groupby("koperasi_id")["_m"].agg(half)
        both = pd.concat([ketua, halves], axis=1).min(axis=1)
        out["pelatihan"] = both.reindex(ids).astype(object)
    for name, column in (
        ("pendampingan", "tanggal_mulai"),
        ("pembiayaan", "tanggal_cair"),
    ):
        frame = tables.get(name)
        if frame is not None and len(frame):
            months = frame.assign(_m=_month_text(frame[column]))
            out[name] = months.groupby("koperasi_id")["_m"].min().reindex(ids)
    return out.astype(object).where(out.notna(), None)


def _month_text(dates: pd.Series) -> pd.Series:
    """Dates (text or typed) as ``YYYY-MM``; missing stays missing."""
    parsed = pd.to_datetime(dates, errors="coerce")
    return parsed.dt.strftime("%Y-%m").where(parsed.notna(), None)


def _plant_effects(
    laporan: pd.DataFrame,
    treated: pd.DataFrame,
    effects: Effects,
    plans: list[_Plan],
) -> pd.DataFrame:
    """``anggota_aktif`` + ``round(X * anggota_terdaftar)`` per effort in every
    reported month after its treatment month, capped at ``anggota_terdaftar``; a
    month without sales that gains members gets a small turnover and its income."""
    lap = laporan.copy()
    terdaftar = lap["anggota_terdaftar"].to_numpy(float)
    add = np.zeros(len(lap))
    for name in EFFORTS:
        x = getattr(effects, name)
        if not x:
            continue
        start = lap["koperasi_id"].map(treated[name])
        post = start.notna().to_numpy() & (
            lap["bulan"].to_numpy(str) > start.fillna("").to_numpy(str)
        )
        add += np.where(post, np.round(x * terdaftar), 0.0)
    before = lap["anggota_aktif"].to_numpy(float)
    after = np.minimum(terdaftar, before + add)
    lap["anggota_aktif"] = after
    spend = lap["koperasi_id"].map({p.koperasi_id: p.spend for p in plans})
    margin = lap["koperasi_id"].map({p.koperasi_id: p.margin for p in plans})
    omzet = round_k(after * spend.to_numpy(float) * 0.5)
    gained = (after > before) & (lap["omzet"].to_numpy(float) == 0) & (omzet > 0)
    lap.loc[gained, "omzet"] = omzet[gained]
    income = round_k(omzet * margin.to_numpy(float))
    lap.loc[gained, "pendapatan_usaha"] = income[gained]
    return lap


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

"""The next training waves, in a randomised and recorded order (DESIGN §7, §7b).

Who is waiting for a tier comes from :func:`kmp_analysis.recommend.
training_participants`; this module decides **when** each kecamatan is trained, so
that next year's effect estimate (DESIGN §7b) can compare kecamatan trained early
with kecamatan not yet trained, and believe the difference.

The design, in the order :func:`plan_training` applies it:

- **The unit drawn is the kecamatan.** Training is delivered per kecamatan, and the
  effect will be estimated with inference clustered by kecamatan; drawing
  cooperatives one by one would split a kecamatan over waves and let its trained
  pengurus teach the untrained ones next door. A kecamatan with no one waiting is
  left out of the draw (listed in :attr:`WavePlan.left_out`).
- **Strata of similar kecamatan.** The kecamatan with someone waiting are ranked
  from strongest to weakest by the share of their cooperatives (all of them, not
  only those waiting) that are Aktif or Berdampak; ties by mean Indeks Outcome,
  higher first, then by code. Consecutive groups of N (N = the number of waves)
  form the strata: stratum 1 the N strongest, and so on; the last stratum may be
  smaller. Each wave then gets one kecamatan of every full stratum, so every wave
  mixes strong and weak kecamatan (a blocked, "matched-group" cluster
  randomisation; with two waves these are matched pairs).
- **The draw.** Within each stratum a random permutation sends its kecamatan to
  waves 1..N, one each (a stratum of m < N kecamatan fills m waves drawn at
  random). The numbers come from NumPy's PCG64 generator seeded with ``seed``, its
  raw 64-bit output, which NumPy keeps the same across versions (the Generator's
  derived methods are not promised to be, NEP 19): per draw, one number per slot
  (stratum × wave), and slot ranks give the permutation.
- **Waves of about equal size** (re-randomisation, Morgan & Rubin 2012): a draw is
  kept only where every wave's participants are within :data:`BALANCE` (10%) of
  the mean wave; otherwise the next draw of the same stream is taken, up to
  :data:`MAX_DRAWS`; where none of them is balanced (one kecamatan much larger
  than the rest), the most balanced is kept. The kept draw is random among the
  balanced ones, so the order is still decided by chance; its number is recorded
  (:attr:`WavePlan.draw`), and the same seed gives the same plan.
- **Classes.** Within a wave, each kecamatan's participants of one tier fill
  ceil(n / class size) classes of nearly equal size (31 people: 16 and 15), people of
  one cooperative side by side; so the classes add up to those of
  :func:`~kmp_analysis.recommend.training_plan`.
- **More waves than kecamatan** with someone waiting: as many waves as there are
  such kecamatan (one each), and the plan says how many were asked for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kmp_analysis.errors import UsageError
from kmp_analysis.i18n import fmt_int, fmt_month, fmt_percent, join_names, label
from kmp_analysis.recommend import SUPPORTED, TIERS, training_participants

#: A draw is kept where every wave's participants are within this share of the
#: mean wave (re-randomisation).
BALANCE = 0.10
#: Draws tried at most before the most balanced is kept.
MAX_DRAWS = 1000

#: Columns of :attr:`WavePlan.kecamatan`, in order.
KECAMATAN_COLUMNS = (
    "gelombang",
    "kode_kec",
    "nama_kec",
    "strata",
    "pangsa_aktif_berdampak",
    "koperasi_peserta",
    *(f"peserta_{tier}" for tier in TIERS),
    "peserta",
    "kelas_pelatihan",
)
#: Columns of :attr:`WavePlan.participants`, in order.
PARTICIPANT_COLUMNS = (
    "gelombang",
    "kode_kec",
    "nama_kec",
    "kode_desa",
    "nama_desa",
    "koperasi_id",
    "nama_koperasi",
    "id_orang",
    "peran",
    "jenjang_sekarang",
    "jenjang_berikut",
    "kelas_ke",
)
#: Columns of :meth:`WavePlan.by_wave`.
WAVE_COLUMNS = ("gelombang", "kecamatan", "peserta", "kelas_pelatihan")


@dataclass(frozen=True)
class WavePlan:
    """The next training waves (see the module's description).

    Attributes
    ----------
    kecamatan
        One row per kecamatan with someone waiting (:data:`KECAMATAN_COLUMNS`):
        its wave, stratum (1 = strongest), share Aktif + Berdampak, cooperatives
        with participants, participants per tier and in all, training classes;
        by wave, then stratum.
    participants
        One row per person (:data:`PARTICIPANT_COLUMNS`) with the class
        (``kelas_ke``, 1, 2, … within wave × kecamatan × tier); by wave, kecamatan,
        tier, class, cooperative, person.
    left_out
        The kecamatan of the evaluation with no one waiting (kode_kec, nama_kec).
    seed, waves_asked, class_size, period
        What the plan was drawn with: the seed, the number of waves asked for,
        the largest class, the evaluation period (YYYY-MM) whose classes and
        tiers it used.
    draw, balanced
        Which draw of the seed's stream was kept (1 = the first), and whether it
        met :data:`BALANCE` (False only where no draw did).
    """

    kecamatan: pd.DataFrame
    participants: pd.DataFrame
    left_out: pd.DataFrame
    seed: int
    waves_asked: int
    class_size: int
    period: str | None = None
    draw: int = 0
    balanced: bool = True

    @property
    def n_waves(self) -> int:
        """The number of waves drawn (fewer than asked where fewer kecamatan have
        anyone waiting)."""
        return int(self.kecamatan["gelombang"].max()) if len(self.kecamatan) else 0

    @property
    def n_strata(self) -> int:
        return int(self.kecamatan["strata"].max()) if len(self.kecamatan) else 0

    def by_wave(self) -> pd.DataFrame:
        """Per wave: its kecamatan (names, strongest stratum first), participants
        and classes (:data:`WAVE_COLUMNS`)."""
        rows = [
            {
                "gelombang": int(wave),
                "kecamatan": [str(n) for n in part["nama_kec"]],
                "peserta": int(part["peserta"].sum()),
                "kelas_pelatihan": int(part["kelas_pelatihan"].sum()),
            }
            for wave, part in self.kecamatan.groupby("gelombang", sort=True)
        ]
        return pd.DataFrame(rows, columns=list(WAVE_COLUMNS))

    def explanation(self, lang: str = "id") -> list[str]:
        """Why a drawn order lets next year's evaluation credit the training with
        what changes after it, in three lines."""
        return [
            label("gelombang_why_compare", lang),
            label("gelombang_why_chance", lang, seed=self.seed),
            label("gelombang_why_credit", lang),
        ]

    def notes(self, lang: str = "id") -> list[str]:
        """What a reader must know besides the table: fewer waves than asked, and
        the kecamatan left out because no one there is waiting."""
        out = []
        if self.n_waves < self.waves_asked:
            out.append(
                label(
                    "gelombang_fewer",
                    lang,
                    asked=fmt_int(self.waves_asked, lang),
                    n=fmt_int(self.n_waves, lang),
                )
            )
        if len(self.left_out):
            out.append(
                label(
                    "gelombang_left_out",
                    lang,
                    n=fmt_int(len(self.left_out), lang),
                    names=join_names(list(self.left_out["nama_kec"]), lang),
                )
            )
        return out

    def _draw_text(self, lang: str) -> str:
        """Which draw was kept, and the largest and smallest wave."""
        if not self.n_waves:
            return "–"
        totals = self.kecamatan.groupby("gelombang")["peserta"].sum()
        params = {
            "draw": fmt_int(self.draw, lang),
            "largest": fmt_int(totals.max(), lang),
            "smallest": fmt_int(totals.min(), lang),
        }
        if self.balanced:
            return label("gelombang_m_draw_v", lang, **params)
        return label(
            "gelombang_m_draw_unbalanced",
            lang,
            max=fmt_int(MAX_DRAWS, lang),
            balance=fmt_percent(BALANCE, lang),
            **params,
        )

    def method(self, lang: str = "id") -> pd.DataFrame:
        """The plan's method as a two-column table (``butir``, ``nilai``): seed,
        waves, class size, strata, the data's period, the kecamatan left out and
        the three lines of :meth:`explanation`."""
        period = (
            fmt_month(self.period, lang) + f" ({self.period})" if self.period else "–"
        )
        rows = [
            ("gelombang_m_seed", self.seed),
            ("gelombang_m_generator", label("gelombang_m_generator_v", lang)),
            ("gelombang_m_waves_asked", self.waves_asked),
            ("gelombang_m_waves", self.n_waves),
            ("gelombang_m_class_size", self.class_size),
            ("gelombang_m_unit", label("gelombang_m_unit_v", lang)),
            (
                "gelombang_m_strata",
                label(
                    "gelombang_m_strata_v",
                    lang,
                    n=fmt_int(self.n_waves, lang),
                    strata=fmt_int(self.n_strata, lang),
                ),
            ),
            (
                "gelombang_m_deal",
                label(
                    "gelombang_m_deal_v",
                    lang,
                    balance=fmt_percent(BALANCE, lang),
                    max=fmt_int(MAX_DRAWS, lang),
                ),
            ),
            ("gelombang_m_draw", self._draw_text(lang)),
            ("gelombang_m_period", period),
            (
                "gelombang_m_left_out",
                join_names(list(self.left_out["nama_kec"]), lang) or "–",
            ),
        ]
        rows += [
            (f"gelombang_m_why_{i}", line)
            for i, line in enumerate(self.explanation(lang), start=1)
        ]
        return pd.DataFrame(
            [(label(key, lang), value) for key, value in rows],
            columns=["butir", "nilai"],
        )


def _whole(value: object, at_least: int) -> int | None:
    """``value`` as an int if it is a whole number >= ``at_least``, else None."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        return None
    return int(value) if value >= at_least else None


def plan_training(
    cooperatives: pd.DataFrame,
    pengurus: pd.DataFrame,
    waves: int = 4,
    seed: int = 2026,
    class_size: int = 30,
    period: str | None = None,
) -> WavePlan:
    """Order the kecamatan whose pengurus wait for a tier into ``waves`` waves.

    Parameters
    ----------
    cooperatives : DataFrame
        The evaluated per-cooperative table (``koperasi_id``, ``nama_koperasi``,
        ``kode_desa``, ``nama_desa``, ``kode_kec``, ``nama_kec``, ``kelas``;
        ``indeks_outcome`` breaks ties of strength where present).
    pengurus : DataFrame
        The ``pengurus`` input table.
    waves : int
        Waves asked for, a whole number >= 1 (``rekomendasi.gelombang_pelatihan``).
    seed : int
        Seed of the draw, a whole number >= 0 (``rekomendasi.benih_gelombang``).
    class_size : int
        Largest class, >= 1 (``rekomendasi.ukuran_kelas_pelatihan``).
    period : str, optional
        The evaluation period, recorded with the plan.

    Returns
    -------
    WavePlan

    Raises
    ------
    UsageError
        If ``waves``, ``seed`` or ``class_size`` is not a whole number in range.

    Examples
    --------
    Four kecamatan, one cooperative each, two waves: the two strongest form
    stratum 1, the two weakest stratum 2, and each wave gets one of each.

    >>> coops = pd.DataFrame({
    ...     "koperasi_id": ["K1", "K2", "K3", "K4"], "nama_koperasi": "KMP",
    ...     "kode_desa": ["D1", "D2", "D3", "D4"], "nama_desa": "Desa",
    ...     "kode_kec": ["A", "B", "C", "D"], "nama_kec": ["A", "B", "C", "D"],
    ...     "kelas": ["berdampak", "aktif", "administratif", "tidak_bergerak"]})
    >>> people = pd.DataFrame({"koperasi_id": ["K1", "K2", "K3", "K4"],
    ...     "id_orang": "P01", "peran": "ketua", "jenjang_pelatihan": "belum"})
    >>> plan = plan_training(coops, people, waves=2, seed=1)
    >>> plan.kecamatan[["gelombang", "kode_kec", "strata"]].to_numpy().tolist()
    [[1, 'A', 1], [1, 'C', 2], [2, 'B', 1], [2, 'D', 2]]
    """
    n_asked = _whole(waves, 1)
    if n_asked is None:
        raise UsageError("gelombang_bad", value=waves)
    seed_value = _whole(seed, 0)
    if seed_value is None:
        raise UsageError("benih_bad", value=seed)
    size = _whole(class_size, 1)
    if size is None:
        raise UsageError("ukuran_kelas_bad", value=class_size)

    people = training_participants(cooperatives, pengurus)
    details = cooperatives[["koperasi_id", "nama_koperasi", "kode_desa", "nama_desa"]]
    people = people.merge(details, on="koperasi_id", how="left", validate="m:1")
    strength = _strength(cooperatives)
    waiting = strength[strength["kode_kec"].isin(people["kode_kec"])]
    left_out = strength.loc[
        ~strength["kode_kec"].isin(people["kode_kec"]), ["kode_kec", "nama_kec"]
    ].sort_values("kode_kec", ignore_index=True)

    n_waves = min(n_asked, len(waiting))
    counts = _counts(people)
    table, draw, balanced = _draw(waiting, counts, n_waves, seed_value)
    participants = _classes(people, table, size)
    classes = (
        participants.groupby(["kode_kec", "jenjang_berikut"])["kelas_ke"]
        .max()
        .groupby(level="kode_kec")
        .sum()
    )
    table["kelas_pelatihan"] = table["kode_kec"].map(classes).fillna(0).astype("int64")
    table = table.sort_values(["gelombang", "strata"], kind="stable", ignore_index=True)
    return WavePlan(
        kecamatan=table.loc[:, list(KECAMATAN_COLUMNS)],
        participants=participants.loc[:, list(PARTICIPANT_COLUMNS)],
        left_out=left_out,
        seed=seed_value,
        waves_asked=n_asked,
        class_size=size,
        period=period,
        draw=draw,
        balanced=balanced,
    )


def _strength(cooperatives: pd.DataFrame) -> pd.DataFrame:
    """Per kecamatan: the share of its cooperatives Aktif or Berdampak and the mean
    Indeks Outcome (NaN without the column), strongest first (ties: higher mean
    outcome, then code)."""
    frame = pd.DataFrame(
        {
            "kode_kec": cooperatives["kode_kec"].astype(object),
            "nama_kec": cooperatives["nama_kec"].astype(object),
            "_active": cooperatives["kelas"].astype(object).isin(SUPPORTED),
            "_outcome": pd.to_numeric(
                cooperatives.get("indeks_outcome", np.nan), errors="coerce"
            ),
        }
    )
    out = (
        frame.groupby("kode_kec", sort=True)
        .agg(
            nama_kec=("nama_kec", "first"),
            pangsa_aktif_berdampak=("_active", "mean"),
            _outcome=("_outcome", "mean"),
        )
        .reset_index()
    )
    out["pangsa_aktif_berdampak"] = out["pangsa_aktif_berdampak"].astype("float64")
    return out.sort_values(
        ["pangsa_aktif_berdampak", "_outcome", "kode_kec"],
        ascending=[False, False, True],
        na_position="last",
        kind="stable",
        ignore_index=True,
    )


def _counts(people: pd.DataFrame) -> pd.DataFrame:
    """Per kecamatan: participants per tier and in all, cooperatives with any."""
    per_tier = (
        people.groupby(["kode_kec", "jenjang_berikut"])
        .size()
        .unstack(fill_value=0)
        .reindex(columns=list(TIERS), fill_value=0)
    )
    per_tier.columns = [f"peserta_{tier}" for tier in TIERS]
    per_tier["peserta"] = per_tier.sum(axis=1)
    per_tier["koperasi_peserta"] = people.groupby("kode_kec")["koperasi_id"].nunique()
    return per_tier.astype("int64")


def _draw(
    waiting: pd.DataFrame, counts: pd.DataFrame, n_waves: int, seed: int
) -> tuple[pd.DataFrame, int, bool]:
    """Strata and the wave of each kecamatan (``waiting`` is ordered strongest
    first), the number of the draw kept and whether it is balanced."""
    table = waiting.drop(columns="_outcome").reset_index(drop=True)
    table = table.join(counts, on="kode_kec")
    if table.empty:
        return table.assign(gelombang=[], strata=[]), 0, True
    position = np.arange(len(table))
    stratum, slot = position // n_waves, position % n_waves
    n_strata = int(stratum[-1]) + 1
    sizes = table["peserta"].to_numpy(dtype="float64")
    mean = sizes.sum() / n_waves
    generator = np.random.Generator(np.random.PCG64(seed))
    best: tuple[float, int, np.ndarray] | None = None
    for draw in range(1, MAX_DRAWS + 1):
        numbers = generator.bit_generator.random_raw(n_strata * n_waves)
        numbers = numbers.reshape(n_strata, n_waves)
        ranks = numbers.argsort(axis=1, kind="stable").argsort(axis=1)
        wave = ranks[stratum, slot]
        totals = np.bincount(wave, weights=sizes, minlength=n_waves)
        spread = float(np.abs(totals - mean).max() / mean)
        if best is None or spread < best[0]:
            best = (spread, draw, wave)
        if spread <= BALANCE + 1e-12:
            break
    spread, draw, wave = best
    table["strata"] = (stratum + 1).astype("int64")
    table["gelombang"] = (wave + 1).astype("int64")
    return table, draw, spread <= BALANCE + 1e-12


def _classes(people: pd.DataFrame, table: pd.DataFrame, size: int) -> pd.DataFrame:
    """Each person with their wave and class: per wave × kecamatan × tier,
    ceil(n / size) classes of nearly equal size, filled in cooperative order."""
    waves = dict(zip(table["kode_kec"], table["gelombang"], strict=True))
    out = people.assign(gelombang=people["kode_kec"].map(waves))
    out["_tier"] = out["jenjang_berikut"].map({t: i for i, t in enumerate(TIERS)})
    out = out.sort_values(
        ["gelombang", "kode_kec", "_tier", "koperasi_id", "id_orang"],
        kind="stable",
        ignore_index=True,
    )
    position = out.groupby(["kode_kec", "_tier"]).cumcount().to_numpy()
    total = out.groupby(["kode_kec", "_tier"])["id_orang"].transform("size")
    total = total.to_numpy()
    n_classes = -(-total // size)
    # k classes of n: the first n % k take q + 1 = n // k + 1 people, the rest q
    q, r = total // n_classes, total % n_classes
    big = r * (q + 1)
    kelas = np.where(position < big, position // (q + 1), r + (position - big) // q)
    out["kelas_ke"] = (kelas + 1).astype("int64")
    out["gelombang"] = out["gelombang"].astype("int64")
    return out.drop(columns="_tier")


def class_sizes(n: int, size: int) -> list[int]:
    """The sizes of the classes ``n`` people of one tier fill: ceil(n / size)
    classes, as equal as can be, the larger first.

    >>> class_sizes(31, 30), class_sizes(60, 30), class_sizes(7, 30)
    ([16, 15], [30, 30], [7])
    """
    k = math.ceil(n / size) if n else 0
    return [n // k + (1 if i < n % k else 0) for i in range(k)]

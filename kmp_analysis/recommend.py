"""Recommendations (DESIGN §7): who to support, who to evaluate, training, BUMDes sync,
and how to share the pendamping (facilitators) among kecamatan.

Every function is pure: it reads the evaluated per-cooperative table
(:attr:`kmp_analysis.evaluation.Evaluation.cooperatives`) and, where needed, validated
input tables (:attr:`kmp_analysis.schema.Dataset.tables`), and returns a new DataFrame
with Indonesian snake_case columns (the export layer labels them) in a documented,
deterministic row order. Nothing is read, written or printed. The function names
are English; the lists keep their Indonesian names where a planner reads them (the
workbook's sheets ``didukung``, ``dievaluasi``, ``pelatihan``, ``bumdes``,
``pendamping``).

Where the cooperatives table carries ``indeks_outcome`` (DESIGN §6) it orders the
cooperatives within a class; without it the order falls back to ``koperasi_id``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from kmp_analysis.classify import CLASSES
from kmp_analysis.config import Thresholds
from kmp_analysis.errors import AllocationError
from kmp_analysis.schema import UNITS

#: Classes that get support, in list order (impactful first).
SUPPORTED = ("berdampak", "aktif")
#: Classes that get evaluated, in list order (dormant first).
TO_EVALUATE = ("tidak_bergerak", "administratif")
#: Training tiers that can be planned, in order.
TIERS = ("dasar", "menengah", "lanjut")
#: BUMDes actions, in list order: overlap, revive, already linked.
ACTIONS = ("tumpang_tindih", "hidupkan", "sudah_bermitra")
#: Need weight of each class for the pendamping allocation.
NEED_WEIGHTS = {"tidak_bergerak": 2, "administratif": 1}

_NEXT_TIER = {"belum": "dasar", "dasar": "menengah", "menengah": "lanjut"}
_GEO = ["kode_kec", "nama_kec", "kode_desa", "nama_desa"]
_OUTCOME = "indeks_outcome"


# ------------------------------------------------------------------------ helpers


def _as_class(values: pd.Series) -> pd.Categorical:
    """``values`` as the ordered class Categorical (whatever dtype they came in)."""
    return pd.Categorical(values.astype(object), categories=CLASSES, ordered=True)


def _class_str(frame: pd.DataFrame) -> pd.Series:
    """The class of each row as plain text (NaN where missing)."""
    return frame["kelas"].astype(object)


def _outcome_columns(cooperatives: pd.DataFrame) -> list[str]:
    return [_OUTCOME] if _OUTCOME in cooperatives.columns else []


def _rank(values: pd.Series, order: tuple[str, ...]) -> pd.Series:
    """Position of each value in ``order`` (for sorting by an explicit order)."""
    return values.astype(object).map({v: i for i, v in enumerate(order)})


# ------------------------------------------------------- supported (didukung)


def supported(cooperatives: pd.DataFrame, koperasi: pd.DataFrame) -> pd.DataFrame:
    """Aktif and Berdampak cooperatives: the ones to support.

    ``siap_pembiayaan`` flags those ready to apply for a Himbara loan: every legal
    requirement met (``legal`` == 1) and no loan asked for yet (``status_pinjaman``
    ``belum``, taken from the ``koperasi`` input table).

    Parameters
    ----------
    cooperatives : DataFrame
        The evaluated per-cooperative table (``kelas``, ``legal``, geography, ...).
    koperasi : DataFrame
        The ``koperasi`` input table (``koperasi_id``, ``status_pinjaman``).

    Returns
    -------
    DataFrame
        Columns kode_kec, nama_kec, kode_desa, nama_desa, koperasi_id,
        nama_koperasi, kelas, indeks_outcome (only where the input has it),
        berisiko, siap_pembiayaan, status_pinjaman. Rows: Berdampak first, then
        Aktif; within a class by indeks_outcome descending (missing last) where
        present, then koperasi_id.
    """
    coops = cooperatives[_class_str(cooperatives).isin(SUPPORTED)]
    loans = koperasi[["koperasi_id", "status_pinjaman"]].drop_duplicates("koperasi_id")
    out = coops.merge(loans, on="koperasi_id", how="left", validate="many_to_one")
    legal_ok = pd.to_numeric(out["legal"], errors="coerce") >= 1 - 1e-9
    out["siap_pembiayaan"] = (
        (legal_ok & (out["status_pinjaman"].astype(object) == "belum"))
        .fillna(False)
        .astype(bool)
    )
    out["berisiko"] = out["berisiko"].fillna(False).astype(bool)
    outcome = _outcome_columns(cooperatives)
    out["_rank"] = _rank(out["kelas"], SUPPORTED)
    out = out.sort_values(
        ["_rank", *outcome, "koperasi_id"],
        ascending=[True, *[False] * len(outcome), True],
        na_position="last",
        kind="stable",
        ignore_index=True,
    )
    out["kelas"] = _as_class(out["kelas"])
    columns = [
        *_GEO,
        "koperasi_id",
        "nama_koperasi",
        "kelas",
        *outcome,
        "berisiko",
        "siap_pembiayaan",
        "status_pinjaman",
    ]
    return out.loc[:, columns]


# --------------------------------------------------- to evaluate (dievaluasi)


def to_evaluate(cooperatives: pd.DataFrame) -> pd.DataFrame:
    """Tidak bergerak and Administratif cooperatives: the ones to evaluate.

    Each keeps its reason codes (``alasan``: what it fails of the next class up) and
    its risk reasons, so the list says why in one line; ``urutan`` numbers the list.

    Parameters
    ----------
    cooperatives : DataFrame
        The evaluated per-cooperative table.

    Returns
    -------
    DataFrame
        Columns urutan (1..n), kode_kec, nama_kec, kode_desa, nama_desa,
        koperasi_id, nama_koperasi, kelas, indeks_outcome (only where the input has
        it), alasan, berisiko, alasan_risiko, laporan_terakhir. Rows: Tidak
        bergerak first, then Administratif; within a class by indeks_outcome
        ascending (weakest first, missing last) where present, then koperasi_id.
    """
    out = cooperatives[_class_str(cooperatives).isin(TO_EVALUATE)].copy()
    outcome = _outcome_columns(cooperatives)
    out["_rank"] = _rank(out["kelas"], TO_EVALUATE)
    out = out.sort_values(
        ["_rank", *outcome, "koperasi_id"],
        na_position="last",
        kind="stable",
        ignore_index=True,
    )
    out["kelas"] = _as_class(out["kelas"])
    out["berisiko"] = out["berisiko"].fillna(False).astype(bool)
    out.insert(0, "urutan", np.arange(1, len(out) + 1, dtype="int64"))
    columns = [
        "urutan",
        *_GEO,
        "koperasi_id",
        "nama_koperasi",
        "kelas",
        *outcome,
        "alasan",
        "berisiko",
        "alasan_risiko",
        "laporan_terakhir",
    ]
    return out.loc[:, columns]


# --------------------------------------------------------- training (pelatihan)


def training_participants(
    cooperatives: pd.DataFrame, pengurus: pd.DataFrame
) -> pd.DataFrame:
    """Each pengurus or pengawas with a next training tier, and that tier.

    belum → dasar and dasar → menengah for everyone; menengah → lanjut only where
    the person's cooperative is Aktif or Berdampak (advanced training pays off only
    where there is a business to run); lanjut has no next tier. People with no next
    tier, and people of cooperatives absent from ``cooperatives`` (e.g. another
    kecamatan), are left out.

    Parameters
    ----------
    cooperatives : DataFrame
        The evaluated per-cooperative table (``koperasi_id``, ``kelas``, kecamatan).
    pengurus : DataFrame
        The ``pengurus`` input table.

    Returns
    -------
    DataFrame
        Columns kode_kec, nama_kec, koperasi_id, kelas, id_orang, peran,
        jenjang_sekarang, jenjang_berikut; one row per participant, ordered by
        kode_kec, koperasi_id, id_orang.
    """
    coops = cooperatives[["koperasi_id", "kode_kec", "nama_kec", "kelas"]]
    people = pengurus[["koperasi_id", "id_orang", "peran", "jenjang_pelatihan"]]
    out = people.merge(coops, on="koperasi_id", how="inner", validate="many_to_one")
    current = out["jenjang_pelatihan"].astype(object)
    nxt = current.map(_NEXT_TIER)
    active = _class_str(out).isin(SUPPORTED)
    nxt = nxt.where((current != "menengah") | active)
    out = out.assign(jenjang_sekarang=current, jenjang_berikut=nxt)
    out = out[out["jenjang_berikut"].notna()]
    out = out.sort_values(
        ["kode_kec", "koperasi_id", "id_orang"], kind="stable", ignore_index=True
    )
    out["kelas"] = _as_class(out["kelas"])
    columns = [
        "kode_kec",
        "nama_kec",
        "koperasi_id",
        "kelas",
        "id_orang",
        "peran",
        "jenjang_sekarang",
        "jenjang_berikut",
    ]
    return out.loc[:, columns]


def training_plan(
    cooperatives: pd.DataFrame, pengurus: pd.DataFrame, class_size: int = 30
) -> pd.DataFrame:
    """Tiered training plan: participants and classes per kecamatan and tier.

    Built on :func:`training_participants`; a kecamatan's participants of one tier fill
    ``kelas_pelatihan`` = ceil(peserta / class_size) classes of at most
    ``class_size`` people each.

    Parameters
    ----------
    cooperatives : DataFrame
        The evaluated per-cooperative table.
    pengurus : DataFrame
        The ``pengurus`` input table.
    class_size : int
        Largest class (default 30); must be a whole number of at least 1.

    Returns
    -------
    DataFrame
        Columns kode_kec, nama_kec, jenjang (dasar/menengah/lanjut), peserta,
        kelas_pelatihan; one row per kecamatan × tier with participants, ordered by
        kode_kec then tier (dasar, menengah, lanjut).

    Raises
    ------
    ValueError
        If ``class_size`` is not a whole number of at least 1.
    """
    if (
        isinstance(class_size, bool)
        or not isinstance(class_size, int | np.integer)
        or class_size < 1
    ):
        raise ValueError(f"class_size must be a whole number >= 1, not {class_size!r}")
    people = training_participants(cooperatives, pengurus)
    names = people.drop_duplicates("kode_kec").set_index("kode_kec")["nama_kec"]
    counts = (
        people.groupby(["kode_kec", "jenjang_berikut"], sort=False)
        .size()
        .rename("peserta")
        .reset_index()
        .rename(columns={"jenjang_berikut": "jenjang"})
    )
    counts["_rank"] = _rank(counts["jenjang"], TIERS)
    counts = counts.sort_values(["kode_kec", "_rank"], kind="stable", ignore_index=True)
    counts["peserta"] = counts["peserta"].astype("int64")
    counts["kelas_pelatihan"] = (-(-counts["peserta"] // int(class_size))).astype(
        "int64"
    )
    counts["nama_kec"] = counts["kode_kec"].map(names)
    counts["jenjang"] = counts["jenjang"].astype(object)
    return counts.loc[
        :, ["kode_kec", "nama_kec", "jenjang", "peserta", "kelas_pelatihan"]
    ]


# --------------------------------------------------------------- BUMDes sync


def _unit_items(text: object) -> list[str]:
    """The non-empty, trimmed ``;``-separated items of a BUMDes ``unit_usaha`` cell."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return []
    return [item.strip() for item in str(text).split(";") if item.strip()]


def normalise_unit(item: str) -> str:
    """A BUMDes unit name in the form of :data:`kmp_analysis.schema.UNITS`.

    Trimmed, lower-cased, runs of spaces and hyphens turned into one ``_``.

    >>> normalise_unit(" Simpan-Pinjam ")
    'simpan_pinjam'
    >>> normalise_unit("air bersih") in UNITS
    False
    """
    return re.sub(r"[\s\-]+", "_", item.strip().lower())


def bumdes_sync(
    cooperatives: pd.DataFrame, unit_usaha: pd.DataFrame, bumdes: pd.DataFrame
) -> pd.DataFrame:
    """What to agree between each village's BUMDes and its KMP.

    DPMD rule: where a BUMDes already runs a business well, the KMP should not enter
    it. Actions (``tindakan``):

    - ``tumpang_tindih`` (overlap): an active BUMDes runs a unit that the village's
      KMP also operates (unit_usaha status beroperasi); agree a division of
      business. BUMDes items are matched to :data:`~kmp_analysis.schema.UNITS` after
      :func:`normalise_unit`; free text never matches. ``unit``: the overlapping
      units, ``;``-joined in UNITS order.
    - ``hidupkan`` (revive): an active BUMDes in a village whose KMP is Tidak
      bergerak or Administratif; a partnership. ``unit``: the BUMDes' units as
      written, trimmed, ``"; "``-joined.
    - ``sudah_bermitra`` (already linked): ``kerja_sama_kmp`` is true, whatever the
      BUMDes status. ``unit``: as for ``hidupkan``.

    Overlap and revive need the village's KMP in ``cooperatives``; an already-linked
    BUMDes is listed even without it (kode_kec then from the village code, nama_kec
    from another cooperative of that kecamatan, the KMP columns empty), so filter a
    kecamatan's rows by kode_kec. A village with several KMP gets a row per KMP.

    Parameters
    ----------
    cooperatives : DataFrame
        The evaluated per-cooperative table.
    unit_usaha : DataFrame
        The ``unit_usaha`` input table (``koperasi_id``, ``unit``, ``status``).
    bumdes : DataFrame
        The ``bumdes`` input table.

    Returns
    -------
    DataFrame
        Columns kode_kec, nama_kec, kode_desa, nama_desa, nama_bumdes,
        status_bumdes, koperasi_id, kelas, tindakan, unit; one row per village ×
        action (× KMP); ordered by kode_kec, kode_desa, tindakan (tumpang_tindih,
        hidupkan, sudah_bermitra), koperasi_id.
    """
    coops = cooperatives[[*_GEO, "koperasi_id", "kelas"]]
    b = bumdes[["kode_desa", "nama_bumdes", "status", "unit_usaha", "kerja_sama_kmp"]]
    b = b.rename(columns={"status": "status_bumdes"})
    rows = b.merge(coops, on="kode_desa", how="left")
    rows = rows.reset_index(drop=True)
    items = rows["unit_usaha"].map(_unit_items)
    written = items.map("; ".join)
    has_kmp = rows["koperasi_id"].notna()
    active = (rows["status_bumdes"].astype(object) == "aktif") & has_kmp

    operating = unit_usaha.loc[
        (unit_usaha["status"].astype(object) == "beroperasi")
        & unit_usaha["koperasi_id"].isin(rows.loc[active, "koperasi_id"]),
        ["koperasi_id", "unit"],
    ]  # only the KMP an overlap is looked for: the rest cost time for nothing
    kmp_units = operating.groupby("koperasi_id")["unit"].agg(
        lambda s: set(s.astype(object))
    )
    overlap = pd.Series("", index=rows.index, dtype=object)
    for i in rows.index[active]:
        bumdes_units = {normalise_unit(x) for x in items[i]}
        shared = bumdes_units & kmp_units.get(rows.at[i, "koperasi_id"], set())
        overlap[i] = ";".join(u for u in UNITS if u in shared)

    linked = rows["kerja_sama_kmp"].astype("boolean").fillna(False).astype(bool)
    dormant = _class_str(rows).isin(TO_EVALUATE)
    # assign before filtering: a Series assigned to an empty frame would add rows
    parts = [
        rows.assign(tindakan="tumpang_tindih", unit=overlap)[active & (overlap != "")],
        rows.assign(tindakan="hidupkan", unit=written)[active & dormant],
        rows.assign(tindakan="sudah_bermitra", unit=written)[linked],
    ]
    out = pd.concat(parts, ignore_index=True)

    # Geography of villages whose KMP is not in the table (already-linked rows only).
    kec_from_code = out["kode_desa"].astype(object).str.slice(0, 8)
    out["kode_kec"] = out["kode_kec"].astype(object).fillna(kec_from_code)
    kec_names = cooperatives.drop_duplicates("kode_kec").set_index("kode_kec")[
        "nama_kec"
    ]
    out["nama_kec"] = (
        out["nama_kec"].astype(object).fillna(out["kode_kec"].map(kec_names))
    )

    out["_rank"] = _rank(out["tindakan"], ACTIONS)
    out = out.sort_values(
        ["kode_kec", "kode_desa", "_rank", "koperasi_id"],
        na_position="last",
        kind="stable",
        ignore_index=True,
    )
    out["kelas"] = _as_class(out["kelas"])
    columns = [
        *_GEO,
        "nama_bumdes",
        "status_bumdes",
        "koperasi_id",
        "kelas",
        "tindakan",
        "unit",
    ]
    return out.loc[:, columns]


# ---------------------------------------------------------------- pendamping


# ------------------------------------------------------------ steps to next class

#: The class one up from each class (Berdampak: none, keep it).
NEXT_CLASS = {
    "tidak_bergerak": "administratif",
    "administratif": "aktif",
    "aktif": "berdampak",
}
#: The unit each criterion's gap is counted in (``rapor.json``'s ``satuan``).
STEP_UNITS = {
    "bulan_transaksi": "bulan",
    "bulan_transaksi_r": "bulan",
    "partisipasi": "anggota",
    "unit_beroperasi": "unit",
    "kemandirian": "rupiah_per_bulan",
    "manfaat": "manfaat",
    "par30": "rupiah",
    "laporan_terakhir": "laporan",
    "pengurus_lengkap": "pengurus",
}


#: The fields of a step as ``rapor.json`` and ``brief.json`` carry it.
STEP_FIELDS = ("kriteria", "nilai", "ambang", "kurang", "satuan")


def step_records(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Steps (:func:`next_steps`) for machines: :data:`STEP_FIELDS`, and
    ``pertahankan`` where the step is to keep a margin."""
    return [
        {k: s.get(k) for k in STEP_FIELDS}
        | ({"pertahankan": True} if s.get("pertahankan") else {})
        for s in steps
    ]


def next_steps(
    coop: Mapping[str, Any], period: str, t: Thresholds | None = None
) -> list[dict[str, Any]]:
    """What one cooperative still lacks, in things its pengurus can count
    (DESIGN §7, "Langkah ke kelas berikutnya"), easiest first.

    ``coop`` is a row of the evaluation (indicators and
    :data:`~kmp_analysis.indicators.STEP_INPUTS`). For each criterion of the next
    class up that is not met: ``kriteria``, ``nilai``, ``ambang``, ``kurang`` (the
    gap in natural units, rounded up) and ``satuan``; then, for the risk flag, the
    arrears over 30 days to collect (rupiah), the months of reports missing, the
    pengurus posts to fill. A Berdampak cooperative gets one step ``pertahankan``:
    its weakest margin. ``kurang`` is None where the gap cannot be counted (no
    operating cost reported: ``catatan`` says to record it).

    Examples
    --------
    19 of 100 members transact in each of six reported months: one more member.

    >>> row = {"kelas": "administratif", "bulan_transaksi": 6, "bulan_lapor": 6,
    ...        "partisipasi": 0.19, "unit_beroperasi": 1,
    ...        "jumlah_anggota_terdaftar": 600.0, "jumlah_anggota_aktif": 114.0,
    ...        "laporan_terakhir": "2026-10"}
    >>> [(s["kriteria"], s["kurang"], s["satuan"]) for s in next_steps(row, "2026-10")]
    [('partisipasi', 1, 'anggota')]
    """
    from kmp_analysis.classify import criteria
    from kmp_analysis.indicators import month_number

    t = t or Thresholds()
    kelas = str(coop["kelas"])
    steps: list[dict[str, Any]] = []
    if kelas in NEXT_CLASS:
        for c in criteria(t)[NEXT_CLASS[kelas]]:
            value = coop.get(c.indicator)
            if value is not None and not pd.isna(value) and value >= c.threshold:
                continue
            steps.append(_gap(c.indicator, value, c.threshold, coop, t))
    else:  # Berdampak: keep it, watching the weakest margin
        margins = []
        for c in criteria(t)["berdampak"]:
            value = coop.get(c.indicator)
            if value is not None and not pd.isna(value) and c.threshold:
                margins.append((float(value) / c.threshold, c))
        if margins:
            _, weakest = min(margins, key=lambda m: m[0])
            step = _step(
                weakest.indicator, coop.get(weakest.indicator), weakest.threshold, 0
            )
            step["pertahankan"] = True
            steps.append(step)
    steps.sort(key=_difficulty)
    steps += _risk_steps(coop, month_number(period), t)
    return steps


def _step(kriteria: str, nilai: Any, ambang: float, kurang: Any) -> dict[str, Any]:
    return {
        "kriteria": kriteria,
        "nilai": None if nilai is None or pd.isna(nilai) else _plain_number(nilai),
        "ambang": _plain_number(ambang),
        "kurang": kurang,
        "satuan": STEP_UNITS[kriteria],
    }


def _plain_number(value: Any) -> float | int:
    value = float(value)
    return int(value) if value.is_integer() else round(value, 6)


def _difficulty(step: dict[str, Any]) -> float:
    """How far off a criterion is, relative to its threshold (easiest first)."""
    if step["kurang"] is None or not step["ambang"]:
        return float("inf")
    nilai = step["nilai"] or 0.0
    return max(0.0, (step["ambang"] - nilai) / step["ambang"])


def _gap(
    name: str, value: Any, threshold: float, coop: Mapping[str, Any], t: Thresholds
) -> dict[str, Any]:
    value = 0.0 if value is None or pd.isna(value) else float(value)
    if name == "partisipasi":
        registered = float(coop.get("jumlah_anggota_terdaftar") or 0.0)
        active = float(coop.get("jumlah_anggota_aktif") or 0.0)
        months = int(coop.get("bulan_lapor") or 0)
        if months:
            missing = _ceil((threshold * registered - active) / months)
        else:  # no report in the window: of the members registered last
            missing = _ceil(threshold * float(coop.get("anggota_terdaftar") or 0.0))
        return _step(name, value, threshold, max(missing, 1))
    if name == "kemandirian":
        cost = float(coop.get("jumlah_biaya_operasional") or 0.0)
        income = float(coop.get("jumlah_pendapatan_usaha") or 0.0)
        if cost <= 0:
            step = _step(name, None, threshold, None)
            step["catatan"] = "catat_biaya"
            return step
        per_month = _ceil((threshold * cost - income) / t.window_months)
        return _step(name, value, threshold, max(per_month, 1))
    step = _step(name, value, threshold, max(_ceil(threshold - value), 1))
    if name == "manfaat":
        step["belum"] = _missing_benefits(coop, t)
    return step


def _ceil(value: float) -> int:
    """Round up, with a tolerance for float noise (0.1 + 0.2 > 0.3)."""
    return int(np.ceil(round(value, 9)))


def _missing_benefits(coop: Mapping[str, Any], t: Thresholds) -> list[str]:
    """The documented member benefits (DESIGN §4, manfaat) not yet there."""
    missing = []
    if not float(coop.get("tenaga_kerja") or 0.0) >= t.manfaat_tenaga_kerja:
        missing.append("tenaga_kerja")
    if not float(coop.get("pembelian_lokal") or 0.0) > 0:
        missing.append("pembelian_lokal")
    par30 = coop.get("par30")
    lends_well = par30 is not None and not pd.isna(par30) and par30 <= t.manfaat_par30
    if not (bool(coop.get("unit_simpan_pinjam")) and lends_well):
        missing.append("simpan_pinjam")
    if not bool(coop.get("unit_klinik_apotek")):
        missing.append("klinik_apotek")
    return missing


def _risk_steps(
    coop: Mapping[str, Any], period: int, t: Thresholds
) -> list[dict[str, Any]]:
    """The Berisiko flag's steps: arrears to collect, reports to send, posts to fill."""
    from kmp_analysis.indicators import month_number

    steps = []
    par30 = coop.get("par30")
    if par30 is not None and not pd.isna(par30) and par30 > t.risiko_par30:
        arrears = float(coop.get("tunggakan_30_akhir") or 0.0)
        loans = float(coop.get("pinjaman_beredar_akhir") or 0.0)
        steps.append(
            _step(
                "par30", par30, t.risiko_par30, _ceil(arrears - t.risiko_par30 * loans)
            )
        )
    last = coop.get("laporan_terakhir")
    last_month = None if last is None or pd.isna(last) else month_number(str(last))
    if last_month is None or last_month < period - t.risiko_bulan_basi:
        missing = period - last_month if last_month is not None else t.window_months
        steps.append(_step("laporan_terakhir", None, 0, int(missing)))
        steps[-1]["nilai"] = last if last_month is not None else None
    if not bool(coop.get("pengurus_lengkap", True)):
        board = int(coop.get("jumlah_pengurus") or 0)
        pengawas = int(coop.get("jumlah_pengawas") or 0)
        needed = max(t.pengurus_minimum, board + (board % 2 == 0))
        posts = needed - board + max(0, 1 - pengawas)
        steps.append(_step("pengurus_lengkap", board, t.pengurus_minimum, posts))
    return steps


def ask_why(cooperatives: pd.DataFrame) -> pd.DataFrame:
    """*Perlu ditanya*: Tidak bergerak or Administratif cooperatives in a desa whose
    context is favourable (Mandiri, a bank or credit, a market, a road all year).
    Context, not a cause: these are the ones to ask why, lowest class first."""
    if "konteks" not in cooperatives:
        return cooperatives.iloc[0:0]
    low = _class_str(cooperatives).isin(["tidak_bergerak", "administratif"])
    picked = cooperatives[low & (cooperatives["konteks"] == "mendukung")]
    return picked.sort_values(
        ["kelas", "kode_kec", "kode_desa"], kind="stable", ignore_index=True
    )


def bright_spots(cooperatives: pd.DataFrame) -> pd.DataFrame:
    """*Titik terang*: Aktif or Berdampak cooperatives in a desa whose context is
    hard (Berkembang or lower, neither bank nor credit, no road all year, or health
    care over an hour away): what they do may travel. Highest class first."""
    if "konteks" not in cooperatives:
        return cooperatives.iloc[0:0]
    high = _class_str(cooperatives).isin(["aktif", "berdampak"])
    picked = cooperatives[high & (cooperatives["konteks"] == "sulit")]
    return picked.sort_values(
        ["kelas", "kode_kec", "kode_desa"],
        ascending=[False, True, True],
        kind="stable",
        ignore_index=True,
    )


#: Codes of the village context that make a desa remote for the pendamping
#: allocation (a kelurahan's ``tidak_berlaku`` never does).
REMOTE_ROAD = ("musiman", "tidak_bisa")
REMOTE_HEALTH = ("lebih_60",)


def remote(cooperatives: pd.DataFrame) -> pd.Series:
    """Whether each cooperative's desa is remote: no four-wheel road all year
    (``jalan_roda_empat`` musiman or tidak_bisa) or health care more than an hour
    away (``waktu_ke_faskes`` lebih_60). Kelurahan, and data without the village
    context columns, are never remote. Same index as ``cooperatives``."""
    flags = pd.Series(False, index=cooperatives.index)
    if "jalan_roda_empat" in cooperatives:
        flags |= cooperatives["jalan_roda_empat"].astype(object).isin(REMOTE_ROAD)
    if "waktu_ke_faskes" in cooperatives:
        flags |= cooperatives["waktu_ke_faskes"].astype(object).isin(REMOTE_HEALTH)
    return flags


def allocate_pendamping(
    cooperatives: pd.DataFrame, k: int, remote_weight: float = 0.0
) -> pd.DataFrame:
    """Share ``k`` pendamping (facilitators) among kecamatan in proportion to need.

    need = 2 × Tidak bergerak + 1 × Administratif cooperatives of the kecamatan;
    with ``remote_weight`` w > 0 (``rekomendasi.bobot_terpencil``) a cooperative in
    a remote desa (:func:`remote`) counts (1 + w) times. Method (largest remainder
    with a floor of one): each kecamatan's quota is
    k × need_i / Σ need; it gets the whole part of its quota, at least 1 where need
    > 0. Seats still free go one each to the largest fractional parts; where the
    floor of one has handed out more seats than ``k``, seats are taken back one at a
    time from the kecamatan furthest above its quota that keeps at least one. Ties
    go to the larger need, then to the smaller kode_kec (exact rational arithmetic,
    so the result is deterministic). A kecamatan with need 0 gets none; the total
    is exactly ``k``. Where no kecamatan has any need, every kecamatan gets 0 and
    the unallocated ``k`` is reported in ``result.attrs["sisa"]`` (0 otherwise).

    Parameters
    ----------
    cooperatives : DataFrame
        The evaluated per-cooperative table (``kode_kec``, ``nama_kec``, ``kelas``;
        ``jalan_roda_empat`` and ``waktu_ke_faskes`` where a weight is given).
    k : int
        Number of pendamping, a whole number >= 0.
    remote_weight : float
        w >= 0; 0 (default) leaves remoteness out, and the result is exactly the
        unweighted allocation.

    Returns
    -------
    DataFrame
        Columns kode_kec, nama_kec, tidak_bergerak, administratif, kebutuhan (need),
        kuota (k × need / Σ need, the exact proportional share, for transparency),
        pendamping; one row per kecamatan in ``cooperatives``, ordered by kode_kec.
        With w > 0 also ``terpencil`` (Tidak bergerak and Administratif
        cooperatives in a remote desa) before kebutuhan, which is then a float;
        ``attrs["bobot_terpencil"]`` is w.

    Raises
    ------
    AllocationError
        If ``k`` is negative or smaller than the number of kecamatan in need, or
        ``remote_weight`` is not a finite number >= 0.
    """
    if isinstance(k, bool) or not isinstance(k, int | np.integer):
        raise AllocationError("alokasi_k_bukan_bilangan", k=k)
    k = int(k)
    if k < 0:
        raise AllocationError("alokasi_k_negatif", k=k)
    if (
        isinstance(remote_weight, bool)
        or not isinstance(remote_weight, int | float | np.integer | np.floating)
        or not math.isfinite(remote_weight)
        or remote_weight < 0
    ):
        raise AllocationError("alokasi_bobot_terpencil_buruk", w=remote_weight)
    # w = p / q exactly as written (0.5 -> 1/2, 0.1 -> 1/10): every need is
    # scaled by q into a whole number, which leaves the shares unchanged
    w = Fraction(str(float(remote_weight)))
    kelas = _class_str(cooperatives)
    dormant = (kelas == "tidak_bergerak").astype("int64")
    formal = (kelas == "administratif").astype("int64")
    base = (
        NEED_WEIGHTS["tidak_bergerak"] * dormant
        + NEED_WEIGHTS["administratif"] * formal
    )
    far = remote(cooperatives).astype("int64") if w else 0 * base
    counts = pd.DataFrame(
        {
            "kode_kec": cooperatives["kode_kec"].astype(object),
            "tidak_bergerak": dormant,
            "administratif": formal,
            "terpencil": far * (base > 0),
            "_need": base * (w.denominator + w.numerator * far),
        }
    )
    out = counts.groupby("kode_kec", sort=True).sum().reset_index()
    names = cooperatives.drop_duplicates("kode_kec").set_index("kode_kec")["nama_kec"]
    out.insert(1, "nama_kec", out["kode_kec"].map(names))
    scaled = out.pop("_need").to_numpy(dtype="int64")
    if w:
        out["kebutuhan"] = scaled / w.denominator
    else:
        out = out.drop(columns="terpencil")
        out["kebutuhan"] = scaled
    out.attrs["bobot_terpencil"] = float(remote_weight)
    total = int(scaled.sum())
    in_need = int((scaled > 0).sum())
    if k < in_need:
        raise AllocationError("alokasi_k_terlalu_kecil", k=k, n=in_need)
    if total == 0:
        out["kuota"] = 0.0
        out["pendamping"] = np.zeros(len(out), dtype="int64")
        out.attrs["sisa"] = k
        return out
    out["kuota"] = k * scaled / total
    out["pendamping"] = _largest_remainder(scaled, k, out["kode_kec"].tolist())
    out.attrs["sisa"] = k - int(out["pendamping"].sum())
    return out


def _largest_remainder(need: np.ndarray, seats: int, keys: list[str]) -> np.ndarray:
    """``seats`` shared over ``need`` by largest remainder, at least 1 where need > 0.

    Exact integer arithmetic: quota_i = seats × need_i / total is compared through
    its numerator seats × need_i, in units of 1/total. Requires ``seats`` to be at
    least the number of entries with need > 0.
    """
    need = np.asarray(need, dtype="int64")
    total = int(need.sum())
    numer = seats * need
    given = numer // total
    given[(need > 0) & (given == 0)] = 1
    # tie-break keys: larger need first, then smaller key
    rank_key = sorted(range(len(need)), key=lambda i: (-int(need[i]), keys[i]))
    position = np.empty(len(need), dtype="int64")
    position[rank_key] = np.arange(len(need))
    while given.sum() < seats:  # one more seat to the largest remainder
        remainder = numer - given * total  # may be negative for floored-up entries
        best = max(range(len(need)), key=lambda i: (remainder[i], -position[i]))
        given[best] += 1
    while given.sum() > seats:  # take back from the furthest above its quota
        excess = given * total - numer
        candidates = [i for i in range(len(need)) if given[i] > 1]
        worst = max(candidates, key=lambda i: (excess[i], position[i]))
        given[worst] -= 1
    return given

"""What support each cooperative has received so far (issue 15): its pengurus'
training by tier and who is due for the next tier, its pendamping, its financing.

This module describes; it does not estimate (the effects of support are
:mod:`kmp_analysis.effects`). The kecamatan brief and the report card quote it.

Definitions, all as of the evaluated period ``P`` (its last day, ``end``):

- **Trained**: a pengurus or pengawas whose ``pengurus.jenjang_pelatihan`` is not
  ``belum`` (the tier as recorded, which validation checks against ``pelatihan``;
  the table has no dates, so for an earlier ``P`` it is still today's tier).
- **Due for the next tier**: :func:`kmp_analysis.recommend.training_participants`
  (belum → dasar, dasar → menengah, menengah → lanjut only in an Aktif or Berdampak
  cooperative).
- **Last passed course**: the latest ``tanggal_selesai`` ≤ ``end`` of a
  ``pelatihan`` row with ``lulus`` true.
- **A pendamping now**: an assignment with ``tanggal_mulai`` ≤ ``end`` and
  ``tanggal_selesai`` empty or after ``end`` (one that ends on ``end`` has ended).
- **Months of facilitation** (``bulan_pendampingan``): calendar months from the
  month the first pendamping arrived (the earliest ``tanggal_mulai`` ≤ ``end``) to
  ``P``: arrived 2026-02-12, P = 2026-10 → 8; arrived within P → 0. Counted from
  the first arrival even where the pendamping changed or left since.
- **Financed**: a ``pembiayaan`` row with ``tanggal_cair`` ≤ ``end``.

An optional table that is missing or has no rows is "no data" (:func:`has_data`):
its columns are then empty (NA), never zero, so that a reader is told "belum ada
data pendampingan" rather than "no cooperative has a pendamping".
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from kmp_analysis.indicators import month_number, period_end
from kmp_analysis.recommend import TIERS, training_participants

#: The optional tables this module reads, in the order a page mentions them.
SUPPORT_TABLES = ("pelatihan", "pendampingan", "pembiayaan")
#: Every training tier a person can be at, untrained first.
LEVELS = ("belum", *TIERS)

#: Columns of :func:`cooperative_support`, in order.
COLUMNS = (
    "koperasi_id",
    "kode_kec",
    "nama_kec",
    "pengurus",
    *(f"jenjang_{t}" for t in LEVELS),
    "terlatih",
    "porsi_terlatih",
    *(f"ke_{t}" for t in TIERS),
    "pelatihan_terakhir",
    "ada_pendamping",
    "pendamping_id",
    "pendamping_pertama",
    "bulan_pendampingan",
    "pendampingan_selesai",
    "dibiayai",
    "kali_pembiayaan",
    "jumlah_pembiayaan",
    "pembiayaan_terakhir",
    "bank",
)


def has_data(tables: Mapping[str, pd.DataFrame] | None, name: str) -> bool:
    """Whether ``tables`` has rows of the optional table ``name`` (an evaluation
    saved before the optional tables existed has none of them)."""
    return tables is not None and name in tables and not tables[name].empty


def tables_with_data(tables: Mapping[str, pd.DataFrame] | None) -> dict[str, bool]:
    """For each optional table, whether ``tables`` has rows of it (a part of a page
    without says "belum ada data …")."""
    return {name: has_data(tables, name) for name in SUPPORT_TABLES}


def cooperative_support(
    cooperatives: pd.DataFrame,
    tables: Mapping[str, pd.DataFrame],
    period: str,
) -> pd.DataFrame:
    """Per cooperative: its pengurus by training tier, who is due for the next tier,
    its last passed course, its pendamping and its financing, as of ``period``.

    Parameters
    ----------
    cooperatives : DataFrame
        The evaluated per-cooperative table (``koperasi_id``, ``kode_kec``,
        ``nama_kec``, ``kelas``).
    tables : mapping
        The input tables: ``pengurus``, and where given ``pelatihan``,
        ``pendampingan``, ``pembiayaan``.
    period : str
        The evaluated month ``YYYY-MM``.

    Returns
    -------
    DataFrame
        :data:`COLUMNS`, one row per cooperative in the order of ``cooperatives``:
        ``pengurus`` (pengurus and pengawas), ``jenjang_<tier>`` (people at each
        tier, belum included), ``terlatih`` and ``porsi_terlatih`` (share not belum;
        NaN without people), ``ke_<tier>`` (due for that tier next),
        ``pelatihan_terakhir`` (date), ``ada_pendamping`` (boolean),
        ``pendamping_id`` (the pendamping now; several joined by ", " in order of
        arrival), ``pendamping_pertama`` (date), ``bulan_pendampingan`` (Int64),
        ``pendampingan_selesai`` (where none now: when the last one left),
        ``dibiayai`` (boolean), ``kali_pembiayaan`` (Int64),
        ``jumlah_pembiayaan`` (rupiah), ``pembiayaan_terakhir`` (date), ``bank``
        (of the disbursements, ", "-joined in date order). The columns of a table
        without data are NA throughout.

    Examples
    --------
    >>> coops = pd.DataFrame({"koperasi_id": ["K1"], "kode_kec": ["01"],
    ...                       "nama_kec": ["A"], "kelas": ["aktif"]})
    >>> tables = {
    ...     "pengurus": pd.DataFrame({"koperasi_id": ["K1", "K1"],
    ...         "id_orang": ["P1", "P2"], "peran": ["ketua", "pengawas"],
    ...         "jenjang_pelatihan": ["dasar", "belum"]}),
    ...     "pendampingan": pd.DataFrame({"koperasi_id": ["K1"],
    ...         "pendamping_id": ["PD-1"],
    ...         "tanggal_mulai": pd.to_datetime(["2026-02-12"]),
    ...         "tanggal_selesai": pd.to_datetime([None])}),
    ... }
    >>> row = cooperative_support(coops, tables, "2026-10").iloc[0]
    >>> [int(row[c]) for c in ("terlatih", "ke_dasar", "ke_menengah")]
    [1, 1, 1]
    >>> int(row["bulan_pendampingan"]), bool(row["ada_pendamping"])
    (8, True)
    """
    ids = pd.Index(cooperatives["koperasi_id"].astype(object), name="koperasi_id")
    out = pd.DataFrame(index=ids)
    out["kode_kec"] = cooperatives["kode_kec"].to_numpy()
    out["nama_kec"] = cooperatives["nama_kec"].to_numpy()
    end = period_end(period)
    _add_training(out, cooperatives, tables, end)
    _add_facilitation(out, tables, end, month_number(period))
    _add_financing(out, tables, end)
    return out.reset_index().loc[:, list(COLUMNS)]


def _add_training(
    out: pd.DataFrame,
    cooperatives: pd.DataFrame,
    tables: Mapping[str, pd.DataFrame],
    end: pd.Timestamp,
) -> None:
    ids = out.index
    pengurus = tables["pengurus"]
    people = pengurus[pengurus["koperasi_id"].isin(ids)]
    tiers = (
        people.groupby(["koperasi_id", people["jenjang_pelatihan"].astype(object)])
        .size()
        .unstack(fill_value=0)
        .reindex(index=ids, columns=list(LEVELS), fill_value=0)
    )
    for tier in LEVELS:
        out[f"jenjang_{tier}"] = tiers[tier].astype("int64")
    out["pengurus"] = (
        people.groupby("koperasi_id").size().reindex(ids, fill_value=0).astype("int64")
    )
    out["terlatih"] = out["pengurus"] - out["jenjang_belum"]
    out["porsi_terlatih"] = out["terlatih"] / out["pengurus"].where(out["pengurus"] > 0)
    due = training_participants(cooperatives, people)
    counts = (
        due.groupby(["koperasi_id", "jenjang_berikut"])
        .size()
        .unstack(fill_value=0)
        .reindex(index=ids, columns=list(TIERS), fill_value=0)
    )
    for tier in TIERS:
        out[f"ke_{tier}"] = counts[tier].astype("int64")
    out["pelatihan_terakhir"] = pd.Series(pd.NaT, index=ids, dtype="datetime64[ns]")
    if has_data(tables, "pelatihan"):
        courses = tables["pelatihan"]
        finished = pd.to_datetime(courses["tanggal_selesai"])
        passed = courses["lulus"].astype("boolean").fillna(False).astype(bool)
        done = courses[passed & (finished <= end)]
        last = pd.to_datetime(done["tanggal_selesai"]).groupby(done["koperasi_id"])
        out["pelatihan_terakhir"] = last.max().reindex(ids).astype("datetime64[ns]")


def _add_facilitation(
    out: pd.DataFrame,
    tables: Mapping[str, pd.DataFrame],
    end: pd.Timestamp,
    period: int,
) -> None:
    ids = out.index
    out["ada_pendamping"] = pd.Series(pd.NA, index=ids, dtype="boolean")
    out["pendamping_id"] = pd.Series(pd.NA, index=ids, dtype=object)
    out["pendamping_pertama"] = pd.Series(pd.NaT, index=ids, dtype="datetime64[ns]")
    out["bulan_pendampingan"] = pd.Series(pd.NA, index=ids, dtype="Int64")
    out["pendampingan_selesai"] = pd.Series(pd.NaT, index=ids, dtype="datetime64[ns]")
    if not has_data(tables, "pendampingan"):
        return
    rows = tables["pendampingan"]
    rows = rows.assign(
        tanggal_mulai=pd.to_datetime(rows["tanggal_mulai"]),
        tanggal_selesai=pd.to_datetime(rows["tanggal_selesai"]),
    )
    started = rows[rows["tanggal_mulai"] <= end]
    started = started.sort_values(
        ["koperasi_id", "tanggal_mulai", "pendamping_id"], kind="stable"
    )
    ends = started["tanggal_selesai"]
    now = started[ends.isna() | (ends > end)]
    by_coop = started.groupby("koperasi_id")
    first = by_coop["tanggal_mulai"].min().reindex(ids)
    current = now.groupby("koperasi_id")["pendamping_id"].agg(
        lambda s: ", ".join(dict.fromkeys(s.astype(str)))
    )
    out["ada_pendamping"] = pd.Series(ids.isin(current.index), index=ids).astype(
        "boolean"
    )
    out["pendamping_id"] = current.reindex(ids).astype(object)
    out["pendamping_pertama"] = first.astype("datetime64[ns]")
    months = period - (first.dt.year * 12 + first.dt.month - 1)
    out["bulan_pendampingan"] = months.astype("Int64")
    left = by_coop["tanggal_selesai"].max().reindex(ids).astype("datetime64[ns]")
    out["pendampingan_selesai"] = left.where(~out["ada_pendamping"].astype(bool))


def _add_financing(
    out: pd.DataFrame, tables: Mapping[str, pd.DataFrame], end: pd.Timestamp
) -> None:
    ids = out.index
    out["dibiayai"] = pd.Series(pd.NA, index=ids, dtype="boolean")
    out["kali_pembiayaan"] = pd.Series(pd.NA, index=ids, dtype="Int64")
    out["jumlah_pembiayaan"] = pd.Series(np.nan, index=ids, dtype="float64")
    out["pembiayaan_terakhir"] = pd.Series(pd.NaT, index=ids, dtype="datetime64[ns]")
    out["bank"] = pd.Series(pd.NA, index=ids, dtype=object)
    if not has_data(tables, "pembiayaan"):
        return
    rows = tables["pembiayaan"]
    rows = rows.assign(tanggal_cair=pd.to_datetime(rows["tanggal_cair"]))
    paid = rows[rows["tanggal_cair"] <= end].sort_values(
        ["koperasi_id", "tanggal_cair"], kind="stable"
    )
    by_coop = paid.groupby("koperasi_id")
    count = by_coop.size().reindex(ids, fill_value=0)
    out["dibiayai"] = (count > 0).astype("boolean")
    out["kali_pembiayaan"] = count.astype("Int64")
    total = by_coop["jumlah"].sum(min_count=1).reindex(ids)
    out["jumlah_pembiayaan"] = total.where(count > 0, 0.0).astype("float64")
    out["pembiayaan_terakhir"] = by_coop["tanggal_cair"].max().reindex(ids)
    banks = by_coop["bank"].agg(
        lambda s: ", ".join(dict.fromkeys(s.dropna().astype(str))) or pd.NA
    )
    out["bank"] = banks.reindex(ids).astype(object)


def kecamatan_support(support: pd.DataFrame) -> pd.DataFrame:
    """Per kecamatan, from :func:`cooperative_support`: its pengurus and the share
    at each tier, the share trained, who is due for each next tier, the
    cooperatives with a pendamping now and the median months since their first
    pendamping arrived, and the cooperatives financed with the total disbursed.

    Returns
    -------
    DataFrame
        Columns kode_kec, nama_kec, koperasi, pengurus, jenjang_<tier> and
        porsi_<tier> (for belum, dasar, menengah, lanjut; shares NaN without
        people), terlatih, porsi_terlatih, ke_<tier>, didampingi (Int64, NA
        without pendampingan data), median_bulan_pendampingan (over the
        cooperatives with a pendamping now; NaN where none), dibiayai (Int64, NA
        without pembiayaan data), jumlah_pembiayaan; ordered by kode_kec.

    Examples
    --------
    >>> support = pd.DataFrame({"koperasi_id": ["K1", "K2"], "kode_kec": ["01"] * 2,
    ...     "nama_kec": ["A"] * 2, "pengurus": [6, 4], "jenjang_belum": [3, 4],
    ...     "jenjang_dasar": [3, 0], "jenjang_menengah": [0, 0],
    ...     "jenjang_lanjut": [0, 0], "terlatih": [3, 0], "ke_dasar": [3, 4],
    ...     "ke_menengah": [3, 0], "ke_lanjut": [0, 0],
    ...     "ada_pendamping": pd.array([True, False], dtype="boolean"),
    ...     "bulan_pendampingan": pd.array([8, 2], dtype="Int64"),
    ...     "dibiayai": pd.array([pd.NA, pd.NA], dtype="boolean"),
    ...     "jumlah_pembiayaan": [float("nan")] * 2})
    >>> row = kecamatan_support(support).iloc[0]
    >>> float(row["porsi_terlatih"]), int(row["didampingi"])
    (0.3, 1)
    >>> float(row["median_bulan_pendampingan"])
    8.0
    >>> pd.isna(row["dibiayai"])
    True
    """
    counts = [
        "pengurus",
        *(f"jenjang_{t}" for t in LEVELS),
        "terlatih",
        *(f"ke_{t}" for t in TIERS),
    ]
    groups = support.groupby("kode_kec", sort=True)
    out = groups[counts].sum().astype("int64")
    out.insert(0, "koperasi", groups.size().astype("int64"))
    out.insert(0, "nama_kec", groups["nama_kec"].first())
    people = out["pengurus"].where(out["pengurus"] > 0)
    for tier in LEVELS:
        out[f"porsi_{tier}"] = out[f"jenjang_{tier}"] / people
    out["porsi_terlatih"] = out["terlatih"] / people
    out["didampingi"] = _count_known(support, "ada_pendamping")
    current = support[support["ada_pendamping"].fillna(False).astype(bool)]
    out["median_bulan_pendampingan"] = (
        current.groupby("kode_kec")["bulan_pendampingan"]
        .median()
        .reindex(out.index)
        .astype("float64")
    )
    out["dibiayai"] = _count_known(support, "dibiayai")
    total = support.groupby("kode_kec")["jumlah_pembiayaan"].sum(min_count=1)
    out["jumlah_pembiayaan"] = total.reindex(out.index).astype("float64")
    return out.reset_index()


def _count_known(support: pd.DataFrame, column: str) -> pd.Series:
    """Per kecamatan, how many rows are true in ``column`` (NA where every row
    of the kecamatan is NA: no data)."""
    flags = support[column].astype("boolean")
    known = flags.notna().groupby(support["kode_kec"]).any()
    count = flags.fillna(False).astype("int64").groupby(support["kode_kec"]).sum()
    return count.astype("Int64").where(known, pd.NA)


def support_record(row: Mapping[str, object]) -> dict[str, object]:
    """One row of :func:`cooperative_support` for JSON (``brief.json``,
    ``rapor.json``): counts as ints, dates as ``YYYY-MM-DD``, no data as null.

    Examples
    --------
    >>> record = support_record({"pengurus": 7, "jenjang_belum": 4,
    ...     "jenjang_dasar": 2, "jenjang_menengah": 1, "jenjang_lanjut": 0,
    ...     "terlatih": 3, "ke_dasar": 4, "ke_menengah": 1, "ke_lanjut": 0,
    ...     "pelatihan_terakhir": pd.NaT, "ada_pendamping": True,
    ...     "pendamping_id": "PD-1", "pendamping_pertama": pd.Timestamp("2026-02-12"),
    ...     "bulan_pendampingan": 8, "pendampingan_selesai": pd.NaT,
    ...     "dibiayai": pd.NA, "kali_pembiayaan": pd.NA,
    ...     "jumlah_pembiayaan": float("nan"), "pembiayaan_terakhir": pd.NaT,
    ...     "bank": pd.NA})
    >>> record["terlatih"], record["berikutnya"], record["pendampingan"]["pertama"]
    (3, {'dasar': 4, 'menengah': 1, 'lanjut': 0}, '2026-02-12')
    >>> record["pembiayaan"]
    {'dibiayai': None, 'kali': None, 'jumlah': None, 'terakhir': None, 'bank': None}
    """
    return {
        "pengurus": _int(row["pengurus"]),
        "terlatih": _int(row["terlatih"]),
        "jenjang": {t: _int(row[f"jenjang_{t}"]) for t in LEVELS},
        "berikutnya": {t: _int(row[f"ke_{t}"]) for t in TIERS},
        "pelatihan_terakhir": _date(row["pelatihan_terakhir"]),
        "pendampingan": {
            "ada": _bool(row["ada_pendamping"]),
            "pendamping_id": _text(row["pendamping_id"]),
            "pertama": _date(row["pendamping_pertama"]),
            "bulan": _int(row["bulan_pendampingan"]),
            "selesai": _date(row["pendampingan_selesai"]),
        },
        "pembiayaan": {
            "dibiayai": _bool(row["dibiayai"]),
            "kali": _int(row["kali_pembiayaan"]),
            "jumlah": _int(row["jumlah_pembiayaan"]),
            "terakhir": _date(row["pembiayaan_terakhir"]),
            "bank": _text(row["bank"]),
        },
    }


def _int(value: object) -> int | None:
    return None if pd.isna(value) else int(value)


def _bool(value: object) -> bool | None:
    return None if pd.isna(value) else bool(value)


def _text(value: object) -> str | None:
    return None if pd.isna(value) else str(value)


def _date(value: object) -> str | None:
    return None if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")

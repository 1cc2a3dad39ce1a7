"""Legal but suspect data, as warnings: months without a report, cooperatives that
never reported, dates after the data, far-off month typos, an empty template, and
figures far from their cooperative's own history (:mod:`kmp_analysis.consistency`).
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pandas as pd

from kmp_analysis.config import Consistency
from kmp_analysis.consistency import implausible_values, message_params
from kmp_analysis.errors import WARNING, Problem
from kmp_analysis.io._grid import RawTable
from kmp_analysis.schema import TRAINING_TIERS


def _file_of_cooperative(raw: RawTable, lap: pd.DataFrame) -> dict[str, str]:
    """The file a cooperative's months are named in: where its last report is
    (one file, unless the table was combined from several)."""
    ids = lap["koperasi_id"].dropna()
    if raw.files is None:
        return dict.fromkeys(ids.unique(), raw.file)
    order = lap.loc[ids.index].sort_values("bulan", kind="stable")
    latest = order.drop_duplicates("koperasi_id", keep="last")
    return dict(zip(latest["koperasi_id"], raw.files.loc[latest.index], strict=True))


def _month_number(months: pd.Series) -> pd.Series:
    """``YYYY-MM`` as a count of months (year * 12 + month - 1)."""
    text = months.astype(str)
    return text.str.slice(0, 4).astype(int) * 12 + text.str.slice(5, 7).astype(int) - 1


def _month_text(number: int) -> str:
    year, month = divmod(int(number), 12)
    return f"{year:04d}-{month + 1:02d}"


def _month_range(first: int, last: int) -> str:
    """``2025-12–2026-02`` (or one month)."""
    if first == last:
        return _month_text(first)
    return f"{_month_text(first)}\u2013{_month_text(last)}"


def _unreported_months(
    ids: pd.Series, months: pd.Series, last: int, unsure: set, file_of: dict[str, str]
) -> list[Problem]:
    """One warning per cooperative with months missing from its first report on."""
    reports = (
        pd.DataFrame({"id": ids.to_numpy(), "m": months.to_numpy()})
        .drop_duplicates()
        .sort_values(["id", "m"], kind="stable")
    )
    following = reports.groupby("id", sort=False)["m"].shift(-1).fillna(last + 1)
    reports["gap_to"] = following.astype("int64") - 1  # last month of the gap
    gaps = reports[(reports["gap_to"] > reports["m"]) & ~reports["id"].isin(unsure)]
    if gaps.empty:
        return []
    ids_of = gaps["id"].to_numpy()
    firsts = (gaps["m"].to_numpy() + 1).tolist()  # first month of each gap
    lasts = gaps["gap_to"].to_numpy().tolist()
    bounds = [0, *(np.flatnonzero(ids_of[1:] != ids_of[:-1]) + 1).tolist(), len(lasts)]
    out: list[Problem] = []
    for start, end in pairwise(bounds):
        ranges = list(zip(firsts[start:end], lasts[start:end], strict=True))
        out.append(
            Problem(
                file_of[ids_of[start]],
                None,
                "bulan",
                "months_not_reported",
                severity=WARNING,
                koperasi_id=ids_of[start],
                n=sum(b - a + 1 for a, b in ranges),
                months=", ".join(_month_range(a, b) for a, b in ranges),
            )
        )
    return out


#: A report month more than this many months after every earlier one is a typo.
_MONTH_GAP_OUTLIER = 12


def data_warnings(
    tables: dict[str, pd.DataFrame],
    raws: dict[str, RawTable],
    consistency: Consistency | None = None,
) -> list[Problem]:
    """Legal but suspect data, cheap on a million report rows.

    - a cooperative without a report for some month between its first report and
      the last month of the data (DESIGN §3: a month with no row is not reported),
      one warning per cooperative listing the months;
    - a cooperative that never reported;
    - a date (or RAT tahun_buku) after the last month of the data;
    - a report month far after all the others (a typo such as 2062 for 2026), which
      is then left out when finding the last month;
    - no cooperative at all (an untouched template);
    - a figure of a cooperative's latest month far from its own earlier months
      ("perlu dicek", :func:`~kmp_analysis.consistency.implausible_values` with
      ``consistency``), on the row and column of the figure;
    - where ``pelatihan`` is given: a pengurus row whose ``jenjang_pelatihan`` is
      not the highest tier the person passed in ``pelatihan``
      (:func:`training_disagreements`).

    A cooperative with a report month that failed to parse or is such a typo gets
    no gap warning: the error (or the typo warning) already points at the row.
    """
    out: list[Problem] = training_disagreements(tables, raws)
    koperasi = tables.get("koperasi")
    if koperasi is not None and koperasi.empty and "koperasi" in raws:
        # an untouched template: valid, but there is nothing to evaluate yet
        out.append(
            Problem(
                raws["koperasi"].file, None, None, "no_cooperatives", severity=WARNING
            )
        )
    lap = tables.get("laporan_bulanan")
    if (
        lap is None
        or "laporan_bulanan" not in raws
        or raws["laporan_bulanan"].incomplete
    ):
        return out  # no report rows, or not all of them: no month can be judged
    raw = raws["laporan_bulanan"]
    valid = lap["bulan"].notna() & lap["koperasi_id"].notna()
    months = _month_number(lap.loc[valid, "bulan"])
    last = _last_month(months, raw, lap, out)
    if last is None:
        return out
    far = months.index[months > last]
    months = months[months <= last]
    ids = lap.loc[months.index, "koperasi_id"]
    bad_month = lap.index[lap["bulan"].isna() & lap["koperasi_id"].notna()]
    unsure = set(lap.loc[bad_month, "koperasi_id"]) | set(lap.loc[far, "koperasi_id"])
    out.extend(
        _unreported_months(ids, months, last, unsure, _file_of_cooperative(raw, lap))
    )
    out.extend(_figures_to_check(lap, raw, last, consistency))
    kop = tables.get("koperasi")
    if kop is not None and "koperasi" in raws:
        reporting = set(lap["koperasi_id"].dropna())
        never = kop.index[
            kop["koperasi_id"].notna() & ~kop["koperasi_id"].isin(reporting)
        ]
        out.extend(
            raws["koperasi"].problems_at(
                "koperasi_id", "never_reported", never, severity=WARNING
            )
        )
    out.extend(_future_dates(tables, raws, last))
    return out


def _last_month(
    months: pd.Series, raw: RawTable, lap: pd.DataFrame, out: list[Problem]
) -> int | None:
    """The last report month, leaving out (and warning about) far-off typos.

    The data ends before the first jump of more than a year between report months
    in the upper half of the data (by rows); months after it are typos.
    """
    values = months.to_numpy()
    if values.size == 0:
        return None
    distinct = np.unique(values)
    upper = distinct[distinct >= np.median(values)]
    jumps = np.flatnonzero(np.diff(upper) > _MONTH_GAP_OUTLIER)
    last = int(upper[jumps[0]]) if jumps.size else int(distinct[-1])
    if jumps.size:
        far = months.index[months > last]
        out.extend(
            raw.problems_at(
                "bulan",
                "month_outlier",
                far,
                {"value": lap.loc[far, "bulan"]},
                severity=WARNING,
                previous=_month_text(last),
            )
        )
    return last


def _figures_to_check(
    lap: pd.DataFrame, raw: RawTable, last: int, consistency: Consistency | None
) -> list[Problem]:
    """One warning per figure far from its cooperative's history, at its cell."""
    flags = implausible_values(lap, _month_text(last), consistency)
    rows = raw.rows.loc[flags.index].to_numpy()
    return [
        Problem(
            raw.file_at(index),
            int(row),
            flag.kolom,
            "value_to_check",
            severity=WARNING,
            **message_params(flag),
        )
        for index, row, flag in zip(
            flags.index, rows, flags.itertuples(index=False), strict=True
        )
    ]


_DATE_COLUMNS = {
    "koperasi": ("tanggal_musdes", "tanggal_badan_hukum"),
    "unit_usaha": ("tanggal_mulai",),
    "rapat": ("tanggal",),
    # a course, an assignment's start or a disbursement after the data; the planned
    # end of an assignment may well lie ahead
    "pelatihan": ("tanggal_mulai", "tanggal_selesai"),
    "pendampingan": ("tanggal_mulai",),
    "pembiayaan": ("tanggal_cair",),
}


def training_disagreements(
    tables: dict[str, pd.DataFrame], raws: dict[str, RawTable]
) -> list[Problem]:
    """One warning per pengurus row whose ``jenjang_pelatihan`` differs from the
    highest tier the person passed (``lulus`` ya) in ``pelatihan`` (``belum`` where
    none), naming the row, the column and what ``pelatihan`` shows. Nothing where
    ``pelatihan`` is not given.

    Examples
    --------
    >>> import pandas as pd
    >>> from kmp_analysis.io._grid import RawTable
    >>> pengurus = pd.DataFrame({"koperasi_id": ["K1", "K1"], "id_orang": ["P1", "P2"],
    ...     "jenjang_pelatihan": ["dasar", "belum"]})
    >>> pelatihan = pd.DataFrame({"koperasi_id": ["K1", "K1"], "id_orang": ["P2", "P2"],
    ...     "jenjang": ["dasar", "menengah"], "lulus": pd.array([True, False])})
    >>> raws = {t: RawTable(t, f"{t}.csv", pd.DataFrame(), pd.Series([2, 3]))
    ...         for t in ("pengurus", "pelatihan")}
    >>> found = training_disagreements(
    ...     {"pengurus": pengurus, "pelatihan": pelatihan}, raws)
    >>> [(p.row, p.params["tier"]) for p in found]
    [(2, 'belum'), (3, 'dasar')]
    """
    pelatihan, pengurus = tables.get("pelatihan"), tables.get("pengurus")
    if (
        pelatihan is None
        or pengurus is None
        or "pelatihan" not in raws
        or "pengurus" not in raws
    ):
        return []
    key = ["koperasi_id", "id_orang"]
    rank = {tier: i for i, tier in enumerate(TRAINING_TIERS)}
    passed = pelatihan[pelatihan["lulus"].fillna(False).astype(bool)]
    best = (
        passed.assign(_rank=passed["jenjang"].map(rank))
        .dropna(subset=["_rank", *key])
        .groupby(key)["_rank"]
        .max()
        .rename("_best")
        .reset_index()
    )
    people = pengurus[[*key, "jenjang_pelatihan"]].dropna()
    merged = people.reset_index().merge(best, on=key, how="left").set_index("index")
    shown = merged["_best"].fillna(0).astype(int)
    stated = merged["jenjang_pelatihan"].map(rank)
    differ = merged.index[stated.notna() & (stated != shown)]
    out: list[Problem] = []
    rows = raws["pengurus"].rows
    for index in differ:
        tier = TRAINING_TIERS[int(shown.loc[index])]
        code = (
            "jenjang_without_pelatihan"
            if tier == TRAINING_TIERS[0]
            else ("jenjang_differs_pelatihan")
        )
        out.append(
            Problem(
                raws["pengurus"].file,
                int(rows.loc[index]),
                "jenjang_pelatihan",
                code,
                severity=WARNING,
                value=str(merged.loc[index, "jenjang_pelatihan"]),
                tier=tier,
            )
        )
    return out


def _future_dates(
    tables: dict[str, pd.DataFrame], raws: dict[str, RawTable], last: int
) -> list[Problem]:
    out: list[Problem] = []
    last_text = _month_text(last)
    for table, columns in _DATE_COLUMNS.items():
        frame = tables.get(table)
        if frame is None or table not in raws:
            continue
        for column in columns:
            dates = frame[column]
            month = dates.dt.year * 12 + dates.dt.month - 1  # as _month_number
            late = frame.index[month > last]
            out.extend(
                raws[table].problems_at(
                    column,
                    "date_after_data",
                    late,
                    {"value": frame.loc[late, column].dt.strftime("%Y-%m-%d")},
                    severity=WARNING,
                    last=last_text,
                )
            )
    rapat = tables.get("rapat")
    if rapat is not None and "rapat" in raws:
        late = rapat.index[rapat["tahun_buku"] > last // 12]
        out.extend(
            raws["rapat"].problems_at(
                "tahun_buku",
                "year_after_data",
                late,
                {"value": rapat.loc[late, "tahun_buku"].map(lambda v: f"{v:.0f}")},
                severity=WARNING,
                last=last_text,
            )
        )
    return out

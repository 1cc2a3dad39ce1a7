"""Exports of the monthly-report form (``kmp form``) from ODK Central or
KoboToolbox, read as they come (CSV or XLSX) as the ``laporan_bulanan`` table.

- Column names carry the form's groups: ODK Central writes ``grp_angka-omzet``,
  KoboToolbox ``grp_angka/omzet`` (its default group separator); the field name
  is the last part. Fields of the form that are no column of the table
  (:data:`~kmp_analysis.io.xlsform.FORM_ONLY_FIELDS`, select-multiple split
  columns, photo URLs) and the servers' metadata columns are left out silently.
- The same cooperative and month submitted more than once: the latest submission
  (by the server's submission time) is kept; each replaced one is a warning naming
  both submission ids.
- The row of a problem is the export's row (header = row 1), as the planner
  sees it when opening the file.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from io import BytesIO
from pathlib import Path

import pandas as pd

from kmp_analysis.errors import WARNING, Problem
from kmp_analysis.io._csv import csv_grid
from kmp_analysis.io._grid import Grid, RawTable, Source
from kmp_analysis.io._header import normalise_header, to_raw
from kmp_analysis.io.cells import parse_month
from kmp_analysis.io.xlsform import FORM_ONLY_FIELDS, TABLE
from kmp_analysis.schema import TABLES

#: Metadata columns of ODK Central's CSV export (central-backend's tests: the
#: header of submissions.csv), lower-cased.
ODK_METADATA = frozenset(
    c.lower()
    for c in (
        "SubmissionDate",
        "meta-instanceID",
        "meta-instanceName",
        "KEY",
        "SubmitterID",
        "SubmitterName",
        "AttachmentsPresent",
        "AttachmentsExpected",
        "Status",
        "ReviewState",
        "DeviceID",
        "Edits",
        "FormVersion",
        "isValidated",
    )
)
#: Metadata columns of KoboToolbox's export, lower-cased.
KOBO_METADATA = frozenset(
    c.lower()
    for c in (
        "start",
        "end",
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "__version__",
        "_version_",
        "_tags",
        "_index",
        "_parent_index",
        "_xform_id_string",
        "meta/instanceID",
        "meta/rootUuid",
        "meta/deprecatedID",
        "formhub/uuid",
    )
)
#: Which tool wrote an export: the columns that give it away, its submission
#: time and its submission id (the first present is used).
LAYOUTS = {
    "odk": (("submissiondate", "key"), ("submissiondate",), ("key", "instanceid")),
    "kobo": (
        ("_submission_time",),
        ("_submission_time",),
        ("_uuid", "instanceid", "_id"),
    ),
}
_SEPARATORS = re.compile(r"[/\-]")
#: Metadata fields whatever group prefix they carry (``meta-instanceID``).
_META_FIELDS = frozenset({"instanceid", "instancename", "rootuuid", "deprecatedid"})


def export_layout(header: list[str]) -> str | None:
    """``odk``, ``kobo`` or None: which tool wrote a table with this header."""
    names = {str(h).strip().lower() for h in header}
    for layout, (marks, _, _) in LAYOUTS.items():
        if all(m in names for m in marks):
            return layout
    return None


def looks_like_export(header_line: str) -> bool:
    """Whether a CSV's first line is the header of a form export (cheap sniff)."""
    cells = re.split(r"[,;\t]", header_line)
    return export_layout([c.strip().strip('"') for c in cells]) is not None


def read_export(path: Path, problems: list[Problem]) -> Source | None:
    """An export file as a source holding one table, ``laporan_bulanan``."""
    label = str(path)
    data = path.read_bytes()
    hashes = {path.name: hashlib.sha256(data).hexdigest()}
    grid = _xlsx_grid(data, label, problems) if path.suffix.lower() == ".xlsx" else None
    if path.suffix.lower() != ".xlsx":
        grid = csv_grid(data, label, problems)
    if grid is None:
        return None
    layout = export_layout(grid.header)
    if layout is None:
        problems.append(Problem(label, 1, None, "export_unrecognised"))
        return None
    kept, meta = _columns(grid)
    table_grid = Grid(
        [name for _, name in kept],
        grid.body[[p for p, _ in kept]].set_axis(range(len(kept)), axis=1),
        grid.pending,
        grid.incomplete,
    )
    raw = to_raw(TABLE, label, table_grid, TABLES[TABLE].column_names, problems)
    if raw is None:
        return None
    _, time_names, id_names = LAYOUTS[layout]
    when = _first(grid, meta, time_names)
    who = _first(grid, meta, id_names)
    raw = _latest_only(raw, when, who, problems)
    return {TABLE: raw}, {}, hashes, None


def _columns(grid: Grid) -> tuple[list[tuple[int, str]], dict[str, int]]:
    """The positions kept for the table with the column each holds (unknown
    columns too: the reader warns about them), and the metadata columns'
    positions by lower-cased name (``instanceid`` whatever its group)."""
    wanted = set(TABLES[TABLE].column_names)
    kept: list[tuple[int, str]] = []
    meta: dict[str, int] = {}
    for position, name in enumerate(grid.header):
        text = str(name).strip()
        low = text.lower()
        field = _SEPARATORS.split(text)[-1]
        if field.lower() in _META_FIELDS:
            meta.setdefault(field.lower(), position)
            continue
        if low in ODK_METADATA or low in KOBO_METADATA:
            meta.setdefault(low, position)
            continue
        if position not in grid.body.columns:
            continue
        if normalise_header(field) in wanted:
            kept.append((position, normalise_header(field)))
            continue
        parts = {normalise_header(p) for p in _SEPARATORS.split(text)}
        if parts & set(FORM_ONLY_FIELDS) or low.endswith("_url") or not text:
            continue  # the form's own fields, split choices, photo links
        kept.append((position, text))
    return kept, meta


def _first(grid: Grid, found: dict[str, int], names: tuple[str, ...]) -> pd.Series:
    for name in names:
        if name in found and found[name] in grid.body.columns:
            return grid.body[found[name]].fillna("").astype(str).str.strip()
    return pd.Series("", index=grid.body.index)


def _latest_only(
    raw: RawTable, when: pd.Series, who: pd.Series, problems: list[Problem]
) -> RawTable:
    """The latest submission of each cooperative and month; the others warned of.

    Submission times are compared as instants (``Z`` and ``+08:00`` alike); a row
    without a readable time counts as older than any with one, and among equals
    the later row of the export wins.
    """
    frame = raw.frame
    month = frame["bulan"].map(_month_or_blank)
    key = pd.DataFrame({"id": frame["koperasi_id"], "bulan": month}, index=frame.index)
    usable = (key["id"] != "") & (key["bulan"] != "")
    stamp = pd.to_datetime(when.reindex(frame.index), errors="coerce", utc=True)
    order = pd.DataFrame(
        {
            "t": stamp.fillna(pd.Timestamp.min.tz_localize("UTC")),
            "row": raw.rows,
        }
    ).sort_values(["t", "row"], kind="stable")
    ranked = key.loc[order.index]
    last = ~ranked.duplicated(["id", "bulan"], keep="last") | ~usable.loc[order.index]
    keep_index = [i for i in frame.index if last.loc[i]]
    replaced = [i for i in order.index if not last.loc[i]]
    if not replaced:
        return raw
    latest = (
        ranked[last & usable.loc[order.index]].reset_index().set_index(["id", "bulan"])
    )
    ids = who.reindex(frame.index)
    for index in replaced:
        winner = latest.loc[(key.at[index, "id"], key.at[index, "bulan"]), "index"]
        problems.append(
            Problem(
                raw.file,
                int(raw.rows.at[index]),
                None,
                "submission_replaced",
                severity=WARNING,
                koperasi_id=key.at[index, "id"],
                bulan=key.at[index, "bulan"],
                old=ids.at[index] or "?",
                new=ids.at[winner] or "?",
                new_row=int(raw.rows.at[winner]),
            )
        )
    return RawTable(
        raw.name,
        raw.file,
        frame.loc[keep_index],
        raw.rows.loc[keep_index],
        raw.incomplete,
        None,
        None,
    )


def _month_or_blank(text: str) -> str:
    try:
        return parse_month(text)
    except ValueError:
        return ""


def _xlsx_grid(data: bytes, label: str, problems: list[Problem]) -> Grid | None:
    """The first sheet of an exported workbook (Kobo's XLSX) as a grid."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sheet = pd.read_excel(
                BytesIO(data),
                sheet_name=0,
                header=None,
                dtype=str,
                keep_default_na=False,
                engine="openpyxl",
            )
    except Exception as exc:  # a damaged workbook fails in many ways
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        problems.append(Problem(label, None, None, "file_unreadable", detail=detail))
        return None
    if sheet.empty:
        problems.append(Problem(label, 1, None, "no_header"))
        return None
    sheet = sheet.fillna("").astype(str)
    body = sheet.iloc[1:].reset_index(drop=True)
    body.columns = range(body.shape[1])
    return Grid([str(c) for c in sheet.iloc[0]], body)

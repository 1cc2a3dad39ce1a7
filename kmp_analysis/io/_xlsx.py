"""One ``.xlsx`` workbook, a sheet per table; files that are no workbook (empty,
old ``.xls``, renamed images, truncated) are named as such.
"""

from __future__ import annotations

import hashlib
import warnings
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pandas as pd

from kmp_analysis.errors import Problem
from kmp_analysis.io._grid import HEADER_ROW, WILAYAH, Grid, RawTable, Source
from kmp_analysis.io._header import missing_table, normalise_header, to_raw
from kmp_analysis.schema import OPTIONAL_TABLES, TABLES, WILAYAH_COLUMNS

METADATA_SHEET = "metadata"


def read_workbook(path: Path, problems: list[Problem]) -> Source | None:
    label = str(path)
    data = path.read_bytes()
    hashes = {path.name: hashlib.sha256(data).hexdigest()}
    code = _workbook_trouble(data)
    if code is None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl warns on odd styles
                sheets = pd.read_excel(
                    BytesIO(data),
                    sheet_name=None,
                    header=None,
                    dtype=str,
                    keep_default_na=False,
                    engine="openpyxl",
                )
        except zipfile.BadZipFile:
            code = "xlsx_corrupt"
        except Exception as exc:  # corrupt workbooks fail in many ways in openpyxl
            detail = " ".join(str(exc).split())[:160] or type(exc).__name__
            problems.append(
                Problem(label, None, None, "file_unreadable", detail=detail)
            )
            return None
    if code is not None:
        problems.append(Problem(label, None, None, code))
        return None
    lowered: dict[str, pd.DataFrame] = {}
    for key, frame in sheets.items():
        lowered.setdefault(normalise_header(key), frame)
    raws: dict[str, RawTable] = {}
    for name, spec in TABLES.items():
        sheet_label = f"{label}[{name}]"
        if name not in lowered and name in OPTIONAL_TABLES:
            continue  # an optional sheet left out: the data reads as without it
        if name not in lowered:
            others = {
                normalise_header(k): str(k)
                for k in sheets
                if normalise_header(k) not in TABLES
            }
            problems.append(missing_table(label, name, others, "sheet_missing"))
            continue
        grid = _sheet_grid(lowered[name])
        if grid is None:
            problems.append(Problem(sheet_label, HEADER_ROW, None, "no_header"))
            continue
        raw = to_raw(name, sheet_label, grid, spec.column_names, problems)
        if raw is not None:
            raws[name] = raw
    metadata: dict[str, Any] = {}
    if METADATA_SHEET in lowered:
        meta = lowered[METADATA_SHEET].fillna("").astype(str)
        if meta.shape[1] >= 2:  # row 1 is the header (kunci, nilai)
            for key, value in zip(meta.iloc[1:, 0], meta.iloc[1:, 1], strict=True):
                metadata[str(key).strip()] = _meta_value(str(value).strip())
    wilayah = None
    if WILAYAH in lowered:
        grid = _sheet_grid(lowered[WILAYAH])
        if grid is not None:
            wilayah = to_raw(
                WILAYAH,
                f"{label}[{WILAYAH}]",
                grid,
                WILAYAH_COLUMNS,
                problems,
            )
    return raws, metadata, hashes, wilayah


def _workbook_trouble(data: bytes) -> str | None:
    """The message code of a file that is no ``.xlsx`` workbook, else None."""
    if not data:
        return "xlsx_empty"
    if data.startswith(bytes.fromhex("D0CF11E0A1B11AE1")):  # OLE: .xls or encrypted
        return "xlsx_old_format"
    if not data.startswith(b"PK"):
        return "xlsx_not_zip"
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return "xlsx_corrupt"
    if "xl/workbook.xml" not in names and "[Content_Types].xml" not in names:
        return "xlsx_not_workbook"
    if "xl/workbook.xml" not in names:
        return "xlsx_corrupt"
    return None


def _sheet_grid(frame: pd.DataFrame) -> Grid | None:
    """A sheet read without a header as a grid; None for an empty sheet."""
    if frame.shape[0] == 0 or frame.shape[1] == 0:
        return None
    frame = frame.fillna("").astype(str)
    header = [str(c) for c in frame.iloc[0]]
    body = frame.iloc[1:].reset_index(drop=True)
    body.columns = range(body.shape[1])
    return Grid(header, body)


def _meta_value(value: str) -> Any:
    low = value.lower()
    if low in ("true", "ya", "1"):
        return True
    if low in ("false", "tidak", "0"):
        return False
    return value

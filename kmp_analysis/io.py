"""Reading the user's data: a folder of CSV files or one ``.xlsx`` workbook.

:func:`read_dataset` is the one entry point. It reads every table as text, parses the
cells the way Indonesian spreadsheets write them (``Rp 1.250.000``, ``dd/mm/yyyy``,
``ya``/``tidak``), checks them against :mod:`kmp_analysis.schema` and either returns a
typed :class:`Dataset` or raises :class:`~kmp_analysis.errors.ValidationFailed` with
every problem at once. It never modifies its input.
"""

from __future__ import annotations

import csv
import json
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kmp_analysis import reference
from kmp_analysis.cache import file_sha256
from kmp_analysis.errors import Problem, ValidationFailed
from kmp_analysis.schema import CHILD_TABLES, TABLES, Col, check_table

METADATA_FILE = "metadata.json"
METADATA_SHEET = "metadata"
#: Optional geography of the data's own villages (replaces Kukar's reference).
WILAYAH = "wilayah"
WILAYAH_COLUMNS = ["kode_desa", "nama_desa", "kode_kec", "nama_kec"]
HEADER_ROW = 1  # spreadsheet row of the column names; data starts on the next row


@dataclass
class Dataset:
    """The six validated tables plus where they came from."""

    tables: dict[str, pd.DataFrame]
    source: str
    metadata: dict[str, Any] = field(default_factory=dict)
    file_hashes: dict[str, str] = field(default_factory=dict)
    villages: pd.DataFrame = field(default_factory=lambda: reference.villages())

    @property
    def synthetic(self) -> bool:
        """True where the metadata marks the data as synthetic (sample data)."""
        return bool(self.metadata.get("sintetis", False))

    def __getitem__(self, table: str) -> pd.DataFrame:
        return self.tables[table]

    @property
    def last_month(self) -> str | None:
        months = self.tables["laporan_bulanan"]["bulan"]
        return None if months.empty else str(months.max())


@dataclass
class RawTable:
    """One table as text, with the spreadsheet row number of every frame row."""

    name: str
    file: str
    frame: pd.DataFrame
    rows: pd.Series


# --------------------------------------------------------------------------- reading


def read_dataset(path: str | Path) -> Dataset:
    """Read, parse and validate the data at ``path`` (CSV folder or ``.xlsx``)."""
    path = Path(path)
    problems: list[Problem] = []
    if path.is_dir():
        raws, metadata, hashes, wilayah = _read_csv_folder(path, problems)
    elif path.suffix.lower() == ".xlsx" and path.is_file():
        raws, metadata, hashes, wilayah = _read_workbook(path, problems)
    elif not path.exists():
        raise ValidationFailed([Problem(str(path), None, None, "path_not_found")])
    else:
        raise ValidationFailed([Problem(str(path), None, None, "path_not_supported")])

    tables: dict[str, pd.DataFrame] = {}
    skipped: dict[str, dict[str, set[int]]] = {}
    for name, raw in raws.items():
        tables[name], skipped[name] = parse_table(raw, problems)

    villages = _villages(wilayah, problems)
    koperasi_ids = (
        tables["koperasi"]["koperasi_id"].dropna().unique()
        if "koperasi" in tables
        else None
    )
    for name, frame in tables.items():
        problems.extend(
            check_table(
                frame,
                name,
                raws[name].file,
                raws[name].rows,
                village_codes=frozenset(villages["kode_desa"]),
                koperasi_ids=koperasi_ids if name in CHILD_TABLES else None,
                skip=skipped[name],
            )
        )
    if problems:
        raise ValidationFailed(sort_problems(problems))
    return Dataset(
        tables=tables,
        source=str(path),
        metadata=metadata,
        file_hashes=hashes,
        villages=villages,
    )


def _villages(wilayah: RawTable | None, problems: list[Problem]) -> pd.DataFrame:
    """The data's own geography where it brings one, else Kukar's reference."""
    if wilayah is None:
        return reference.villages()
    frame = wilayah.frame.assign(
        kode_desa=wilayah.frame["kode_desa"].map(parse_kode_desa)
    )
    for column in WILAYAH_COLUMNS:
        for idx in frame.index[frame[column] == ""]:
            problems.append(
                Problem(wilayah.file, int(wilayah.rows[idx]), column, "empty")
            )
    repeated = frame["kode_desa"].duplicated() & (frame["kode_desa"] != "")
    for idx in frame.index[repeated]:
        problems.append(
            Problem(
                wilayah.file,
                int(wilayah.rows[idx]),
                "kode_desa",
                "duplicate_key",
                key=f"kode_desa={frame.loc[idx, 'kode_desa']}",
            )
        )
    return frame.reset_index(drop=True)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in reading order: by file, then row, then column position."""

    def key(p: Problem) -> tuple:
        columns = TABLES[table].column_names if (table := _table_of(p.file)) else []
        position = columns.index(p.column) if p.column in columns else len(columns)
        return (p.file, p.row if p.row is not None else -1, position, p.column or "")

    return sorted(problems, key=key)


def _table_of(file: str) -> str | None:
    """The table of a problem's file label (``x/koperasi.csv``, ``x.xlsx[rapat]``)."""
    match = re.search(r"\[(\w+)\]$", file)
    name = match.group(1) if match else Path(file).stem
    return name if name in TABLES else None


def _read_csv_folder(
    folder: Path, problems: list[Problem]
) -> tuple[dict[str, RawTable], dict[str, Any], dict[str, str], RawTable | None]:
    raws: dict[str, RawTable] = {}
    hashes: dict[str, str] = {}
    for name, spec in TABLES.items():
        file = folder / f"{name}.csv"
        label = str(file)
        if not file.is_file():
            problems.append(Problem(label, None, None, "table_missing", table=name))
            continue
        hashes[file.name] = file_sha256(file)
        frame = _read_csv_text(file, label, problems)
        if frame is None:
            continue
        raw = _to_raw(name, label, frame, spec.column_names, problems)
        if raw is not None:
            raws[name] = raw
    metadata: dict[str, Any] = {}
    meta_file = folder / METADATA_FILE
    if meta_file.is_file():
        hashes[meta_file.name] = file_sha256(meta_file)
        try:
            loaded = json.loads(meta_file.read_text(encoding="utf-8"))
            metadata = loaded if isinstance(loaded, dict) else {}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            problems.append(Problem(str(meta_file), None, None, "metadata_unreadable"))
    wilayah = None
    wilayah_file = folder / f"{WILAYAH}.csv"
    if wilayah_file.is_file():
        hashes[wilayah_file.name] = file_sha256(wilayah_file)
        frame = _read_csv_text(wilayah_file, str(wilayah_file), problems)
        if frame is not None:
            wilayah = _to_raw(
                WILAYAH, str(wilayah_file), frame, WILAYAH_COLUMNS, problems
            )
    return raws, metadata, hashes, wilayah


def _read_csv_text(
    file: Path, label: str, problems: list[Problem]
) -> pd.DataFrame | None:
    """The CSV as text cells; ``;`` or ``,`` separated, UTF-8 or Windows-1252."""
    data = file.read_bytes()
    if b"\x00" in data[:4096]:
        problems.append(Problem(label, None, None, "file_not_text"))
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        problems.append(Problem(label, None, None, "file_not_text"))
        return None
    first_line = text.split("\n", 1)[0]
    sep = ";" if first_line.count(";") > first_line.count(",") else ","
    fast = _read_csv_fast(text, sep)
    if fast is not None:
        return fast
    try:
        records = list(csv.reader(StringIO(text, newline=""), delimiter=sep))
    except csv.Error as exc:
        problems.append(Problem(label, None, None, "file_unreadable", detail=str(exc)))
        return None
    if not records or not any(cell.strip() for cell in records[0]):
        problems.append(Problem(label, HEADER_ROW, None, "no_header"))
        return None
    header = records[0]
    width = len(header)
    rows: list[list[str]] = []
    for number, record in enumerate(records[1:], start=HEADER_ROW + 1):
        if len(record) > width and any(cell.strip() for cell in record[width:]):
            problems.append(
                Problem(
                    label, number, None, "too_many_fields", n=width, got=len(record)
                )
            )
        rows.append((record + [""] * width)[:width])
    return pd.DataFrame(rows, columns=header, dtype=object)


def _read_csv_fast(text: str, sep: str) -> pd.DataFrame | None:
    """pandas' C parser, for well-formed files (the normal, large case).

    Returns None where a row has more fields than the header, or the file is
    otherwise irregular: the caller then reads it row by row to say which row.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", pd.errors.ParserWarning)
        try:
            frame = pd.read_csv(
                StringIO(text),
                sep=sep,
                dtype=str,
                keep_default_na=False,
                skip_blank_lines=False,
                index_col=False,
                engine="c",
            )
        except (pd.errors.ParserError, pd.errors.ParserWarning, ValueError):
            return None
        except pd.errors.EmptyDataError:
            return None
    if frame.columns.empty or not any(str(c).strip() for c in frame.columns):
        return None
    if any(str(c).startswith("Unnamed: ") for c in frame.columns):
        return None  # blank header cells: let the slow path report them exactly
    return frame


def _read_workbook(
    path: Path, problems: list[Problem]
) -> tuple[dict[str, RawTable], dict[str, Any], dict[str, str], RawTable | None]:
    label = str(path)
    hashes = {path.name: file_sha256(path)}
    try:
        sheets = pd.read_excel(
            path, sheet_name=None, dtype=str, keep_default_na=False, engine="openpyxl"
        )
    except Exception as exc:  # corrupt workbooks fail in many ways inside openpyxl
        raise ValidationFailed(
            [Problem(label, None, None, "file_unreadable", detail=str(exc)[:160])]
        ) from None
    lowered = {str(k).strip().lower(): v for k, v in sheets.items()}
    raws: dict[str, RawTable] = {}
    for name, spec in TABLES.items():
        sheet_label = f"{label}[{name}]"
        if name not in lowered:
            problems.append(Problem(label, None, None, "sheet_missing", table=name))
            continue
        raw = _to_raw(name, sheet_label, lowered[name], spec.column_names, problems)
        if raw is not None:
            raws[name] = raw
    metadata: dict[str, Any] = {}
    if METADATA_SHEET in lowered:
        meta = lowered[METADATA_SHEET]
        if meta.shape[1] >= 2:
            for key, value in zip(meta.iloc[:, 0], meta.iloc[:, 1], strict=True):
                metadata[str(key).strip()] = _meta_value(str(value).strip())
    wilayah = None
    if WILAYAH in lowered:
        wilayah = _to_raw(
            WILAYAH, f"{label}[{WILAYAH}]", lowered[WILAYAH], WILAYAH_COLUMNS, problems
        )
    return raws, metadata, hashes, wilayah


def _meta_value(value: str) -> Any:
    low = value.lower()
    if low in ("true", "ya", "1"):
        return True
    if low in ("false", "tidak", "0"):
        return False
    return value


def _normalise_header(name: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def _to_raw(
    name: str,
    label: str,
    frame: pd.DataFrame,
    expected: list[str],
    problems: list[Problem],
) -> RawTable | None:
    names = [_normalise_header(c) for c in frame.columns]
    frame = frame.set_axis(range(len(names)), axis=1).reset_index(drop=True)
    missing = [c for c in expected if c not in names]
    for column in missing:
        problems.append(Problem(label, HEADER_ROW, column, "column_missing"))
    repeated = sorted({c for c in expected if names.count(c) > 1})
    for column in repeated:
        problems.append(Problem(label, HEADER_ROW, column, "column_repeated"))
    if missing or repeated:
        return None
    frame = pd.DataFrame(
        {c: frame[names.index(c)].fillna("").astype(str).str.strip() for c in expected},
        index=frame.index,
    )
    rows = pd.Series(frame.index + HEADER_ROW + 1, index=frame.index)
    keep = (frame != "").any(axis=1)  # drop blank spreadsheet rows, keep numbering
    return RawTable(name, label, frame.loc[keep], rows.loc[keep])


# --------------------------------------------------------------------------- parsing


class _Unparseable(ValueError):
    """A cell that cannot be read as its column's kind."""


def parse_number(text: str) -> float:
    """Read a number as Indonesian spreadsheets write it.

    Examples
    --------
    >>> parse_number("Rp 1.250.000")
    1250000.0
    >>> parse_number("0,25")
    0.25
    >>> parse_number("1250000.5")
    1250000.5
    """
    s = (
        re.sub(r"(?i)^rp\.?\s*", "", text.strip())
        .replace(" ", "")
        .replace("\u00a0", "")
    )
    if re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?", s):  # 1.250.000 / 1.250.000,50
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?", s):  # 1,250,000 / ...,50
        s = s.replace(",", "")
    elif re.fullmatch(r"-?\d+,\d+", s):  # decimal comma
        s = s.replace(",", ".")
    if not re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", s):
        raise _Unparseable(text)
    value = float(s)
    if not math.isfinite(value):
        raise _Unparseable(text)
    return value


def parse_int(text: str) -> float:
    value = parse_number(text)
    if not float(value).is_integer():
        raise _Unparseable(text)
    return value


_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(text: str) -> pd.Timestamp:
    """``yyyy-mm-dd``, ``dd/mm/yyyy`` (or ``dd-mm-yyyy``) or an Excel serial number."""
    s = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})", s)
        if m:
            d, mo, y = (int(g) for g in m.groups())
        elif re.fullmatch(r"\d{5}(\.0+)?", s):
            serial = int(float(s))
            return pd.Timestamp(_EXCEL_EPOCH) + pd.Timedelta(days=serial)
        else:
            raise _Unparseable(text)
    try:
        return pd.Timestamp(year=y, month=mo, day=d)
    except ValueError:
        raise _Unparseable(text) from None


def parse_month(text: str) -> str:
    """``YYYY-MM`` (a first-of-month date from Excel is accepted too)."""
    s = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-01(?:[ T]00:00(?::00)?)?)?", s)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise _Unparseable(text)
    return f"{m.group(1)}-{m.group(2)}"


_YES = {"ya", "y", "1", "yes", "true", "benar", "ada"}
_NO = {"tidak", "t", "0", "no", "n", "false", "salah", "tidak ada", "belum"}


def parse_yesno(text: str) -> bool:
    s = text.strip().lower()
    if s in _YES:
        return True
    if s in _NO:
        return False
    raise _Unparseable(text)


def parse_kode_desa(text: str) -> str:
    """Kemendagri village code in dotted form; the 10-digit compact form is accepted."""
    s = text.strip()
    if re.fullmatch(r"\d{10}", s):
        return f"{s[:2]}.{s[2:4]}.{s[4:6]}.{s[6:]}"
    return s


def _normalise_enum(text: pd.Series, col: Col) -> pd.Series:
    """Allowed values in their canonical spelling (case, spaces, hyphens)."""
    canonical = {re.sub(r"[\s\-]+", "_", c.lower()): c for c in col.choices}
    mapping = {
        value: canonical.get(re.sub(r"[\s\-]+", "_", value.lower()), value)
        for value in pd.unique(text)
    }
    return text.map(mapping)


_PARSE_ERRORS = {
    "int": "not_integer",
    "money": "not_a_number",
    "date": "bad_date",
    "month": "bad_month",
    "yesno": "bad_yesno",
}


def parse_table(raw: RawTable, problems: list[Problem]) -> tuple[pd.DataFrame, dict]:
    """Typed frame of one table; unparseable cells become missing and a problem.

    Returns the frame and, per column, the index labels whose cell failed to parse.
    """
    spec = TABLES[raw.name]
    out: dict[str, pd.Series] = {}
    failed: dict[str, set[int]] = {}
    for col in spec.columns:
        text = raw.frame[col.name]
        empty = text == ""
        if col.kind in ("text", "id"):
            series = text.where(~empty, None).astype(object)
        elif col.kind == "kode_desa":
            series = text.map(parse_kode_desa).where(~empty, None).astype(object)
        elif col.kind == "enum":
            series = _normalise_enum(text, col).where(~empty, None).astype(object)
        else:
            parser = {
                "int": parse_int,
                "money": parse_number,
                "date": parse_date,
                "month": parse_month,
                "yesno": parse_yesno,
            }[col.kind]
            series, bad = _parse_column(text, empty, parser, col)
            for idx in bad:
                problems.append(
                    Problem(
                        raw.file,
                        int(raw.rows.loc[idx]),
                        col.name,
                        _PARSE_ERRORS[col.kind],
                        value=str(text.loc[idx]),
                    )
                )
            failed[col.name] = set(bad)
        out[col.name] = series
    return pd.DataFrame(out, index=raw.frame.index), failed


def _parse_column(
    text: pd.Series, empty: pd.Series, parser: Callable[[str], Any], col: Col
) -> tuple[pd.Series, list[int]]:
    """Parse every distinct value once; fast path for plain numbers."""
    bad: list[int] = []
    if col.kind in ("int", "money"):
        # plain digits take the fast path; "1.250" (Indonesian thousands), "Rp ..."
        # and decimal commas go through parse_number
        plain = text.str.fullmatch(r"-?\d+").fillna(False).astype(bool)
        values = pd.to_numeric(text.where(plain, None), errors="coerce").astype(
            "float64"
        )
        need = ~plain & ~empty
        if need.any():
            slow = _map_unique(text[need], parser)
            bad = [i for i, v in slow.items() if v is _FAIL]
            values.loc[slow.index] = [np.nan if v is _FAIL else v for v in slow]
        if col.kind == "int":
            fraction = values.notna() & (values % 1 != 0) & ~text.index.isin(bad)
            bad.extend(fraction[fraction].index.tolist())
            values[fraction] = np.nan
        return values, bad
    mapped = _map_unique(text[~empty], parser)
    bad = [i for i, v in mapped.items() if v is _FAIL]
    if col.kind == "date":
        series = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
        ok = mapped[[v is not _FAIL for v in mapped]]
        if len(ok):
            series.loc[ok.index] = pd.to_datetime(list(ok)).astype("datetime64[ns]")
        return series, bad
    if col.kind == "yesno":
        series = pd.Series(pd.NA, index=text.index, dtype="boolean")
        ok = mapped[[v is not _FAIL for v in mapped]]
        series.loc[ok.index] = list(ok)
        return series, bad
    series = pd.Series(None, index=text.index, dtype=object)
    ok = mapped[[v is not _FAIL for v in mapped]]
    series.loc[ok.index] = list(ok)
    return series, bad


_FAIL = object()


def _map_unique(text: pd.Series, parser: Callable[[str], Any]) -> pd.Series:
    cache: dict[str, Any] = {}
    for value in pd.unique(text):
        try:
            cache[value] = parser(value)
        except _Unparseable:
            cache[value] = _FAIL
    return text.map(cache.__getitem__).astype(object)

"""Reading the user's data: a folder of CSV files or one ``.xlsx`` workbook.

:func:`read_dataset` is the one entry point. It reads every table as text, parses the
cells the way Indonesian spreadsheets write them (``Rp 1.250.000``, ``dd/mm/yyyy``,
``ya``/``tidak``), checks them against :mod:`kmp_analysis.schema` and either returns a
typed :class:`Dataset` or raises :class:`~kmp_analysis.errors.ValidationFailed` with
every problem at once. It never modifies its input, and no input, however broken (a
binary file, a truncated workbook, 100,000 junk rows), escapes as another exception.

Besides errors it finds warnings: legal but suspect data (a month without a report, a
date after the last month of the data, an unknown column). They are kept on the
:class:`Dataset`; ``strict=True`` turns them into errors.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import json
import math
import re
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO, StringIO
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kmp_analysis import reference
from kmp_analysis.errors import (
    WARNING,
    Problem,
    UnknownKecamatan,
    UnknownVillage,
    ValidationFailed,
    collapse,
    row_problems,
)
from kmp_analysis.schema import (
    CHILD_TABLES,
    METADATA_FILE,
    TABLES,
    WILAYAH_COLUMNS,
    Col,
    Dataset,
    check_table,
)

METADATA_SHEET = "metadata"
#: Optional geography of the data's own villages (replaces Kukar's reference).
WILAYAH = "wilayah"
HEADER_ROW = 1  # spreadsheet row of the column names; data starts on the next row

#: Column separators a CSV may use; the header row decides which one.
SEPARATORS = (",", ";", "\t")
_SEPARATOR_NAMES = {",": ",", ";": ";", "\t": "TAB"}
#: Bytes that do not occur in text (besides tab, line feed and carriage return).
_CONTROL_BYTES = bytes(range(0, 9)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20)) + b"\x7f"
#: How many rows below row 1 are searched for a misplaced header row.
_HEADER_SEARCH_ROWS = 20


@dataclass
class RawTable:
    """One table as text, with the spreadsheet row number of every frame row."""

    name: str
    file: str
    frame: pd.DataFrame
    rows: pd.Series
    #: Rows were left out (a quote that swallowed lines): counts are not complete.
    incomplete: bool = False
    #: The row's kecamatan, where the table has a kecamatan column (names villages).
    kecamatan: pd.Series | None = None
    #: That column's header as written.
    kecamatan_column: str | None = None


@dataclass
class _Grid:
    """A sheet or CSV file as text: the header cells and the rows below them.

    ``body`` has one positional column per header cell; its index counts data rows
    from 0, so the spreadsheet row of index ``i`` is ``i + HEADER_ROW + 1``. Rows that
    cannot be read (a quote that swallowed lines) are left out, the others keep
    their number, and ``incomplete`` says so.
    """

    header: list[str]
    body: pd.DataFrame
    #: Problems of single rows (too many fields), reported only where the header
    #: is recognised: under a misplaced header they are consequences, not causes.
    pending: list[Problem] = field(default_factory=list)
    incomplete: bool = False


# --------------------------------------------------------------------------- reading


def read_dataset(path: str | Path, strict: bool = False) -> Dataset:
    """Read, parse and validate the data at ``path`` (CSV folder or ``.xlsx``).

    Raises :class:`~kmp_analysis.errors.ValidationFailed` with every error (and the
    warnings found alongside them). With ``strict``, warnings count as errors.
    """
    path = Path(path)
    problems: list[Problem] = []
    found = _read_source(path, problems)
    if found is None:
        raise ValidationFailed(sort_problems(problems))
    raws, metadata, hashes, wilayah = found

    villages = _villages(wilayah, problems)
    geography = reference.kukar() if wilayah is None else reference.Geography(villages)
    tables: dict[str, pd.DataFrame] = {}
    skipped: dict[str, dict[str, set[int]]] = {}
    for name, raw in raws.items():
        tables[name], skipped[name] = parse_table(raw, problems, geography)

    koperasi_ids = (
        tables["koperasi"]["koperasi_id"].dropna().unique()
        if "koperasi" in tables
        else None
    )
    village_codes = frozenset(villages["kode_desa"])
    for name, frame in tables.items():
        problems.extend(
            check_table(
                frame,
                name,
                raws[name].file,
                raws[name].rows,
                village_codes=village_codes,
                koperasi_ids=koperasi_ids if name in CHILD_TABLES else None,
                skip=skipped[name],
            )
        )
    problems.extend(data_warnings(tables, raws))
    errors = [p for p in problems if not p.is_warning]
    found_warnings = [p for p in problems if p.is_warning]
    if strict:
        errors += [p.as_error() for p in found_warnings]
        found_warnings = []
    if errors:
        raise ValidationFailed(collapse(sort_problems(errors + found_warnings)))
    return Dataset(
        tables=tables,
        source=str(path),
        villages=villages,
        metadata=metadata,
        file_hashes=hashes,
        warnings=collapse(sort_problems(found_warnings)),
    )


_Source = tuple[dict[str, RawTable], dict[str, Any], dict[str, str], RawTable | None]


def _read_source(path: Path, problems: list[Problem]) -> _Source | None:
    """The raw tables of a CSV folder or workbook; None where nothing can be read."""
    label = str(path)
    try:
        if path.is_dir():
            return _read_csv_folder(path, problems)
        suffix = path.suffix.lower()
        if path.is_file() and suffix == ".xlsx":
            return _read_workbook(path, problems)
        if not path.exists():
            code = "path_not_found"
        elif path.is_file() and suffix == ".csv":
            code = "path_csv_file"
        elif path.is_file() and suffix == ".xls":
            code = "path_xls"
        else:
            code = "path_not_supported"
        problems.append(Problem(label, None, None, code))
    except OSError as exc:  # permission denied, name too long, a broken disk
        problems.append(_unreadable(label, exc))
    return None


def _unreadable(label: str, exc: OSError) -> Problem:
    return Problem(label, None, None, "file_unreadable", detail=exc.strerror or exc)


def _villages(wilayah: RawTable | None, problems: list[Problem]) -> pd.DataFrame:
    """The data's own geography where it brings one, else Kukar's reference."""
    if wilayah is None:
        return reference.villages()
    frame = wilayah.frame.assign(
        kode_desa=wilayah.frame["kode_desa"].map(parse_kode_desa)
    )
    for column in WILAYAH_COLUMNS:
        empty = frame.index[frame[column] == ""]
        problems.extend(
            row_problems(wilayah.file, column, "empty", wilayah.rows.loc[empty])
        )
    repeated = frame.index[frame["kode_desa"].duplicated() & (frame["kode_desa"] != "")]
    problems.extend(
        row_problems(
            wilayah.file,
            "kode_desa",
            "duplicate_key",
            wilayah.rows.loc[repeated],
            {"key": "kode_desa=" + frame.loc[repeated, "kode_desa"]},
        )
    )
    return frame.reset_index(drop=True)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in reading order: by file, then row, then column position.

    Problems about a whole file come first in its group; warnings without a row
    (one per cooperative) come last, in the order they were found.
    """
    positions: dict[str, dict[str, int]] = {}

    def key(p: Problem) -> tuple:
        columns = positions.get(p.file)
        if columns is None:
            table = _table_of(p.file)
            names = TABLES[table].column_names if table else []
            columns = positions[p.file] = {c: i for i, c in enumerate(names)}
        late = p.row is None and p.is_warning
        return (
            p.file,
            late,
            p.row if p.row is not None else -1,
            columns.get(p.column or "", len(columns)),
            p.column or "",
        )

    return sorted(problems, key=key)


def _table_of(file: str) -> str | None:
    """The table of a problem's file label (``x/koperasi.csv``, ``x.xlsx[rapat]``)."""
    match = re.search(r"\[(\w+)\]$", file)
    name = match.group(1) if match else _normalise_header(Path(file).stem)
    return name if name in TABLES else None


# ------------------------------------------------------------------- CSV folder


def _read_csv_folder(folder: Path, problems: list[Problem]) -> _Source:
    raws: dict[str, RawTable] = {}
    hashes: dict[str, str] = {}
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    csv_files = [p for p in entries if p.suffix.lower() == ".csv"]
    if not csv_files:
        books = [p for p in entries if p.suffix.lower() == ".xlsx" and p.is_file()]
        if books:
            problems.append(
                Problem(str(folder), None, None, "no_csv_files_xlsx", book=books[0])
            )
        else:
            tables = ", ".join(f"{t}.csv" for t in TABLES)
            problems.append(
                Problem(str(folder), None, None, "no_csv_files", tables=tables)
            )
        return raws, {}, hashes, None
    claimed = {_csv_file(folder, name, csv_files) for name in (*TABLES, WILAYAH)}
    unclaimed = [p for p in csv_files if p not in claimed]
    for name, spec in TABLES.items():
        file = _csv_file(folder, name, csv_files)
        grid = _read_csv_table(name, file, unclaimed, hashes, problems)
        if grid is None:
            continue
        raw = _to_raw(name, str(file), grid, spec.column_names, problems)
        if raw is not None:
            raws[name] = raw
    metadata: dict[str, Any] = {}
    meta_file = folder / METADATA_FILE
    if meta_file.is_file():
        try:
            data = meta_file.read_bytes()
            hashes[meta_file.name] = hashlib.sha256(data).hexdigest()
            loaded = json.loads(data.decode("utf-8-sig"))
            metadata = loaded if isinstance(loaded, dict) else {}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            problems.append(Problem(str(meta_file), None, None, "metadata_unreadable"))
    wilayah = None
    wilayah_file = _csv_file(folder, WILAYAH, csv_files)
    if wilayah_file.is_file():
        grid = _read_csv_table(WILAYAH, wilayah_file, [], hashes, problems)
        if grid is not None:
            wilayah = _to_raw(
                WILAYAH, str(wilayah_file), grid, WILAYAH_COLUMNS, problems
            )
    return raws, metadata, hashes, wilayah


def read_wilayah(file: Path) -> pd.DataFrame:
    """A data folder's ``wilayah.csv`` with every village and, where given, its
    ``lon``/``lat``, read as tolerantly as the tables (separators, encodings);
    raises :class:`ValidationFailed` with what is wrong in it."""
    problems: list[Problem] = []
    label = str(file)
    grid = _csv_grid(file.read_bytes(), label, problems)
    raw = None
    if grid is not None:
        raw = _to_raw(WILAYAH, label, grid, WILAYAH_COLUMNS, problems)
    villages = _villages(raw, problems) if raw is not None else None
    errors = [p for p in problems if not p.is_warning]
    if grid is None or raw is None or villages is None or errors:
        raise ValidationFailed(sort_problems(errors))
    names = [_normalise_header(c) for c in grid.header]
    for column in ("lon", "lat"):
        if column in names and names.index(column) in grid.body.columns:
            cells = grid.body[names.index(column)].loc[raw.frame.index]
            villages[column] = pd.to_numeric(cells, errors="coerce").to_numpy()
    return villages


def _csv_file(folder: Path, name: str, csv_files: list[Path]) -> Path:
    """``<name>.csv``, or the one CSV whose name differs only in case and spacing."""
    exact = folder / f"{name}.csv"
    if exact in csv_files:
        return exact
    similar = [p for p in csv_files if _normalise_header(p.stem) == name]
    return similar[0] if len(similar) == 1 else exact


def _read_csv_table(
    name: str,
    file: Path,
    unclaimed: list[Path],
    hashes: dict[str, str],
    problems: list[Problem],
) -> _Grid | None:
    """The grid of one table's CSV file, or None after saying why there is none.

    ``unclaimed`` are the folder's CSV files no table reads: a missing table names
    the one whose name looks like its own (``laporan_bulan.csv``).
    """
    label = str(file)
    if file.is_dir():
        problems.append(Problem(label, None, None, "not_a_file"))
        return None
    if not file.is_file():
        stems = {_normalise_header(p.stem): p.name for p in unclaimed}
        problems.append(_missing(label, name, stems, "table_missing"))
        return None
    try:
        data = file.read_bytes()
    except OSError as exc:
        problems.append(_unreadable(label, exc))
        return None
    hashes[file.name] = hashlib.sha256(data).hexdigest()
    return _csv_grid(data, label, problems)


def _decode(data: bytes) -> str | None:
    """The text of a CSV file, or None where it is not text (binary content)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 ("Unicode text" from Excel)
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None
        return None if "\x00" in text else text
    if b"\x00" in data:
        return None
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(data) // 100):
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _csv_grid(data: bytes, label: str, problems: list[Problem]) -> _Grid | None:
    """The CSV as text cells; ``;``, ``,`` or tab separated, UTF-8 or Windows-1252."""
    text = _decode(data)
    if text is None:
        problems.append(Problem(label, None, None, "file_not_text"))
        return None
    if not text.strip():
        problems.append(Problem(label, HEADER_ROW, None, "no_header"))
        return None
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    sep = max(SEPARATORS, key=first_line.count)  # "," on a tie
    grid = _csv_fast(text, sep)
    if grid is None:
        grid = _csv_slow(text, sep, label, problems)
    if grid is None:
        return None
    _find_swallowed_rows(grid, sep, label, problems, text)
    _fix_mixed_separators(grid, sep, label, problems)
    return grid


def _csv_fast(text: str, sep: str) -> _Grid | None:
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
                header=None,
                dtype=str,
                keep_default_na=False,
                skip_blank_lines=False,
                index_col=False,
                engine="c",
            )
        except Exception:  # any irregularity: the row-by-row reader says where
            return None
    if frame.empty:
        return None
    header = [str(c) for c in frame.iloc[0].fillna("")]
    body = frame.iloc[1:].reset_index(drop=True)
    body.columns = range(body.shape[1])
    return _Grid(header, body)


def _csv_slow(text: str, sep: str, label: str, problems: list[Problem]) -> _Grid | None:
    """Python's csv module, row by row: every irregular row is named.

    A quote that is never closed would make the rest of the file one cell; from
    the row where it opens, lines are read as they are written (quotes as text).
    """
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    lines = StringIO(text, newline="").readlines()
    reader = csv.reader(lines, delimiter=sep)
    records: list[list[str]] = []
    starts: list[int] = []  # index in lines of each record's first line
    line_num = 0
    try:
        for record in reader:
            records.append(record)
            starts.append(line_num)
            line_num = reader.line_num
    except csv.Error as exc:
        row = len(records) + 1
        problems.append(Problem(label, row, None, "file_unreadable", detail=str(exc)))
        return None
    if records and _ends_inside_quotes("".join(lines[starts[-1] :]), sep):
        opened = len(records) - 1  # record index; the header is record 0
        problems.append(Problem(label, opened + 1, None, "unclosed_quote"))
        as_written = csv.reader(
            lines[starts[-1] :], delimiter=sep, quoting=csv.QUOTE_NONE
        )
        records[opened:] = list(as_written)
    if not records:
        problems.append(Problem(label, HEADER_ROW, None, "no_header"))
        return None
    header = records[0]
    width = len(header)
    wide = max(len(r) for r in records)
    pending: list[Problem] = []
    for number, record in enumerate(records[1:], start=1):
        if len(record) > width and any(cell.strip() for cell in record[width:]):
            pending.append(
                Problem(
                    label,
                    number + HEADER_ROW,
                    None,
                    "too_many_fields",
                    n=width,
                    got=len(record),
                )
            )
    body = pd.DataFrame(
        [(r + [""] * wide)[:wide] for r in records[1:]],
        columns=range(wide),
        dtype=object,
    )
    return _Grid(header, body, pending)


def _ends_inside_quotes(text: str, sep: str) -> bool:
    """True where ``text`` (one record) ends inside a quoted cell."""
    try:
        for _ in csv.reader(StringIO(text, newline=""), delimiter=sep, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _find_swallowed_rows(
    grid: _Grid, sep: str, label: str, problems: list[Problem], text: str
) -> None:
    """Rows whose cell holds whole lines of the file (a quote opened, closed far on).

    A cell may hold a line break (quoted); one that holds a line with the file's
    separators in it has swallowed rows. Such a row is reported and left out.
    """
    if '"' not in text or grid.body.empty:
        return
    width = len(grid.header)
    bad: set[int] = set()
    for column in grid.body.columns:
        cells = grid.body[column].astype(str)
        broken = cells[cells.str.contains("\n", regex=False)]
        for index, cell in broken.items():
            inner = cell.split("\n")[1:]
            if any(line.count(sep) >= max(width - 1, 1) for line in inner):
                bad.add(int(index))
    for index in sorted(bad):
        problems.append(Problem(label, index + HEADER_ROW + 1, None, "unclosed_quote"))
    if bad:
        grid.body = grid.body.drop(index=sorted(bad))
        grid.incomplete = True


def _fix_mixed_separators(
    grid: _Grid, sep: str, label: str, problems: list[Problem]
) -> None:
    """Rows written with another separator than the header: named, then re-split."""
    width = len(grid.header)
    body = grid.body
    if width < 2 or body.empty:
        return
    others = [s for s in SEPARATORS if s != sep]
    first = body.iloc[:, 0].fillna("").astype(str)
    pattern = "|".join(re.escape(s) for s in others)
    suspect = body.loc[first.str.contains(pattern).to_numpy(dtype=bool)]
    if suspect.empty:
        return
    rest_empty = (suspect.iloc[:, 1:].fillna("").astype(str) == "").all(axis=1)
    for index in suspect.index[rest_empty.to_numpy(dtype=bool)]:
        cell = first.loc[index]
        for other in others:
            fields = next(csv.reader([cell], delimiter=other), [])
            if len(fields) >= 2:
                body.loc[index] = (fields + [""] * width)[:width]
                problems.append(
                    Problem(
                        label,
                        int(index) + HEADER_ROW + 1,
                        None,
                        "mixed_separator",
                        found=_SEPARATOR_NAMES[other],
                        sep=_SEPARATOR_NAMES[sep],
                    )
                )
                break


# ------------------------------------------------------------------- workbook


def _missing(label: str, name: str, found: dict[str, str], code: str) -> Problem:
    """Table ``name`` is missing (``code``: ``table_missing`` or ``sheet_missing``);
    where one of ``found`` (normalised name -> name as written) looks like it, the
    ``…_similar`` message names it."""
    match = difflib.get_close_matches(name, list(found), n=1, cutoff=0.75)
    if match:
        return Problem(
            label, None, None, f"{code}_similar", table=name, found=found[match[0]]
        )
    return Problem(label, None, None, code, table=name)


def _read_workbook(path: Path, problems: list[Problem]) -> _Source | None:
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
        lowered.setdefault(_normalise_header(key), frame)
    raws: dict[str, RawTable] = {}
    for name, spec in TABLES.items():
        sheet_label = f"{label}[{name}]"
        if name not in lowered:
            others = {
                _normalise_header(k): str(k)
                for k in sheets
                if _normalise_header(k) not in TABLES
            }
            problems.append(_missing(label, name, others, "sheet_missing"))
            continue
        grid = _sheet_grid(lowered[name])
        if grid is None:
            problems.append(Problem(sheet_label, HEADER_ROW, None, "no_header"))
            continue
        raw = _to_raw(name, sheet_label, grid, spec.column_names, problems)
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
            wilayah = _to_raw(
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
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return "xlsx_corrupt"
    if "xl/workbook.xml" not in names and "[Content_Types].xml" not in names:
        return "xlsx_not_workbook"
    if "xl/workbook.xml" not in names:
        return "xlsx_corrupt"
    return None


def _sheet_grid(frame: pd.DataFrame) -> _Grid | None:
    """A sheet read without a header as a grid; None for an empty sheet."""
    if frame.shape[0] == 0 or frame.shape[1] == 0:
        return None
    frame = frame.fillna("").astype(str)
    header = [str(c) for c in frame.iloc[0]]
    body = frame.iloc[1:].reset_index(drop=True)
    body.columns = range(body.shape[1])
    return _Grid(header, body)


def _meta_value(value: str) -> Any:
    low = value.lower()
    if low in ("true", "ya", "1"):
        return True
    if low in ("false", "tidak", "0"):
        return False
    return value


# ------------------------------------------------------------------- header


def _normalise_header(name: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def _column_letter(position: int) -> str:
    """Spreadsheet column letter of a 0-based position (0 -> A, 26 -> AA)."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _to_raw(
    name: str,
    label: str,
    grid: _Grid,
    expected: Sequence[str],
    problems: list[Problem],
) -> RawTable | None:
    """The expected columns of a grid as a text table; None where the header is wrong.

    A missing column that looks like a header present is named with a suggestion
    (``omset`` -> ``omzet``); columns nobody expects are a warning in the tables.
    """
    header = [str(c).strip() for c in grid.header]
    names = [_normalise_header(c) for c in header]
    body = grid.body
    hint = None
    if name in TABLES and "kode_desa" in expected:
        names, hint = _village_columns(names)
    missing = [c for c in expected if c not in names]
    if len(missing) == len(expected):
        found = _header_row_below(body, expected)
        if found is not None:
            problems.append(
                Problem(label, HEADER_ROW, None, "header_not_first_row", found=found)
            )
        elif not any(names):
            problems.append(Problem(label, HEADER_ROW, None, "no_header"))
        else:
            problems.append(
                Problem(
                    label,
                    HEADER_ROW,
                    None,
                    "header_unrecognised",
                    columns=", ".join(expected),
                )
            )
        return None
    unknown = [i for i, n in enumerate(names) if n not in expected and i != hint]
    suggested: set[int] = set()
    for column in missing:
        candidates = {names[i]: i for i in unknown if names[i] and i not in suggested}
        match = difflib.get_close_matches(column, list(candidates), n=1, cutoff=0.75)
        if match:
            position = candidates[match[0]]
            suggested.add(position)
            problems.append(
                Problem(
                    label,
                    HEADER_ROW,
                    column,
                    "column_missing_similar",
                    found=header[position],
                    expected=column,
                )
            )
        else:
            problems.append(Problem(label, HEADER_ROW, column, "column_missing"))
    repeated = sorted({c for c in expected if names.count(c) > 1})
    for column in repeated:
        problems.append(Problem(label, HEADER_ROW, column, "column_repeated"))
    if missing or repeated:
        return None
    problems.extend(grid.pending)
    if name in TABLES:  # wilayah.csv may carry more columns (lon, lat, jenis…)
        _warn_unknown_columns(label, header, body, unknown, problems)
    frame = pd.DataFrame(
        {
            c: body[names.index(c)].fillna("").astype(str).str.strip()
            if names.index(c) in body.columns
            else pd.Series("", index=body.index)
            for c in expected
        },
        index=body.index,
    )
    rows = pd.Series(frame.index + HEADER_ROW + 1, index=frame.index)
    keep = (frame != "").any(axis=1)  # drop blank spreadsheet rows, keep numbering
    hints = None
    if hint is not None and hint in body.columns:
        hints = body[hint].fillna("").astype(str).str.strip().loc[keep]
    return RawTable(
        name,
        label,
        frame.loc[keep],
        rows.loc[keep],
        grid.incomplete,
        hints,
        header[hint] if hint is not None else None,
    )


#: Headers a planner may give the village column instead of ``kode_desa`` (names or
#: codes), and the optional column naming each row's kecamatan, which tells apart
#: villages of the same name (see :func:`_kode_desa_column`).
VILLAGE_ALIASES = ("nama_desa", "desa", "desa_kelurahan", "nama_desa_kelurahan")
KECAMATAN_HINTS = ("kecamatan", "nama_kecamatan", "nama_kec", "kode_kec")


def _village_columns(names: list[str]) -> tuple[list[str], int | None]:
    """``names`` with a village-name header read as ``kode_desa`` where that column
    is absent, and the position of a kecamatan column (None without one)."""
    names = list(names)
    if "kode_desa" not in names:
        for alias in VILLAGE_ALIASES:
            if alias in names:
                names[names.index(alias)] = "kode_desa"
                break
    hint = next((names.index(h) for h in KECAMATAN_HINTS if h in names), None)
    return names, hint


def _header_row_below(body: pd.DataFrame, expected: Sequence[str]) -> int | None:
    """The spreadsheet row, below row 1, that holds most of the expected names."""
    need = max(2, len(expected) // 2)
    for index, values in body.head(_HEADER_SEARCH_ROWS).iterrows():
        names = {_normalise_header(v) for v in values.fillna("")}
        if len(names & set(expected)) >= need:
            return int(index) + HEADER_ROW + 1
    return None


def _warn_unknown_columns(
    label: str,
    header: list[str],
    body: pd.DataFrame,
    unknown: list[int],
    problems: list[Problem],
) -> None:
    for position in unknown:
        letter = _column_letter(position)
        if header[position]:
            problems.append(
                Problem(
                    label,
                    HEADER_ROW,
                    None,
                    "column_unknown",
                    severity=WARNING,
                    name=header[position],
                    letter=letter,
                )
            )
        elif (
            position in body.columns
            and (body[position].fillna("").astype(str).str.strip() != "").any()
        ):
            problems.append(
                Problem(
                    label,
                    HEADER_ROW,
                    None,
                    "column_unnamed",
                    severity=WARNING,
                    letter=letter,
                )
            )


# --------------------------------------------------------------------- warnings


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
    ids: pd.Series, months: pd.Series, last: int, unsure: set, file: str
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
                file,
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
    tables: dict[str, pd.DataFrame], raws: dict[str, RawTable]
) -> list[Problem]:
    """Legal but suspect data, cheap on a million report rows.

    - a cooperative without a report for some month between its first report and
      the last month of the data (DESIGN §3: a month with no row is not reported),
      one warning per cooperative listing the months;
    - a cooperative that never reported;
    - a date (or RAT tahun_buku) after the last month of the data;
    - a report month far after all the others (a typo such as 2062 for 2026), which
      is then left out when finding the last month;
    - no cooperative at all (an untouched template).

    A cooperative with a report month that failed to parse or is such a typo gets
    no gap warning: the error (or the typo warning) already points at the row.
    """
    out: list[Problem] = []
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
    out.extend(_unreported_months(ids, months, last, unsure, raw.file))
    kop = tables.get("koperasi")
    if kop is not None and "koperasi" in raws:
        reporting = set(lap["koperasi_id"].dropna())
        never = kop.index[
            kop["koperasi_id"].notna() & ~kop["koperasi_id"].isin(reporting)
        ]
        out.extend(
            row_problems(
                raws["koperasi"].file,
                "koperasi_id",
                "never_reported",
                raws["koperasi"].rows.loc[never],
                severity=WARNING,
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
            row_problems(
                raw.file,
                "bulan",
                "month_outlier",
                raw.rows.loc[far],
                {"value": lap.loc[far, "bulan"]},
                severity=WARNING,
                previous=_month_text(last),
            )
        )
    return last


_DATE_COLUMNS = {
    "koperasi": ("tanggal_musdes", "tanggal_badan_hukum"),
    "unit_usaha": ("tanggal_mulai",),
    "rapat": ("tanggal",),
}


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
                row_problems(
                    raws[table].file,
                    column,
                    "date_after_data",
                    raws[table].rows.loc[late],
                    {"value": frame.loc[late, column].dt.strftime("%Y-%m-%d")},
                    severity=WARNING,
                    last=last_text,
                )
            )
    rapat = tables.get("rapat")
    if rapat is not None and "rapat" in raws:
        late = rapat.index[rapat["tahun_buku"] > last // 12]
        out.extend(
            row_problems(
                raws["rapat"].file,
                "tahun_buku",
                "year_after_data",
                raws["rapat"].rows.loc[late],
                {"value": rapat.loc[late, "tahun_buku"].map(lambda v: f"{v:.0f}")},
                severity=WARNING,
                last=last_text,
            )
        )
    return out


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


#: A cell that is meant as a code (digits, dots, spaces), not as a village name.
_CODE_LIKE = re.compile(r"[\d.\s]+")


def _kode_desa_column(
    text: pd.Series,
    raw: RawTable,
    geography: reference.Geography,
    problems: list[Problem],
) -> tuple[pd.Series, set[int]]:
    """The ``kode_desa`` cells in dotted form, a village name replaced by its code.

    A code is taken as written (:func:`parse_kode_desa`; whether it exists is checked
    later, with the other tables). A name is looked up among the geography's villages
    (:meth:`~kmp_analysis.reference.Geography.resolve_village`), within the row's
    kecamatan where the table has a kecamatan column: an unknown name gets the
    closest official names, a name several kecamatan have asks for the kecamatan.
    Returns the codes and the index labels of cells that could not be resolved.
    """
    hints = raw.kecamatan if raw.kecamatan is not None else pd.Series("", text.index)
    pairs = pd.DataFrame({"value": text, "hint": hints.reindex(text.index).fillna("")})
    codes: dict[tuple[str, str], str | None] = {}
    trouble: dict[tuple[str, str], tuple[str, str, dict[str, str]]] = {}
    for value, hint in pairs.drop_duplicates().itertuples(index=False):
        if value == "" or _CODE_LIKE.fullmatch(value):
            codes[value, hint] = parse_kode_desa(value)
            continue
        codes[value, hint] = None
        try:
            codes[value, hint] = geography.resolve_village(value, hint or None)
        except UnknownKecamatan as exc:
            column = raw.kecamatan_column or "kecamatan"
            code, params = _hint("village_kecamatan_unknown", exc.suggestions)
            trouble[value, hint] = (code, column, params)
        except UnknownVillage as exc:
            if exc.kecamatan:
                places = ", ".join(exc.kecamatan)
                params = {"kecamatan": places}
                trouble[value, hint] = ("village_ambiguous", "kode_desa", params)
            else:
                code, params = _hint("village_unknown", exc.suggestions)
                trouble[value, hint] = (code, "kode_desa", params)
    keys = list(zip(pairs["value"], pairs["hint"], strict=True))
    series = pd.Series([codes[k] for k in keys], index=text.index, dtype=object)
    bad: set[int] = set()
    rows_of = pairs.groupby(["value", "hint"], sort=False).indices if trouble else {}
    for (value, hint), (code, column, params) in trouble.items():
        where = pairs.index[rows_of[value, hint]]
        bad.update(where)
        problems.extend(
            row_problems(
                raw.file,
                column,
                code,
                raw.rows.loc[where],
                value=value,
                kecamatan_given=hint,
                **params,
            )
        )
    return series, bad


def _hint(code: str, suggestions: list[str]) -> tuple[str, dict[str, str]]:
    """The message code, ``…_similar`` with the closest names ("maksud Anda")
    where there are some."""
    if suggestions:
        return f"{code}_similar", {"names": ", ".join(suggestions)}
    return code, {}


def _normalise_enum(text: pd.Series, col: Col) -> pd.Series:
    """Allowed values in their canonical spelling (case, spaces, hyphens)."""
    canonical = {_normalise_header(c): c for c in col.choices}
    mapping = {
        value: canonical.get(_normalise_header(value), value)
        for value in pd.unique(text)
    }
    return text.map(mapping)


#: Parser of each kind of cell, and the message of a cell it cannot read.
_PARSERS: dict[str, tuple[Callable[[str], Any], str]] = {
    "int": (parse_int, "not_integer"),
    "money": (parse_number, "not_a_number"),
    "date": (parse_date, "bad_date"),
    "month": (parse_month, "bad_month"),
    "yesno": (parse_yesno, "bad_yesno"),
}


def parse_table(
    raw: RawTable,
    problems: list[Problem],
    geography: reference.Geography | None = None,
) -> tuple[pd.DataFrame, dict]:
    """Typed frame of one table; unparseable cells become missing and a problem.

    Villages given by name are looked up in ``geography`` (Kukar's by default).
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
        elif col.kind == "kode_desa":  # a code, or a village name to look up
            series, bad = _kode_desa_column(
                text, raw, geography or reference.kukar(), problems
            )
            series = series.where(~empty, None).astype(object)
            failed[col.name] = bad
        elif col.kind == "enum":
            series = _normalise_enum(text, col).where(~empty, None).astype(object)
        else:
            parser, code = _PARSERS[col.kind]
            series, bad = _parse_column(text, empty, parser, col)
            problems.extend(
                row_problems(
                    raw.file,
                    col.name,
                    code,
                    raw.rows.loc[bad],
                    {"value": text.loc[bad]},
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
        # plain digits take the fast path; "1.250" (Indonesian thousands), "Rp ...",
        # decimal commas and numbers too long for a float go through parse_number
        plain = text.str.fullmatch(r"-?\d{1,15}").fillna(False).astype(bool)
        values = pd.to_numeric(text.where(plain, None), errors="coerce").astype(
            "float64"
        )
        need = ~plain & ~empty
        if need.any():
            slow = _map_unique(text[need], parser)
            bad = [i for i, v in slow.items() if v is _FAIL]
            values.loc[slow.index] = [np.nan if v is _FAIL else v for v in slow]
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

"""A folder of CSV files: encodings (UTF-8 with or without BOM, Windows-1252,
UTF-16), separators (``,`` ``;`` tab), and every irregular row named.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import warnings
from collections.abc import Collection
from io import StringIO
from pathlib import Path
from typing import Any

import pandas as pd

from kmp_analysis.errors import Problem
from kmp_analysis.io._grid import (
    HEADER_ROW,
    WILAYAH,
    Grid,
    RawTable,
    Source,
    unreadable,
)
from kmp_analysis.io._header import missing_table, normalise_header, to_raw
from kmp_analysis.schema import (
    METADATA_FILE,
    OPTIONAL_TABLES,
    REQUIRED_TABLES,
    TABLES,
    WILAYAH_COLUMNS,
)

#: Column separators a CSV may use; the header row decides which one.
SEPARATORS = (",", ";", "\t")

_SEPARATOR_NAMES = {",": ",", ";": ";", "\t": "TAB"}

#: Bytes that do not occur in text (besides tab, line feed and carriage return).
_CONTROL_BYTES = bytes(range(0, 9)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20)) + b"\x7f"


def read_csv_folder(
    folder: Path, problems: list[Problem], exclude: Collection[Path] = ()
) -> Source:
    """The tables of a folder of CSV files; ``exclude``: files that are no table
    (form exports, read by :mod:`.exports`)."""
    raws: dict[str, RawTable] = {}
    hashes: dict[str, str] = {}
    entries = sorted(
        p for p in folder.iterdir() if not p.name.startswith(".") and p not in exclude
    )
    csv_files = [p for p in entries if p.suffix.lower() == ".csv"]
    if not csv_files:
        books = [p for p in entries if p.suffix.lower() == ".xlsx" and p.is_file()]
        if books:
            problems.append(
                Problem(str(folder), None, None, "no_csv_files_xlsx", book=books[0])
            )
        else:
            tables = ", ".join(f"{t}.csv" for t in REQUIRED_TABLES)
            problems.append(
                Problem(str(folder), None, None, "no_csv_files", tables=tables)
            )
        return raws, {}, hashes, None
    claimed = {_csv_file(folder, name, csv_files) for name in (*TABLES, WILAYAH)}
    unclaimed = [p for p in csv_files if p not in claimed]
    for name, spec in TABLES.items():
        file = _csv_file(folder, name, csv_files)
        if name in OPTIONAL_TABLES and not file.exists():
            continue  # an optional table left out: the data reads as without it
        grid = _read_csv_table(name, file, unclaimed, hashes, problems)
        if grid is None:
            continue
        raw = to_raw(name, str(file), grid, spec.column_names, problems)
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
            wilayah = to_raw(
                WILAYAH, str(wilayah_file), grid, WILAYAH_COLUMNS, problems
            )
    return raws, metadata, hashes, wilayah


def _csv_file(folder: Path, name: str, csv_files: list[Path]) -> Path:
    """``<name>.csv``, or the one CSV whose name differs only in case and spacing."""
    exact = folder / f"{name}.csv"
    if exact in csv_files:
        return exact
    similar = [p for p in csv_files if normalise_header(p.stem) == name]
    return similar[0] if len(similar) == 1 else exact


def _read_csv_table(
    name: str,
    file: Path,
    unclaimed: list[Path],
    hashes: dict[str, str],
    problems: list[Problem],
) -> Grid | None:
    """The grid of one table's CSV file, or None after saying why there is none.

    ``unclaimed`` are the folder's CSV files no table reads: a missing table names
    the one whose name looks like its own (``laporan_bulan.csv``).
    """
    label = str(file)
    if file.is_dir():
        problems.append(Problem(label, None, None, "not_a_file"))
        return None
    if not file.is_file():
        stems = {normalise_header(p.stem): p.name for p in unclaimed}
        problems.append(missing_table(label, name, stems, "table_missing"))
        return None
    try:
        data = file.read_bytes()
    except OSError as exc:
        problems.append(unreadable(label, exc))
        return None
    hashes[file.name] = hashlib.sha256(data).hexdigest()
    return csv_grid(data, label, problems)


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


def csv_grid(data: bytes, label: str, problems: list[Problem]) -> Grid | None:
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


def _csv_fast(text: str, sep: str) -> Grid | None:
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
    return Grid(header, body)


def _csv_slow(text: str, sep: str, label: str, problems: list[Problem]) -> Grid | None:
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
    return Grid(header, body, pending)


def _ends_inside_quotes(text: str, sep: str) -> bool:
    """True where ``text`` (one record) ends inside a quoted cell."""
    try:
        for _ in csv.reader(StringIO(text, newline=""), delimiter=sep, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _find_swallowed_rows(
    grid: Grid, sep: str, label: str, problems: list[Problem], text: str
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
    grid: Grid, sep: str, label: str, problems: list[Problem]
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
        if "\n" in cell or "\r" in cell:
            continue  # a quoted cell with a line break: not a row in another format
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

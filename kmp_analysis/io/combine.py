"""Many sources, one dataset: a ``--data`` folder holding several intake workbooks
(``kmp template``, e.g. one per kecamatan), folders of CSV files and exports of the
phone form (:mod:`.exports`).

:func:`read_sources` finds the sources of a path. A plain CSV folder and a single
workbook read exactly as before (one source). Otherwise each source is read on its
own, so that every problem names its own file and row, and may lack tables another
source brings; a table no source has is an error. :func:`combine` then joins the
parsed tables: a key found in two files is an error naming both places, unless the
rows are the same (then one is kept and the other noted as a warning).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from kmp_analysis.errors import WARNING, Problem, row_problems
from kmp_analysis.io._csv import read_csv_folder
from kmp_analysis.io._grid import RawTable, unreadable
from kmp_analysis.io._xlsx import read_workbook
from kmp_analysis.io.exports import looks_like_export, read_export
from kmp_analysis.schema import OPTIONAL_TABLES, TABLES, SourceRows

#: Problems of one source about a table it lacks: in a folder of many sources a
#: table may come from another one.
_MISSING = frozenset(
    {"table_missing", "table_missing_similar", "sheet_missing", "sheet_missing_similar"}
)


@dataclass
class Part:
    """One source of a dataset: a CSV folder, a workbook or a form export."""

    label: str
    raws: dict[str, RawTable]
    metadata: dict[str, Any] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    wilayah: RawTable | None = None
    #: Tables the source does not hold at all (not: holds, but unreadably).
    lacks: set[str] = field(default_factory=set)


def read_sources(path: Path, problems: list[Problem]) -> list[Part] | None:
    """The sources at ``path`` (a folder or a workbook); None where none is found
    and the problem is said."""
    if not path.is_dir():
        found = read_workbook(path, problems)
        return None if found is None else [Part(str(path), *found)]
    books, exports, folders, tables = _classify(path)
    if not books and not exports and not folders:  # a plain CSV folder
        return [Part(str(path), *read_csv_folder(path, problems))]
    if len(books) == 1 and not exports and not folders and not tables:
        read_csv_folder(path, problems)  # as before: "use --data <the workbook>"
        return None
    parts: list[Part] = []
    if tables:
        parts.append(
            _quietly(
                str(path), problems, lambda own: read_csv_folder(path, own, exports)
            )
        )
    for book in books:
        parts.append(_quietly(str(book), problems, partial(read_workbook, book)))
    for export in exports:
        part = _quietly(str(export), problems, partial(read_export, export))
        part.lacks = set(TABLES) - {"laporan_bulanan"}
        parts.append(part)
    for folder in folders:
        inner = read_sources(folder, problems)
        parts.extend(inner or [])
    _relabel_hashes(path, parts)
    for name in TABLES:
        if name in OPTIONAL_TABLES:
            continue
        if all(name not in p.raws and name in p.lacks for p in parts):
            problems.append(
                Problem(str(path), None, None, "table_in_no_source", table=name)
            )
    return parts


def _classify(folder: Path) -> tuple[list[Path], list[Path], list[Path], list[Path]]:
    """Workbooks, form exports, folders of sources and table CSVs of a folder."""
    books: list[Path] = []
    exports: list[Path] = []
    folders: list[Path] = []
    tables: list[Path] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith((".", "~$")):
            continue
        suffix = entry.suffix.lower()
        if entry.is_dir():
            if suffix != ".csv" and _holds_sources(entry):
                folders.append(entry)
        elif suffix == ".csv":
            (exports if _export_csv(entry) else tables).append(entry)
        elif suffix == ".xlsx":
            (books if _intake_workbook(entry) else exports).append(entry)
    return books, exports, folders, tables


def _holds_sources(folder: Path) -> bool:
    try:
        return any(
            p.suffix.lower() in (".csv", ".xlsx") and not p.name.startswith((".", "~$"))
            for p in folder.iterdir()
        )
    except OSError:
        return False


def _export_csv(file: Path) -> bool:
    """Whether a CSV file's header is that of a form export (first 8 KB read)."""
    try:
        with file.open("rb") as handle:
            head = handle.read(8192)
    except OSError:
        return False
    text = head.decode("utf-8-sig", errors="replace")
    return looks_like_export(text.splitlines()[0] if text else "")


def _intake_workbook(file: Path) -> bool:
    """Whether a workbook has a sheet named after a table (else it may be an
    export, whose sheet the tool names after the form)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(file, read_only=True)
    except Exception:  # not a workbook at all: the workbook reader says why
        return True
    try:
        names = {s.strip().lower().replace(" ", "_") for s in book.sheetnames}
    finally:
        book.close()
    return bool(names & set(TABLES))


def _quietly(
    label: str, problems: list[Problem], reader: Callable[[list[Problem]], Any]
) -> Part:
    """A source read with its missing tables noted, not reported."""
    own: list[Problem] = []
    try:
        found = reader(own)
    except OSError as exc:
        problems.append(unreadable(label, exc))
        return Part(label, {}, lacks=set(TABLES))
    lacks = {p.params.get("table") for p in own if p.code in _MISSING}
    problems.extend(p for p in own if p.code not in _MISSING)
    if found is None:
        return Part(label, {}, lacks=lacks)
    return Part(label, *found, lacks={t for t in lacks if isinstance(t, str)})


def _relabel_hashes(root: Path, parts: list[Part]) -> None:
    """Files' hashes keyed by their path inside ``root`` (two kecamatan may both
    send ``laporan_bulanan.csv``)."""
    for part in parts:
        base = Path(part.label)
        folder = base if base.is_dir() else base.parent
        part.hashes = {
            _relative(folder / name, root): digest
            for name, digest in part.hashes.items()
        }


def _relative(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


# --------------------------------------------------------------------- combining


def combine(
    parsed: list[dict[str, pd.DataFrame]],
    parts: list[Part],
    problems: list[Problem],
) -> tuple[dict[str, pd.DataFrame], dict[str, RawTable]]:
    """One frame per table from the parts' parsed tables, and a raw table per
    table whose ``files`` and ``rows`` say where every row came from.

    A key in two files: an error on the later row, naming the earlier place;
    the same row in two files: a warning, and the row is kept once.
    """
    tables: dict[str, pd.DataFrame] = {}
    raws: dict[str, RawTable] = {}
    for name, spec in TABLES.items():
        pieces = [
            (frame[name], part.raws[name])
            for frame, part in zip(parsed, parts, strict=True)
            if name in frame
        ]
        if not pieces:
            continue
        frame = pd.concat([f for f, _ in pieces], ignore_index=True)
        rows = pd.concat(
            [raw.rows.loc[f.index] for f, raw in pieces], ignore_index=True
        ).astype("int64")
        files = pd.Series([raw.file for f, raw in pieces for _ in range(len(f))])
        drop = _across_files(name, spec.key, frame, rows, files, problems)
        keep = ~frame.index.isin(drop)
        frame = frame.loc[keep].reset_index(drop=True)
        rows = rows.loc[keep].reset_index(drop=True)
        files = files.loc[keep].reset_index(drop=True)
        tables[name] = frame
        raws[name] = RawTable(
            name,
            pieces[0][1].file,
            frame,
            rows,
            any(raw.incomplete for _, raw in pieces),
            files=files,
        )
    return tables, raws


def _across_files(
    name: str,
    key: tuple[str, ...],
    frame: pd.DataFrame,
    rows: pd.Series,
    files: pd.Series,
    problems: list[Problem],
) -> list[int]:
    """Rows whose key an earlier file already has: problems, and the rows to drop
    (the same row twice)."""
    if frame.empty:
        return []
    known = frame[list(key)].notna().all(axis=1)
    keys = frame[list(key)].astype(str).agg("\x1f".join, axis=1).where(known)
    first_file = pd.DataFrame({"k": keys, "f": files}).dropna()
    first = first_file.drop_duplicates("k")  # the first place of each key
    where = first.set_index("k")
    later = first_file.index[
        first_file["k"].duplicated()
        & (first_file["f"] != first_file["k"].map(where["f"]))
    ]
    drop: list[int] = []
    text = frame.astype(str)
    for index in later:
        earlier = int(where.index.get_loc(keys.at[index]))
        earlier_index = int(first.index[earlier])
        place = f"{files.at[earlier_index]}:{rows.at[earlier_index]}"
        shown = ", ".join(f"{k}={frame.at[index, k]}" for k in key)
        if text.loc[index].equals(text.loc[earlier_index]):
            drop.append(int(index))
            code, severity = "same_row_in_two_files", WARNING
        else:
            code, severity = "key_in_two_files", "error"
        problems.extend(
            row_problems(
                files.at[index],
                key[-1],
                code,
                [int(rows.at[index])],
                severity=severity,
                key=shown,
                other=place,
            )
        )
    return drop


def contributions(
    tables: dict[str, pd.DataFrame], raws: dict[str, RawTable], parts: list[Part]
) -> list[SourceRows]:
    """What each source brought: rows per table and the months of its reports,
    in the order the sources were read (a source that brought nothing too)."""
    part_of = {raw.file: part.label for part in parts for raw in part.raws.values()}
    counts = {part.label: dict.fromkeys(part.raws, 0) for part in parts}
    for name, raw in raws.items():
        files = (
            raw.files if raw.files is not None else pd.Series(raw.file, raw.rows.index)
        )
        for file, n in files.map(part_of).value_counts(sort=False).items():
            counts[file][name] = int(n)
    months: dict[str, pd.Series] = {}
    lap = tables.get("laporan_bulanan")
    if lap is not None and raws["laporan_bulanan"].files is not None:
        owner = raws["laporan_bulanan"].files.map(part_of)
        months = dict(tuple(lap["bulan"].dropna().groupby(owner)))
    out = []
    for part in parts:
        rows = {t: counts[part.label][t] for t in TABLES if t in counts[part.label]}
        seen = months.get(part.label)
        if seen is None or seen.empty:
            out.append(SourceRows(part.label, rows))
        else:
            out.append(
                SourceRows(part.label, rows, seen.min(), seen.max(), seen.nunique())
            )
    return out

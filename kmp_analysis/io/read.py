"""Reading a data folder or workbook: :func:`read_dataset`, the one entry point.

It reads every table as text (CSV folder or workbook), parses its cells, checks the
tables against the schema and each other (keys, village codes, cooperatives), adds
the warnings, and returns a :class:`~kmp_analysis.schema.Dataset` or raises
:class:`~kmp_analysis.errors.ValidationFailed` with every problem, sorted in reading
order. With ``strict=True`` warnings count as errors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from kmp_analysis import reference
from kmp_analysis.config import Config
from kmp_analysis.errors import Problem, ValidationFailed, collapse, row_problems
from kmp_analysis.io._csv import csv_grid, read_csv_folder
from kmp_analysis.io._grid import WILAYAH, RawTable, Source, unreadable
from kmp_analysis.io._header import normalise_header, to_raw
from kmp_analysis.io._xlsx import read_workbook
from kmp_analysis.io.cells import parse_kode_desa, parse_table
from kmp_analysis.io.suspect import data_warnings
from kmp_analysis.paths import SAMPLE_DIR
from kmp_analysis.schema import (
    CHILD_TABLES,
    TABLES,
    WILAYAH_COLUMNS,
    Dataset,
    check_table,
)


def read_dataset(
    path: str | Path | None = None, strict: bool = False, config: Config | None = None
) -> Dataset:
    """Read, parse and validate the data at ``path``.

    Parameters
    ----------
    path
        A folder of CSV files (``koperasi.csv``, ``laporan_bulanan.csv``…) or one
        ``.xlsx`` workbook with a sheet per table (``kmp template``). Indonesian
        spreadsheet habits are read as they come: ``;`` separators, ``Rp 1.250.000``,
        decimal commas, ``dd/mm/yyyy``, ``ya``/``tidak``, village names for codes.
        None or ``""`` (a notebook's empty ``data`` parameter): the synthetic sample
        shipped in ``data/sample``, as the commands' ``--data`` default.
    strict
        Count warnings (a month without a report, a date after the data) as errors.
    config
        Its ``konsistensi`` says which figures are far enough from their
        cooperative's history to warn about ("perlu dicek"); None: the defaults.

    Returns
    -------
    Dataset
        The validated tables (the optional ``pelatihan``, ``pendampingan`` and
        ``pembiayaan`` empty where the data leaves them out, see
        :attr:`~kmp_analysis.schema.Dataset.provided`), the villages they lie in,
        the files' sha256, the warnings found.

    Raises
    ------
    ValidationFailed
        With every problem at once, each naming file, row and column.

    Examples
    --------
    >>> from kmp_analysis.io import read_dataset
    >>> from kmp_analysis.paths import SAMPLE_DIR
    >>> dataset = read_dataset(SAMPLE_DIR)
    >>> len(dataset["koperasi"]), dataset.synthetic, dataset.last_month
    (237, True, '2026-10')
    >>> sorted(dataset.provided - {"koperasi", "unit_usaha", "laporan_bulanan"})[:3]
    ['bumdes', 'pelatihan', 'pembiayaan']
    >>> read_dataset("").source == dataset.source
    True
    """
    path = Path(path) if path else SAMPLE_DIR
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
    problems.extend(unknown_people(tables, raws))
    consistency = config.konsistensi if config is not None else None
    problems.extend(data_warnings(tables, raws, consistency))
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
        provided=frozenset(raws),
    )


def unknown_people(
    tables: dict[str, pd.DataFrame], raws: dict[str, RawTable]
) -> list[Problem]:
    """Errors: ``pelatihan`` rows whose person (``koperasi_id``, ``id_orang``) is not
    in ``pengurus``. Rows whose cooperative is unknown are left to that error."""
    pelatihan, pengurus = tables.get("pelatihan"), tables.get("pengurus")
    if pelatihan is None or pengurus is None or "pelatihan" not in raws:
        return []
    known = set(tables["koperasi"]["koperasi_id"]) if "koperasi" in tables else set()
    key = ["koperasi_id", "id_orang"]
    people = pengurus[key].drop_duplicates().assign(_known=True)
    found = pelatihan[key].merge(people, on=key, how="left")["_known"].notna()
    unknown = (
        ~found.to_numpy()
        & pelatihan["koperasi_id"].isin(known).to_numpy()
        & pelatihan["id_orang"].notna().to_numpy()
    )
    index = pelatihan.index[unknown]
    return row_problems(
        raws["pelatihan"].file,
        "id_orang",
        "person_not_in_pengurus",
        raws["pelatihan"].rows.loc[index],
        {
            "value": pelatihan.loc[index, "id_orang"],
            "koperasi_id": pelatihan.loc[index, "koperasi_id"],
        },
    )


def _read_source(path: Path, problems: list[Problem]) -> Source | None:
    """The raw tables of a CSV folder or workbook; None where nothing can be read."""
    label = str(path)
    try:
        if path.is_dir():
            return read_csv_folder(path, problems)
        suffix = path.suffix.lower()
        if path.is_file() and suffix == ".xlsx":
            return read_workbook(path, problems)
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
        problems.append(unreadable(label, exc))
    return None


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
    name = match.group(1) if match else normalise_header(Path(file).stem)
    return name if name in TABLES else None


def read_wilayah(file: Path) -> pd.DataFrame:
    """A data folder's ``wilayah.csv`` with every village and, where given, its
    ``lon``/``lat``, read as tolerantly as the tables (separators, encodings);
    raises :class:`ValidationFailed` with what is wrong in it."""
    problems: list[Problem] = []
    label = str(file)
    grid = csv_grid(file.read_bytes(), label, problems)
    raw = None
    if grid is not None:
        raw = to_raw(WILAYAH, label, grid, WILAYAH_COLUMNS, problems)
    villages = _villages(raw, problems) if raw is not None else None
    errors = [p for p in problems if not p.is_warning]
    if grid is None or raw is None or villages is None or errors:
        raise ValidationFailed(sort_problems(errors))
    names = [normalise_header(c) for c in grid.header]
    for column in ("lon", "lat"):
        if column in names and names.index(column) in grid.body.columns:
            cells = grid.body[names.index(column)].loc[raw.frame.index]
            villages[column] = pd.to_numeric(cells, errors="coerce").to_numpy()
    return villages

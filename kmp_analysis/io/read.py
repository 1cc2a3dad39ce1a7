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
from kmp_analysis.io._csv import csv_grid
from kmp_analysis.io._grid import WILAYAH, RawTable, unreadable
from kmp_analysis.io._header import normalise_header, to_raw
from kmp_analysis.io.cells import parse_kode_desa, parse_table
from kmp_analysis.io.combine import Part, combine, contributions, read_sources
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
    parts = _read_source(path, problems)
    if parts is None:
        raise ValidationFailed(sort_problems(problems))
    wilayah = next((p.wilayah for p in parts if p.wilayah is not None), None)
    villages = _villages(wilayah, problems)
    geography = reference.kukar() if wilayah is None else reference.Geography(villages)
    parsed: list[dict[str, pd.DataFrame]] = []
    skipped: list[dict[str, dict[str, set[int]]]] = []
    for part in parts:
        parsed.append({})
        skipped.append({})
        for name, raw in part.raws.items():
            parsed[-1][name], skipped[-1][name] = parse_table(raw, problems, geography)

    koperasi_ids = _koperasi_ids(parsed)
    village_codes = frozenset(villages["kode_desa"])
    for part, frames, skips in zip(parts, parsed, skipped, strict=True):
        for name, frame in frames.items():
            raw = part.raws[name]
            problems.extend(
                check_table(
                    frame,
                    name,
                    raw.file,
                    raw.rows,
                    village_codes=village_codes,
                    koperasi_ids=koperasi_ids if name in CHILD_TABLES else None,
                    skip=skips[name],
                )
            )
    if len(parts) == 1:
        tables, raws = parsed[0], parts[0].raws
    else:
        tables, raws = combine(parsed, parts, problems)
    metadata = _metadata(parts)
    hashes = {k: v for part in parts for k, v in part.hashes.items()}
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
        sources=contributions(tables, raws, parts) if len(parts) > 1 else [],
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
    return raws["pelatihan"].problems_at(
        "id_orang",
        "person_not_in_pengurus",
        index,
        {
            "value": pelatihan.loc[index, "id_orang"],
            "koperasi_id": pelatihan.loc[index, "koperasi_id"],
        },
    )


def _koperasi_ids(parsed: list[dict[str, pd.DataFrame]]) -> list | None:
    """Every cooperative of every source (None: no source has the table)."""
    frames = [p["koperasi"]["koperasi_id"] for p in parsed if "koperasi" in p]
    if not frames:
        return None
    return pd.concat(frames).dropna().unique()


def _metadata(parts: list[Part]) -> dict:
    """The sources' metadata, the first source's value first; synthetic where
    any source is (a brief must not pass synthetic data off as real)."""
    merged: dict = {}
    for part in parts:
        for key, value in part.metadata.items():
            merged.setdefault(key, value)
    if any(part.metadata.get("sintetis") for part in parts):
        merged["sintetis"] = True
    return merged


def _read_source(path: Path, problems: list[Problem]) -> list[Part] | None:
    """The sources at ``path`` (a CSV folder, a workbook, or a folder of several
    of these and of form exports); None where nothing can be read."""
    label = str(path)
    try:
        if path.is_dir() or (path.is_file() and path.suffix.lower() == ".xlsx"):
            return read_sources(path, problems)
        suffix = path.suffix.lower()
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

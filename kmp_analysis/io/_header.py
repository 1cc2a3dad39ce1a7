"""The header row: column names as typed (case, spaces, hyphens), village names
given instead of codes, a misplaced or unrecognised header, unknown columns.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

import pandas as pd

from kmp_analysis.errors import WARNING, Problem
from kmp_analysis.io._grid import HEADER_ROW, Grid, RawTable
from kmp_analysis.schema import TABLES

#: How many rows below row 1 are searched for a misplaced header row.
_HEADER_SEARCH_ROWS = 20


def missing_table(label: str, name: str, found: dict[str, str], code: str) -> Problem:
    """Table ``name`` is missing (``code``: ``table_missing`` or ``sheet_missing``);
    where one of ``found`` (normalised name -> name as written) looks like it, the
    ``…_similar`` message names it."""
    match = difflib.get_close_matches(name, list(found), n=1, cutoff=0.75)
    if match:
        return Problem(
            label, None, None, f"{code}_similar", table=name, found=found[match[0]]
        )
    return Problem(label, None, None, code, table=name)


def normalise_header(name: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def _column_letter(position: int) -> str:
    """Spreadsheet column letter of a 0-based position (0 -> A, 26 -> AA)."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def to_raw(
    name: str,
    label: str,
    grid: Grid,
    expected: Sequence[str],
    problems: list[Problem],
) -> RawTable | None:
    """The expected columns of a grid as a text table; None where the header is wrong.

    A missing column that looks like a header present is named with a suggestion
    (``omset`` -> ``omzet``); columns nobody expects are a warning in the tables.
    """
    header = [str(c).strip() for c in grid.header]
    names = [normalise_header(c) for c in header]
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
        names = {normalise_header(v) for v in values.fillna("")}
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

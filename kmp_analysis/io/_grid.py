"""A sheet or CSV file as text, before any cell is parsed: the grid of cells under
the header row, and the raw table cut from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kmp_analysis.errors import Problem

#: Optional geography of the data's own villages (replaces Kukar's reference).
WILAYAH = "wilayah"

HEADER_ROW = 1  # spreadsheet row of the column names; data starts on the next row


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
class Grid:
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


Source = tuple[dict[str, RawTable], dict[str, Any], dict[str, str], RawTable | None]


def unreadable(label: str, exc: OSError) -> Problem:
    return Problem(label, None, None, "file_unreadable", detail=exc.strerror or exc)

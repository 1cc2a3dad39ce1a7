"""A sheet or CSV file as text, before any cell is parsed: the grid of cells under
the header row, and the raw table cut from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kmp_analysis.errors import Problem, row_problems

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
    #: The file of every row, where the table was combined from several files
    #: (:mod:`.combine`); None: every row is from ``file``.
    files: pd.Series | None = None

    def problems_at(
        self,
        column: str | None,
        code: str,
        index: pd.Index | list,
        params: dict[str, Any] | None = None,
        **common: Any,
    ) -> list[Problem]:
        """:func:`~kmp_analysis.errors.row_problems` on the rows at ``index``, each
        named in its own file."""
        index = pd.Index(index)
        if self.files is None:
            values = {k: pd.Series(v, index=index) for k, v in (params or {}).items()}
            return row_problems(
                self.file, column, code, self.rows.loc[index], values, **common
            )
        out: list[Problem] = []
        files = self.files.loc[index]
        for file in pd.unique(files):
            here = index[(files == file).to_numpy()]
            values = {
                k: pd.Series(list(v), index=index).loc[here]
                for k, v in (params or {}).items()
            }
            out.extend(
                row_problems(file, column, code, self.rows.loc[here], values, **common)
            )
        return out

    def file_at(self, index: Any) -> str:
        """The file of the row at ``index``."""
        return self.file if self.files is None else str(self.files.at[index])


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

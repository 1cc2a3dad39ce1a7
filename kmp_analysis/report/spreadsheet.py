"""A planner's own tables as an Excel workbook (``kmp.write_excel``).

A notebook filters, joins and compares the evaluation with pandas; what it keeps
goes to a spreadsheet for a colleague. :func:`write_excel` writes it the way
``kmp evaluate --out FILE.xlsx`` writes the evaluation (the same writer,
:func:`kmp_analysis.report.workbook.write_workbook`): headers and coded values in
words, numbers formatted, text that looks like a formula made harmless, the file
written whole or not at all. A relative path goes under the project's ``outputs/``
(a notebook runs in ``notebooks/``, which is committed).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from kmp_analysis.config import check_lang
from kmp_analysis.errors import UsageError
from kmp_analysis.paths import OUTPUTS_DIR
from kmp_analysis.report.workbook import write_workbook

#: The sheet of a single table.
DEFAULT_SHEET = "tabel"
#: What Excel refuses in a sheet name (and at most 31 characters).
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")


def write_excel(
    tables: pd.DataFrame | Mapping[str, pd.DataFrame],
    path: str | Path,
    lang: str = "id",
) -> Path:
    """Write one table, or several (one sheet each), to an ``.xlsx`` workbook.

    Parameters
    ----------
    tables
        A table (sheet ``tabel``), or sheet names mapped to tables. The workbench's
        own columns (those of ``Evaluation.cooperatives``, ``kmp evaluate`` and
        ``kmp history``) get their headers in words, their codes as words
        (``aktif`` → Aktif, True → ya) and their number formats; a column of your
        own keeps its name. A named index (``koperasi_id`` after ``set_index`` or
        a join) is written as the first columns; an unnamed one is left out.
    path
        The file, ending in ``.xlsx``. A relative path is taken under the
        project's ``outputs/`` folder; missing folders are made.
    lang
        The language of headers and words: ``"id"`` or ``"en"``.

    Returns
    -------
    Path
        The file written (absolute).

    Raises
    ------
    UsageError
        For a path that does not end in ``.xlsx``, a sheet name Excel refuses, or
        an unknown language.

    Examples
    --------
    >>> import openpyxl
    >>> import pandas as pd
    >>> import kmp_analysis as kmp
    >>> table = pd.DataFrame(
    ...     {"koperasi_id": ["KMP-6402062001"], "kelas": ["aktif"], "berisiko": [True]}
    ... )
    >>> written = kmp.write_excel(table, getfixture("tmp_path") / "berisiko.xlsx")
    >>> [[c.value for c in row] for row in openpyxl.load_workbook(written)["tabel"]]
    [['ID koperasi', 'Kelas', 'Berisiko'], ['KMP-6402062001', 'Aktif', 'ya']]
    >>> kmp.write_excel(table, "berisiko.csv")
    Traceback (most recent call last):
    kmp_analysis.errors.UsageError: path: 'berisiko.csv' bukan nama file .xlsx
    """
    lang = check_lang(lang)
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise UsageError("excel_not_xlsx", value=str(path)).about("path")
    if not target.is_absolute():
        target = OUTPUTS_DIR / target
    sheets = (
        {DEFAULT_SHEET: tables} if isinstance(tables, pd.DataFrame) else dict(tables)
    )
    for name in sheets:
        if not name or len(name) > 31 or _BAD_SHEET.search(name):
            raise UsageError("excel_sheet_name", value=name).about("tables")
    frames = {name: _with_index(frame) for name, frame in sheets.items()}
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_workbook(frames, target, lang).resolve()


def _with_index(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its index as columns where the index has a name."""
    if all(name is None for name in frame.index.names):
        return frame
    return frame.reset_index()

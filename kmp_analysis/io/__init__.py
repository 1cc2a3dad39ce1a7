"""The user's files: reading a data folder or workbook, and the intake template.

:func:`read_dataset` is the one entry point for data. It reads every table as text
(:mod:`._csv` for a folder of CSV files, :mod:`._xlsx` for a workbook, the header row
in :mod:`._header`), parses the cells the way Indonesian spreadsheets write them
(:mod:`.cells`), checks them against :mod:`kmp_analysis.schema` and either returns a
typed :class:`~kmp_analysis.schema.Dataset` or raises
:class:`~kmp_analysis.errors.ValidationFailed` with every problem at once, naming
file, row and column. Legal but suspect data becomes warnings (:mod:`.suspect`). It
never modifies its input, and no input, however broken, escapes as another exception.

:func:`write_template` writes the empty intake workbook (``kmp template``) that the
reader reads back; :func:`geography` gives the villages a data folder lies in.
"""

from kmp_analysis.io._grid import HEADER_ROW, RawTable
from kmp_analysis.io.cells import (
    parse_date,
    parse_int,
    parse_kode_desa,
    parse_month,
    parse_number,
    parse_table,
    parse_yesno,
)
from kmp_analysis.io.geography import geography
from kmp_analysis.io.read import read_dataset, read_wilayah, sort_problems
from kmp_analysis.io.suspect import data_warnings
from kmp_analysis.io.template import write_template
from kmp_analysis.schema import Dataset

__all__ = [
    "HEADER_ROW",
    "Dataset",
    "RawTable",
    "data_warnings",
    "geography",
    "parse_date",
    "parse_int",
    "parse_kode_desa",
    "parse_month",
    "parse_number",
    "parse_table",
    "parse_yesno",
    "read_dataset",
    "read_wilayah",
    "sort_problems",
    "write_template",
]

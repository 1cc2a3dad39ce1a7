"""Writing files so that nothing is ever half-written.

Every file goes to a temporary name in the same folder and is renamed into place with
:func:`os.replace`, which is atomic on one file system: a reader sees the old file or
the new one, never a part. Tables exported for spreadsheets also neutralise text cells
that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where frames are written: the batch's light
    import pandas as pd  # modules write only text through this module

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path beside ``target``, renamed onto it when the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o644)  # mkstemp makes the file private (0600)
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def atomic_write_bytes(target: str | Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def atomic_write_text(target: str | Path, text: str) -> None:
    atomic_write_bytes(target, text.encode("utf-8"))


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that start like a formula with ``'`` (formula injection)."""
    from pandas.api.types import is_string_dtype

    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or is_string_dtype(series):
            out[column] = series.map(
                lambda v: (
                    "'" + v
                    if isinstance(v, str) and v.startswith(_FORMULA_START)
                    else v
                )
            )
    return out


def write_table(
    frame: pd.DataFrame, target: str | Path, sheet_name: str = "data"
) -> Path:
    """Write ``frame`` to ``.csv`` (UTF-8 with BOM) or ``.xlsx``, atomically."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"unsupported output type {suffix!r}; use .csv or .xlsx")
    safe = neutralise_formulas(frame)
    with atomic_path(target) as tmp:
        if suffix == ".csv":
            safe.to_csv(tmp, index=False, encoding="utf-8-sig")
        else:
            import pandas as pd

            with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
                safe.to_excel(writer, index=False, sheet_name=sheet_name)
    return target

"""Cells as Indonesian spreadsheets write them: ``Rp 1.250.000``, decimal commas,
``dd/mm/yyyy`` or Excel dates, ``ya``/``tidak``, village codes or names; a cell that
cannot be read becomes missing and a problem naming its row and column.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from kmp_analysis import reference
from kmp_analysis.errors import Problem, UnknownKecamatan, UnknownVillage, row_problems
from kmp_analysis.io._grid import RawTable
from kmp_analysis.io._header import normalise_header
from kmp_analysis.schema import TABLES, Col


class _Unparseable(ValueError):
    """A cell that cannot be read as its column's kind."""


def parse_number(text: str) -> float:
    """Read a number as Indonesian spreadsheets write it.

    Examples
    --------
    >>> parse_number("Rp 1.250.000")
    1250000.0
    >>> parse_number("0,25")
    0.25
    >>> parse_number("1250000.5")
    1250000.5
    """
    s = (
        re.sub(r"(?i)^rp\.?\s*", "", text.strip())
        .replace(" ", "")
        .replace("\u00a0", "")
    )
    if re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?", s):  # 1.250.000 / 1.250.000,50
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?", s):  # 1,250,000 / ...,50
        s = s.replace(",", "")
    elif re.fullmatch(r"-?\d+,\d+", s):  # decimal comma
        s = s.replace(",", ".")
    if not re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", s):
        raise _Unparseable(text)
    value = float(s)
    if not math.isfinite(value):
        raise _Unparseable(text)
    return value


def parse_int(text: str) -> float:
    value = parse_number(text)
    if not float(value).is_integer():
        raise _Unparseable(text)
    return value


_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(text: str) -> pd.Timestamp:
    """``yyyy-mm-dd``, ``dd/mm/yyyy`` (or ``dd-mm-yyyy``) or an Excel serial number."""
    s = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})", s)
        if m:
            d, mo, y = (int(g) for g in m.groups())
        elif re.fullmatch(r"\d{5}(\.0+)?", s):
            serial = int(float(s))
            return pd.Timestamp(_EXCEL_EPOCH) + pd.Timedelta(days=serial)
        else:
            raise _Unparseable(text)
    try:
        return pd.Timestamp(year=y, month=mo, day=d)
    except ValueError:
        raise _Unparseable(text) from None


def parse_month(text: str) -> str:
    """``YYYY-MM`` (a first-of-month date from Excel is accepted too)."""
    s = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-01(?:[ T]00:00(?::00)?)?)?", s)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise _Unparseable(text)
    return f"{m.group(1)}-{m.group(2)}"


_YES = {"ya", "y", "1", "yes", "true", "benar", "ada"}

_NO = {"tidak", "t", "0", "no", "n", "false", "salah", "tidak ada", "belum"}


def parse_yesno(text: str) -> bool:
    s = text.strip().lower()
    if s in _YES:
        return True
    if s in _NO:
        return False
    raise _Unparseable(text)


def parse_kode_desa(text: str) -> str:
    """Kemendagri village code in dotted form; the 10-digit compact form is accepted."""
    s = text.strip()
    if re.fullmatch(r"\d{10}", s):
        return f"{s[:2]}.{s[2:4]}.{s[4:6]}.{s[6:]}"
    return s


#: A cell that is meant as a code (digits, dots, spaces), not as a village name.
_CODE_LIKE = re.compile(r"[\d.\s]+")


def _kode_desa_column(
    text: pd.Series,
    raw: RawTable,
    geography: reference.Geography,
    problems: list[Problem],
) -> tuple[pd.Series, set[int]]:
    """The ``kode_desa`` cells in dotted form, a village name replaced by its code.

    A code is taken as written (:func:`parse_kode_desa`; whether it exists is checked
    later, with the other tables). A name is looked up among the geography's villages
    (:meth:`~kmp_analysis.reference.Geography.resolve_village`), within the row's
    kecamatan where the table has a kecamatan column: an unknown name gets the
    closest official names, a name several kecamatan have asks for the kecamatan.
    Returns the codes and the index labels of cells that could not be resolved.
    """
    hints = raw.kecamatan if raw.kecamatan is not None else pd.Series("", text.index)
    pairs = pd.DataFrame({"value": text, "hint": hints.reindex(text.index).fillna("")})
    codes: dict[tuple[str, str], str | None] = {}
    trouble: dict[tuple[str, str], tuple[str, str, dict[str, str]]] = {}
    for value, hint in pairs.drop_duplicates().itertuples(index=False):
        if value == "" or _CODE_LIKE.fullmatch(value):
            codes[value, hint] = parse_kode_desa(value)
            continue
        codes[value, hint] = None
        try:
            codes[value, hint] = geography.resolve_village(value, hint or None)
        except UnknownKecamatan as exc:
            column = raw.kecamatan_column or "kecamatan"
            code, params = _hint("village_kecamatan_unknown", exc.suggestions)
            trouble[value, hint] = (code, column, params)
        except UnknownVillage as exc:
            if exc.kecamatan:
                places = ", ".join(exc.kecamatan)
                params = {"kecamatan": places}
                trouble[value, hint] = ("village_ambiguous", "kode_desa", params)
            else:
                code, params = _hint("village_unknown", exc.suggestions)
                trouble[value, hint] = (code, "kode_desa", params)
    keys = list(zip(pairs["value"], pairs["hint"], strict=True))
    series = pd.Series([codes[k] for k in keys], index=text.index, dtype=object)
    bad: set[int] = set()
    rows_of = pairs.groupby(["value", "hint"], sort=False).indices if trouble else {}
    for (value, hint), (code, column, params) in trouble.items():
        where = pairs.index[rows_of[value, hint]]
        bad.update(where)
        problems.extend(
            row_problems(
                raw.file,
                column,
                code,
                raw.rows.loc[where],
                value=value,
                kecamatan_given=hint,
                **params,
            )
        )
    return series, bad


def _hint(code: str, suggestions: list[str]) -> tuple[str, dict[str, str]]:
    """The message code, ``…_similar`` with the closest names ("maksud Anda")
    where there are some."""
    if suggestions:
        return f"{code}_similar", {"names": ", ".join(suggestions)}
    return code, {}


def _normalise_enum(text: pd.Series, col: Col) -> pd.Series:
    """Allowed values in their canonical spelling (case, spaces, hyphens)."""
    canonical = {normalise_header(c): c for c in col.choices}
    mapping = {
        value: canonical.get(normalise_header(value), value)
        for value in pd.unique(text)
    }
    return text.map(mapping)


#: Parser of each kind of cell, and the message of a cell it cannot read.
_PARSERS: dict[str, tuple[Callable[[str], Any], str]] = {
    "int": (parse_int, "not_integer"),
    "money": (parse_number, "not_a_number"),
    "date": (parse_date, "bad_date"),
    "month": (parse_month, "bad_month"),
    "yesno": (parse_yesno, "bad_yesno"),
}


def parse_table(
    raw: RawTable,
    problems: list[Problem],
    geography: reference.Geography | None = None,
) -> tuple[pd.DataFrame, dict]:
    """Typed frame of one table; unparseable cells become missing and a problem.

    Villages given by name are looked up in ``geography`` (Kukar's by default).
    Returns the frame and, per column, the index labels whose cell failed to parse.
    """
    spec = TABLES[raw.name]
    out: dict[str, pd.Series] = {}
    failed: dict[str, set[int]] = {}
    for col in spec.columns:
        text = raw.frame[col.name]
        empty = text == ""
        if col.kind in ("text", "id"):
            series = text.where(~empty, None).astype(object)
        elif col.kind == "kode_desa":  # a code, or a village name to look up
            series, bad = _kode_desa_column(
                text, raw, geography or reference.kukar(), problems
            )
            series = series.where(~empty, None).astype(object)
            failed[col.name] = bad
        elif col.kind == "enum":
            series = _normalise_enum(text, col).where(~empty, None).astype(object)
        else:
            parser, code = _PARSERS[col.kind]
            series, bad = _parse_column(text, empty, parser, col)
            problems.extend(
                row_problems(
                    raw.file,
                    col.name,
                    code,
                    raw.rows.loc[bad],
                    {"value": text.loc[bad]},
                )
            )
            failed[col.name] = set(bad)
        out[col.name] = series
    return pd.DataFrame(out, index=raw.frame.index), failed


def _parse_column(
    text: pd.Series, empty: pd.Series, parser: Callable[[str], Any], col: Col
) -> tuple[pd.Series, list[int]]:
    """Parse every distinct value once; fast path for plain numbers."""
    bad: list[int] = []
    if col.kind in ("int", "money"):
        # plain digits take the fast path; "1.250" (Indonesian thousands), "Rp ...",
        # decimal commas and numbers too long for a float go through parse_number
        plain = text.str.fullmatch(r"-?\d{1,15}").fillna(False).astype(bool)
        values = pd.to_numeric(text.where(plain, None), errors="coerce").astype(
            "float64"
        )
        need = ~plain & ~empty
        if need.any():
            slow = _map_unique(text[need], parser)
            bad = [i for i, v in slow.items() if v is _FAIL]
            values.loc[slow.index] = [np.nan if v is _FAIL else v for v in slow]
        return values, bad
    mapped = _map_unique(text[~empty], parser)
    bad = [i for i, v in mapped.items() if v is _FAIL]
    if col.kind == "date":
        series = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
        ok = mapped[[v is not _FAIL for v in mapped]]
        if len(ok):
            series.loc[ok.index] = pd.to_datetime(list(ok)).astype("datetime64[ns]")
        return series, bad
    if col.kind == "yesno":
        series = pd.Series(pd.NA, index=text.index, dtype="boolean")
        ok = mapped[[v is not _FAIL for v in mapped]]
        series.loc[ok.index] = list(ok)
        return series, bad
    series = pd.Series(None, index=text.index, dtype=object)
    ok = mapped[[v is not _FAIL for v in mapped]]
    series.loc[ok.index] = list(ok)
    return series, bad


_FAIL = object()


def _map_unique(text: pd.Series, parser: Callable[[str], Any]) -> pd.Series:
    cache: dict[str, Any] = {}
    for value in pd.unique(text):
        try:
            cache[value] = parser(value)
        except _Unparseable:
            cache[value] = _FAIL
    return text.map(cache.__getitem__).astype(object)

"""Every word a planner reads, in Bahasa Indonesia (default) and English.

The catalog: :data:`MESSAGES` for problems in the input (``file:row:column:
message``) and errors, :data:`LABELS` for everything on the pages and in progress
lines, :data:`COLUMNS` for table headers, ``TEMPLATE_*`` for the intake workbook.
Code never writes planner-facing text inline; it asks :func:`message`,
:func:`label` or :func:`column_label`, and a test checks that every key the code
uses is here in both languages with the same placeholders. Numbers are written the
reader's way too, by Babel in the reader's locale (:func:`fmt_int`, :func:`fmt_dec`,
:func:`fmt_num`, :func:`fmt_percent`, :func:`fmt_pct`, :func:`fmt_rupiah`): every
page, chart and sentence goes through them, so that a reader never sees two
decimal marks.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import cache
from typing import Any

from kmp_analysis.i18n._columns import COLUMNS
from kmp_analysis.i18n._labels import LABELS
from kmp_analysis.i18n._messages import MESSAGES
from kmp_analysis.i18n._template import (
    TEMPLATE_GUIDE,
    TEMPLATE_KINDS,
    TEMPLATE_NOTES,
    TEMPLATE_ROWS,
    TEMPLATE_UI,
)
from kmp_analysis.paths import strict_i18n

__all__ = [
    "COLUMNS",
    "LABELS",
    "LANGS",
    "LOCALES",
    "MESSAGES",
    "TEMPLATE_GUIDE",
    "TEMPLATE_KINDS",
    "TEMPLATE_NOTES",
    "TEMPLATE_ROWS",
    "TEMPLATE_UI",
    "Localised",
    "column_label",
    "fmt_dec",
    "fmt_int",
    "fmt_month",
    "fmt_num",
    "fmt_pct",
    "fmt_percent",
    "fmt_rupiah",
    "join_names",
    "label",
    "message",
]

LANGS = ("id", "en")


# --------------------------------------------------------------------- numbers
#
# Numbers are written by Babel (CLDR data) in the reader's locale: Bahasa Indonesia
# with the decimal comma and the thousands dot (1.234,5), English the other way
# round (1,234.5). Babel is imported on the first number, so that importing the
# catalog stays cheap. Values round half to even, as Babel and Python's own
# formatting do.

#: The Babel locale of each language.
LOCALES = {"id": "id_ID", "en": "en"}

#: What a missing value is written as.
MISSING = "–"


def fmt_int(value: float, lang: str = "id", signed: bool = False) -> str:
    """A whole number with the reader's thousands separator (rounded);
    ``signed``: a change, "+" before a rise.

    Examples
    --------
    >>> fmt_int(12345), fmt_int(12345, "en"), fmt_int(6, signed=True)
    ('12.345', '12,345', '+6')
    """
    return _format(value, lang, "#,##0", signed)


def fmt_dec(
    value: float, lang: str = "id", digits: int = 2, signed: bool = False
) -> str:
    """A decimal with ``digits`` decimals and the reader's marks.

    Examples
    --------
    >>> fmt_dec(0.5, digits=1), fmt_dec(0.5, "en", digits=1)
    ('0,5', '0.5')
    >>> fmt_dec(1234.5), fmt_dec(1234.5, "en")
    ('1.234,50', '1,234.50')
    """
    return _format(value, lang, _decimals("0", digits), signed)


def fmt_num(
    value: float, lang: str = "id", digits: int = 2, signed: bool = False
) -> str:
    """A number as short as it is, with at most ``digits`` decimals: 1, 1,5, 2,25.

    Examples
    --------
    >>> fmt_num(0.5), fmt_num(1.0), fmt_num(2.25, "en")
    ('0,5', '1', '2.25')
    """
    return _format(value, lang, _decimals("#", digits), signed)


def fmt_percent(
    share: float, lang: str = "id", digits: int = 0, signed: bool = False
) -> str:
    """A share (0–1) as a percentage with ``digits`` decimals.

    Examples
    --------
    >>> fmt_percent(0.19), fmt_percent(0.199, digits=1), fmt_percent(0.199, "en", 1)
    ('19%', '19,9%', '19.9%')
    """
    return _format(share, lang, _decimals("0", digits) + "%", signed)


def _decimals(decimal: str, digits: int) -> str:
    """A Babel number pattern with thousands groups and ``digits`` decimals, each
    ``"0"`` (always written) or ``"#"`` (written where not zero)."""
    return "#,##0." + decimal * digits if digits else "#,##0"


def fmt_pct(part: float, whole: float, lang: str = "id") -> str:
    """``part`` of ``whole`` as a whole percentage ("–" when ``whole`` is 0).

    Examples
    --------
    >>> fmt_pct(1, 3), fmt_pct(0, 0)
    ('33%', '–')
    """
    return MISSING if not whole else fmt_percent(part / whole, lang)


def fmt_rupiah(value: float, lang: str = "id") -> str:
    """An amount of rupiah, whole: "Rp 1.370.834" (English: "Rp 1,370,834").

    Examples
    --------
    >>> fmt_rupiah(1370834.4), fmt_rupiah(1370834.4, "en")
    ('Rp 1.370.834', 'Rp 1,370,834')
    """
    if _missing(value):
        return MISSING
    return label("rupiah", lang, n=fmt_int(value, lang))


def _format(value: float, lang: str, pattern: str, signed: bool = False) -> str:
    """``value`` by the Babel number ``pattern`` in the locale of ``lang`` ("–"
    where it is missing); ``signed``: "+" before a value above zero, and no sign
    on a value that rounds to zero."""
    from babel.numbers import format_decimal

    if _missing(value):
        return MISSING
    number = _number(value)
    locale = _locale(LOCALES.get(lang, LOCALES["id"]))
    text = format_decimal(number, format=_pattern(pattern), locale=locale)
    if text.lstrip("-").strip("0.,%") == "":  # -0,00 is 0,00
        text = text.lstrip("-")
    elif signed and number > 0:
        text = "+" + text
    return text


def _missing(value: object) -> bool:
    """None, NaN or pandas' NA (without importing pandas)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN
    except TypeError:  # pd.NA has no truth value
        return True


def _number(value: object) -> int | float:
    """A Python number for Babel (NumPy's and pandas' scalars included)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    try:
        return int(value.__index__())  # type: ignore[attr-defined]
    except (AttributeError, TypeError):
        return float(value)  # type: ignore[arg-type]


@cache
def _pattern(pattern: str) -> Any:
    from babel.numbers import parse_pattern

    return parse_pattern(pattern)


@cache
def _locale(name: str) -> Any:
    from babel import Locale

    return Locale.parse(name)


def fmt_month(month: str, lang: str = "id") -> str:
    """A report month ``YYYY-MM`` as the reader says it.

    Examples
    --------
    >>> fmt_month("2026-10"), fmt_month("2026-10", "en")
    ('Oktober 2026', 'October 2026')
    """
    year, number = str(month)[:4], int(str(month)[5:7])
    return f"{label(f'month_{number}', lang)} {year}"


def join_names(names: list[str], lang: str = "id") -> str:
    """Names as a phrase: "A", "A dan B", "A, B dan C".

    Examples
    --------
    >>> join_names(["Tabang", "Sebulu", "Anggana"], "en")
    'Tabang, Sebulu and Anggana'
    """
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + label("ringkasan_and", lang) + names[-1]


@dataclass(frozen=True)
class Localised:
    """A message parameter shown the reader's way in whichever language the message
    is rendered later (a problem is made once and read in Bahasa Indonesia or
    English): ``month`` (``"2026-10"`` → Oktober 2026), ``rupiah`` (Rp 1.250.000),
    ``count`` (1.250) or ``ratio`` (40×, or 1/40× below one).

    Examples
    --------
    >>> message("value_to_check", "en", kolom="omzet",
    ...         bulan=Localised("month", "2026-10"),
    ...         nilai=Localised("rupiah", 50_000_000), kali=Localised("ratio", 40),
    ...         n=6, acuan=Localised("rupiah", 1_250_000))
    'omzet October 2026: Rp 50,000,000, 40× the median of the 6 previous months \
(Rp 1,250,000); to check'
    """

    kind: str
    value: Any

    def text(self, lang: str = "id") -> str:
        value = self.value
        if self.kind == "month":
            return fmt_month(value, lang)
        if self.kind == "rupiah":
            return fmt_rupiah(value, lang)
        if self.kind == "count":
            return fmt_int(value, lang)
        if self.kind == "ratio":  # whole from 10 up, one decimal below
            times = value if value >= 1 else 1 / value
            if times >= 10:
                text = fmt_int(round(times), lang)
            else:
                text = fmt_dec(times, lang, 1)
            return f"{text}×" if value >= 1 else f"1/{text}×"
        raise ValueError(f"no way to show a {self.kind!r}")


def message(code: str, lang: str = "id", /, **params: object) -> str:
    """The sentence of a problem or error ``code`` (:data:`MESSAGES`), filled in.

    Examples
    --------
    >>> message("period_bad", "en", value="2026-13")
    "period '2026-13' must be in the form YYYY-MM"
    """
    return _text(MESSAGES, code, lang, params)


def label(key: str, lang: str = "id", /, **params: object) -> str:
    """A label or sentence of the pages (:data:`LABELS`), filled in.

    Examples
    --------
    >>> label("brief_title", "en", nama="Tabang")
    'KMP evaluation brief — Kecamatan Tabang'
    """
    return _text(LABELS, key, lang, params)


def column_label(name: str, lang: str = "id") -> str:
    """The header of column ``name`` in an exported table (:data:`COLUMNS`, or a
    label of the same name)."""
    table = COLUMNS if name in COLUMNS else LABELS
    return _text(table, name, lang, {})


def _text(table: dict[str, dict[str, str]], key: str, lang: str, params: dict) -> str:
    """``table[key][lang]`` with ``params`` filled in.

    Where the text is not there (unknown key or language) or a parameter is
    missing, a planner sees the key, the Indonesian text or the unfilled text
    rather than a traceback; with ``KMP_STRICT_I18N`` set (the tests set it) it
    is an error instead, so no such gap goes unnoticed.
    """
    entry = table.get(key)
    try:
        if entry is None:
            raise KeyError(f"no text {key!r} in the catalog")
        if lang not in entry:
            raise KeyError(f"text {key!r} has no {lang!r}; languages: {LANGS}")
        return _filled(entry[lang], lang, params)
    except (KeyError, IndexError):
        if strict_i18n():
            raise
        if entry is None:
            return key
        if lang not in entry:  # a language the workbench does not speak
            with contextlib.suppress(KeyError, IndexError):
                return _filled(entry["id"], "id", params)
        return entry.get(lang, entry["id"])


def _filled(template: str, lang: str, params: dict) -> str:
    values = {
        k: v.text(lang) if isinstance(v, Localised) else v for k, v in params.items()
    }
    return template.format(**values)

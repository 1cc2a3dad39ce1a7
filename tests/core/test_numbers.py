"""Numbers the reader's way (issue 14, finding 6): Babel's id_ID and en forms."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from kmp_analysis.i18n import (
    Localised,
    fmt_dec,
    fmt_int,
    fmt_num,
    fmt_pct,
    fmt_percent,
    fmt_rupiah,
)


@pytest.mark.parametrize(
    ("value", "id_", "en"),
    [
        (0, "0", "0"),
        (7, "7", "7"),
        (999, "999", "999"),
        (1000, "1.000", "1,000"),
        (1234567, "1.234.567", "1,234,567"),
        (-4321, "-4.321", "-4,321"),
        (2.6, "3", "3"),  # rounded, not cut
        (np.int64(80000), "80.000", "80,000"),
    ],
)
def test_fmt_int(value, id_, en):
    assert (fmt_int(value), fmt_int(value, "en")) == (id_, en)


@pytest.mark.parametrize(
    ("value", "digits", "id_", "en"),
    [
        (0.41, 2, "0,41", "0.41"),
        (0.5, 2, "0,50", "0.50"),
        (0.5, 1, "0,5", "0.5"),
        (1234.5, 1, "1.234,5", "1,234.5"),
        (1.006, 2, "1,01", "1.01"),
        (-0.25, 2, "-0,25", "-0.25"),
        (-0.001, 2, "0,00", "0.00"),  # no "-0,00"
        (np.float64(2.0), 2, "2,00", "2.00"),
        (3.4, 0, "3", "3"),
    ],
)
def test_fmt_dec(value, digits, id_, en):
    assert (fmt_dec(value, digits=digits), fmt_dec(value, "en", digits)) == (id_, en)


@pytest.mark.parametrize(
    ("value", "id_", "en"),
    [
        (0.5, "0,5", "0.5"),
        (1.0, "1", "1"),
        (2.25, "2,25", "2.25"),
        (1500, "1.500", "1,500"),
    ],
)
def test_fmt_num_is_as_short_as_the_value(value, id_, en):
    assert (fmt_num(value), fmt_num(value, "en")) == (id_, en)


@pytest.mark.parametrize(
    ("share", "digits", "id_", "en"),
    [
        (0.19, 0, "19%", "19%"),
        (0.0, 0, "0%", "0%"),
        (1.0, 0, "100%", "100%"),
        (0.199, 1, "19,9%", "19.9%"),
        (0.2, 1, "20,0%", "20.0%"),
        (12.5, 0, "1.250%", "1,250%"),
    ],
)
def test_fmt_percent(share, digits, id_, en):
    shown = (fmt_percent(share, digits=digits), fmt_percent(share, "en", digits))
    assert shown == (id_, en)


def test_signed_changes_show_a_plus_and_never_a_signed_zero():
    assert fmt_int(6, signed=True) == "+6"
    assert fmt_int(-6, signed=True) == "-6"
    assert fmt_int(0, signed=True) == "0"
    assert fmt_int(-0.3, signed=True) == "0"
    assert fmt_dec(0.25, "en", 2, signed=True) == "+0.25"
    assert fmt_percent(0.13, signed=True) == "+13%"


def test_fmt_pct_is_a_part_of_a_whole():
    assert (fmt_pct(1, 3), fmt_pct(2, 3, "en"), fmt_pct(0, 0)) == ("33%", "67%", "–")
    assert fmt_pct(1, 8, "id") == "12%"  # 12.5 rounds half to even, as before


def test_rupiah_is_whole_with_rp_in_both_languages():
    assert fmt_rupiah(1370834) == "Rp 1.370.834"
    assert fmt_rupiah(1370834, "en") == "Rp 1,370,834"
    assert fmt_rupiah(151864.6) == "Rp 151.865"
    assert Localised("rupiah", 1_250_000).text("en") == "Rp 1,250,000"


@pytest.mark.parametrize("missing", [None, math.nan, np.nan, pd.NA])
def test_a_missing_value_is_a_dash(missing):
    for fmt in (fmt_int, fmt_dec, fmt_num, fmt_percent, fmt_rupiah):
        assert fmt(missing) == "–"
        assert fmt(missing, "en") == "–"


def test_an_unknown_language_is_written_the_indonesian_way():
    assert fmt_dec(1234.5, "xx", 1) == "1.234,5"


def test_the_catalog_imports_without_babel_or_pandas():
    code = (
        "import sys\nimport kmp_analysis.i18n\n"
        "print([m for m in ('babel', 'pandas') if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"

"""Consistency over time (issue 11): a cooperative's latest figures against its own
earlier months, on hand-made series with hand-computed flags."""

from __future__ import annotations

import pandas as pd
import pytest

from kmp_analysis.config import Config, Consistency, load_config
from kmp_analysis.consistency import (
    ABOVE,
    BELOW,
    RESULT_COLUMNS,
    describe,
    implausible_values,
)

M = 1_000_000


def series(values: list, column: str = "omzet", kop: str = "K1", end: int = 10):
    """One cooperative's reports, one per month, the last in 2026-``end`` (at most
    twelve months back); None is a figure left empty."""
    months = [f"2026-{m:02d}" for m in range(end - len(values) + 1, end + 1)]
    figures = [float("nan") if v is None else float(v) for v in values]
    return pd.DataFrame({"koperasi_id": kop, "bulan": months, column: figures})


def flags(frame: pd.DataFrame, **settings) -> pd.DataFrame:
    return implausible_values(frame, None, Consistency(**settings))


def test_a_forty_fold_month_is_flagged_with_its_median_and_ratio():
    # history 1,1,1,2,2,2 (million): median 1.5, MAD 0.5; 60 is 40 x the median
    found = flags(series([M, M, M, 2 * M, 2 * M, 2 * M, 60 * M]))
    assert found.to_dict("records") == [
        {
            "koperasi_id": "K1",
            "bulan": "2026-10",
            "kolom": "omzet",
            "nilai": 60 * M,
            "acuan": 1.5 * M,
            "rasio": 40.0,
            "alasan": ABOVE,
            "n_acuan": 6,
        }
    ]
    assert found.index.tolist() == [6]  # the row's label in laporan_bulanan
    assert describe(found.iloc[0]) == (
        "omzet Oktober 2026: Rp 60.000.000, 40× median 6 bulan sebelumnya "
        "(Rp 1.500.000); perlu dicek"
    )
    assert describe(found.iloc[0], "en") == (
        "omzet October 2026: Rp 60,000,000, 40× the median of the 6 previous "
        "months (Rp 1,500,000); to check"
    )


def test_only_the_six_latest_earlier_months_are_the_reference():
    # twelve months: the first six (100 M) are too old to count; the last six are
    # 1 M, so 20 M is 20 x their median
    old = series([100 * M] * 6, end=3)  # 2025-10 ... 2026-03
    old["bulan"] = ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
    recent = series([M] * 6 + [20 * M])  # 2026-04 ... 2026-10
    found = flags(pd.concat([old, recent], ignore_index=True))
    assert found[["acuan", "rasio", "n_acuan"]].values.tolist() == [[M, 20.0, 6]]


@pytest.mark.parametrize(
    "values",
    [
        [0, 0, 500_000, 0, 0, 800_000, 3 * M],  # occasional sales, then a good month
        [0, 0, 500_000, 0, 0, 800_000, 0],  # and a month without any
        [0, 0, 0, 0, 0, 0, 5 * M],  # first sales ever: not "x infinity"
        [0, 0, 0, 2 * M, 0, 0, 40 * M],  # median still zero
    ],
)
def test_a_zero_heavy_series_is_not_flagged(values):
    assert flags(series(values)).empty


def test_a_zero_is_never_flagged_even_after_steady_months():
    assert flags(series([5 * M] * 6 + [0])).empty


def test_too_short_a_history_is_not_judged():
    assert flags(series([M, M, 50 * M])).empty  # two earlier months
    assert len(flags(series([M, M, M, 50 * M]))) == 1  # three are enough
    assert flags(series([M, M, M, 50 * M]), bulan_minimum=4).empty


def test_missing_figures_do_not_count_as_history():
    frame = series([None, M, None, M, 50 * M])
    assert flags(frame).empty  # two earlier months with a value
    assert len(flags(frame, bulan_minimum=2)) == 1


def test_identical_months_mad_zero_a_doubling_is_not_flagged_fifty_fold_is():
    assert flags(series([M] * 6 + [2 * M])).empty
    found = flags(series([M] * 6 + [50 * M]))
    assert found[["nilai", "acuan", "rasio"]].values.tolist() == [[50 * M, M, 50.0]]


def test_a_fall_to_a_hundredth_is_flagged_after_steady_months_only():
    steady = flags(series([10 * M] * 6 + [100_000]))
    assert steady[["rasio", "alasan"]].values.tolist() == [[0.01, BELOW]]
    assert describe(steady.iloc[0]).startswith("omzet Oktober 2026: Rp 100.000, 1/100×")
    # 1, 10, 1, 10, 1, 10: median 5.5, MAD 4.5; 0.1 is within 5 x 1.4826 x 4.5
    assert flags(series([M, 10 * M] * 3 + [100_000])).empty


def test_a_busy_month_after_quiet_ones_is_no_surprise_a_record_far_beyond_is():
    # costs 1 M when resting, 7 M when trading: the median is 1 M, so a 10 M month
    # is ten times it, yet within three times the 7 M already reported
    quiet = [M, 7 * M, M, 7 * M, M, M]
    assert flags(series([*quiet, 10 * M], column="biaya_operasional")).empty
    found = flags(series([*quiet, 25 * M], column="biaya_operasional"))
    assert found[["nilai", "acuan", "rasio"]].values.tolist() == [[25 * M, M, 25.0]]
    assert flags(series([*quiet, 25 * M]), rasio_rentang=4).empty


def test_counts_are_checked_and_written_as_counts():
    found = flags(series([30, 30, 32, 31, 30, 30, 1200], column="anggota_terdaftar"))
    assert describe(found.iloc[0]) == (
        "anggota_terdaftar Oktober 2026: 1.200, 40× median 6 bulan sebelumnya (30); "
        "perlu dicek"
    )


def test_the_period_judges_the_latest_month_up_to_it():
    frame = series([M] * 6 + [M, 50 * M])  # the spike is in 2026-10
    assert len(implausible_values(frame)) == 1
    assert implausible_values(frame, "2026-09").empty
    stale = series([M] * 6 + [50 * M], end=8)  # no report after 2026-08
    assert implausible_values(stale, "2026-10")["bulan"].tolist() == ["2026-08"]


def test_each_cooperative_against_its_own_history():
    big = series([100 * M] * 6 + [120 * M], kop="BESAR")
    small = series([M] * 6 + [120 * M], kop="KECIL")
    both = pd.concat([big, small], ignore_index=True).sample(frac=1, random_state=1)
    found = implausible_values(both)
    assert found["koperasi_id"].tolist() == ["KECIL"]
    assert found.index.tolist() == [13]


def test_thresholds_come_from_the_config_and_yaml(tmp_path):
    assert Config().konsistensi == Consistency(6, 3, 5.0, 10.0, 3.0)
    yaml_file = tmp_path / "ambang.yaml"
    yaml_file.write_text("konsistensi:\n  rasio: 2\n  bulan_acuan: 3\n")
    cfg = load_config(yaml_file)
    assert cfg.konsistensi == Consistency(bulan_acuan=3, rasio=2.0)
    frame = series([M] * 6 + [3 * M])
    assert implausible_values(frame).empty
    assert len(implausible_values(frame, None, cfg.konsistensi)) == 1
    assert Config().with_overrides(batas_mad=3.0).konsistensi.batas_mad == 3.0


def test_no_history_or_no_rows_gives_an_empty_frame_with_the_columns():
    for frame in (series([M]), series([])):
        found = implausible_values(frame)
        assert found.empty and tuple(found.columns) == RESULT_COLUMNS


def test_it_runs_on_the_sample(sample_dataset):
    lap = sample_dataset["laporan_bulanan"]
    found = implausible_values(lap, sample_dataset.last_month)
    assert tuple(found.columns) == RESULT_COLUMNS
    assert found.index.isin(lap.index).all()
    assert (found["acuan"] > 0).all() and (found["nilai"] > 0).all()

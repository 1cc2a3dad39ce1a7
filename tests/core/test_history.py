"""History over every month-end window, transitions, spells, period checks (§7b)."""

from __future__ import annotations

import pandas as pd
import pytest
from builders import combine, coop, report

from kmp_analysis.errors import EXIT_USAGE, ValidationFailed
from kmp_analysis.evaluation import evaluate
from kmp_analysis.history import (
    HISTORY_COLUMNS,
    check_period,
    compute_history,
    history_periods,
)
from kmp_analysis.schema import Dataset

MONTHS = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]


def _reports(kid: str, trading: set[str], months=MONTHS) -> list[dict]:
    return [
        report(
            m,
            kid=kid,
            omzet=10_000_000 if m in trading else 0,
            aktif=30 if m in trading else 0,
        )
        for m in months
    ]


def _dataset(tables: dict[str, pd.DataFrame]) -> Dataset:
    villages = pd.DataFrame(
        {
            "kode_desa": ["64.02.06.1001", "64.02.07.1001"],
            "nama_desa": ["Satu", "Dua"],
            "kode_kec": ["64.02.06", "64.02.07"],
            "nama_kec": ["Kec A", "Kec B"],
        }
    )
    return Dataset(tables=tables, source="uji", villages=villages)


@pytest.fixture(scope="module")
def journey() -> Dataset:
    """K1 starts trading in 2026-01 and climbs to Aktif; K2 never moves; K3 trades
    once (2025-12) and falls back; K4 is formed in 2026-03 and never moves."""
    k1 = coop(_reports("K1", set(MONTHS[1:])), kid="K1")
    k2 = coop(_reports("K2", set()), kid="K2")
    k3 = coop(_reports("K3", {"2025-12"}), kid="K3", kode_desa="64.02.07.1001")
    k4 = coop(
        _reports("K4", set(), months=MONTHS[3:]), kid="K4", kode_desa="64.02.07.1001"
    )
    k4["koperasi"]["tanggal_musdes"] = pd.Timestamp("2026-03-10")
    return _dataset(combine(k1, k2, k3, k4))


def test_classes_month_by_month_by_hand(journey):
    hist = compute_history(journey)
    assert hist.periods == MONTHS
    # K1: 2025-12 no turnover; 1–3 trading months: administratif; from the 4th
    # (2026-04: partisipasi 120/500 = 0.24, one unit) Aktif.
    k1 = hist.class_strip("2026-06", months=7).loc["K1"].tolist()
    assert k1 == ["tidak_bergerak"] + ["administratif"] * 3 + ["aktif"] * 3
    # K3 traded in 2025-12 only: administratif while that month is in R, then dormant
    k3 = hist.class_strip("2026-06", months=7).loc["K3"].tolist()
    assert k3 == ["administratif"] * 3 + ["tidak_bergerak"] * 4


def test_transitions_against_previous_window(journey):
    hist = compute_history(journey)
    assert hist.previous("2026-06") == "2025-12"
    assert hist.previous("2026-05") is None  # 2025-11 is before the data
    m = hist.matrix("2026-06", "2025-12")
    # K4 did not exist in 2025-12 (formed 2026-03): left out
    assert int(m.to_numpy().sum()) == 3
    assert m.loc["tidak_bergerak", "aktif"] == 1  # K1
    assert m.loc["tidak_bergerak", "tidak_bergerak"] == 1  # K2
    assert m.loc["administratif", "tidak_bergerak"] == 1  # K3
    assert hist.moves("2026-06", "2025-12") == {"naik": 1, "tetap": 1, "turun": 1}
    kec_b = hist.matrix("2026-06", "2025-12", kode_kec="64.02.07")
    assert int(kec_b.to_numpy().sum()) == 1


def test_transitions_against_first_window(journey):
    hist = compute_history(journey)
    m = hist.matrix("2026-06")  # each cooperative's own first window
    assert int(m.to_numpy().sum()) == 4
    assert m.loc["tidak_bergerak", "tidak_bergerak"] == 2  # K2 and K4
    # before K4 was formed it is left out
    assert int(hist.matrix("2026-02").to_numpy().sum()) == 3


def test_dormant_spells_since_first_window(journey):
    spells = compute_history(journey).dormant_spells("2026-06")
    got = spells.set_index("koperasi_id")[["sejak", "bulan"]].to_dict("index")
    assert got == {
        "K2": {"sejak": "2025-12", "bulan": 7},
        "K4": {"sejak": "2026-03", "bulan": 4},
    }


def test_strip_before_history_is_empty(journey):
    strip = compute_history(journey).class_strip("2026-06")
    assert strip.columns[0] == "2025-07" and len(strip.columns) == 12
    assert strip.loc["K1", "2025-11"] is None or pd.isna(strip.loc["K1", "2025-11"])


def test_shares_sum_to_one_per_period(journey):
    shares = compute_history(journey).shares(kode_kec="64.02.06")
    assert shares.loc["2026-06"].to_dict() == {
        "tidak_bergerak": 0.5,
        "administratif": 0.0,
        "aktif": 0.5,
        "berdampak": 0.0,
    }


@pytest.mark.parametrize(
    ("period", "key"),
    [
        ("2026-07", "period_after_data"),
        ("2030-01", "period_after_data"),
        ("2025-11", "period_before_data"),
        ("2026-13", "period_bad"),
    ],
)
def test_period_outside_the_data_is_a_usage_error(journey, period, key):
    with pytest.raises(ValidationFailed) as caught:
        check_period(journey, period)
    problem = caught.value.problems[0]
    assert problem.code == key
    assert caught.value.exit_code == EXIT_USAGE
    if key != "period_bad":
        text = caught.value.text("en")
        assert "2025-12 to 2026-06" in text


def test_from_after_to_is_a_usage_error(journey):
    with pytest.raises(ValidationFailed) as caught:
        history_periods(journey, "2026-05", "2026-02")
    assert caught.value.exit_code == EXIT_USAGE
    assert history_periods(journey, "2026-02", "2026-04") == [
        "2026-02",
        "2026-03",
        "2026-04",
    ]


def test_every_period_equals_the_evaluation_of_that_period(sample_dataset):
    hist = compute_history(sample_dataset)
    assert len(hist.periods) >= 12
    columns = [c for c in HISTORY_COLUMNS if c != "periode"]
    for period in hist.periods:
        ev = evaluate(sample_dataset, period, history=False).cooperatives
        got = hist.panel[hist.panel["periode"] == period][columns]
        got = got.set_index("koperasi_id").sort_index()
        want = ev[columns].set_index("koperasi_id").sort_index()
        got["kelas"] = got["kelas"].astype(str)
        want["kelas"] = want["kelas"].astype(str)
        pd.testing.assert_frame_equal(got, want, check_exact=True, obj=period)


def test_evaluation_carries_history_up_to_its_period(sample_evaluation, tmp_path):
    hist = sample_evaluation.history
    assert hist.periods[-1] == sample_evaluation.period
    loaded = type(sample_evaluation).load(sample_evaluation.save(tmp_path / "ev"))
    assert loaded.history.periods == hist.periods
    pd.testing.assert_series_equal(
        loaded.history.first_window.sort_index(),
        hist.first_window.sort_index(),
        check_names=False,
        check_index_type=False,
    )
    p = sample_evaluation.period
    before = hist.previous(p)
    assert loaded.history.matrix(p, before).equals(hist.matrix(p, before))

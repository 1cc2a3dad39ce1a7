"""Class boundaries, reason codes and the Berisiko flag of DESIGN §5."""

from __future__ import annotations

import pandas as pd
import pytest
from builders import PERIOD, WINDOW, board, combine, coop, report

from kmp_analysis.classify import classify
from kmp_analysis.config import Thresholds
from kmp_analysis.indicators import compute_indicators


def evaluate(tables, thresholds: Thresholds | None = None) -> pd.Series:
    ind = compute_indicators(
        tables["koperasi"],
        tables["unit_usaha"],
        tables["laporan_bulanan"],
        tables["rapat"],
        tables["pengurus"],
        PERIOD,
        thresholds,
    )
    return classify(ind, PERIOD, thresholds).iloc[0]


def participation(aktif: int, terdaftar: int = 1000) -> list[dict]:
    return [report(m, terdaftar=terdaftar, aktif=aktif) for m in WINDOW]


IMPACT_UNITS = {"sembako": "beroperasi", "klinik": "beroperasi"}


def impactful(**changes) -> dict:
    """Meets Berdampak exactly at every boundary: partisipasi 0.50, 2 units,
    kemandirian 1.0, manfaat 2 (5 jobs + clinic)."""
    values = {
        "terdaftar": 100,
        "aktif": 50,
        "pendapatan": 1_000_000,
        "biaya": 1_000_000,
    }
    values.update(tenaga_kerja=5)
    values.update(changes)
    return coop(reports=[report(m, **values) for m in WINDOW], units=IMPACT_UNITS)


def test_participation_exactly_020_is_active():
    assert evaluate(coop(reports=participation(200)))["kelas"] == "aktif"


def test_participation_0199_is_not_active():
    result = evaluate(coop(reports=participation(199)))
    assert result["kelas"] == "administratif"
    assert result["alasan"] == "partisipasi 0.199 < 0.20"


def test_three_of_six_months_is_not_active():
    reports = [report(m, omzet=0 if i < 3 else 1_000_000) for i, m in enumerate(WINDOW)]
    result = evaluate(coop(reports=reports))
    assert result["kelas"] == "administratif"
    assert result["alasan"] == "bulan_transaksi 3 < 4"


def test_four_of_six_months_is_active():
    reports = [report(m, omzet=0 if i < 2 else 1_000_000) for i, m in enumerate(WINDOW)]
    assert evaluate(coop(reports=reports))["kelas"] == "aktif"


def test_no_operating_unit_is_not_active():
    result = evaluate(coop(units={"sembako": "rencana"}))
    assert result["kelas"] == "administratif"
    assert result["alasan"] == "unit_beroperasi 0 < 1"


def test_no_trade_in_recent_months_is_dormant_whatever_else():
    # trading in the first three months of W, then nothing: 3 < 4 anyway, but the
    # rule that decides is the empty recent window
    reports = [report(m, omzet=5_000_000 if i < 3 else 0) for i, m in enumerate(WINDOW)]
    result = evaluate(coop(reports=reports))
    assert result["kelas"] == "tidak_bergerak"
    assert result["alasan"] == "bulan_transaksi_r 0 < 1"


def test_dormant_comes_before_everything_even_with_high_participation():
    reports = [report(m, aktif=90, omzet=0) for m in WINDOW]
    assert evaluate(coop(reports=reports))["kelas"] == "tidak_bergerak"


def test_impactful_at_every_boundary():
    result = evaluate(impactful())
    assert result["kelas"] == "berdampak"
    assert result["alasan"] == ""


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"aktif": 49}, "partisipasi 0.49 < 0.50"),
        ({"pendapatan": 999_000}, "kemandirian 0.999 < 1.00"),
        ({"tenaga_kerja": 4}, "manfaat 1 < 2"),
        ({"biaya": 0}, "kemandirian – < 1.00"),
    ],
)
def test_just_below_impactful_is_active_with_the_reason(changes, reason):
    result = evaluate(impactful(**changes))
    assert result["kelas"] == "aktif"
    assert result["alasan"] == reason


def test_one_unit_is_not_impactful():
    tables = impactful()
    tables["unit_usaha"] = tables["unit_usaha"].iloc[:1]
    result = evaluate(tables)
    assert result["kelas"] == "aktif"
    # the clinic was one of the two benefits too
    assert result["alasan"] == "unit_beroperasi 1 < 2; manfaat 1 < 2"


def test_reasons_list_every_failed_criterion():
    reports = [
        report(m, aktif=10, omzet=0 if i < 3 else 1_000_000)
        for i, m in enumerate(WINDOW)
    ]
    result = evaluate(coop(reports=reports, units={}))
    assert result["alasan"] == (
        "bulan_transaksi 3 < 4; partisipasi 0.10 < 0.20; unit_beroperasi 0 < 1"
    )


def test_thresholds_from_config_move_the_boundary():
    stricter = Thresholds(aktif_partisipasi=0.35)
    result = evaluate(coop(), stricter)
    assert result["kelas"] == "administratif"
    assert result["alasan"] == "partisipasi 0.30 < 0.35"


def test_not_at_risk_by_default():
    result = evaluate(coop())
    assert bool(result["berisiko"]) is False
    assert result["alasan_risiko"] == ""


def test_par30_above_five_percent_is_at_risk_on_any_class():
    reports = [report(m, beredar=100_000_000, tunggak=5_100_000) for m in WINDOW]
    result = evaluate(coop(reports=reports))
    assert result["kelas"] == "aktif"
    assert bool(result["berisiko"]) is True
    assert result["alasan_risiko"] == "par30 0.051 > 0.05"


def test_par30_exactly_five_percent_is_not_at_risk():
    reports = [report(m, beredar=100_000_000, tunggak=5_000_000) for m in WINDOW]
    assert bool(evaluate(coop(reports=reports))["berisiko"]) is False


def test_report_two_months_old_is_fresh_three_is_stale():
    fresh = [report(m) for m in WINDOW[:4]]  # last report 2026-08
    assert bool(evaluate(coop(reports=fresh))["berisiko"]) is False
    stale = [report(m) for m in WINDOW[:3]]  # last report 2026-07
    result = evaluate(coop(reports=stale))
    assert bool(result["berisiko"]) is True
    assert result["alasan_risiko"] == "laporan_terakhir 2026-07 < 2026-08"


def test_never_reported_is_stale():
    result = evaluate(coop(reports=[]))
    assert result["kelas"] == "tidak_bergerak"
    assert result["alasan_risiko"] == "laporan_terakhir – < 2026-08"


def test_incomplete_board_is_at_risk_and_reasons_accumulate():
    reports = [report(m, beredar=10_000_000, tunggak=1_000_000) for m in WINDOW]
    result = evaluate(coop(reports=reports, pengurus=board(n_pengurus=4)))
    assert result["alasan_risiko"] == "par30 0.10 > 0.05; pengurus_lengkap tidak"


def test_never_reported_beside_a_reporter_shows_a_dash_not_nan():
    reporter = coop(kid="A", reports=[report(m, kid="A") for m in WINDOW])
    silent = coop(kid="B", reports=[])
    tables = combine(reporter, silent)
    ind = compute_indicators(
        tables["koperasi"],
        tables["unit_usaha"],
        tables["laporan_bulanan"],
        tables["rapat"],
        tables["pengurus"],
        PERIOD,
    )
    result = classify(ind, PERIOD)
    assert result.loc["B", "alasan_risiko"] == "laporan_terakhir – < 2026-08"
    assert result.loc["A", "alasan_risiko"] == ""

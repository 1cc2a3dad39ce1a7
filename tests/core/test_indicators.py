"""Indicators of DESIGN §4 on hand-made cooperatives, expectations computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from builders import PERIOD, WINDOW, board, combine, coop, report

from kmp_analysis.config import Thresholds
from kmp_analysis.indicators import (
    compute_indicators,
    month_label,
    month_number,
    window_months,
)


def indicators(tables, period: str = PERIOD, thresholds: Thresholds | None = None):
    return compute_indicators(
        tables["koperasi"],
        tables["unit_usaha"],
        tables["laporan_bulanan"],
        tables["rapat"],
        tables["pengurus"],
        period,
        thresholds,
    )


def one(tables, period: str = PERIOD) -> pd.Series:
    return indicators(tables, period).iloc[0]


def test_window_is_six_calendar_months_across_a_year_end():
    assert window_months("2026-02", 6) == [
        "2025-09",
        "2025-10",
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    assert month_label(month_number("2025-12") + 1) == "2026-01"


def test_default_cooperative_by_hand():
    row = one(coop())
    assert row["bulan_lapor"] == 6
    assert row["bulan_transaksi"] == 6
    assert row["bulan_transaksi_r"] == 3
    assert row["partisipasi"] == pytest.approx(180 / 600)
    # 6 x 10,000,000 / 6 months / 100 members
    assert row["omzet_per_anggota"] == pytest.approx(100_000)
    assert row["unit_beroperasi"] == 1
    assert row["kemandirian"] == pytest.approx(12_000_000 / 9_000_000)
    assert math.isnan(row["par30"])
    assert row["tenaga_kerja"] == 3
    assert row["pembelian_lokal"] == 0.0
    assert row["legal"] == 1.0
    assert bool(row["pengurus_lengkap"]) is True
    assert row["pengurus_terlatih"] == 0.0
    assert bool(row["rat_tepat_waktu"]) is True
    assert row["manfaat"] == 0
    assert row["laporan_terakhir"] == "2026-10"


def test_reports_outside_the_window_are_ignored():
    reports = [report("2026-04", aktif=100), report("2026-11", aktif=100)]
    reports += [report(m, omzet=0) for m in WINDOW]
    row = one(coop(reports=reports))
    assert row["bulan_lapor"] == 6
    assert row["bulan_transaksi"] == 0
    assert row["partisipasi"] == pytest.approx(0.30)
    assert row["laporan_terakhir"] == "2026-10"  # the 2026-11 report is after P


def test_missing_months_count_as_not_reported():
    reports = [report(m) for m in ("2026-05", "2026-07", "2026-10")]
    row = one(coop(reports=reports))
    assert row["bulan_lapor"] == 3
    assert row["bulan_transaksi"] == 3
    assert row["bulan_transaksi_r"] == 1


def test_participation_sums_over_reported_months():
    reports = [
        report("2026-09", terdaftar=100, aktif=10),
        report("2026-10", terdaftar=300, aktif=90),
    ]
    # (10 + 90) / (100 + 300), not the mean of 0.10 and 0.30
    assert one(coop(reports=reports))["partisipasi"] == pytest.approx(0.25)


def test_no_reports_gives_zero_participation_and_empty_ratios():
    row = one(coop(reports=[]))
    assert row["bulan_lapor"] == 0
    assert row["partisipasi"] == 0.0
    assert math.isnan(row["omzet_per_anggota"])
    assert math.isnan(row["kemandirian"])
    assert math.isnan(row["pembelian_lokal"])
    assert row["laporan_terakhir"] is None


def test_omzet_per_member_uses_the_latest_member_count():
    reports = [
        report("2026-09", terdaftar=100, omzet=3_000_000),
        report("2026-10", terdaftar=200, omzet=9_000_000),
    ]
    # 12,000,000 / 6 / 200
    assert one(coop(reports=reports))["omzet_per_anggota"] == pytest.approx(10_000)


def test_self_sufficiency_empty_without_costs():
    reports = [report(m, biaya=0) for m in WINDOW]
    assert math.isnan(one(coop(reports=reports))["kemandirian"])


def test_par30_from_latest_report_that_has_loans():
    reports = [report(m) for m in WINDOW[:4]]
    reports.append(report("2026-09", beredar=100_000_000, tunggak=10_000_000))
    reports.append(report("2026-10", beredar=0, tunggak=0))
    assert one(coop(reports=reports))["par30"] == pytest.approx(0.10)


def test_local_purchase_share():
    reports = [report(m, omzet=10_000_000, lokal=1_500_000) for m in WINDOW]
    assert one(coop(reports=reports))["pembelian_lokal"] == pytest.approx(0.15)


def test_units_count_only_operating_and_started():
    units = {
        "sembako": "beroperasi",
        "kantor": "beroperasi",
        "klinik": "rencana",
        "gudang": "berhenti",
    }
    tables = coop(units=units)
    late = tables["unit_usaha"]["unit"] == "kantor"
    tables["unit_usaha"].loc[late, "tanggal_mulai"] = pd.Timestamp("2026-11-01")
    assert one(tables)["unit_beroperasi"] == 1


def test_legal_share_counts_badan_hukum_only_by_end_of_period():
    assert one(coop(badan_hukum=None))["legal"] == pytest.approx(5 / 6)
    assert one(coop(badan_hukum="2026-11-02"))["legal"] == pytest.approx(5 / 6)
    assert one(coop(badan_hukum="2026-10-31"))["legal"] == 1.0
    assert one(coop(legal=False))["legal"] == pytest.approx(1 / 6)


@pytest.mark.parametrize(
    ("n_pengurus", "n_pengawas", "expected"),
    [(5, 1, True), (7, 2, True), (4, 1, False), (6, 1, False), (5, 0, False)],
)
def test_board_complete(n_pengurus, n_pengawas, expected):
    tables = coop(pengurus=board(n_pengurus=n_pengurus, n_pengawas=n_pengawas))
    assert bool(one(tables)["pengurus_lengkap"]) is expected


def test_trained_share_counts_pengawas_too():
    tables = coop(pengurus=board(n_pengurus=5, n_pengawas=1, trained=3))
    assert one(tables)["pengurus_terlatih"] == pytest.approx(0.5)


def _rat(date: str, year: int = 2025) -> list[dict]:
    return [
        {
            "koperasi_id": "K1",
            "tanggal": pd.Timestamp(date),
            "jenis": "rat",
            "tahun_buku": float(year),
        }
    ]


def test_rat_on_time_rules():
    assert bool(one(coop(rapat=_rat("2026-06-30")))["rat_tepat_waktu"]) is True
    assert bool(one(coop(rapat=_rat("2026-07-01")))["rat_tepat_waktu"]) is False
    assert bool(one(coop(rapat=_rat("2026-03-01", 2024)))["rat_tepat_waktu"]) is False
    assert bool(one(coop(rapat=[]))["rat_tepat_waktu"]) is False
    # a legal entity formed in 2026 owes no RAT for 2025 yet
    no_rat_yet = coop(rapat=[], badan_hukum="2026-02-01")
    assert bool(one(no_rat_yet)["rat_tepat_waktu"]) is True
    # no legal entity at all: no valid RAT
    assert bool(one(coop(rapat=[], badan_hukum=None))["rat_tepat_waktu"]) is False


def test_rat_before_june_looks_at_previous_deadline():
    # P = 2026-05: the last deadline that has passed is 30 June 2025 (fiscal 2024);
    # a badan hukum of July 2025 was not due then.
    reports = [report(m) for m in window_months("2026-05", 6)]
    tables = coop(reports=reports, rapat=[])
    assert bool(one(tables, period="2026-05")["rat_tepat_waktu"]) is True


def test_benefits_counted_by_hand():
    reports = [
        report(m, tenaga_kerja=5, lokal=100_000, beredar=50_000_000, tunggak=2_500_000)
        for m in WINDOW
    ]
    units = {
        "sembako": "beroperasi",
        "simpan_pinjam": "beroperasi",
        "apotek": "beroperasi",
    }
    # jobs >= 5, local purchase > 0, savings & loans with par30 0.05 <= 0.05, pharmacy
    assert one(coop(reports=reports, units=units))["manfaat"] == 4
    arrears = [
        report(m, tenaga_kerja=4, beredar=50_000_000, tunggak=3_000_000) for m in WINDOW
    ]
    # par30 0.06: the savings unit no longer counts; 4 jobs do not count
    assert one(coop(reports=arrears, units=units))["manfaat"] == 1


def test_several_cooperatives_are_kept_apart():
    a = coop(kid="A", reports=[report(m, kid="A", aktif=50) for m in WINDOW])
    b = coop(
        kid="B",
        reports=[report("2026-06", kid="B", omzet=0)],
        pengurus=board(kid="B", n_pengurus=3),
    )
    b["rapat"] = b["rapat"].assign(koperasi_id="B")
    b["unit_usaha"] = b["unit_usaha"].iloc[0:0]
    result = indicators(combine(a, b))
    assert list(result.index) == ["A", "B"]
    assert result.loc["A", "partisipasi"] == pytest.approx(0.5)
    assert result.loc["B", "bulan_lapor"] == 1
    assert result.loc["B", "bulan_transaksi"] == 0
    assert result.loc["B", "unit_beroperasi"] == 0
    assert bool(result.loc["A", "pengurus_lengkap"]) is True
    assert bool(result.loc["B", "pengurus_lengkap"]) is False

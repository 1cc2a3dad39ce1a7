"""Langkah ke kelas berikutnya (DESIGN §7, issue 13): gaps in natural units."""

from __future__ import annotations

import pytest

from kmp_analysis.config import Thresholds
from kmp_analysis.recommend import next_steps

P = "2026-10"


def _row(**values) -> dict:
    base = {
        "kelas": "administratif",
        "bulan_lapor": 6,
        "bulan_transaksi": 6,
        "bulan_transaksi_r": 3,
        "partisipasi": 0.3,
        "unit_beroperasi": 1,
        "kemandirian": 1.2,
        "manfaat": 2,
        "laporan_terakhir": P,
        "pengurus_lengkap": True,
        "jumlah_anggota_terdaftar": 600.0,
        "jumlah_anggota_aktif": 180.0,
        "jumlah_biaya_operasional": 6_000_000.0,
        "jumlah_pendapatan_usaha": 7_200_000.0,
    }
    return base | values


def _gaps(row) -> dict:
    return {s["kriteria"]: (s["kurang"], s["satuan"]) for s in next_steps(row, P)}


def test_dormant_needs_one_month_with_turnover_in_the_last_three():
    row = _row(kelas="tidak_bergerak", bulan_transaksi_r=0, bulan_transaksi=0)
    assert _gaps(row) == {"bulan_transaksi_r": (1, "bulan")}


@pytest.mark.parametrize(("months", "gap"), [(3, 1), (1, 3), (0, 4), (4, None)])
def test_months_with_turnover_at_the_boundary(months, gap):
    got = _gaps(_row(bulan_transaksi=months))
    assert got.get("bulan_transaksi") == (None if gap is None else (gap, "bulan"))


@pytest.mark.parametrize(
    ("active", "gap"),
    [
        (114.0, 1),  # 19 of 100 in each of 6 months: one more member per month
        (120.0, None),  # exactly 20%: met
        (60.0, 10),  # 10 of 100: ten more
        (0.0, 20),
    ],
)
def test_members_who_transact_per_reported_month(active, gap):
    row = _row(partisipasi=active / 600.0, jumlah_anggota_aktif=active)
    assert _gaps(row).get("partisipasi") == (None if gap is None else (gap, "anggota"))


def test_members_counted_over_the_months_reported_only():
    # 3 reported months, 300 registered in all, 45 active: (0.2*300-45)/3 = 5
    row = _row(
        bulan_lapor=3,
        partisipasi=0.15,
        jumlah_anggota_terdaftar=300.0,
        jumlah_anggota_aktif=45.0,
    )
    assert _gaps(row)["partisipasi"] == (5, "anggota")


def test_units_and_the_next_class_up_from_aktif():
    row = _row(
        kelas="aktif",
        partisipasi=0.45,
        jumlah_anggota_aktif=270.0,  # 45% of 600: 0.5*600-270 = 30 / 6 = 5
        unit_beroperasi=1,
        kemandirian=0.9,
        jumlah_pendapatan_usaha=5_400_000.0,  # (1.0*6,000,000-5,400,000)/6 = 100,000
        manfaat=0,
        tenaga_kerja=3,
        pembelian_lokal=0.0,
    )
    gaps = _gaps(row)
    assert gaps == {
        "partisipasi": (5, "anggota"),
        "unit_beroperasi": (1, "unit"),
        "kemandirian": (100_000, "rupiah_per_bulan"),
        "manfaat": (2, "manfaat"),
    }
    steps = next_steps(row, P)
    # easiest first: partisipasi 10% short, kemandirian 10%, unit 50%, manfaat 100%
    assert [s["kriteria"] for s in steps] == [
        "partisipasi",
        "kemandirian",
        "unit_beroperasi",
        "manfaat",
    ]
    manfaat = next(s for s in steps if s["kriteria"] == "manfaat")
    assert manfaat["belum"] == [
        "tenaga_kerja",
        "pembelian_lokal",
        "simpan_pinjam",
        "klinik_apotek",
    ]


def test_no_cost_reported_says_record_it():
    row = _row(kelas="aktif", kemandirian=None, jumlah_biaya_operasional=0.0)
    (step,) = [s for s in next_steps(row, P) if s["kriteria"] == "kemandirian"]
    assert step["kurang"] is None and step["catatan"] == "catat_biaya"


def test_berdampak_keeps_its_weakest_margin():
    row = _row(
        kelas="berdampak",
        partisipasi=0.55,  # 1.10 of 0.50
        unit_beroperasi=3,  # 1.5 of 2
        kemandirian=1.05,  # 1.05 of 1.0: the weakest
        manfaat=3,
    )
    (step,) = next_steps(row, P)
    assert step["kriteria"] == "kemandirian" and step["pertahankan"] is True
    assert step["kurang"] == 0


def test_risk_steps_arrears_reports_and_posts():
    t = Thresholds()
    row = _row(
        par30=0.10,
        tunggakan_30_akhir=1_000_000.0,
        pinjaman_beredar_akhir=10_000_000.0,
        laporan_terakhir="2026-06",
        pengurus_lengkap=False,
        jumlah_pengurus=4,
        jumlah_pengawas=0,
    )
    gaps = _gaps(row)
    # arrears to collect: 1,000,000 - 0.05 * 10,000,000
    assert gaps["par30"] == (500_000, "rupiah")
    assert gaps["laporan_terakhir"] == (4, "laporan")  # 2026-07 … 2026-10
    assert gaps["pengurus_lengkap"] == (2, "pengurus")  # one pengurus, one pengawas
    even = _gaps(_row(pengurus_lengkap=False, jumlah_pengurus=6, jumlah_pengawas=1))
    assert even["pengurus_lengkap"] == (1, "pengurus")  # an odd number: seven
    assert t.risiko_par30 == 0.05


def test_every_sample_cooperative_gets_steps_that_match_its_reasons(sample_evaluation):
    for row in sample_evaluation.cooperatives.to_dict("records"):
        steps = next_steps(row, sample_evaluation.period)
        class_steps = [
            s
            for s in steps
            if s["kriteria"] not in ("par30", "laporan_terakhir", "pengurus_lengkap")
        ]
        if str(row["kelas"]) == "berdampak":
            assert len(class_steps) == 1 and class_steps[0]["pertahankan"]
        else:
            named = {part.split(" ")[0] for part in row["alasan"].split("; ") if part}
            assert {s["kriteria"] for s in class_steps} == named
            assert all(s["kurang"] is None or s["kurang"] >= 1 for s in class_steps)
            for s in class_steps:
                if s["kriteria"] == "partisipasi" and row["bulan_lapor"]:
                    # the gap closes the threshold and one member less would not
                    need = 0.2 if str(row["kelas"]) == "administratif" else 0.5
                    total = row["jumlah_anggota_terdaftar"]
                    after = (
                        row["jumlah_anggota_aktif"] + s["kurang"] * row["bulan_lapor"]
                    )
                    assert after >= need * total - 1e-9
                    before = after - row["bulan_lapor"]
                    assert before < need * total
        risky = [
            s
            for s in steps
            if s["kriteria"] in ("par30", "laporan_terakhir", "pengurus_lengkap")
        ]
        assert bool(risky) == bool(row["berisiko"])

"""What support each cooperative has received (issue 15): hand-made frames, figures
computed by hand in the comments."""

from __future__ import annotations

import pandas as pd
import pytest

from kmp_analysis.schema import empty_table
from kmp_analysis.support import (
    COLUMNS,
    cooperative_support,
    has_data,
    kecamatan_support,
)

PERIOD = "2026-10"  # last day 2026-10-31


def dates(*values):
    return pd.to_datetime(list(values))


@pytest.fixture
def coops():
    return pd.DataFrame(
        {
            "koperasi_id": ["K1", "K2", "K3", "K4"],
            "kode_kec": ["01", "01", "02", "02"],
            "nama_kec": ["Satu", "Satu", "Dua", "Dua"],
            "kelas": ["aktif", "administratif", "tidak_bergerak", "berdampak"],
        }
    )


@pytest.fixture
def tables():
    pengurus = pd.DataFrame(
        [
            ("K1", "P1", "ketua", "belum"),
            ("K1", "P2", "sekretaris", "dasar"),
            ("K1", "P3", "bendahara", "dasar"),
            ("K1", "P4", "pengurus_lain", "menengah"),
            ("K1", "P5", "pengurus_lain", "lanjut"),
            ("K1", "P6", "pengawas", "belum"),
            ("K2", "P1", "ketua", "menengah"),
            ("K2", "P2", "pengawas", "belum"),
            ("K4", "P1", "ketua", "belum"),
            ("K4", "P2", "pengawas", "dasar"),
            # K3 has no pengurus at all
        ],
        columns=["koperasi_id", "id_orang", "peran", "jenjang_pelatihan"],
    )
    pelatihan = pd.DataFrame(
        {
            "koperasi_id": ["K1", "K1", "K1", "K1"],
            "id_orang": ["P2", "P4", "P1", "P3"],
            "jenjang": ["dasar", "menengah", "dasar", "dasar"],
            "tanggal_mulai": dates(
                "2025-11-13", "2026-06-19", "2026-09-28", "2026-11-18"
            ),
            "tanggal_selesai": dates(
                "2025-11-15", "2026-06-21", "2026-09-30", "2026-11-20"
            ),
            "penyelenggara": ["Dinas"] * 4,
            # P1 failed (not counted); P3 finishes after the period (not counted)
            "lulus": pd.array([True, True, False, True], dtype="boolean"),
        }
    )
    pendampingan = pd.DataFrame(
        {
            "koperasi_id": ["K1", "K2", "K3", "K4", "K4"],
            "pendamping_id": ["PD-A", "PD-B", "PD-C", "PD-E", "PD-F"],
            "tanggal_mulai": dates(
                "2026-02-12",  # K1: ongoing, 2026-02 -> 2026-10 = 8 months
                "2026-01-05",  # K2: ended 2026-06-30, before the period
                "2026-11-03",  # K3: starts after the period: not yet
                "2026-05-01",  # K4: first arrival; ends on the period's last day
                "2026-07-01",  # K4: the one there now
            ),
            "tanggal_selesai": dates(None, "2026-06-30", None, "2026-10-31", None),
        }
    )
    pembiayaan = pd.DataFrame(
        {
            "koperasi_id": ["K1", "K1", "K2"],
            "tanggal_cair": dates("2026-03-09", "2025-12-02", "2026-11-15"),
            "jumlah": [750_000_000.0, 1_125_000_000.0, 500_000_000.0],
            "bank": ["BTN", "BTN", "BRI"],
        }
    )
    return {
        "pengurus": pengurus,
        "pelatihan": pelatihan,
        "pendampingan": pendampingan,
        "pembiayaan": pembiayaan,
    }


def by_id(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index("koperasi_id")


def test_pengurus_by_tier_and_who_is_due_next(coops, tables):
    s = by_id(cooperative_support(coops, tables, PERIOD))
    k1 = s.loc["K1"]
    assert k1["pengurus"] == 6
    assert [k1[f"jenjang_{t}"] for t in ("belum", "dasar", "menengah", "lanjut")] == [
        2,
        2,
        1,
        1,
    ]
    assert k1["terlatih"] == 4 and k1["porsi_terlatih"] == pytest.approx(4 / 6)
    # belum x2 -> dasar, dasar x2 -> menengah, menengah -> lanjut (K1 is Aktif)
    assert (k1["ke_dasar"], k1["ke_menengah"], k1["ke_lanjut"]) == (2, 2, 1)
    # K2 is Administratif: its menengah person waits, its belum one goes to dasar
    k2 = s.loc["K2"]
    assert (k2["ke_dasar"], k2["ke_menengah"], k2["ke_lanjut"]) == (1, 0, 0)
    k3 = s.loc["K3"]
    assert k3["pengurus"] == 0 and k3["terlatih"] == 0
    assert pd.isna(k3["porsi_terlatih"])


def test_the_last_passed_course_up_to_the_period(coops, tables):
    s = by_id(cooperative_support(coops, tables, PERIOD))
    # failed 2026-09-30 and finished 2026-11-20 are left out
    assert s.loc["K1", "pelatihan_terakhir"] == pd.Timestamp("2026-06-21")
    assert pd.isna(s.loc["K2", "pelatihan_terakhir"])


def test_a_pendamping_now_and_the_months_since_the_first_arrived(coops, tables):
    s = by_id(cooperative_support(coops, tables, PERIOD))
    k1 = s.loc["K1"]
    assert k1["ada_pendamping"] and k1["pendamping_id"] == "PD-A"
    assert k1["pendamping_pertama"] == pd.Timestamp("2026-02-12")
    assert k1["bulan_pendampingan"] == 8
    assert pd.isna(k1["pendampingan_selesai"])


def test_a_pendampingan_that_ended_before_the_period(coops, tables):
    k2 = by_id(cooperative_support(coops, tables, PERIOD)).loc["K2"]
    assert not k2["ada_pendamping"] and pd.isna(k2["pendamping_id"])
    assert k2["bulan_pendampingan"] == 9  # since 2026-01, its first arrival
    assert k2["pendampingan_selesai"] == pd.Timestamp("2026-06-30")


def test_a_pendampingan_starting_after_the_period_is_not_yet(coops, tables):
    k3 = by_id(cooperative_support(coops, tables, PERIOD)).loc["K3"]
    assert not k3["ada_pendamping"]
    assert pd.isna(k3["bulan_pendampingan"]) and pd.isna(k3["pendamping_pertama"])
    # and at an earlier period, K1's pendamping had not arrived either
    early = by_id(cooperative_support(coops, tables, "2026-01")).loc["K1"]
    assert not early["ada_pendamping"] and pd.isna(early["bulan_pendampingan"])


def test_one_ending_on_the_last_day_has_ended_the_next_counts(coops, tables):
    k4 = by_id(cooperative_support(coops, tables, PERIOD)).loc["K4"]
    assert k4["ada_pendamping"] and k4["pendamping_id"] == "PD-F"
    assert k4["bulan_pendampingan"] == 5  # from 2026-05, the first arrival
    # in September both were there, in order of arrival
    sept = by_id(cooperative_support(coops, tables, "2026-09")).loc["K4"]
    assert sept["pendamping_id"] == "PD-E, PD-F" and sept["bulan_pendampingan"] == 4


def test_financing_disbursed_up_to_the_period(coops, tables):
    s = by_id(cooperative_support(coops, tables, PERIOD))
    k1 = s.loc["K1"]
    assert k1["dibiayai"] and k1["kali_pembiayaan"] == 2
    assert k1["jumlah_pembiayaan"] == 1_875_000_000
    assert k1["pembiayaan_terakhir"] == pd.Timestamp("2026-03-09")
    assert k1["bank"] == "BTN"
    k2 = s.loc["K2"]  # disbursed 2026-11-15: after the period
    assert not k2["dibiayai"] and k2["kali_pembiayaan"] == 0
    assert k2["jumlah_pembiayaan"] == 0 and pd.isna(k2["pembiayaan_terakhir"])


def test_per_kecamatan(coops, tables):
    k = kecamatan_support(cooperative_support(coops, tables, PERIOD))
    k = k.set_index("kode_kec")
    one = k.loc["01"]  # K1 + K2: 8 people, belum 3, dasar 2, menengah 2, lanjut 1
    assert (one["koperasi"], one["pengurus"], one["terlatih"]) == (2, 8, 5)
    assert one["porsi_belum"] == pytest.approx(3 / 8)
    assert one["porsi_dasar"] == pytest.approx(2 / 8)
    assert one["porsi_menengah"] == pytest.approx(2 / 8)
    assert one["porsi_lanjut"] == pytest.approx(1 / 8)
    assert one["porsi_terlatih"] == pytest.approx(5 / 8)
    assert (one["ke_dasar"], one["ke_menengah"], one["ke_lanjut"]) == (3, 2, 1)
    assert one["didampingi"] == 1 and one["median_bulan_pendampingan"] == 8
    assert one["dibiayai"] == 1 and one["jumlah_pembiayaan"] == 1_875_000_000
    two = k.loc["02"]  # K3 (nobody) + K4 (belum, dasar)
    assert (two["pengurus"], two["terlatih"]) == (2, 1)
    assert two["didampingi"] == 1 and two["median_bulan_pendampingan"] == 5
    assert two["dibiayai"] == 0 and two["jumlah_pembiayaan"] == 0


@pytest.mark.parametrize("how", ["absent", "empty"])
def test_no_pendampingan_table_is_no_data_not_zero(coops, tables, how):
    if how == "absent":
        del tables["pendampingan"]
    else:
        tables["pendampingan"] = empty_table("pendampingan")
    assert not has_data(tables, "pendampingan")
    s = cooperative_support(coops, tables, PERIOD)
    assert s["ada_pendamping"].isna().all()
    assert s["bulan_pendampingan"].isna().all()
    k = kecamatan_support(s)
    assert k["didampingi"].isna().all()
    assert k["median_bulan_pendampingan"].isna().all()
    # the other tables still count
    assert k["dibiayai"].tolist() == [1, 0]


def test_only_pengurus_given(coops, tables):
    only = {"pengurus": tables["pengurus"]}
    s = cooperative_support(coops, only, PERIOD)
    assert list(s.columns) == list(COLUMNS)
    assert s["terlatih"].tolist() == [4, 1, 0, 1]
    assert s["pelatihan_terakhir"].isna().all()
    assert s["dibiayai"].isna().all() and s["jumlah_pembiayaan"].isna().all()
    k = kecamatan_support(s)
    assert k["dibiayai"].isna().all() and k["jumlah_pembiayaan"].isna().all()
    assert not has_data(None, "pelatihan")

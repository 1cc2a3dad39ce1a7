"""Recommendations of DESIGN §7 on small hand-made tables, and on the sample data."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kmp_analysis.classify import CLASSES
from kmp_analysis.recommend import (
    AllocationError,
    allocate_pendamping,
    bumdes_sync,
    normalise_unit,
    remote,
    supported,
    to_evaluate,
    training_participants,
    training_plan,
)

# ------------------------------------------------------------------ builders


def row(
    kid: str,
    kelas: str,
    kec: str = "64.02.01",
    desa: str | None = None,
    legal: float = 1.0,
    alasan: str = "",
    berisiko: bool = False,
    alasan_risiko: str = "",
    **extra: object,
) -> dict:
    """One row of the evaluated per-cooperative table (the columns used here)."""
    desa = desa or f"{kec}.{2000 + int(kid[1:]):04d}"
    return {
        "koperasi_id": kid,
        "nama_koperasi": f"Koperasi {kid}",
        "kode_desa": desa,
        "nama_desa": f"Desa {desa}",
        "kode_kec": kec,
        "nama_kec": f"Kec {kec}",
        "legal": legal,
        "kelas": kelas,
        "alasan": alasan,
        "berisiko": berisiko,
        "alasan_risiko": alasan_risiko,
        "laporan_terakhir": "2026-10",
        **extra,
    }


def coops(*rows: dict) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    frame["kelas"] = pd.Categorical(frame["kelas"], categories=CLASSES, ordered=True)
    return frame


def koperasi(**status: str) -> pd.DataFrame:
    """The koperasi input table: koperasi_id -> status_pinjaman."""
    return pd.DataFrame(
        {"koperasi_id": list(status), "status_pinjaman": list(status.values())}
    )


def people(*specs: tuple[str, str, int]) -> pd.DataFrame:
    """Pengurus rows: (koperasi_id, jenjang_pelatihan, how many)."""
    rows = []
    for kid, tier, n in specs:
        for i in range(n):
            rows.append(
                {
                    "koperasi_id": kid,
                    "id_orang": f"{kid}-{tier}-{i:03d}",
                    "peran": "pengawas" if i == 0 else "pengurus_lain",
                    "jenis_kelamin": "L",
                    "jenjang_pelatihan": tier,
                }
            )
    return pd.DataFrame(rows)


def units(*specs: tuple[str, str, str]) -> pd.DataFrame:
    """unit_usaha rows: (koperasi_id, unit, status)."""
    frame = pd.DataFrame(specs, columns=["koperasi_id", "unit", "status"])
    frame["tanggal_mulai"] = pd.NaT
    return frame


def bumdes(*specs: tuple[str, str, str | None, bool | None]) -> pd.DataFrame:
    """bumdes rows: (kode_desa, status, unit_usaha, kerja_sama_kmp)."""
    frame = pd.DataFrame(
        [
            {
                "kode_desa": desa,
                "nama_bumdes": f"BUMDes {desa[-4:]}",
                "status": status,
                "unit_usaha": text,
                "kerja_sama_kmp": linked,
            }
            for desa, status, text, linked in specs
        ]
    )
    frame["kerja_sama_kmp"] = frame["kerja_sama_kmp"].astype("boolean")
    return frame


def desa(kid: str, kec: str = "64.02.01") -> str:
    """The village code :func:`row` gives cooperative ``kid``."""
    return f"{kec}.{2000 + int(kid[1:]):04d}"


# ------------------------------------------------------ supported (didukung)


MIXED = coops(
    row("K1", "aktif"),
    row("K2", "tidak_bergerak"),
    row("K3", "berdampak"),
    row("K4", "administratif"),
    row("K5", "aktif"),
    row("K6", "berdampak"),
)


def test_didukung_keeps_active_and_impactful_berdampak_first():
    out = supported(MIXED, koperasi())
    assert out["koperasi_id"].tolist() == ["K3", "K6", "K1", "K5"]
    assert out["kelas"].tolist() == ["berdampak", "berdampak", "aktif", "aktif"]
    assert list(out.columns) == [
        "kode_kec",
        "nama_kec",
        "kode_desa",
        "nama_desa",
        "koperasi_id",
        "nama_koperasi",
        "kelas",
        "berisiko",
        "siap_pembiayaan",
        "status_pinjaman",
    ]
    assert isinstance(out["kelas"].dtype, pd.CategoricalDtype)
    assert out["kelas"].cat.ordered


def test_didukung_orders_by_outcome_descending_when_present():
    table = coops(
        row("K1", "aktif", indeks_outcome=0.2),
        row("K2", "aktif", indeks_outcome=0.9),
        row("K3", "berdampak", indeks_outcome=0.1),
        row("K4", "aktif", indeks_outcome=np.nan),
        row("K5", "aktif", indeks_outcome=0.9),
    )
    out = supported(table, koperasi())
    # Berdampak first whatever its index; ties on the index by koperasi_id; NaN last
    assert out["koperasi_id"].tolist() == ["K3", "K2", "K5", "K1", "K4"]
    assert out.columns[7] == "indeks_outcome"


def test_siap_pembiayaan_needs_full_legal_and_no_loan_yet():
    table = coops(
        row("K1", "aktif", legal=1.0),
        row("K2", "aktif", legal=5 / 6),
        row("K3", "berdampak", legal=1.0),
        row("K4", "berdampak", legal=6 / 6),
        row("K5", "aktif", legal=1.0),  # not in the koperasi table
    )
    loans = koperasi(K1="belum", K2="belum", K3="disetujui", K4="belum")
    out = supported(table, loans).set_index("koperasi_id")
    assert out["siap_pembiayaan"].to_dict() == {
        "K3": False,  # loan approved already
        "K4": True,
        "K1": True,
        "K2": False,  # legal 5/6
        "K5": False,  # no loan status known
    }
    assert out["siap_pembiayaan"].dtype == bool
    assert out.loc["K3", "status_pinjaman"] == "disetujui"


def test_didukung_of_nobody_is_empty_with_columns():
    out = supported(coops(row("K1", "administratif")), koperasi(K1="belum"))
    assert out.empty
    assert "siap_pembiayaan" in out.columns


# -------------------------------------------------- to evaluate (dievaluasi)


def test_dievaluasi_dormant_first_reasons_kept():
    table = coops(
        row("K1", "administratif", alasan="partisipasi 0.12 < 0.20"),
        row("K2", "aktif"),
        row("K3", "tidak_bergerak", alasan="bulan_transaksi_r 0 < 1", berisiko=True,
            alasan_risiko="pengurus_lengkap tidak"),
        row("K4", "tidak_bergerak", alasan="bulan_transaksi_r 0 < 1"),
        row("K5", "berdampak"),
    )  # fmt: skip
    out = to_evaluate(table)
    assert out["koperasi_id"].tolist() == ["K3", "K4", "K1"]
    assert out["urutan"].tolist() == [1, 2, 3]
    assert out["alasan"].tolist() == [
        "bulan_transaksi_r 0 < 1",
        "bulan_transaksi_r 0 < 1",
        "partisipasi 0.12 < 0.20",
    ]
    assert out["alasan_risiko"].tolist() == ["pengurus_lengkap tidak", "", ""]
    assert out["berisiko"].tolist() == [True, False, False]
    assert list(out.columns) == [
        "urutan",
        "kode_kec",
        "nama_kec",
        "kode_desa",
        "nama_desa",
        "koperasi_id",
        "nama_koperasi",
        "kelas",
        "alasan",
        "berisiko",
        "alasan_risiko",
        "laporan_terakhir",
    ]


def test_dievaluasi_weakest_outcome_first_within_class():
    table = coops(
        row("K1", "administratif", indeks_outcome=0.05),
        row("K2", "tidak_bergerak", indeks_outcome=0.30),
        row("K3", "tidak_bergerak", indeks_outcome=0.10),
        row("K4", "administratif", indeks_outcome=0.40),
        row("K5", "tidak_bergerak", indeks_outcome=np.nan),
    )
    out = to_evaluate(table)
    assert out["koperasi_id"].tolist() == ["K3", "K2", "K5", "K1", "K4"]
    assert "indeks_outcome" in out.columns


# ------------------------------------------------------------------ pelatihan


def test_next_tier_per_rule():
    table = coops(row("K1", "aktif"), row("K2", "administratif"))
    pengurus = people(
        ("K1", "belum", 1),
        ("K1", "dasar", 1),
        ("K1", "menengah", 1),
        ("K1", "lanjut", 1),
        ("K2", "belum", 1),
        ("K2", "dasar", 1),
        ("K2", "menengah", 1),
        ("K2", "lanjut", 1),
    )
    out = training_participants(table, pengurus)
    got = set(
        zip(
            out["koperasi_id"],
            out["jenjang_sekarang"],
            out["jenjang_berikut"],
            strict=True,
        )
    )
    assert got == {
        ("K1", "belum", "dasar"),
        ("K1", "dasar", "menengah"),
        ("K1", "menengah", "lanjut"),  # active cooperative: on to lanjut
        ("K2", "belum", "dasar"),
        ("K2", "dasar", "menengah"),
        # K2 menengah: administratif cooperative, nothing; lanjut: nothing anywhere
    }
    assert list(out.columns) == [
        "kode_kec",
        "nama_kec",
        "koperasi_id",
        "kelas",
        "id_orang",
        "peran",
        "jenjang_sekarang",
        "jenjang_berikut",
    ]
    assert out["id_orang"].is_unique


def test_menengah_goes_on_in_berdampak_not_in_dormant():
    table = coops(row("K1", "berdampak"), row("K2", "tidak_bergerak"))
    out = training_participants(
        table, people(("K1", "menengah", 2), ("K2", "menengah", 3))
    )
    assert out["koperasi_id"].tolist() == ["K1", "K1"]
    assert set(out["jenjang_berikut"]) == {"lanjut"}


def test_people_of_cooperatives_not_in_the_table_are_left_out():
    out = training_participants(
        coops(row("K1", "aktif")), people(("K1", "belum", 2), ("K9", "belum", 4))
    )
    assert out["koperasi_id"].tolist() == ["K1", "K1"]


@pytest.mark.parametrize(("n", "classes"), [(1, 1), (29, 1), (30, 1), (31, 2), (61, 3)])
def test_classes_of_at_most_30(n, classes):
    out = training_plan(coops(row("K1", "aktif")), people(("K1", "belum", n)))
    assert out[["jenjang", "peserta", "kelas_pelatihan"]].values.tolist() == [
        ["dasar", n, classes]
    ]


def test_plan_per_kecamatan_and_tier_in_tier_order():
    table = coops(
        row("K1", "aktif", kec="64.02.02"),
        row("K2", "administratif", kec="64.02.02"),
        row("K3", "berdampak", kec="64.02.01"),
    )
    pengurus = people(
        ("K1", "menengah", 4),  # -> lanjut
        ("K1", "belum", 20),  # -> dasar
        ("K2", "belum", 11),  # -> dasar: 31 in 64.02.02
        ("K2", "menengah", 7),  # nothing
        ("K2", "lanjut", 2),  # nothing
        ("K3", "dasar", 5),  # -> menengah
        ("K3", "lanjut", 3),  # nothing
    )
    out = training_plan(table, pengurus)
    assert out.values.tolist() == [
        ["64.02.01", "Kec 64.02.01", "menengah", 5, 1],
        ["64.02.02", "Kec 64.02.02", "dasar", 31, 2],
        ["64.02.02", "Kec 64.02.02", "lanjut", 4, 1],
    ]
    assert out["peserta"].dtype == np.int64
    assert out["kelas_pelatihan"].dtype == np.int64


def test_class_size_is_a_parameter():
    out = training_plan(
        coops(row("K1", "aktif")), people(("K1", "belum", 25)), class_size=10
    )
    assert out["kelas_pelatihan"].tolist() == [3]


@pytest.mark.parametrize("size", [0, -5, 2.5, True])
def test_bad_class_size(size):
    with pytest.raises(ValueError, match="class_size"):
        training_plan(coops(row("K1", "aktif")), people(("K1", "belum", 1)), size)


def test_plan_with_nobody_to_train_is_empty():
    out = training_plan(coops(row("K1", "aktif")), people(("K1", "lanjut", 3)))
    assert out.empty
    assert list(out.columns) == [
        "kode_kec",
        "nama_kec",
        "jenjang",
        "peserta",
        "kelas_pelatihan",
    ]


# ------------------------------------------------------------------ BUMDes


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Simpan Pinjam", "simpan_pinjam"),
        (" simpan-pinjam ", "simpan_pinjam"),
        ("SEMBAKO", "sembako"),
        ("usaha  lokal", "usaha_lokal"),
        ("air bersih", "air_bersih"),
    ],
)
def test_normalise_unit(text, unit):
    assert normalise_unit(text) == unit


def actions(out: pd.DataFrame) -> list[tuple]:
    return list(zip(out["kode_desa"], out["tindakan"], out["unit"], strict=True))


def test_overlap_found_through_normalised_names_free_text_never_matches():
    table = coops(row("K1", "aktif"))
    kmp_units = units(
        ("K1", "simpan_pinjam", "beroperasi"),
        ("K1", "sembako", "beroperasi"),
        ("K1", "usaha_lokal", "beroperasi"),
        ("K1", "logistik", "rencana"),  # planned, not operating: no overlap
    )
    b = bumdes(
        (desa("K1"), "aktif", "sembako; Simpan Pinjam;air bersih;logistik;", False)
    )
    out = bumdes_sync(table, kmp_units, b)
    # listed in UNITS order, not the BUMDes' order
    assert actions(out) == [(desa("K1"), "tumpang_tindih", "sembako;simpan_pinjam")]
    assert list(out.columns) == [
        "kode_kec",
        "nama_kec",
        "kode_desa",
        "nama_desa",
        "nama_bumdes",
        "status_bumdes",
        "koperasi_id",
        "kelas",
        "tindakan",
        "unit",
    ]
    assert out.loc[0, "koperasi_id"] == "K1"
    assert out.loc[0, "kelas"] == "aktif"
    assert out.loc[0, "status_bumdes"] == "aktif"


def test_free_text_alone_gives_no_overlap():
    table = coops(row("K1", "aktif"))
    b = bumdes((desa("K1"), "aktif", "air bersih;sewa tenda", False))
    out = bumdes_sync(table, units(("K1", "sembako", "beroperasi")), b)
    assert out.empty


def test_inactive_bumdes_gives_no_overlap_and_no_revive():
    table = coops(row("K1", "aktif"), row("K2", "tidak_bergerak"))
    kmp_units = units(("K1", "sembako", "beroperasi"), ("K2", "sembako", "beroperasi"))
    b = bumdes(
        (desa("K1"), "tidak_aktif", "sembako", False),
        (desa("K2"), "tidak_aktif", "sembako", False),
    )
    assert bumdes_sync(table, kmp_units, b).empty


def test_revive_only_where_the_kmp_is_dormant_or_formal_only():
    table = coops(
        row("K1", "tidak_bergerak"),
        row("K2", "administratif"),
        row("K3", "aktif"),
        row("K4", "berdampak"),
    )
    b = bumdes(
        *(
            (desa(k), "aktif", " sewa tenda ;Air Bersih", False)
            for k in table.koperasi_id
        )
    )
    out = bumdes_sync(table, units(), b)
    assert actions(out) == [
        (desa("K1"), "hidupkan", "sewa tenda; Air Bersih"),
        (desa("K2"), "hidupkan", "sewa tenda; Air Bersih"),
    ]


def test_already_linked_from_kerja_sama_whatever_the_status():
    table = coops(row("K1", "aktif"), row("K2", "aktif"), row("K3", "aktif"))
    b = bumdes(
        (desa("K1"), "tidak_aktif", None, True),
        (desa("K2"), "aktif", "wisata desa", True),
        (desa("K3"), "aktif", "wisata desa", None),  # unknown: not linked
    )
    out = bumdes_sync(table, units(), b)
    assert actions(out) == [
        (desa("K1"), "sudah_bermitra", ""),
        (desa("K2"), "sudah_bermitra", "wisata desa"),
    ]


def test_a_village_with_several_actions_in_action_order():
    table = coops(
        row("K2", "aktif", kec="64.02.02"),
        row("K1", "administratif", kec="64.02.01"),
    )
    kmp_units = units(("K1", "klinik", "beroperasi"), ("K2", "apotek", "beroperasi"))
    b = bumdes(
        (desa("K2", "64.02.02"), "aktif", "apotek", False),
        (desa("K1"), "aktif", "Klinik;pasar desa", True),
    )
    out = bumdes_sync(table, kmp_units, b)
    assert actions(out) == [
        (desa("K1"), "tumpang_tindih", "klinik"),
        (desa("K1"), "hidupkan", "Klinik; pasar desa"),
        (desa("K1"), "sudah_bermitra", "Klinik; pasar desa"),
        (desa("K2", "64.02.02"), "tumpang_tindih", "apotek"),
    ]


def test_village_whose_kmp_is_missing_only_keeps_the_link():
    table = coops(row("K1", "tidak_bergerak"))
    b = bumdes(
        ("64.02.01.2099", "aktif", "sembako", True),  # no KMP of this village
        ("64.02.07.2001", "aktif", "sembako", False),  # nor of this one
    )
    out = bumdes_sync(table, units(("K1", "sembako", "beroperasi")), b)
    assert actions(out) == [("64.02.01.2099", "sudah_bermitra", "sembako")]
    record = out.iloc[0]
    assert record["kode_kec"] == "64.02.01"
    assert record["nama_kec"] == "Kec 64.02.01"  # from another cooperative
    assert pd.isna(record["koperasi_id"])
    assert pd.isna(record["kelas"])


# ------------------------------------------------------------------ pendamping


def kecamatan(*needs: tuple[str, int, int]) -> pd.DataFrame:
    """Cooperatives of kecamatan (kode_kec, dormant count, formal-only count), plus
    one active cooperative each (which adds no need)."""
    rows, n = [], 0
    for kec, dormant, formal in needs:
        for kelas in ["tidak_bergerak"] * dormant + ["administratif"] * formal:
            n += 1
            rows.append(row(f"K{n}", kelas, kec=kec))
        n += 1
        rows.append(row(f"K{n}", "aktif", kec=kec))
    return coops(*rows)


def test_allocation_hand_computed():
    # needs 10, 5, 3, 0; K=7: quotas 70/18=3.89, 35/18=1.94, 21/18=1.17, 0
    # -> whole parts 3, 1, 1, 0 (sum 5); two seats left to the largest remainders
    # 0.94 and 0.89 -> 4, 2, 1, 0.
    table = kecamatan(
        ("64.02.01", 5, 0), ("64.02.02", 2, 1), ("64.02.03", 1, 1), ("64.02.04", 0, 0)
    )
    out = allocate_pendamping(table, 7)
    assert out["kode_kec"].tolist() == ["64.02.01", "64.02.02", "64.02.03", "64.02.04"]
    assert out["tidak_bergerak"].tolist() == [5, 2, 1, 0]
    assert out["administratif"].tolist() == [0, 1, 1, 0]
    assert out["kebutuhan"].tolist() == [10, 5, 3, 0]
    assert out["pendamping"].tolist() == [4, 2, 1, 0]
    assert out["kuota"].tolist() == pytest.approx([70 / 18, 35 / 18, 21 / 18, 0])
    assert out.attrs["sisa"] == 0
    assert list(out.columns) == [
        "kode_kec",
        "nama_kec",
        "tidak_bergerak",
        "administratif",
        "kebutuhan",
        "kuota",
        "pendamping",
    ]


def test_allocation_exactly_one_each_when_k_equals_number_in_need():
    table = kecamatan(("64.02.01", 5, 0), ("64.02.02", 0, 1), ("64.02.03", 0, 0))
    assert allocate_pendamping(table, 2)["pendamping"].tolist() == [1, 1, 0]


def test_equal_need_and_remainder_lower_kode_kec_gets_the_seat():
    # needs 1, 1; K=3: R=1, quotas 0.5 and 0.5 -> the seat to 64.02.01
    table = kecamatan(("64.02.02", 0, 1), ("64.02.01", 0, 1))
    assert allocate_pendamping(table, 3)["pendamping"].tolist() == [2, 1]


def test_equal_remainder_larger_need_gets_the_seat():
    # needs 2 and 6 (total 8); K=6: quotas 1.5 and 4.5 -> whole parts 1, 4 (sum 5);
    # the last seat: remainders tie at 0.5, the larger need wins -> 1, 5
    table = kecamatan(("64.02.01", 1, 0), ("64.02.02", 3, 0))
    assert allocate_pendamping(table, 6)["pendamping"].tolist() == [1, 5]


def test_floor_of_one_takes_seats_back_from_the_largest():
    # needs 10, 1, 1, 1; K=5: quotas 3.85, 0.38, 0.38, 0.38 -> whole parts 3, 0, 0, 0;
    # the floor of one gives 3, 1, 1, 1 (sum 6 > 5): one seat back from the first
    table = kecamatan(
        ("64.02.01", 5, 0), ("64.02.02", 0, 1), ("64.02.03", 0, 1), ("64.02.04", 0, 1)
    )
    assert allocate_pendamping(table, 5)["pendamping"].tolist() == [2, 1, 1, 1]


def test_proportional_shares_are_kept_close():
    # the floor of one does not lift a small kecamatan above a larger one's share
    table = kecamatan(("64.02.01", 9, 0), ("64.02.02", 3, 1))
    out = allocate_pendamping(table, 10)  # needs 18 and 7: quotas 7.2 and 2.8
    assert out["pendamping"].tolist() == [7, 3]


def test_k_too_small_says_so_in_bahasa_indonesia():
    table = kecamatan(*((f"64.02.{i:02d}", 1, 0) for i in range(1, 6)))
    with pytest.raises(AllocationError) as info:
        allocate_pendamping(table, 3)
    assert str(info.value) == (
        "K=3 terlalu kecil: 5 kecamatan membutuhkan pendamping (minimal 1 per "
        "kecamatan); naikkan K menjadi paling sedikit 5."
    )
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("k", [-1, 2.5, "7"])
def test_bad_k(k):
    with pytest.raises(AllocationError, match=f"K={k}"):
        allocate_pendamping(kecamatan(("64.02.01", 0, 0)), k)


def test_no_need_anywhere_allocates_nothing_and_reports_the_rest():
    table = kecamatan(("64.02.01", 0, 0), ("64.02.02", 0, 0))
    out = allocate_pendamping(table, 5)
    assert out["pendamping"].tolist() == [0, 0]
    assert out["kuota"].tolist() == [0.0, 0.0]
    assert out.attrs["sisa"] == 5


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    needs=st.lists(
        st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=1, max_size=8
    ),
    extra=st.integers(0, 60),
)
def test_allocation_sums_to_k_with_one_where_needed(needs, extra):
    table = kecamatan(*((f"64.02.{i:02d}", d, f) for i, (d, f) in enumerate(needs)))
    need = np.array([2 * d + f for d, f in needs])
    in_need = int((need > 0).sum())
    k = in_need + extra
    out = allocate_pendamping(table, k)
    got = out["pendamping"].to_numpy()
    assert out["kebutuhan"].tolist() == need.tolist()
    if need.sum() == 0:
        assert (got == 0).all()
        assert out.attrs["sisa"] == k
        return
    assert got.sum() == k
    assert (got[need > 0] >= 1).all()
    assert (got[need == 0] == 0).all()
    # never above its quota rounded up (or the floor of one) ...
    floor, ceil = (k * need) // need.sum(), -((-k * need) // need.sum())
    assert (got <= np.maximum(ceil, (need > 0).astype(int))).all()
    # ... and where no quota is below one, its quota rounded down or up
    if ((k * need)[need > 0] >= need.sum()).all():
        assert ((got == floor) | (got == ceil)).all()
    # deterministic
    assert allocate_pendamping(table, k)["pendamping"].tolist() == got.tolist()
    if in_need > 0:
        with pytest.raises(AllocationError):
            allocate_pendamping(table, in_need - 1)


# ------------------------------------------------------------------ sample data


@pytest.fixture(scope="module")
def sample(sample_dataset, sample_evaluation):
    return sample_evaluation, sample_dataset.tables


@pytest.mark.parametrize("with_outcome", [False, True])
def test_sample_data_invariants(sample, with_outcome):
    evaluation, tables = sample
    table = evaluation.cooperatives
    if not with_outcome:
        table = table.drop(columns=["indeks_outcome"])
    counts = table["kelas"].value_counts()

    support = supported(table, tables["koperasi"])
    assert len(support) == counts["aktif"] + counts["berdampak"]
    assert ("indeks_outcome" in support.columns) == with_outcome
    assert support["koperasi_id"].is_unique
    if with_outcome:
        for _, group in support.groupby("kelas", observed=True):
            assert group["indeks_outcome"].dropna().is_monotonic_decreasing

    evaluate_ = to_evaluate(table)
    assert len(evaluate_) == counts["tidak_bergerak"] + counts["administratif"]
    assert evaluate_["urutan"].tolist() == list(range(1, len(evaluate_) + 1))
    assert evaluate_["kelas"].cat.codes.is_monotonic_increasing

    plan = training_plan(table, tables["pengurus"])
    assert (
        plan["kelas_pelatihan"] == [math.ceil(p / 30) for p in plan["peserta"]]
    ).all()
    assert plan["peserta"].sum() == len(
        training_participants(table, tables["pengurus"])
    )
    assert not plan.duplicated(["kode_kec", "jenjang"]).any()

    sync = bumdes_sync(table, tables["unit_usaha"], tables["bumdes"])
    # the sample holds every action (counted on the shipped data)
    assert sync["tindakan"].value_counts().to_dict() == {
        "hidupkan": 51,
        "sudah_bermitra": 28,
        "tumpang_tindih": 23,
    }
    assert not sync.duplicated(["kode_desa", "tindakan", "koperasi_id"]).any()
    linked = tables["bumdes"]["kerja_sama_kmp"].fillna(False)
    assert (sync["tindakan"] == "sudah_bermitra").sum() == linked.sum()

    allocation = allocate_pendamping(table, 40)
    assert allocation["pendamping"].sum() == 40
    assert len(allocation) == table["kode_kec"].nunique()
    assert (allocation["pendamping"][allocation["kebutuhan"] > 0] >= 1).all()


# ------------------------------------------------ pendamping: remoteness weight

#: The sample's allocation of K=40 before the remoteness weight existed (recorded
#: from commit e77fcfa): a weight of 0 must give exactly this.
SAMPLE_ALLOCATION_40 = {
    "64.02.01": 4,
    "64.02.02": 2,
    "64.02.03": 1,
    "64.02.04": 1,
    "64.02.05": 1,
    "64.02.06": 1,
    "64.02.07": 3,
    "64.02.08": 3,
    "64.02.09": 2,
    "64.02.10": 2,
    "64.02.11": 4,
    "64.02.12": 6,
    "64.02.13": 1,
    "64.02.14": 1,
    "64.02.15": 1,
    "64.02.16": 1,
    "64.02.17": 2,
    "64.02.18": 1,
    "64.02.19": 2,
    "64.02.20": 1,
}


def placed(kid: str, kelas: str, kec: str, road: str, health: str) -> dict:
    """A cooperative with the two village facts that make a desa remote."""
    return row(kid, kelas, kec=kec, jalan_roda_empat=road, waktu_ke_faskes=health)


def test_remote_is_a_seasonal_road_or_health_care_over_an_hour():
    table = coops(
        placed("K1", "aktif", "64.02.01", "sepanjang_tahun", "paling_30"),
        placed("K2", "aktif", "64.02.01", "musiman", "paling_30"),
        placed("K3", "aktif", "64.02.01", "tidak_bisa", "31_60"),
        placed("K4", "aktif", "64.02.01", "sepanjang_tahun", "lebih_60"),
        placed("K5", "aktif", "64.02.01", "tidak_berlaku", "tidak_berlaku"),
        placed("K6", "aktif", "64.02.01", None, None),
    )
    assert remote(table).tolist() == [False, True, True, True, False, False]
    without = table.drop(columns=["jalan_roda_empat", "waktu_ke_faskes"])
    assert not remote(without).any()


def remote_kecamatan() -> pd.DataFrame:
    """64.02.01: 2 Tidak bergerak in remote desa (need 4) and a remote Aktif (no
    need); 64.02.02: 4 Tidak bergerak on the main road (need 8)."""
    far = ("tidak_bisa", "paling_30")
    near = ("sepanjang_tahun", "paling_30")
    return coops(
        placed("K1", "tidak_bergerak", "64.02.01", *far),
        placed("K2", "tidak_bergerak", "64.02.01", "sepanjang_tahun", "lebih_60"),
        placed("K3", "aktif", "64.02.01", *far),
        *(placed(f"K{i}", "tidak_bergerak", "64.02.02", *near) for i in range(4, 8)),
    )


def test_remoteness_weight_hand_computed():
    table = remote_kecamatan()
    # without: needs 4 and 8, K=6 -> quotas 2 and 4
    assert allocate_pendamping(table, 6)["pendamping"].tolist() == [2, 4]
    # w=1: needs 8 and 8 -> 3 and 3
    out = allocate_pendamping(table, 6, 1.0)
    assert out["terpencil"].tolist() == [2, 0]  # the Aktif one needs nobody
    assert out["kebutuhan"].tolist() == [8.0, 8.0]
    assert out["pendamping"].tolist() == [3, 3]
    assert out.attrs["bobot_terpencil"] == 1.0
    # w=0.25: needs 5 and 8, quotas 30/13 = 2.31 and 48/13 = 3.69 -> 2 and 4
    out = allocate_pendamping(table, 6, 0.25)
    assert out["kebutuhan"].tolist() == [5.0, 8.0]
    assert out["kuota"].tolist() == pytest.approx([30 / 13, 48 / 13])
    assert out["pendamping"].tolist() == [2, 4]
    assert list(out.columns) == [
        "kode_kec",
        "nama_kec",
        "tidak_bergerak",
        "administratif",
        "terpencil",
        "kebutuhan",
        "kuota",
        "pendamping",
    ]


def test_remoteness_weight_of_a_formal_only_cooperative():
    # Administratif in a remote desa: 1 × (1 + 0.5) = 1.5; Tidak bergerak near: 2
    table = coops(
        placed("K1", "administratif", "64.02.01", "musiman", "paling_30"),
        placed("K2", "tidak_bergerak", "64.02.02", "sepanjang_tahun", "paling_30"),
    )
    out = allocate_pendamping(table, 7, 0.5)  # quotas 3 and 4
    assert out["kebutuhan"].tolist() == [1.5, 2.0]
    assert out["pendamping"].tolist() == [3, 4]


def test_remoteness_weight_ties_are_exact():
    # w=0.1 is not exact in binary; the needs 2 × 1.1 and 2 × 1.1 still tie, so
    # the last seat goes to the smaller kode_kec
    table = coops(
        placed("K1", "tidak_bergerak", "64.02.02", "musiman", "paling_30"),
        placed("K2", "tidak_bergerak", "64.02.01", "musiman", "paling_30"),
    )
    assert allocate_pendamping(table, 3, 0.1)["pendamping"].tolist() == [2, 1]


def test_a_weight_of_zero_is_the_allocation_of_before(sample_evaluation):
    table = sample_evaluation.cooperatives
    for weight in ((), (0.0,), (0,)):
        out = allocate_pendamping(table, 40, *weight)
        assert dict(zip(out["kode_kec"], out["pendamping"], strict=True)) == (
            SAMPLE_ALLOCATION_40
        )
        assert "terpencil" not in out
        assert out["kebutuhan"].dtype == "int64"


def test_a_weight_without_village_context_changes_nothing(sample_evaluation):
    table = sample_evaluation.cooperatives.drop(
        columns=["jalan_roda_empat", "waktu_ke_faskes"]
    )
    out = allocate_pendamping(table, 40, 2.0)
    assert out["pendamping"].tolist() == list(SAMPLE_ALLOCATION_40.values())
    assert (out["terpencil"] == 0).all()


def test_a_weight_on_the_sample_keeps_the_rules(sample_evaluation):
    table = sample_evaluation.cooperatives
    out = allocate_pendamping(table, 40, 1.0)
    assert out["pendamping"].sum() == 40
    assert (out["pendamping"][out["kebutuhan"] > 0] >= 1).all()
    in_need = table["kelas"].astype(object).isin(["tidak_bergerak", "administratif"])
    assert out["terpencil"].sum() == (in_need & remote(table)).sum() > 0
    base = allocate_pendamping(table, 40)
    assert (out["kebutuhan"] >= base["kebutuhan"]).all()
    assert out["kebutuhan"].sum() == base["kebutuhan"].sum() + (
        table.loc[in_need & remote(table), "kelas"]
        .astype(object)
        .map({"tidak_bergerak": 2, "administratif": 1})
        .sum()
    )


@pytest.mark.parametrize("weight", [-1, float("nan"), float("inf"), "1", True])
def test_bad_remoteness_weight(weight):
    with pytest.raises(AllocationError, match="bobot_terpencil="):
        allocate_pendamping(remote_kecamatan(), 6, weight)

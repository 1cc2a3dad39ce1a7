"""The sample's optional tables and its planted effects (issue 15): the shipped
sample unchanged, the effect exactly as planted, treatment timing independent of
how a cooperative fares in planted mode."""

from __future__ import annotations

import hashlib
import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from kmp_analysis.cli import app
from kmp_analysis.errors import UsageError
from kmp_analysis.io import read_dataset
from kmp_analysis.sample.kukar import (
    HIMBARA_BANKS,
    TRAINING_WAVES,
    Effects,
    _plant_effects,
    make_sample,
    sample_plan,
    treatment_months,
    write_sample,
)

#: sha256 of the six tables of the shipped sample before the optional tables came.
SHIPPED = {
    "koperasi": "82d9d6f5b4fb2cee0481d4d9048ccff63484f8d833e7f1c719689d0083055243",
    "unit_usaha": "20b59d9d3e05b6ff68c37902b6405a3111d111fe0783c402fdd13c93151b35ac",
    "laporan_bulanan": (
        "e5e2748c1ed05c07fee9fcd82dc8425f4f57660a2ef4d5b0b03840ccb8e7c771"
    ),
    "rapat": "eaad8f6846b85335137c1885a0dbd4063ce8a3d642f7bdb8edd8e020bf34ba1f",
    "pengurus": "b8310643a46a5792773a0ef4da02178870764882111f38a33a73613e942d8b2d",
    "bumdes": "e59ba9a9df4a692d9dbff6ff82b7ed0fb73991924dda6ea5ee7aa3b01fb9d95d",
}


def csv_sha(frame: pd.DataFrame) -> str:
    text = frame.to_csv(index=False, lineterminator="\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.fixture(scope="module")
def shipped() -> dict[str, pd.DataFrame]:
    return make_sample(2025)


@pytest.fixture(scope="module")
def planted() -> dict[str, dict[str, pd.DataFrame]]:
    return {
        x: make_sample(2025, efek_pelatihan=x, efek_pendampingan=x, efek_pembiayaan=x)
        for x in (0.0, 0.05)
    }


def test_the_six_tables_are_those_shipped_before(shipped):
    assert {name: csv_sha(shipped[name]) for name in SHIPPED} == SHIPPED


def test_pembiayaan_is_the_disbursed_loans(shipped):
    kop = shipped["koperasi"].set_index("koperasi_id")
    pem = shipped["pembiayaan"]
    disbursed = set(kop.index[kop["status_pinjaman"] == "dicairkan"])
    assert set(pem["koperasi_id"]) == disbursed and disbursed
    paid = pem.groupby("koperasi_id")["jumlah"].sum()
    assert (paid <= kop.loc[paid.index, "plafon_pinjaman"]).all()
    assert (pem["jumlah"] > 0).all()
    assert set(pem["bank"]) <= set(HIMBARA_BANKS)
    legal = pd.to_datetime(kop.loc[pem["koperasi_id"], "tanggal_badan_hukum"])
    assert (pd.to_datetime(pem["tanggal_cair"]).to_numpy() > legal.to_numpy()).all()


def test_dasar_is_taken_in_the_wave_month(shipped):
    plan = sample_plan(2025).cooperatives
    pel = shipped["pelatihan"]
    dasar = pel[pel["jenjang"] == "dasar"]
    month = dasar["tanggal_selesai"].str.slice(0, 7)
    assert (month == dasar["tanggal_mulai"].str.slice(0, 7)).all()
    assert (month.to_numpy() == plan.loc[dasar["koperasi_id"], "bulan_pelatihan"]).all()
    wave_1 = plan.index[plan["nama_kec"].isin(TRAINING_WAVES[0].kecamatan)]
    first = dasar[dasar["koperasi_id"].isin(wave_1)]
    assert set(first["tanggal_mulai"]) == {"2025-11-13"}
    later = pel[pel["jenjang"] != "dasar"]
    assert (later["tanggal_mulai"] > "2025-11-30").all()
    assert (pel["lulus"] == "ya").mean() > 0.85


def test_pendamping_arrive_in_turn_and_some_never(shipped):
    pen = shipped["pendampingan"]
    assert pen["tanggal_mulai"].min() >= "2026-01-01"
    assert pen["tanggal_mulai"].max() <= "2026-10-31"
    per_pendamping = pen.groupby("pendamping_id")["koperasi_id"].nunique()
    assert per_pendamping.max() >= 3
    assert pen["tanggal_selesai"].notna().any() and pen["tanggal_selesai"].isna().any()
    assert pen["koperasi_id"].nunique() < len(shipped["koperasi"])


def test_the_shipped_sample_and_a_planted_one_validate_without_new_warnings(
    tmp_path,
):
    write_sample(tmp_path / "a", seed=2025)
    write_sample(tmp_path / "b", seed=3, efek_pelatihan=0.05, efek_pembiayaan=0.1)
    new = {"jenjang_differs_pelatihan", "jenjang_without_pelatihan", "date_after_data"}
    for folder in ("a", "b"):
        dataset = read_dataset(tmp_path / folder)
        assert all(dataset.has_data(t) for t in Effects.__dataclass_fields__)
        assert not [w for w in dataset.warnings if w.code in new]


def test_a_planted_effect_adds_exactly_round_x_times_terdaftar(planted):
    none, some = planted[0.0], planted[0.05]
    for name in ("koperasi", "pengurus", "pelatihan", "pendampingan", "pembiayaan"):
        pd.testing.assert_frame_equal(none[name], some[name])
    treated = treatment_months(none)
    lap0, lap1 = none["laporan_bulanan"], some["laporan_bulanan"]
    terdaftar = lap0["anggota_terdaftar"].to_numpy(float)
    expected = np.zeros(len(lap0))
    for effort in treated.columns:
        start = lap0["koperasi_id"].map(treated[effort])
        post = start.notna().to_numpy() & (
            lap0["bulan"].to_numpy(str) > start.fillna("9999").to_numpy(str)
        )
        expected += np.where(post, np.round(0.05 * terdaftar), 0)
    before = lap0["anggota_aktif"].to_numpy(float)
    after = lap1["anggota_aktif"].to_numpy(float)
    assert (after == np.minimum(terdaftar, before + expected)).all()
    assert (after <= terdaftar).all()
    # participation of treated rows after treatment: up by 0.05 (rounding, caps)
    pel = lap0["koperasi_id"].map(treated["pelatihan"])
    rows = pel.notna().to_numpy() & (
        lap0["bulan"].to_numpy(str) > pel.fillna("9999").to_numpy(str)
    )
    only = make_sample(2025, efek_pelatihan=0.05, efek_pendampingan=0.0)
    gain = only["laporan_bulanan"]["anggota_aktif"].to_numpy(float) - before
    assert rows.sum() > 200
    assert abs(np.mean(gain[rows] / terdaftar[rows]) - 0.05) < 0.005
    assert (gain[~rows] == 0).all()


def test_no_effect_at_zero_and_a_month_that_gains_members_gets_turnover():
    laporan = pd.DataFrame(
        {
            "koperasi_id": ["K1", "K1", "K1", "K2"],
            "bulan": ["2026-01", "2026-02", "2026-03", "2026-03"],
            "anggota_terdaftar": [100.0, 100.0, 30.0, 50.0],
            "anggota_aktif": [10.0, 0.0, 29.0, 5.0],
            "omzet": [1e6, 0.0, 3e6, 5e5],
            "pendapatan_usaha": [1e5, 0.0, 3e5, 5e4],
        }
    )
    treated = pd.DataFrame(
        {"pelatihan": ["2026-01", None], "pendampingan": [None, None]},
        index=["K1", "K2"],
        dtype=object,
    ).assign(pembiayaan=None)
    plans = [
        SimpleNamespace(koperasi_id=k, spend=400_000.0, margin=0.1)
        for k in ("K1", "K2")
    ]

    same = _plant_effects(laporan, treated, Effects(pelatihan=0.0), plans)
    pd.testing.assert_frame_equal(same, laporan)

    out = _plant_effects(laporan, treated, Effects(pelatihan=0.05), plans)
    # January is the training month: nothing; February +5 with a small turnover
    # (5 members x 400,000 / 2 = 1,000,000, income 10%); March capped at 30
    assert out["anggota_aktif"].tolist() == [10.0, 5.0, 30.0, 5.0]
    assert out["omzet"].tolist() == [1e6, 1e6, 3e6, 5e5]
    assert out["pendapatan_usaha"].tolist() == [1e5, 1e5, 3e5, 5e4]


def test_a_ketua_or_half_the_board_makes_a_cooperative_trained():
    pengurus = pd.DataFrame(
        {
            "koperasi_id": ["K1"] * 4 + ["K2"] * 4,
            "id_orang": ["P1", "P2", "P3", "P4"] * 2,
            "peran": ["ketua", "sekretaris", "bendahara", "pengawas"] * 2,
        }
    )
    pelatihan = pd.DataFrame(
        {
            "koperasi_id": ["K1", "K1", "K1", "K2", "K2", "K2"],
            "id_orang": ["P2", "P3", "P1", "P2", "P4", "P3"],
            "jenjang": ["dasar"] * 6,
            "tanggal_selesai": [
                "2025-11-15",
                "2026-02-03",
                "2026-04-01",
                "2026-01-10",
                "2026-01-10",
                "2026-03-05",
            ],
            "lulus": ["ya", "ya", "ya", "ya", "ya", "tidak"],
        }
    )
    tables = {
        "koperasi": pd.DataFrame({"koperasi_id": ["K1", "K2"]}),
        "pengurus": pengurus,
        "pelatihan": pelatihan,
    }

    months = treatment_months(tables)

    # K1: two of three board members by February (before the ketua in April);
    # K2: one board member passed (the pengawas does not count), one failed
    assert months["pelatihan"].tolist() == ["2026-02", None]
    assert months["pendampingan"].tolist() == [None, None]


def _within_sampling_bound(plan: pd.DataFrame, column: str) -> bool:
    """Every archetype's treated share within 3 standard errors of the overall."""
    treated = plan[column].notna()
    overall = treated.mean()
    for _, group in treated.groupby(plan["arketipe"]):
        bound = 3 * math.sqrt(overall * (1 - overall) / len(group))
        if abs(group.mean() - overall) > bound:
            return False
    return True


def test_in_planted_mode_who_is_treated_does_not_depend_on_the_archetype():
    plans = pd.concat([sample_plan(s, efek_pelatihan=0.0).cooperatives for s in (1, 2)])
    for effort in ("pelatihan", "pendampingan", "pembiayaan"):
        assert _within_sampling_bound(plans, f"perlakuan_{effort}"), effort
    # the shipped journey sends the never-moving core less often, loans go to the
    # strong: the same check sees it
    shipped = sample_plan(2025).cooperatives
    assert not _within_sampling_bound(shipped, "perlakuan_pelatihan")
    assert not _within_sampling_bound(shipped, "perlakuan_pembiayaan")


def test_an_effect_outside_0_to_half_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        make_sample(1, efek_pembiayaan=0.51)
    args = ["sample-data", "--out", str(tmp_path), "--efek-pelatihan", "0.7"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "di luar rentang 0 sampai 0,5" in result.output
    assert "Traceback" not in result.output
    assert not any(tmp_path.iterdir())

"""Indices, aggregation, quadrants and rank uncertainty (DESIGN §6), by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kmp_analysis.classify import CLASSES, classify
from kmp_analysis.config import Goalpost, IndexSpec, MonteCarlo
from kmp_analysis.index import (
    compute_indices,
    kecamatan_summary,
    quadrant,
    rank_uncertainty,
    scale,
)

SPEC = IndexSpec()


@pytest.mark.parametrize(
    ("index", "indicator", "value", "expected"),
    [
        ("output", "legal", 0.5, 0.5),
        ("output", "pengurus_terlatih", 0.25, 0.25),
        ("output", "bulan_lapor", 3, 0.5),
        ("output", "rat_tepat_waktu", True, 1.0),
        ("output", "rat_tepat_waktu", False, 0.0),
        ("output", "unit_beroperasi", 2, 0.5),
        ("output", "unit_beroperasi", 5, 1.0),
        ("outcome", "partisipasi", 0.3, 0.5),
        ("outcome", "partisipasi", 0.9, 1.0),
        ("outcome", "omzet_per_anggota", 75_000, 0.5),
        ("outcome", "kemandirian", 1.0, 0.5),
        ("outcome", "kemandirian", 0.4, 0.0),
        ("outcome", "par30", 0.05, 0.75),
        ("outcome", "par30", 0.0, 1.0),
        ("outcome", "par30", 0.3, 0.0),
        ("outcome", "tenaga_kerja", 5, 0.5),
        ("outcome", "pembelian_lokal", 0.15, 0.5),
    ],
)
def test_each_goalpost_scaling(index, indicator, value, expected):
    gp = SPEC.of(index)[indicator]
    assert scale([float(value)], gp)[0] == pytest.approx(expected)


def coops(rows: list[dict]) -> pd.DataFrame:
    base = {
        "koperasi_id": "K",
        "kode_kec": "64.02.01",
        "nama_kec": "A",
        "legal": 1.0,
        "pengurus_terlatih": 0.5,
        "bulan_lapor": 6,
        "rat_tepat_waktu": True,
        "unit_beroperasi": 2,
        "partisipasi": 0.3,
        "omzet_per_anggota": 75_000.0,
        "kemandirian": 1.0,
        "par30": 0.05,
        "tenaga_kerja": 5.0,
        "pembelian_lokal": 0.15,
        "kelas": "aktif",
        "berisiko": False,
    }
    frame = pd.DataFrame([{**base, **row} for row in rows])
    frame["kelas"] = pd.Categorical(frame["kelas"], categories=CLASSES, ordered=True)
    return frame


def test_indices_by_hand():
    result = compute_indices(coops([{}]), SPEC).iloc[0]
    # output: 1, 0.5, 1, 1, 0.5 -> 4 / 5
    assert result["indeks_output"] == pytest.approx(0.8)
    # outcome: 0.5, 0.5, 0.5, 0.75, 0.5, 0.5 -> 3.25 / 6
    assert result["indeks_outcome"] == pytest.approx(3.25 / 6)
    assert result["kuadran"] == "berkinerja"


def test_par30_left_out_and_weights_renormalised_without_lending():
    result = compute_indices(coops([{"par30": np.nan}]), SPEC).iloc[0]
    assert result["indeks_outcome"] == pytest.approx(0.5)  # 2.5 / 5, not 2.5 / 6


def test_other_missing_indicators_score_zero():
    row = {"kemandirian": np.nan, "omzet_per_anggota": np.nan, "par30": np.nan}
    result = compute_indices(coops([row]), SPEC).iloc[0]
    # partisipasi 0.5, omzet 0, kemandirian 0, tenaga 0.5, lokal 0.5 -> 1.5 / 5
    assert result["indeks_outcome"] == pytest.approx(0.3)


def test_weights_from_config():
    outcome = dict(SPEC.outcome)
    outcome["partisipasi"] = Goalpost(0, 0.6, bobot=4)
    spec = IndexSpec(output=SPEC.output, outcome=outcome)
    row = {"partisipasi": 0.6}  # scores 1 with weight 4; five others 0.5, 0.5, ...
    result = compute_indices(coops([row]), spec).iloc[0]
    # (4 * 1 + 0.5 + 0.5 + 0.75 + 0.5 + 0.5) / 9
    assert result["indeks_outcome"] == pytest.approx(6.75 / 9)


@pytest.mark.parametrize(
    ("output", "outcome", "code"),
    [
        (0.5, 0.5, "berkinerja"),
        (0.8, 0.1, "formalitas"),
        (0.49, 0.7, "informal"),
        (0.2, 0.499, "tertinggal"),
    ],
)
def test_quadrant_split_at_half_counts_as_high(output, outcome, code):
    assert quadrant(pd.Series([output]), pd.Series([outcome]))[0] == code


def test_kecamatan_aggregation_by_hand():
    frame = coops(
        [
            {"koperasi_id": "a", "kelas": "aktif", "partisipasi": 0.6},
            {"koperasi_id": "b", "kelas": "tidak_bergerak", "partisipasi": 0.0},
            {"koperasi_id": "c", "kelas": "tidak_bergerak", "berisiko": True},
            {
                "koperasi_id": "d",
                "kode_kec": "64.02.02",
                "nama_kec": "B",
                "kelas": "berdampak",
            },
        ]
    )
    frame = frame.join(compute_indices(frame, SPEC))
    table = kecamatan_summary(frame).set_index("kode_kec")
    a = table.loc["64.02.01"]
    assert a["n_koperasi"] == 3
    assert a["n_tidak_bergerak"] == 2
    assert a["pangsa_tidak_bergerak"] == pytest.approx(2 / 3)
    assert a["n_aktif"] == 1
    assert a["n_berdampak"] == 0
    assert a["berisiko"] == 1
    expected = frame.loc[frame["kode_kec"] == "64.02.01", "indeks_outcome"].mean()
    assert a["indeks_outcome"] == pytest.approx(expected)
    # outcome scores of a, b, c: partisipasi 1.0, 0.0, 0.5 with the other five equal
    assert a["indeks_outcome"] == pytest.approx((3 * 2.75 + 1.0 + 0.0 + 0.5) / 18)
    assert table.loc["64.02.02", "pangsa_berdampak"] == 1.0


def regency(n_kec: int = 6, per_kec: int = 4, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for k in range(n_kec):
        for i in range(per_kec):
            rows.append(
                {
                    "koperasi_id": f"{k}-{i}",
                    "kode_kec": f"64.02.{k + 1:02d}",
                    "nama_kec": f"Kec {k}",
                    "legal": rng.uniform(),
                    "pengurus_terlatih": rng.uniform(),
                    "bulan_lapor": int(rng.integers(0, 7)),
                    "rat_tepat_waktu": bool(rng.integers(0, 2)),
                    "unit_beroperasi": int(rng.integers(0, 5)),
                    "partisipasi": rng.uniform(0, 0.8),
                    "omzet_per_anggota": rng.uniform(0, 200_000),
                    "kemandirian": rng.uniform(0.3, 1.8),
                    "par30": rng.choice([np.nan, rng.uniform(0, 0.3)]),
                    "tenaga_kerja": float(rng.integers(0, 12)),
                    "pembelian_lokal": rng.uniform(0, 0.4),
                }
            )
    return coops(rows)


def test_monte_carlo_same_seed_same_result():
    frame = regency()
    a = rank_uncertainty(frame, SPEC, MonteCarlo(jumlah_draw=300, seed=7))
    b = rank_uncertainty(frame, SPEC, MonteCarlo(jumlah_draw=300, seed=7))
    pd.testing.assert_frame_equal(a.table, b.table)
    assert np.array_equal(a.draws, b.draws)
    c = rank_uncertainty(frame, SPEC, MonteCarlo(jumlah_draw=300, seed=8))
    assert not np.array_equal(a.draws, c.draws)


def test_zero_perturbation_collapses_to_the_point_rank():
    frame = regency()
    fixed = MonteCarlo(jumlah_draw=50, sebaran_goalpost=0.0, konsentrasi_bobot=0.0)
    result = rank_uncertainty(frame, SPEC, fixed).table
    assert (result["peringkat_median"] == result["peringkat"]).all()
    assert (result["peringkat_p05"] == result["peringkat"]).all()
    assert (result["peringkat_p95"] == result["peringkat"]).all()
    assert (result["pindah_tersil"] == 0).all()
    # the point rank orders the kecamatan means of the indices, highest first
    frame = frame.join(compute_indices(frame, SPEC))
    means = frame.groupby("kode_kec")["indeks_outcome"].mean()
    expected = means.rank(ascending=False).astype(int)
    assert result.set_index("kode_kec")["peringkat"].to_dict() == expected.to_dict()


def test_perturbation_widens_intervals_and_draw_count():
    frame = regency(n_kec=10)
    result = rank_uncertainty(frame, SPEC, MonteCarlo(jumlah_draw=1000, seed=1))
    assert result.draws.shape == (1000, 10)
    table = result.table
    assert (table["peringkat_p05"] <= table["peringkat_median"]).all()
    assert (table["peringkat_median"] <= table["peringkat_p95"]).all()
    assert (table["peringkat_p95"] > table["peringkat_p05"]).any()
    assert sorted(table["peringkat"]) == list(range(1, 11))


def test_chunked_draws_give_the_same_answer():
    frame = regency()
    mc = MonteCarlo(jumlah_draw=120, seed=3)
    whole = rank_uncertainty(frame, SPEC, mc)
    chunked = rank_uncertainty(frame, SPEC, mc, max_cells=24 * 6 * 7)
    assert np.array_equal(whole.draws, chunked.draws)


# ------------------------------------------------------------------- properties

unit = st.floats(0, 1, allow_nan=False)
indicator_rows = st.fixed_dictionaries(
    {
        "legal": unit,
        "pengurus_terlatih": unit,
        "bulan_lapor": st.integers(0, 6),
        "rat_tepat_waktu": st.booleans(),
        "unit_beroperasi": st.integers(0, 8),
        "partisipasi": unit,
        "omzet_per_anggota": st.one_of(st.just(np.nan), st.floats(0, 1e9)),
        "kemandirian": st.one_of(st.just(np.nan), st.floats(0, 100)),
        "par30": st.one_of(st.just(np.nan), unit),
        "tenaga_kerja": st.one_of(st.just(np.nan), st.floats(0, 500)),
        "pembelian_lokal": st.one_of(st.just(np.nan), st.floats(0, 10)),
    }
)


@settings(max_examples=100, deadline=None)
@given(st.lists(indicator_rows, min_size=1, max_size=5))
def test_indices_stay_between_zero_and_one(rows):
    result = compute_indices(coops(rows), SPEC)
    for column in ("indeks_output", "indeks_outcome"):
        assert result[column].between(0, 1).all()


class_rows = st.fixed_dictionaries(
    {
        "bulan_transaksi": st.integers(0, 6),
        "bulan_transaksi_r": st.integers(0, 3),
        "partisipasi": unit,
        "unit_beroperasi": st.integers(0, 5),
        "kemandirian": st.one_of(st.just(np.nan), st.floats(0, 3)),
        "manfaat": st.integers(0, 4),
    }
)
improvements = {
    "bulan_transaksi": 1,
    "bulan_transaksi_r": 1,
    "partisipasi": 0.05,
    "unit_beroperasi": 1,
    "kemandirian": 0.1,
    "manfaat": 1,
}


def _class_rank(row: dict) -> int:
    frame = pd.DataFrame(
        [
            {
                **row,
                "par30": np.nan,
                "laporan_terakhir": "2026-10",
                "pengurus_lengkap": True,
            }
        ]
    )
    return CLASSES.index(str(classify(frame, "2026-10")["kelas"].iloc[0]))


@settings(max_examples=200, deadline=None)
@given(class_rows, st.sampled_from(sorted(improvements)))
def test_improving_one_indicator_never_lowers_the_class(row, indicator):
    better = dict(row)
    value = row[indicator]
    step = improvements[indicator]
    better[indicator] = step if pd.isna(value) else value + step
    assert _class_rank(better) >= _class_rank(row)

"""The sample's journey over time: what the generator plants is what the rules find.

The sample is written to CSV, read back like a user's data, and classified at every
month-end period 2025-06 … 2026-10 with the DESIGN §4–5 rules
(``compute_indicators`` + ``classify``); :func:`~kmp_analysis.sample.kukar.sample_plan`
says what was planted, per cooperative, without reading the CSVs.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kmp_analysis.classify import CLASSES, classify
from kmp_analysis.indicators import compute_indicators
from kmp_analysis.io import read_dataset
from kmp_analysis.sample.kukar import (
    EARLY_STOP,
    FALLER,
    MONTHS,
    SLUMP,
    TRAINING_WAVES,
    sample_plan,
    start_month,
    write_sample,
)

SEED = 2025
DORMANT = "tidak_bergerak"


@pytest.fixture(scope="module")
def plan():
    return sample_plan(SEED)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    write_sample(folder, seed=SEED)
    return read_dataset(folder)


@pytest.fixture(scope="module")
def found(dataset) -> pd.DataFrame:
    """The class the rules give each cooperative (rows) at each period (columns)."""
    t = dataset.tables
    classes = {}
    for period in MONTHS:
        indicators = compute_indicators(
            t["koperasi"],
            t["unit_usaha"],
            t["laporan_bulanan"],
            t["rapat"],
            t["pengurus"],
            period,
        )
        classes[period] = classify(indicators, period)["kelas"].astype(str)
    return pd.DataFrame(classes)


def test_data_cover_june_2025_to_october_2026(dataset) -> None:
    months = dataset["laporan_bulanan"]["bulan"]
    assert (months.min(), months.max()) == ("2025-06", "2026-10")
    assert MONTHS[0] == "2025-06" and MONTHS[-1] == "2026-10" and len(MONTHS) == 17


@pytest.mark.parametrize("period", ["2025-11", "2026-04", "2026-10"])
def test_planted_class_is_found_for_every_cooperative(plan, found, period) -> None:
    planted = plan.classes[period]
    assert set(found.index) == set(planted.index)
    wrong = found[period][found[period] != planted.reindex(found.index)]
    assert wrong.empty, wrong.to_dict()


def test_planted_classes_are_found_at_every_period(plan, found) -> None:
    planted = plan.classes.reindex(index=found.index, columns=found.columns)
    mismatches = (planted != found).sum()
    assert mismatches.sum() == 0, mismatches[mismatches > 0].to_dict()


def test_never_movers_are_dormant_in_every_window(plan, found) -> None:
    never = plan.cooperatives.index[plan.cooperatives["tidak_pernah_bergerak"]]
    assert 40 <= len(never) <= 70  # a core that never moves
    assert (found.loc[never] == DORMANT).all(axis=None)
    # and nobody else is dormant in every window: they all move at some time
    always = found.index[(found == DORMANT).all(axis=1)]
    assert set(always) == set(never)


def test_fallers_move_then_fall_back(plan, found) -> None:
    coops = plan.cooperatives
    fell = coops.index[coops["jalur"].isin([FALLER, EARLY_STOP])]
    slumped = coops.index[coops["jalur"] == SLUMP]
    assert len(fell) >= 10 and len(slumped) >= 3
    for kid in fell:
        row = found.loc[kid]
        first_move = row.ne(DORMANT).to_numpy().argmax()
        assert row.iloc[first_move] != DORMANT, kid
        assert (row.iloc[first_move:] == DORMANT).any(), kid
        assert row["2026-10"] == DORMANT, kid
    # jatuh and melemah reach Aktif before they fall back
    for kid in coops.index[coops["jalur"].isin([FALLER, SLUMP])]:
        row = found.loc[kid].tolist()
        first_aktif = row.index("aktif")
        later = row[first_aktif:]
        assert "tidak_bergerak" in later or "administratif" in later, kid
        fall = coops.loc[kid, "bulan_jatuh"]
        assert found.loc[kid, fall:].ne("aktif").any(), kid
    assert (found.loc[slumped, "2026-10"] == "administratif").all()


def test_only_a_handful_operate_in_november_2025(plan, found) -> None:
    moving = found.index[found["2025-11"] != DORMANT]
    perintis = plan.cooperatives.index[plan.cooperatives["perintis"]]
    assert 5 <= len(moving) <= 15
    assert set(moving) == set(perintis)
    # the launch village, Tanah Datar (Muara Badak), is one of them
    assert "KMP-6402052006" in set(moving)


def test_transitions_april_to_october_2026_are_the_planted_ones(plan, found) -> None:
    def matrix(classes: pd.DataFrame) -> pd.DataFrame:
        return pd.crosstab(
            pd.Categorical(classes["2026-04"], categories=CLASSES),
            pd.Categorical(classes["2026-10"], categories=CLASSES),
            dropna=False,
        )

    planted = matrix(plan.classes.reindex(found.index))
    seen = matrix(found)
    pd.testing.assert_frame_equal(seen, planted)
    assert seen.to_numpy().sum() == 237
    # movement both ways: some rise, some fall back
    counts = seen.to_numpy()
    up = sum(counts[i, j] for i in range(4) for j in range(4) if j > i)
    down = sum(counts[i, j] for i in range(4) for j in range(4) if j < i)
    assert up > 50 and down > 5


def test_final_mix_is_the_planted_archetype(plan, found) -> None:
    assert (
        plan.cooperatives["arketipe"] == found["2026-10"].reindex(plan.classes.index)
    ).all()
    shares = found["2026-10"].value_counts(normalize=True)
    assert 0.30 <= shares[DORMANT] <= 0.38  # about a third still dormant
    assert 0.22 <= shares["administratif"] <= 0.30


def test_first_sales_month_in_the_data_is_the_planted_one(plan, dataset) -> None:
    lap = dataset["laporan_bulanan"]
    first = lap[lap["omzet"] > 0].groupby("koperasi_id")["bulan"].min()
    planted = plan.cooperatives["mulai_transaksi"].dropna()
    pd.testing.assert_series_equal(
        first.sort_index(), planted.sort_index(), check_names=False
    )


def test_training_effect_is_the_documented_one(plan) -> None:
    coops = plan.cooperatives.dropna(subset=["bulan_siap"])
    index = {m: i for i, m in enumerate(MONTHS)}

    def number(month: str) -> int:
        return int(pd.Period(month, freq="M").ordinal - pd.Period(MONTHS[0]).ordinal)

    for kid, row in coops.iterrows():
        trained = (
            None if pd.isna(row["bulan_pelatihan"]) else index[row["bulan_pelatihan"]]
        )
        expected = start_month(number(row["bulan_siap"]), trained)
        assert number(row["mulai_transaksi"]) == expected, kid
    # training brought many starts forward, none back
    moved = coops[coops["mulai_transaksi"] < coops["bulan_siap"]]
    assert len(moved) >= 50
    assert (coops["mulai_transaksi"] <= coops["bulan_siap"]).all()


def test_waves_cover_every_kecamatan_once(plan) -> None:
    kecamatan = [k for wave in TRAINING_WAVES for k in wave.kecamatan]
    assert len(kecamatan) == len(set(kecamatan)) == 20
    assert set(kecamatan) == set(plan.cooperatives["nama_kec"])
    first = TRAINING_WAVES[0]
    assert first.bulan == "2025-11"
    assert set(first.kecamatan) == {
        "Tenggarong",
        "Tenggarong Seberang",
        "Loa Kulu",
        "Sebulu",
        "Loa Janan",
    }
    months = [wave.bulan for wave in TRAINING_WAVES]
    assert months == sorted(months) and months[-1] <= "2026-10"


def test_activity_spreads_outward(plan, found) -> None:
    """Cooperatives of the first wave's kecamatan move earlier than the last two's."""
    wave = plan.cooperatives["gelombang"]
    moving = found.ne(DORMANT)
    early = moving[wave == 1].mean()
    late = moving[wave >= 6].mean()
    assert early["2026-01"] > 3 * late["2026-01"]
    assert early["2026-04"] > late["2026-04"]
    # the regency goes from a handful to most cooperatives over the year
    count = moving.sum()
    assert count["2025-11"] < count["2026-01"] < count["2026-04"] <= count["2026-10"]


def test_the_planted_slips_are_what_the_consistency_check_finds(sample_dataset):
    """The sample types two cooperatives' October turnover 40× too large; the
    "perlu dicek" check finds those two figures and nothing else."""
    from kmp_analysis.config import Config
    from kmp_analysis.consistency import implausible_values
    from kmp_analysis.sample import sample_plan

    slips = sample_plan(2025).slips
    assert len(slips) == 2
    flags = implausible_values(
        sample_dataset["laporan_bulanan"], "2026-10", Config().konsistensi
    )
    found = set(zip(flags["koperasi_id"], flags["bulan"], flags["kolom"], strict=True))
    planted = set(
        zip(slips["koperasi_id"], slips["bulan"], slips["kolom"], strict=True)
    )
    assert found == planted

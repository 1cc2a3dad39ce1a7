"""Effects of support (kmp_analysis.effects): outcomes, treatment months, and the
estimator against a truth planted in a small simulated panel."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kmp_analysis import effects
from kmp_analysis.config import EffectSettings
from kmp_analysis.indicators import month_number

FAST = EffectSettings(bootstrap=299, min_koperasi_diperlakukan=10)


def simulate(effect: float, seed: int, selection: float = 0.0) -> tuple:
    """A panel of 20 kecamatan × 10 cooperatives × 18 months (2025-06 …).

    Kecamatan are trained in staggered waves (four start months, four kecamatan
    never); participation = cooperative level + month shock + kecamatan-month shock
    + noise, plus ``effect`` from the treated month on. With ``selection`` the
    early waves go to kecamatan whose participation was already rising (slope
    ``selection`` per month), so the timing is tied to the trend.
    """
    rng = np.random.default_rng(seed)
    months = [str(p) for p in pd.period_range("2025-06", periods=18, freq="M")]
    waves = np.array(["2025-11", "2026-01", "2026-03", "2026-05", None])
    kec_wave = np.repeat(waves, 4)
    rng.shuffle(kec_wave)
    slope = np.zeros(20)
    if selection:
        order = {w: k for k, w in enumerate(waves)}
        rank = np.array([order[w] for w in kec_wave])
        slope = selection * (4 - rank) / 4  # earliest waves rise fastest
    rows, first = [], {}
    month_shock = rng.normal(0, 0.02, len(months))
    for k in range(20):
        kec_shock = rng.normal(0, 0.02, len(months))
        for c in range(10):
            kid = f"K{k:02d}{c}"
            level = rng.uniform(0.1, 0.4)
            g = kec_wave[k]
            if g is not None:
                first[kid] = g
            for t, month in enumerate(months):
                if rng.random() < 0.15:
                    continue  # a month not reported
                y = level + month_shock[t] + kec_shock[t] + slope[k] * t
                y += rng.normal(0, 0.04)
                if g is not None and month >= g:
                    y += effect
                rows.append((kid, f"64.02.{k:02d}", month, t, y))
    panel = pd.DataFrame(rows, columns=["koperasi_id", "kode_kec", "bulan", "t", "y"])
    panel["t"] = panel["bulan"].map(month_number)
    panel = panel.rename(columns={"y": "partisipasi"})
    return panel, pd.Series(first, dtype="string")


@pytest.mark.parametrize("seed", [1, 2])
def test_recovers_a_planted_effect(seed):
    panel, first = simulate(0.05, seed)
    found = effects.estimate(panel, first, "partisipasi", "pelatihan", FAST)
    assert found.estimated
    assert found.ci[0] < 0.05 < found.ci[1]
    assert found.ci[0] > 0
    assert abs(found.att - 0.05) < 0.02
    assert found.n_treated == 160 and found.n_control == 200 - 40
    assert found.n_clusters == 20
    # the cross-check estimates the same effect
    assert abs(found.cross_check["att"] - 0.05) < 0.02
    # after the effort the event study sits near 0.05, before it near 0
    before = [r["att"] for r in found.event_study if r["e"] < 0]
    after = [r["att"] for r in found.event_study if r["e"] >= 0]
    assert before and after
    assert abs(np.mean(before)) < 0.015 and abs(np.mean(after) - 0.05) < 0.02
    assert found.pre_trend_p > 0.05


@pytest.mark.parametrize("seed", [3, 5])
def test_finds_none_where_none_was_planted(seed):
    panel, first = simulate(0.0, seed)
    found = effects.estimate(panel, first, "partisipasi", "pelatihan", FAST)
    assert found.estimated
    assert found.ci[0] < 0 < found.ci[1]
    assert not found.conclusive


def test_the_pre_trend_check_sees_timing_tied_to_a_trend():
    panel, first = simulate(0.0, 5, selection=0.03)
    found = effects.estimate(panel, first, "partisipasi", "pelatihan", FAST)
    # the naive estimate "finds" an effect that is only the trend...
    assert found.att > 0.02
    # ...and the check of the months before the effort says so
    assert found.pre_trend_p < 0.01


def test_too_few_treated_cooperatives_is_said_not_estimated():
    panel, first = simulate(0.05, 1)
    few = first[first.index.str.startswith(("K00", "K01"))]  # 20 at most
    settings = EffectSettings(bootstrap=99, min_koperasi_diperlakukan=30)
    found = effects.estimate(panel, few, "partisipasi", "pelatihan", settings)
    assert found.status == effects.TOO_FEW
    assert found.att is None and found.to_dict()["status"] == "data_belum_cukup"


def test_same_seed_same_interval():
    panel, first = simulate(0.05, 1)
    one = effects.estimate(panel, first, "partisipasi", "pelatihan", FAST)
    two = effects.estimate(panel, first, "partisipasi", "pelatihan", FAST)
    assert one.to_dict() == two.to_dict()


def test_json_shape():
    panel, first = simulate(0.05, 2)
    found = effects.estimate(panel, first, "partisipasi", "pelatihan", FAST)
    data = found.to_dict()
    assert set(data) >= {"att", "ci", "pre_trend_p", "n_treated", "n_control"}
    assert len(data["ci"]) == 2 and data["ci"][0] < data["att"] < data["ci"][1]
    assert {"e", "att", "lo", "hi"} == set(data["event_study"][0])
    es = [row["e"] for row in data["event_study"]]
    assert es == sorted(es) and min(es) == -6 and max(es) <= 9


# --- treatment months ------------------------------------------------------------


def _pengurus():
    return pd.DataFrame(
        {
            "koperasi_id": ["A"] * 5 + ["B"] * 3,
            "id_orang": ["P1", "P2", "P3", "P4", "P5", "P1", "P2", "P3"],
            "peran": [
                *("ketua", "sekretaris", "bendahara", "pengurus_lain", "pengawas"),
                *("ketua", "sekretaris", "pengawas"),
            ],
        }
    )


def _training(rows):
    frame = pd.DataFrame(
        rows, columns=["koperasi_id", "id_orang", "jenjang", "tanggal_selesai", "lulus"]
    )
    frame["tanggal_selesai"] = pd.to_datetime(frame["tanggal_selesai"])
    return frame


def test_training_counts_from_the_month_after_the_ketua_passed():
    training = _training([("A", "P1", "dasar", "2025-11-20", True)])
    first = effects.adoption(
        {"pengurus": _pengurus(), "pelatihan": training}, "pelatihan"
    )
    assert first.to_dict() == {"A": "2025-12"}


def test_training_half_the_board_pengawas_not_counted():
    # A has 4 pengurus (the pengawas does not count): 2 must pass; the second
    # passes in February, so March is the first treated month
    training = _training(
        [
            ("A", "P2", "dasar", "2025-11-20", True),
            ("A", "P5", "dasar", "2025-11-20", True),  # pengawas
            ("A", "P3", "dasar", "2026-02-03", True),
            ("B", "P3", "dasar", "2025-11-20", True),  # B's pengawas only
        ]
    )
    first = effects.adoption(
        {"pengurus": _pengurus(), "pelatihan": training}, "pelatihan"
    )
    assert first.to_dict() == {"A": "2026-03"}


def test_training_failed_ignored_higher_tier_counts():
    training = _training(
        [
            ("A", "P1", "dasar", "2025-11-20", False),  # ketua did not pass
            ("B", "P1", "menengah", "2026-04-30", True),  # a higher tier counts
        ]
    )
    first = effects.adoption(
        {"pengurus": _pengurus(), "pelatihan": training}, "pelatihan"
    )
    assert first.to_dict() == {"B": "2026-05"}


def test_facilitation_and_financing_start_the_month_after_the_first_event():
    pendampingan = pd.DataFrame(
        {
            "koperasi_id": ["A", "A", "B"],
            "tanggal_mulai": pd.to_datetime(["2026-03-02", "2026-01-15", "2026-12-31"]),
        }
    )
    pembiayaan = pd.DataFrame(
        {"koperasi_id": ["B"], "tanggal_cair": pd.to_datetime(["2026-06-10"])}
    )
    tables = {"pendampingan": pendampingan, "pembiayaan": pembiayaan}
    assert effects.adoption(tables, "pendampingan").to_dict() == {
        "A": "2026-02",
        "B": "2027-01",
    }
    assert effects.adoption(tables, "pembiayaan").to_dict() == {"B": "2026-07"}


def test_outcomes_of_a_month():
    laporan = pd.DataFrame(
        {
            "koperasi_id": ["A", "A", "A"],
            "bulan": ["2026-01", "2026-02", "2026-03"],
            "anggota_terdaftar": [40.0, 40.0, np.nan],
            "anggota_aktif": [10.0, 0.0, 5.0],
            "omzet": [2_000_000.0, 0.0, 1_000.0],
        }
    )
    places = pd.DataFrame({"koperasi_id": ["A"], "kode_kec": ["64.02.01"]})
    panel = effects.outcome_panel(laporan, places)
    assert panel["partisipasi"].tolist()[:2] == [0.25, 0.0]
    assert np.isnan(panel["partisipasi"].iloc[2])
    assert panel["bulan_berusaha"].tolist() == [1.0, 0.0, 1.0]
    assert panel["omzet_per_anggota"].tolist()[:2] == [50_000.0, 0.0]
    assert panel["t"].diff().dropna().tolist() == [1, 1]


def test_estimates_are_kept_for_the_same_inputs_only(tmp_path, monkeypatch):
    monkeypatch.setattr(effects, "CACHE_DIR", tmp_path)
    monkeypatch.setattr(effects, "_ESTIMATED", {})
    laporan = pd.DataFrame(
        {
            "koperasi_id": ["A", "B"],
            "bulan": ["2026-01", "2026-01"],
            "anggota_terdaftar": [40.0, 50.0],
            "anggota_aktif": [10.0, 5.0],
            "omzet": [1e6, 0.0],
        }
    )
    pengurus = pd.DataFrame(
        {"koperasi_id": ["A"], "id_orang": ["P1"], "peran": ["ketua"]}
    )
    places = pd.DataFrame({"koperasi_id": ["A", "B"], "kode_kec": ["k1", "k2"]})
    tables = {"laporan_bulanan": laporan, "pengurus": pengurus}
    first = effects.effects_json(tables, places)
    assert first["pelatihan"]["partisipasi"]["status"] == "belum_ada_data"
    assert len(list(tmp_path.glob("*.json"))) == 1

    def no_estimating(*args, **kwargs):
        raise AssertionError("estimated again")

    monkeypatch.setattr(effects, "estimate_effects", no_estimating)
    monkeypatch.setattr(effects, "_ESTIMATED", {})  # a new process: from disk
    assert effects.effects_json(tables, places) == first
    changed = {**tables, "laporan_bulanan": laporan.assign(anggota_aktif=[11.0, 5.0])}
    with pytest.raises(AssertionError, match="estimated again"):
        effects.effects_json(changed, places)

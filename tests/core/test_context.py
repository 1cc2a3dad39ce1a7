"""Village context beside each cooperative (issue 12): columns, peers, lists."""

from __future__ import annotations

import pandas as pd

from kmp_analysis.evaluation import (
    classes_by_status,
    peer_medians,
    village_context_of,
)
from kmp_analysis.recommend import ask_why, bright_spots
from kmp_analysis.reference import CONTEXT_COLUMNS


def _coops() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "koperasi_id": ["A", "B", "C", "D", "E"],
            "kode_kec": ["64.02.01"] * 5,
            "kode_desa": ["1", "2", "3", "4", "5"],
            "kelas": ["tidak_bergerak", "administratif", "aktif", "berdampak", "aktif"],
            "status_idm": ["mandiri", "mandiri", "berkembang", "maju", "tidak_berlaku"],
            "konteks": ["mendukung", "biasa", "sulit", "sulit", "tidak_berlaku"],
            "partisipasi": [0.0, 0.1, 0.3, 0.5, 0.4],
            "omzet_per_anggota": [None, 1000.0, 3000.0, 5000.0, 2000.0],
            "kemandirian": [None, 0.5, 1.0, 1.5, 1.1],
        }
    )


def test_evaluation_carries_context_for_kukar(sample_evaluation):
    coops = sample_evaluation.cooperatives
    assert set(CONTEXT_COLUMNS) <= set(coops.columns)
    assert coops[list(CONTEXT_COLUMNS)].notna().all().all()
    kelurahan = coops["kode_desa"].str[9] == "1"  # 64.02.xx.1xxx
    assert (coops.loc[kelurahan, "status_idm"] == "tidak_berlaku").all()
    assert (coops.loc[~kelurahan, "status_idm"] != "tidak_berlaku").all()


def test_no_context_outside_kukar():
    assert village_context_of(pd.Series(["99.01.01.2001"])) is None
    assert village_context_of(pd.Series([], dtype=object)) is None


def test_peer_medians_by_hand():
    peers = peer_medians(_coops())
    assert list(peers.index) == ["mandiri", "maju", "berkembang", "tidak_berlaku"]
    assert peers.loc["mandiri", "partisipasi"] == 0.05
    assert (
        peers.loc["mandiri", "omzet_per_anggota"] == 1000.0
    )  # the missing one left out
    assert peers.loc["mandiri", "n"] == 2


def test_classes_by_status_by_hand():
    table = classes_by_status(_coops()).set_index("status_idm")
    assert table.loc["mandiri", "n_koperasi"] == 2
    assert table.loc["mandiri", "pangsa_tidak_bergerak"] == 0.5
    assert table.loc["tidak_berlaku", "n_aktif"] == 1


def test_ask_why_and_bright_spots_by_hand():
    assert ask_why(_coops())["koperasi_id"].tolist() == ["A"]  # B is not favourable
    assert bright_spots(_coops())["koperasi_id"].tolist() == ["D", "C"]  # E: kelurahan

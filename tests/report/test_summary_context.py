"""The regency summary's village context (issue 12): classes by IDM status, the
*perlu ditanya* and *titik terang* lists, the peer medians, and what a remoteness
weight does to the pendamping allocation."""

from __future__ import annotations

import dataclasses
import html
import json
import re

import numpy as np
import pandas as pd
import pytest

from kmp_analysis.classify import CLASSES
from kmp_analysis.config import Config
from kmp_analysis.evaluation import Evaluation
from kmp_analysis.reference import CONTEXT_COLUMNS
from kmp_analysis.report.summary import Summary
from kmp_analysis.report.summary_content import CONTEXT_LIST_CAP, SummaryContent

FAVOURABLE = {
    "status_idm": "mandiri",
    "bank_bpr": "ada",
    "fasilitas_kredit": "ada",
    "pasar_permanen": "ada",
    "jalan_roda_empat": "sepanjang_tahun",
    "waktu_ke_faskes": "paling_30",
    "konteks": "mendukung",
}
HARD = {
    "status_idm": "berkembang",
    "bank_bpr": "tidak_ada",
    "fasilitas_kredit": "tidak_ada",
    "pasar_permanen": "tidak_ada",
    "jalan_roda_empat": "musiman",
    "waktu_ke_faskes": "lebih_60",
    "konteks": "sulit",
}
KELURAHAN = dict.fromkeys(FAVOURABLE, "tidak_berlaku")


def coop(kid: str, kelas: str, context: dict, outcome: float, **extra) -> dict:
    return {
        "koperasi_id": kid,
        "kode_desa": f"64.02.01.{2000 + int(kid[1:]):04d}",
        "nama_desa": f"Desa {kid}",
        "kode_kec": "64.02.01",
        "nama_kec": "Samboja",
        "kelas": kelas,
        "indeks_outcome": outcome,
        "partisipasi": 0.1,
        "omzet_per_anggota": np.nan,  # a median of nothing: None in the JSON
        "kemandirian": 1.0,
        "perubahan_idm": "tetap",
        **context,
        **extra,
    }


def content(rows: list[dict], lang: str = "id") -> SummaryContent:
    frame = pd.DataFrame(rows)
    evaluation = Evaluation(
        cooperatives=frame,
        period="2026-10",
        config=Config(),
        synthetic=True,
        source="test",
    )
    return SummaryContent(evaluation, lang=lang)


@pytest.fixture(scope="module")
def hand() -> SummaryContent:
    """12 dormant or formal-only KMP in favourable desa (outcome 0.12 down to
    0.01), 2 active KMP in hard desa, 1 impactful in a kelurahan."""
    rows = [
        coop(f"K{i}", "administratif" if i % 3 else "tidak_bergerak", FAVOURABLE, i)
        for i in range(1, 13)
    ]
    rows += [
        coop("K13", "aktif", HARD, 0.4),
        coop("K14", "berdampak", {**HARD, "jalan_roda_empat": "sepanjang_tahun"}, 0.8),
        coop("K15", "berdampak", KELURAHAN, 0.9),
    ]
    return content(rows)


# ------------------------------------------------------------------ hand-made


def test_classes_by_status_count_every_cooperative_with_kelurahan_last(hand):
    table = hand.context_classes().set_index("status_idm")
    assert list(table.index) == ["mandiri", "berkembang", "tidak_berlaku"]
    assert table.loc["mandiri", "n_tidak_bergerak"] == 4  # K3, K6, K9, K12
    assert table.loc["mandiri", "n_administratif"] == 8
    assert table["n_koperasi"].tolist() == [12, 2, 1]
    shown = hand.context_table_frame()
    assert shown["status_desa"].tolist() == [
        "Mandiri",
        "Berkembang",
        "tidak berlaku (kelurahan)",
        "Jumlah",
    ]
    assert shown.iloc[0]["n_tidak_bergerak"] == "4 (33%)"
    assert shown.iloc[-1].to_dict() == {
        "status_desa": "Jumlah",
        "n_koperasi": "15",
        "n_tidak_bergerak": "4 (27%)",
        "n_administratif": "8 (53%)",
        "n_aktif": "1 (7%)",
        "n_berdampak": "2 (13%)",
    }


def test_ask_why_lists_dormant_first_lowest_outcome_first_and_is_capped(hand):
    asked = hand.ask_why()
    assert len(asked) == 12
    assert asked["koperasi_id"].tolist() == [
        *("K3", "K6", "K9", "K12"),  # Tidak bergerak, outcome 3, 6, 9, 12
        *("K1", "K2", "K4", "K5", "K7", "K8", "K10", "K11"),
    ]
    shown = hand.context_list_frame(asked)
    assert len(shown) == CONTEXT_LIST_CAP == 10
    assert list(shown.columns) == ["nama_desa", "nama_kec", "kelas", "fakta_desa"]
    assert shown["fakta_desa"].iloc[0] == (
        "Mandiri; ada bank/BPR; pasar permanen; jalan roda empat sepanjang tahun"
    )


def test_bright_spots_are_the_active_in_hard_desa_impactful_first(hand):
    spots = hand.bright_spots()
    assert spots["koperasi_id"].tolist() == ["K14", "K13"]  # K15: a kelurahan
    facts = [hand.context_facts(r) for _, r in spots.iterrows()]
    assert facts == [
        "Berkembang; tanpa bank/BPR maupun fasilitas kredit; waktu tempuh ke "
        "fasilitas kesehatan > 60 menit",
        "Berkembang; tanpa bank/BPR maupun fasilitas kredit; jalan roda empat "
        "kecuali saat tertentu; waktu tempuh ke fasilitas kesehatan > 60 menit",
    ]


def test_facts_say_which_of_bank_and_credit_there_is_in_english():
    credit_only = {**FAVOURABLE, "bank_bpr": "tidak_ada"}
    c = content([coop("K1", "tidak_bergerak", credit_only, 0.1)], lang="en")
    assert c.context_facts(c.cooperatives.iloc[0]) == (
        "Independent (Mandiri); credit available; a permanent market; four-wheel "
        "road all year"
    )


def test_context_sentences_say_context_not_cause(hand):
    shares, caveat = hand.context_sentences()
    assert "Mandiri 0% (0 dari 12)" in shares
    assert "Berkembang 100% (2 dari 2)" in shares
    assert "kelurahan (tanpa IDM) 100% (1 dari 1)" in shares
    assert "konteks, bukan sebab" in caveat


def test_context_json_has_both_lists_in_full_and_native_values(hand):
    said = hand.context_json()
    assert set(said) == {
        "sumber",
        "kelas_per_status",
        "perlu_ditanya",
        "titik_terang",
        "median_sejawat",
    }
    assert said["perlu_ditanya"]["n"] == 12
    assert len(said["perlu_ditanya"]["koperasi"]) == 12  # not capped
    first = said["perlu_ditanya"]["koperasi"][0]
    assert first["koperasi_id"] == "K3"
    assert first["kode_desa"] == "64.02.01.2003"
    assert first["kelas"] == "tidak_bergerak"
    assert first["konteks"]["status_idm"] == "mandiri"
    assert first["konteks"]["jalan_roda_empat"] == "sepanjang_tahun"
    assert [e["koperasi_id"] for e in said["titik_terang"]["koperasi"]] == [
        "K14",
        "K13",
    ]
    mandiri = said["kelas_per_status"][0]
    assert mandiri["status_idm"] == "mandiri"
    assert mandiri["kelas"]["administratif"] == 8
    assert mandiri["pangsa"]["tidak_bergerak"] == pytest.approx(1 / 3, abs=1e-6)
    peers = {p["status_idm"]: p for p in said["median_sejawat"]}
    assert peers["mandiri"]["n"] == 12
    assert peers["mandiri"]["omzet_per_anggota"] is None
    assert peers["berkembang"]["kemandirian"] == 1.0
    json.dumps(said, allow_nan=False)


def test_no_context_columns_no_context():
    rows = [coop("K1", "aktif", {}, 0.5)]
    c = content(rows)
    assert not c.has_context
    assert c.context_classes().empty
    assert c.ask_why().empty and c.bright_spots().empty
    assert c.context_json() is None
    assert c.context_sentences() == []


# ------------------------------------------------------------------ the sample


@pytest.fixture(scope="module")
def summary(sample_evaluation) -> Summary:
    return Summary(sample_evaluation)


def weighted(evaluation: Evaluation, w: float) -> Evaluation:
    return dataclasses.replace(
        evaluation, config=evaluation.config.with_overrides(bobot_terpencil=w)
    )


def test_sample_classes_by_status_add_up_to_237_with_a_kelurahan_row(summary):
    table = summary.context_classes().set_index("status_idm")
    assert table["n_koperasi"].sum() == 237
    assert sum(table[f"n_{c}"].sum() for c in CLASSES) == 237
    assert table.index[-1] == "tidak_berlaku"
    coops = summary.cooperatives
    assert (
        table.loc["tidak_berlaku", "n_koperasi"]
        == (coops["status_idm"] == "tidak_berlaku").sum()
    )
    assert summary.context_table_frame()["status_desa"].iloc[-2:].tolist() == [
        "tidak berlaku (kelurahan)",
        "Jumlah",
    ]


def test_sample_section_shows_capped_lists_with_their_totals(summary):
    out = summary.village_context().data
    asked, spots = summary.ask_why(), summary.bright_spots()
    assert len(asked) > CONTEXT_LIST_CAP and len(spots) > CONTEXT_LIST_CAP
    assert "<h2>Konteks desa (Indeks Desa Membangun 2024)</h2>" in out
    assert f"<h3>Perlu ditanya: {len(asked)} KMP</h3>" in out
    assert f"<h3>Titik terang: {len(spots)} KMP</h3>" in out
    assert f"… dan {len(asked) - CONTEXT_LIST_CAP} KMP lainnya" in out
    assert f"… dan {len(spots) - CONTEXT_LIST_CAP} KMP lainnya" in out
    assert "Ini konteks, bukan sebab" in out
    assert "<th>Median partisipasi anggota</th>" in out
    assert "<td>Semua KMP</td>" in out
    # three tables of the lists' and the classes', one of the peers
    assert out.count("<table") == 4
    # every list row is a cooperative of its list
    names = set(re.findall(r"<tr>\s*<td>([^<]+)</td>", out))
    assert set(asked["nama_desa"].head(CONTEXT_LIST_CAP)) <= {
        html.unescape(n) for n in names
    }


def test_sample_json_carries_the_village_context(summary):
    said = summary.to_json()["konteks_desa"]
    assert sum(r["n_koperasi"] for r in said["kelas_per_status"]) == 237
    assert said["kelas_per_status"][-1]["status_idm"] == "tidak_berlaku"
    assert said["perlu_ditanya"]["n"] == len(said["perlu_ditanya"]["koperasi"])
    assert said["titik_terang"]["n"] == len(summary.bright_spots())
    assert [p["status_idm"] for p in said["median_sejawat"]][-1] == "tidak_berlaku"
    json.dumps(said, allow_nan=False)


def test_data_without_village_context_says_so(sample_evaluation):
    coops = sample_evaluation.cooperatives.drop(columns=list(CONTEXT_COLUMNS))
    plain = Summary(
        weighted(dataclasses.replace(sample_evaluation, cooperatives=coops), 1.0)
    )
    out = plain.village_context().data
    assert "tidak memuat konteks desa" in out and "<table" not in out
    said = plain.to_json()
    assert said["konteks_desa"] is None
    assert said["pendamping"]["perubahan_bobot_terpencil"] == []
    assert (
        said["pendamping"]["alokasi"]
        == said["pendamping"]["alokasi_tanpa_bobot_terpencil"]
    )
    assert "Bobot keterpencilan 1 tidak berpengaruh" in plain.pendamping().data


def test_a_dataset_with_its_own_geography_gets_a_summary(tmp_path):
    """The national synthetic data at a tiny size: no village context, no crash."""
    from kmp_analysis.evaluation import evaluate
    from kmp_analysis.io import read_dataset
    from kmp_analysis.sample.nasional import write_national

    write_national(tmp_path, seed=3, n_kecamatan=3, n_koperasi=24)
    evaluation = evaluate(read_dataset(tmp_path), history=False)
    assert "status_idm" not in evaluation.cooperatives
    s = Summary(weighted(evaluation, 0.5))
    assert "tidak memuat konteks desa" in s.village_context().data
    s.pendamping()
    json.dumps(s.to_json(), allow_nan=False)


# ------------------------------------------------------- pendamping: remoteness


def test_weight_zero_says_nothing_about_remoteness(summary):
    assert summary.remote_weight == 0.0
    assert summary.remoteness_sentences() == []
    assert summary.remoteness_changes().empty
    frame = summary.pendamping_frame()
    assert "terpencil" not in frame and "pendamping_tanpa_bobot" not in frame
    said = summary.to_json()["pendamping"]
    assert said["bobot_terpencil"] == 0.0
    assert said["alokasi"] == said["alokasi_tanpa_bobot_terpencil"]
    assert sum(said["alokasi"].values()) == 40


def test_weight_one_on_the_sample_moves_facilitators_and_says_which(
    sample_evaluation,
):
    s = Summary(weighted(sample_evaluation, 1.0))
    changes = s.remoteness_changes()
    assert changes["selisih"].sum() == 0  # K stays 40
    gain = changes[changes["selisih"] > 0]
    lose = changes[changes["selisih"] < 0]
    assert len(gain) and len(lose)
    note, moved = s.remoteness_sentences()
    assert note.startswith("Bobot keterpencilan 1 (rekomendasi.bobot_terpencil): ")
    assert "dihitung ×2" in note
    for r in gain.itertuples():
        assert f"{r.nama_kec} +{r.selisih}" in moved
    for r in lose.itertuples():
        assert f"{r.nama_kec} −{-r.selisih}" in moved  # a minus sign
    assert f"{int(gain['selisih'].sum())} pendamping berpindah" in moved
    frame = s.pendamping_frame()
    assert list(frame.columns)[-2:] == ["pendamping_tanpa_bobot", "pendamping"]
    assert frame["pendamping"].iloc[-1] == frame["pendamping_tanpa_bobot"].iloc[-1]
    out = s.pendamping().data
    assert html.escape(moved) in out
    assert "<th>Pendamping tanpa bobot terpencil</th>" in out
    said = s.to_json()["pendamping"]
    assert said["bobot_terpencil"] == 1.0
    assert said["alokasi"] != said["alokasi_tanpa_bobot_terpencil"]
    assert {c["kode_kec"] for c in said["perubahan_bobot_terpencil"]} == set(
        changes["kode_kec"]
    )
    for c in said["perubahan_bobot_terpencil"]:
        assert said["alokasi"][c["kode_kec"]] == c["dengan_bobot"]
        assert said["alokasi_tanpa_bobot_terpencil"][c["kode_kec"]] == c["tanpa_bobot"]
    english = Summary(weighted(sample_evaluation, 1.0), lang="en")
    assert "facilitators move" in english.remoteness_sentences()[1]

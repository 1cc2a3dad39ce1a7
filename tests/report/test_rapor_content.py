"""What a cooperative's report card says (issue 13, first piece: its content)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kmp_analysis.classify import CLASSES, criteria
from kmp_analysis.recommend import NEXT_CLASS
from kmp_analysis.report.rapor_content import RaporContent, describe_step

SATUAN = {
    "bulan",
    "anggota",
    "unit",
    "rupiah_per_bulan",
    "manfaat",
    "rupiah",
    "laporan",
    "pengurus",
}


def test_every_sample_card_is_consistent_and_json(sample_evaluation):
    hist, period = sample_evaluation.history, sample_evaluation.period
    since = hist.previous(period)
    for kid in sample_evaluation.cooperatives["koperasi_id"]:
        card = RaporContent(sample_evaluation, kid)
        data = json.loads(json.dumps(card.to_json(), allow_nan=False))
        assert data["kelas"] in CLASSES
        assert data["kelas_berikutnya"] == NEXT_CLASS.get(data["kelas"])
        assert data["kelas_sebelumnya"] == hist.kelas_at(since)[kid]
        assert (
            data["jejak_kelas"][-1] == data["kelas"] and len(data["jejak_kelas"]) == 12
        )
        assert {s["satuan"] for s in data["langkah"]} <= SATUAN
        if data["kelas"] == "berdampak":
            assert any(s.get("pertahankan") for s in data["langkah"])
        else:
            assert data["langkah"], kid


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_step_reads_as_a_sentence(sample_evaluation, lang):
    seen = set()
    for kid in sample_evaluation.cooperatives["koperasi_id"]:
        for step in RaporContent(sample_evaluation, kid).steps():
            sentence = describe_step(step, lang)
            assert sentence and "{" not in sentence
            seen.add(step["kriteria"])
    # the sample exercises every kind of step but arrears
    assert {
        "bulan_transaksi_r",
        "bulan_transaksi",
        "partisipasi",
        "unit_beroperasi",
        "kemandirian",
        "manfaat",
        "laporan_terakhir",
    } <= seen


def test_indicators_show_the_next_class_threshold(sample_evaluation):
    coops = sample_evaluation.cooperatives
    kid = coops.loc[coops["kelas"].astype(str) == "administratif", "koperasi_id"].iloc[
        0
    ]
    table = RaporContent(sample_evaluation, kid).indicators().set_index("indikator")
    wanted = {
        c.indicator: c.threshold
        for c in criteria(sample_evaluation.config.thresholds)["aktif"]
    }
    for name, threshold in wanted.items():
        assert table.loc[name, "ambang_berikutnya"] == threshold
    assert pd.isna(table.loc["kemandirian", "ambang_berikutnya"])
    own = coops[
        coops["kode_kec"] == coops.loc[coops["koperasi_id"] == kid, "kode_kec"].iloc[0]
    ]
    assert table.loc["partisipasi", "median_kecamatan"] == own["partisipasi"].median()


def test_the_change_is_against_six_months_earlier(sample_evaluation):
    hist, period = sample_evaluation.history, sample_evaluation.period
    since = hist.previous(period)
    coops = sample_evaluation.cooperatives
    kid = coops.loc[coops["kelas"].astype(str) == "aktif", "koperasi_id"].iloc[0]
    table = RaporContent(sample_evaluation, kid).indicators().set_index("indikator")
    panel = hist.panel
    then = panel[(panel["koperasi_id"] == kid) & (panel["periode"] == since)].iloc[0]
    now = coops[coops["koperasi_id"] == kid].iloc[0]
    assert (
        table.loc["bulan_transaksi", "perubahan"]
        == now["bulan_transaksi"] - then["bulan_transaksi"]
    )


def test_an_unknown_cooperative_is_refused(sample_evaluation):
    from kmp_analysis.errors import UsageError

    with pytest.raises(UsageError) as caught:
        RaporContent(sample_evaluation, "KMP-TIDAK-ADA")
    assert "KMP-TIDAK-ADA" in str(caught.value) and caught.value.exit_code == 2


def test_the_brief_table_and_json_say_the_cards_steps(sample_evaluation):
    """One function for the steps: the card, its rapor.json, the brief's table (the
    easiest step, and how many more) and brief.json agree, cooperative by
    cooperative (Muara Muntai: every class)."""
    from kmp_analysis.report.brief_content import BriefContent

    brief = BriefContent(sample_evaluation, "64.02.01")
    table = brief.table_frame()
    entries = {e["koperasi_id"]: e for e in brief.to_json()["koperasi"]}
    assert len(table) == len(entries) == 13
    for kid, entry in entries.items():
        card = RaporContent(sample_evaluation, kid)
        assert entry["langkah"] == card.to_json()["langkah"]
    ordered = brief.cooperatives.sort_values(["kelas", "nama_desa"], kind="stable")
    for shown, kid in zip(
        table["langkah_berikut"], ordered["koperasi_id"], strict=True
    ):
        sentences = RaporContent(sample_evaluation, kid).step_sentences()
        assert shown.startswith(sentences[0])
        more = len(sentences) - 1
        assert shown.endswith(f"(+{more} langkah lagi di rapor)") == (more > 0)

"""The brief's "Dukungan yang sudah diterima" (issue 15): it describes the support
received (training by tier, who is due next, pendamping, financing), says "belum ada
data …" for a table not given, and its figures are in brief.json."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import pytest

from kmp_analysis.evaluation import Evaluation
from kmp_analysis.report.brief import Brief
from kmp_analysis.schema import empty_table
from kmp_analysis.support import SUPPORT_TABLES

TENGGARONG = "64.02.06"


def without(evaluation: Evaluation, *names: str, empty: bool = False) -> Evaluation:
    """``evaluation`` with the optional tables ``names`` left out (or empty)."""
    tables = dict(evaluation.tables)
    for name in names:
        if empty:
            tables[name] = empty_table(name)
        else:
            tables.pop(name)
    return dataclasses.replace(evaluation, tables=tables)


def test_the_training_sentence_counts_the_kecamatans_pengurus(sample_evaluation):
    brief = Brief(sample_evaluation, TENGGARONG)
    own = brief.cooperatives["koperasi_id"]
    people = sample_evaluation.tables["pengurus"]
    tiers = people[people["koperasi_id"].isin(own)]["jenjang_pelatihan"]
    counts = tiers.astype(str).value_counts()
    trained = len(tiers) - counts.get("belum", 0)
    first = brief.support_sentences()[0]
    assert first.startswith(f"{trained} dari {len(tiers)} pengurus dan pengawas")
    for tier in ("dasar", "menengah", "lanjut"):
        assert f"{tier} {counts.get(tier, 0)} (" in first
    data = brief.to_json()["dukungan"]
    assert data["pengurus"] == len(tiers) and data["terlatih"] == trained
    assert data["jenjang"] == {
        t: int(counts.get(t, 0)) for t in ("belum", "dasar", "menengah", "lanjut")
    }


def test_who_is_due_next_is_the_training_plan(sample_evaluation):
    brief = Brief(sample_evaluation, TENGGARONG)
    plan = brief.training_plan.set_index("jenjang")["peserta"].to_dict()
    assert brief.to_json()["dukungan"]["berikutnya"] == {
        t: int(plan.get(t, 0)) for t in ("dasar", "menengah", "lanjut")
    }
    (line,) = [s for s in brief.support_sentences() if "Jenjang berikutnya" in s]
    assert f"{plan['dasar']} orang ke dasar" in line
    assert "Pelatihan berjenjang" in line  # points at the plan, does not repeat it


def test_pendamping_and_financing_follow_the_tables(sample_evaluation):
    brief = Brief(sample_evaluation, TENGGARONG)
    own = set(brief.cooperatives["koperasi_id"])
    end = pd.Timestamp("2026-10-31")
    pd_rows = sample_evaluation.tables["pendampingan"]
    now = pd_rows[
        pd_rows["koperasi_id"].isin(own)
        & (pd_rows["tanggal_mulai"] <= end)
        & (pd_rows["tanggal_selesai"].isna() | (pd_rows["tanggal_selesai"] > end))
    ]
    financed = sample_evaluation.tables["pembiayaan"]
    financed = financed[
        financed["koperasi_id"].isin(own) & (financed["tanggal_cair"] <= end)
    ]
    data = brief.to_json()["dukungan"]
    assert data["didampingi"] == now["koperasi_id"].nunique() > 0
    assert data["dibiayai"] == financed["koperasi_id"].nunique()
    assert data["jumlah_pembiayaan"] == financed["jumlah"].sum()
    n = len(own)
    sentences = brief.support_sentences()
    assert any(
        s.startswith(f"{data['didampingi']} dari {n} KMP didampingi") for s in sentences
    )
    frame = brief.support_frame()
    assert frame["pendamping_sekarang"].notna().sum() == data["didampingi"]
    assert (frame["pembiayaan_cair"] != "–").sum() == data["dibiayai"]
    assert list(frame["nama_desa"]) == list(brief.table_frame()["nama_desa"])


@pytest.mark.parametrize("empty", [False, True], ids=["absent", "empty"])
def test_without_the_optional_tables_it_says_belum_ada_data(sample_evaluation, empty):
    ev = without(sample_evaluation, *SUPPORT_TABLES, empty=empty)
    brief = Brief(ev, TENGGARONG)
    sentences = brief.support_sentences()
    for name in SUPPORT_TABLES:
        assert any(f"Belum ada data {name}" in s for s in sentences), name
    assert sentences[0].startswith(
        Brief(sample_evaluation, TENGGARONG).support_sentences()[0][:20]
    )  # the tiers come from the pengurus table all the same
    assert list(brief.support_frame().columns) == ["nama_desa", "terlatih_dari"]
    data = json.loads(json.dumps(brief.to_json(), allow_nan=False))["dukungan"]
    assert data["ada_data"] == dict.fromkeys(SUPPORT_TABLES, False)
    assert data["didampingi"] is None and data["dibiayai"] is None
    english = Brief(ev, TENGGARONG, lang="en").support_sentences()
    assert any("No facilitation (pendampingan) data yet." in s for s in english)
    assert "Belum ada data pendampingan." in Brief(ev, TENGGARONG).support().data


def test_an_evaluation_saved_before_the_optional_tables_still_loads(
    sample_evaluation, tmp_path
):
    full = Evaluation.load(sample_evaluation.save(tmp_path / "baru"))
    for name in SUPPORT_TABLES:  # a saved evaluation carries them to the kernels
        assert len(full.tables[name]) == len(sample_evaluation.tables[name]) > 0
    assert (
        Brief(full, TENGGARONG).support_sentences()
        == Brief(sample_evaluation, TENGGARONG).support_sentences()
    )
    old = sample_evaluation.save(tmp_path / "lama")
    for name in SUPPORT_TABLES:
        (old / f"masukan_{name}.parquet").unlink()
    loaded = Evaluation.load(old)
    assert not set(SUPPORT_TABLES) & set(loaded.tables)
    text = Brief(loaded, TENGGARONG).support().data
    assert "Belum ada data pendampingan." in text
    assert "Belum ada data pembiayaan." in text


def test_a_brief_is_rebuilt_when_its_own_pendampingan_changes(sample_evaluation):
    tables = dict(sample_evaluation.tables)
    rows = tables["pendampingan"]
    coops = sample_evaluation.cooperatives.set_index("koperasi_id")["kode_kec"]
    kec = rows["koperasi_id"].map(coops)
    first_own = rows.index[kec == TENGGARONG][0]
    changed = rows.copy()
    changed.loc[first_own, "pendamping_id"] = "PD-BARU"
    tables["pendampingan"] = changed
    ev = dataclasses.replace(sample_evaluation, tables=tables)
    before = Brief(sample_evaluation, TENGGARONG).fingerprint()
    assert Brief(ev, TENGGARONG).fingerprint() != before
    # another kecamatan's brief does not see it
    other = kec[kec != TENGGARONG].iloc[0]
    assert (
        Brief(ev, other).fingerprint() == Brief(sample_evaluation, other).fingerprint()
    )

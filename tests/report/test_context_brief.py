"""The village context in the kecamatan brief (issue 12)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kmp_analysis.evaluation import peer_medians
from kmp_analysis.report.brief_content import BriefContent
from kmp_analysis.report.workbook import workbook_tables


def _dormant_by_context(brief: BriefContent) -> pd.Series:
    coops = brief.cooperatives
    dormant = coops[coops["kelas"].astype(str) == "tidak_bergerak"]
    return dormant["konteks"].value_counts()


@pytest.mark.parametrize("kode_kec", ["64.02.01", "64.02.12", "64.02.15", "64.02.06"])
def test_context_sentence_follows_the_data(sample_evaluation, kode_kec):
    brief = BriefContent(sample_evaluation, kode_kec)
    sentence = brief.context_sentence()
    counts = _dormant_by_context(brief)
    n = int(counts.sum())
    if (brief.cooperatives["konteks"] == "tidak_berlaku").all():
        assert "kelurahan" in sentence
    elif counts.get("mendukung", 0):
        assert sentence.startswith(f"{counts['mendukung']} dari {n} KMP tidak bergerak")
        assert "perlu ditanya mengapa" in sentence
    elif counts.get("sulit", 0):
        assert sentence.startswith(f"{counts['sulit']} dari {n} KMP tidak bergerak")
        assert "pendamping" in sentence
    assert (
        "konteks, bukan sebab" in sentence
        or "kelurahan" in sentence
        or ("titik terang" in sentence or "Tidak ada" in sentence)
    )


def test_peer_frame_quotes_the_median_of_the_same_status(sample_evaluation):
    brief = BriefContent(sample_evaluation, "64.02.01")
    frame = brief.peer_frame()
    peers = peer_medians(sample_evaluation.cooperatives)
    assert len(frame) == len(brief.cooperatives)
    for row in frame.itertuples():
        median = peers.at[row.status_idm, "partisipasi"]
        assert row.partisipasi.endswith(f"(median {100 * median:.0f}%)")


def test_brief_table_and_json_carry_the_context(sample_evaluation):
    brief = BriefContent(sample_evaluation, "64.02.01")
    assert "status_idm" in brief.table_frame()
    data = json.loads(json.dumps(brief.to_json(), allow_nan=False))
    first = data["koperasi"][0]
    assert {"status_idm", "konteks", "bank_bpr", "jalan_roda_empat"} <= set(first)
    assert data["konteks_desa"]["kalimat"] == brief.context_sentence()
    assert set(data["konteks_desa"]["median_sejawat"]) >= {"mandiri", "maju"}


def test_evaluate_workbook_has_a_context_sheet(sample_evaluation):
    sheet = workbook_tables(sample_evaluation)["konteks_desa"]
    assert sheet["n_koperasi"].sum() == 237
    assert sheet["status_idm"].tolist()[-1] == "tidak_berlaku"


def test_the_peer_medians_are_in_the_brief_key(sample_evaluation):
    """The brief quotes regency medians: they are part of its cache key."""
    brief = BriefContent(sample_evaluation, "64.02.01")
    assert "sejawat" in brief.regency_quotes()

"""The kecamatan brief (DESIGN §8): every section present and fed by the data."""

from __future__ import annotations

import copy
import html
import re

import pandas as pd
import pytest

from kmp_analysis.evaluation import headline
from kmp_analysis.i18n import COLUMNS, LABELS
from kmp_analysis.report.brief import Brief

SECTIONS = (
    "header",
    "summary",
    "quality_box",
    "map",
    "quadrant",
    "table",
    "recommendations",
    "training",
    "bumdes",
    "provenance",
)


@pytest.fixture(scope="module")
def evaluation(sample_evaluation):
    return sample_evaluation


def page(brief: Brief) -> str:
    return "\n".join(getattr(brief, name)().data for name in SECTIONS)


def visible_text(markup: str) -> str:
    markup = re.sub(r"<style.*?</style>", " ", markup, flags=re.S)
    markup = re.sub(r'src="data:[^"]*"', "", markup)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_every_section_is_present(evaluation):
    text = page(Brief(evaluation, "64.02.06"))
    for heading in (
        "Brief evaluasi KMP — Kecamatan Tenggarong",
        "Ringkasan",
        "Kualitas data",
        "Peta",
        "Output dan outcome",
        "Daftar koperasi",
        "Didukung (Aktif dan Berdampak)",
        "Dievaluasi (Tidak bergerak, lalu Administratif)",
        "Pelatihan berjenjang",
        "Sinkronisasi BUMDes",
        "Metode dan sumber",
        "DATA SINTETIS",
    ):
        assert heading in text, heading
    assert text.count("data:image/png;base64") == 2  # map and quadrant
    assert 'alt="Peta desa/kelurahan di Kecamatan Tenggarong' in text


def test_three_to_five_sentences_each_with_the_regency_value(evaluation):
    sentences = Brief(evaluation, "64.02.12").sentences()
    assert 3 <= len(sentences) <= 5
    regency = headline(evaluation.cooperatives, evaluation.period)
    assert "kabupaten 35%" in sentences[0]  # 83 of 237 active or impactful
    assert regency["aktif_atau_berdampak"] == 83


def test_sentences_follow_the_data(evaluation):
    before = Brief(evaluation, "64.02.06").sentences()
    changed = copy.copy(evaluation)
    coops = evaluation.cooperatives.copy()
    mine = coops["kode_kec"] == "64.02.06"
    coops.loc[mine, "kelas"] = "tidak_bergerak"
    changed.cooperatives = coops
    after = Brief(changed, "64.02.06").sentences()
    n = int(mine.sum())
    assert after != before
    assert after[1].startswith(f"{n} KMP (100%) tidak bergerak")
    assert before[1].startswith("1 KMP (7%) tidak bergerak")


def test_quality_box_rates_coverage_and_staleness(evaluation):
    brief = Brief(evaluation, "64.02.12")  # Tabang: 4 of 19 reported for 2026-10
    ratings = {r["aspek"]: r for r in brief.quality()}
    assert ratings["cakupan_laporan"]["n"] == 4
    assert ratings["cakupan_laporan"]["warna"] == "merah"  # 21% < 50%
    assert ratings["data_sintetis"]["warna"] == "merah"
    changed = copy.copy(evaluation)
    coops = evaluation.cooperatives.copy()
    coops["laporan_terakhir"] = evaluation.period
    changed.cooperatives = coops
    changed.synthetic = False
    better = {r["aspek"]: r["warna"] for r in Brief(changed, "64.02.12").quality()}
    assert better == {
        "cakupan_laporan": "hijau",
        "laporan_basi": "hijau",
        "data_sintetis": "hijau",
    }
    box = Brief(changed, "64.02.12").quality_box().data
    assert "Kualitas data — baik" in box


def test_recommendation_sections_follow_the_data(evaluation):
    brief = Brief(evaluation, "64.02.06")
    coops = brief.cooperatives
    supported = set(coops.loc[coops["kelas"].isin(["aktif", "berdampak"]), "nama_desa"])
    markup = brief.recommendations().data
    for village in supported:
        assert html.escape(village) in markup
    said = brief.to_json()
    assert len(said["didukung"]) == len(supported)
    assert len(said["dievaluasi"]) == len(coops) - len(supported)
    assert sum(said["pelatihan"].values()) == int(brief.training_plan["peserta"].sum())


def test_names_from_the_data_are_escaped(evaluation):
    changed = copy.copy(evaluation)
    coops = evaluation.cooperatives.copy()
    first = coops.index[coops["kode_kec"] == "64.02.12"][0]
    coops.loc[first, "nama_desa"] = "<script>alert(1)</script>"
    coops.loc[first, "nama_koperasi"] = '<img src=x onerror="alert(2)">'
    changed.cooperatives = coops
    markup = page(Brief(changed, "64.02.12"))
    assert "<script>alert" not in markup
    assert "<img src=x" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup


def _label_texts(lang: str) -> set[str]:
    """Label texts of ``lang`` that differ in the other language (single letters,
    the class strip's, are letters of both alphabets and say nothing alone)."""
    other = "en" if lang == "id" else "id"
    texts = set()
    for table in (LABELS, COLUMNS):
        for entry in table.values():
            if (
                entry[lang] != entry[other]
                and "{" not in entry[lang]
                and len(entry[lang]) > 1
            ):
                texts.add(entry[lang])
    return texts


def _without_data(text: str, evaluation) -> str:
    names = pd.concat(
        [
            evaluation.cooperatives[c].astype(str)
            for c in ("nama_desa", "nama_koperasi", "nama_kec")
        ]
        + [evaluation.tables["bumdes"][c].astype(str) for c in ("nama_bumdes",)]
        + [evaluation.tables["bumdes"]["unit_usaha"].dropna().astype(str)]
    )
    for name in sorted(set(names), key=len, reverse=True):
        text = text.replace(name, " ")
    return text


@pytest.mark.parametrize(("lang", "other"), [("en", "id"), ("id", "en")])
def test_a_brief_holds_no_label_of_the_other_language(evaluation, lang, other):
    brief = Brief(evaluation, "64.02.06", lang=lang)
    text = _without_data(visible_text(page(brief)), evaluation)
    found = [
        t
        for t in _label_texts(other)
        if re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", text)
    ]
    assert found == []

"""The kecamatan brief (DESIGN §8): every section present and fed by the data."""

from __future__ import annotations

import copy
import html
import re

import pandas as pd
import pytest

from kmp_analysis.consistency import no_flags
from kmp_analysis.evaluation import evaluate, headline
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
    "support",
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
        "Dukungan yang sudah diterima",
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
    assert "kabupaten 40%" in sentences[0]  # 94 of 237 active or impactful
    assert regency["aktif_atau_berdampak"] == 94


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
    brief = Brief(evaluation, "64.02.12")  # Tabang: 7 of 19 reported for 2026-10
    ratings = {r["aspek"]: r for r in brief.quality()}
    assert ratings["cakupan_laporan"]["n"] == 7
    assert ratings["cakupan_laporan"]["warna"] == "merah"  # 37% < 50%
    assert ratings["data_sintetis"]["warna"] == "merah"
    changed = copy.copy(evaluation)
    coops = evaluation.cooperatives.copy()
    coops["laporan_terakhir"] = evaluation.period
    changed.cooperatives = coops
    changed.synthetic = False
    changed._memo = {"perlu_dicek.parquet": no_flags()}  # nothing to check
    better = {r["aspek"]: r["warna"] for r in Brief(changed, "64.02.12").quality()}
    assert better == {
        "cakupan_laporan": "hijau",
        "laporan_basi": "hijau",
        "data_sintetis": "hijau",
        "perlu_dicek": "hijau",
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
    the class strip's, are letters of both alphabets and say nothing alone; an
    official term the other language quotes, "Independent (Mandiri)", is both)."""
    other = "en" if lang == "id" else "id"
    texts = set()
    for table in (LABELS, COLUMNS):
        for entry in table.values():
            if (
                entry[lang] != entry[other]
                and "{" not in entry[lang]
                and len(entry[lang]) > 1
                and entry[lang] not in entry[other]  # a term both quote (Mandiri)
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


# ------------------------------------------------- figures to check (issue 11)

TENGGARONG = "64.02.06"


@pytest.fixture(scope="module")
def spiked(sample_dataset):
    """The sample with one Tenggarong cooperative's savings steady at 10 million a
    month and then, in its latest month, 400 million (40 x): the savings feed no
    indicator, so only the figures to check differ from the sample's evaluation."""
    lap = sample_dataset["laporan_bulanan"].copy()
    coops = sample_dataset["koperasi"]
    own = coops.loc[coops["kode_desa"].str.startswith(TENGGARONG), "koperasi_id"]
    counts = lap[lap["koperasi_id"].isin(own)].groupby("koperasi_id").size()
    kop = counts.idxmax()
    rows = lap.index[lap["koperasi_id"] == kop]
    latest = lap.loc[rows, "bulan"].idxmax()
    lap.loc[rows, "simpanan_anggota"] = 10_000_000
    lap.loc[latest, "simpanan_anggota"] = 400_000_000
    dataset = copy.copy(sample_dataset)
    dataset.tables = {**sample_dataset.tables, "laporan_bulanan": lap}
    return kop, lap.loc[latest, "bulan"], evaluate(dataset)


def test_the_quality_box_lists_the_figures_to_check(spiked):
    kop, month, ev = spiked
    brief = Brief(ev, TENGGARONG)
    flag = brief.perlu_dicek[brief.perlu_dicek["koperasi_id"] == kop]
    assert flag[["kolom", "bulan", "nilai", "acuan", "rasio"]].values.tolist() == [
        ["simpanan_anggota", month, 400_000_000, 10_000_000.0, 40.0]
    ]
    village = flag["nama_desa"].iloc[0]
    line = f"{village}: simpanan_anggota "
    assert any(
        x.startswith(line) and "40× median" in x for x in brief.perlu_dicek_lines()
    )
    box = visible_text(brief.quality_box().data)
    assert "Angka yang perlu dicek" in box
    assert "Rp 400.000.000, 40× median" in box
    english = visible_text(Brief(ev, TENGGARONG, lang="en").quality_box().data)
    assert "Rp 400,000,000, 40× the median" in english


def test_figures_to_check_make_the_box_amber_at_most(spiked):
    _, _, ev = spiked
    clean = copy.copy(ev)
    coops = ev.cooperatives.copy()
    coops["laporan_terakhir"] = ev.period
    clean.cooperatives = coops
    clean.synthetic = False
    clean._memo = {"perlu_dicek.parquet": ev.perlu_dicek}
    ratings = {r["aspek"]: r["warna"] for r in Brief(clean, TENGGARONG).quality()}
    assert ratings["perlu_dicek"] == "kuning"
    assert set(ratings.values()) == {"hijau", "kuning"}
    assert (
        "Kualitas data — perlu perhatian" in Brief(clean, TENGGARONG).quality_box().data
    )


def test_at_most_five_figures_then_how_many_more(spiked):
    _, _, ev = spiked
    brief = Brief(ev, TENGGARONG)
    many = pd.concat([brief.perlu_dicek] * 7, ignore_index=True)  # 7 or more
    brief.__dict__["perlu_dicek"] = many
    lines = brief.perlu_dicek_lines()
    assert len(lines) == 6
    assert lines[-1] == f"dan {len(many) - 5} lainnya"


def test_brief_json_lists_the_figures_to_check(spiked):
    kop, month, ev = spiked
    said = Brief(ev, TENGGARONG).to_json()
    assert {
        "koperasi_id": kop,
        "bulan": month,
        "kolom": "simpanan_anggota",
        "nilai": 400_000_000,
        "acuan": 10_000_000,
        "rasio": 40.0,
    } in said["perlu_dicek"]
    assert {r["aspek"] for r in said["quality"]} >= {"perlu_dicek"}


def test_a_brief_is_rebuilt_when_only_its_figures_to_check_change(
    spiked, sample_evaluation
):
    """The cache key's data part: the savings feed no indicator, so the flags are
    the only difference, and they must reach the key."""
    _, _, ev = spiked
    before = Brief(sample_evaluation, TENGGARONG).data_parts()
    after = Brief(ev, TENGGARONG).data_parts()
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == {"perlu_dicek"}


def test_the_figures_to_check_are_saved_with_the_evaluation(spiked, tmp_path):
    from kmp_analysis.evaluation import Evaluation

    _, _, ev = spiked
    loaded = Evaluation.load(ev.save(tmp_path / "evaluasi"))
    # read back from its file, not computed again from the saved reports
    assert "perlu_dicek.parquet" in loaded._memo
    pd.testing.assert_frame_equal(
        loaded.perlu_dicek, ev.perlu_dicek.reset_index(drop=True), check_dtype=False
    )

"""The regency summary (DESIGN §8): every section shows what the data says."""

from __future__ import annotations

import base64
import dataclasses
import html
import json
import re

import matplotlib.text
import nbformat
import numpy as np
import pandas as pd
import pytest

from kmp_analysis import recommend
from kmp_analysis.errors import UsageError
from kmp_analysis.evaluation import Evaluation
from kmp_analysis.i18n import COLUMNS, LABELS, label
from kmp_analysis.paths import NOTEBOOKS_DIR, SAMPLE_DIR
from kmp_analysis.report import maps
from kmp_analysis.report.summary import Summary, prepare
from kmp_analysis.report.summary_content import JSON_FILE

NOTEBOOK = NOTEBOOKS_DIR / "ringkasan_kabupaten.ipynb"
SECTIONS = (
    "header",
    "headline",
    "village_context",
    "choropleth",
    "quadrant",
    "ranks",
    "pendamping",
    "training",
    "effects",
    "training_waves",
)
_IMG = re.compile(r'<img alt="([^"]*)" src="data:image/png;base64,([^"]+)"')


@pytest.fixture(scope="module")
def evaluation(sample_evaluation) -> Evaluation:
    return sample_evaluation


@pytest.fixture(scope="module")
def summary(evaluation) -> Summary:
    return Summary(evaluation)


@pytest.fixture(scope="module")
def summary_en(evaluation) -> Summary:
    return Summary(evaluation, lang="en")


def changed(evaluation: Evaluation, **columns_by_kecamatan) -> Evaluation:
    """A copy whose cooperatives of one kecamatan get new values; the kecamatan
    table is dropped so that the summary recomputes it from the cooperatives."""
    coops = evaluation.cooperatives.copy()
    for kode_kec, values in columns_by_kecamatan.items():
        rows = coops["kode_kec"] == kode_kec.replace("_", ".")
        for column, value in values.items():
            coops.loc[rows, column] = value
    return dataclasses.replace(evaluation, cooperatives=coops, kecamatan=None)


def images(fragment: str) -> list[tuple[str, bytes]]:
    return [(html.unescape(a), base64.b64decode(d)) for a, d in _IMG.findall(fragment)]


def text_of(fragment: str) -> str:
    """What a reader sees: tags and embedded images dropped, alt text kept."""
    fragment = re.sub(r"<style>.*?</style>", " ", fragment, flags=re.S)
    fragment = _IMG.sub(lambda m: f" {m.group(1)} ", fragment)
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


# --------------------------------------------------------------------- sections


def test_header_has_period_window_style_and_synthetic_notice(summary, evaluation):
    out = summary.header().data
    assert "Ringkasan evaluasi KMP Kabupaten Kutai Kartanegara — periode 2026-10" in out
    assert "2026-05 s.d. 2026-10 (6 bulan)" in out
    assert "20 kecamatan · 237 koperasi" in out
    assert ".kmp-card" in out  # the shared STYLE
    assert "DATA SINTETIS" in out
    real = Summary(dataclasses.replace(evaluation, synthetic=False))
    assert "DATA SINTETIS" not in real.header().data


def test_headline_counts_come_from_the_evaluation(summary, evaluation):
    coops = evaluation.cooperatives
    numbers = summary.headline_numbers()
    assert numbers["n"] == len(coops) == 237
    # the shipped sample (the class tables of data/sample/README.md add up to these)
    assert numbers["kelas"] == {
        "tidak_bergerak": 81,
        "administratif": 62,
        "aktif": 66,
        "berdampak": 28,
    }
    assert numbers["berisiko"] == 74
    kec = evaluation.kecamatan
    assert numbers["kuadran"]["formalitas"] == int(
        (kec["kuadran"] == "formalitas").sum()
    )
    out = summary.headline().data
    n_tb = numbers["kelas"]["tidak_bergerak"]
    assert (
        f"<b>{n_tb}</b><small>Tidak bergerak · {100 * n_tb / 237:.0f}%</small>" in out
    )


def test_headline_sentences_name_the_extreme_kecamatan(summary, evaluation):
    kec = evaluation.kecamatan
    dormant = kec.loc[kec["pangsa_tidak_bergerak"].idxmax()]
    active = (kec["pangsa_aktif"] + kec["pangsa_berdampak"]).idxmax()
    sentences = summary.sentences()
    assert len(sentences) == 4
    assert (
        f"tertinggi di Kecamatan {dormant['nama_kec']} "
        f"({100 * dormant['pangsa_tidak_bergerak']:.0f}%)" in sentences[1]
    )
    assert f"tertinggi di Kecamatan {kec.loc[active, 'nama_kec']}" in sentences[2]
    n_formal = int((kec["kuadran"] == "formalitas").sum())
    assert sentences[3].startswith(f"{n_formal} dari 20 kecamatan")


def test_headline_follows_a_change_in_the_data(summary, evaluation):
    """Make Loa Janan (no dormant KMP) all dormant: it tops the dormant share."""
    kode = "64.02.03"
    before = summary.headline_numbers()
    n_loa_janan = int((evaluation.cooperatives["kode_kec"] == kode).sum())
    n_tb_before = int(
        (
            (evaluation.cooperatives["kode_kec"] == kode)
            & (evaluation.cooperatives["kelas"] == "tidak_bergerak")
        ).sum()
    )
    other = Summary(changed(evaluation, **{kode: {"kelas": "tidak_bergerak"}}))
    after = other.headline_numbers()
    gained = n_loa_janan - n_tb_before
    assert gained > 0
    assert (
        after["kelas"]["tidak_bergerak"] == before["kelas"]["tidak_bergerak"] + gained
    )
    assert "Kecamatan Loa Janan (100%)" in other.sentences()[1]
    assert "Loa Janan" not in summary.sentences()[1].split("terendah")[0]
    n_tb = after["kelas"]["tidak_bergerak"]
    assert f"<b>{n_tb}</b>" in other.headline().data
    row = next(k for k in other.to_json()["kecamatan"] if k["kode_kec"] == kode)
    assert row["kelas"]["tidak_bergerak"] == n_loa_janan


def test_quadrant_sentence_follows_the_indices(summary, evaluation):
    """Lift Tabang (lagging) to high output and outcome: one more Berkinerja."""
    before = summary.headline_numbers()["kuadran"]
    lifted = Summary(
        changed(
            evaluation, **{"64.02.12": {"indeks_output": 0.9, "indeks_outcome": 0.9}}
        )
    )
    after = lifted.headline_numbers()["kuadran"]
    assert after["berkinerja"] == before["berkinerja"] + 1
    assert after["tertinggal"] == before["tertinggal"] - 1
    assert (
        f"; {after['berkinerja']} kecamatan di kuadran Berkinerja"
        in (lifted.sentences()[3])
    )


@pytest.mark.parametrize("section", ["choropleth", "quadrant", "ranks"])
def test_figures_are_pngs_with_alt_text(summary, section):
    found = images(getattr(summary, section)().data)
    assert len(found) == (2 if section == "ranks" else 1)
    for alt, png in found:
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(alt) > 60
    alt = found[0][0]
    if section == "choropleth":
        assert "tertinggi Kecamatan Sanga Sanga (80%)" in alt
        assert "terendah Kecamatan Tabang (11%)" in alt
    if section == "ranks":
        assert "peringkat 1 Kecamatan Sanga Sanga" in alt


def test_choropleth_classes_use_fixed_breaks_and_count_kecamatan():
    values = pd.Series({"64.02.01": 0.0, "64.02.02": 0.2, "64.02.03": 0.8})
    values["64.02.04"] = 1.0
    fig = maps.kecamatan_choropleth(values, lang="id", legend_title="x")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == [
        "0–20% (1)",
        "20–40% (1)",
        "40–60% (0)",
        "60–80% (0)",
        "80–100% (2)",
        "Tanpa data (16)",
    ]
    labels = {t.get_text() for t in fig.axes[0].texts}
    assert "Tabang\n–" in labels and "Muara Muntai\n0%" in labels


def test_choropleth_colours_by_share_of_active_and_impactful(summary, evaluation):
    fig = summary.choropleth_figure()
    kec = evaluation.kecamatan
    share = kec["pangsa_aktif"] + kec["pangsa_berdampak"]
    counts = np.bincount(
        np.minimum((share.to_numpy() * 5 + 1e-9).astype(int), 4), minlength=5
    )
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert [int(re.search(r"\((\d+)\)", t).group(1)) for t in legend[:5]] == list(
        counts
    )
    assert len([t for t in fig.axes[0].texts if t.get_text()]) == 20  # + leaders


def test_quadrant_figure_shows_every_kecamatan_and_the_quadrant_names(summary):
    ax = summary.quadrant_figure().axes[0]
    texts = {t.get_text() for t in ax.texts}
    assert {"Berkinerja", "Formalitas", "Tertinggal", "Tabang", "Sanga Sanga"} <= texts
    assert len(ax.collections[-1].get_offsets()) == 20
    assert ax.get_xlabel() == "Indeks Output (rata-rata kecamatan)"


def test_rank_figure_agrees_with_the_evaluation_table(summary, evaluation):
    """The recomputed Monte Carlo equals the batch's kecamatan ranks (same seed)."""
    ranks = summary.rank_result.table.set_index("kode_kec")
    kec = evaluation.kecamatan.set_index("kode_kec")
    for column in ("peringkat", "peringkat_median", "peringkat_p05", "peringkat_p95"):
        assert (ranks[column] == kec[f"{column}_outcome"]).all(), column
    intervals, stability = summary.rank_figures()
    names = [t.get_text() for t in intervals.axes[0].get_yticklabels()]
    assert names == list(kec.sort_values("peringkat_outcome")["nama_kec"])
    assert "Peringkat Indeks Outcome" in intervals.axes[0].get_title(loc="left")
    assert "tersil" in stability.axes[0].get_title(loc="left")


def test_pendamping_table_shares_k_among_kecamatan(summary, evaluation):
    k = evaluation.config.rekomendasi.pendamping
    frame = summary.pendamping_frame()
    assert len(frame) == 21  # 20 kecamatan and the total row
    assert frame["pendamping"].iloc[-1] == k == int(frame["pendamping"][:-1].sum())
    assert list(frame["pendamping"][:-1]) == sorted(
        frame["pendamping"][:-1], reverse=True
    )
    out = summary.pendamping().data
    assert "<th>Pendamping</th>" in out and "<th>Kuota</th>" in out
    assert "40,00" in out  # the total quota, with a decimal comma


def test_allocation_error_shows_its_message(evaluation):
    config = dataclasses.replace(
        evaluation.config,
        rekomendasi=dataclasses.replace(evaluation.config.rekomendasi, pendamping=3),
    )
    few = dataclasses.replace(evaluation, config=config)
    with pytest.raises(recommend.AllocationError) as raised:
        recommend.allocate_pendamping(few.cooperatives, 3)
    out = Summary(few).pendamping().data
    assert html.escape(str(raised.value)) in out
    assert "<table" not in out
    english = Summary(few, lang="en").pendamping().data
    assert html.escape(label("alokasi_k_terlalu_kecil", "en", k=3, n=20)) in english
    said = Summary(few).to_json()
    assert said["pendamping"]["error"] == str(raised.value)
    assert all(k["pendamping"] is None for k in said["kecamatan"])


def test_training_totals_add_up_the_kecamatan_plan(summary, evaluation):
    plan = recommend.training_plan(
        evaluation.cooperatives,
        evaluation.tables["pengurus"],
        class_size=evaluation.config.rekomendasi.ukuran_kelas_pelatihan,
    )
    totals = summary.training_totals().set_index("jenjang")
    for tier in ("dasar", "menengah", "lanjut"):
        part = plan[plan["jenjang"] == tier]
        assert totals.loc[tier, "peserta"] == part["peserta"].sum()
        assert totals.loc[tier, "kelas_pelatihan"] == part["kelas_pelatihan"].sum()
    assert totals.loc["ringkasan_total", "peserta"] == plan["peserta"].sum()
    out = summary.training().data
    total = plan["peserta"].sum()
    assert f"<td>{total:,}</td>".replace(",", ".") in out  # 1.720, Indonesian
    tabang = plan[plan["kode_kec"] == "64.02.12"].set_index("jenjang")
    cell = (
        f"{tabang.loc['dasar', 'peserta']} ({tabang.loc['dasar', 'kelas_pelatihan']})"
    )
    assert f"<td>{cell}</td>" in out


def test_training_without_the_pengurus_table_says_so(evaluation):
    out = Summary(dataclasses.replace(evaluation, tables=None)).training().data
    assert "Tabel pengurus tidak tersedia" in out


def test_training_waves_show_the_default_plan_and_why_it_is_drawn(summary, evaluation):
    from kmp_analysis.training_waves import plan_training

    rec = evaluation.config.rekomendasi
    plan = plan_training(
        evaluation.cooperatives,
        evaluation.tables["pengurus"],
        waves=rec.gelombang_pelatihan,
        seed=rec.benih_gelombang,
        class_size=rec.ukuran_kelas_pelatihan,
    )
    # the plan `kmp plan-training` writes with its defaults
    pd.testing.assert_frame_equal(summary.wave_plan.kecamatan, plan.kecamatan)
    out = summary.training_waves().data
    assert "Rencana gelombang pelatihan berikutnya" in out
    for line in plan.explanation():
        assert f"<li>{html.escape(line)}</li>" in out
    assert "benih 2026" in out
    for row in plan.by_wave().itertuples():
        names = html.escape(", ".join(row.kecamatan))
        assert f"<td>{names}</td>" in out
        assert f"<td>{row.peserta:,}</td>".replace(",", ".") in out
    # the same participants and classes as the training totals above it
    total = summary.training_totals().set_index("jenjang").loc["ringkasan_total"]
    assert plan.kecamatan["peserta"].sum() == total["peserta"]
    assert plan.kecamatan["kelas_pelatihan"].sum() == total["kelas_pelatihan"]
    said = summary.to_json()["rencana_pelatihan"]
    assert said["benih"] == 2026 and len(said["gelombang"]) == 4
    assert sum(len(w["kecamatan"]) for w in said["gelombang"]) == len(plan.kecamatan)
    without = Summary(dataclasses.replace(evaluation, tables=None))
    assert "Tabel pengurus tidak tersedia" in without.training_waves().data
    assert without.to_json()["rencana_pelatihan"] is None


def test_provenance_lists_the_inputs(summary):
    import hashlib

    out = summary.provenance().data
    for name in ("koperasi.csv", "laporan_bulanan.csv", "metadata.json"):
        digest = hashlib.sha256((SAMPLE_DIR / name).read_bytes()).hexdigest()
        assert f"{name} sha256 {digest[:16]}" in out


def test_provenance_names_the_data_relative_to_the_project(evaluation):
    """The page names the data in the project (data/sample), not the machine's
    folders it was read from; the files' hashes say which data it was."""
    from kmp_analysis.paths import PROJ_ROOT

    assert evaluation.source == str(SAMPLE_DIR)  # read by its absolute path
    params = {"data": str(SAMPLE_DIR), "config": "/home/ana/ambang.yaml"}
    out = Summary(evaluation, parameters=params).provenance().data
    assert str(PROJ_ROOT) not in out
    assert "/home/ana" not in out
    assert "<td>data/sample</td>" in out
    assert "data=data/sample" in out
    assert "config=ambang.yaml" in out
    assert "koperasi.csv sha256 " in out


def test_an_empty_evaluation_gives_messages_not_errors(evaluation):
    empty = dataclasses.replace(
        evaluation, cooperatives=evaluation.cooperatives.iloc[:0], kecamatan=None
    )
    s = Summary(empty)
    for section in (*SECTIONS, "provenance"):
        getattr(s, section)()
    assert "Tidak ada data KMP untuk periode 2026-10" in s.headline().data
    assert s.to_json()["kecamatan"] == []


# ------------------------------------------------------------- language, escape


def _indonesian_fragments() -> set[str]:
    """Words of the id labels that differ from English and appear in no en label."""
    english = " ".join(
        entry["en"] for table in (LABELS, COLUMNS) for entry in table.values()
    )
    fragments = set()
    for table in (LABELS, COLUMNS):
        for entry in table.values():
            if entry["id"] == entry["en"]:
                continue
            for part in re.split(r"\{[^}]*\}", entry["id"]):
                part = part.strip(" ,.;:()–-·%≥<")
                if (
                    len(part) >= 4
                    and re.search(r"[A-Za-z]", part)
                    and not re.search(rf"\b{re.escape(part)}\b", english)
                ):
                    fragments.add(part)
    return fragments


def test_english_sections_carry_no_indonesian_label_text(summary_en):
    shown = " ".join(text_of(getattr(summary_en, s)().data) for s in SECTIONS)
    figures = [
        summary_en.choropleth_figure(),
        summary_en.quadrant_figure(),
        *summary_en.rank_figures(),
    ]
    for fig in figures:
        shown += " " + " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    fragments = _indonesian_fragments()
    assert "Tidak bergerak" in fragments
    assert "Pangsa KMP aktif atau berdampak per kecamatan" in fragments
    leaked = sorted(f for f in fragments if re.search(rf"\b{re.escape(f)}\b", shown))
    assert leaked == []
    assert "Of the 237 KMP in Kutai Kartanegara" in shown


def test_names_from_the_data_are_escaped(evaluation):
    evil = '<script>alert("$x$")</script>'
    coops = evaluation.cooperatives.copy()
    tabang = coops["kode_kec"] == "64.02.12"
    coops.loc[tabang, "nama_kec"] = evil
    coops.loc[tabang, "nama_koperasi"] = evil
    s = Summary(dataclasses.replace(evaluation, cooperatives=coops, kecamatan=None))
    outputs = {name: getattr(s, name)().data for name in (*SECTIONS, "provenance")}
    for name, out in outputs.items():
        assert "<script" not in out.lower(), name
    assert html.escape(evil) in outputs["headline"]  # Tabang: most dormant KMP
    # pandas leaves quotes as they are
    for name in ("pendamping", "training", "training_waves"):
        assert "&lt;script&gt;alert(" in outputs[name]
    assert any(evil in alt for alt, _ in images(outputs["choropleth"]))
    names = {k["nama_kec"] for k in s.to_json()["kecamatan"]}
    assert evil in names


# ------------------------------------------------------------------- json, io


def test_ringkasan_json_round_trips(summary, tmp_path):
    path = summary.save_json(tmp_path)
    assert path == tmp_path / JSON_FILE
    said = json.loads(path.read_text("utf-8"))
    assert said == summary.to_json()
    assert [p.name for p in tmp_path.iterdir()] == [JSON_FILE]  # no temp left
    assert said["headline"]["n"] == 237
    assert len(said["kecamatan"]) == 20
    assert sum(sum(k["kelas"].values()) for k in said["kecamatan"]) == 237
    assert sum(k["pendamping"] for k in said["kecamatan"]) == said["pendamping"]["k"]
    tabang = next(k for k in said["kecamatan"] if k["kode_kec"] == "64.02.12")
    assert tabang["peringkat_outcome"] == 20
    assert tabang["peringkat_p05_outcome"] <= 20 <= tabang["peringkat_p95_outcome"]


def test_prepare_reads_a_saved_evaluation(evaluation, summary, tmp_path):
    evaluation.save(tmp_path / "evaluasi")
    loaded = prepare(evaluasi=str(tmp_path / "evaluasi"))
    assert loaded.to_json() == summary.to_json()
    assert loaded.parameters == {"data": "", "period": "", "config": ""}
    with pytest.raises(UsageError, match="berbeda dari periode evaluasi") as caught:
        prepare(period="2026-09", evaluasi=str(tmp_path / "evaluasi"))
    assert "differs from the evaluation" in caught.value.text("en")
    with pytest.raises(UsageError, match="bahasa 'fr' tidak dikenal; pilihan: id, en"):
        prepare(lang="fr", evaluasi=str(tmp_path / "evaluasi"))


def test_notebook_is_thin_and_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    opening, first, *calling = nb.cells
    assert opening.cell_type == "markdown"  # what it is for (not in the reader's page)
    assert "parameters" in first.metadata.get("tags", [])
    for name in ("data", "period", "config", "out_dir", "evaluasi"):
        assert f'\n{name}: str = ""  # ' in f"\n{first.source}"
    assert '\nlang: str = "id"  # ' in f"\n{first.source}"
    for cell in (first, *calling):
        assert cell.cell_type == "code"
        assert cell.outputs == []
        assert cell.execution_count is None
    calls = "\n".join(c.source for c in calling)
    for section in (*SECTIONS, "provenance", "save_json"):
        assert f"ringkasan.{section}(" in calls


@pytest.mark.e2e
def test_notebook_runs_unedited_with_its_defaults(tmp_path):
    """What a planner gets opening the notebook in JupyterLab and pressing Run All
    (plus ``out_dir``, so that ringkasan.json is written too)."""
    import papermill

    executed = tmp_path / "ringkasan.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(executed),
        parameters={"out_dir": str(tmp_path)},
        kernel_name="python3",
        progress_bar=False,
    )
    nb = nbformat.read(executed, as_version=4)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []
    shown = " ".join(
        o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})
    )
    assert "Ringkasan evaluasi KMP Kabupaten Kutai Kartanegara" in shown
    assert "Rencana gelombang pelatihan berikutnya" in shown
    # map, quadrant, two rank charts, the flow of classes, the effects of support by
    # months since the effort; the kecamatan trends in SVG
    assert "Apakah dukungan berdampak?" in shown
    assert shown.count("data:image/png;base64,") == 6
    assert shown.count("<svg ") == 1
    said = json.loads((tmp_path / JSON_FILE).read_text("utf-8"))
    assert said["period"] == "2026-10" and said["synthetic"] is True
    assert said["rencana_pelatihan"]["benih"] == 2026

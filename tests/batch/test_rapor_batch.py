"""Report cards in batch (issue 13): ``kmp rapor`` and ``kmp briefs --rapor`` through
the same engine, cache and manifest as the briefs; one bundle per kecamatan."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from kmp_analysis import batch
from kmp_analysis.batch.plan import chosen_cooperatives
from kmp_analysis.errors import UnknownKoperasi
from kmp_analysis.paths import SAMPLE_DIR
from kmp_analysis.report.pdf import find_chromium
from kmp_analysis.report.rapor_content import card_inputs
from kmp_analysis.report.tables import in_table_order

SANGA = "64.02.15"  # Sanga Sanga: 5 cooperatives
TABANG = "64.02.12"
RUN = "briefs/2026-10"
CARDS = f"{RUN}/koperasi/64.02.15-sanga-sanga"
BUNDLE = f"{RUN}/kecamatan/64.02.15-sanga-sanga/rapor-koperasi.pdf"


# ----------------------------------------------------------------- which cards


def chosen(evaluation, **request) -> list[str]:
    req = batch.BriefRequest(rapor=True, briefs=False, summary=False, **request)
    from kmp_analysis.batch.write import resolve_kecamatan_list

    codes = resolve_kecamatan_list(list(req.kecamatan))
    return [r["koperasi_id"] for r in chosen_cooperatives(evaluation, req, codes)]


def test_every_cooperative_by_kecamatan_in_the_briefs_table_order(sample_evaluation):
    coops = sample_evaluation.cooperatives
    ids = chosen(sample_evaluation)
    assert len(ids) == len(coops) == 237
    kec = coops.set_index("koperasi_id").loc[ids, "kode_kec"].tolist()
    assert kec == sorted(kec)  # kecamatan after kecamatan
    own = in_table_order(sample_evaluation.of_kecamatan(SANGA))
    assert chosen(sample_evaluation, kecamatan=["Sanga Sanga"]) == list(
        own["koperasi_id"]
    )


def test_named_cooperatives_alone_or_with_a_kecamatan(sample_evaluation):
    one = "KMP-6402122001"  # Tabang
    assert chosen(sample_evaluation, koperasi=[one]) == [one]
    both = chosen(sample_evaluation, koperasi=[one], kecamatan=["Sanga Sanga"])
    sanga = chosen(sample_evaluation, kecamatan=["Sanga Sanga"])
    assert both == [one, *sanga]  # Tabang (64.02.12) comes before 64.02.15


def test_an_unknown_cooperative_names_the_closest(sample_evaluation):
    with pytest.raises(UnknownKoperasi) as caught:
        chosen(sample_evaluation, koperasi=["KMP-640215100", "nothing"])
    lines = caught.value.lines("id")
    assert lines[0].startswith("--koperasi: 'KMP-640215100' tidak ada di data")
    assert "maksud Anda: KMP-6402151" in lines[0]
    assert lines[1] == "--koperasi: 'nothing' tidak ada di data"
    assert caught.value.exit_code == 2


# ----------------------------------------------------------------- cache keys


def test_a_cards_key_changes_with_its_own_data_only(sample_dataset, sample_evaluation):
    from kmp_analysis.evaluation import evaluate

    before = card_inputs(sample_evaluation)
    tables = {k: v.copy() for k, v in sample_dataset.tables.items()}
    one, other = "KMP-6402151001", "KMP-6402151002"
    people = tables["pengurus"]
    row = people.index[people["koperasi_id"] == one][0]
    people.loc[row, "jenjang_pelatihan"] = "lanjut"
    changed = evaluate(replace(sample_dataset, tables=tables), "2026-10")
    after = card_inputs(changed)
    assert after[one] != before[one]
    assert {k for k in before if before[k] != after[k]} == {one}
    assert after[other] == before[other]


# ----------------------------------------------------------------- the batch


@pytest.fixture(scope="module")
def cards_run(tmp_path_factory):
    """Sanga Sanga's cards, HTML and PDF (one run shared by the tests below)."""
    if find_chromium() is None:
        pytest.skip("Chromium tidak ada: rapor PDF tidak dapat dibuat")
    root = tmp_path_factory.mktemp("rapor")
    data = root / "data"
    shutil.copytree(SAMPLE_DIR, data)
    report = write(data, root / "out")
    return data, root / "out", report


def write(
    data: Path, out: Path, kecamatan=("Sanga Sanga",), **options
) -> batch.BatchReport:
    return batch.write_briefs(
        data=data,
        out=out,
        kecamatan=kecamatan,
        briefs=False,
        summary=False,
        rapor=True,
        formats="html,pdf",
        executor="inprocess",
        progress=False,
        **options,
    )


pytestmark = pytest.mark.e2e


def test_every_card_is_written_with_its_files(cards_run, sample_evaluation):
    _, out, report = cards_run
    own = in_table_order(sample_evaluation.of_kecamatan(SANGA))
    assert [c.koperasi_id for c in report.cards] == list(own["koperasi_id"])
    assert report.results == [] and report.summary is None
    for card in report.cards:
        assert card.ok and card.pdf_pages == 1
        folder = out / RUN / card.folder
        assert folder == out / CARDS / card.koperasi_id
        names = sorted(p.name for p in folder.iterdir())
        assert names == ["rapor.html", "rapor.json", "rapor.key.json", "rapor.pdf"]
        sidecar = json.loads((folder / "rapor.json").read_text(encoding="utf-8"))
        assert sidecar["koperasi_id"] == card.koperasi_id
        assert sidecar["kelas"] == card.headline["kelas"]
        assert (folder / "rapor.pdf").stat().st_size < 200_000


def test_the_kecamatan_bundle_holds_every_card_in_table_order(cards_run):
    from pypdf import PdfReader

    _, out, report = cards_run
    assert report.bundles == {SANGA: BUNDLE.removeprefix(f"{RUN}/")}
    pages = PdfReader(out / BUNDLE).pages
    assert len(pages) == len(report.cards)
    for page, card in zip(pages, report.cards, strict=True):
        text = " ".join(page.extract_text().split())
        assert " ".join(card.nama_koperasi.split()) in text


def test_the_index_links_every_card_from_its_kecamatan(cards_run):
    _, out, report = cards_run
    page = (out / RUN / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="rapor-64.02.15"') :]
    links = re.findall(r'href="([^"]+)"', section)
    for card in report.cards:
        assert f"{card.folder}/rapor.html" in links
        assert f"{card.folder}/rapor.pdf" in links
    assert BUNDLE.removeprefix(f"{RUN}/") in links
    for link in links:
        assert (out / RUN / link).is_file(), link


def test_the_manifest_lists_the_cards(cards_run):
    _, out, report = cards_run
    manifest = json.loads((out / RUN / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["rapor_ringkas"] == {"total": 5, "ok": 5, "gagal": 0}
    assert [e["koperasi_id"] for e in manifest["rapor"]] == [
        c.koperasi_id for c in report.cards
    ]
    assert manifest["briefs"] == []


def test_a_changed_cooperative_rebuilds_its_card_and_its_bundle_only(cards_run):
    data, out, first = cards_run
    again = write(data, out)  # nothing changed: answered from the manifest
    assert {c.cache for c in again.cards} == {"dipakai_ulang"}
    bundle_time = (out / BUNDLE).stat().st_mtime_ns
    one = first.cards[0].koperasi_id
    path = data / "koperasi.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[frame["koperasi_id"] == one, "nama_koperasi"] = "KMP Nama Baru"
    frame.to_csv(path, index=False)
    later = write(data, out)
    built = {c.koperasi_id: c for c in later.cards if c.cache == "ditulis"}
    assert list(built) == [one]
    assert built[one].alasan_build == ["data koperasi berubah"]
    assert "KMP Nama Baru" in (out / CARDS / one / "rapor.html").read_text("utf-8")
    assert (out / BUNDLE).stat().st_mtime_ns > bundle_time


def test_without_chromium_the_cards_are_html_and_the_run_says_why(
    tmp_path, monkeypatch
):
    monkeypatch.setattr("kmp_analysis.batch.write.find_chromium", lambda: None)
    report = write(SAMPLE_DIR, tmp_path, kecamatan=(), koperasi=["KMP-6402151001"])
    (card,) = report.cards
    assert card.ok and card.pdf_pages is None
    assert sorted(Path(f).name for f in card.files) == ["rapor.html", "rapor.json"]
    assert report.bundles == {}
    assert len(report.notes) == 1 and "Chromium" in report.notes[0]

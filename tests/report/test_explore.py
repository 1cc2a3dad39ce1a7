"""The exploration notebook's logic (issue: eksplorasi.ipynb for planners)."""

from __future__ import annotations

import html as htmllib
import json
import re
from dataclasses import fields

import folium
import ipywidgets as widgets
import nbformat
import pytest

from kmp_analysis import reference
from kmp_analysis.classify import CLASSES
from kmp_analysis.config import Config, Thresholds
from kmp_analysis.evaluation import evaluate
from kmp_analysis.i18n import column_label, label
from kmp_analysis.io import Dataset
from kmp_analysis.paths import (
    NOTEBOOKS_DIR,
    OUTPUTS_DIR,
    PROJ_ROOT,
    SAMPLE_DIR,
    display_path,
)
from kmp_analysis.report import explore
from kmp_analysis.report.explore import (
    APP_MODEL_ID,
    MAP_MODEL_ID,
    SLIDERS,
    TABLE_COLUMNS,
    Explorer,
    saved_widget_state,
)
from kmp_analysis.report.pdf import CHROMIUM_FLAGS, find_chromium
from kmp_analysis.report.style import CLASS_COLORS
from kmp_analysis.report.tables import describe_reasons
from kmp_analysis.report.webmap import (
    OfflineMap,
    interactive_map,
    leaflet_assets,
    page_links,
)

NOTEBOOK = NOTEBOOKS_DIR / "eksplorasi.ipynb"
TENGGARONG = "64.02.06"
TILE_URL = re.compile(
    r"tile\.openstreetmap|\{z\}/\{x\}/\{y\}|tiles?\.[a-z]+\.(com|org)"
)
ALL_CLASSES = (*CLASSES, "tanpa_data")
#: What a page that works offline may ask its browser for.
LOCAL_SCHEMES = ("file:", "data:", "about:")
SCREENSHOT = OUTPUTS_DIR / "screenshots" / "eksplorasi-peta.png"


@pytest.fixture(scope="module")
def dataset(sample_dataset) -> Dataset:
    return sample_dataset


@pytest.fixture(scope="module")
def baseline(dataset):
    return evaluate(dataset)


@pytest.fixture
def explorer(dataset) -> Explorer:
    return Explorer(dataset, kecamatan="Tenggarong")


def active(cooperatives) -> int:
    return int(cooperatives["kelas"].isin(["aktif", "berdampak"]).sum())


def shown(explorer: Explorer) -> str:
    """The HTML the output widget holds now."""
    (output,) = explorer.output.outputs
    return output["data"]["text/html"]


# ------------------------------------------------------------------ thresholds


def test_raising_aktif_partisipasi_reevaluates(explorer, dataset, baseline):
    expected = evaluate(
        dataset, config=Config(thresholds=Thresholds(aktif_partisipasi=0.6))
    )
    assert active(expected.cooperatives) < active(baseline.cooperatives)

    explorer.set_thresholds(aktif_partisipasi=0.6)

    now = explorer.evaluation.cooperatives
    assert active(now) == active(expected.cooperatives)
    assert now["kelas"].astype(str).tolist() == (
        expected.cooperatives["kelas"].astype(str).tolist()
    )
    assert explorer.baseline.cooperatives["kelas"].equals(
        baseline.cooperatives["kelas"]
    )
    assert explorer.changed_thresholds() == {"aktif_partisipasi": (0.2, 0.6)}


def test_the_slider_rerenders_the_output(explorer, dataset, baseline):
    explorer.app()
    before = shown(explorer)
    assert "Kecamatan Tenggarong" in before
    assert label("explore_unchanged", "id") in before

    explorer.inputs["aktif_partisipasi"].value = 0.6

    assert explorer.thresholds.aktif_partisipasi == 0.6
    expected = evaluate(
        dataset, config=Config(thresholds=Thresholds(aktif_partisipasi=0.6))
    ).cooperatives
    html = shown(explorer)
    assert html != before
    assert "<h2>Kecamatan Tenggarong</h2>" in html
    kec_old = baseline.of_kecamatan(TENGGARONG)
    kec_new = expected[expected["kode_kec"] == TENGGARONG]
    moved = int((kec_old["kelas"].to_numpy() != kec_new["kelas"].to_numpy()).sum())
    moved_kab = int(
        (
            baseline.cooperatives["kelas"].to_numpy() != expected["kelas"].to_numpy()
        ).sum()
    )
    assert moved > 0
    sentence = label(
        "explore_moved",
        "id",
        moved=moved,
        n=len(kec_new),
        nama="Tenggarong",
        moved_kab=moved_kab,
        n_kab=len(expected),
    )
    assert sentence in html
    # the counts table: Aktif under the defaults and now, regency-wide
    aktif_row = re.search(r"Aktif</td>((?:<td[^>]*>[^<]*</td>){6})</tr>", html)
    assert aktif_row is not None
    cells = re.findall(r">([^<]*)</td>", aktif_row.group(1))
    assert cells[3:5] == [
        str(int((baseline.cooperatives["kelas"] == "aktif").sum())),
        str(int((expected["kelas"] == "aktif").sum())),
    ]
    assert "0,20 → 0,60" in html  # the decimal comma of Bahasa Indonesia


def test_counts_compare_default_and_current(explorer):
    explorer.set_thresholds(berdampak_manfaat=0)
    counts = explorer.counts()
    assert list(counts.index) == list(CLASSES)
    for group in ("kecamatan", "kabupaten"):
        assert counts[(group, "selisih")].sum() == 0  # cooperatives only move
        assert (
            counts[(group, "sekarang")] - counts[(group, "bawaan")]
            == counts[(group, "selisih")]
        ).all()
    assert counts.loc["berdampak", ("kabupaten", "selisih")] > 0
    moves = explorer.moves(regency=True)
    assert set(moves["ke"]) == {"berdampak"}
    assert moves["jumlah"].sum() == counts.loc["berdampak", ("kabupaten", "selisih")]


def test_reset_restores_defaults_and_the_sliders(explorer):
    explorer.app()
    explorer.inputs["berdampak_kemandirian"].value = 2.0
    explorer.inputs["aktif_bulan_transaksi"].value = 6
    assert len(explorer.changed_thresholds()) == 2
    explorer.reset_button.click()
    assert explorer.changed_thresholds() == {}
    assert explorer.evaluation is explorer.baseline
    assert explorer.inputs["berdampak_kemandirian"].value == 1.0
    assert explorer.inputs["aktif_bulan_transaksi"].value == 4
    assert label("explore_unchanged", "id") in shown(explorer)


def test_set_thresholds_refuses_bad_input(explorer):
    with pytest.raises(ValueError, match="unknown threshold"):
        explorer.set_thresholds(aktif_partisipsi=0.3)
    with pytest.raises(ValueError):
        explorer.set_thresholds(aktif_unit_beroperasi=1.5)
    with pytest.raises(ValueError):
        explorer.set_thresholds(aktif_partisipasi=-0.1)
    assert explorer.changed_thresholds() == {}


def test_one_slider_per_main_threshold():
    names = {f.name for f in fields(Thresholds)}
    assert {s.name for s in SLIDERS} == {
        "aktif_partisipasi",
        "aktif_bulan_transaksi",
        "aktif_unit_beroperasi",
        "berdampak_partisipasi",
        "berdampak_unit_beroperasi",
        "berdampak_kemandirian",
        "berdampak_manfaat",
    }
    assert {s.name for s in SLIDERS} <= names
    defaults = Thresholds()
    for s in SLIDERS:
        assert s.minimum <= getattr(defaults, s.name) <= s.maximum


# --------------------------------------------------------- kecamatan, language


def test_the_dropdown_lists_the_20_kecamatan_by_name(explorer):
    dropdown = explorer.inputs["kecamatan"]
    names = [name for name, _ in dropdown.options]
    assert len(names) == 20
    assert names == sorted(names)
    assert dropdown.value == TENGGARONG
    explorer.app()
    dropdown.value = reference.resolve_kecamatan("Sanga-Sanga")
    assert explorer.kode_kec == "64.02.15"
    html = shown(explorer)
    assert "<h2>Kecamatan Sanga Sanga</h2>" in html
    for village in explorer.evaluation.of_kecamatan("64.02.15")["nama_desa"]:
        assert village in html


def test_language_toggle_relabels_everything(explorer):
    explorer.app()
    slider = explorer.inputs["aktif_partisipasi"]
    assert slider.description == label("ambang_aktif_partisipasi", "id") + " 0,20"
    assert not slider.readout  # ipywidgets would write 0.20 in any language
    explorer.inputs["lang"].value = "en"
    assert slider.description == label("ambang_aktif_partisipasi", "en") + " 0.20"
    slider.value = 0.35
    assert slider.description == label("ambang_aktif_partisipasi", "en") + " 0.35"
    explorer.reset_thresholds()
    assert slider.description.endswith(" 0.20")
    assert explorer.reset_button.description == label("reset_thresholds", "en")
    html = shown(explorer)
    assert label("section_counts", "en") in html
    assert label("section_counts", "id") not in html
    assert "Member participation" in html  # table headers through present()
    assert "Formal only" in html
    with pytest.raises(ValueError):
        explorer.set_lang("fr")


def test_names_from_the_data_are_escaped_in_the_output(dataset):
    koperasi = dataset["koperasi"].copy()
    kode = TENGGARONG + "."
    first = koperasi.index[koperasi["kode_desa"].str.startswith(kode)][0]
    koperasi.loc[first, "nama_koperasi"] = "<script>alert(1)</script>"
    patched = Dataset(
        tables={**dataset.tables, "koperasi": koperasi},
        source=dataset.source,
        metadata=dataset.metadata,
        file_hashes=dataset.file_hashes,
        villages=dataset.villages,
    )
    html = Explorer(patched, kecamatan=TENGGARONG).render_html()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# ------------------------------------ the map, the header, the table (issue 14)


def webmap_villages(page: str) -> dict[str, dict]:
    """The properties of each village drawn on a :meth:`Explorer.webmap_html`
    (what its tooltip says), by village code."""
    (srcdoc,) = re.findall(r'<iframe srcdoc="([^"]*)"', page)
    properties = re.findall(r'"properties": (\{[^{}]*\})', htmllib.unescape(srcdoc))
    villages = [json.loads(p) for p in properties]
    return {v["kode_desa"]: v for v in villages if "kode_desa" in v}


def counts_cells(page: str, kelas: str) -> list[str]:
    """The six counts of one class's row in the output's counts table."""
    counts = re.search(r'<div class="kmp-counts[^"]*">(.*?)</div>', page, re.S)
    assert counts is not None
    row = re.search(
        rf"{re.escape(label(kelas, 'id'))}</td>((?:<td[^>]*>[^<]*</td>){{6}})</tr>",
        counts.group(1),
    )
    assert row is not None
    return re.findall(r">([^<]*)</td>", row.group(1))


def test_the_map_view_follows_the_sliders_and_the_kecamatan(explorer, dataset):
    explorer.app()
    view = explorer.map_view()
    assert view.model_id == MAP_MODEL_ID
    before = webmap_villages(view.value)
    kec = explorer.evaluation.of_kecamatan(TENGGARONG)
    assert {k: v["kelas"] for k, v in before.items()} == dict(
        zip(kec["kode_desa"], kec["kelas"].astype(str), strict=True)
    )
    assert label("explore_unchanged", "id") in view.value

    explorer.inputs["aktif_partisipasi"].value = 0.6

    expected = evaluate(
        dataset, config=Config(thresholds=Thresholds(aktif_partisipasi=0.6))
    ).cooperatives
    now = expected[expected["kode_kec"] == TENGGARONG]
    after = webmap_villages(view.value)
    # every tooltip says the class and the reasons under the new threshold
    assert {k: v["kelas"] for k, v in after.items()} == dict(
        zip(now["kode_desa"], now["kelas"].astype(str), strict=True)
    )
    assert {k: v["kelas"] for k, v in after.items()} != {
        k: v["kelas"] for k, v in before.items()
    }
    assert now["kode_desa"].is_unique  # one cooperative per village here
    reasons = {
        kode: htmllib.escape(describe_reasons(alasan, "id") or "–")
        for kode, alasan in zip(now["kode_desa"], now["alasan"], strict=True)
    }
    assert {k: v["alasan"] for k, v in after.items()} == reasons
    assert {k: v["alasan"] for k, v in before.items()} != reasons
    # the map and the counts above it tell the same: Aktif in the kecamatan, now
    n_aktif = sum(v["kelas"] == "aktif" for v in after.values())
    assert counts_cells(shown(explorer), "aktif")[1] == str(n_aktif)
    # the caption says which thresholds the map shows
    assert list(explorer.changed_thresholds()) == ["aktif_partisipasi"]
    assert htmllib.escape(explorer.thresholds_text()) in view.value

    explorer.inputs["kecamatan"].value = reference.resolve_kecamatan("Sanga-Sanga")
    sanga = webmap_villages(view.value)
    assert {k[:8] for k in sanga} == {"64.02.15"}
    assert 'data-kecamatan="64.02.15"' in view.value
    assert "Kecamatan Sanga Sanga" in view.value


def test_the_map_view_is_drawn_again_only_when_a_tooltip_changes(explorer):
    view = explorer.map_view()
    first = view.value
    explorer.set_colour("status_idm")  # the static map's colours, not the tooltips
    explorer.set_thresholds(berdampak_manfaat=2)  # the default again: nothing moves
    assert view.value == first
    assert len(explorer._webmaps) == 1


def test_app_and_map_view_hold_fixed_model_ids(dataset):
    first, second = Explorer(dataset), Explorer(dataset)
    app = first.app()
    assert app.model_id == APP_MODEL_ID
    assert first.app() is app  # shown twice: the same widget
    assert "kmp-explorer" in app._dom_classes
    # the explorer of a second run of the cell takes the ids: the first is closed
    assert second.app().model_id == APP_MODEL_ID
    assert second.map_view().model_id == MAP_MODEL_ID
    assert app.comm is None
    again = first.app()  # shown again, it takes the id back
    assert again is not app and again.model_id == APP_MODEL_ID
    assert again.children[0] is first.controls()


def test_english_switch_rewrites_the_header_in_place(explorer, monkeypatch):
    shown_now: list[tuple[str, str]] = []
    monkeypatch.setattr(
        explore, "display", lambda obj, display_id: shown_now.append((display_id, obj))
    )
    monkeypatch.setattr(
        explore,
        "update_display",
        lambda obj, display_id: shown_now.append((display_id, obj)),
    )
    explorer.app()
    explorer.header()._ipython_display_()  # what the notebook's cell does
    ((display_id, header),) = shown_now
    assert label("explore_heading", "id") in header.data

    explorer.inputs["lang"].value = "en"

    assert len(shown_now) == 2
    again, english = shown_now[1]
    assert again == display_id  # the same output, rewritten
    assert label("explore_heading", "en") in english.data
    assert label("synthetic_notice", "en") in english.data
    assert label("synthetic_notice", "id") not in english.data
    explorer.inputs["aktif_partisipasi"].value = 0.6
    assert len(shown_now) == 2  # a threshold does not touch the header


def test_english_switch_leaves_no_indonesian_on_the_page(explorer):
    explorer.app()
    view = explorer.map_view()
    explorer.inputs["lang"].value = "en"
    page = shown(explorer) + view.value
    for key in (
        "section_counts",
        "section_table",
        "explore_unchanged",
        "map_title",
        "kelas",
        "berisiko",
        "tidak",
    ):
        if label(key, "id") != label(key, "en"):
            assert label(key, "en") in page, key
    for key in ("section_counts", "section_table", "explore_unchanged", "map_title"):
        assert label(key, "id") not in page, key
    assert "Kelas (ambang bawaan)" not in page
    tooltips = webmap_villages(view.value).values()
    assert {v["kelas_label"] for v in tooltips} <= {label(c, "en") for c in CLASSES}
    controls = explorer.controls()
    texts = [explorer.reset_button.description, explorer._heading.value]
    texts += [w.description for w in explorer.inputs.values()]
    texts += [w.value for w in controls.children if isinstance(w, widgets.HTML)]
    texts += [name for name, _ in explorer.inputs["warna"].options]
    assert label("explore_hint", "en") in " ".join(texts)
    for spec in SLIDERS:
        assert explorer.inputs[spec.name].description.startswith(
            label(f"ambang_{spec.name}", "en") + " "
        )
    for key in ("explore_hint", "section_thresholds", "reset_thresholds"):
        assert label(key, "id") not in " ".join(texts)


def test_the_table_has_every_column_in_a_scrolling_box(explorer):
    page = explorer.render_html()
    box = re.search(
        r'<div class="kmp-coops kmp-scroll">\s*(<table.*?</table>)', page, re.S
    )
    assert box is not None
    headers = re.findall(r"<th>([^<]*)</th>", box.group(1))
    assert headers == [htmllib.escape(column_label(c, "id")) for c in TABLE_COLUMNS]
    assert len(headers) == 11
    # what a planner reads first is leftmost; the long reasons last
    assert TABLE_COLUMNS[:5] == (
        "nama_desa",
        "nama_koperasi",
        "kelas",
        "kelas_bawaan",
        "berisiko",
    )
    assert TABLE_COLUMNS[-1] == "alasan"
    assert ".kmp-scroll{overflow-x:auto" in page
    assert '<div class="kmp-counts kmp-scroll">' in page


def test_slider_labels_take_the_width_they_need(explorer):
    for spec in SLIDERS:
        assert explorer.inputs[spec.name].style.description_width == "initial"


def test_the_notebook_carries_the_rerun_notice_under_the_widget_ids():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["widgets"] == saved_widget_state(), (
        "the notebook's metadata.widgets is out of date: set it to "
        "kmp_analysis.report.explore.saved_widget_state() (nbformat.write)"
    )
    state = saved_widget_state()["application/vnd.jupyter.widget-state+json"]
    assert set(state["state"]) == {APP_MODEL_ID, MAP_MODEL_ID}
    app = state["state"][APP_MODEL_ID]
    assert app["model_name"] == "HTMLModel"
    value = app["state"]["value"]
    assert 'class="kmp-rerun"' in value
    for lang in ("id", "en"):
        assert htmllib.escape(label("explore_rerun", lang)) in value
    assert "Run All" in value
    assert (
        htmllib.escape(label("explore_rerun_map", "id"))
        in (state["state"][MAP_MODEL_ID]["state"]["value"])
    )


# ------------------------------------------------------- colour by IDM status


def map_alt(html: str) -> str:
    """The alt text of the map in the output (the only ``<img>`` there)."""
    (alt,) = re.findall(r'<img src="data:image/png;base64,[^"]+" alt="([^"]*)"', html)
    return htmllib.unescape(alt)


def map_png(html: str) -> str:
    (png,) = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    return png


def test_the_colour_switch_recolours_the_map_by_idm_status(explorer):
    explorer.app()
    switch = explorer.inputs["warna"]
    assert switch.value == "kelas"  # the default
    assert not switch.disabled
    assert [name for name, _ in switch.options] == [
        label("peta_warna_kelas", "id"),
        label("peta_warna_status_idm", "id"),
    ]
    before = shown(explorer)
    assert map_alt(before) == label("map_title", "id")

    switch.value = "status_idm"

    assert explorer.colour_by == "status_idm"
    after = shown(explorer)
    # Tenggarong: Rapak Lambur Mandiri, Bendang Raya Maju, twelve kelurahan
    assert map_alt(after) == label(
        "map_idm_alt",
        "id",
        nama="Tenggarong",
        counts="Mandiri 1, Maju 1, tidak berlaku (kelurahan) 12",
    )
    assert map_png(after) != map_png(before)
    # only the map changes: the counts and the table stay as they were
    strip = re.compile(r"<img [^>]*>")
    assert strip.sub("", after) == strip.sub("", before)

    switch.value = "kelas"
    assert shown(explorer) == before  # the class map again, the same picture


def test_the_colouring_survives_a_language_switch_and_a_threshold(explorer):
    explorer.app()
    explorer.inputs["warna"].value = "status_idm"
    explorer.inputs["lang"].value = "en"
    switch = explorer.inputs["warna"]
    assert switch.value == "status_idm"
    assert switch.description == label("peta_warna", "en")
    assert [name for name, _ in switch.options] == [
        label("peta_warna_kelas", "en"),
        label("peta_warna_status_idm", "en"),
    ]
    assert "Advanced (Maju) 1" in map_alt(shown(explorer))
    explorer.inputs["aktif_partisipasi"].value = 0.6
    assert explorer.colour_by == "status_idm"
    assert "coloured by village IDM status" in map_alt(shown(explorer))


def test_set_colour_refuses_an_unknown_colouring(explorer):
    with pytest.raises(ValueError, match="colour_by"):
        explorer.set_colour("idm")
    assert explorer.colour_by == "kelas"


def test_without_village_context_the_switch_is_disabled_with_a_note(
    dataset, monkeypatch
):
    from kmp_analysis import evaluation

    monkeypatch.setattr(evaluation, "village_context_of", lambda codes: None)
    explorer = Explorer(dataset, kecamatan="Tenggarong")
    assert "status_idm" not in explorer.evaluation.cooperatives
    assert not explorer.has_context
    explorer.app()
    switch = explorer.inputs["warna"]
    assert switch.disabled
    controls = explorer.controls()
    notes = [w.value for w in controls.children if hasattr(w, "value")]
    assert any(
        htmllib.escape(label("peta_warna_tanpa_konteks", "id")) in str(n) for n in notes
    )
    explorer.set_colour("status_idm")  # asked anyway: the class map, no error
    assert explorer.colour_by == "kelas"
    assert map_alt(shown(explorer)) == label("map_title", "id")


def test_header_marks_synthetic_data(explorer):
    html = explorer.header().data
    assert label("synthetic_notice", "id") in html
    assert label("explore_heading", "id") in html


def test_header_summarises_the_data_warnings_and_folds_the_full_list(explorer):
    """As ``kmp validate``: one line per kind, not hundreds; every line folded."""
    from kmp_analysis.errors import summarise_problems

    warnings = explorer.dataset.warnings
    assert len(warnings) > 10  # the sample has many
    page = explorer.header().data
    shown, folded = page.split("<details>")
    # files named as in the project (data/sample/koperasi.csv), not the machine's
    assert explorer.dataset.source == str(SAMPLE_DIR)
    assert str(PROJ_ROOT) not in page
    assert "== berkas data/sample/koperasi.csv: " in folded
    warnings = [p.in_file(display_path(p.file)) for p in warnings]
    summary = summarise_problems(warnings, "id")
    assert htmllib.escape("\n".join(summary)) in shown
    assert warnings[0].render("id") not in htmllib.unescape(shown)
    assert all(htmllib.escape(p.render("id")) in folded for p in warnings)


# ------------------------------------------------------------- interactive map


def village_layer(m: folium.Map) -> folium.GeoJson:
    layers = [
        child
        for child in m._children.values()
        if isinstance(child, folium.GeoJson)
        and "kode_desa" in child.data["features"][0]["properties"]
    ]
    assert len(layers) == 1
    return layers[0]


def without_leaflet(page: str) -> str:
    """The page without the inlined Leaflet: what folium and the project wrote."""
    js, css = leaflet_assets()
    assert js in page and css in page
    return page.replace(js, "").replace(css, "")


@pytest.fixture(scope="module")
def tenggarong_map(baseline) -> OfflineMap:
    return interactive_map(baseline.cooperatives, TENGGARONG)


def test_interactive_map_has_one_feature_per_village_and_no_tiles(
    baseline, tenggarong_map
):
    assert isinstance(tenggarong_map, OfflineMap)
    m = tenggarong_map.map
    assert isinstance(m, folium.Map)
    features = village_layer(m).data["features"]
    villages = reference.village_shapes()
    expected = set(villages.loc[villages["kode_kec"] == TENGGARONG, "kode_desa"])
    assert sorted(f["properties"]["kode_desa"] for f in features) == sorted(expected)
    classes = baseline.of_kecamatan(TENGGARONG).set_index("kode_desa")["kelas"]
    for f in features:
        props = f["properties"]
        assert props["kelas"] == str(classes[props["kode_desa"]])
        assert props["__folium_color"] == CLASS_COLORS[props["kelas"]]
    assert not [c for c in m._children.values() if isinstance(c, folium.TileLayer)]
    page = tenggarong_map.html
    assert not TILE_URL.search(page)
    assert "openstreetmap" not in page.lower()


def test_interactive_map_page_is_self_contained(tenggarong_map):
    page = tenggarong_map.html
    assert page.startswith("<!DOCTYPE html>")
    # no tag loads or links anything from elsewhere (not even a relative file)
    links = page_links(page)
    assert [u for u in links if not u.startswith("data:")] == []
    assert "//cdn" not in page
    # Leaflet is in the page itself, with its images as data: URIs
    assert "Leaflet 1.9.4" in page
    assert "L.map(" in page
    assert "images/" not in leaflet_assets()[1]
    assert "url(data:image/png;base64," in page
    assert "sourceMappingURL" not in page
    # what folium and the project wrote needs nothing but Leaflet
    own = without_leaflet(page)
    # (Leaflet's own code holds a link to leafletjs.com for its attribution line)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", own, re.I)
    assert not re.search(
        r"\$\s*\(|\$\.|jquery|bootstrap|fontawesome|awesome", own, re.I
    )
    assert "draggable" not in own  # geopandas' legend (jQuery UI) is gone
    assert "<script src" not in own and "<link" not in own
    # the charset is declared early, before the 160 kB of Leaflet
    charset = page.index("charset=UTF-8")
    assert charset < 1024
    assert charset < page.index(".leaflet-pane") < page.index("Leaflet 1.9.4")


def test_interactive_map_legend_is_plain_html(tenggarong_map):
    page = tenggarong_map.html
    legend = re.search(r'<div class="kmp-legend">(.*?)</ul>\s*</div>', page, re.S)
    assert legend is not None
    assert "<script" not in legend.group(0)
    assert f'<div class="kmp-legend-title">{label("kelas", "id")}</div>' in page
    items = re.findall(
        r'<li><span style="background:(#[0-9a-f]{6})"></span>([^<]*)</li>',
        legend.group(1),
    )
    assert items == [(CLASS_COLORS[c], label(c, "id")) for c in ALL_CLASSES]


def test_interactive_map_displays_as_a_sandboxed_iframe(tenggarong_map, tmp_path):
    shown = tenggarong_map._repr_html_()
    iframe = re.fullmatch(r'<iframe srcdoc="([^"]*)" sandbox="allow-scripts" .*', shown)
    assert iframe is not None
    assert htmllib.unescape(iframe.group(1)) == tenggarong_map.html
    assert f'title="{label("map_title", "id")} – Kecamatan Tenggarong"' in shown
    saved = tenggarong_map.save(tmp_path / "peta.html")
    assert saved.read_text(encoding="utf-8") == tenggarong_map.html
    # the page is made from a copy: the map and folium's own links stay as they are
    assert "default_js" not in vars(tenggarong_map.map)
    assert dict(folium.Map.default_js)["leaflet"].startswith("https://")


def test_interactive_map_tooltip_escapes_names(baseline):
    villages = reference.village_shapes()
    first = villages.index[villages["kode_kec"] == TENGGARONG][0]
    villages.loc[first, "nama_desa"] = "<script>alert('desa')</script>"
    coops = baseline.cooperatives.copy()
    coops.loc[coops["kode_kec"] == TENGGARONG, "nama_koperasi"] = "<b>KMP</b> & co"
    shown = interactive_map(coops, TENGGARONG, lang="en", villages=villages)
    layer = village_layer(shown.map)
    props = {
        f["properties"]["kode_desa"]: f["properties"] for f in layer.data["features"]
    }
    patched = props[villages.loc[first, "kode_desa"]]
    # the tooltip puts properties into innerHTML: they must arrive escaped
    assert (
        patched["nama_desa"] == "&lt;script&gt;alert(&#x27;desa&#x27;)&lt;/script&gt;"
    )
    assert patched["nama_koperasi"] == "&lt;b&gt;KMP&lt;/b&gt; &amp; co"
    page = shown.html
    assert "<script>alert(" not in page
    assert "<b>KMP</b>" not in page
    # folium writes the GeoJSON with & as \u0026 (decoded again by the browser)
    assert "\\u0026lt;script\\u0026gt;alert(" in page
    (tooltip,) = [
        c for c in layer._children.values() if isinstance(c, folium.GeoJsonTooltip)
    ]
    assert tooltip.aliases == [
        label(key, "en") for key in ("nama_desa", "nama_koperasi", "kelas", "alasan")
    ]
    assert tooltip.fields == ["nama_desa", "nama_koperasi", "kelas_label", "alasan"]
    # the legend is in English too
    assert [label(c, "en") for c in ALL_CLASSES] == re.findall(
        r"</span>([^<]*)</li>", page
    )


def test_explorer_interactive_map_follows_the_thresholds(explorer):
    explorer.set_thresholds(aktif_partisipasi=0.6)
    props = {
        f["properties"]["kode_desa"]: f["properties"]["kelas"]
        for f in village_layer(explorer.interactive_map().map).data["features"]
    }
    now = explorer.evaluation.of_kecamatan(TENGGARONG)
    assert props == dict(zip(now["kode_desa"], now["kelas"].astype(str), strict=True))
    other = village_layer(explorer.interactive_map("Tabang").map).data["features"]
    assert {f["properties"]["kode_desa"][:8] for f in other} == {"64.02.12"}


# ------------------------------------------------- the map in an offline browser

_POINT_INSIDE = """() => {
  // a point where the first village's path, and nothing above it, is hit
  const path = document.querySelector('path.leaflet-interactive');
  const box = path.getBoundingClientRect();
  for (let i = 1; i < 24; i++) {
    for (let j = 1; j < 24; j++) {
      const x = box.left + box.width * i / 24, y = box.top + box.height * j / 24;
      if (document.elementFromPoint(x, y) === path) return [x, y];
    }
  }
  return null;
}"""


@pytest.fixture(scope="module")
def offline_browser():
    chromium = find_chromium()
    if chromium is None:
        pytest.skip(
            "no Chromium/Chrome for the offline map check "
            "(apt-get install chromium, or set KMP_CHROMIUM)"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=list(CHROMIUM_FLAGS)
        )
        try:
            yield browser
        finally:
            browser.close()


def open_offline(browser, url: str):
    """A page that records every request and refuses those leaving the machine,
    and records script errors."""
    page = browser.new_page(viewport={"width": 1100, "height": 700})
    seen: dict[str, list[str]] = {"requests": [], "errors": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on(
        "console",
        lambda msg: msg.type == "error" and seen["errors"].append(msg.text),
    )

    def local_only(route) -> None:
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", local_only)
    page.goto(url, wait_until="load")
    return page, seen


@pytest.mark.e2e
def test_interactive_map_draws_offline_in_chromium(
    tenggarong_map, offline_browser, tmp_path
):
    villages = reference.village_shapes()
    n_villages = int((villages["kode_kec"] == TENGGARONG).sum())
    path = tenggarong_map.save(tmp_path / "peta.html")
    page, seen = open_offline(offline_browser, path.as_uri())
    try:
        drawn = page.evaluate(
            "() => document.querySelectorAll('.leaflet-interactive').length"
        )
        legend = page.inner_text(".kmp-legend")
        # hovering a village shows its tooltip (folium's code, with Leaflet only)
        point = page.evaluate(_POINT_INSIDE)
        assert point is not None, "no visible point of a village to hover"
        page.mouse.move(*point)
        tooltip = page.wait_for_selector(".leaflet-tooltip", timeout=5000)
        assert tooltip is not None
        tip = tooltip.inner_text()
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))
    finally:
        page.close()
    outside = [u for u in seen["requests"] if not u.startswith(LOCAL_SCHEMES)]
    assert outside == [], "the map asks the network for something"
    assert seen["errors"] == []
    assert drawn == n_villages  # one SVG path per village polygon
    for kelas in ALL_CLASSES:
        assert label(kelas, "id") in legend
    assert label("nama_desa", "id") in tip
    assert any(name in tip for name in villages["nama_desa"])
    assert SCREENSHOT.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.e2e
def test_the_notebook_iframe_draws_offline_in_chromium(
    tenggarong_map, offline_browser, tmp_path
):
    """What JupyterLab shows: the ``srcdoc`` iframe, sandboxed, scripts allowed."""
    villages = reference.village_shapes()
    n_villages = int((villages["kode_kec"] == TENGGARONG).sum())
    cell = tmp_path / "cell.html"
    cell.write_text(
        '<!DOCTYPE html><meta charset="utf-8"><body>'
        + tenggarong_map._repr_html_()
        + "</body>",
        encoding="utf-8",
    )
    page, seen = open_offline(offline_browser, cell.as_uri())
    try:
        (frame,) = [f for f in page.frames if f != page.main_frame]
        frame.wait_for_selector(".leaflet-interactive", state="attached")
        drawn = frame.evaluate(
            "() => document.querySelectorAll('.leaflet-interactive').length"
        )
    finally:
        page.close()
    outside = [u for u in seen["requests"] if not u.startswith(LOCAL_SCHEMES)]
    assert outside == []
    assert seen["errors"] == []
    assert drawn == n_villages


_VILLAGES_BOX = """() => {
  // the box around every village drawn, as a share of the map's width and height
  const paths = Array.from(document.querySelectorAll('path.leaflet-interactive'));
  const boxes = paths.map(p => p.getBoundingClientRect());
  const w = Math.max(...boxes.map(b => b.right)) - Math.min(...boxes.map(b => b.left));
  const h = Math.max(...boxes.map(b => b.bottom)) - Math.min(...boxes.map(b => b.top));
  return [w / window.innerWidth, h / window.innerHeight];
}"""


@pytest.mark.e2e
def test_a_map_loaded_out_of_view_opens_on_the_kecamatan_when_shown(
    tenggarong_map, offline_browser, tmp_path
):
    """JupyterLab skips drawing cells out of view: a map redrawn there (a slider
    moved above it) loads in an iframe with no size. Shown, it must fit its
    kecamatan, not stay zoomed out on the whole world."""
    cell = tmp_path / "hidden.html"
    cell.write_text(
        '<!DOCTYPE html><meta charset="utf-8"><body>'
        f'<div id="cell" style="display:none">{tenggarong_map._repr_html_()}</div>'
        "</body>",
        encoding="utf-8",
    )
    page, seen = open_offline(offline_browser, cell.as_uri())
    try:
        (frame,) = [f for f in page.frames if f != page.main_frame]
        frame.wait_for_selector(".leaflet-interactive", state="attached")
        page.evaluate("() => { document.getElementById('cell').style.display = '' }")
        frame.wait_for_function(
            "() => document.querySelector('.leaflet-container').clientWidth > 0"
        )
        frame.wait_for_function(f"() => ({_VILLAGES_BOX})()[0] > 0.3")
        width, height = frame.evaluate(_VILLAGES_BOX)
    finally:
        page.close()
    assert seen["errors"] == []
    # Tenggarong fills its map (as when shown from the start), not a dot
    assert max(width, height) > 0.6


# ---------------------------------------------------------------------- notebook


def test_notebook_is_thin_and_parameterised():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    params = code[0]
    assert "parameters" in params.metadata.get("tags", [])
    for line in (
        'data: str = ""',
        'period: str = ""',
        'lang: str = "id"',
        'kecamatan: str = "Tenggarong"',
    ):
        assert f"\n{line}  # " in f"\n{params.source}"
    for cell in code:
        assert cell.outputs == []
        assert cell.execution_count is None
        assert len(cell.source.splitlines()) <= 15
    assert any("kmp_analysis.report.explore" in c.source for c in code[1:])
    assert any(c.cell_type == "markdown" for c in nb.cells)


def widget_views(nb) -> list[dict]:
    """The widget views among the outputs of an executed notebook."""
    return [
        o["data"]["application/vnd.jupyter.widget-view+json"]
        for c in nb.cells
        for o in c.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]


def widget_outputs(nb) -> list[str]:
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]
    return [
        out["data"]["text/html"]
        for model in state["state"].values()
        if model["model_name"] == "OutputModel"
        for out in model["state"]["outputs"]
    ]


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("parameters", "expected"),
    [
        ({}, label("section_counts", "id")),
        ({"lang": "en", "kecamatan": "Sanga-Sanga"}, label("section_counts", "en")),
    ],
)
def test_notebook_executes_headless(tmp_path, parameters, expected):
    import papermill

    executed = tmp_path / "eksplorasi.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(executed),
        parameters=parameters,
        kernel_name="python3",
        progress_bar=False,
    )
    nb = nbformat.read(executed, as_version=4)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any(
        label("synthetic_notice", parameters.get("lang", "id")) in h for h in html
    )
    assert not any(TILE_URL.search(h) for h in html)
    nama = "Sanga Sanga" if parameters else "Tenggarong"
    (shown,) = widget_outputs(nb)
    assert f"<h2>Kecamatan {nama}</h2>" in shown
    assert expected in shown
    lang = parameters.get("lang", "id")
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]
    # papermill (nbclient) saves the widgets' state, as `jupyter nbconvert
    # --execute` does: every widget shown is in it (no "model not found"), the
    # hint says to run all again, the map names its kecamatan and thresholds
    assert {v["model_id"] for v in widget_views(nb)} == {APP_MODEL_ID, MAP_MODEL_ID}
    assert {v["model_id"] for v in widget_views(nb)} <= set(state["state"])
    assert any(
        htmllib.escape(label("explore_hint", lang)) in str(m["state"].get("value"))
        for m in state["state"].values()
    )
    webmap = state["state"][MAP_MODEL_ID]["state"]["value"]
    assert '<div class="kmp-webmap"' in webmap and "<iframe" in webmap
    assert f"Kecamatan {nama}" in webmap
    assert not TILE_URL.search(webmap)
    # the switch of the map's colouring is there, on its default (class)
    (switch,) = [
        m["state"]
        for m in state["state"].values()
        if m["model_name"] == "ToggleButtonsModel"
        and m["state"].get("description") == label("peta_warna", lang)
    ]
    assert switch["_options_labels"] == [
        label("peta_warna_kelas", lang),
        label("peta_warna_status_idm", lang),
    ]
    assert switch["index"] == 0


#: What a planner does after Run All, in the kernel: the widgets' own observers run.
_PLANNER = """\
explorer.inputs["aktif_partisipasi"].value = 0.6
explorer.inputs["kecamatan"].value = "64.02.15"
explorer.inputs["lang"].value = "en"
"""


@pytest.mark.e2e
def test_a_saved_notebook_reopens_on_the_rerun_notice(tmp_path):
    """Run in a kernel, used, and saved as JupyterLab saves it by default (no
    widget state): the widget views refer to the fixed ids, which the notebook's
    metadata holds as the notice to run all again; nothing else is a widget, no
    stale map is saved as HTML, and the header followed the language in place."""
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(_PLANNER))
    NotebookClient(
        nb,
        kernel_name="python3",
        store_widget_state=False,  # JupyterLab's "Save Widget State" is off
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []
    # what JupyterLab shows on reopening: the saved views, from the saved state
    assert nb.metadata["widgets"] == saved_widget_state()
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]
    views = [v["model_id"] for v in widget_views(nb)]
    assert views == [APP_MODEL_ID, MAP_MODEL_ID]
    notices = [state["state"][model_id]["state"]["value"] for model_id in views]
    assert all('class="kmp-rerun"' in n and "Run All" in n for n in notices)
    assert htmllib.escape(label("explore_rerun", "id")) in notices[0]
    # no stale table or map among the saved outputs
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert not any("<iframe" in h or "kmp-counts" in h for h in html)
    # the header was rewritten in English where it is (one output, in place)
    (header,) = [h for h in html if "<h1>" in h]
    assert label("explore_heading", "en") in header
    assert label("synthetic_notice", "en") in header
    assert label("explore_heading", "id") not in header
    # and no output names the machine's folders
    assert str(PROJ_ROOT) not in json.dumps([dict(o) for o in outputs])

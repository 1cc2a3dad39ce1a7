"""The exploration notebook's logic (issue: eksplorasi.ipynb for planners)."""

from __future__ import annotations

import re
from dataclasses import fields

import folium
import nbformat
import pytest

from kmp_analysis import reference
from kmp_analysis.classify import CLASSES
from kmp_analysis.config import NOTEBOOKS_DIR, SAMPLE_DIR, Config, Thresholds
from kmp_analysis.evaluate import evaluate
from kmp_analysis.explore import SLIDERS, Explorer, interactive_map
from kmp_analysis.i18n import label
from kmp_analysis.io import Dataset, read_dataset
from kmp_analysis.maps import CLASS_COLORS

NOTEBOOK = NOTEBOOKS_DIR / "eksplorasi.ipynb"
TENGGARONG = "64.02.06"
TILE_URL = re.compile(
    r"tile\.openstreetmap|\{z\}/\{x\}/\{y\}|tiles?\.[a-z]+\.(com|org)"
)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return read_dataset(SAMPLE_DIR)


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
    assert "0.20 → 0.60" in html


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
    assert slider.description == label("ambang_aktif_partisipasi", "id")
    explorer.inputs["lang"].value = "en"
    assert slider.description == label("ambang_aktif_partisipasi", "en")
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


def test_header_marks_synthetic_data(explorer):
    html = explorer.header().data
    assert label("synthetic_notice", "id") in html
    assert label("explore_heading", "id") in html


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


def test_interactive_map_has_one_feature_per_village_and_no_tiles(baseline):
    m = interactive_map(baseline.cooperatives, TENGGARONG)
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
    html = m.get_root().render()
    assert not TILE_URL.search(html)
    assert "openstreetmap" not in html.lower()
    assert label("tidak_bergerak", "id") in html  # the legend, from i18n


def test_interactive_map_tooltip_escapes_names(baseline):
    villages = reference.village_shapes()
    first = villages.index[villages["kode_kec"] == TENGGARONG][0]
    villages.loc[first, "nama_desa"] = "<script>alert('desa')</script>"
    coops = baseline.cooperatives.copy()
    coops.loc[coops["kode_kec"] == TENGGARONG, "nama_koperasi"] = "<b>KMP</b> & co"
    m = interactive_map(coops, TENGGARONG, lang="en", villages=villages)
    layer = village_layer(m)
    props = {
        f["properties"]["kode_desa"]: f["properties"] for f in layer.data["features"]
    }
    patched = props[villages.loc[first, "kode_desa"]]
    # the tooltip puts properties into innerHTML: they must arrive escaped
    assert (
        patched["nama_desa"] == "&lt;script&gt;alert(&#x27;desa&#x27;)&lt;/script&gt;"
    )
    assert patched["nama_koperasi"] == "&lt;b&gt;KMP&lt;/b&gt; &amp; co"
    html = m.get_root().render()
    assert "<script>alert(" not in html
    assert "<b>KMP</b>" not in html
    # folium writes the GeoJSON with & as \u0026 (decoded again by the browser)
    assert "\\u0026lt;script\\u0026gt;alert(" in html
    (tooltip,) = [
        c for c in layer._children.values() if isinstance(c, folium.GeoJsonTooltip)
    ]
    assert tooltip.aliases == [
        label(key, "en") for key in ("nama_desa", "nama_koperasi", "kelas", "alasan")
    ]
    assert tooltip.fields == ["nama_desa", "nama_koperasi", "kelas_label", "alasan"]


def test_explorer_interactive_map_follows_the_thresholds(explorer):
    explorer.set_thresholds(aktif_partisipasi=0.6)
    props = {
        f["properties"]["kode_desa"]: f["properties"]["kelas"]
        for f in village_layer(explorer.interactive_map()).data["features"]
    }
    now = explorer.evaluation.of_kecamatan(TENGGARONG)
    assert props == dict(zip(now["kode_desa"], now["kelas"].astype(str), strict=True))
    other = village_layer(explorer.interactive_map("Tabang")).data["features"]
    assert {f["properties"]["kode_desa"][:8] for f in other} == {"64.02.12"}


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
    assert any("kmp_analysis.explore" in c.source for c in code[1:])
    assert any(c.cell_type == "markdown" for c in nb.cells)


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
    assert any("<iframe" in h for h in html)  # the interactive map
    assert not any(TILE_URL.search(h) for h in html)
    nama = "Sanga Sanga" if parameters else "Tenggarong"
    (shown,) = widget_outputs(nb)
    assert f"<h2>Kecamatan {nama}</h2>" in shown
    assert expected in shown

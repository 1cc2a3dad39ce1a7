"""The kecamatan map with the IDM status of each desa (issue 12)."""

from __future__ import annotations

import dataclasses
import itertools
import re

import pytest
from matplotlib.collections import PatchCollection
from matplotlib.colors import to_hex

from kmp_analysis.i18n import label
from kmp_analysis.reference import CONTEXT_COLUMNS
from kmp_analysis.report import maps
from kmp_analysis.report.brief import Brief
from kmp_analysis.report.style import CLASS_COLORS, IDM_COLORS
from kmp_analysis.report.trends import CLASS_HATCHES

TENGGARONG = "64.02.06"
TABANG = "64.02.12"
#: Tenggarong in the reference: 12 kelurahan, Rapak Lambur Mandiri, Bendang Raya Maju.
TENGGARONG_IDM = {"64.02.06.2012": "mandiri", "64.02.06.2014": "maju"}


@pytest.fixture(scope="module")
def coops(sample_evaluation):
    return sample_evaluation.cooperatives


def legends(fig) -> list[list[str]]:
    return [
        [t.get_text() for t in ax.get_legend().get_texts()]
        for ax in fig.axes
        if ax.get_legend() is not None
    ]


def figure_texts(fig) -> list[str]:
    return [t.get_text() for t in fig.texts]


def faces(collection) -> list[str]:
    return [to_hex(c) for c in collection.get_facecolors()]


def test_beside_the_class_map_a_small_map_of_the_idm_status(coops):
    fig = maps.kecamatan_map(coops, TENGGARONG, lang="id")

    class_legend, idm_legend = legends(fig)
    assert class_legend == [
        "Tidak bergerak",
        "Administratif",
        "Aktif",
        "Berdampak",
        "Tanpa data",
    ]
    # every status of the regency listed (Berkembang too, none in Tenggarong),
    # counting the villages of the kecamatan; kelurahan as not applicable
    assert idm_legend == [
        "Mandiri: 1",
        "Maju: 1",
        "Berkembang: 0",
        "Tidak berlaku (kelurahan): 12",
    ]
    titles = figure_texts(fig)
    assert label("map_title", "id") in titles
    assert label("map_idm_title", "id") in titles
    assert label("map_idm_source", "id") in titles
    assert fig.get_size_inches()[0] > 7.5  # wider, the same height in print


def test_kelurahan_are_hatched_and_desa_in_the_blue_ramp(coops):
    fig = maps.kecamatan_map(coops, TENGGARONG)
    _, idm_ax = [ax for ax in fig.axes if ax.get_legend() is not None]
    plain, hatched = idm_ax.collections[:2]
    assert plain.get_hatch() is None
    # Rapak Lambur (Mandiri) and Bendang Raya (Maju), in the geography's order
    area = maps.area_statuses(coops, TENGGARONG)
    desa = [s for s in area if s != "tidak_berlaku"]
    assert sorted(faces(plain)) == sorted(IDM_COLORS[s] for s in desa)
    assert sorted(desa) == sorted(TENGGARONG_IDM.values())
    assert hatched.get_hatch() == "////"
    assert len(hatched.get_paths()) == 12
    assert set(faces(hatched)) == {"#ffffff"}
    # the legend's kelurahan swatch is hatched the same way
    idm_handles = idm_ax.get_legend().legend_handles
    assert [h.get_hatch() for h in idm_handles] == [None, None, None, "////"]


def test_the_class_map_is_hatched_as_the_class_charts(coops):
    """Grey-scale prints tell Tidak bergerak from Berdampak by the hatch."""
    fig = maps.kecamatan_map(coops, TENGGARONG)
    main = fig.axes[0]
    layers = {
        c.get_hatch(): set(faces(c))
        for c in main.collections
        if isinstance(c, PatchCollection)
    }
    kelas = set(coops.loc[coops["kode_kec"] == TENGGARONG, "kelas"].astype(str))
    assert len(kelas) == 4  # all four classes in the sample's Tenggarong
    assert layers == {CLASS_HATCHES[k] or None: {CLASS_COLORS[k]} for k in kelas}
    class_handles = main.get_legend().legend_handles
    assert [h.get_hatch() for h in class_handles] == [
        "xx",
        "..",
        "//",
        None,
        None,
    ]


def test_the_ramp_darkens_from_berkembang_to_mandiri():
    def lightness(color: str) -> float:
        r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    ramp = [IDM_COLORS[s] for s in ("berkembang", "maju", "mandiri")]
    values = [lightness(c) for c in ramp]
    assert values == sorted(values, reverse=True)
    # far enough apart to tell in a grey-scale print
    assert min(a - b for a, b in itertools.pairwise(values)) > 0.15


def test_english_legend(coops):
    fig = maps.kecamatan_map(coops, TABANG, lang="en")
    _, idm_legend = legends(fig)
    assert idm_legend == [
        "Independent (Mandiri): 0",
        "Advanced (Maju): 14",
        "Developing (Berkembang): 5",
        "Not applicable (kelurahan): 0",
    ]
    assert label("map_idm_title", "en") in figure_texts(fig)


def test_a_desa_without_a_cooperative_keeps_its_status(coops):
    without = coops[coops["kode_desa"] != "64.02.06.2012"]
    statuses = maps.area_statuses(without, TENGGARONG)
    assert statuses["64.02.06.2012"] == "mandiri"  # from the reference
    fig = maps.kecamatan_map(without, TENGGARONG)
    assert "Mandiri: 1" in legends(fig)[1]
    assert "Tanpa data" in legends(fig)[0]  # no class: no cooperative


def test_a_frame_without_context_draws_the_class_map_alone(coops):
    bare = coops.drop(columns=list(CONTEXT_COLUMNS))
    assert maps.village_statuses(bare) is None
    assert maps.area_statuses(bare, TENGGARONG) is None
    for colour_by in maps.MAP_COLOURINGS:
        fig = maps.kecamatan_map(bare, TENGGARONG, colour_by=colour_by)
        assert legends(fig) == [[label(c, "id") for c in CLASS_COLORS]]
        assert label("map_title", "id") in figure_texts(fig)
        assert label("map_idm_title", "id") not in figure_texts(fig)
        assert label("map_idm_source", "id") not in figure_texts(fig)
        main = fig.axes[0]
        assert set(faces(main.collections[0])) <= set(CLASS_COLORS.values())
        assert tuple(fig.get_size_inches()) == (7.5, 6.0)


def test_coloured_by_idm_status_one_map_with_names_readable(coops):
    fig = maps.kecamatan_map(coops, TENGGARONG, colour_by="status_idm", lang="id")
    assert legends(fig) == [
        ["Mandiri: 1", "Maju: 1", "Berkembang: 0", "Tidak berlaku (kelurahan): 12"]
    ]
    assert label("map_idm_title", "id") in figure_texts(fig)
    assert label("map_idm_source", "id") in figure_texts(fig)
    assert label("map_title", "id") not in figure_texts(fig)
    names = {t.get_text(): t for t in fig.axes[0].texts}
    assert len(names) == 14
    # white on Mandiri's dark blue; a halo over the hatching of a kelurahan
    assert to_hex(names["Rapak Lambur"].get_color()) == "#ffffff"
    assert to_hex(names["Jahab"].get_color()) == "#222222"
    assert names["Jahab"].get_path_effects()
    assert not names["Bendang Raya"].get_path_effects()


def test_an_unknown_colouring_is_refused(coops):
    with pytest.raises(ValueError, match="colour_by"):
        maps.kecamatan_map(coops, TENGGARONG, colour_by="idm")


def test_the_brief_map_alt_text_counts_the_statuses(sample_evaluation):
    shown = Brief(sample_evaluation, TENGGARONG, lang="en").map().data
    (alt,) = re.findall(r'alt="([^"]*)"', shown)
    assert alt.startswith(label("map_alt", "en", nama="Tenggarong"))
    assert alt.endswith(
        "Independent (Mandiri) 1, Advanced (Maju) 1, not applicable (kelurahan) 12"
    )
    bare = dataclasses.replace(
        sample_evaluation,
        cooperatives=sample_evaluation.cooperatives.drop(columns=list(CONTEXT_COLUMNS)),
    )
    shown = Brief(bare, TENGGARONG, lang="id").map().data
    (alt,) = re.findall(r'alt="([^"]*)"', shown)
    assert alt == label("map_alt", "id", nama="Tenggarong")

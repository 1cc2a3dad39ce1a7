"""A dataset's own geography: wilayah.csv (+ geojson) instead of Kukar's (issue 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kmp_analysis import batch, reference
from kmp_analysis.io import geography
from kmp_analysis.report import maps
from kmp_analysis.sample import write_national

WILAYAH = """kode_desa,nama_desa,jenis,kode_kec,nama_kec,lon,lat
11.01.01.2001,Desa A,desa,11.01.01,Kecamatan Satu,95.1,5.1
11.01.01.2002,Desa B,desa,11.01.01,Kecamatan Satu,95.2,5.2
11.01.02.2001,Desa C,desa,11.01.02,Sungai Raya,95.3,5.3
12.03.04.2001,Desa D,desa,12.03.04,Sungai Raya,99.1,2.1
"""


@pytest.fixture
def own(tmp_path) -> reference.Geography:
    (tmp_path / "wilayah.csv").write_text(WILAYAH, encoding="utf-8")
    return geography(tmp_path)


def test_kukar_is_the_geography_of_data_without_its_own(tmp_path):
    assert geography(None) is reference.kukar()
    assert geography(tmp_path) is reference.kukar()
    assert len(reference.kukar().kecamatan) == 20


def test_own_kecamatan_by_code_and_unique_name(own):
    assert list(own.kecamatan["kode_kec"]) == ["11.01.01", "11.01.02", "12.03.04"]
    assert own.resolve("110101") == "11.01.01"
    assert own.resolve("kecamatan satu") == "11.01.01"
    assert own.dir_name("11.01.02") == "11.01.02-sungai-raya"
    assert own.kecamatan_shapes() is None and own.village_shapes() is None


def test_a_name_two_kecamatan_carry_asks_for_the_code(own):
    with pytest.raises(reference.UnknownKecamatan) as caught:
        own.resolve("Sungai Raya")
    assert caught.value.suggestions == [
        "Sungai Raya (11.01.02)",
        "Sungai Raya (12.03.04)",
    ]


def test_the_locator_shows_the_regency_of_the_kecamatan(own):
    codes = own.kecamatan["kode_kec"]
    assert list(own.same_area(codes, "11.01.02")) == [True, True, False]
    assert own.area_name("11.01.02") == "Kab. 11.01"
    kukar = reference.kukar()
    assert kukar.same_area(codes, "11.01.02").all()
    assert kukar.area_name("64.02.06") == "Kukar"


def test_a_map_without_village_shapes_draws_village_points(own):
    import pandas as pd

    coops = pd.DataFrame(
        {"kode_kec": ["11.01.01"], "kode_desa": ["11.01.01.2001"], "kelas": ["aktif"]}
    )
    fig = maps.kecamatan_map(coops, "11.01.01", geography=own)
    ax = fig.axes[0]
    points = ax.collections[0]
    assert len(points.get_offsets()) == 2  # Desa A and Desa B
    assert sorted(t.get_text() for t in ax.texts) == ["Desa A", "Desa B"]
    colors = [tuple(round(c, 3) for c in rgba[:3]) for rgba in points.get_facecolors()]
    assert colors[0] == (0.651, 0.851, 0.416)  # aktif, #a6d96a
    assert colors[1] == (0.851, 0.851, 0.851)  # no cooperative: grey


@pytest.mark.e2e
def test_briefs_of_national_data_use_its_geography(tmp_path):
    data = tmp_path / "nasional"
    write_national(data, 2025, 30, 300)
    geo = geography(data)
    codes = list(geo.kecamatan["kode_kec"][:2])
    report = batch.write_briefs(
        data=data,
        kecamatan=codes,
        out=tmp_path / "out",
        progress=False,
        executor="inprocess",
        formats=("html",),
    )
    assert [r.status for r in report.results] == ["ok", "ok"]
    assert report.summary is None
    assert any("wilayah.csv" in note for note in report.notes)
    for result in report.results:
        folder = report.run_dir / result.folder
        assert folder.name == geo.dir_name(result.kode_kec)
        brief = json.loads((folder / "brief.json").read_text("utf-8"))
        assert brief["nama_kec"] == geo.name_of(result.kode_kec)
        assert Path(folder / "brief.html").stat().st_size > 10_000


def test_a_wilayah_file_is_read_as_tolerantly_as_the_tables(tmp_path):
    text = WILAYAH.replace(",", ";").replace("Kecamatan Satu", "Kecamatan Satú")
    (tmp_path / "wilayah.csv").write_bytes(text.encode("cp1252"))
    geo = geography(tmp_path)
    assert geo.name_of("11.01.01") == "Kecamatan Satú"
    assert geo.villages["lon"].tolist() == [95.1, 95.2, 95.3, 99.1]


def test_a_broken_wilayah_file_is_a_problem_list(tmp_path):
    from kmp_analysis.errors import ValidationFailed

    (tmp_path / "wilayah.csv").write_text(
        "kode_desa;nama_desa;kode_kec\n11.01.01.2001;A;11.01.01\n", encoding="utf-8"
    )
    with pytest.raises(ValidationFailed) as caught:
        geography(tmp_path)
    assert [(p.row, p.column, p.code) for p in caught.value.problems] == [
        (1, "nama_kec", "column_missing")
    ]

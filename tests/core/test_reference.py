"""Kukar's geography and kecamatan names (DESIGN §1, §9): kmp_analysis.reference."""

from __future__ import annotations

import pytest

from kmp_analysis import reference


def test_237_villages_in_20_kecamatan():
    v = reference.villages()

    assert len(v) == 237
    assert v["kode_desa"].is_unique
    assert v["kode_kec"].nunique() == 20
    assert len(reference.kecamatan()) == 20
    assert reference.kecamatan()["n_desa_kel"].sum() == 237
    assert len(reference.village_codes()) == 237


def test_193_desa_and_44_kelurahan():
    assert reference.villages()["jenis"].value_counts().to_dict() == {
        "desa": 193,
        "kelurahan": 44,
    }


def test_village_code_rule_kelurahan_1_desa_2():
    v = reference.villages()
    village_part = v["kode_desa"].str.split(".").str[3]

    assert village_part.str.fullmatch(r"[12]\d{3}").all()
    expected = village_part.str[0].map({"1": "kelurahan", "2": "desa"})
    assert (expected == v["jenis"]).all()
    assert (village_part.str[0] == "2").sum() == 193


def test_codes_are_kemendagri_6402_and_consistent():
    v = reference.villages()

    assert v["kode_desa"].str.fullmatch(r"64\.02\.\d{2}\.\d{4}").all()
    assert (v["kode_desa"].str[:8] == v["kode_kec"]).all()
    assert (v["kode_desa"].str.replace(".", "") == v["kode_desa_compact"]).all()
    assert reference.kecamatan()["kode_kec"].tolist() == [
        f"64.02.{i:02d}" for i in range(1, 21)
    ]


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("Sanga-Sanga", "64.02.15"),
        ("Sangasanga", "64.02.15"),
        ("sanga sanga", "64.02.15"),
        ("SANGA SANGA", "64.02.15"),
        ("Marangkayu", "64.02.17"),
        ("marang kayu", "64.02.17"),
        ("Semboja", "64.02.13"),
        ("Samboja", "64.02.13"),
        ("Semboja Barat", "64.02.20"),
        ("Kec. Tenggarong", "64.02.06"),
        ("Kecamatan Tenggarong Seberang", "64.02.16"),
        ("  tenggarong  ", "64.02.06"),
        ("64.02.06", "64.02.06"),
        ("640206", "64.02.06"),
        ("640215", "64.02.15"),
        ("Kota Bangun Ulu", "64.02.08"),
        ("Kota Bangun Darat", "64.02.19"),
    ],
)
def test_resolve_kecamatan(given, code):
    assert reference.resolve_kecamatan(given) == code


def test_resolve_kecamatan_does_not_confuse_prefixes():
    # Tenggarong vs Tenggarong Seberang, Samboja vs Samboja Barat
    assert reference.resolve_kecamatan("Tenggarong") == "64.02.06"
    assert reference.resolve_kecamatan("Tenggarong Seberang") == "64.02.16"
    assert reference.resolve_kecamatan("Samboja Barat") == "64.02.20"


def test_unknown_name_suggests_the_closest():
    with pytest.raises(reference.UnknownKecamatan) as info:
        reference.resolve_kecamatan("Tenggarongg")

    assert info.value.given == "Tenggarongg"
    assert info.value.suggestions[0] == "Tenggarong"
    assert len(info.value.suggestions) <= 3


@pytest.mark.parametrize("given", ["Jakarta Selatan", "64.02.99", "640299", "", "6402"])
def test_unknown_values_raise(given):
    with pytest.raises(reference.UnknownKecamatan) as info:
        reference.resolve_kecamatan(given)

    assert isinstance(info.value, ValueError)
    assert isinstance(info.value.suggestions, list)


def test_resolve_many_keeps_order_drops_repeats_and_collects_failures():
    codes, errors = reference.resolve_many(
        ["Sanga-Sanga", "640215", "Tenggarongg", "Loa Kulu"]
    )

    assert codes == ["64.02.15", "64.02.02"]
    assert [e.given for e in errors] == ["Tenggarongg"]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Sanga Sanga", "sanga-sanga"),
        ("Sanga-Sanga", "sanga-sanga"),
        ("Tenggarong Seberang", "tenggarong-seberang"),
        ("Koperasi Séjahtera", "koperasi-sejahtera"),
        ("  Loa  Kulu ", "loa-kulu"),
        ("", "tanpa-nama"),
        ("///", "tanpa-nama"),
    ],
)
def test_slugify(name, slug):
    assert reference.slugify(name) == slug


@pytest.mark.parametrize(
    "name", ["../../etc", "..", "a/../b", "..\\..\\windows", "/abs/path", "~/x"]
)
def test_slugify_strips_path_parts(name):
    slug = reference.slugify(name)

    assert "/" not in slug
    assert "\\" not in slug
    assert ".." not in slug
    assert slug
    assert slug not in (".", "..")


def test_slugify_of_traversal_keeps_only_the_words():
    assert reference.slugify("../../etc") == "etc"


def test_kecamatan_dir_name():
    assert reference.kecamatan_dir_name("64.02.15") == "64.02.15-sanga-sanga"
    assert reference.kecamatan_dir_name("64.02.17") == "64.02.17-marang-kayu"


def test_every_kecamatan_dir_name_is_unique_and_safe():
    dirs = [reference.kecamatan_dir_name(k) for k in reference.kecamatan()["kode_kec"]]

    assert len(set(dirs)) == 20
    assert all("/" not in d and ".." not in d and " " not in d for d in dirs)


# ------------------------------------------------------------ village names to codes


@pytest.mark.parametrize(
    ("name", "kecamatan", "code"),
    [
        ("Kel. Sanga-Sanga Dalam", None, "64.02.15.1003"),
        ("sangasanga dalam", None, "64.02.15.1003"),
        ("  MUARA KAMAN ILIR ", None, "64.02.11.2001"),
        ("Desa Bukit Raya", "Samboja", "64.02.13.2016"),
        ("Bukit Raya", "Semboja", "64.02.13.2016"),  # a kecamatan alias
        ("Bukit Raya", "64.02.16", "64.02.16.2002"),
        ("Sumber Sari", "kota bangun darat", "64.02.19.2007"),
    ],
)
def test_a_village_name_gives_its_code(name, kecamatan, code):
    assert reference.kukar().resolve_village(name, kecamatan) == code


def test_a_repeated_village_name_asks_for_the_kecamatan():
    with pytest.raises(reference.UnknownVillage) as caught:
        reference.kukar().resolve_village("Sumber Sari")
    assert caught.value.kecamatan == ["Kota Bangun Darat", "Loa Kulu", "Sebulu"]
    assert caught.value.suggestions == []


def test_an_unknown_village_name_lists_the_closest_official_names():
    with pytest.raises(reference.UnknownVillage) as caught:
        reference.kukar().resolve_village("Muara Kamen Ilir")
    assert caught.value.suggestions[0] == "Muara Kaman Ilir (Muara Kaman)"
    with pytest.raises(reference.UnknownVillage) as caught:
        reference.kukar().resolve_village("Bukit Rya", "Samboja")
    assert caught.value.suggestions == ["Bukit Raya (Samboja)"]


def test_a_village_outside_the_given_kecamatan_is_not_found():
    with pytest.raises(reference.UnknownVillage):
        reference.kukar().resolve_village("Sanga-Sanga Dalam", "Tenggarong")


def test_every_desa_has_idm_context_and_every_kelurahan_none():
    """The IDM joins on the Kemendagri code: all 193 desa have a 2024 status and the
    44 kelurahan say "tidak berlaku" in every column (never a zero or a gap)."""
    context = reference.village_context().set_index("kode_desa")
    v = reference.villages().set_index("kode_desa")
    assert len(context) == 237 and set(context.index) == set(v.index)
    desa = v.index[v["jenis"] == "desa"]
    kelurahan = v.index[v["jenis"] == "kelurahan"]
    assert len(desa) == 193 and len(kelurahan) == 44
    assert context.loc[desa, "status_idm"].isin(reference.IDM_STATUSES).all()
    for column in reference.CONTEXT_COLUMNS:
        assert context[column].notna().all(), column
        assert (context.loc[kelurahan, column] == reference.NOT_APPLICABLE).all()
        assert (context.loc[desa, column] != reference.NOT_APPLICABLE).all()
    # the published 2024 counts (data/reference/SOURCES.md)
    assert context.loc[desa, "status_idm"].value_counts().to_dict() == {
        "mandiri": 87,
        "maju": 83,
        "berkembang": 23,
    }
    assert (context.loc[desa, "perubahan_idm"] == "naik").sum() == 36


def test_context_facts_read_the_indicator_scores_by_hand():
    context = reference.village_context().set_index("kode_desa")
    # Perian (64.02.01.2001): Mandiri, bank, credit, market, road all year
    perian = context.loc["64.02.01.2001"]
    assert (perian["status_idm"], perian["bank_bpr"], perian["pasar_permanen"]) == (
        "mandiri",
        "ada",
        "ada",
    )
    assert perian["jalan_roda_empat"] == "sepanjang_tahun"
    assert perian["konteks"] == "mendukung"
    # Muara Aloh (64.02.01.2003): Maju, no permanent market: neither favourable nor hard
    aloh = context.loc["64.02.01.2003"]
    assert (aloh["status_idm"], aloh["pasar_permanen"], aloh["konteks"]) == (
        "maju",
        "tidak_ada",
        "biasa",
    )
    # every Berkembang desa is hard
    berkembang = context[context["status_idm"] == "berkembang"]
    assert (berkembang["konteks"] == "sulit").all()

"""Default thresholds (DESIGN §5) and YAML overrides: kmp_analysis.config."""

from __future__ import annotations

from dataclasses import asdict, replace

import pytest

from kmp_analysis.config import Config, Thresholds, load_config
from kmp_analysis.errors import ValidationFailed

DESIGN_DEFAULTS = {
    "aktif_partisipasi": 0.20,
    "berdampak_partisipasi": 0.50,
    "aktif_bulan_transaksi": 4,
    "aktif_unit_beroperasi": 1,
    "berdampak_unit_beroperasi": 2,
    "berdampak_kemandirian": 1.0,
    "berdampak_manfaat": 2,
    "risiko_par30": 0.05,
    "risiko_bulan_basi": 2,
    # DESIGN §4: window of 6 months, recent window of 3
    "window_months": 6,
    "recent_months": 3,
}


def write_yaml(tmp_path, text: str):
    path = tmp_path / "ambang.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path):
    with pytest.raises(ValidationFailed) as info:
        load_config(path)
    return info.value


@pytest.mark.parametrize("path", [None, ""])
def test_defaults_follow_design(path):
    t = load_config(path).thresholds

    for name, value in DESIGN_DEFAULTS.items():
        assert getattr(t, name) == value, name
        assert type(getattr(t, name)) is type(value), name


def test_to_dict_lists_every_threshold():
    assert Config().to_dict()["thresholds"] == asdict(Thresholds())
    assert Config().to_dict()["thresholds"]["risiko_par30"] == 0.05


def test_to_dict_round_trips():
    config = Config()
    assert Config.from_dict(config.to_dict()) == config


def test_override_changes_only_that_threshold(tmp_path):
    path = write_yaml(tmp_path, "thresholds:\n  aktif_partisipasi: 0.3\n")

    t = load_config(path).thresholds

    assert t.aktif_partisipasi == 0.3
    changed = {k: v for k, v in asdict(t).items() if v != getattr(Thresholds(), k)}
    assert changed == {"aktif_partisipasi": 0.3}


def test_int_override_stays_int_and_float_override_becomes_float(tmp_path):
    path = write_yaml(
        tmp_path,
        "thresholds:\n  aktif_bulan_transaksi: 5.0\n  berdampak_kemandirian: 2\n",
    )

    t = load_config(path).thresholds

    assert t.aktif_bulan_transaksi == 5
    assert type(t.aktif_bulan_transaksi) is int
    assert t.berdampak_kemandirian == 2.0
    assert type(t.berdampak_kemandirian) is float


def test_zero_is_allowed(tmp_path):
    path = write_yaml(tmp_path, "thresholds:\n  risiko_par30: 0\n")

    assert load_config(path).thresholds.risiko_par30 == 0.0


@pytest.mark.parametrize("text", ["", "# kosong\n", "thresholds:\n"])
def test_empty_file_gives_defaults(tmp_path, text):
    assert load_config(write_yaml(tmp_path, text)) == Config()


@pytest.mark.parametrize(
    ("text", "column", "code"),
    [
        (
            "thresholds:\n  aktif_partisipasii: 0.3\n",
            "thresholds.aktif_partisipasii",
            "config_unknown_key",
        ),
        ("ambang: 1\n", "ambang", "config_unknown_key"),
        (
            "thresholds:\n  risiko_par30: -0.1\n",
            "thresholds.risiko_par30",
            "config_bad_value",
        ),
        (
            "thresholds:\n  aktif_partisipasi: '0.3'\n",
            "thresholds.aktif_partisipasi",
            "config_bad_value",
        ),
        (
            "thresholds:\n  aktif_partisipasi: tinggi\n",
            "thresholds.aktif_partisipasi",
            "config_bad_value",
        ),
        (
            "thresholds:\n  aktif_partisipasi: true\n",
            "thresholds.aktif_partisipasi",
            "config_bad_value",
        ),
        (
            "thresholds:\n  aktif_bulan_transaksi: 3.5\n",
            "thresholds.aktif_bulan_transaksi",
            "config_bad_value",
        ),
        (
            "thresholds:\n  aktif_partisipasi: [0.3]\n",
            "thresholds.aktif_partisipasi",
            "config_bad_value",
        ),
        ("thresholds: [1, 2]\n", "thresholds", "config_not_mapping"),
        ("thresholds:\n  recent_months: 7\n", "thresholds", "config_unreadable"),
    ],
    ids=[
        "unknown-threshold",
        "unknown-top-level-key",
        "negative",
        "string-number",
        "string",
        "boolean",
        "fraction-for-int",
        "list",
        "thresholds-not-mapping",
        "recent-gt-window",
    ],
)
def test_bad_setting_names_file_and_key(tmp_path, text, column, code):
    path = write_yaml(tmp_path, text)

    exc = problems_of(path)

    assert [(p.file, p.row, p.column, p.code) for p in exc.problems] == [
        (str(path), None, column, code)
    ]
    line = exc.render()[0]
    assert line.startswith(f"{path}:{column}: ")
    assert line != exc.render("en")[0]


def test_bad_value_message_shows_the_value(tmp_path):
    path = write_yaml(tmp_path, "thresholds:\n  risiko_par30: -0.1\n")

    line = problems_of(path).render()[0]

    assert line == (
        f"{path}:thresholds.risiko_par30: nilai '-0.1' tidak sah "
        "(harus angka tidak negatif)"
    )


def test_all_bad_settings_are_reported_at_once(tmp_path):
    path = write_yaml(
        tmp_path,
        "ambang: 1\n"
        "thresholds:\n  foo: 1\n  risiko_par30: -1\n  aktif_partisipasi: 0.4\n",
    )

    exc = problems_of(path)

    assert [(p.column, p.code) for p in exc.problems] == [
        ("ambang", "config_unknown_key"),
        ("thresholds.foo", "config_unknown_key"),
        ("thresholds.risiko_par30", "config_bad_value"),
    ]


def test_top_level_not_a_mapping(tmp_path):
    path = write_yaml(tmp_path, "- 0.3\n- 0.5\n")

    exc = problems_of(path)

    assert [(p.file, p.column, p.code) for p in exc.problems] == [
        (str(path), None, "config_not_mapping")
    ]


def test_invalid_yaml(tmp_path):
    path = write_yaml(tmp_path, "thresholds:\n  aktif_partisipasi: [0.3\n")

    exc = problems_of(path)

    assert [(p.file, p.row, p.code) for p in exc.problems] == [
        (str(path), None, "config_unreadable")
    ]
    assert exc.render()[0].startswith(f"{path}: file konfigurasi tidak dapat dibaca")


def test_invalid_yaml_renders_as_one_line(tmp_path):
    path = write_yaml(tmp_path, "thresholds:\n  aktif_partisipasi: [0.3\n")

    assert "\n" not in problems_of(path).render()[0]


def test_missing_file_names_the_file(tmp_path):
    path = tmp_path / "tidak_ada.yaml"

    exc = problems_of(path)

    assert [(p.file, p.code) for p in exc.problems] == [(str(path), "file_not_found")]
    assert exc.render()[0] == f"{path}: file tidak ditemukan"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "thresholds:\n  aktif_bulan_transaksi: .inf\n",
            id="inf-int",
        ),
        pytest.param(
            "thresholds:\n  aktif_bulan_transaksi: .nan\n",
            id="nan-int",
        ),
        pytest.param(
            "thresholds:\n  aktif_partisipasi: .nan\n",
            id="nan-float",
        ),
    ],
)
def test_not_a_finite_number_is_a_bad_value(tmp_path, text):
    path = write_yaml(tmp_path, text)

    exc = problems_of(path)

    assert [p.code for p in exc.problems] == ["config_bad_value"]


# ------------------------------------------------ pendamping: remoteness weight


def test_remoteness_weight_is_off_by_default():
    assert Config().rekomendasi.bobot_terpencil == 0.0
    assert Config().to_dict()["rekomendasi"]["bobot_terpencil"] == 0.0


def test_remoteness_weight_from_yaml_and_as_an_override(tmp_path):
    path = write_yaml(tmp_path, "rekomendasi:\n  bobot_terpencil: 1\n")
    config = load_config(path)
    assert config.rekomendasi.bobot_terpencil == 1.0
    assert type(config.rekomendasi.bobot_terpencil) is float
    assert config.rekomendasi.pendamping == 40  # the rest stays
    assert Config().with_overrides(bobot_terpencil=0.5).rekomendasi == replace(
        Config().rekomendasi, bobot_terpencil=0.5
    )


@pytest.mark.parametrize("value", ["-0.5", "satu", "true", ".nan"])
def test_a_bad_remoteness_weight_names_the_key(tmp_path, value):
    path = write_yaml(tmp_path, f"rekomendasi:\n  bobot_terpencil: {value}\n")
    exc = problems_of(path)
    assert [(p.column, p.code) for p in exc.problems] == [
        ("rekomendasi.bobot_terpencil", "config_bad_value")
    ]

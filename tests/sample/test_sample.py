"""The synthetic sample (kmp_analysis.sample.kukar): shape, invariants, files."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from kmp_analysis import paths, schema
from kmp_analysis.sample.kukar import MONTHS, load_villages, make_sample, write_sample

CSV_NAMES = sorted(f"{name}.csv" for name in schema.TABLES)
ENUMS = {
    ("unit_usaha", "unit"): schema.UNITS,
    ("unit_usaha", "status"): schema.UNIT_STATUS,
    ("koperasi", "status_pinjaman"): schema.LOAN_STATUS,
    ("rapat", "jenis"): schema.MEETING_TYPES,
    ("pengurus", "peran"): schema.ROLES,
    ("pengurus", "jenis_kelamin"): schema.SEXES,
    ("pengurus", "jenjang_pelatihan"): schema.TRAINING_TIERS,
    ("bumdes", "status"): schema.BUMDES_STATUS,
}


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return make_sample(2025)


@pytest.fixture(scope="module")
def villages() -> pd.DataFrame:
    return load_villages()


def test_same_seed_same_tables(tables: dict[str, pd.DataFrame]) -> None:
    again = make_sample(2025)
    assert list(again) == list(tables)
    for name in tables:
        pd.testing.assert_frame_equal(again[name], tables[name])


def test_other_seed_other_tables(tables: dict[str, pd.DataFrame]) -> None:
    other = make_sample(7)
    assert not other["laporan_bulanan"].equals(tables["laporan_bulanan"])
    assert not other["pengurus"].equals(tables["pengurus"])


def test_columns_follow_schema(tables: dict[str, pd.DataFrame]) -> None:
    assert set(tables) == set(schema.TABLES)
    for name, frame in tables.items():
        assert list(frame.columns) == schema.TABLES[name].column_names, name


def test_keys_unique_and_required_cells_filled(
    tables: dict[str, pd.DataFrame],
) -> None:
    for name, frame in tables.items():
        spec = schema.TABLES[name]
        assert not frame.duplicated(list(spec.key)).any(), name
        for col in spec.columns:
            if col.required:
                assert frame[col.name].notna().all(), (name, col.name)


def test_numbers_are_non_negative_integers(tables: dict[str, pd.DataFrame]) -> None:
    for name, frame in tables.items():
        for col in schema.TABLES[name].columns:
            if col.kind in ("int", "money"):
                assert str(frame[col.name].dtype) == "Int64", (name, col.name)
                assert (frame[col.name].dropna() >= 0).all(), (name, col.name)


def test_enums_dates_and_yes_no(tables: dict[str, pd.DataFrame]) -> None:
    for (name, column), allowed in ENUMS.items():
        assert set(tables[name][column].dropna()) <= set(allowed), (name, column)
    date_re = re.compile(r"\d{4}-\d{2}-\d{2}")
    for name, frame in tables.items():
        for col in schema.TABLES[name].columns:
            values = frame[col.name].dropna()
            if col.kind == "date":
                assert values.map(lambda v: bool(date_re.fullmatch(v))).all()
                pd.to_datetime(values, format="%Y-%m-%d")  # real calendar dates
            elif col.kind == "yesno":
                assert set(values) <= {"ya", "tidak"}, (name, col.name)


def test_report_invariants(tables: dict[str, pd.DataFrame]) -> None:
    lap = tables["laporan_bulanan"]
    assert (lap["anggota_aktif"] <= lap["anggota_terdaftar"]).all()
    loans = lap.dropna(subset=["pinjaman_beredar", "pinjaman_tunggak_30"])
    assert (loans["pinjaman_tunggak_30"] <= loans["pinjaman_beredar"]).all()
    assert lap["bulan"].isin(MONTHS).all()
    assert lap["bulan"].min() == "2025-06"
    assert lap["bulan"].max() == "2026-10"
    # members only ever join
    growth = lap.groupby("koperasi_id")["anggota_terdaftar"].diff().dropna()
    assert (growth >= 0).all()


def test_every_village_has_one_koperasi(
    tables: dict[str, pd.DataFrame], villages: pd.DataFrame
) -> None:
    kop = tables["koperasi"]
    assert len(kop) == len(villages) == 237
    assert kop["kode_desa"].is_unique
    assert set(kop["kode_desa"]) == set(villages["kode_desa"])
    assert kop["koperasi_id"].str.fullmatch(r"KMP-6402\d{6}").all()
    expected = "KMP-" + kop["kode_desa"].str.replace(".", "", regex=False)
    assert (kop["koperasi_id"] == expected).all()
    # formed in May 2025 (all by 29 May), legal entity by September 2025
    assert kop["tanggal_musdes"].between("2025-05-01", "2025-05-29").all()
    assert kop["tanggal_badan_hukum"].between("2025-05-01", "2025-09-30").all()
    assert (kop["tanggal_badan_hukum"] > kop["tanggal_musdes"]).all()
    big = kop["plafon_pinjaman"].dropna()
    assert (big <= 3_000_000_000).all()


def test_child_tables_reference_koperasi(tables: dict[str, pd.DataFrame]) -> None:
    ids = set(tables["koperasi"]["koperasi_id"])
    for name in schema.CHILD_TABLES:
        assert set(tables[name]["koperasi_id"]) <= ids, name


def test_rat_has_tahun_buku(tables: dict[str, pd.DataFrame]) -> None:
    rapat = tables["rapat"]
    rat = rapat[rapat["jenis"] == "rat"]
    assert len(rat) > 0
    assert rat["tahun_buku"].notna().all()
    assert (rapat["tanggal"] <= "2026-10-31").all()


def test_bumdes_only_in_desa(
    tables: dict[str, pd.DataFrame], villages: pd.DataFrame
) -> None:
    bumdes = tables["bumdes"]
    jenis = bumdes["kode_desa"].map(villages.set_index("kode_desa")["jenis"])
    assert (jenis == "desa").all()
    assert 0.45 < len(bumdes) / len(villages) < 0.75


def test_operating_units_started_before_period_end(
    tables: dict[str, pd.DataFrame],
) -> None:
    units = tables["unit_usaha"]
    running = units[units["status"] == "beroperasi"]
    assert running["tanggal_mulai"].notna().all()
    assert (running["tanggal_mulai"] < "2026-10-01").all()


def test_custom_villages_join_on_code(villages: pd.DataFrame) -> None:
    subset = villages.iloc[::10].reset_index(drop=True)
    small = make_sample(3, villages=subset)
    assert sorted(small["koperasi"]["kode_desa"]) == sorted(subset["kode_desa"])
    ids = set(small["koperasi"]["koperasi_id"])
    assert set(small["laporan_bulanan"]["koperasi_id"]) <= ids


def test_write_sample_files(tmp_path) -> None:
    counts = write_sample(tmp_path, seed=11)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([*CSV_NAMES, "metadata.json"])  # no temp files left
    meta = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert meta["sintetis"] is True
    assert meta["seed"] == 11
    assert (meta["periode_awal"], meta["periode_akhir"]) == ("2025-06", "2026-10")
    assert meta["tabel"] == counts
    for name, count in counts.items():
        frame = pd.read_csv(tmp_path / f"{name}.csv", dtype=str)
        assert list(frame.columns) == schema.TABLES[name].column_names
        assert len(frame) == count
    text = (tmp_path / "koperasi.csv").read_text(encoding="utf-8")
    assert ".0," not in text and ".0\n" not in text  # whole rupiah, no floats
    # writing again gives the same bytes
    before = (tmp_path / "laporan_bulanan.csv").read_bytes()
    write_sample(tmp_path, seed=11)
    assert (tmp_path / "laporan_bulanan.csv").read_bytes() == before


def test_sample_reads_back_and_classifies(tmp_path) -> None:
    """The files pass validation and give the intended class mix (DESIGN §5)."""
    from kmp_analysis.evaluation import evaluate
    from kmp_analysis.io import read_dataset

    write_sample(tmp_path, seed=2025)
    dataset = read_dataset(tmp_path)
    assert dataset.synthetic
    coops = evaluate(dataset, period="2026-10").cooperatives
    shares = coops["kelas"].value_counts(normalize=True)
    targets = {
        "tidak_bergerak": 0.34,
        "administratif": 0.26,
        "aktif": 0.28,
        "berdampak": 0.12,
    }
    for kelas, share in targets.items():
        assert abs(shares.get(kelas, 0.0) - share) < 0.05, kelas
    per_kec = coops.groupby("kode_kec")["kelas"].nunique()
    assert (per_kec == 4).sum() >= 14


def test_committed_sample_is_current() -> None:
    """data/sample/ is what ``kmp sample-data --seed 2025`` writes today."""
    folder = paths.SAMPLE_DIR
    if not (folder / "metadata.json").is_file():
        pytest.skip("no committed sample")
    seed = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))["seed"]
    for name, frame in make_sample(seed).items():
        committed = (folder / f"{name}.csv").read_text(encoding="utf-8")
        assert committed == frame.to_csv(index=False, lineterminator="\n"), name

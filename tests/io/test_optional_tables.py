"""The optional tables pelatihan, pendampingan and pembiayaan (issue 15): left out,
the data reads as before; given, they are read, checked and compared with pengurus."""

from __future__ import annotations

import pandas as pd
import pytest
from builders import GOOD_CSV, write_csv_folder

from kmp_analysis.errors import ValidationFailed
from kmp_analysis.io import read_dataset
from kmp_analysis.io.suspect import training_disagreements
from kmp_analysis.schema import OPTIONAL_TABLES, TABLES, Dataset, empty_table

PELATIHAN = [
    "koperasi_id,id_orang,jenjang,tanggal_mulai,tanggal_selesai,penyelenggara,lulus",
    "K1,P01,dasar,13/11/2025,15/11/2025,Dinas Koperasi,ya",
]
PENDAMPINGAN = [
    "koperasi_id,pendamping_id,tanggal_mulai,tanggal_selesai",
    "K1,PD-01,2026-02-02,",
    "K2,PD-01,2026-02-09,2026-07-31",
]
PEMBIAYAAN = [
    "koperasi_id,tanggal_cair,jumlah,bank",
    "K1,2026-03-16,Rp 500.000.000,BRI",
]
OPTIONAL = {
    "pelatihan": PELATIHAN,
    "pendampingan": PENDAMPINGAN,
    "pembiayaan": PEMBIAYAAN,
}


def problems(folder) -> list[tuple[int | None, str | None, str, str]]:
    with pytest.raises(ValidationFailed) as info:
        read_dataset(folder)
    return [(p.row, p.column, p.code, p.severity) for p in info.value.problems]


def test_without_the_optional_tables_the_data_reads_as_before(tmp_path):
    ds = read_dataset(write_csv_folder(tmp_path))

    assert ds.provided == frozenset(GOOD_CSV)
    assert ds.warnings == []
    for name in OPTIONAL_TABLES:
        assert not ds.has_data(name)
        assert ds[name].empty
        assert list(ds[name].columns) == TABLES[name].column_names


def test_an_empty_optional_table_has_the_dtypes_of_a_read_one(tmp_path):
    header_only = {name: lines[:1] for name, lines in OPTIONAL.items()}
    read = read_dataset(write_csv_folder(tmp_path / "a", header_only))
    left_out = read_dataset(write_csv_folder(tmp_path / "b"))

    for name in OPTIONAL_TABLES:
        assert name in read.provided and not read.has_data(name)
        pd.testing.assert_frame_equal(left_out[name], read[name].reset_index(drop=True))
        pd.testing.assert_frame_equal(left_out[name], empty_table(name))


def test_the_optional_tables_are_read_typed(tmp_path):
    ds = read_dataset(write_csv_folder(tmp_path, OPTIONAL))

    assert all(ds.has_data(name) for name in OPTIONAL_TABLES)
    assert ds.warnings == []
    pel = ds["pelatihan"].iloc[0]
    assert pel["tanggal_selesai"] == pd.Timestamp("2025-11-15")
    assert bool(pel["lulus"]) is True
    assert ds["pembiayaan"]["jumlah"].tolist() == [500_000_000.0]
    assert ds["pendampingan"]["tanggal_selesai"].isna().tolist() == [True, False]


def test_a_dataset_made_by_hand_gets_the_optional_tables_empty():
    frames = {name: empty_table(name) for name in GOOD_CSV}
    ds = Dataset(tables=frames, source="uji", villages=pd.DataFrame())

    assert len(ds.tables) == 9
    assert ds.provided == frozenset(GOOD_CSV)
    assert not ds.has_data("pembiayaan")


def test_an_end_before_the_start_is_an_error(tmp_path):
    pendampingan = [*PENDAMPINGAN[:2], "K2,PD-02,2026-05-01,30/04/2026"]
    pelatihan = [PELATIHAN[0], "K1,P01,dasar,2025-11-13,2025-11-12,,ya"]
    folder = write_csv_folder(
        tmp_path, {"pendampingan": pendampingan, "pelatihan": pelatihan}
    )

    found = problems(folder)

    assert (2, "tanggal_selesai", "selesai_before_mulai", "error") in found
    assert (3, "tanggal_selesai", "selesai_before_mulai", "error") in found


def test_a_course_of_someone_not_in_pengurus_is_an_error(tmp_path):
    pelatihan = [*PELATIHAN, "K1,P09,dasar,2025-11-13,2025-11-15,,tidak"]
    folder = write_csv_folder(tmp_path, {"pelatihan": pelatihan})

    with pytest.raises(ValidationFailed) as info:
        read_dataset(folder)

    (problem,) = info.value.problems
    assert (problem.row, problem.column, problem.code) == (
        3,
        "id_orang",
        "person_not_in_pengurus",
    )
    assert problem.params == {"value": "P09", "koperasi_id": "K1"}
    assert "P09" in problem.render("id") and "pengurus" in problem.render("en")


def test_a_disbursement_of_nothing_or_less_is_an_error(tmp_path):
    pembiayaan = [PEMBIAYAAN[0], "K1,2026-03-16,0,BRI", "K2,2026-04-01,-5,BNI"]
    folder = write_csv_folder(tmp_path, {"pembiayaan": pembiayaan})

    assert problems(folder) == [
        (2, "jumlah", "jumlah_zero", "error"),
        (3, "jumlah", "negative", "error"),
    ]


def test_an_unknown_cooperative_in_an_optional_table_is_an_error(tmp_path):
    pembiayaan = [PEMBIAYAAN[0], "K7,2026-03-16,100,BRI"]
    folder = write_csv_folder(tmp_path, {"pembiayaan": pembiayaan})

    assert problems(folder) == [(2, "koperasi_id", "unknown_koperasi", "error")]


def test_pengurus_disagreeing_with_pelatihan_is_a_warning(tmp_path):
    # P01 is dasar in pengurus but failed dasar; P02 (belum) passed dasar
    pelatihan = [
        PELATIHAN[0],
        "K1,P01,dasar,2025-11-13,2025-11-15,,tidak",
        "K1,P02,dasar,2025-11-13,2025-11-15,,ya",
    ]
    ds = read_dataset(write_csv_folder(tmp_path, {"pelatihan": pelatihan}))

    got = [(p.row, p.column, p.code, p.params) for p in ds.warnings]
    assert got == [
        (
            2,
            "jenjang_pelatihan",
            "jenjang_without_pelatihan",
            {"value": "dasar", "tier": "belum"},
        ),
        (
            3,
            "jenjang_pelatihan",
            "jenjang_differs_pelatihan",
            {"value": "belum", "tier": "dasar"},
        ),
    ]


def test_the_highest_tier_passed_is_what_pengurus_should_say():
    pengurus = pd.DataFrame(
        {
            "koperasi_id": ["K1", "K1", "K1"],
            "id_orang": ["P1", "P2", "P3"],
            "jenjang_pelatihan": ["menengah", "menengah", "belum"],
        }
    )
    pelatihan = pd.DataFrame(
        {
            "koperasi_id": ["K1", "K1", "K1", "K1", "K1"],
            "id_orang": ["P1", "P1", "P2", "P2", "P3"],
            "jenjang": ["dasar", "menengah", "dasar", "lanjut", "dasar"],
            "lulus": pd.array([True, True, True, True, False]),
        }
    )
    raws = {
        "pengurus": _raw("pengurus", [2, 3, 4]),
        "pelatihan": _raw("pelatihan", [2, 3, 4, 5, 6]),
    }

    found = training_disagreements({"pengurus": pengurus, "pelatihan": pelatihan}, raws)

    # P1 agrees; P2 passed lanjut; P3 failed its only course and says belum
    assert [(p.row, p.params["tier"]) for p in found] == [(3, "lanjut")]


def test_no_pelatihan_no_disagreement():
    pengurus = pd.DataFrame(
        {"koperasi_id": ["K1"], "id_orang": ["P1"], "jenjang_pelatihan": ["dasar"]}
    )
    raws = {"pengurus": _raw("pengurus", [2])}

    assert training_disagreements({"pengurus": pengurus}, raws) == []


def _raw(name: str, rows: list[int]):
    from kmp_analysis.io._grid import RawTable

    return RawTable(name, f"{name}.csv", pd.DataFrame(), pd.Series(rows))


def test_a_workbook_without_the_optional_sheets_reads(tmp_path):
    import io

    book = tmp_path / "data.xlsx"
    with pd.ExcelWriter(book, engine="openpyxl") as writer:
        for name, lines in GOOD_CSV.items():
            frame = pd.read_csv(
                io.StringIO("\n".join(lines)), dtype=str, keep_default_na=False
            )
            frame.to_excel(writer, sheet_name=name, index=False)

    ds = read_dataset(book)

    assert ds.warnings == [] and len(ds.tables) == 9
    assert ds.provided == frozenset(GOOD_CSV)

"""The data model: the six input tables and the three optional ones (DESIGN §3),
their checks, and the :class:`Dataset` that holds them once read.

:data:`TABLES` is the single description of every table: its columns, their kind,
whether they may be empty, the allowed values and the key. :mod:`kmp_analysis.io`
uses it to parse cells; :func:`check_table` builds pandera schemas from it and turns
every failure (collected lazily, all at once) into a
:class:`~kmp_analysis.errors.Problem` that names the file, the spreadsheet row and
the column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pandera.pandas as pa

from kmp_analysis.errors import Problem, row_problems

UNITS = (
    "kantor",
    "sembako",
    "simpan_pinjam",
    "klinik",
    "apotek",
    "gudang",
    "logistik",
    "usaha_lokal",
)
UNIT_STATUS = ("rencana", "beroperasi", "berhenti")
LOAN_STATUS = ("belum", "diajukan", "disetujui", "dicairkan")
MEETING_TYPES = ("rat", "rapat_anggota", "rapat_pengurus")
ROLES = (
    "ketua",
    "wakil_ketua_usaha",
    "wakil_ketua_anggota",
    "sekretaris",
    "bendahara",
    "pengurus_lain",
    "pengawas",
)
SEXES = ("L", "P")
TRAINING_TIERS = ("belum", "dasar", "menengah", "lanjut")
BUMDES_STATUS = ("aktif", "tidak_aktif")
#: The tiers a training course can be (``belum`` is no course).
COURSE_TIERS = TRAINING_TIERS[1:]

#: Column kinds understood by the parser in :mod:`kmp_analysis.io`.
#: Files of a data folder besides the tables: its metadata (``sintetis`` marks
#: synthetic data) and, optionally, its own geography (replacing Kukar's reference).
METADATA_FILE = "metadata.json"
WILAYAH_CSV = "wilayah.csv"
WILAYAH_KECAMATAN_GEOJSON = "wilayah_kecamatan.geojson"
#: Columns ``wilayah.csv`` must have (one row per village); more are allowed.
WILAYAH_COLUMNS = ("kode_desa", "nama_desa", "kode_kec", "nama_kec")

KINDS = ("text", "id", "kode_desa", "int", "money", "date", "month", "yesno", "enum")


@dataclass(frozen=True)
class Col:
    """One column of an input table."""

    name: str
    kind: str
    required: bool = True
    choices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass(frozen=True)
class Table:
    """One input table: a CSV file ``<name>.csv`` or a workbook sheet ``<name>``."""

    name: str
    columns: tuple[Col, ...]
    key: tuple[str, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def col(self, name: str) -> Col:
        return next(c for c in self.columns if c.name == name)


#: The documents a cooperative needs for a Himbara loan (ya/tidak each, DESIGN §3);
#: the ``legal`` indicator is their share together with the legal entity.
LEGAL_DOCS = ("nib", "npwp", "rekening_bank", "nik_koperasi", "akun_simkopdes")
_MONEY_REPORT = (
    "omzet",
    "pendapatan_usaha",
    "biaya_operasional",
    "pinjaman_beredar",
    "pinjaman_tunggak_30",
    "simpanan_anggota",
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "koperasi",
            (
                Col("koperasi_id", "id"),
                Col("nama_koperasi", "text"),
                Col("kode_desa", "kode_desa"),
                Col("tanggal_musdes", "date", required=False),
                Col("tanggal_badan_hukum", "date", required=False),
                *(Col(c, "yesno") for c in LEGAL_DOCS),
                Col("status_pinjaman", "enum", choices=LOAN_STATUS),
                Col("plafon_pinjaman", "money", required=False),
            ),
            key=("koperasi_id",),
        ),
        Table(
            "unit_usaha",
            (
                Col("koperasi_id", "id"),
                Col("unit", "enum", choices=UNITS),
                Col("status", "enum", choices=UNIT_STATUS),
                Col("tanggal_mulai", "date", required=False),
            ),
            key=("koperasi_id", "unit"),
        ),
        Table(
            "laporan_bulanan",
            (
                Col("koperasi_id", "id"),
                Col("bulan", "month"),
                Col("anggota_terdaftar", "int"),
                Col("anggota_aktif", "int"),
                Col("omzet", "money"),
                *(Col(c, "money", required=False) for c in _MONEY_REPORT[1:]),
                Col("tenaga_kerja", "int", required=False),
                Col("pembelian_produk_lokal", "money", required=False),
            ),
            key=("koperasi_id", "bulan"),
        ),
        Table(
            "rapat",
            (
                Col("koperasi_id", "id"),
                Col("tanggal", "date"),
                Col("jenis", "enum", choices=MEETING_TYPES),
                Col("tahun_buku", "int", required=False),
            ),
            # DESIGN §3 keys rapat on (koperasi_id, tanggal); a RAT and a board meeting
            # on the same day are legitimate, so the meeting type is part of the key.
            key=("koperasi_id", "tanggal", "jenis"),
        ),
        Table(
            "pengurus",
            (
                Col("koperasi_id", "id"),
                Col("id_orang", "id"),
                Col("peran", "enum", choices=ROLES),
                Col("jenis_kelamin", "enum", choices=SEXES),
                Col("jenjang_pelatihan", "enum", choices=TRAINING_TIERS),
            ),
            key=("koperasi_id", "id_orang"),
        ),
        Table(
            "bumdes",
            (
                Col("kode_desa", "kode_desa"),
                Col("nama_bumdes", "text"),
                Col("status", "enum", choices=BUMDES_STATUS),
                Col("unit_usaha", "text", required=False),
                Col("kerja_sama_kmp", "yesno"),
            ),
            key=("kode_desa",),
        ),
        Table(
            "pelatihan",
            (
                Col("koperasi_id", "id"),
                Col("id_orang", "id"),
                Col("jenjang", "enum", choices=COURSE_TIERS),
                Col("tanggal_mulai", "date"),
                Col("tanggal_selesai", "date"),
                Col("penyelenggara", "text", required=False),
                Col("lulus", "yesno"),
            ),
            key=("koperasi_id", "id_orang", "jenjang"),
        ),
        Table(
            "pendampingan",
            (
                Col("koperasi_id", "id"),
                Col("pendamping_id", "id"),
                Col("tanggal_mulai", "date"),
                # empty: the assignment is ongoing
                Col("tanggal_selesai", "date", required=False),
            ),
            key=("koperasi_id", "pendamping_id", "tanggal_mulai"),
        ),
        Table(
            "pembiayaan",
            (
                Col("koperasi_id", "id"),
                Col("tanggal_cair", "date"),
                Col("jumlah", "money"),
                Col("bank", "text", required=False),
            ),
            key=("koperasi_id", "tanggal_cair"),
        ),
    )
}

#: Tables a folder or workbook may leave out (training, facilitation, financing):
#: without them the data reads as before, and :class:`Dataset` holds them empty.
OPTIONAL_TABLES = ("pelatihan", "pendampingan", "pembiayaan")
#: The tables every folder or workbook must have.
REQUIRED_TABLES = tuple(t for t in TABLES if t not in OPTIONAL_TABLES)

#: Tables whose ``koperasi_id`` must name a row of ``koperasi``.
CHILD_TABLES = (
    "unit_usaha",
    "laporan_bulanan",
    "rapat",
    "pengurus",
    "pelatihan",
    "pendampingan",
    "pembiayaan",
)

#: The dtype a parsed column of each kind has (:func:`kmp_analysis.io.parse_table`).
KIND_DTYPES = {
    "text": "object",
    "id": "object",
    "kode_desa": "object",
    "enum": "object",
    "month": "object",
    "int": "float64",
    "money": "float64",
    "date": "datetime64[ns]",
    "yesno": "boolean",
}


def empty_table(name: str) -> pd.DataFrame:
    """A table without rows, with the columns and dtypes a read table has.

    Examples
    --------
    >>> empty_table("pembiayaan").dtypes.astype(str).tolist()
    ['object', 'datetime64[ns]', 'float64', 'object']
    """
    return pd.DataFrame(
        {c.name: pd.Series([], dtype=KIND_DTYPES[c.kind]) for c in TABLES[name].columns}
    )


@dataclass(frozen=True)
class SourceRows:
    """What one source of a combined dataset brought (``kmp validate`` says it)."""

    label: str
    #: Rows kept per table, tables the source does not have left out.
    rows: dict[str, int]
    #: The months its monthly reports cover (None: no report).
    first_month: str | None = None
    last_month: str | None = None
    months: int = 0


@dataclass
class Dataset:
    """The validated tables, the villages they lie in, and where they came from.

    Made by :func:`kmp_analysis.io.read_dataset`; ``villages`` are Kukar's reference
    villages unless the data brings its own geography.

    Attributes
    ----------
    tables
        By table name (``koperasi``, ``laporan_bulanan``…), typed frames: always
        all nine; an optional table the data did not give is empty
        (:func:`empty_table`).
    provided
        The tables the data gave (a file or sheet, even one without rows); left
        out, the tables passed in ``tables``.
    source, file_hashes, metadata
        The path read, the sha256 of every file, ``metadata.json`` (``sintetis``).
    warnings
        Legal but suspect data, as problems of severity warning.

    Examples
    --------
    >>> import kmp_analysis as kmp
    >>> from kmp_analysis.paths import SAMPLE_DIR
    >>> dataset = kmp.read_dataset(SAMPLE_DIR)
    >>> sorted(dataset.tables)[:3], dataset["laporan_bulanan"]["bulan"].min()
    (['bumdes', 'koperasi', 'laporan_bulanan'], '2025-06')
    >>> len(dataset.tables), dataset.has_data("pelatihan")
    (9, True)
    """

    tables: dict[str, pd.DataFrame]
    source: str
    villages: pd.DataFrame
    metadata: dict[str, Any] = field(default_factory=dict)
    file_hashes: dict[str, str] = field(default_factory=dict)
    #: Legal but suspect data (severity warning), in reading order.
    warnings: list[Problem] = field(default_factory=list)
    provided: frozenset[str] | None = None
    #: Where the data was combined from several sources (a folder of workbooks and
    #: form exports): what each brought; empty for one CSV folder or workbook.
    sources: list[SourceRows] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.provided is None:
            self.provided = frozenset(self.tables)
        self.provided = frozenset(self.provided)
        missing = [t for t in OPTIONAL_TABLES if t not in self.tables]
        if missing:
            self.tables = {**self.tables, **{t: empty_table(t) for t in missing}}

    def has_data(self, table: str) -> bool:
        """True where the data gave ``table`` and it has rows (a section that needs
        ``pelatihan`` says "belum ada data pelatihan" otherwise)."""
        return (
            self.provided is not None
            and table in self.provided
            and not self.tables[table].empty
        )

    @property
    def synthetic(self) -> bool:
        """True where the metadata marks the data as synthetic (sample data)."""
        return bool(self.metadata.get("sintetis", False))

    def __getitem__(self, table: str) -> pd.DataFrame:
        return self.tables[table]

    @property
    def last_month(self) -> str | None:
        """The latest month with a report (None: no report at all)."""
        months = self.tables["laporan_bulanan"]["bulan"]
        return None if months.empty else str(months.max())

    @property
    def first_month(self) -> str | None:
        """The earliest month with a report (None: no report at all)."""
        months = self.tables["laporan_bulanan"]["bulan"]
        return None if months.empty else str(months.min())

    def places(self) -> pd.DataFrame:
        """Every cooperative with its village and kecamatan (codes and names)."""
        villages = self.villages[["kode_desa", "nama_desa", "kode_kec", "nama_kec"]]
        return self.tables["koperasi"][
            ["koperasi_id", "nama_koperasi", "kode_desa"]
        ].merge(villages, on="kode_desa", how="left", validate="many_to_one")


#: Figures that may not exceed another figure of the same row, by the message code
#: that says so: (table, column, limit). An empty limit limits nothing. The reader's
#: checks and the phone form's constraints (``kmp form``) are both built from it.
NOT_ABOVE: dict[str, tuple[str, str, str]] = {
    "aktif_gt_terdaftar": ("laporan_bulanan", "anggota_aktif", "anggota_terdaftar"),
    "tunggak_gt_beredar": (
        "laporan_bulanan",
        "pinjaman_tunggak_30",
        "pinjaman_beredar",
    ),
}


def _not_above(column: str, limit: str, code: str) -> pa.Check:
    return pa.Check(lambda df: ~(df[column] > df[limit]), name=code)


def _row_checks(table: str) -> list[pa.Check]:
    """Checks across columns of one row, each named by the message code it raises."""
    checks = [
        _not_above(column, limit, code)
        for code, (where, column, limit) in NOT_ABOVE.items()
        if where == table
    ]
    if table in ("pelatihan", "pendampingan"):
        checks.append(
            pa.Check(
                lambda df: ~(df["tanggal_selesai"] < df["tanggal_mulai"]),
                name="selesai_before_mulai",
            )
        )
    if table == "pembiayaan":
        checks.append(pa.Check(lambda df: ~(df["jumlah"] == 0), name="jumlah_zero"))
    if table == "rapat":
        checks.append(
            pa.Check(
                lambda df: ~((df["jenis"] == "rat") & df["tahun_buku"].isna()),
                name="rat_needs_tahun_buku",
            )
        )
    return checks


#: The column a row check is reported against.
_ROW_CHECK_COLUMN = {
    **{code: column for code, (_, column, _) in NOT_ABOVE.items()},
    "rat_needs_tahun_buku": "tahun_buku",
    "selesai_before_mulai": "tanggal_selesai",
    "jumlah_zero": "jumlah",
}


def build_schema(
    table: str,
    village_codes: Iterable[str] | None = None,
    koperasi_ids: Iterable[str] | None = None,
) -> pa.DataFrameSchema:
    """The pandera schema of one parsed table.

    ``village_codes`` and ``koperasi_ids`` make the references to other tables part of
    the schema; leave them out to check a table on its own.
    """
    spec = TABLES[table]
    columns: dict[str, pa.Column] = {}
    for col in spec.columns:
        checks: list[pa.Check] = []
        if col.kind == "enum":
            checks.append(pa.Check.isin(list(col.choices)))
        elif col.kind in ("int", "money"):
            checks.append(pa.Check.ge(0))
        elif col.kind == "kode_desa" and village_codes is not None:
            checks.append(pa.Check.isin(sorted(set(village_codes))))
        elif (
            col.name == "koperasi_id"
            and table in CHILD_TABLES
            and koperasi_ids is not None
        ):
            checks.append(pa.Check.isin(sorted(set(koperasi_ids))))
        columns[col.name] = pa.Column(
            nullable=not col.required, checks=checks, required=True, coerce=False
        )
    return pa.DataFrameSchema(
        columns,
        checks=_row_checks(table),
        unique=list(spec.key),
        report_duplicates="exclude_first",
        name=table,
    )


def check_table(
    frame: pd.DataFrame,
    table: str,
    file: str,
    rows: pd.Series,
    village_codes: Iterable[str] | None = None,
    koperasi_ids: Iterable[str] | None = None,
    skip: Mapping[str, set[int]] | None = None,
) -> list[Problem]:
    """Every problem pandera finds in a parsed table, as problems with row numbers.

    ``rows`` maps the frame's index to the spreadsheet row the user sees. ``skip``
    lists, per column, the index labels whose cell already failed to parse, so that an
    unparseable cell is reported once (as unparseable), not again as empty.
    """
    schema = build_schema(table, village_codes, koperasi_ids)
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _problems_from_failures(
            exc.failure_cases, frame, table, file, rows, skip
        )
    return []


def _problems_from_failures(
    failures: pd.DataFrame,
    frame: pd.DataFrame,
    table: str,
    file: str,
    rows: pd.Series,
    skip: Mapping[str, set[int]] | None,
) -> list[Problem]:
    """pandera's failure cases as problems, without a loop over failing rows.

    100,000 junk rows fail a check 100,000 times; each check gives one problem per
    run of consecutive rows (:func:`~kmp_analysis.errors.row_problems`).
    """
    spec = TABLES[table]
    skip = skip or {}
    failures = failures[failures["index"].notna()]  # schema-level: caught by io
    if failures.empty:
        return []
    checks = failures["check"].astype(str).to_numpy()
    columns = failures["column"].astype(str).to_numpy()
    where: dict[tuple[str, str], tuple[str, str]] = {}  # (check, column) -> (col, code)
    for check, column in set(zip(checks, columns, strict=True)):
        where[(check, column)] = _failure_kind(check, column, spec)
    kinds = [where[key] for key in zip(checks, columns, strict=True)]
    cases = pd.DataFrame(
        {
            "index": failures["index"].astype("int64").to_numpy(),
            "column": [k[0] for k in kinds],
            "code": [k[1] for k in kinds],
            "value": failures["failure_case"].to_numpy(),
        }
    )
    cases = cases.drop_duplicates(["index", "column", "code"])
    problems: list[Problem] = []
    for (column, code), group in cases.groupby(["column", "code"], sort=False):
        index = group["index"]
        if skip.get(column):
            index = index[~index.isin(list(skip[column]))]
        if index.empty:
            continue
        params: dict[str, object] = {}
        common: dict[str, str] = {}
        if code in _ROW_CHECK_PARAMS:
            params = {
                name: frame.loc[index.to_numpy(), source].map(_fmt).to_numpy()
                for name, source in _ROW_CHECK_PARAMS[code].items()
            }
        elif code == "duplicate_key":
            keys = [
                f"{k}=" + frame.loc[index.to_numpy(), k].map(_fmt)
                for k in spec.key
                if k in frame.columns
            ]
            joined = keys[0]
            for more in keys[1:]:
                joined = joined + ", " + more
            params = {"key": joined.to_numpy()}
        elif code != "empty":
            params = {"value": group.loc[index.index, "value"].map(_fmt).to_numpy()}
            if code == "not_in_choices":
                common["choices"] = ", ".join(spec.col(column).choices)
        problems.extend(
            row_problems(
                file,
                column,
                code,
                rows.loc[index.to_numpy()].to_numpy(),
                params,
                **common,
            )
        )
    return problems


#: The message parameters of a row check, and the column each is taken from.
_ROW_CHECK_PARAMS = {
    "aktif_gt_terdaftar": {
        "aktif": "anggota_aktif",
        "terdaftar": "anggota_terdaftar",
    },
    "tunggak_gt_beredar": {
        "tunggak": "pinjaman_tunggak_30",
        "beredar": "pinjaman_beredar",
    },
    "selesai_before_mulai": {
        "selesai": "tanggal_selesai",
        "mulai": "tanggal_mulai",
    },
}


def _failure_kind(check: str, column: str, spec: Table) -> tuple[str, str]:
    """The column a failed check is reported on, and its message code."""
    if check.startswith("not_nullable"):
        return column, "empty"
    if check in _ROW_CHECK_COLUMN:
        return _ROW_CHECK_COLUMN[check], check
    if "uniqueness" in check or check == "unique":
        return spec.key[-1], "duplicate_key"
    return column, _column_check_code(check, column, spec)


def _column_check_code(check: str, column: str, spec: Table) -> str:
    """Message code of a failed built-in column check (pandera names them itself)."""
    name = check.split("(")[0]
    if name == "isin":
        kind = spec.col(column).kind
        if kind == "kode_desa":
            return "unknown_desa"
        if column == "koperasi_id":
            return "unknown_koperasi"
        return "not_in_choices"
    if name == "greater_than_or_equal_to":
        return "negative"
    return name


def _fmt(value: object) -> str:
    if (
        value is None
        or value is pd.NaT
        or (isinstance(value, float) and pd.isna(value))
    ):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.strftime("%Y-%m-%d")
    return str(value)

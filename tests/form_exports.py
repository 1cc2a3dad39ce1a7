"""Test inputs for issue 16, made from the sample (tests/data/exports/README.md):
the sample's monthly reports as an ODK Central and a KoboToolbox export of the
``kmp form`` form, and the sample split into one intake workbook per kecamatan.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from kmp_analysis import reference
from kmp_analysis.io.template import build_template
from kmp_analysis.io.xlsform import GROUP_FIGURES, GROUP_PLACE, form_version
from kmp_analysis.schema import TABLES, UNITS

#: ODK Central's columns after the form's fields (submissions.csv).
ODK_AFTER = (
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
)
#: KoboToolbox's columns after the form's fields.
KOBO_AFTER = (
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
)
#: The report resubmitted in both exports: an earlier submission with another
#: omzet, replaced by the later one holding the sample's values.
RESUBMITTED = 0


def _fields(lap: pd.DataFrame, sep: str) -> pd.DataFrame:
    """The form's answers per report, columns named ``group<sep>field``."""
    villages = reference.villages().set_index("kode_desa")
    kode_desa = (
        "64.02."
        + lap["koperasi_id"].str.slice(8, 10)
        + "."
        + lap["koperasi_id"].str.slice(10)
    )
    out = pd.DataFrame(index=lap.index)
    out["start"] = "2026-11-02T09:00:00.000+08:00"
    out["end"] = "2026-11-02T09:12:00.000+08:00"
    out[f"{GROUP_PLACE}{sep}kecamatan"] = kode_desa.map(villages["kode_kec"])
    out[f"{GROUP_PLACE}{sep}kode_desa"] = kode_desa
    out[f"{GROUP_PLACE}{sep}koperasi_id"] = lap["koperasi_id"]
    out[f"{GROUP_PLACE}{sep}bulan"] = lap["bulan"] + "-01"
    for col in TABLES["laporan_bulanan"].columns[2:]:
        out[f"{GROUP_FIGURES}{sep}{col.name}"] = lap[col.name]
    out["unit_beroperasi"] = "sembako kantor"
    out["catatan"] = ""
    out["foto_buku"] = ""
    return out


def odk_export(lap: pd.DataFrame) -> pd.DataFrame:
    """The reports as ODK Central's submissions.csv writes them."""
    fields = _fields(lap, "-")
    n = len(lap)
    ids = [f"uuid:odk-{i:05d}" for i in range(n)]
    out = pd.concat(
        [
            pd.DataFrame({"SubmissionDate": _times(n, "Z")}, index=lap.index),
            fields,
        ],
        axis=1,
    )
    out["meta-instanceID"] = ids
    after = {
        "KEY": ids,
        "SubmitterID": "7",
        "SubmitterName": "pendamping-kukar",
        "AttachmentsPresent": "0",
        "AttachmentsExpected": "0",
        "Status": "",
        "ReviewState": "",
        "DeviceID": "collect:abc123",
        "Edits": "0",
        "FormVersion": form_version(),
    }
    for name in ODK_AFTER:
        out[name] = after[name]
    return _with_resubmission(out, "SubmissionDate", "KEY", "meta-instanceID", "Z")


def kobo_export(lap: pd.DataFrame) -> pd.DataFrame:
    """The reports as KoboToolbox exports them (XML names, ``/`` between group
    and field, select-multiple both as one column and split)."""
    fields = _fields(lap, "/")
    n = len(lap)
    out = fields.copy()
    for unit in UNITS:
        out[f"unit_beroperasi/{unit}"] = "1" if unit in ("sembako", "kantor") else "0"
    out["foto_buku_URL"] = ""
    uuids = [f"kobo-{i:05d}" for i in range(n)]
    out["meta/instanceID"] = ["uuid:" + u for u in uuids]
    after = {
        "_id": [str(100000 + i) for i in range(n)],
        "_uuid": uuids,
        "_submission_time": _times(n, ""),
        "_validation_status": "",
        "_notes": "",
        "_status": "submitted_via_web",
        "_submitted_by": "pendamping",
        "__version__": "vXyZ123",
        "_tags": "",
        "_index": [str(i + 1) for i in range(n)],
    }
    for name in KOBO_AFTER:
        out[name] = after[name]
    return _with_resubmission(out, "_submission_time", "_uuid", "meta/instanceID", "")


def _times(n: int, zone: str) -> list[str]:
    start = pd.Timestamp("2026-11-03T01:00:00")
    return [
        (start + pd.Timedelta(seconds=30 * i)).strftime("%Y-%m-%dT%H:%M:%S") + zone
        for i in range(n)
    ]


def _with_resubmission(
    out: pd.DataFrame, time: str, key: str, instance: str, zone: str
) -> pd.DataFrame:
    """An earlier submission of report ``RESUBMITTED`` with another omzet, at the
    end of the export (the later submission holds the sample's values)."""
    early = out.iloc[[RESUBMITTED]].copy()
    omzet = next(c for c in out.columns if c.endswith("omzet"))
    early[omzet] = "999"
    early[time] = "2026-11-01T00:00:00" + zone
    early[key] = early[key].iloc[0].replace("0000", "9999")
    early[instance] = "uuid:resubmitted-earlier"
    if key == "KEY":
        early[key] = early[instance]
    return pd.concat([out, early], ignore_index=True)


def write_export_folder(sample: Path, target: Path, layout: str) -> Path:
    """A copy of the sample whose ``laporan_bulanan.csv`` is replaced by an
    export of the same reports: ``odk`` (CSV, ``,``) or ``kobo`` (XLSX, and a
    ``;`` CSV when ``kobo-csv``)."""
    shutil.copytree(sample, target)
    lap = pd.read_csv(target / "laporan_bulanan.csv", dtype=str, keep_default_na=False)
    (target / "laporan_bulanan.csv").unlink()
    if layout == "odk":
        odk_export(lap).to_csv(target / "kmp_laporan_bulanan.csv", index=False)
    elif layout == "kobo":
        frame = kobo_export(lap)
        with pd.ExcelWriter(target / "laporan_kobo.xlsx", engine="openpyxl") as w:
            frame.to_excel(w, sheet_name="Laporan bulanan KMP", index=False)
    else:
        kobo_export(lap).to_csv(target / "laporan_kobo.csv", index=False, sep=";")
    return target


def write_kecamatan_workbooks(sample: Path, target: Path) -> list[Path]:
    """The sample as 20 intake workbooks (``kmp template``'s layout), one per
    kecamatan, with that kecamatan's rows of every table (bumdes by kode_desa)."""
    target.mkdir(parents=True, exist_ok=True)
    tables = {
        name: pd.read_csv(sample / f"{name}.csv", dtype=str, keep_default_na=False)
        for name in TABLES
        if (sample / f"{name}.csv").is_file()
    }
    villages = reference.villages()
    kec_of = villages.set_index("kode_desa")["kode_kec"]
    coop_kec = tables["koperasi"].set_index("koperasi_id")["kode_desa"].map(kec_of)
    written = []
    for kode_kec, nama in (
        villages[["kode_kec", "nama_kec"]]
        .drop_duplicates("kode_kec")
        .itertuples(index=False)
    ):
        book: Workbook = build_template()
        for name, frame in tables.items():
            if "koperasi_id" in frame.columns:
                mine = frame[frame["koperasi_id"].map(coop_kec) == kode_kec]
            else:
                mine = frame[frame["kode_desa"].map(kec_of) == kode_kec]
            sheet = book[name]
            for row in mine[TABLES[name].column_names].itertuples(index=False):
                sheet.append(list(row))
        meta = book.create_sheet("metadata")
        meta.append(["kunci", "nilai"])
        meta.append(["sintetis", "ya"])
        slug = nama.lower().replace(" ", "_")
        path = target / f"{kode_kec.replace('.', '')}_{slug}.xlsx"
        book.save(path)
        written.append(path)
    return written

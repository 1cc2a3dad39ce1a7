"""What tests build their inputs with.

Small hand-made tables, one cooperative at a time with explicit values: ``coop()``
returns the typed tables of a single cooperative whose every figure is given in the
call, so a test can compute the expected indicators by hand. Also the place of the
bad-input corpus (``BAD_CORPUS``), ``kmp()``, the command run in a process of
its own as a planner runs it, and ``brief_notebook_with()``, the brief notebook with
one more cell.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kmp_analysis.report.pdf import find_chromium
from kmp_analysis.schema import TABLES

#: The bad-input corpus (tests/data/bad/README.md).
BAD_CORPUS = Path(__file__).parent / "data" / "bad"
PERIOD = "2026-10"
WINDOW = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]


def report(
    bulan: str,
    terdaftar: int = 100,
    aktif: int = 30,
    omzet: float = 10_000_000,
    pendapatan: float = 2_000_000,
    biaya: float = 1_500_000,
    beredar: float = 0,
    tunggak: float = 0,
    tenaga_kerja: int = 3,
    lokal: float = 0,
    kid: str = "K1",
) -> dict:
    return {
        "koperasi_id": kid,
        "bulan": bulan,
        "anggota_terdaftar": float(terdaftar),
        "anggota_aktif": float(aktif),
        "omzet": float(omzet),
        "pendapatan_usaha": float(pendapatan),
        "biaya_operasional": float(biaya),
        "pinjaman_beredar": float(beredar),
        "pinjaman_tunggak_30": float(tunggak),
        "simpanan_anggota": 0.0,
        "tenaga_kerja": float(tenaga_kerja),
        "pembelian_produk_lokal": float(lokal),
    }


def board(kid: str = "K1", n_pengurus: int = 5, n_pengawas: int = 1, trained: int = 0):
    """Pengurus rows: ``trained`` of them at tier dasar, the rest belum."""
    rows = []
    roles = ["ketua", "sekretaris", "bendahara", "wakil_ketua_usaha"]
    for i in range(n_pengurus):
        peran = roles[i] if i < len(roles) else "pengurus_lain"
        rows.append((kid, f"P{i:02d}", peran))
    for i in range(n_pengawas):
        rows.append((kid, f"W{i:02d}", "pengawas"))
    return [
        {
            "koperasi_id": k,
            "id_orang": o,
            "peran": p,
            "jenis_kelamin": "L" if j % 2 else "P",
            "jenjang_pelatihan": "dasar" if j < trained else "belum",
        }
        for j, (k, o, p) in enumerate(rows)
    ]


def coop(
    reports: list[dict] | None = None,
    units: dict[str, str] | None = None,
    legal: bool = True,
    badan_hukum: str | None = "2025-07-15",
    pengurus: list[dict] | None = None,
    rapat: list[dict] | None = None,
    kid: str = "K1",
    kode_desa: str = "64.02.06.1001",
    status_pinjaman: str = "belum",
) -> dict[str, pd.DataFrame]:
    """Typed tables (as :func:`kmp_analysis.io.read_dataset` returns them)."""
    reports = reports if reports is not None else [report(m) for m in WINDOW]
    units = units if units is not None else {"sembako": "beroperasi"}
    koperasi = pd.DataFrame(
        [
            {
                "koperasi_id": kid,
                "nama_koperasi": f"Koperasi {kid}",
                "kode_desa": kode_desa,
                "tanggal_musdes": pd.Timestamp("2025-05-01"),
                "tanggal_badan_hukum": pd.Timestamp(badan_hukum)
                if badan_hukum
                else pd.NaT,
                "nib": legal,
                "npwp": legal,
                "rekening_bank": legal,
                "nik_koperasi": legal,
                "akun_simkopdes": legal,
                "status_pinjaman": status_pinjaman,
                "plafon_pinjaman": 0.0,
            }
        ]
    )
    for c in ("nib", "npwp", "rekening_bank", "nik_koperasi", "akun_simkopdes"):
        koperasi[c] = koperasi[c].astype("boolean")
    unit_usaha = pd.DataFrame(
        [
            {"koperasi_id": kid, "unit": u, "status": s, "tanggal_mulai": pd.NaT}
            for u, s in units.items()
        ],
        columns=TABLES["unit_usaha"].column_names,
    )
    unit_usaha["tanggal_mulai"] = pd.to_datetime(unit_usaha["tanggal_mulai"])
    laporan = pd.DataFrame(reports, columns=TABLES["laporan_bulanan"].column_names)
    rapat_df = pd.DataFrame(
        rapat
        if rapat is not None
        else [
            {
                "koperasi_id": kid,
                "tanggal": pd.Timestamp("2026-03-20"),
                "jenis": "rat",
                "tahun_buku": 2025.0,
            }
        ],
        columns=TABLES["rapat"].column_names,
    )
    rapat_df["tanggal"] = pd.to_datetime(rapat_df["tanggal"])
    pengurus_df = pd.DataFrame(
        pengurus if pengurus is not None else board(kid),
        columns=TABLES["pengurus"].column_names,
    )
    bumdes = pd.DataFrame(columns=TABLES["bumdes"].column_names)
    return {
        "koperasi": koperasi,
        "unit_usaha": unit_usaha,
        "laporan_bulanan": laporan,
        "rapat": rapat_df,
        "pengurus": pengurus_df,
        "bumdes": bumdes,
    }


def combine(*parts: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Tables of several cooperatives stacked."""
    return {
        name: pd.concat([p[name] for p in parts], ignore_index=True)
        for name in parts[0]
    }


# ----------------------------------------------------------------- CSV files (text)

GOOD_CSV = {
    "koperasi": [
        "koperasi_id,nama_koperasi,kode_desa,tanggal_musdes,tanggal_badan_hukum,nib,npwp,"
        "rekening_bank,nik_koperasi,akun_simkopdes,status_pinjaman,plafon_pinjaman",
        "K1,Koperasi Satu,64.02.06.1001,2025-05-01,2025-07-15,ya,ya,ya,ya,ya,belum,0",
        "K2,Koperasi Dua,6402122001,01/05/2025,,tidak,tidak,ya,tidak,ya,diajukan,"
        "Rp 1.250.000",
    ],
    "unit_usaha": [
        "koperasi_id,unit,status,tanggal_mulai",
        "K1,sembako,beroperasi,2025-09-01",
        "K2,kantor,rencana,",
    ],
    "laporan_bulanan": [
        "koperasi_id,bulan,anggota_terdaftar,anggota_aktif,omzet,pendapatan_usaha,"
        "biaya_operasional,pinjaman_beredar,pinjaman_tunggak_30,simpanan_anggota,"
        "tenaga_kerja,pembelian_produk_lokal",
        "K1,2026-09,100,30,10000000,2000000,1500000,0,0,0,3,0",
        "K1,2026-10,100,25,12000000,2000000,1500000,0,0,0,3,0",
        "K2,2026-10,50,0,0,0,0,0,0,0,0,0",
    ],
    "rapat": [
        "koperasi_id,tanggal,jenis,tahun_buku",
        "K1,2026-03-20,rat,2025",
    ],
    "pengurus": [
        "koperasi_id,id_orang,peran,jenis_kelamin,jenjang_pelatihan",
        "K1,P01,ketua,L,dasar",
        "K1,P02,pengawas,P,belum",
    ],
    "bumdes": [
        "kode_desa,nama_bumdes,status,unit_usaha,kerja_sama_kmp",
        "64.02.12.2001,BUMDes Maju,aktif,sembako;air bersih,tidak",
    ],
}


def write_csv_folder(folder: Path, changes: dict[str, list[str]] | None = None) -> Path:
    """Write :data:`GOOD_CSV`, whole tables replaced by ``changes``, to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = {**GOOD_CSV, **(changes or {})}
    for name, lines in tables.items():
        (folder / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def csv_with(
    table: str,
    edits: dict[tuple[int, str], str] | None = None,
    extra: list[str] | None = None,
) -> list[str]:
    """Lines of ``GOOD_CSV[table]`` with cells replaced, plus ``extra`` lines appended.

    ``edits`` maps (spreadsheet row, column name) to the new cell text; the header is
    row 1, the first data row is row 2 (as the user sees it in a spreadsheet).
    """
    import csv
    import io

    rows = list(csv.reader(GOOD_CSV[table]))
    header = rows[0]
    for (row, column), value in (edits or {}).items():
        rows[row - 1][header.index(column)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().rstrip("\n").split("\n") + list(extra or [])


def kmp(*args: str) -> subprocess.CompletedProcess:
    """The ``kmp`` command run as a planner runs it, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "kmp_analysis", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def marked_processes(mark: str, name: str = "") -> list[int]:
    """Pids of the processes whose environment carries ``mark`` (and whose command
    line contains ``name``): a browser inherits its starter's environment."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if mark.encode() not in (entry / "environ").read_bytes():
                continue
            if name.encode() not in (entry / "cmdline").read_bytes():
                continue
        except OSError:
            continue
        found.append(int(entry.name))
    return found


def brief_notebook_with(source: str):
    """The brief notebook with one more code cell, right after the cell that makes
    the brief (``prepare(...)``), wherever that cell is."""
    import nbformat

    from kmp_analysis.paths import BRIEF_NOTEBOOK

    nb = nbformat.read(BRIEF_NOTEBOOK, as_version=4)
    made = next(i for i, cell in enumerate(nb.cells) if "prepare(" in cell.source)
    nb.cells.insert(made + 1, nbformat.v4.new_code_cell(source))
    return nb


def free_port() -> int:
    """A port nobody listens on, for a server a test starts.

    Not the kernel's pick (binding port 0): Linux hands the port just released to
    the next caller, so two test workers (pytest-xdist) starting servers at once
    got the same one, and one test talked to the other's server. Each worker
    draws from a range of its own, below the ephemeral ports the kernels of those
    servers bind.
    """
    import random
    import socket

    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker[2:]) if worker[2:].isdigit() else 0
    base = 20000 + 1000 * (index % 10)
    for port in random.sample(range(base, base + 1000), 1000):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {base}-{base + 999}")


def kill_a_worker(pid: int) -> None:
    """SIGKILL one worker process of the batch ``pid`` runs, as the out-of-memory
    killer would."""
    import psutil

    workers = [
        child
        for child in psutil.Process(pid).children()
        if "--multiprocessing-fork" in child.cmdline()
    ]
    assert workers, "no worker process found"
    workers[0].kill()


#: Skips a browser test where no Chromium is installed, saying how to get one.
needs_chromium = pytest.mark.skipif(
    find_chromium() is None,
    reason="no Chromium/Chrome for browser tests "
    "(apt-get install chromium, or set KMP_CHROMIUM)",
)

"""HTML -> A4 PDF with headless Chromium (kmp_analysis.report.pdf).

Tests that print need a Chromium/Chrome (``make test`` tries to install Debian's
``chromium``); they are skipped without one. The others use stand-in programs.
"""

from __future__ import annotations

import contextlib
import os
import stat
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from builders import marked_processes

from kmp_analysis.report import pdf
from kmp_analysis.report.pdf import (
    PdfUnavailable,
    find_chromium,
    html_to_pdf,
    pdf_page_count,
)

A4_PT = (595.28, 841.89)

NO_CHROMIUM = "no Chromium/Chrome (apt-get install chromium, or set KMP_CHROMIUM)"
needs_chromium = pytest.mark.skipif(find_chromium() is None, reason=NO_CHROMIUM)


def table_page(rows: int = 200) -> str:
    body = "".join(
        f"<tr><td>{i}</td><td>Koperasi Desa {i}</td><td>{i * 37 % 100}%</td></tr>"
        for i in range(1, rows + 1)
    )
    return (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        "<title>Uji PDF</title><style>"
        "@page { size: A4; margin: 15mm }"
        "body { font-family: sans-serif } table { border-collapse: collapse }"
        "td { border: 1px solid #999; padding: 2px 6px } tr { break-inside: avoid }"
        "</style></head><body><h1>Daftar koperasi — uji</h1>"
        f"<table>{body}</table></body></html>\n"
    )


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "halaman.html"
    path.write_text(table_page(), encoding="utf-8")
    return path


def page_sizes(path: Path) -> list[tuple[float, float]]:
    pypdf = pytest.importorskip("pypdf")
    return [
        (float(p.mediabox.width), float(p.mediabox.height))
        for p in pypdf.PdfReader(str(path)).pages
    ]


def assert_a4(path: Path) -> None:
    sizes = page_sizes(path)
    assert sizes
    for width, height in sizes:
        assert abs(width - A4_PT[0]) <= 2 and abs(height - A4_PT[1]) <= 2, sizes


def alive(pid: int) -> bool:
    """Running (a zombie left for an init that does not reap is not running)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "(zombie)" not in status


def without_pypdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import pypdf`` fail, as where the dev dependencies are missing."""
    import builtins

    real_import = builtins.__import__

    def no_pypdf(name, *args, **kwargs):
        if name == "pypdf" or name.startswith("pypdf."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pypdf)


def red_png(width: int, height: int) -> bytes:
    """A plain red PNG of ``width`` x ``height`` pixels."""
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def one_chromium_per_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Print through Chromium's own ``--print-to-pdf`` (the path without
    Playwright), where a stand-in shell script can play the browser."""
    monkeypatch.setattr(pdf, "printer", lambda browser: None)


def fake_browser(folder: Path, script: str) -> Path:
    """A stand-in for Chromium: a shell script."""
    path = folder / "fake-chromium"
    path.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


# ------------------------------------------------------------ with a browser


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    """The 200-row table printed once, over an older file at the same place."""
    if find_chromium() is None:
        pytest.skip(NO_CHROMIUM)
    folder = tmp_path_factory.mktemp("cetak")
    source = folder / "halaman.html"
    source.write_text(table_page(), encoding="utf-8")
    target = folder / "keluar" / "halaman.pdf"
    target.parent.mkdir()
    target.write_bytes(b"versi lama")
    assert html_to_pdf(source, target) == target
    return target


def test_a_table_prints_on_a_few_a4_pages(printed):
    assert printed.read_bytes().startswith(b"%PDF-")
    assert_a4(printed)
    assert 3 <= pdf_page_count(printed) <= 10


def test_the_pdf_replaces_the_old_file_and_leaves_no_temp_files(printed):
    assert os.listdir(printed.parent) == ["halaman.pdf"]
    assert oct(printed.stat().st_mode & 0o777) == "0o644"


@needs_chromium
def test_a_page_without_a_page_size_still_prints_on_a4(tmp_path):
    source = tmp_path / "tanpa_ukuran.html"
    source.write_text(
        table_page(30).replace("@page { size: A4; margin: 15mm }", ""), "utf-8"
    )
    target = html_to_pdf(source, tmp_path / "tanpa_ukuran.pdf")
    assert_a4(target)


@needs_chromium
def test_the_pages_own_page_size_wins(tmp_path):
    source = tmp_path / "a5.html"
    source.write_text(table_page(30).replace("size: A4", "size: A5"), "utf-8")
    width, height = page_sizes(html_to_pdf(source, tmp_path / "a5.pdf"))[0]
    assert abs(width - 419.5) <= 2 and abs(height - 595.3) <= 2


@needs_chromium
def test_relative_images_still_load(tmp_path):
    """Chromium prints a copy of the page; its links still point at the original."""
    pypdf = pytest.importorskip("pypdf")
    (tmp_path / "gambar").mkdir()
    (tmp_path / "gambar" / "merah.png").write_bytes(red_png(7, 3))
    source = tmp_path / "gambar.html"
    source.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        '<img src="gambar/merah.png" style="width:70mm;height:30mm"></body></html>',
        "utf-8",
    )
    target = html_to_pdf(source, tmp_path / "gambar.pdf")
    images = pypdf.PdfReader(str(target)).pages[0].images
    assert [image.image.size for image in images] == [(7, 3)]


@needs_chromium
def test_two_conversions_at_once_both_succeed(page, tmp_path):
    """Separate profiles and temp files: workers can print side by side."""
    out = tmp_path / "paralel"
    targets = [out / "satu.pdf", out / "dua.pdf"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(lambda t: html_to_pdf(page, t), targets))
    assert done == targets
    for target in targets:
        assert_a4(target)
        assert pdf_page_count(target) >= 3
    assert sorted(p.name for p in out.iterdir()) == ["dua.pdf", "satu.pdf"]


# ---------------------------------------------------------- without a browser


def test_no_browser_raises_pdf_unavailable_in_indonesian(page, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_chromium", lambda: None)
    target = tmp_path / "halaman.pdf"
    with pytest.raises(PdfUnavailable) as caught:
        html_to_pdf(page, target)
    text = str(caught.value)
    assert "Chromium tidak ditemukan" in text
    assert "apt-get install chromium" in text
    assert "Brief HTML tetap ditulis" in text
    assert isinstance(caught.value, RuntimeError)
    assert not target.exists()


def test_find_chromium_prefers_kmp_chromium(tmp_path, monkeypatch):
    browser = fake_browser(tmp_path, "exit 0")
    monkeypatch.setenv("KMP_CHROMIUM", str(browser))
    assert find_chromium() == str(browser)


def test_find_chromium_finds_none_on_an_empty_path(tmp_path, monkeypatch):
    monkeypatch.delenv("KMP_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pdf, "FALLBACK", str(tmp_path / "chromium"))
    assert find_chromium() is None
    monkeypatch.setenv("KMP_CHROMIUM", str(tmp_path / "tidak-ada"))
    assert find_chromium() is None


def test_a_failing_browser_is_a_runtime_error_with_its_last_line(
    page, tmp_path, monkeypatch, one_chromium_per_page
):
    browser = fake_browser(
        tmp_path,
        'echo "[1:2:ERROR:dbus/bus.cc:405] Failed to connect to the bus" >&2\n'
        'echo "ERROR: cannot open display: printing failed" >&2\n'
        'echo "[1:2:ERROR:dbus/bus.cc:405] Failed again" >&2\n'
        "exit 3",
    )
    monkeypatch.setenv("KMP_CHROMIUM", str(browser))
    target = tmp_path / "keluar" / "halaman.pdf"
    target.parent.mkdir()
    target.write_bytes(b"versi lama")
    with pytest.raises(RuntimeError) as caught:
        html_to_pdf(page, target)
    text = str(caught.value)
    assert "printing failed" in text
    assert "kode 3" in text
    assert "\n" not in text
    assert target.read_bytes() == b"versi lama"  # the previous PDF stays
    assert os.listdir(target.parent) == ["halaman.pdf"]


@pytest.mark.parametrize("shared", [True, False], ids=["shared", "per-page"])
def test_a_browser_that_writes_no_pdf_is_a_failure(page, tmp_path, monkeypatch, shared):
    if not shared:
        monkeypatch.setattr(pdf, "printer", lambda browser: None)
    monkeypatch.setenv("KMP_CHROMIUM", str(fake_browser(tmp_path, "exit 0")))
    target = tmp_path / "keluar" / "halaman.pdf"
    with pytest.raises(RuntimeError, match="gagal mencetak"):
        html_to_pdf(page, target)
    assert list(target.parent.iterdir()) == []


def test_a_browser_that_hangs_is_stopped(
    page, tmp_path, monkeypatch, one_chromium_per_page
):
    """The whole process group goes: the launcher and what it started."""
    pid_file = tmp_path / "anak.pid"
    browser = fake_browser(
        tmp_path, f'sleep 30 &\necho $! > "{pid_file}"\necho "masih memuat" >&2\nwait'
    )
    monkeypatch.setenv("KMP_CHROMIUM", str(browser))
    target = tmp_path / "keluar" / "halaman.pdf"
    with pytest.raises(RuntimeError, match=r"dalam 1 detik: masih memuat"):
        html_to_pdf(page, target, timeout=1)
    assert list(target.parent.iterdir()) == []
    assert not alive(int(pid_file.read_text()))


def test_a_missing_page_is_file_not_found(tmp_path, monkeypatch):
    monkeypatch.setenv("KMP_CHROMIUM", str(fake_browser(tmp_path, "exit 0")))
    with pytest.raises(FileNotFoundError):
        html_to_pdf(tmp_path / "tidak-ada.html", tmp_path / "x.pdf")


def test_page_count_without_pypdf_counts_page_objects(tmp_path, monkeypatch):
    minimal = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"
        b"4 0 obj <</Type/Page/Parent 2 0 R>> endobj\n%%EOF\n"
    )
    path = tmp_path / "dua.pdf"
    path.write_bytes(minimal)
    without_pypdf(monkeypatch)
    assert pdf_page_count(path) == 2


def test_page_count_without_pypdf_is_exact_on_chromiums_pdfs(printed, monkeypatch):
    expected = pdf_page_count(printed)
    without_pypdf(monkeypatch)
    assert pdf_page_count(printed) == expected


def test_a_failed_pdf_keeps_the_html_brief_and_fails_the_brief(tmp_path, monkeypatch):
    """A PDF that cannot be printed leaves the HTML brief written, marked failed."""
    from kmp_analysis import batch

    def broken(html_path, pdf_path, timeout=120):
        raise RuntimeError("Chromium berhenti")

    monkeypatch.setattr("kmp_analysis.batch.run.html_to_pdf", broken)
    monkeypatch.setattr(
        "kmp_analysis.batch.write.find_chromium", lambda: "/usr/bin/chromium"
    )
    out = tmp_path / "out"
    report = batch.write_briefs(
        kecamatan=["Sanga Sanga"],
        out=out,
        workers=1,
        progress=False,
        formats=("html", "pdf"),
        summary=False,
        executor="inprocess",
    )
    (result,) = report.results
    assert result.status == "gagal"
    assert "Chromium berhenti" in result.error
    folder = out / "briefs" / "2026-10" / "kecamatan" / "64.02.15-sanga-sanga"
    assert (folder / "brief.html").is_file()
    assert not (folder / "brief.pdf").exists()


# ------------------------------------------------------- one browser per process


def test_one_browser_prints_every_page_of_a_process(tmp_path, monkeypatch):
    """Pages printed in one process share one headless Chromium (no start-up per
    page), and a browser that died is started again."""
    import signal
    import time
    import uuid

    browser = find_chromium()
    if browser is None:
        pytest.skip(NO_CHROMIUM)
    mark = f"kmp-test-{uuid.uuid4().hex}"
    monkeypatch.setenv("KMP_PRINTER_MARK", mark)
    shared = pdf.Printer(browser)
    try:
        for i in range(3):
            source = tmp_path / f"h{i}.html"
            source.write_text(table_page(20), encoding="utf-8")
            shared.print(source, tmp_path / f"h{i}.pdf", timeout=60)
            assert_a4(tmp_path / f"h{i}.pdf")
        assert shared.launches == 1
        # kill the browser behind the printer's back: the next page starts another
        chromes = marked_processes(mark, "chrom")
        assert chromes
        for pid in chromes:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        shared.print(tmp_path / "h0.html", tmp_path / "again.pdf", timeout=60)
        assert_a4(tmp_path / "again.pdf")
        assert shared.launches == 2
    finally:
        shared.close()
    deadline = time.monotonic() + 15
    while marked_processes(mark, "chrom") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marked_processes(mark, "chrom") == []


_PRINT_THEN = """
import os, signal, sys
from pathlib import Path
from kmp_analysis.report.pdf import html_to_pdf
folder = Path(sys.argv[1])
html_to_pdf(folder / "h.html", folder / "h.pdf")
print(os.getpid(), flush=True)
if sys.argv[2] == "kill":
    os.kill(os.getpid(), signal.SIGKILL)
elif sys.argv[2] == "interrupt":
    raise KeyboardInterrupt
"""


@pytest.mark.parametrize("end", ["exit", "interrupt", "kill"])
def test_no_browser_is_left_behind(tmp_path, end):
    """After the process ends, is interrupted (Ctrl-C) or killed, no browser of
    its own is left: every process that carries its mark is gone."""
    import subprocess
    import sys
    import time
    import uuid

    if find_chromium() is None:
        pytest.skip(NO_CHROMIUM)
    (tmp_path / "h.html").write_text(table_page(5), encoding="utf-8")
    mark = f"kmp-test-{uuid.uuid4().hex}"
    env = {**os.environ, "KMP_PRINTER_MARK": mark}
    subprocess.run(
        [sys.executable, "-c", _PRINT_THEN, str(tmp_path), end],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert (tmp_path / "h.pdf").is_file()

    deadline = time.monotonic() + 15
    while marked_processes(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marked_processes(mark) == []

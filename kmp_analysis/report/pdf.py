"""HTML -> A4 PDF with Chromium's own print-to-PDF (``chromium --headless``).

Chromium is a system program, not a Python package: Debian's ``chromium`` package, or
any Chromium/Chrome named by ``KMP_CHROMIUM``. Without one, :func:`html_to_pdf` raises
:class:`PdfUnavailable`, whose message says how to install it.

Paper size: ``--print-to-pdf`` has no paper-size option; it follows the page's CSS
``@page { size: ... }`` and falls back to US Letter. So Chromium prints a copy of the
page that starts with ``<base href>`` (relative links still point at the original
folder) and ``@page { size: A4 }``; a page that declares its own ``@page`` size later
in its styles wins over that default.

Every call gets its own Chromium profile folder (``--user-data-dir``) and its own
temporary files, so several worker processes may convert at once. The PDF is written
to a temporary file beside the target and renamed into place: a target holds the
previous PDF or the new one, never a part.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from kmp_analysis.errors import PdfFailed, PdfUnavailable
from kmp_analysis.paths import chromium_override
from kmp_analysis.safeio import atomic_path

#: Executables tried, in order, after ``KMP_CHROMIUM``.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
FALLBACK = "/usr/bin/chromium"

#: Flags for a headless Chromium on a machine without a display, a sandbox-capable
#: kernel setup or an open network: no GPU, no background calls home, no QUIC.
#: (``--headless`` and the profile folder are added per call; Playwright adds its own.)
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

_PRINT_DEFAULTS = "<style>@page { size: A4; }</style>"
#: Chromium's stderr lines that say nothing about a failed print (no D-Bus in a
#: container, the Debian launcher's shared-memory check).
_NOISE = re.compile(rb"dbus|unexpected operator|Fontconfig|^\s*$", re.IGNORECASE)


def find_chromium() -> str | None:
    """Path of a Chromium/Chrome executable, or ``None``.

    ``KMP_CHROMIUM`` (a path or a name on ``PATH``) first; when it names nothing
    executable the usual names are tried: ``chromium``, ``chromium-browser``,
    ``google-chrome`` on ``PATH``, then ``/usr/bin/chromium``.
    """
    chosen = chromium_override()
    for name in [chosen, *CANDIDATES, FALLBACK] if chosen else [*CANDIDATES, FALLBACK]:
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(html_path: Path, pdf_path: Path, timeout: float = 120) -> Path:
    """Print ``html_path`` to ``pdf_path`` (A4 unless the page sets a size).

    Raises :class:`~kmp_analysis.errors.PdfUnavailable` without a browser,
    :class:`FileNotFoundError` for a missing page, and
    :class:`~kmp_analysis.errors.PdfFailed` (with the last line Chromium printed)
    when Chromium fails or takes longer than ``timeout`` seconds. On any
    failure ``pdf_path`` is left as it was.
    """
    html_path, pdf_path = Path(html_path).resolve(), Path(pdf_path).resolve()
    browser = find_chromium()
    if browser is None:
        raise PdfUnavailable()
    if not html_path.is_file():
        raise FileNotFoundError(html_path)
    with (
        tempfile.TemporaryDirectory(
            prefix="kmp-chromium-", ignore_cleanup_errors=True
        ) as work,
        atomic_path(pdf_path) as tmp_pdf,
    ):
        page = Path(work) / html_path.name
        page.write_bytes(_with_print_defaults(html_path))
        command = [
            browser,
            "--headless",
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(work) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={tmp_pdf}",
            page.as_uri(),
        ]
        tmp_pdf.unlink()  # so that a PDF found afterwards is Chromium's
        returncode, stderr = _run(command, timeout)
        if returncode is None:
            raise PdfFailed(
                "pdf_timeout",
                page=html_path.name,
                timeout=f"{timeout:g}",
                detail=_tail(stderr),
            )
        if returncode != 0 or not _is_pdf(tmp_pdf):
            raise PdfFailed(
                "pdf_failed", page=html_path.name, code=returncode, detail=_tail(stderr)
            )
    return pdf_path


def pdf_page_count(path: str | Path) -> int:
    """Number of pages of the PDF at ``path``.

    Uses pypdf when it is installed (a dev dependency). Without it, counts the page
    objects (``/Type /Page``) in the file's bytes: exact for Chromium's PDFs, which
    keep page dictionaries uncompressed, but not for PDFs that pack objects into
    compressed object streams.
    """
    try:
        from pypdf import PdfReader
    except ImportError:
        data = Path(path).read_bytes()
        return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
    return len(PdfReader(str(path)).pages)


# ------------------------------------------------------------------ helpers


def _with_print_defaults(html_path: Path) -> bytes:
    """The page's bytes with ``<base href>`` and an A4 default right after ``<head>``.

    Inserted after ``<meta charset>`` when that comes first, so the charset stays
    where browsers look for it. A page with its own ``<base>`` keeps it (no base
    added).
    """
    data = html_path.read_bytes()
    head = data[:4096]
    extra = _PRINT_DEFAULTS
    if not re.search(rb"<base[\s>]", data, re.IGNORECASE):
        base = html_path.parent.as_uri().rstrip("/") + "/"
        extra = f'<base href="{base}">' + extra
    anchor = (
        re.search(rb"<head(?:\s[^>]*)?>\s*<meta\s+charset[^>]*>", head, re.IGNORECASE)
        or re.search(rb"<head(?:\s[^>]*)?>", head, re.IGNORECASE)
        or re.search(rb"<html(?:\s[^>]*)?>", head, re.IGNORECASE)
        or re.search(rb"<!doctype[^>]*>", head, re.IGNORECASE)
    )
    at = anchor.end() if anchor else 0
    return data[:at] + extra.encode("ascii") + data[at:]


def _run(command: list[str], timeout: float) -> tuple[int | None, bytes]:
    """Run ``command`` in its own process group; ``None`` as the code on timeout.

    On timeout the whole group (browser, renderer, helpers) is killed, not only the
    launcher.
    """
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
        )
        returncode: int | None = None
        try:
            returncode = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
        finally:
            if proc.returncode is None:  # timed out or interrupted: stop the group
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        err.seek(0)
        return returncode, err.read()


def _is_pdf(path: Path) -> bool:
    if not path.is_file() or path.stat().st_size < 8:
        return False
    with path.open("rb") as f:
        return f.read(5) == b"%PDF-"


def _tail(stderr: bytes, limit: int = 300) -> str:
    """The last meaningful line of Chromium's stderr, on one line."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    useful = [line for line in lines if not _NOISE.search(line)]
    chosen = (useful or lines or [b"(tidak ada keluaran)"])[-1]
    text = chosen.decode("utf-8", "replace").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""HTML -> A4 PDF with Chromium's own print-to-PDF (``chromium --headless``).

Chromium is a system program, not a Python package: Debian's ``chromium`` package, or
any Chromium/Chrome named by ``KMP_CHROMIUM``. Without one, :func:`html_to_pdf` raises
:class:`PdfUnavailable`, whose message says how to install it.

Paper size: ``--print-to-pdf`` has no paper-size option; it follows the page's CSS
``@page { size: ... }`` and falls back to US Letter. So Chromium prints a copy of the
page that starts with ``<base href>`` (relative links still point at the original
folder) and ``@page { size: A4 }``; a page that declares its own ``@page`` size later
in its styles wins over that default.

Where Playwright is installed (it is a dependency), each process keeps **one**
headless Chromium for all its pages (:class:`Printer`, in a thread of its own so that
it never meets the asyncio loop of a notebook run): a page costs what printing it
costs, not a browser start (about 1.7 s). The browser is restarted if it dies, and
closed when the process ends; Playwright's driver also takes it down when the
process is killed. Without Playwright, every call starts Chromium's own
``--print-to-pdf`` with its own profile folder.

Either way the PDF is written to a temporary file beside the target and renamed into
place: a target holds the previous PDF or the new one, never a part.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import queue
import re
import shutil
import signal
import subprocess
import tempfile
import threading
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


class Printer:
    """One headless Chromium for this process, driven by Playwright from a thread of
    its own; :meth:`print` hands it a page and waits for the PDF."""

    def __init__(self, browser: str) -> None:
        self.browser = browser
        self._jobs: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.launches = 0  # how many browsers this printer has started (tests)

    def print(self, html_path: Path, pdf_path: Path, timeout: float) -> None:
        """Print ``html_path`` to ``pdf_path`` (A4 unless the page sets a size)."""
        self._ensure_thread()
        done: queue.Queue = queue.Queue(maxsize=1)
        self._jobs.put((html_path, pdf_path, timeout, done))
        try:
            error = done.get(timeout=timeout + 30)
        except queue.Empty:
            raise PdfFailed(
                "pdf_timeout", page=html_path.name, timeout=f"{timeout:g}", detail=""
            ) from None
        if error is not None:
            raise error

    def warm(self, timeout: float = 60) -> None:
        """Start the browser now, not at the first page (a batch worker does it
        while the data is read and evaluated); a failure here is left for the first
        :meth:`print` to report."""
        self._ensure_thread()
        done: queue.Queue = queue.Queue(maxsize=1)
        self._jobs.put((None, None, timeout, done))
        with contextlib.suppress(queue.Empty):
            done.get(timeout=timeout + 30)

    def _ensure_thread(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._serve, name="kmp-pdf-printer", daemon=True
                )
                self._thread.start()

    def close(self) -> None:
        """Close the browser (and its driver); the next :meth:`print` starts one."""
        thread = self._thread
        if thread is not None and thread.is_alive():
            self._jobs.put(None)
            thread.join(timeout=30)
        self._thread = None

    def _serve(self) -> None:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = tab = None
            try:
                while (job := self._jobs.get()) is not None:
                    html_path, pdf_path, timeout, done = job
                    for attempt in (1, 2):  # a browser that died is started again
                        try:
                            if browser is None or not browser.is_connected():
                                browser = playwright.chromium.launch(
                                    executable_path=self.browser,
                                    args=list(CHROMIUM_FLAGS),
                                    timeout=timeout * 1000,
                                )
                                self.launches += 1
                                tab = None
                            if tab is None or tab.is_closed():
                                tab = browser.new_page()
                            if html_path is not None:  # None: only warm up
                                _print_page(tab, html_path, pdf_path, timeout)
                            done.put(None)
                            break
                        except PlaywrightError as exc:
                            if attempt == 1 and "closed" in str(exc):
                                with contextlib.suppress(Exception):
                                    browser.close()
                                browser = tab = None
                                continue
                            with contextlib.suppress(Exception):  # a fresh tab next
                                tab.close()
                            tab = None
                            detail = " ".join(str(exc).split())[:300]
                            done.put(
                                PdfFailed(
                                    "pdf_failed",
                                    page=html_path.name,
                                    code="-",
                                    detail=detail,
                                )
                            )
                            break
                        except Exception as exc:  # hand any other failure over
                            done.put(exc)
                            break
            finally:
                if browser is not None:
                    with contextlib.suppress(Exception):
                        browser.close()


def _print_page(tab, html_path: Path, pdf_path: Path, timeout: float) -> None:
    """``html_path`` loaded in ``tab`` and printed to ``pdf_path``: A4 unless the
    page sets a size.

    The printer keeps one tab open for the whole run: opening a tab per page costs
    about 0.3 s, three times the print itself (a card: ≈ 0.13 s in a kept tab,
    ≈ 0.41 s in a new one). Each page is a new document in it, so nothing of the
    previous page stays.
    """
    tab.goto(html_path.as_uri(), wait_until="load", timeout=timeout * 1000)
    tab.pdf(
        path=str(pdf_path),
        format="A4",
        print_background=True,
        prefer_css_page_size=True,
    )


_PRINTERS: dict[str, Printer] = {}


def printer(browser: str) -> Printer | None:
    """This process's :class:`Printer` for ``browser`` (None without Playwright)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return None
    if browser not in _PRINTERS:
        _PRINTERS[browser] = Printer(browser)
    return _PRINTERS[browser]


@atexit.register
def close_printers() -> None:
    """Close every browser this process started (at exit, or when a run ends)."""
    for each in _PRINTERS.values():
        each.close()


def warm_printer() -> None:
    """Start this process's browser ahead of its first PDF (no-op without one)."""
    browser = find_chromium()
    shared = printer(browser) if browser is not None else None
    if shared is not None:
        shared.warm()


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
    shared = printer(browser)
    if shared is not None:
        with atomic_path(pdf_path) as tmp_pdf:
            tmp_pdf.unlink()  # so that a PDF found afterwards is the browser's
            shared.print(html_path, tmp_pdf, timeout)
            if not _is_pdf(tmp_pdf):
                raise PdfFailed("pdf_failed", page=html_path.name, code="-", detail="")
        return pdf_path
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


def merge_pdfs(sources: list[Path], target: Path) -> Path:
    """The PDFs ``sources``, in that order, as one PDF at ``target`` (written to a
    temporary file and renamed, so a reader never sees half a bundle). Fonts that
    the pages share are kept once (a bundle of 12 one-page cards is a fraction of
    12 cards)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for source in sources:
        writer.append(str(source))
    writer.compress_identical_objects()  # duplicates and orphans (the defaults)
    with atomic_path(target) as tmp, tmp.open("wb") as fh:
        writer.write(fh)
    writer.close()
    return Path(target)


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

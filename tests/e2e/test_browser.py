"""The briefs as a reader sees them: opened in headless Chromium, and printed.

Writes two briefs with the real command line (Tenggarong, and Tenggarong Seberang:
18 cooperatives with the longest reasons, the longest brief of the sample), opens
each ``brief.html`` through Playwright in the system Chromium, and checks what a
planner would see: every image loaded, no code, no tracebacks or Python object
reprs, no request leaving the file, at most four A4 pages when printed. A
full-page screenshot of each brief is saved to
``outputs/screenshots/<kecamatan-folder>.png`` for a person to look at.

Needs Chromium (``make test`` tries to install Debian's ``chromium``) and the
``playwright`` Python package (no Playwright browser download: it drives the system
Chromium); skipped without them.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from builders import needs_chromium

from kmp_analysis.paths import OUTPUTS_DIR
from kmp_analysis.report.pdf import CHROMIUM_FLAGS, find_chromium, html_to_pdf

CHROMIUM = find_chromium()

pytestmark = [pytest.mark.e2e, needs_chromium]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
)

KECAMATAN = ("Tenggarong", "Tenggarong Seberang")
SLUGS = ("tenggarong", "tenggarong-seberang")
SCREENSHOTS = OUTPUTS_DIR / "screenshots"
A4_PT = (595.28, 841.89)
MAX_PAGES = 4
LOCAL_SCHEMES = ("file:", "data:")
#: Text that means Python leaked into the page: a traceback, an object's repr, a
#: warning.
LEAKS = re.compile(
    r"Traceback|<Axes|<Figure|DataFrame|<IPython\.core|<matplotlib|\w+Warning\b"
)

_PAGE_FACTS = """() => {
  const code = /(^|\\n)\\s*(import \\w|from [\\w.]+ import )/;
  return {
    images: Array.from(document.images).map(i => ({
      src: i.currentSrc.slice(0, 60), complete: i.complete, width: i.naturalWidth,
    })),
    text: document.body.innerText,
    inputAreas: document.querySelectorAll(
      '.jp-InputArea, .jp-InputPrompt, .jp-CodeMirrorEditor, .input_area, .highlight'
    ).length,
    codeBlocks: Array.from(document.querySelectorAll('pre, code'))
      .map(e => e.textContent)
      .filter(t => t.includes('import ') || code.test(t))
      .map(t => t.slice(0, 80)),
  };
}"""


@dataclass
class Visit:
    """What one brief showed in the browser, and its printout."""

    folder: str
    images: list[dict[str, Any]]
    text: str
    input_areas: int
    code_blocks: list[str]
    requests: list[str]
    screenshot: Path
    pdf_pages: list[tuple[float, float]] = field(default_factory=list)


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    """Two briefs written by ``python -m kmp_analysis briefs`` (once per module)."""
    out = tmp_path_factory.mktemp("briefs_browser")
    args = [sys.executable, "-m", "kmp_analysis", "briefs"]
    for name in KECAMATAN:
        args += ["-k", name]
    result = subprocess.run(
        [*args, "--out", str(out), "--no-progress"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (period_dir,) = (out / "briefs").iterdir()
    return period_dir


@pytest.fixture(scope="module")
def brief_pages(run_dir: Path) -> dict[str, Path]:
    """``brief.html`` of every kecamatan folder, by folder name."""
    pages = sorted(run_dir.parent.glob("*/kecamatan/*/brief.html"))
    return {page.parent.name: page for page in pages}


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS)
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def visits(brief_pages, browser, tmp_path_factory) -> dict[str, Visit]:
    """Every brief opened once: facts, requests, screenshot and PDF."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf_dir = tmp_path_factory.mktemp("pdf")
    found = {}
    for folder, html_path in brief_pages.items():
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests: list[str] = []
        page.on("request", _recorder(requests))
        page.route("**/*", _local_only(requests))
        try:
            page.goto(html_path.as_uri(), wait_until="load")
            facts = page.evaluate(_PAGE_FACTS)
            screenshot = SCREENSHOTS / f"{folder}.png"
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            page.close()
        pdf = html_to_pdf(html_path, pdf_dir / f"{folder}.pdf")
        found[folder] = Visit(
            folder=folder,
            images=facts["images"],
            text=facts["text"],
            input_areas=facts["inputAreas"],
            code_blocks=facts["codeBlocks"],
            requests=list(dict.fromkeys(requests)),
            screenshot=screenshot,
            pdf_pages=_page_sizes(pdf),
        )
    return found


def _recorder(seen: list[str]) -> Callable[[Any], None]:
    """A ``request`` event handler that records every URL the page asks for."""
    return lambda request: seen.append(request.url)


def _local_only(seen: list[str]) -> Callable[[Any], None]:
    """A route handler that records and refuses requests leaving the file, so the
    outcome does not depend on whether this machine has a network.

    (Playwright passes the request too to a handler with two parameters: hence one.)
    """

    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            seen.append(url)
            route.abort()

    return handle


def _page_sizes(path: Path) -> list[tuple[float, float]]:
    from pypdf import PdfReader

    return [
        (float(p.mediabox.width), float(p.mediabox.height))
        for p in PdfReader(str(path)).pages
    ]


def visit_of(visits: dict[str, Visit], slug: str) -> Visit:
    (folder,) = [f for f in visits if f.endswith(f"-{slug}")]
    return visits[folder]


# -------------------------------------------------------------------- tests


def test_one_brief_folder_per_kecamatan_asked(brief_pages):
    assert sorted(f.split("-", 1)[1] for f in brief_pages) == sorted(SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_image_has_loaded(visits, slug):
    visit = visit_of(visits, slug)
    assert visit.images, f"{visit.folder}: no image at all (the map is missing)"
    broken = [i for i in visit.images if not (i["complete"] and i["width"] > 0)]
    assert broken == [], f"{visit.folder}: images not loaded"


@pytest.mark.parametrize("slug", SLUGS)
def test_no_code_is_shown(visits, slug):
    visit = visit_of(visits, slug)
    assert visit.input_areas == 0, f"{visit.folder}: code cell inputs in the page"
    assert visit.code_blocks == [], f"{visit.folder}: code in <pre>/<code>"
    assert "In [" not in visit.text
    assert "Out[" not in visit.text


@pytest.mark.parametrize("slug", SLUGS)
def test_no_traceback_or_python_repr_in_the_visible_text(visits, slug):
    visit = visit_of(visits, slug)
    leaks = [m.group(0) for m in LEAKS.finditer(visit.text)]
    assert leaks == [], f"{visit.folder}: Python shows through"
    name = slug.replace("-", " ").title()
    assert f"Kecamatan {name}" in visit.text  # it is the brief asked for


@pytest.mark.parametrize("slug", SLUGS)
def test_the_brief_makes_no_network_request(visits, slug):
    visit = visit_of(visits, slug)
    outside = [u for u in visit.requests if not u.startswith(LOCAL_SCHEMES)]
    assert outside == [], f"{visit.folder}: the brief is not self-contained"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_brief_prints_on_at_most_four_a4_pages(visits, slug):
    visit = visit_of(visits, slug)
    pages = visit.pdf_pages
    assert 1 <= len(pages) <= MAX_PAGES, f"{visit.folder}: {len(pages)} pages"
    for width, height in pages:
        assert abs(width - A4_PT[0]) <= 2 and abs(height - A4_PT[1]) <= 2, pages


@pytest.mark.parametrize("slug", SLUGS)
def test_a_full_page_screenshot_is_saved(visits, slug):
    visit = visit_of(visits, slug)
    assert visit.screenshot.parent == SCREENSHOTS
    assert visit.screenshot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert visit.screenshot.stat().st_size > 20_000  # more than a blank page


def test_index_links_resolve_to_existing_files(run_dir, browser):
    page = browser.new_page()
    try:
        page.goto((run_dir / "index.html").as_uri(), wait_until="load")
        hrefs = page.evaluate(
            "() => Array.from(document.querySelectorAll('a[href]'), a => a.href)"
        )
    finally:
        page.close()
    assert len(hrefs) >= len(KECAMATAN)
    for href in hrefs:
        url = urlparse(href)
        assert url.scheme == "file", f"index links outside the run: {href}"
        target = Path(unquote(url.path))
        assert target.is_file(), f"index links to a missing file: {href}"
        assert target.resolve().is_relative_to(run_dir.resolve()), href
    linked = {Path(unquote(urlparse(h).path)).parent.name for h in hrefs}
    assert {f.split("-", 1)[1] for f in linked if "-" in f} >= set(SLUGS)
    assert "kabupaten" in linked  # the regency summary

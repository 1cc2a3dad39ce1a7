"""The notebooks as a planner meets them: a real JupyterLab in the system Chromium
(issue 14). Each notebook is opened and run with Run → Run All Cells; no cell may end
in an error or print to stderr, and no request may leave the machine. In the
explorer a slider is moved and the class counts must follow; a mistyped kecamatan
must read as a message with "maksud Anda", not as a traceback.

JupyterLab runs on a copy of the notebooks in a temporary folder, with its settings
and workspaces there too, so nothing of the checkout or of the user's own JupyterLab
is touched. Run All times are printed (``-s``) for the note.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import free_port, needs_chromium

from kmp_analysis.paths import NOTEBOOKS_DIR
from kmp_analysis.report.pdf import CHROMIUM_FLAGS, find_chromium

CHROMIUM = find_chromium()

pytestmark = [pytest.mark.e2e, needs_chromium]

NOTEBOOKS = sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb"))
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
#: A wrong kecamatan, as a planner might type it, in a copy of the explorer.
MISTYPED = "eksplorasi_salah_ketik.ipynb"


def with_parameter(source: Path, target: Path, name: str, value: str) -> None:
    """``source`` with one line of its parameters cell changed."""
    nb = json.loads(source.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            lines = "".join(cell["source"]).splitlines(keepends=True)
            cell["source"] = [
                f'{name}: str = "{value}"\n' if line.startswith(f"{name}:") else line
                for line in lines
            ]
    target.write_text(json.dumps(nb, indent=1), encoding="utf-8")


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[str]:
    """A JupyterLab server on a copy of the notebooks; yields its address."""
    root = tmp_path_factory.mktemp("lab")
    for name in NOTEBOOKS:
        shutil.copy(NOTEBOOKS_DIR / name, root / name)
    with_parameter(
        NOTEBOOKS_DIR / "eksplorasi.ipynb", root / MISTYPED, "kecamatan", "Tenggarang"
    )
    port = free_port()
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(root / ".config"),
        "JUPYTERLAB_SETTINGS_DIR": str(root / ".settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(root / ".workspaces"),
    }
    settings = root / ".settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    args = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.token=",
        "--ServerApp.password=",
        "--ServerApp.disable_check_xsrf=True",  # the test shuts kernels down
        f"--ServerApp.root_dir={root}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    log = (root / "lab.log").open("wb")
    server = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/api/status", timeout=2):
                break
        except OSError:
            if server.poll() is not None:
                pytest.fail((root / "lab.log").read_text(errors="replace")[-2000:])
            time.sleep(0.3)
    else:
        server.kill()
        pytest.fail("JupyterLab did not answer within 90 s")
    try:
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS)
        )
        yield chromium
        chromium.close()


class Opened:
    """One notebook open in JupyterLab, with every request the page made."""

    def __init__(self, browser, lab: str, name: str) -> None:
        self.lab = lab
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.requests: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        # a workspace of its own: only this notebook open (JupyterLab restores
        # the tabs of its last workspace otherwise)
        space = f"t{time.monotonic_ns()}"
        self.page.goto(f"{lab}/lab/workspaces/{space}/tree/{name}?reset")
        self.page.wait_for_selector(".jp-Notebook", timeout=90_000)
        self.page.wait_for_selector("text=| Idle", timeout=90_000)
        # the notebook names its kernel: no "Select Kernel" question, no news
        assert self.page.locator(".jp-Dialog").count() == 0

    def run_all(self) -> float:
        """Run → Run All Cells; seconds until every code cell has run, or until
        the run stopped at an error (JupyterLab then runs no further cell)."""
        start = time.perf_counter()
        self.page.click('.lm-MenuBar-item:has-text("Run")')
        self.page.click('.lm-Menu-item:has-text("Run All Cells")')
        self.page.wait_for_function(
            """() => {
              const prompts = [...document.querySelectorAll(
                '.jp-CodeCell .jp-InputArea-prompt')];
              const stopped = document.querySelector(
                '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
              return prompts.length > 0
                && prompts.every(p => !p.textContent.includes('*'))
                && (stopped !== null
                    || prompts.every(p => /\\[\\d+\\]/.test(p.textContent)));
            }""",
            timeout=300_000,
        )
        return time.perf_counter() - start

    def errors(self) -> list[str]:
        """Text of every error or stderr output."""
        return self.page.eval_on_selector_all(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]',
            "es => es.map(e => e.textContent)",  # off-screen cells have no innerText
        )

    def outside(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(LOCAL)]

    def close(self) -> None:
        """Close the page and shut its kernel down (the next notebook starts its
        own)."""
        self.page.close()
        with urllib.request.urlopen(f"{self.lab}/api/kernels", timeout=10) as answer:
            kernels = json.load(answer)
        for kernel in kernels:
            request = urllib.request.Request(
                f"{self.lab}/api/kernels/{kernel['id']}", method="DELETE"
            )
            urllib.request.urlopen(request, timeout=10).close()


@pytest.mark.parametrize("name", [n for n in NOTEBOOKS if n != "eksplorasi.ipynb"])
def test_run_all_shows_no_error_and_stays_on_the_machine(browser, lab, name):
    """(The explorer: in its own test below, which also moves a slider.)"""
    opened = Opened(browser, lab, name)
    try:
        seconds = opened.run_all()
        print(f"\nRun All {name}: {seconds:.1f} s")
        assert opened.errors() == []
        shown = opened.page.inner_text(".jp-Notebook")
        assert "Traceback" not in shown
        assert opened.outside() == []
    finally:
        opened.close()


def test_a_mistyped_kecamatan_reads_as_a_message(browser, lab):
    opened = Opened(browser, lab, MISTYPED)
    try:
        opened.run_all()
        (error,) = opened.errors()
        assert error.startswith("kecamatan: 'Tenggarang' tidak dikenal; maksud Anda:")
        assert "Tenggarong" in error
        assert "Traceback" not in error and "File " not in error
        assert len(error.strip().splitlines()) == 1
    finally:
        opened.close()


def move_slider(page, name: str, presses: int) -> None:
    """Move the slider whose label starts with ``name`` by ``presses`` steps, with
    the keyboard as a planner could."""
    handle = page.locator(".widget-slider", has_text=name).locator(".noUi-handle")
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(presses):
        handle.press("ArrowRight")


def follows_a_slider(page) -> tuple[str, str]:
    """The class counts before and after moving "Aktif: partisipasi" from 0,20 to
    0,60 (eight steps); waits until the counts change."""
    counts = page.locator(".kmp-counts").first
    counts.wait_for(state="attached", timeout=60_000)
    before = counts.text_content()
    move_slider(page, "Aktif: partisipasi", 8)
    # every step recomputes: wait for the last one, in the slider's label and in
    # the sentence on the thresholds in force
    label = page.locator(".widget-slider", has_text="Aktif: partisipasi")
    label.filter(has_text="0,60").wait_for(timeout=60_000)
    page.locator(".kmp-moves", has_text="0,60").first.wait_for(timeout=60_000)
    return before, counts.text_content()


def test_the_explorer_follows_its_sliders_in_jupyterlab(browser, lab):
    opened = Opened(browser, lab, "eksplorasi.ipynb")
    try:
        print(f"\nRun All eksplorasi.ipynb: {opened.run_all():.1f} s")
        assert opened.errors() == []
        before, after = follows_a_slider(opened.page)
        assert before != after
        # the map names the thresholds it shows
        opened.page.locator(".kmp-webmap-caption", has_text="0,60").wait_for(
            timeout=60_000
        )
        assert opened.errors() == [] and opened.outside() == []
    finally:
        opened.close()


def test_the_explorer_as_a_web_app(browser, tmp_path):
    """``make app``: the page loads without code, its sliders work, and nothing
    leaves the machine. First-load time printed for the note."""
    from test_make_lab_app import jupyter_home, recipe, serving

    port = free_port()
    command = recipe("app", APP_PORT=port) + " --Voila.port_retries=0"
    log = tmp_path / "app.log"
    with serving(command, jupyter_home(tmp_path), log, port):
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        start = time.perf_counter()
        page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
        page.locator(".kmp-counts").first.wait_for(state="attached", timeout=120_000)
        print(f"\nVoila first load: {time.perf_counter() - start:.1f} s")
        # make app prints the address to open
        assert f"http://127.0.0.1:{port}/" in log.read_text("utf-8", "replace")
        shown = page.inner_text("body")
        assert "from kmp_analysis" not in shown  # no code
        assert "Run All" not in shown  # the notebook's opening note is left out
        assert "Traceback" not in shown
        before, after = follows_a_slider(page)
        assert before != after
        page.close()
    assert [u for u in requests if not u.startswith(LOCAL)] == []

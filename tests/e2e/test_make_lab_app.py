"""``make lab`` and ``make app`` as the Makefile runs them, each on a free port.

The command is the Makefile's own recipe (``make -n``, with this interpreter's
``bin/`` as ``BIN``), so the test follows what a planner types. Each server runs in
a session of its own, stopped (with its kernels) at the end of its test. Jupyter's
per-user folders point into ``tmp_path``: a planner's ``~/.jupyter`` changes
nothing, and the tests leave nothing there.

- JupyterLab: a notebook with outputs saved under ``notebooks/`` through the REST
  API (``PUT /api/contents/...``, what JupyterLab does on Ctrl-S) is on disk without
  them, one saved under ``outputs/`` keeps them; the kernel is the environment's
  even when the user has a ``python3`` kernel of their own; no news, no update check.
- Voilà: in a real browser, with the explorer's sliders, in test_jupyterlab.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from builders import free_port
from nbformat.v4 import new_code_cell, new_notebook, new_output

from kmp_analysis.paths import PROJ_ROOT

MAKE = shutil.which("make")
pytestmark = pytest.mark.skipif(MAKE is None, reason="no make")
START_TIMEOUT_S = 120


def recipe(target: str, **variables: object) -> str:
    """The shell commands of ``make TARGET`` (without making ``.venv``)."""
    done = subprocess.run(
        [
            MAKE,
            "-n",
            "--no-print-directory",  # under `make test` this is a sub-make
            "-o",
            ".venv/.installed",
            target,
            f"BIN={Path(sys.executable).parent}",
            *(f"{name}={value}" for name, value in variables.items()),
        ],
        cwd=PROJ_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def jupyter_home(tmp_path: Path) -> dict[str, str]:
    """The environment with Jupyter's per-user folders in ``tmp_path``; the user's
    data folder holds a ``python3`` kernel that is not the environment's."""
    decoy = tmp_path / "data" / "kernels" / "python3"
    decoy.mkdir(parents=True)
    (decoy / "kernel.json").write_text(
        json.dumps(
            {"argv": ["/bin/false", "{connection_file}"], "display_name": "DECOY"}
        ),
        encoding="utf-8",
    )
    return {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "run"),
    }


def get(url: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@contextlib.contextmanager
def serving(command: str, env: dict[str, str], log: Path, port: int) -> Iterator[None]:
    """``command`` running until the ``with`` ends, once its port accepts."""
    with log.open("wb") as out:
        server = subprocess.Popen(
            ["bash", "-c", command],
            cwd=PROJ_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            assert server.poll() is None, log.read_text("utf-8", "replace")
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            assert time.monotonic() < deadline, log.read_text("utf-8", "replace")
            time.sleep(0.2)
        yield
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def notebook_with_outputs() -> dict:
    nb = new_notebook(metadata={"language_info": {"name": "python", "version": "3"}})
    nb.cells = [
        new_code_cell(
            "print(14)",
            execution_count=1,
            outputs=[new_output("stream", name="stdout", text="14\n")],
        )
    ]
    return nbformat.from_dict(nb)


def printed_address(log: Path, port: int) -> str:
    """The address with its token that the server printed (waits for it)."""
    pattern = re.compile(rf"http://127\.0\.0\.1:{port}/lab\?token=[0-9a-f]+")
    deadline = time.monotonic() + START_TIMEOUT_S
    while not (found := pattern.search(log.read_text("utf-8", "replace"))):
        assert time.monotonic() < deadline, log.read_text("utf-8", "replace")
        time.sleep(0.2)
    return found.group(0)


def put(url: str, nb: dict) -> int:
    request = urllib.request.Request(
        url,
        data=json.dumps({"type": "notebook", "format": "json", "content": nb}).encode(),
        method="PUT",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.status


def test_make_lab_saves_the_projects_notebooks_without_outputs(tmp_path):
    root = tmp_path / "proyek"
    for folder in ("notebooks", "outputs"):
        (root / folder).mkdir(parents=True)
    explorer = PROJ_ROOT / "notebooks" / "eksplorasi.ipynb"
    shutil.copy(explorer, root / "notebooks" / explorer.name)
    port = free_port()
    command = recipe("lab", LAB_PORT=port) + (
        f" --ServerApp.root_dir={root} --ServerApp.port_retries=0"
    )
    log = tmp_path / "lab.log"
    with serving(command, jupyter_home(tmp_path), log, port):
        address = printed_address(log, port)
        base, token = address.split("/lab?")
        for folder in ("notebooks", "outputs"):
            url = f"{base}/api/contents/{folder}/uji.ipynb?{token}"
            assert put(url, notebook_with_outputs()) in (200, 201)
        # the explorer saved with its live widgets: the committed notice stays
        live = nbformat.read(explorer, as_version=4)
        live.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
        url = f"{base}/api/contents/notebooks/{explorer.name}?{token}"
        assert put(url, live) == 200

        status, body = get(f"{base}/api/kernelspecs?{token}")
        assert status == 200
        specs = json.loads(body)
        python3 = specs["kernelspecs"][specs["default"]]["spec"]
        assert python3["display_name"] != "DECOY"
        assert python3["argv"][0] != "/bin/false"

        status, page = get(address)
        assert status == 200
        opening = '<script id="jupyter-config-data" type="application/json">'
        config = json.loads(page.split(opening)[1].split("</script>")[0])
        assert config["news"] == {"disabled": True}
        disabled = config["disabledExtensions"]
        assert "@jupyterlab/apputils-extension:announcements" in disabled

    saved = nbformat.read(root / "notebooks" / "uji.ipynb", as_version=4)
    assert saved.cells[0].outputs == []
    assert saved.cells[0].execution_count is None
    assert saved.cells[0].source == "print(14)"
    saved_explorer = root / "notebooks" / explorer.name
    assert saved_explorer.read_text("utf-8") == explorer.read_text("utf-8")
    kept = nbformat.read(root / "outputs" / "uji.ipynb", as_version=4)
    assert kept.cells[0].outputs[0]["text"] == "14\n"

"""The ``kmp_warm`` papermill engine: warm kernels, reset between notebooks."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import numpy as np
import papermill
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from papermill.engines import papermill_engines
from papermill.exceptions import PapermillExecutionError

from kmp_analysis.batch import _plugin, engine
from kmp_analysis.batch.engine import WarmEngine
from kmp_analysis.errors import BriefTimeoutError
from kmp_analysis.paths import BRIEF_NOTEBOOK


@pytest.fixture(scope="module", autouse=True)
def _no_kernels_left():
    yield
    engine.shutdown_all()
    assert engine.kernel_pids() == []


def notebook(tmp_path: Path, *sources: str, name: str = "nb") -> Path:
    nb = new_notebook(cells=[new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = tmp_path / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def run(path: Path, **kwargs) -> nbformat.NotebookNode:
    return papermill.execute_notebook(
        str(path),
        str(path.with_suffix(".out.ipynb")),
        kernel_name="python3",
        progress_bar=False,
        engine_name="kmp_warm",
        **kwargs,
    )


def stdout(nb: nbformat.NotebookNode) -> str:
    return "".join(
        o.get("text", "")
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.get("name") == "stdout"
    )


def the_pid(nb: nbformat.NotebookNode) -> int:
    """From a notebook whose first cell prints ``os.getpid()``."""
    return int(nb.cells[0].outputs[0].text)


PID = "import os\nprint(os.getpid())"


@pytest.fixture
def light_kernels(monkeypatch):
    """Kernels started from here on warm up with less (the kernel-replacing tests)."""
    monkeypatch.setattr(engine, "WARM_IMPORTS", ("numpy", "matplotlib.pyplot"))


def dead(pid: int, within: float = 10) -> bool:
    """The process has ended (a zombie nobody has reaped yet counts as ended)."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except FileNotFoundError:
            return True
        if stat.rsplit(")", 1)[1].split()[0] in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def test_the_entry_point_is_the_plugin_that_hands_over_to_the_warm_engine():
    assert papermill_engines.get_engine("kmp_warm") is _plugin.WarmEngine
    assert issubclass(WarmEngine, papermill.engines.Engine)
    for name in ("execute_notebook", "execute_managed_notebook", "nb_kernel_name"):
        assert getattr(_plugin.WarmEngine, name) == getattr(WarmEngine, name)


@pytest.mark.parametrize(
    "first",
    ["papermill.engines", "kmp_analysis.batch.engine", "kmp_analysis.batch._plugin"],
)
def test_the_engine_is_found_whichever_module_is_imported_first(first):
    """papermill loads entry points while it is importing: the plugin must load
    then too, whether papermill or our engine is imported first."""
    code = (
        f"import {first}\n"
        "from papermill.engines import papermill_engines\n"
        "print(papermill_engines.get_engine('kmp_warm').__module__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "kmp_analysis.batch._plugin"


@pytest.mark.e2e
def test_a_brief_on_a_warm_kernel_is_byte_identical_to_one_on_a_fresh_kernel(
    tmp_path, sample_evaluation
):
    evaluasi = sample_evaluation.save(tmp_path / "evaluasi")
    warming = threading.Thread(target=engine.prewarm)  # while the fresh kernel runs
    warming.start()

    def brief(kecamatan: str, engine_name: str | None, tag: str) -> tuple:
        out = tmp_path / tag
        out.mkdir()
        nb = papermill.execute_notebook(
            str(BRIEF_NOTEBOOK),
            str(out / "brief.ipynb"),
            parameters={
                "kecamatan": kecamatan,
                "evaluasi": str(evaluasi),
                "out_dir": str(out),
            },
            kernel_name="python3",
            progress_bar=False,
            engine_name=engine_name,
        )
        cells = [(c.get("execution_count"), c.get("outputs")) for c in nb.cells]
        return (out / "brief.json").read_bytes(), cells

    fresh = brief("Tenggarong", None, "fresh")
    warming.join()
    assert brief("Tenggarong", "kmp_warm", "warm1") == fresh
    other = brief("Sanga-Sanga", "kmp_warm", "warm2")
    assert other[0] != fresh[0]
    # same bytes, same outputs, same execution counts
    assert brief("Tenggarong", "kmp_warm", "warm3") == fresh
    assert len(engine.kernel_pids()) == 1


@pytest.mark.e2e
def test_nothing_leaks_from_one_notebook_into_the_next(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    dirty = notebook(
        tmp_path,
        PID,
        "leak = 1\nimport random, numpy\nrandom.random(); numpy.random.rand(5)",
        "import matplotlib, matplotlib.pyplot as plt\n"
        "matplotlib.rcParams['lines.linewidth'] = 7\n"
        "%config InlineBackend.close_figures = False\n"
        "figure = plt.figure()",
        "import os, sys, pandas\n"
        "pandas.set_option('display.max_rows', 3)\n"
        "os.environ['KMP_LEAK'] = '1'\n"
        "sys.path.append('/nowhere')\n"
        "os.chdir('/')",
        name="dirty",
    )
    clean = notebook(
        tmp_path,
        PID,
        "import os, sys, random, numpy, pandas, matplotlib\n"
        "import matplotlib.pyplot as plt\n"
        "assert 'leak' not in globals()\n"
        "assert len(Out) == 0 and len(In) == 3\n"
        "assert matplotlib.rcParams['lines.linewidth'] == 1.5\n"
        "assert plt.get_fignums() == []\n"
        "from matplotlib_inline.config import InlineBackend\n"
        "assert InlineBackend.instance().close_figures\n"
        "assert pandas.get_option('display.max_rows') == 60\n"
        "assert 'KMP_LEAK' not in os.environ\n"
        "assert '/nowhere' not in sys.path\n"
        "print(os.getcwd())",
        "print(numpy.random.rand(), random.random())",
        "plt.plot([1, 2]);",  # shown by the inline backend, every time
        name="clean",
    )
    first = run(clean)
    dirty_nb = run(dirty)
    second = run(clean)
    assert the_pid(first) == the_pid(dirty_nb) == the_pid(second)  # one warm kernel
    assert dirty_nb.cells[1].outputs[0].output_type == "execute_result"  # Out[2]
    _, cwd, numbers = stdout(second).splitlines()
    assert stdout(first).splitlines()[1:] == [cwd, numbers]
    assert Path(cwd) == tmp_path.resolve()
    assert numbers == f"{np.random.RandomState(0).rand()} {random.Random(0).random()}"
    assert [c.execution_count for c in second.cells] == [1, 2, 3, 4]
    for nb in (first, second):
        assert "image/png" in nb.cells[3].outputs[0].data
    # papermill's cwd= is the kernel's working directory
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert str(elsewhere) in stdout(run(clean, cwd=str(elsewhere)))


@pytest.mark.e2e
def test_a_failing_cell_raises_and_the_kernel_serves_the_next_notebook(tmp_path):
    failing = notebook(tmp_path, PID, "x = 1", "1 / 0", "print('never')", name="bad")
    with pytest.raises(PapermillExecutionError) as error:
        run(failing)
    assert error.value.ename == "ZeroDivisionError"
    assert error.value.exec_count == 3
    good = run(notebook(tmp_path, PID, "assert 'x' not in globals()", name="good"))
    assert the_pid(good) in engine.kernel_pids()
    assert [c.execution_count for c in good.cells] == [1, 2]


@pytest.mark.e2e
def test_a_kernel_killed_between_notebooks_is_replaced(
    tmp_path, monkeypatch, light_kernels
):
    probe = notebook(
        tmp_path, PID, "import sys\nprint('numpy' in sys.modules)", name="probe"
    )
    before = the_pid(run(probe))
    os.kill(before, signal.SIGKILL)
    assert dead(before)
    # and the first start of its replacement fails, as on a port collision
    starts = []
    real_start = engine._WarmKernel._a_start

    async def flaky_start(self, start_timeout):
        starts.append(start_timeout)
        if len(starts) == 1:
            raise RuntimeError("ZMQError: Address already in use (papermill#511)")
        await real_start(self, start_timeout)

    monkeypatch.setattr(engine._WarmKernel, "_a_start", flaky_start)
    after = run(probe)
    assert len(starts) == 2
    assert the_pid(after) != before
    assert engine.kernel_pids() == [the_pid(after)]
    assert stdout(after).split()[1] == "True"  # warm again


@pytest.mark.e2e
def test_a_kernel_dying_during_a_notebook_is_replaced_and_the_notebook_rerun(
    tmp_path, light_kernels
):
    marker = tmp_path / "died-once"
    dies_once = notebook(
        tmp_path,
        PID,
        f"import os, pathlib, signal\nmarker = pathlib.Path({str(marker)!r})\n"
        "if not marker.exists():\n"
        "    marker.touch()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)",
        "print('done')",
        name="dies",
    )
    nb = run(dies_once)
    assert marker.exists()
    assert stdout(nb).split()[1] == "done"
    assert [c.execution_count for c in nb.cells] == [1, 2, 3]


@pytest.mark.e2e
def test_a_notebook_past_its_timeout_is_stopped_and_its_kernel_replaced(
    tmp_path, light_kernels
):
    before = the_pid(run(notebook(tmp_path, PID, name="pid")))
    slow = notebook(tmp_path, "import time\ntime.sleep(120)", name="slow")
    start = time.monotonic()
    with pytest.raises(BriefTimeoutError, match="brief_timeout"):
        run(slow, brief_timeout=2)
    assert time.monotonic() - start < 30
    assert dead(before)
    assert before not in engine.kernel_pids()  # the next notebook starts a new one

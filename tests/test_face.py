"""``import kmp_analysis as kmp``: the few names a planner needs in a notebook,
each documented with a runnable example, loaded only when used."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

import kmp_analysis as kmp

FACE = [name for name in kmp.__all__ if name != "__version__"]


def test_the_face_lists_what_it_promises():
    assert set(kmp.__all__) == {"__version__", *kmp._FACE}
    assert {"read_dataset", "evaluate", "load_config", "write_briefs"} <= set(FACE)
    assert {"geography", "Evaluation", "KmpError", "ValidationFailed"} <= set(FACE)
    assert sorted(dir(kmp)) == sorted(kmp.__all__)
    assert kmp.__version__


@pytest.mark.parametrize("name", FACE)
def test_each_name_is_its_module_own_and_documented_with_an_example(name):
    value = getattr(kmp, name)
    assert value is getattr(importlib.import_module(kmp._FACE[name]), name)
    doc = inspect.getdoc(value) or ""
    assert "Examples\n--------\n>>> " in doc, f"{name}: no runnable example"
    if inspect.isfunction(value):
        assert "Parameters\n----------" in doc, f"{name}: parameters undocumented"


def test_importing_the_package_loads_nothing_and_names_stay_functions():
    """The face is lazy (the batch and the CLI start without pandas), and a module
    of the same name imported first does not hide a function (kmp.evaluate)."""
    code = (
        "import sys\n"
        "import kmp_analysis as kmp\n"
        "light = 'pandas' not in sys.modules\n"
        "import kmp_analysis.evaluation, kmp_analysis.io, kmp_analysis.batch\n"
        "print(light, callable(kmp.evaluate), kmp.evaluate.__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "evaluate"]


def test_an_unknown_name_says_so():
    with pytest.raises(AttributeError, match="no attribute 'evaluasi'"):
        kmp.evaluasi  # noqa: B018

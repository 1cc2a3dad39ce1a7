"""Shared test setup.

- The sample dataset and its evaluation, read and evaluated once per session
  (``sample_dataset``, ``sample_evaluation``); a test that changed them in place would
  change every later test's input, so the session checks they are unchanged at its
  end.
- A text missing from the catalog is an error (``KMP_STRICT_I18N``), also in the
  commands and kernels the tests start, which inherit the environment.
- Every test under ``tests/e2e`` is marked ``e2e`` (it runs commands, notebooks or a
  browser: ``pytest -m "not e2e"`` leaves them out).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

os.environ["KMP_STRICT_I18N"] = "1"

E2E = Path(__file__).parent / "e2e"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if E2E in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def sample_dataset():
    """The shipped sample, read once (do not change it in place)."""
    from kmp_analysis.io import read_dataset
    from kmp_analysis.paths import SAMPLE_DIR

    dataset = read_dataset(SAMPLE_DIR)
    before = _fingerprint(dataset.tables)
    yield dataset
    assert _fingerprint(dataset.tables) == before, "a test changed sample_dataset"


@pytest.fixture(scope="session")
def sample_evaluation(sample_dataset):
    """The shipped sample evaluated once (do not change it in place: copy it)."""
    from kmp_analysis.evaluation import evaluate

    evaluation = evaluate(sample_dataset)
    frames = {
        "cooperatives": evaluation.cooperatives,
        "kecamatan": evaluation.kecamatan,
    }
    before = _fingerprint(frames)
    yield evaluation
    assert _fingerprint(frames) == before, "a test changed sample_evaluation"


def _fingerprint(frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    return {
        name: int(pd.util.hash_pandas_object(frame.astype(str)).sum())
        for name, frame in frames.items()
    }

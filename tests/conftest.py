"""Shared test setup: make tests/builders.py importable as ``builders``, and make a
text missing from the catalog an error (also in the commands and kernels the tests
start, which inherit the environment)."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
os.environ["KMP_STRICT_I18N"] = "1"

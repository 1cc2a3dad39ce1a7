"""KMP Workbench: evaluate village cooperatives (KMP) of Kutai Kartanegara."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kmp-analysis")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0+unknown"

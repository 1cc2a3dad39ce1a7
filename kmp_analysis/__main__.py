"""``python -m kmp_analysis`` is ``kmp``."""

from kmp_analysis.cli import main

if __name__ == "__main__":
    main()

"""Problems found in the user's input, and the exception that carries them.

A :class:`Problem` names the file, the spreadsheet row as the user sees it (header =
row 1) and the column, plus a message code that :mod:`kmp_analysis.i18n` turns into a
sentence in Bahasa Indonesia or English. Code paths that read user input collect every
problem and raise :class:`ValidationFailed` once, so the user sees all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One problem in the input: where it is and what is wrong."""

    file: str
    row: int | None
    column: str | None
    code: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def __init__(
        self,
        file: str,
        row: int | None,
        column: str | None,
        code: str,
        **params: Any,
    ) -> None:
        object.__setattr__(self, "file", file)
        object.__setattr__(self, "row", row)
        object.__setattr__(self, "column", column)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)

    def location(self) -> str:
        """``file:row:column`` with the parts that apply."""
        parts = [self.file]
        if self.row is not None:
            parts.append(str(self.row))
        if self.column is not None:
            parts.append(self.column)
        return ":".join(parts)

    def render(self, lang: str = "id") -> str:
        """The one-line message shown to a planner."""
        from kmp_analysis.i18n import message

        text = message(self.code, lang, **self.params)
        return f"{self.location()}: {' '.join(text.split())}"  # always one line


class DaskUnavailable(RuntimeError):
    """The Dask scheduler cannot be reached, or it has no worker to run the briefs.

    Here rather than in :mod:`kmp_analysis.cluster`, so that catching it does not
    import ``distributed``.
    """


class ValidationFailed(Exception):
    """Raised with every problem found, never with a partial list."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(self.render()))

    def render(self, lang: str = "id") -> list[str]:
        return [p.render(lang) for p in self.problems]

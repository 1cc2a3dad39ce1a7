"""Every error a user can meet, and the problems found in the user's input.

All exceptions of the workbench derive from :class:`KmpError`: it carries a message
key of :mod:`kmp_analysis.i18n` (so it reads in Bahasa Indonesia or English) and the
exit code the command ends with (:data:`EXIT_PROBLEMS`, :data:`EXIT_USAGE`). The
command line maps them to exit codes in one place (:func:`kmp_analysis.cli.command`).

A :class:`Problem` names the file, the spreadsheet row as the user sees it (header =
row 1) and the column, plus a message code that :mod:`kmp_analysis.i18n` turns into a
sentence in Bahasa Indonesia or English. Code paths that read user input collect every
problem and raise :class:`ValidationFailed` once, so the user sees all of them at once.

A problem is an error (the data cannot be used) or a warning (legal but suspect, such
as a month without a report); ``--strict`` turns warnings into errors. One problem may
cover a run of consecutive rows (``row`` to ``last_row``): the same mistake repeated on
100,000 rows is one line, not 100,000. :func:`collapse`, :func:`group_by_file` and
:func:`report_lines` turn a list of problems into what a planner reads::

    == berkas /data/laporan_bulanan.csv: 200.000 galat
    /data/laporan_bulanan.csv:2-100001:omzet: 'abc' bukan angka (100.000 baris)
    ...
    200.000 masalah di 1 berkas (200.000 galat, 0 peringatan); perbaiki lalu ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kmp_analysis.i18n import fmt_int, label, message

if TYPE_CHECKING:
    import numpy as np

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)

#: Longest cell value quoted in a message; longer values are cut with an ellipsis.
MAX_VALUE_CHARS = 60
#: Message parameters that quote the user's input (cut to MAX_VALUE_CHARS).
USER_PARAMS = frozenset(
    {"value", "found", "name", "key", "koperasi_id", "detail", "kecamatan_given"}
)


@dataclass(frozen=True)
class Problem:
    """One problem in the input: where it is and what is wrong.

    ``row`` is the spreadsheet row (None where the problem is about a whole file or
    table); ``last_row`` is set where the same problem repeats on every row from
    ``row`` to ``last_row``, whose ``params`` are those of the first row (``varies``
    says whether the other rows had other values).
    """

    file: str
    row: int | None
    column: str | None
    code: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)
    severity: str = ERROR
    last_row: int | None = None
    varies: bool = field(default=False, compare=False)

    def __init__(
        self,
        file: str,
        row: int | None,
        column: str | None,
        code: str,
        *,
        severity: str = ERROR,
        last_row: int | None = None,
        varies: bool = False,
        **params: Any,
    ) -> None:
        if severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, not {severity!r}")
        if last_row is not None and (row is None or last_row <= row):
            last_row = None
        object.__setattr__(self, "file", file)
        object.__setattr__(self, "row", row)
        object.__setattr__(self, "column", column)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "severity", severity)
        object.__setattr__(self, "last_row", last_row)
        object.__setattr__(self, "varies", varies)

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING

    @property
    def n_rows(self) -> int:
        """How many spreadsheet rows the problem covers (1 for a single cell)."""
        if self.row is None or self.last_row is None:
            return 1
        return self.last_row - self.row + 1

    def as_error(self) -> Problem:
        """The same problem as an error (what ``--strict`` does to a warning)."""
        return self._copy(severity=ERROR)

    def in_file(self, file: str) -> Problem:
        """The same problem with its file named ``file`` (e.g. the path relative to
        the project, where a page must not show a machine's folders)."""
        return self._copy(file=file)

    def _copy(self, file: str | None = None, **changes: Any) -> Problem:
        values: dict[str, Any] = {
            "severity": self.severity,
            "last_row": self.last_row,
            "varies": self.varies,
            **self.params,
        }
        values.update(changes)
        where = self.file if file is None else file
        return Problem(where, self.row, self.column, self.code, **values)

    def location(self) -> str:
        """``file:row:column`` with the parts that apply (``row`` may be ``2-9``)."""
        parts = [self.file]
        if self.row is not None:
            rows = str(self.row)
            if self.last_row is not None:
                rows += f"-{self.last_row}"
            parts.append(rows)
        if self.column is not None:
            parts.append(self.column)
        return ":".join(parts)

    def render(self, lang: str = "id") -> str:
        """The one-line message shown to a planner."""
        params = {k: _printable(v, k in USER_PARAMS) for k, v in self.params.items()}
        text = message(self.code, lang, **params)
        if self.is_warning:
            text = f"{message('warning_prefix', lang)} {text}"
        if self.n_rows > 1:
            code = "rows_collapsed_varied" if self.varies else "rows_collapsed"
            text += " " + message(
                code, lang, n=fmt_int(self.n_rows, lang), row=self.row
            )
        return f"{self.location()}: {' '.join(text.split())}"  # always one line


def _printable(value: Any, clip: bool = True) -> Any:
    """A parameter as it may appear in a one-line message: short, no control codes."""
    if not isinstance(value, str):
        return value
    if clip and len(value) > MAX_VALUE_CHARS:
        value = value[: MAX_VALUE_CHARS - 1] + "\u2026"
    if value.isprintable():
        return value
    return "".join(
        c
        if c.isprintable() or c == " "
        else f"\\x{ord(c):02x}"
        if ord(c) < 0x100
        else "\ufffd"
        for c in value
    )


# --------------------------------------------------------------------- building


def row_problems(
    file: str,
    column: str | None,
    code: str,
    rows: Sequence[int] | np.ndarray,
    params: Mapping[str, Sequence[Any] | np.ndarray] | None = None,
    *,
    severity: str = ERROR,
    **common: Any,
) -> list[Problem]:
    """One problem per run of consecutive rows, built without a loop over rows.

    ``params`` holds, per message parameter, one value per entry of ``rows``; a run
    keeps the values of its first row and notes whether the others differ. Repeated
    rows are reported once. This is how a column of 100,000 junk cells becomes one
    problem cheaply; :func:`collapse` does the same for any list of problems.
    """
    import numpy as np  # here: the CLI imports this module at start-up

    row_array = np.asarray(rows, dtype=np.int64)
    if row_array.size == 0:
        return []
    order = np.argsort(row_array, kind="stable")
    row_array = row_array[order]
    keep = np.r_[True, row_array[1:] != row_array[:-1]]
    row_array = row_array[keep]
    values = {
        name: _object_array(seq)[order][keep] for name, seq in (params or {}).items()
    }
    breaks = np.flatnonzero(np.diff(row_array) != 1) + 1
    starts = np.r_[0, breaks]
    ends = np.r_[breaks, row_array.size] - 1
    changed = np.zeros(max(row_array.size - 1, 0), dtype=bool)
    for array in values.values():
        changed |= np.asarray(array[1:] != array[:-1], dtype=bool)
    changes = np.r_[0, np.cumsum(changed)]
    problems = []
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        first = {name: _plain(array[start]) for name, array in values.items()}
        problems.append(
            Problem(
                file,
                int(row_array[start]),
                column,
                code,
                severity=severity,
                last_row=int(row_array[end]) if end > start else None,
                varies=bool(changes[end] - changes[start]),
                **common,
                **first,
            )
        )
    return problems


def _object_array(values: Sequence[Any] | np.ndarray) -> np.ndarray:
    """Values as a 1-d object array (never a fixed-width string array)."""
    import numpy as np

    array = np.asarray(values, dtype=object)
    if array.ndim != 1:  # values that are sequences themselves
        array = np.empty(len(values), dtype=object)
        array[:] = list(values)
    return array


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value it holds."""
    item = getattr(value, "item", None)
    return item() if item is not None and type(value).__module__ == "numpy" else value


def collapse(problems: Iterable[Problem]) -> list[Problem]:
    """Merge a problem repeated on consecutive rows into one problem with a row range.

    Two problems merge where they have the same file, column, code and severity and
    the second starts on the row after the first ends. The order is kept: a merged
    problem stands where its first row stood. Problems without a row never merge.
    """
    out: list[Problem] = []
    open_runs: dict[tuple, int] = {}  # key -> position in out of the run to extend
    for p in problems:
        if p.row is None:
            out.append(p)
            continue
        key = (p.file, p.column, p.code, p.severity)
        at = open_runs.get(key)
        if at is not None:
            run = out[at]
            end = run.last_row if run.last_row is not None else run.row
            assert end is not None
            if p.row == end + 1:
                varies = run.varies or p.varies or run.params != p.params
                out[at] = run._copy(
                    last_row=p.last_row if p.last_row is not None else p.row,
                    varies=varies,
                )
                continue
        open_runs[key] = len(out)
        out.append(p)
    return out


def count(problems: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings), counting every row a problem covers."""
    errors = warnings = 0
    for p in problems:
        if p.is_warning:
            warnings += p.n_rows
        else:
            errors += p.n_rows
    return errors, warnings


@dataclass
class FileGroup:
    """The problems of one file (or workbook sheet), in reading order."""

    file: str
    problems: list[Problem]

    @property
    def is_file(self) -> bool:
        """False for a command-line option such as ``--period``."""
        return _is_file(self.file)

    @property
    def counts(self) -> tuple[int, int]:
        return count(self.problems)


def _is_file(name: str) -> bool:
    return not name.startswith("-")


def group_by_file(problems: Iterable[Problem]) -> list[FileGroup]:
    """Collapsed problems per file, files in order of their first problem."""
    groups: dict[str, FileGroup] = {}
    for p in collapse(problems):
        groups.setdefault(p.file, FileGroup(p.file, [])).problems.append(p)
    return list(groups.values())


def _counts_text(errors: int, warnings: int, lang: str) -> str:
    parts = []
    if errors or not warnings:
        parts.append(message("n_errors", lang, n=fmt_int(errors, lang)))
    if warnings:
        parts.append(message("n_warnings", lang, n=fmt_int(warnings, lang)))
    return ", ".join(parts)


def summary_line(problems: Sequence[Problem], lang: str = "id") -> str:
    """``12 masalah di 3 berkas (10 galat, 2 peringatan); ...``."""
    errors, warnings = count(problems)
    files = len({p.file for p in problems if _is_file(p.file)})
    code = "summary_errors" if errors else "summary_warnings"
    if not files:
        code += "_nofile"
    return message(
        code,
        lang,
        n=fmt_int(errors + warnings, lang),
        files=fmt_int(files, lang),
        errors=fmt_int(errors, lang),
        warnings=fmt_int(warnings, lang),
    )


def report_lines(problems: Sequence[Problem], lang: str = "id") -> list[str]:
    """What a planner reads: per file a header and its problems, then a summary.

    Problems are shown in the order given (sort them first); the same problem on
    consecutive rows is one line with the row range and the number of rows.
    """
    return [*_file_lines(problems, lang), summary_line(problems, lang)]


def _file_lines(problems: Sequence[Problem], lang: str) -> list[str]:
    """Per file a header and its problems (no summary line)."""
    lines: list[str] = []
    for group in group_by_file(problems):
        if group.is_file:
            counts = _counts_text(*group.counts, lang)
            lines.append(message("file_header", lang, file=group.file, counts=counts))
        lines.extend(p.render(lang) for p in group.problems)
    return lines


#: Warnings that fit in this many lines are shown in full, not summarised by kind.
WARNING_LINES_IN_FULL = 10
#: Examples shown per kind of warning in the summary.
EXAMPLES_PER_KIND = 3


def summarise_problems(
    problems: Sequence[Problem], lang: str = "id", detail: bool = False
) -> list[str]:
    """What a planner reads, errors before warnings, so that no error drowns.

    Every error is listed as in :func:`report_lines` (per file, ``file:row:column:
    message``). Warnings follow: in full where ``detail`` is set or they fit in
    :data:`WARNING_LINES_IN_FULL` lines; otherwise one line per kind (message
    code) with its count and up to :data:`EXAMPLES_PER_KIND` places, kinds with
    the most first, and a closing hint that ``--rinci`` shows them all. The
    summary line of :func:`report_lines` ends the list.

    Examples
    --------
    >>> gaps = [Problem("lap.csv", None, "bulan", "months_not_reported",
    ...                 severity=WARNING, koperasi_id=f"K{i}", n=1, months="2026-08")
    ...         for i in range(12)]
    >>> bad = Problem("lap.csv", 4, "omzet", "not_a_number", value="12 juta")
    >>> print("\\n".join(summarise_problems([*gaps, bad], "en")))
    == file lap.csv: 1 error(s)
    lap.csv:4:omzet: '12 juta' is not a number
    == warnings by kind (12)
      12 × cooperatives with months without a report; e.g. lap.csv:bulan (K0), \
lap.csv:bulan (K1), lap.csv:bulan (K2)
    12 warning(s); all of them with --rinci (--detail)
    13 problem(s) in 1 file(s) (1 error(s), 12 warning(s)); fix them and run again.
    """
    errors = [p for p in problems if not p.is_warning]
    warnings = [p for p in problems if p.is_warning]
    lines = _file_lines(errors, lang)
    collapsed = collapse(warnings)
    if detail or len(collapsed) <= WARNING_LINES_IN_FULL:
        lines += _file_lines(warnings, lang)
    else:
        lines += warning_kinds(collapsed, lang)
    lines.append(summary_line(problems, lang))
    return lines


def warning_kinds(warnings: Sequence[Problem], lang: str = "id") -> list[str]:
    """Warnings summarised: a header, one line per kind (count, a few places) and
    the hint that ``--rinci`` lists them all."""
    kinds: dict[str, list[Problem]] = {}
    for p in collapse(warnings):
        kinds.setdefault(p.code, []).append(p)
    total = count(warnings)[1]
    lines = [message("warning_kinds_header", lang, n=fmt_int(total, lang))]
    ranked = sorted(kinds.values(), key=lambda ps: -count(ps)[1])  # stable
    for found in ranked:
        examples = ", ".join(_example(p) for p in found[:EXAMPLES_PER_KIND])
        lines.append(
            message(
                "warning_kind_line",
                lang,
                n=fmt_int(count(found)[1], lang),
                kind=_kind_title(found[0], lang),
                examples=examples,
            )
        )
    lines.append(message("warnings_hint", lang, n=fmt_int(total, lang)))
    return lines


def _kind_title(problem: Problem, lang: str) -> str:
    """A kind's name (``kind_<code>``), or its first message where it has none."""
    from kmp_analysis.i18n import MESSAGES

    if f"kind_{problem.code}" in MESSAGES:
        return message(f"kind_{problem.code}", lang)
    plain = problem._copy(severity=ERROR, last_row=None)
    return plain.render(lang).removeprefix(plain.location() + ": ")


def _example(problem: Problem) -> str:
    """Where a problem is, short: the file's name (not its folder), row, column,
    and the cooperative where the problem has no row."""
    name = problem.file.replace("\\", "/").rsplit("/", 1)[-1]
    place = problem.location().replace(problem.file, name, 1)
    who = problem.params.get("koperasi_id")
    if problem.row is None and who is not None:
        place += f" ({_printable(str(who))})"
    return place


# --------------------------------------------------------------------- exceptions

#: Exit codes of the ``kmp`` command (DESIGN §9).
EXIT_OK = 0
#: Problems in the data, or a brief that failed (the others are still written).
EXIT_PROBLEMS = 1
#: The command was used wrongly: an unknown kecamatan, a bad option value.
EXIT_USAGE = 2
#: An unexpected error: a bug in the workbench, to report.
EXIT_BUG = 3
#: Stopped with Ctrl-C.
EXIT_INTERRUPTED = 130


class KmpError(Exception):
    """Every error a user can meet: what went wrong, in the reader's language, and
    the exit code the command ends with.

    ``key`` names a message of :mod:`kmp_analysis.i18n`, ``params`` fill it in, so
    the same error reads in Bahasa Indonesia (``str()``) or English
    (``text("en")``). ``option`` is the command-line option the error is about,
    written before the message (``--scheduler: …``).

    Examples
    --------
    >>> import kmp_analysis as kmp
    >>> try:
    ...     kmp.write_briefs(lang="jv")
    ... except kmp.KmpError as error:
    ...     print(error, "|", error.text("en"), "|", error.exit_code)
    bahasa 'jv' tidak dikenal; pilihan: id, en | language 'jv' is not known; \
choices: id, en | 2
    """

    exit_code: int = EXIT_PROBLEMS
    option: str | None = None
    #: The language a notebook shows the error in (:func:`said_in`).
    lang: str = "id"
    #: Raised by a notebook's call (:func:`said_in`): options are named as the
    #: notebook's parameters are (``kecamatan``, not ``--kecamatan``).
    in_notebook: bool = False

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def _render_traceback_(self) -> list[str]:
        """What IPython (JupyterLab, papermill) shows instead of a traceback: the
        message a planner can act on, in the notebook's language."""
        return self.said()

    def said(self) -> list[str]:
        """Its lines in its own language, with the names the reader uses: in a
        notebook, the parameters (``period``) rather than the command's options
        (``--period``)."""
        lines = self.lines(self.lang)
        if self.in_notebook:
            lines = [_NOTEBOOK_OPTION.sub(_parameter_name, line) for line in lines]
        return lines

    def lines(self, lang: str = "id") -> list[str]:
        """What a planner reads, one line each."""
        text = self._lookup(lang)
        return [f"{self.option}: {text}" if self.option else text]

    def _lookup(self, lang: str) -> str:
        return message(self.key, lang, **self.params)

    def text(self, lang: str = "id") -> str:
        return "\n".join(self.lines(lang))

    def about(self, option: str) -> KmpError:
        """The same error, said of command-line option ``option``."""
        self.option = option
        return self

    def __str__(self) -> str:
        """Its text as :meth:`said` gives it (papermill records this as a failed
        brief's error, so it reads as the notebook showed it)."""
        return "\n".join(self.said())

    def __reduce__(self) -> tuple:
        # rebuilt from its attributes: the constructors of subclasses differ
        return (_rebuild, (type(self), dict(self.__dict__)))


@contextmanager
def said_in(lang: str) -> Iterator[None]:
    """Errors raised inside are shown in ``lang`` by a notebook, naming its
    parameters (a notebook's ``prepare()`` runs in it, so a wrong period reads as
    ``period: …``, not as a traceback). A language the workbench does not speak
    (the mistake itself, maybe) is Bahasa Indonesia."""
    from kmp_analysis.i18n import LANGS

    try:
        yield
    except KmpError as error:
        error.lang = lang if lang in LANGS else "id"
        error.in_notebook = True
        raise


#: Command-line options and the notebook parameters that carry the same value.
NOTEBOOK_PARAMETERS = {
    "--kecamatan": "kecamatan",
    "--period": "period",
    "--data": "data",
    "--config": "config",
    "--lang": "lang",
    "--koperasi": "koperasi_id",
}
_NOTEBOOK_OPTION = re.compile(
    "|".join(re.escape(o) + r"\b" for o in sorted(NOTEBOOK_PARAMETERS, key=len)[::-1])
)


def _parameter_name(match: re.Match[str]) -> str:
    return NOTEBOOK_PARAMETERS[match.group(0)]


def _rebuild(cls: type[KmpError], state: dict[str, Any]) -> KmpError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("key", ""))
    error.__dict__.update(state)
    return error


class UsageError(KmpError, ValueError):
    """A command or function called with a value it cannot take (exit 2).

    Examples
    --------
    >>> from kmp_analysis.config import check_lang
    >>> check_lang("fr")
    Traceback (most recent call last):
    kmp_analysis.errors.UsageError: bahasa 'fr' tidak dikenal; pilihan: id, en
    """

    exit_code = EXIT_USAGE


class ValidationFailed(KmpError):
    """Raised with every problem found, never with a partial list.

    ``problems`` holds the errors and, alongside them, the warnings found in the
    same data (so that one run shows everything). Problems in the data end the
    command with exit 1; where every problem is about a command-line option (a
    ``--period`` that is no month), it was used wrongly: exit 2.

    Examples
    --------
    >>> from kmp_analysis.errors import Problem, ValidationFailed
    >>> bad = Problem("data/laporan_bulanan.csv", 4, "omzet", "not_a_number",
    ...               value="12 juta")
    >>> failed = ValidationFailed([bad])
    >>> print("\\n".join(failed.report("en")), failed.exit_code, sep="\\n")
    == file data/laporan_bulanan.csv: 1 error(s)
    data/laporan_bulanan.csv:4:omzet: '12 juta' is not a number
    1 problem(s) in 1 file(s) (1 error(s), 0 warning(s)); fix them and run again.
    1
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("validation_failed")

    @property
    def exit_code(self) -> int:  # type: ignore[override]
        if self.problems and not any(_is_file(p.file) for p in self.problems):
            return EXIT_USAGE
        return EXIT_PROBLEMS

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.is_warning]

    def render(self, lang: str = "id") -> list[str]:
        """One line per problem, in order."""
        return [p.render(lang) for p in self.problems]

    def report(self, lang: str = "id") -> list[str]:
        """Grouped by file, collapsed, with a summary line (:func:`report_lines`)."""
        return report_lines(self.problems, lang)

    def summary(self, lang: str = "id", detail: bool = False) -> list[str]:
        """Errors first, warnings by kind unless ``detail``
        (:func:`summarise_problems`)."""
        return summarise_problems(self.problems, lang, detail)

    def lines(self, lang: str = "id") -> list[str]:
        return self.summary(lang)


class UnknownName(UsageError):
    """Names or codes given on the command line that match nothing known.

    ``given`` and ``suggestions`` (the closest names, "maksud Anda") are those of
    the first; ``failures`` lists every one, when several were asked for at once
    (:meth:`several`). Subclasses name their message (``key``).
    """

    key = "unknown_kecamatan"

    def __init__(self, given: str, suggestions: Iterable[str] = ()) -> None:
        super().__init__(self.key, given=given)
        self.given = given
        self.suggestions = list(suggestions)
        self.failures: list[UnknownName] = [self]

    @classmethod
    def several(cls, failures: list[UnknownName]) -> UnknownName:
        """One error for every name that did not resolve."""
        first = failures[0]
        error = cls(first.given, first.suggestions)
        error.failures = list(failures)
        return error

    def lines(self, lang: str = "id") -> list[str]:
        out = []
        for failure in self.failures:
            text = message(self.key, lang, given=failure.given)
            if failure.suggestions:
                names = ", ".join(failure.suggestions)
                text += message("did_you_mean", lang, names=names)
            out.append(text)
        return out


class UnknownKecamatan(UnknownName):
    """Kecamatan names or codes that match none of the geography's.

    Examples
    --------
    >>> import kmp_analysis as kmp
    >>> try:
    ...     kmp.geography().resolve("Tenggarang")
    ... except kmp.UnknownKecamatan as error:
    ...     print(error.suggestions, error.exit_code)
    ...     print(error)
    ['Tenggarong', 'Tenggarong Seberang', 'Tabang'] 2
    --kecamatan: 'Tenggarang' tidak dikenal; maksud Anda: Tenggarong, Tenggarong \
Seberang, Tabang?
    """

    key = "unknown_kecamatan"


class UnknownKoperasi(UnknownName):
    """Cooperative IDs (``kmp rapor --koperasi``) that are not in the data."""

    key = "koperasi_option_unknown"


class UnknownVillage(KmpError, ValueError):
    """A village name that matches no village, or several (then ``kecamatan`` lists
    the kecamatan that have it, and the kecamatan must be given)."""

    def __init__(
        self, given: str, suggestions: list[str], kecamatan: list[str] | None = None
    ) -> None:
        super().__init__("village_unknown", value=given)
        self.given = given
        self.suggestions = suggestions
        self.kecamatan = kecamatan or []


class AllocationError(KmpError, ValueError):
    """K facilitators cannot be shared as asked (too few for the kecamatan in need).

    Its messages are labels: the regency summary shows them as a sentence too.
    """

    def _lookup(self, lang: str) -> str:
        return label(self.key, lang, **self.params)


class DaskUnavailable(KmpError, RuntimeError):
    """The Dask scheduler cannot be reached, or it has no worker to run the briefs.

    Here rather than in the Dask module, so that catching it does not import
    ``distributed``.
    """

    option = "--scheduler"


class PdfUnavailable(KmpError, RuntimeError):
    """No Chromium/Chrome on this machine: PDFs cannot be made (HTML still can)."""

    def __init__(self, key: str = "pdf_unavailable", /, **params: Any) -> None:
        super().__init__(key, **params)


class PdfFailed(KmpError, RuntimeError):
    """Chromium failed to print a page, or took too long (the HTML brief stands)."""


class WarmKernelError(KmpError, RuntimeError):
    """A kernel could not be started, or died twice running the same notebook."""


class BriefTimeoutError(KmpError, TimeoutError):
    """A notebook ran past its timeout; its kernel was killed and will be replaced."""


class ReferenceMissing(KmpError, FileNotFoundError):
    """Kukar's reference data is not where the workbench expects it (the package
    runs from its source checkout, next to ``data/``)."""

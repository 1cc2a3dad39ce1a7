"""The save hook of the planner's JupyterLab: notebooks under ``notebooks/`` are
written without what running them added; others as they are."""

from __future__ import annotations

import copy
from types import SimpleNamespace

import nbformat
import pytest
from nbformat.v4 import (
    new_code_cell,
    new_markdown_cell,
    new_notebook,
    new_output,
)

from kmp_analysis.paths import NOTEBOOKS_DIR
from kmp_analysis.report.lab import is_committed, pre_save_hook, strip_outputs


def ran_notebook() -> dict:
    """A notebook as JupyterLab sends it after Run All: outputs of every kind,
    counts, widget state, the kernel's language_info and view-state metadata."""
    nb = new_notebook(
        metadata={
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {
                "name": "python",
                "version": "3.11.9",
                "mimetype": "text/x-python",
            },
            "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}},
        }
    )
    nb.cells = [
        new_markdown_cell("# Judul", metadata={"tags": ["kmp-petunjuk"]}),
        new_code_cell(
            'kecamatan: str = "Tenggarong"',
            metadata={"tags": ["parameters"], "scrolled": True},
            execution_count=1,
        ),
        new_code_cell(
            "brief.map()",
            execution_count=2,
            metadata={
                "collapsed": False,
                "execution": {"iopub.status.busy": "2026-11-01T00:00:00Z"},
                "jupyter": {"outputs_hidden": True, "source_hidden": True},
            },
            outputs=[
                new_output("stream", name="stdout", text="14 koperasi\n"),
                new_output("display_data", data={"image/png": "iVBORw0KGgo="}),
                new_output(
                    "execute_result", data={"text/plain": "14"}, execution_count=2
                ),
                new_output("error", ename="KmpError", evalue="x", traceback=[]),
            ],
        ),
    ]
    nb.cells[0].attachments = {"peta.png": {"image/png": "iVBORw0KGgo="}}
    return nbformat.from_dict(nb)


def test_a_notebook_with_outputs_in_none_out():
    nb = ran_notebook()
    stripped = strip_outputs(copy.deepcopy(nb))
    code = [c for c in stripped.cells if c.cell_type == "code"]
    assert [c.outputs for c in code] == [[], []]
    assert [c.execution_count for c in code] == [None, None]
    assert stripped.metadata == {
        "kernelspec": nb.metadata.kernelspec,
        "language_info": {"name": "python"},
    }
    # the author's work stays: sources, tags, ids, hidden input, attachments
    assert [c.source for c in stripped.cells] == [c.source for c in nb.cells]
    assert [c.id for c in stripped.cells] == [c.id for c in nb.cells]
    assert stripped.cells[0].metadata == {"tags": ["kmp-petunjuk"]}
    assert stripped.cells[0].attachments == nb.cells[0].attachments
    assert code[0].metadata == {"tags": ["parameters"]}
    assert code[1].metadata == {"jupyter": {"source_hidden": True}}
    nbformat.validate(stripped)


def test_the_hook_strips_only_the_projects_notebooks():
    for path in ("notebooks/brief_kecamatan.ipynb", "/notebooks/coba/salinan.ipynb"):
        model = {"type": "notebook", "content": ran_notebook()}
        pre_save_hook(model=model, path=path, contents_manager=None)
        assert all(c.get("outputs", []) == [] for c in model["content"]["cells"])
    for path in ("outputs/analisis.ipynb", "analisis.ipynb", "notebooks"):
        nb = ran_notebook()
        model = {"type": "notebook", "content": copy.deepcopy(nb)}
        pre_save_hook(model=model, path=path, contents_manager=None)
        assert model["content"] == nb, path
    text = {"type": "file", "format": "text", "content": "catatan"}
    pre_save_hook(model=text, path="notebooks/catatan.txt")
    assert text["content"] == "catatan"


@pytest.mark.parametrize(
    ("path", "committed"),
    [
        ("notebooks/rapor_koperasi.ipynb", True),
        ("notebooks/sub/x.ipynb", True),
        ("notebooks/README.md", False),
        ("outputs/notebooks/x.ipynb", False),
        ("x.ipynb", False),
    ],
)
def test_is_committed(path, committed):
    assert is_committed(path) is committed


@pytest.mark.parametrize(
    "notebook", sorted(NOTEBOOKS_DIR.glob("*.ipynb")), ids=lambda p: p.stem
)
def test_saving_a_committed_notebook_in_the_lab_changes_no_byte(notebook):
    """JupyterLab saves what the hook leaves, as nbformat writes it: a committed
    notebook opened, run and saved is the same file, so ``git status`` stays
    clean (key order, indent and the final newline included)."""
    raw = notebook.read_text("utf-8")
    model = {"type": "notebook", "content": ran_over(nbformat.reads(raw, 4))}
    model["content"].metadata["widgets"] = {"live": "state"}  # as the lab may save
    server = SimpleNamespace(root_dir=str(notebook.parents[1]))  # the project
    pre_save_hook(
        model=model, path=f"notebooks/{notebook.name}", contents_manager=server
    )
    saved = nbformat.writes(nbformat.from_dict(model["content"])) + "\n"
    assert saved == raw


def ran_over(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` as JupyterLab holds it after Run All: outputs, counts, language_info."""
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.9"}
    for number, cell in enumerate(nb.cells, 1):
        if cell.cell_type == "code":
            cell.execution_count = number
            cell.outputs = [new_output("stream", name="stdout", text="ok\n")]
    return nb

"""The planner's JupyterLab: the project's notebooks are saved without outputs.

``make lab`` starts JupyterLab with the project's ``jupyter/jupyter_server_config.py``,
which makes :func:`pre_save_hook` the hook that Jupyter Server calls on every save
(``ContentsManager.pre_save_hook``). A planner can then open a notebook under
``notebooks/``, press Run All, look at the figures and save (JupyterLab also saves by
itself every two minutes): what reaches the file is the notebook as committed, its
code and narrative, never the outputs, so ``git status`` stays clean after a session.
A notebook saved anywhere else (``outputs/``, a copy made with "Save As") keeps its
outputs.

What JupyterLab adds while a notebook is open and that is not the planner's work is
stripped too: execution counts, the live widget state (a widget state the committed
file carries, the explorer's notice, is kept as committed), the kernel's
``language_info`` (it names the Python version of the machine) and the cell metadata
recording scrolling, collapsing and timings. Everything else is kept as it is:
sources, tags (the ``parameters`` cell), cell ids, attachments, a hidden input.

Nothing from the rest of the package is imported: the Jupyter server imports this
module once when it starts.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

#: Notebooks saved under these folders of the project are saved without outputs.
STRIPPED_FOLDERS = ("notebooks",)
#: Cell metadata written by JupyterLab (and its extensions) while a notebook is
#: open: view state and timings, not part of the notebook.
VOLATILE_CELL_METADATA = (
    "collapsed",
    "scrolled",
    "execution",
    "ExecuteTime",
    "heading_collapsed",
    "hidden",
)
#: Notebook metadata written by the kernel and the widgets, not by the author.
VOLATILE_NOTEBOOK_METADATA = ("widgets", "signature")


def strip_outputs(nb: dict[str, Any]) -> dict[str, Any]:
    """``nb`` (a notebook as JSON, changed in place) without what running it added.

    Code cells lose their outputs and execution counts; cells lose
    :data:`VOLATILE_CELL_METADATA` and ``jupyter.outputs_hidden``; the notebook
    loses :data:`VOLATILE_NOTEBOOK_METADATA` and keeps only the ``name`` of its
    ``language_info``.

    Parameters
    ----------
    nb
        The notebook's JSON (nbformat 4), as Jupyter Server hands it to a hook.

    Returns
    -------
    dict
        ``nb`` itself.

    Examples
    --------
    >>> nb = {
    ...     "metadata": {"language_info": {"name": "python", "version": "3.11.9"}},
    ...     "cells": [
    ...         {
    ...             "cell_type": "code",
    ...             "execution_count": 3,
    ...             "metadata": {"tags": ["parameters"], "scrolled": True},
    ...             "outputs": [{"output_type": "stream", "text": "14"}],
    ...             "source": "len(ev.cooperatives)",
    ...         }
    ...     ],
    ... }
    >>> cell = strip_outputs(nb)["cells"][0]
    >>> cell["outputs"], cell["execution_count"], cell["metadata"]
    ([], None, {'tags': ['parameters']})
    >>> nb["metadata"]
    {'language_info': {'name': 'python'}}
    """
    metadata = nb.setdefault("metadata", {})
    for key in VOLATILE_NOTEBOOK_METADATA:
        metadata.pop(key, None)
    language = metadata.get("language_info")
    if isinstance(language, dict) and "name" in language:
        metadata["language_info"] = {"name": language["name"]}
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cell_metadata = cell.get("metadata", {})
        for key in VOLATILE_CELL_METADATA:
            cell_metadata.pop(key, None)
        shown = cell_metadata.get("jupyter")
        if isinstance(shown, dict):
            shown.pop("outputs_hidden", None)
            if not shown:
                del cell_metadata["jupyter"]
    return nb


def is_committed(path: str) -> bool:
    """True for a notebook that the project commits: an ``.ipynb`` under one of
    :data:`STRIPPED_FOLDERS`, ``path`` being the server's path (relative to the
    project, ``/`` separated).

    Examples
    --------
    >>> is_committed("notebooks/brief_kecamatan.ipynb")
    True
    >>> is_committed("/notebooks/coba/salinan.ipynb"), is_committed("outputs/x.ipynb")
    (True, False)
    """
    parts = PurePosixPath(path.strip("/")).parts
    return (
        len(parts) > 1 and parts[0] in STRIPPED_FOLDERS and parts[-1].endswith(".ipynb")
    )


def pre_save_hook(
    model: dict[str, Any], path: str, contents_manager: Any = None, **kwargs: Any
) -> None:
    """Jupyter Server's ``ContentsManager.pre_save_hook``: a notebook the project
    commits (:func:`is_committed`) is saved as :func:`strip_outputs` leaves it.

    Parameters
    ----------
    model
        What is about to be saved (``type``, ``content``...); changed in place.
    path
        Where, relative to the server's root (the project).
    contents_manager
        The server's; used to read the committed file's widget state (kept).
    kwargs
        Passed by the server, not used.

    Examples
    --------
    >>> model = {
    ...     "type": "notebook",
    ...     "content": {"metadata": {}, "cells": [
    ...         {"cell_type": "code", "execution_count": 1, "metadata": {},
    ...          "outputs": [{"output_type": "stream", "text": "ok"}], "source": ""}
    ...     ]},
    ... }
    >>> pre_save_hook(model, "outputs/analisis.ipynb")
    >>> len(model["content"]["cells"][0]["outputs"])
    1
    >>> pre_save_hook(model, "notebooks/analisis_sendiri.ipynb")
    >>> model["content"]["cells"][0]["outputs"]
    []
    """
    if model.get("type") != "notebook" or not is_committed(path):
        return
    content = model.get("content")
    if isinstance(content, dict):
        strip_outputs(content)
        committed = _committed_widgets(contents_manager, path)
        if committed is not None:
            content["metadata"]["widgets"] = committed


def _committed_widgets(contents_manager: Any, path: str) -> Any:
    """The widget state the notebook on disk carries, if any: the explorer commits
    one on purpose (the notice to run all again that JupyterLab shows in place of
    its widgets on reopening, see :mod:`kmp_analysis.report.explore`), which a save
    must keep as committed rather than drop or replace with the live widgets'."""
    root = getattr(contents_manager, "root_dir", None)
    if root is None:
        return None
    # read from disk (the server's own ``get`` is a coroutine in Jupyter Server 2,
    # which a hook, called synchronously, cannot await)
    try:
        on_disk = json.loads((Path(root) / path.strip("/")).read_text("utf-8"))
    except (OSError, ValueError):  # a new notebook, or one that is not JSON
        return None
    metadata = on_disk.get("metadata") if isinstance(on_disk, dict) else None
    return metadata.get("widgets") if isinstance(metadata, dict) else None

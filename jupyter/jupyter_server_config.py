"""JupyterLab of the KMP Workbench, as ``make lab`` starts it.

``make lab`` puts this folder first on Jupyter's configuration path
(``JUPYTER_CONFIG_PATH``), so these settings win over a planner's own
``~/.jupyter``; the rest of that (themes, workspaces) is left alone.

- the project folder is the root of the file browser: ``data/``, ``notebooks/`` and
  ``outputs/`` are one click away;
- the server listens on 127.0.0.1 only and opens no browser (it prints its address);
- notebooks under ``notebooks/`` are saved without outputs
  (:func:`kmp_analysis.report.lab.pre_save_hook`), so running them leaves
  ``git status`` clean;
- no news feed, no check for a newer JupyterLab (nothing leaves the machine);
  ``labconfig/page_config.json`` beside this file also turns the announcements
  plugin off.
"""

from pathlib import Path

c = get_config()  # noqa: F821 (defined by Jupyter when it reads this file)

c.ServerApp.root_dir = str(Path(__file__).resolve().parents[1])
c.ServerApp.ip = "127.0.0.1"
c.ServerApp.open_browser = False
c.ContentsManager.pre_save_hook = "kmp_analysis.report.lab.pre_save_hook"
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
# "Render with Voilà" inside JupyterLab: the same offline template as `make app`; with
# both MathJax settings None its pages do not load MathJax from cdnjs (they would)
c.VoilaConfiguration.template = "kmp"
c.ServerApp.tornado_settings = {"mathjax_url": None, "mathjax_config": None}
c.ServerApp.log_level = "WARN"  # the address and what goes wrong, little else
c.LabApp.log_level = "WARN"
